//! Why saved text could not be read in full, and the sentence the page
//! shows for it.

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
    /// The sentence shown to the person.
    pub fn message(&self) -> String {
        const KEPT: &str = "The saved text is kept aside in this browser, unchanged.";
        match self {
            Problem::Unreadable => format!(
                "Foot Map could not read what it had saved in this browser, so it starts afresh. {KEPT}"
            ),
            Problem::TooLong => format!(
                "What Foot Map found saved in this browser is too long to be its own, so it starts afresh. {KEPT}"
            ),
            Problem::Newer { version } => format!(
                "Your saved data was written by a newer version of Foot Map (format {version}); this page shows what it can read of it. {KEPT}"
            ),
            Problem::PartlyUnreadable {
                routines,
                sessions,
                settings,
            } => {
                let mut parts = Vec::new();
                if *routines > 0 {
                    parts.push(count(*routines, "routine", "routines"));
                }
                if *sessions > 0 {
                    parts.push(count(*sessions, "history entry", "history entries"));
                }
                if *settings {
                    parts.push("the settings".into());
                }
                format!(
                    "Part of your saved data could not be read ({}) and is left out; the rest is here. {KEPT}",
                    parts.join(", ")
                )
            }
            Problem::OldSettings(detail) => format!(
                "Foot Map could not read all of your saved settings: {detail}. Defaults are used for those. {KEPT}"
            ),
        }
    }
}

/// "1 routine", "3 routines".
pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}
