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
//!
//! What an import changes is planned and merged beside the store
//! ([`crate::store::merge`]).

pub use crate::store::merge::{merge, plan, ExportFile, ImportPlan, IMPORTED};
use crate::store::{wire, Problem, Store, VERSION};

/// The value of the file's `format` field.
pub const FORMAT: &str = "foot-map";

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

#[cfg(test)]
mod tests;
