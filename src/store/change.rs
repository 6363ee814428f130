//! Every change a person makes to the store, as an operation applied to
//! the newest saved store (so two tabs never undo each other's work).

use super::{merge, Moment, Rating, Session, SessionKey, Store};
use crate::own_routine::{copy_name, OwnRoutine};
use crate::settings::{Measure, Settings, Sound};
use crate::text::{get, key};

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
    /// Sets whether the person uses a screen reader.
    SetReader(bool),
    /// Records that the safety note was read.
    SafetySeen,
    /// Records that everything was exported at this time (Unix ms).
    Exported(i64),
    /// Replaces all settings.
    SetSettings(Settings),
    /// Sets what the person rates before and after each routine (`None`:
    /// nothing is asked).
    SetMeasure(Option<Measure>),
    /// Says that one condition applies to the person (`on`) or no longer
    /// does; the others stay as they are (another tab's choice included).
    SetApplies { id: String, on: bool },
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

/// A routine that was deleted and where it was, so the deletion can be
/// undone with [`Change::RestoreRoutine`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deleted {
    pub routine: OwnRoutine,
    pub position: usize,
}

impl Store {
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
            Change::SetReader(on) => self.settings.reader = *on,
            Change::SafetySeen => self.settings.safety_seen = true,
            Change::Exported(ms) => self.settings.exported_ms = Some(*ms),
            Change::SetSettings(settings) => self.settings = *settings,
            Change::SetMeasure(measure) => self.settings.measure = *measure,
            Change::SetApplies { id, on } => self.settings.applies = self.settings.applies.with(id, *on),
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
                        name: copy_name(&original.name, get(key::OWN_COPY_SUFFIX)),
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
}
