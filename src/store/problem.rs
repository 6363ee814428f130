//! Why saved text could not be read in full, and the sentence the page
//! shows for it.

use crate::text::{count, fill, get, key};

/// Why saved text could not be read in full. The page shows
/// [`Problem::message`]; the text itself is in [`Loaded::keep_aside`](super::Loaded::keep_aside).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Not text this app wrote: not JSON, not an object, no version.
    Unreadable,
    /// Longer than any store could be.
    TooLong,
    /// Written by a newer version; what this version understands was read.
    Newer { version: u64 },
    /// Some entries could not be read and were left out.
    PartlyUnreadable {
        routines: usize,
        sessions: usize,
        settings: bool,
    },
    /// The old settings text could be read only in part.
    OldSettings(String),
}

impl Problem {
    /// The sentence shown to the person; each ends by saying the saved
    /// text is kept aside.
    pub fn message(&self) -> String {
        match self {
            Problem::Unreadable => get(key::STORE_PROBLEM_UNREADABLE).into(),
            Problem::TooLong => get(key::STORE_PROBLEM_TOO_LONG).into(),
            Problem::Newer { version } => fill(key::STORE_PROBLEM_NEWER, &[("version", version)]),
            Problem::PartlyUnreadable {
                routines,
                sessions,
                settings,
            } => {
                let mut parts = Vec::new();
                if *routines > 0 {
                    parts.push(count(key::COUNTS_ROUTINES, *routines as u64, &[]));
                }
                if *sessions > 0 {
                    parts.push(count(key::COUNTS_HISTORY_ENTRIES, *sessions as u64, &[]));
                }
                if *settings {
                    parts.push(get(key::STORE_PROBLEM_PARTLY_SETTINGS).into());
                }
                fill(
                    key::STORE_PROBLEM_PARTLY,
                    &[("parts", &parts.join(get(key::LIST_SEPARATOR)))],
                )
            }
            Problem::OldSettings(detail) => fill(key::STORE_PROBLEM_OLD_SETTINGS, &[("detail", detail)]),
        }
    }
}
