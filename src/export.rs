//! The export file (one JSON file with routines, history and settings),
//! reading it back, the preview of what an import will add or change, and
//! the merge itself.
//!
//! # The file
//!
//! The saved store's format (see [`crate::store`]) with two more fields:
//!
//! ```json
//! { "format": "foot-map", "version": 2, "exported": 1763740800000,
//!   "settings": { … }, "routines": [ … ], "history": [ … ] }
//! ```
//!
//! `format` marks the file as Foot Map's; `exported` is when it was made
//! (Unix ms). Reading is strict where saved data is lenient: a file with any
//! entry that cannot be read is refused whole, so a wrong, damaged or
//! foreign file changes nothing. Files of version 1 (without ratings) are
//! read as the saved store of version 1 is.
//! What an import changes is planned and merged beside the store
//! ([`crate::store::merge`]).

use crate::format::thousands;
use crate::own_routine::{clean_name, MAX_NAME, MAX_SECONDS, MAX_STEPS};
pub use crate::store::merge::{merge, plan, ExportFile, ImportPlan};
use crate::store::rating::MAX_RATING;
use crate::store::{wire, Problem, Store, VERSION};
use crate::text::{and_list, fill, get, key};

/// The value of the file's `format` field.
pub const FORMAT: &str = "foot-map";

/// The longest file imported, in characters (UTF-16 code units, as the
/// browser's storage counts them): far more than years of use make, and
/// little enough to save beside everything else.
pub const MAX_CHARS: usize = 1_000_000;
/// The most routines a file may hold.
pub const MAX_ROUTINES: usize = 500;
/// The most history entries a file may hold.
pub const MAX_SESSIONS: usize = 10_000;
/// The longest session a file may record, in seconds (a day).
pub const MAX_SESSION_SECONDS: u64 = 86_400;

/// A limit an import file goes beyond; see the constants above and
/// [`crate::own_routine`]'s for steps, names and step times.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Limit {
    /// More characters than [`MAX_CHARS`].
    Size,
    /// More routines than [`MAX_ROUTINES`].
    Routines(usize),
    /// Routine number `routine` (from 1) has more steps than
    /// [`MAX_STEPS`].
    Steps { routine: usize, steps: usize },
    /// Routine number `routine` has a name longer than [`MAX_NAME`].
    Name { routine: usize },
    /// Routine number `routine` has a step longer than [`MAX_SECONDS`].
    StepTime { routine: usize },
    /// More history entries than [`MAX_SESSIONS`].
    Sessions(usize),
    /// History entry number `session` is longer than a day.
    SessionTime { session: usize },
    /// History entry number `session` has a rating above [`MAX_RATING`].
    Rating { session: usize },
}

impl Limit {
    /// The sentence shown to the person, ending by saying nothing changed.
    fn sentence(&self) -> String {
        match self {
            Limit::Size => fill(key::IMPORT_ERROR_LIMIT_SIZE, &[("max", &thousands(MAX_CHARS))]),
            Limit::Routines(n) => fill(
                key::IMPORT_ERROR_LIMIT_ROUTINES,
                &[("count", &thousands(*n)), ("max", &thousands(MAX_ROUTINES))],
            ),
            Limit::Steps { routine, steps } => fill(
                key::IMPORT_ERROR_LIMIT_STEPS,
                &[
                    ("number", routine),
                    ("count", &thousands(*steps)),
                    ("max", &MAX_STEPS),
                ],
            ),
            Limit::Name { routine } => fill(
                key::IMPORT_ERROR_LIMIT_NAME,
                &[("number", routine), ("max", &MAX_NAME)],
            ),
            Limit::StepTime { routine } => fill(
                key::IMPORT_ERROR_LIMIT_STEP_TIME,
                &[("number", routine), ("minutes", &(MAX_SECONDS / 60))],
            ),
            Limit::Sessions(n) => fill(
                key::IMPORT_ERROR_LIMIT_SESSIONS,
                &[("count", &thousands(*n)), ("max", &thousands(MAX_SESSIONS))],
            ),
            Limit::SessionTime { session } => {
                fill(key::IMPORT_ERROR_LIMIT_SESSION_TIME, &[("number", session)])
            }
            Limit::Rating { session } => fill(
                key::IMPORT_ERROR_LIMIT_RATING,
                &[("number", session), ("max", &MAX_RATING)],
            ),
        }
    }
}

/// The first limit the file's JSON goes beyond, counted on the JSON itself
/// before anything is read from it, so an oversized file is refused at once.
fn over_limit(map: &serde_json::Map<String, serde_json::Value>, version: u64) -> Option<Limit> {
    let list = |field| map.get(field).and_then(serde_json::Value::as_array);
    if let Some(routines) = list("routines") {
        if routines.len() > MAX_ROUTINES {
            return Some(Limit::Routines(routines.len()));
        }
        for (i, routine) in routines.iter().enumerate() {
            let routine_number = i + 1;
            let name = routine.get("name").and_then(serde_json::Value::as_str);
            if name.is_some_and(|n| n.chars().count() > MAX_NAME) {
                return Some(Limit::Name {
                    routine: routine_number,
                });
            }
            let Some(steps) = routine.get("steps").and_then(serde_json::Value::as_array) else {
                continue;
            };
            if steps.len() > MAX_STEPS {
                return Some(Limit::Steps {
                    routine: routine_number,
                    steps: steps.len(),
                });
            }
            let too_long = |step: &serde_json::Value| {
                step.get("seconds")
                    .and_then(serde_json::Value::as_u64)
                    .is_some_and(|s| s > u64::from(MAX_SECONDS))
            };
            if steps.iter().any(too_long) {
                return Some(Limit::StepTime {
                    routine: routine_number,
                });
            }
        }
    }
    if let Some(history) = list("history") {
        if history.len() > MAX_SESSIONS {
            return Some(Limit::Sessions(history.len()));
        }
        let too_long = |s: &serde_json::Value| {
            s.get("seconds")
                .and_then(serde_json::Value::as_u64)
                .is_some_and(|s| s > MAX_SESSION_SECONDS)
        };
        if let Some(i) = history.iter().position(too_long) {
            return Some(Limit::SessionTime { session: i + 1 });
        }
        // Version 1 had no ratings: its fields of these names are ignored.
        let over = |s: &serde_json::Value| {
            ["before", "after"].iter().any(|field| {
                s.get(field)
                    .and_then(serde_json::Value::as_u64)
                    .is_some_and(|r| r > u64::from(MAX_RATING))
            })
        };
        if let Some(i) = history.iter().position(over).filter(|_| version >= 2) {
            return Some(Limit::Rating { session: i + 1 });
        }
    }
    None
}

/// Why a file cannot be imported; [`ImportError::message`] says it plainly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Nothing in it.
    Empty,
    /// Larger than any export could be.
    TooLarge,
    /// Not JSON text at all (a picture, a document…).
    NotJson,
    /// JSON that ends too soon: an interrupted download or copy.
    CutShort,
    /// Starts like JSON but is broken at this line.
    Broken { line: usize },
    /// Valid JSON from something else; the `format` it names, if any.
    Foreign(Option<String>),
    /// Marked as Foot Map's, but without a version number.
    NoVersion,
    /// Foot Map's, from a newer version.
    Newer { version: u64 },
    /// Foot Map's, but beyond one of the import limits.
    OverLimit(Limit),
    /// Foot Map's, but some entries cannot be read.
    Damaged {
        routines: usize,
        sessions: usize,
        settings: bool,
    },
}

impl ImportError {
    /// The sentence shown to the person; it ends by saying nothing changed.
    pub fn message(&self) -> String {
        match self {
            ImportError::Empty => get(key::IMPORT_ERROR_EMPTY).into(),
            ImportError::TooLarge => get(key::IMPORT_ERROR_TOO_LARGE).into(),
            ImportError::NotJson => get(key::IMPORT_ERROR_NOT_JSON).into(),
            ImportError::CutShort => get(key::IMPORT_ERROR_CUT_SHORT).into(),
            ImportError::Broken { line } => fill(key::IMPORT_ERROR_BROKEN, &[("line", line)]),
            ImportError::Foreign(None) => get(key::IMPORT_ERROR_FOREIGN_UNMARKED).into(),
            ImportError::Foreign(Some(format)) => fill(key::IMPORT_ERROR_FOREIGN, &[("format", format)]),
            ImportError::NoVersion => get(key::IMPORT_ERROR_NO_VERSION).into(),
            ImportError::OverLimit(limit) => limit.sentence(),
            ImportError::Newer { version } => fill(key::IMPORT_ERROR_NEWER, &[("version", version)]),
            ImportError::Damaged {
                routines,
                sessions,
                settings,
            } => {
                let mut parts = Vec::new();
                if *routines > 0 {
                    parts.push(fill(key::IMPORT_ERROR_DAMAGED_ROUTINES, &[("count", routines)]));
                }
                if *sessions > 0 {
                    parts.push(fill(key::IMPORT_ERROR_DAMAGED_SESSIONS, &[("count", sessions)]));
                }
                if *settings {
                    parts.push(get(key::IMPORT_ERROR_DAMAGED_SETTINGS).to_string());
                }
                fill(key::IMPORT_ERROR_DAMAGED, &[("parts", &and_list(&parts))])
            }
        }
    }
}

/// The export file's text for this store, made at `now_ms`.
pub fn export(store: &Store, now_ms: i64) -> String {
    wire::encode(store, Some((FORMAT, now_ms)))
}

/// The file name to offer: `foot-map-2026-11-21.json` (the local date).
pub fn file_name(now_ms: i64, offset_min: i32) -> String {
    let t = crate::clock::LocalTime::at(now_ms, offset_min);
    format!("foot-map-{:04}-{:02}-{:02}.json", t.year, t.month, t.day)
}

/// Reads a file chosen for import. Never panics; any problem is an error
/// value and nothing should change.
pub fn read(text: &str) -> Result<ExportFile, ImportError> {
    // A byte-order mark, as some editors write.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    if text.len() > MAX_CHARS && text.encode_utf16().nth(MAX_CHARS).is_some() {
        return Err(ImportError::OverLimit(Limit::Size));
    }
    let map = match wire::object(text) {
        Ok(map) => map,
        Err(Problem::TooLong) => return Err(ImportError::TooLarge),
        Err(_) => return Err(syntax_error(text)),
    };
    match map.get("format") {
        Some(serde_json::Value::String(format)) if format == FORMAT => {}
        Some(serde_json::Value::String(other)) => {
            let shown: String = other.chars().filter(|c| !c.is_control()).take(40).collect();
            return Err(ImportError::Foreign(Some(shown)));
        }
        _ => return Err(ImportError::Foreign(None)),
    }
    let version = match wire::version(&map) {
        Some(version) if version > VERSION => return Err(ImportError::Newer { version }),
        Some(version) => version,
        None => return Err(ImportError::NoVersion),
    };
    if let Some(limit) = over_limit(&map, version) {
        return Err(ImportError::OverLimit(limit));
    }
    let body = wire::read_body(&map, version);
    if body.partial() {
        return Err(ImportError::Damaged {
            routines: body.bad_routines,
            sessions: body.bad_sessions,
            settings: body.bad_settings,
        });
    }
    // Names from outside lose the marks that reorder text, as names typed
    // or shared do.
    let mut data = body.store;
    for routine in &mut data.routines {
        routine.name = clean_name(&routine.name);
    }
    for session in &mut data.history {
        session.routine_name = clean_name(&session.routine_name);
    }
    Ok(ExportFile {
        exported_ms: map.get("exported").and_then(serde_json::Value::as_i64),
        data,
    })
}

/// Why text that is not a JSON object failed: cut short, broken, or not
/// JSON at all.
fn syntax_error(text: &str) -> ImportError {
    let starts_like_ours = text.trim_start().starts_with('{');
    match serde_json::from_str::<serde_json::Value>(text) {
        Err(e) if e.is_eof() && starts_like_ours => ImportError::CutShort,
        Err(e) if starts_like_ours => ImportError::Broken { line: e.line() },
        // Valid JSON, but not an object: someone else's file.
        Ok(_) => ImportError::Foreign(None),
        Err(_) => ImportError::NotJson,
    }
}

#[cfg(test)]
mod rating_tests;
#[cfg(test)]
mod tests;
