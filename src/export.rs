//! The export file (one JSON file with routines, history and settings),
//! reading it back, the preview of what an import will add or change, and
//! the merge itself.
//!
//! # The file
//!
//! The saved store's format (see [`crate::store`]) with two more fields:
//!
//! ```json
//! { "format": "foot-map", "version": 1, "exported": 1763740800000,
//!   "settings": { … }, "routines": [ … ], "history": [ … ] }
//! ```
//!
//! `format` marks the file as Foot Map's; `exported` is when it was made
//! (Unix ms). Reading is strict where saved data is lenient: a file with any
//! entry that cannot be read is refused whole, so a wrong, damaged or
//! foreign file changes nothing.
//!
//! # The merge
//!
//! - A routine already here (same name and steps, under any id) is left
//!   alone, so importing the same file twice adds nothing.
//! - A routine whose id is free is added at the end, id kept.
//! - A routine whose id is taken by a different routine (the same routine,
//!   edited since on one side or the other) is added as a copy, under a new
//!   id and named "… (imported)"; the routine here is not touched. Nothing
//!   is overwritten, and importing the file again adds no second copy.
//! - A session is new unless one with the same start and routine id is
//!   here (then the one here is kept).
//! - Settings: sound and pacing come from the file; the safety note counts
//!   as read if it was read on either side.

use crate::own_routine::{copy_name, OwnRoutine};
use crate::settings::Settings;
use crate::store::{count, wire, Problem, Store, VERSION};
use std::collections::HashSet;

/// The value of the file's `format` field.
pub const FORMAT: &str = "foot-map";

/// The suffix of a routine imported as a copy.
pub const IMPORTED: &str = " (imported)";

/// A file read for import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFile {
    /// When it was exported (Unix ms), if it says.
    pub exported_ms: Option<i64>,
    /// What it holds.
    pub data: Store,
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
        const NOTHING: &str = "Nothing was changed.";
        match self {
            ImportError::Empty => format!("The file is empty. {NOTHING}"),
            ImportError::TooLarge => {
                format!("The file is far too large to be a Foot Map export. {NOTHING}")
            }
            ImportError::NotJson => format!(
                "This is not a Foot Map export: a Foot Map export is a JSON text file. {NOTHING}"
            ),
            ImportError::CutShort => format!(
                "The file was cut short: its end is missing, perhaps from an interrupted download. {NOTHING}"
            ),
            ImportError::Broken { line } => format!(
                "The file is damaged: it cannot be read from line {line}. {NOTHING}"
            ),
            ImportError::Foreign(None) => format!(
                "This JSON file was not exported by Foot Map (it has no \"format\": \"foot-map\" marker). {NOTHING}"
            ),
            ImportError::Foreign(Some(format)) => format!(
                "This file is marked as “{format}”, not as a Foot Map export. {NOTHING}"
            ),
            ImportError::NoVersion => format!(
                "The file is damaged: it is marked as a Foot Map export but says no version. {NOTHING}"
            ),
            ImportError::Newer { version } => format!(
                "This file was exported by a newer version of Foot Map (format {version}); reload the page to get the newest version, then try again. {NOTHING}"
            ),
            ImportError::Damaged {
                routines,
                sessions,
                settings,
            } => {
                let mut parts = Vec::new();
                if *routines > 0 {
                    parts.push(format!("{routines} of its routines"));
                }
                if *sessions > 0 {
                    parts.push(format!("{sessions} of its history entries"));
                }
                if *settings {
                    parts.push("its settings".into());
                }
                format!(
                    "The file is damaged: {} could not be read. {NOTHING}",
                    parts.join(" and ")
                )
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
    let t = crate::history::LocalTime::at(now_ms, offset_min);
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
    match wire::version(&map) {
        Some(version) if version > VERSION => return Err(ImportError::Newer { version }),
        Some(_) => {}
        None => return Err(ImportError::NoVersion),
    }
    let body = wire::read_body(&map);
    if body.partial() {
        return Err(ImportError::Damaged {
            routines: body.bad_routines,
            sessions: body.bad_sessions,
            settings: body.bad_settings,
        });
    }
    Ok(ExportFile {
        exported_ms: map.get("exported").and_then(serde_json::Value::as_i64),
        data: body.store,
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

/// What an import will do, for the person to confirm first.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportPlan {
    /// Names of routines to be added.
    pub new_routines: Vec<String>,
    /// Names of routines that differ from the one here with the same id:
    /// added as copies named "… (imported)"; the one here stays as it is.
    pub changed_routines: Vec<String>,
    /// Routines already here.
    pub known_routines: usize,
    /// History entries to be added.
    pub new_sessions: usize,
    /// History entries already here.
    pub known_sessions: usize,
    /// Whether the settings will change.
    pub settings_changed: bool,
}

impl ImportPlan {
    /// Whether the import would change nothing.
    pub fn is_empty(&self) -> bool {
        self.new_routines.is_empty()
            && self.changed_routines.is_empty()
            && self.new_sessions == 0
            && !self.settings_changed
    }

    /// What importing will do, one sentence per kind of change, as shown
    /// before the person confirms.
    pub fn describe(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.is_empty() {
            out.push("Everything in this file is already here: importing it changes nothing.".into());
            return out;
        }
        let quoted = |names: &[String]| {
            names
                .iter()
                .map(|n| format!("“{n}”"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        if !self.new_routines.is_empty() {
            out.push(format!(
                "Adds {}: {}.",
                count(self.new_routines.len(), "routine", "routines"),
                quoted(&self.new_routines)
            ));
        }
        if !self.changed_routines.is_empty() {
            out.push(format!(
                "Adds a copy named “…{IMPORTED}” of {}: yours of the same name differ{} and stay{} as {}.",
                quoted(&self.changed_routines),
                if self.changed_routines.len() == 1 { "s" } else { "" },
                if self.changed_routines.len() == 1 { "s" } else { "" },
                if self.changed_routines.len() == 1 {
                    "it is"
                } else {
                    "they are"
                },
            ));
        }
        if self.new_sessions > 0 {
            out.push(format!(
                "Adds {} to your history.",
                count(self.new_sessions, "session", "sessions")
            ));
        }
        if self.settings_changed {
            out.push("Takes the sound and pacing settings from the file.".into());
        }
        if self.known_routines + self.known_sessions > 0 {
            out.push(format!(
                "Already here and left as they are: {}, {}.",
                count(self.known_routines, "routine", "routines"),
                count(self.known_sessions, "session", "sessions"),
            ));
        }
        out
    }
}

enum Fate {
    Known,
    New,
    Copy,
}

/// What becomes of an imported routine. `before` is the store as it was
/// before the import, `now` as the import has grown it so far.
fn fate(before: &Store, now: &Store, routine: &OwnRoutine) -> Fate {
    let copy = copy_name(&routine.name, IMPORTED);
    let here = before
        .routines
        .iter()
        .any(|r| r.steps == routine.steps && (r.name == routine.name || r.name == copy));
    match now.routine(&routine.id) {
        _ if here => Fate::Known,
        None => Fate::New,
        Some(same) if same == routine => Fate::Known,
        Some(_) => Fate::Copy,
    }
}

fn merged_settings(here: Settings, file: Settings) -> Settings {
    Settings {
        safety_seen: here.safety_seen || file.safety_seen,
        ..file
    }
}

/// What importing `file` into `store` would do.
pub fn plan(store: &Store, file: &ExportFile) -> ImportPlan {
    let mut plan = ImportPlan::default();
    let mut now = store.clone();
    for routine in &file.data.routines {
        match fate(store, &now, routine) {
            Fate::Known => plan.known_routines += 1,
            Fate::New => plan.new_routines.push(routine.name.clone()),
            Fate::Copy => plan.changed_routines.push(routine.name.clone()),
        }
        now = add(store, now, routine);
    }
    let here: HashSet<_> = store.history.iter().map(|s| s.key()).collect();
    for session in &file.data.history {
        if here.contains(&session.key()) {
            plan.known_sessions += 1;
        } else {
            plan.new_sessions += 1;
        }
    }
    plan.settings_changed = merged_settings(store.settings, file.data.settings) != store.settings;
    plan
}

fn add(before: &Store, mut now: Store, routine: &OwnRoutine) -> Store {
    match fate(before, &now, routine) {
        Fate::Known => {}
        Fate::New => now.add_routine(routine.clone(), None),
        Fate::Copy => {
            let copy = OwnRoutine {
                id: now.free_id(&routine.id),
                name: copy_name(&routine.name, IMPORTED),
                steps: routine.steps.clone(),
            };
            now.add_routine(copy, None);
        }
    }
    now
}

/// Merges `file` into `store` as [`plan`] describes (see the module notes).
pub fn merge(store: Store, file: &ExportFile) -> Store {
    let before = store.clone();
    let mut store = file
        .data
        .routines
        .iter()
        .fold(store, |now, routine| add(&before, now, routine));
    store.settings = merged_settings(before.settings, file.data.settings);
    let here: HashSet<_> = store.history.iter().map(|s| s.key()).collect();
    for session in &file.data.history {
        if !here.contains(&session.key()) {
            store.record(session.clone());
        }
    }
    store
}

#[cfg(test)]
mod tests;
