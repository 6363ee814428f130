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
//!                 "measure": "foot-pain" },
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
//!   asked; a name this version does not know: nothing, quietly). A missing
//!   field keeps its default.
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

pub mod merge;
pub mod rating;
pub(crate) mod wire;

use crate::clock::LocalTime;
use crate::own_routine::{self, copy_name, OwnRoutine};
use crate::settings::{Measure, Settings, Sound};
pub use rating::{Moment, Rating};

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

/// Why saved text could not be read in full. The page shows
/// [`Problem::message`]; the text itself is in [`Loaded::keep_aside`].
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

/// Why a reminder to export is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportDue {
    /// Never exported from this browser.
    Never,
    /// Last exported more than [`REMIND_AFTER_MS`] ago.
    Stale,
}

/// Four weeks, in ms: how long after the last export a reminder may show.
pub const REMIND_AFTER_MS: i64 = 28 * 86_400_000;

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

/// The key to keep unreadable text under: `foot-map.store.unreadable`, or
/// with `-2`, `-3`… added if `taken` says that key already holds something.
/// Where to keep `text` aside: `Ok(None)` if one of the keys already
/// holds the same text (it is kept once, however often it is found),
/// else the first free key. `saved` reads a key.
pub fn keep_aside_slot(text: &str, saved: impl Fn(&str) -> Option<String>) -> Option<String> {
    let base = format!("{KEY}.unreadable");
    let mut key = base.clone();
    let mut n = 2;
    while let Some(there) = saved(&key) {
        if there == text {
            return None;
        }
        key = format!("{base}-{n}");
        n += 1;
    }
    Some(key)
}

/// The first free key to keep text aside under; see [`keep_aside_slot`].
pub fn keep_aside_key(taken: impl Fn(&str) -> bool) -> String {
    let base = format!("{KEY}.unreadable");
    let mut key = base.clone();
    let mut n = 2;
    while taken(&key) {
        key = format!("{base}-{n}");
        n += 1;
    }
    key
}

/// A routine that was deleted and where it was, so the deletion can be
/// undone with [`Change::RestoreRoutine`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deleted {
    pub routine: OwnRoutine,
    pub position: usize,
}

/// One change a person makes. Each is applied to the newest saved store
/// (which another tab may have changed meanwhile) by [`Store::apply`], and
/// is written so that it keeps the other tab's work: it names what it
/// changes by id, never by position, and adds rather than overwrites when
/// in doubt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Sets how steps are announced.
    SetSound(Sound),
    /// Sets whether steps wait for Next.
    SetManual(bool),
    /// Sets whether each step change buzzes (where the device can).
    SetVibrate(bool),
    /// Sets whether long steps have cues inside them.
    SetCues(bool),
    /// Records that the safety note was read.
    SafetySeen,
    /// Records that everything was exported at this time (Unix ms).
    Exported(i64),
    /// Replaces all settings.
    SetSettings(Settings),
    /// Sets what the person rates before and after each routine (`None`:
    /// nothing is asked).
    SetMeasure(Option<Measure>),
    /// Adds a new routine at the end. If its id is taken by a different
    /// routine, it is added under a free id (`…-2`); an identical routine
    /// with the same id is not added twice.
    AddRoutine(OwnRoutine),
    /// Saves an edited routine in place, by id; if it was deleted meanwhile
    /// (in another tab), it is added back at the end: an edit is never lost.
    SaveRoutine(OwnRoutine),
    /// Renames a routine; nothing if it is gone.
    RenameRoutine { id: String, name: String },
    /// Deletes a routine. Take [`Store::deletion`] first to offer undo.
    DeleteRoutine { id: String },
    /// Undoes a deletion: the routine goes back where it was (or at the end).
    RestoreRoutine(Deleted),
    /// Copies routine `id` (as it is now) to the end under `new_id`, named
    /// "… (copy)".
    DuplicateRoutine { id: String, new_id: String },
    /// Records a session; a session with the same key is kept once, with
    /// the longer time.
    RecordSession(Session),
    /// Rates a session at `moment`, 0 to 10, by its key. A moment rated
    /// already is never overwritten, a value above 10 or a session rated
    /// about another measure changes nothing, and nothing happens if the
    /// session is gone. (A rating before a session is recorded goes in its
    /// [`Session::rating`].)
    RateSession {
        key: SessionKey,
        measure: Measure,
        moment: Moment,
        value: u8,
    },
    /// Deletes one session.
    DeleteSession(SessionKey),
    /// Deletes these sessions: make it with [`Store::clear_history`], so a
    /// session another tab records meanwhile is kept.
    ClearHistory(Vec<SessionKey>),
    /// Merges an export file; see [`merge::merge`].
    Import(merge::ExportFile),
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

    /// Whether a gentle reminder to export is due at `now_ms`: there is
    /// something worth keeping (an own routine, or three sessions) and no
    /// export for four weeks, or none ever.
    pub fn export_due(&self, now_ms: i64) -> Option<ExportDue> {
        if self.routines.is_empty() && self.history.len() < 3 {
            return None;
        }
        match self.settings.exported_ms {
            None => Some(ExportDue::Never),
            Some(then) if now_ms.saturating_sub(then) > REMIND_AFTER_MS => Some(ExportDue::Stale),
            Some(_) => None,
        }
    }

    /// The checkpoint text for a session under way.
    pub fn encode_checkpoint(session: &Session) -> String {
        wire::encode_session(session)
    }

    /// The session a checkpoint holds, if it can be read.
    pub fn decode_checkpoint(text: &str) -> Option<Session> {
        wire::decode_session(text).filter(|s| !s.finished)
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

    /// What undoing the deletion of `id` needs; `None` if there is no such
    /// routine.
    pub fn deletion(&self, id: &str) -> Option<Deleted> {
        let position = self.routines.iter().position(|r| r.id == id)?;
        Some(Deleted {
            routine: self.routines[position].clone(),
            position,
        })
    }

    /// The change that deletes every session shown now.
    pub fn clear_history(&self) -> Change {
        Change::ClearHistory(self.history.iter().map(Session::key).collect())
    }

    /// Applies a change (see [`Change`] for how each keeps other tabs' work).
    pub fn apply(mut self, change: &Change) -> Store {
        match change {
            Change::SetSound(sound) => self.settings.sound = *sound,
            Change::SetManual(manual) => self.settings.manual = *manual,
            Change::SetVibrate(on) => self.settings.no_vibrate = !on,
            Change::SetCues(on) => self.settings.cues = *on,
            Change::SafetySeen => self.settings.safety_seen = true,
            Change::Exported(ms) => self.settings.exported_ms = Some(*ms),
            Change::SetSettings(settings) => self.settings = *settings,
            Change::SetMeasure(measure) => self.settings.measure = *measure,
            Change::AddRoutine(routine) => self.add_routine(routine.clone(), None),
            Change::SaveRoutine(routine) => match self.routines.iter_mut().find(|r| r.id == routine.id) {
                Some(r) => *r = routine.clone(),
                None => self.routines.push(routine.clone()),
            },
            Change::RenameRoutine { id, name } => {
                if let Some(r) = self.routines.iter_mut().find(|r| &r.id == id) {
                    r.name = name.clone();
                }
            }
            Change::DeleteRoutine { id } => self.routines.retain(|r| &r.id != id),
            Change::RestoreRoutine(deleted) => {
                self.add_routine(deleted.routine.clone(), Some(deleted.position))
            }
            Change::DuplicateRoutine { id, new_id } => {
                if let Some(original) = self.routine(id) {
                    let copy = OwnRoutine {
                        id: new_id.clone(),
                        name: copy_name(&original.name, " (copy)"),
                        steps: original.steps.clone(),
                    };
                    self.add_routine(copy, None);
                }
            }
            Change::RecordSession(session) => self.record(session.clone()),
            Change::RateSession {
                key,
                measure,
                moment,
                value,
            } => {
                let order = (key.start_ms, key.routine_id.as_str());
                if let Ok(i) = self.history.binary_search_by(|s| s.order().cmp(&order)) {
                    let s = &mut self.history[i];
                    s.rating = Rating::add(s.rating, *measure, *moment, *value);
                }
            }
            Change::DeleteSession(key) => self.history.retain(|s| s.key() != *key),
            Change::ClearHistory(keys) => {
                let keys: std::collections::HashSet<&SessionKey> = keys.iter().collect();
                self.history.retain(|s| !keys.contains(&s.key()));
            }
            Change::Import(file) => return merge::merge(self, file),
        }
        self
    }

    /// Applies changes in order: for example the ones a full storage quota
    /// kept from being saved, onto the newest saved store.
    pub fn apply_all<'a>(self, changes: impl IntoIterator<Item = &'a Change>) -> Store {
        changes.into_iter().fold(self, Store::apply)
    }

    /// Adds a routine (at `position`, or the end), under a free id if its
    /// own is taken by a different routine; nothing if the same routine is
    /// already there under that id.
    pub(crate) fn add_routine(&mut self, mut routine: OwnRoutine, position: Option<usize>) {
        if let Some(existing) = self.routine(&routine.id) {
            if *existing == routine {
                return;
            }
            routine.id = self.free_id(&routine.id);
        }
        let at = position.unwrap_or(self.routines.len()).min(self.routines.len());
        self.routines.insert(at, routine);
    }

    /// `base`, or `base-2`, `base-3`… whichever no routine has.
    pub(crate) fn free_id(&self, base: &str) -> String {
        let mut id = base.to_string();
        let mut n = 2;
        while self.routine(&id).is_some() {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }

    /// Records a session, keeping one per key (the longer, with the ratings
    /// of both), oldest first.
    pub(crate) fn record(&mut self, session: Session) {
        match self.history.binary_search_by(|s| s.order().cmp(&session.order())) {
            Ok(i) => {
                let rating = Rating::join(self.history[i].rating, session.rating);
                if session.seconds > self.history[i].seconds {
                    self.history[i] = session;
                }
                self.history[i].rating = rating;
            }
            Err(i) => self.history.insert(i, session),
        }
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
