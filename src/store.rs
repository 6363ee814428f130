//! Everything of a person's that survives a visit (settings, their own
//! routines, their practice history) as one versioned value, how it is saved
//! as text, how older saved text is upgraded, and every change to it as an
//! operation applied to the newest saved value (so two tabs never undo each
//! other's work).
//!
//! # The saved format
//!
//! One JSON object under the local-storage key [`KEY`] (`foot-map.store`),
//! written whole with one `setItem`, so a write is never half done:
//!
//! ```json
//! {
//!   "version": 2,
//!   "settings": { "sound": "both", "manual": false, "safety_seen": true, "vibrate": true,
//!                 "measure": "foot-pain", "applies": ["diabetes"] },
//!   "routines": [
//!     { "id": "my-mi7vb7k0", "name": "Evening",
//!       "steps": [ { "side": "left", "zone": "heel",
//!                    "technique": "knuckle-press", "seconds": 40 } ] }
//!   ],
//!   "history": [
//!     { "start": 1763740800000, "offset": 60, "routine": "relax-10",
//!       "name": "10-minute relaxation", "seconds": 600, "finished": true,
//!       "measure": "foot-pain", "before": 6, "after": 3 }
//!   ]
//! }
//! ```
//!
//! - `version`: the format's version, [`VERSION`]. Text from a newer version
//!   is read as far as this version understands it, and reported and kept
//!   aside whole, so nothing it held is lost.
//! - `settings.sound`: `chime`, `voice`, `both` or `silent` (anything else:
//!   `both`); `manual`: wait for Next at each step end; `safety_seen`: the
//!   safety note was read; `vibrate`: buzz at each step change (added in
//!   the same version, so a missing field means `true`); `exported`: when
//!   everything was last exported from this browser, Unix ms (added in the
//!   same version; missing until the first export); `measure`: what the
//!   person rates before and after each routine, `foot-pain`, `tension`,
//!   `tired-legs` or `sleep` (added in version 2; missing: nothing is
//!   asked; a name this version does not know: nothing, quietly);
//!   `reader`: the person uses a screen reader, so the app's voice stays
//!   quiet (added in the same version; missing: `false`);
//!   `applies`: the lasting conditions the person said apply to them, as
//!   caution ids from [`crate::applies::CONDITIONS`] (added in the same
//!   version; missing: none; an id this version does not know: left out,
//!   quietly). A missing field keeps its default.
//! - `routines`: the person's own routines in their order. `id` is unique
//!   (`my-` and the creation time in base 36); `steps` are side (`left` or
//!   `right`), a content zone id, a content technique id and a time in
//!   seconds. Saved as they are, even if the content no longer knows a zone:
//!   [`OwnRoutine::problems`] says what cannot be run.
//! - `history`: one entry per finished or stopped session, oldest first:
//!   `start` in Unix milliseconds (UTC), `offset` the local time's offset
//!   from UTC in minutes at the start (UTC+1 is `60`), the routine's id and
//!   name at the time, the `seconds` of massage done (pauses excluded) and
//!   whether it was `finished` or stopped early. A session is known by its
//!   start and routine id; the same pair is never stored twice. Added in
//!   version 2, all three optional: the `measure` the person rated (as in
//!   the settings) and the ratings `before` and `after` the routine, whole
//!   numbers from 0 to 10 (for `sleep`, the night before and the night
//!   after). A rating needs its measure; a measure without a rating is
//!   nothing; a measure this version does not know drops the ratings
//!   quietly and keeps the session. Two copies of one session are joined
//!   into one, keeping the longer time and each rating from whichever
//!   copy has it.
//!
//! Fields the version does not know are ignored. An entry that cannot be
//! read (a routine without a name, a session with text for a time or a
//! rating of 11) is left out, and the whole original text is reported and handed back to be kept
//! aside.
//!
//! # Earlier versions
//!
//! - Version 0 is the settings text saved before this format, under
//!   `foot-map.settings` ([`crate::settings::KEY`]): `sound=both;manual=0;safety=1`.
//!   [`Store::load`] reads it when there is no store yet; the upgraded store
//!   carries the same settings, no routines and no history. The old key is
//!   left as it was (a tab still running the old page reads it).
//! - Version 1 is this format without ratings: no `settings.measure`, and
//!   sessions without `measure`, `before` and `after`. It reads as a store
//!   that follows nothing, its sessions unrated; fields of those names in
//!   version-1 text are ignored, as unknown fields always were. The next
//!   save writes version 2.
//!
//! # How the page uses it
//!
//! - **Loading:** `Store::load(storage(KEY), storage(settings::KEY))`. If
//!   `keep_aside` is set, write it under [`keep_aside_key`] (a key not yet
//!   used) before anything is saved to [`KEY`], and show
//!   [`Problem::message`].
//! - **Every change:** make a [`Change`], read [`KEY`] afresh, `load` it
//!   and `apply` the change to that newest store, then save
//!   [`Store::encode`]. Another tab's work since this tab loaded is kept.
//! - **A failed save** (a full quota): keep the change in a list of
//!   unsaved changes and the new store on screen; later, `apply_all` of the
//!   list to the newest saved store, and save again.
//! - **The `storage` event** for [`KEY`]: `load` its new value and show it.

mod change;
mod keep_aside;
pub mod merge;
mod problem;
pub mod rating;
mod reminder;
pub(crate) mod wire;

use crate::clock::LocalTime;
use crate::own_routine::{self, OwnRoutine};
use crate::settings::Settings;
pub use change::{Change, Deleted};
pub use keep_aside::{keep_aside_key, keep_aside_slot};
pub use problem::Problem;
pub use rating::{Moment, Rating};
pub use reminder::{ExportDue, REMIND_AFTER_MS};

/// The local-storage key of the saved store.
pub const KEY: &str = "foot-map.store";

/// How every local-storage key Foot Map has used starts: [`KEY`], the
/// text it keeps aside, and the settings of the version before the store.
pub const KEY_PREFIX: &str = "foot-map.";

/// The local-storage key of the checkpoint of a routine under way: one
/// session as JSON (an entry of `history`, below), written whenever the
/// page is hidden during a routine. The routine's end removes it; a page
/// that starts and finds it records it as a stopped session (the tab that
/// wrote it was closed or killed), which the same session recorded later
/// in full replaces (see [`Change::RecordSession`]).
pub const CHECKPOINT_KEY: &str = "foot-map.checkpoint";

/// The format version this code writes.
pub const VERSION: u64 = 2;

/// Saved text longer than this (bytes) is not read: browsers keep about
/// 5 MB per site, so it cannot be ours.
pub const MAX_TEXT: usize = 6 * 1024 * 1024;

/// Everything kept between visits.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Store {
    pub settings: Settings,
    /// The person's own routines, in the order they see them; ids unique.
    pub routines: Vec<OwnRoutine>,
    /// Finished and stopped sessions, oldest first; keys unique.
    pub history: Vec<Session>,
}

/// One finished or stopped session.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Session {
    /// When it started, Unix ms (UTC).
    pub start_ms: i64,
    /// The local time's offset from UTC at the start, in minutes (UTC+1 is
    /// 60; JavaScript's `getTimezoneOffset()` is the negative of this).
    pub offset_min: i32,
    /// The routine's id: built-in or own.
    pub routine_id: String,
    /// The routine's name when it ran, shown even if it is later renamed or
    /// deleted.
    pub routine_name: String,
    /// Massage time done, in seconds (pauses excluded).
    pub seconds: u32,
    /// Finished, or stopped before the end.
    pub finished: bool,
    /// The person's ratings before and after, if they follow a measure and
    /// gave one.
    pub rating: Option<Rating>,
}

/// What tells sessions apart: start time and routine.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SessionKey {
    pub start_ms: i64,
    pub routine_id: String,
}

impl Session {
    /// The session the timer's summary describes.
    pub fn from_summary(
        start_ms: i64,
        offset_min: i32,
        routine_id: &str,
        routine_name: &str,
        summary: &crate::timer::Summary,
    ) -> Session {
        Session {
            start_ms,
            offset_min,
            routine_id: routine_id.into(),
            routine_name: routine_name.into(),
            seconds: u32::try_from(summary.worked_ms / 1000).unwrap_or(u32::MAX),
            finished: !summary.early,
            rating: None,
        }
    }

    /// Its key.
    pub fn key(&self) -> SessionKey {
        SessionKey {
            start_ms: self.start_ms,
            routine_id: self.routine_id.clone(),
        }
    }

    /// When it started, in its own local time.
    pub fn local_start(&self) -> LocalTime {
        LocalTime::at(self.start_ms, self.offset_min)
    }

    pub(crate) fn order(&self) -> (i64, &str) {
        (self.start_ms, &self.routine_id)
    }
}

/// The result of reading saved text: always a usable store, and when
/// something could not be read, what and the text to keep aside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    /// Everything that could be read (defaults for the rest).
    pub store: Store,
    pub problem: Option<Problem>,
    /// The saved text that was not fully read, to be written under
    /// [`keep_aside_key`] before the store is next saved; never overwrite it.
    pub keep_aside: Option<String>,
}

/// What a page finds saved just before it writes: it builds on what can
/// be read, keeps aside what cannot, and never writes over a newer
/// version's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// Nothing saved yet.
    Nothing,
    /// A store this version reads whole.
    Readable(Store),
    /// Text from a newer version: this page must not write at all.
    Newer { version: u64 },
    /// Text this version cannot read, or reads only in part (then what
    /// could be read): keep `text` aside before writing over it.
    Damaged { partial: Option<Store>, text: String },
}

impl Found {
    /// Reads the text saved under [`KEY`] now.
    pub fn read(text: Option<&str>) -> Found {
        let Some(text) = text.filter(|t| !t.trim().is_empty()) else {
            return Found::Nothing;
        };
        let (store, problem) = wire::decode_store(text);
        match problem {
            None => Found::Readable(store),
            Some(Problem::Newer { version }) => Found::Newer { version },
            Some(Problem::PartlyUnreadable { .. }) => Found::Damaged {
                partial: Some(store),
                text: text.to_string(),
            },
            Some(_) => Found::Damaged {
                partial: None,
                text: text.to_string(),
            },
        }
    }
}

impl Store {
    /// Reads the saved text: `main` under [`KEY`], and `old_settings` under
    /// `foot-map.settings` (read only when there is no store yet). Never
    /// fails: what cannot be read is reported, with the text to keep aside.
    pub fn load(main: Option<&str>, old_settings: Option<&str>) -> Loaded {
        match main.filter(|text| !text.trim().is_empty()) {
            Some(text) => {
                let (mut store, problem) = wire::decode_store(text);
                if matches!(problem, Some(Problem::Unreadable | Problem::TooLong)) {
                    // Nothing could be read: the old settings, if any, are
                    // still better than the defaults.
                    store.settings = old_settings
                        .map(|old| Settings::decode(old).0)
                        .unwrap_or_default();
                }
                let keep_aside = problem.as_ref().map(|_| text.to_string());
                Loaded {
                    store,
                    problem,
                    keep_aside,
                }
            }
            None => Store::from_old_settings(old_settings),
        }
    }

    /// Version 0: the settings text saved before this format.
    fn from_old_settings(text: Option<&str>) -> Loaded {
        let Some(text) = text else {
            return Loaded {
                store: Store::default(),
                problem: None,
                keep_aside: None,
            };
        };
        let (settings, error) = Settings::decode(text);
        Loaded {
            store: Store {
                settings,
                ..Store::default()
            },
            keep_aside: error.is_some().then(|| text.to_string()),
            problem: error.map(Problem::OldSettings),
        }
    }

    /// The checkpoint text for a session under way.
    pub fn encode_checkpoint(session: &Session) -> String {
        wire::encode_session(session)
    }

    /// The session a checkpoint holds, if it can be read: one under way,
    /// or one that finished but was not saved yet (recording it again is
    /// harmless: a session is kept once).
    pub fn decode_checkpoint(text: &str) -> Option<Session> {
        wire::decode_session(text)
    }

    /// The saved text, in the current version.
    pub fn encode(&self) -> String {
        wire::encode(self, None)
    }

    /// The routine with this id.
    pub fn routine(&self, id: &str) -> Option<&OwnRoutine> {
        self.routines.iter().find(|r| r.id == id)
    }

    /// A new routine id, free in this store (see [`own_routine::new_id`]).
    pub fn new_id(&self, now_ms: u64) -> String {
        own_routine::new_id(now_ms, |id| self.routine(id).is_some())
    }

    /// Puts a store read from outside in order: history sorted and without
    /// repeated keys, routine ids unique and of the own-routine shape.
    pub(crate) fn normalize(mut self) -> Store {
        // In order, one session per key (the longest, with the ratings of
        // all), by one sort.
        if !self.history.windows(2).all(|w| w[0].order() < w[1].order()) {
            self.history
                .sort_by(|a, b| a.order().cmp(&b.order()).then(b.seconds.cmp(&a.seconds)));
            self.history.dedup_by(|later, kept| {
                let same = later.order() == kept.order();
                if same {
                    kept.rating = Rating::join(kept.rating, later.rating);
                }
                same
            });
        }
        // Ids made unique in one pass (a file may repeat one thousands of
        // times): a repeated id of an identical routine is dropped, of a
        // different one given a free id.
        let routines = std::mem::take(&mut self.routines);
        let mut ids = merge::Ids::of(&[]);
        for mut routine in routines {
            if !own_routine::is_own_id(&routine.id) {
                routine.id = "my-imported".into();
            }
            match ids.position(&routine.id) {
                Some(i) if self.routines[i] == routine => continue,
                Some(_) => routine.id = ids.free(&routine.id, self.routines.len()),
                None => ids.add(&routine.id, self.routines.len()),
            }
            self.routines.push(routine);
        }
        self
    }
}

#[cfg(test)]
pub(crate) mod tests;
