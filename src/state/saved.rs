//! The person's saved data in the page: the one versioned [`Store`], read
//! once at start, changed only by [`Change`]s applied to the newest saved
//! text (so two open tabs never undo each other's work), saved at once, and
//! read again when another tab saves. The format, its versions and its
//! rules live in [`crate::store`]; this is only the bridge to the page.

use crate::applies::Applies;
use crate::browser::{locks, persist, storage};
use crate::settings::{self, Settings};
use crate::store::{self, Change, Session, Store};
use crate::text::{fill, get, key};
use leptos::prelude::*;

/// The saved data and what went wrong with it; provided to every component.
#[derive(Clone, Copy)]
pub struct Saved {
    store: RwSignal<Store>,
    /// Why saved data could not be read or saved, shown as a notice.
    problem: RwSignal<Option<String>>,
    /// Changes not saved yet (storage full): made again at the next save.
    unsaved: StoredValue<Vec<Change>>,
    /// Saved text that could not be read and could not yet be kept aside:
    /// nothing is saved over it until it is.
    set_aside: StoredValue<Option<String>>,
    /// Set once this page finds its data saved by a newer version of Foot
    /// Map: from then on it writes nothing, so as never to downgrade it.
    read_only: RwSignal<bool>,
    /// Set when this page starts on a newer version's data, as after the
    /// site went back to an earlier version: it may keep that data aside
    /// and save again ([`Self::keep_newer_aside`]).
    newer_at_start: RwSignal<bool>,
    /// Set once the person chose that: the next save keeps the newer
    /// version's text aside, then saves over it.
    replace_newer: StoredValue<bool>,
    /// Whether the browser keeps the data until the person clears it
    /// (`None`: not known, or the browser cannot say).
    persisted: RwSignal<Option<bool>>,
}

/// Why a page that found a newer version's data, saved while it was open
/// (so by another tab or window), stops saving.
fn newer_message(version: u64) -> String {
    fill(key::SAVED_NEWER_TAB, &[("version", &version)])
}

impl Saved {
    /// Reads what is saved (upgrading older formats) and starts following
    /// other tabs' saves; call once, in `App`.
    pub fn load() -> Saved {
        // The load benchmark reads how long this takes between the marks.
        crate::browser::mark("saved-load-start");
        let loaded = read();
        let newer = match loaded.problem {
            Some(store::Problem::Newer { version }) => Some(version),
            _ => None,
        };
        let saved = Saved {
            store: RwSignal::new(loaded.store),
            problem: RwSignal::new(match newer {
                Some(version) => Some(fill(key::SAVED_NEWER_HERE, &[("version", &version)])),
                None => loaded.problem.map(|p| p.message()),
            }),
            unsaved: StoredValue::new(Vec::new()),
            set_aside: StoredValue::new(loaded.keep_aside),
            read_only: RwSignal::new(newer.is_some()),
            newer_at_start: RwSignal::new(newer.is_some()),
            replace_newer: StoredValue::new(false),
            persisted: RwSignal::new(None),
        };
        if crate::browser::window().is_some() {
            leptos::task::spawn_local(async move {
                saved.persisted.set(persist::is_persisted().await);
            });
        }
        saved.keep_aside();
        crate::browser::mark("saved-load-end");
        saved.recover_checkpoint();
        storage::on_other_tab_change(store::KEY, move || saved.follow_other_tab());
        saved
    }

    /// Everything saved (tracked).
    pub fn with<T>(self, f: impl FnOnce(&Store) -> T) -> T {
        self.store.with(f)
    }

    /// Everything saved, without tracking.
    pub fn with_untracked<T>(self, f: impl FnOnce(&Store) -> T) -> T {
        self.store.with_untracked(f)
    }

    /// The settings (tracked).
    pub fn settings(self) -> Settings {
        self.store.with(|s| s.settings)
    }

    /// The settings, without tracking.
    pub fn settings_untracked(self) -> Settings {
        self.store.with_untracked(|s| s.settings)
    }

    /// The conditions the person said apply to them (tracked).
    pub fn applies(self) -> Applies {
        self.store.with(|s| s.settings.applies)
    }

    /// The conditions the person said apply to them, without tracking.
    pub fn applies_untracked(self) -> Applies {
        self.store.with_untracked(|s| s.settings.applies)
    }

    /// Says that the condition `id` applies to the person, or no longer.
    pub fn set_applies(self, id: &str, on: bool) {
        self.apply(Change::SetApplies {
            id: id.to_string(),
            on,
        });
    }

    /// Why saved data could not be read or saved, if so.
    pub fn problem(self) -> Option<String> {
        self.problem.get()
    }

    pub fn dismiss_problem(self) {
        self.problem.set(None);
    }

    /// Makes `change` and saves it, or, if it cannot be saved, makes
    /// nothing: the page and the unsaved changes stay as they were. For an
    /// import, which is all or nothing; `done` hears whether it was saved.
    pub fn apply_saved_or_not_at_all(self, change: Change, done: impl FnOnce(bool) + 'static) {
        locks::exclusive(store::KEY, move || done(self.write(Some(change))));
    }

    /// Makes `change` and saves it; see [`Self::apply_then`].
    pub fn apply(self, change: Change) {
        self.apply_then(change, |_| ());
    }

    /// Makes `change` on screen at once, and saves it on top of whatever
    /// another tab saved since, one tab at a time (see [`locks`]); `done`
    /// hears whether it was saved. When saving fails the change stays on
    /// screen and is saved with the next change that succeeds.
    pub fn apply_then(self, change: Change, done: impl FnOnce(bool) + 'static) {
        let worth_keeping = matches!(
            &change,
            Change::AddRoutine(_)
                | Change::SaveRoutine(_)
                | Change::RecordSession(Session { finished: true, .. })
        );
        self.store.update(|s| *s = std::mem::take(s).apply(&change));
        self.unsaved.update_value(|u| u.push(change));
        locks::exclusive(store::KEY, move || {
            let saved = self.write(None);
            if saved && worth_keeping && self.persisted.get_untracked() == Some(false) {
                self.ask_to_persist();
            }
            done(saved);
        });
    }

    /// Saves the unsaved changes and `extra` (which, unlike them, is not
    /// on screen yet), holding the lock; true if saved. Nothing is ever
    /// written blind: what is saved now is read first, text this version
    /// cannot read is kept aside before it is replaced, and a newer
    /// version's text is never written over. If `extra` cannot be saved,
    /// nothing of it is kept.
    fn write(self, extra: Option<Change>) -> bool {
        if self.read_only.get_untracked() || !self.keep_aside() {
            return self.not_saved(extra.is_none());
        }
        let mut changes = self.unsaved.get_value();
        let replace_newer = self.replace_newer.get_value();
        if changes.is_empty() && extra.is_none() && !replace_newer {
            // Saved already, with an earlier change.
            return true;
        }
        changes.extend(extra.clone());
        let text = storage::load(store::KEY);
        let next = match store::Found::read(text.as_deref()) {
            // The person chose to keep it aside and save here.
            store::Found::Newer { .. } if replace_newer => {
                if self.keep_text_aside(text.as_deref().unwrap_or_default()) == Aside::Failed {
                    return self.not_saved(extra.is_none());
                }
                self.shown_with(extra.as_ref())
            }
            store::Found::Newer { version } => {
                self.read_only.set(true);
                self.problem.set(Some(newer_message(version)));
                return false;
            }
            store::Found::Readable(base) => base.apply_all(&changes),
            store::Found::Damaged { partial, text } => {
                match self.keep_text_aside(&text) {
                    Aside::Failed => return self.not_saved(extra.is_none()),
                    Aside::Kept => self.problem.set(Some(get(key::SAVED_DAMAGED).into())),
                    Aside::Already => {}
                }
                match partial {
                    Some(base) => base.apply_all(&changes),
                    None => self.shown_with(extra.as_ref()),
                }
            }
            // Nothing saved: build on what is shown.
            store::Found::Nothing => self.shown_with(extra.as_ref()),
        };
        if !storage::save(store::KEY, &next.encode()) {
            return self.not_saved(extra.is_none());
        }
        self.store.set(next);
        self.unsaved.update_value(Vec::clear);
        if replace_newer {
            self.replace_newer.set_value(false);
            self.problem.set(Some(get(key::SAVED_NEWER_KEPT).into()));
        }
        if self.problem.get_untracked().as_deref() == Some(get(key::SAVED_NOT_SAVED)) {
            self.problem.set(None);
        }
        true
    }

    /// What is shown, with `extra` made on top.
    fn shown_with(self, extra: Option<&Change>) -> Store {
        let shown = self.store.get_untracked();
        match extra {
            Some(change) => shown.apply(change),
            None => shown,
        }
    }

    /// False; with `say`, says that a change could not be saved (where
    /// anything can be saved at all: otherwise the settings say so once).
    fn not_saved(self, say: bool) -> bool {
        if say && storage::available() && !self.read_only.get_untracked() {
            self.problem.set(Some(get(key::SAVED_NOT_SAVED).into()));
        }
        false
    }

    /// Whether the browser keeps the data until the person clears it.
    pub fn persisted(self) -> Option<bool> {
        self.persisted.get()
    }

    /// Asks the browser to keep the data until the person clears it: once
    /// there is something worth keeping (an own routine, a finished
    /// session), never on a first visit that only looks.
    fn ask_to_persist(self) {
        leptos::task::spawn_local(async move {
            if let Some(kept) = persist::ask().await {
                self.persisted.set(Some(kept));
            }
        });
    }

    /// Whether this page has stopped saving because a newer version of
    /// Foot Map saved the data: it must be reloaded.
    pub fn needs_reload(self) -> bool {
        self.read_only.get()
    }

    /// Whether this page started on a newer version's data and may keep
    /// it aside to save again (see [`Self::keep_newer_aside`]).
    pub fn offers_keep_newer(self) -> bool {
        self.newer_at_start.get() && self.read_only.get()
    }

    /// After the site went back to an earlier version (or on an old copy
    /// of the page that reloading does not replace): keeps the newer
    /// version's saved text aside, unchanged, and saves what this page
    /// shows in its place, so that changes are saved again.
    pub fn keep_newer_aside(self) {
        self.replace_newer.set_value(true);
        self.read_only.set(false);
        self.newer_at_start.set(false);
        locks::exclusive(store::KEY, move || {
            self.write(None);
        });
    }

    /// Records `session`, which just ended. Until it is saved (which
    /// waits for the lock), it is also the checkpoint: a page closed in
    /// between loses nothing, as the next visit records it.
    pub fn record(self, session: Session) {
        let text = Store::encode_checkpoint(&session);
        storage::save(store::CHECKPOINT_KEY, &text);
        self.apply_then(Change::RecordSession(session), move |saved| {
            // Unless a new routine has checkpointed meanwhile.
            if saved && storage::load(store::CHECKPOINT_KEY).as_deref() == Some(text.as_str()) {
                storage::remove(store::CHECKPOINT_KEY);
            }
        });
    }

    /// Keeps `session`, a routine under way, as the checkpoint (or, with
    /// `None`, removes it: the routine ended with nothing to record).
    pub fn checkpoint(self, session: Option<&Session>) {
        match session {
            Some(session) => {
                storage::save(store::CHECKPOINT_KEY, &Store::encode_checkpoint(session));
            }
            None => {
                storage::remove(store::CHECKPOINT_KEY);
            }
        }
    }

    /// A checkpoint left by a page that was closed or killed during a
    /// routine becomes a stopped session in the history.
    fn recover_checkpoint(self) {
        let Some(text) = storage::load(store::CHECKPOINT_KEY) else {
            return;
        };
        match Store::decode_checkpoint(&text) {
            // Removed once recorded; kept for the next visit if not.
            Some(session) if session.seconds >= 1 => self.record(session),
            _ => {
                storage::remove(store::CHECKPOINT_KEY);
            }
        }
    }

    /// Writes saved text found at the start that could not be read under
    /// a key of its own; true once there is none left to keep.
    fn keep_aside(self) -> bool {
        let Some(text) = self.set_aside.get_value() else {
            return true;
        };
        let kept = self.keep_text_aside(&text) != Aside::Failed;
        if kept {
            self.set_aside.set_value(None);
        }
        kept
    }

    /// Keeps `text` under a key of its own, once however often it is found.
    fn keep_text_aside(self, text: &str) -> Aside {
        match store::keep_aside_slot(text, storage::load) {
            None => Aside::Already,
            Some(key) if storage::save(&key, text) => Aside::Kept,
            Some(_) => Aside::Failed,
        }
    }

    fn follow_other_tab(self) {
        match store::Found::read(storage::load(store::KEY).as_deref()) {
            store::Found::Readable(base) => self.store.set(self.unsaved.with_value(|u| base.apply_all(u))),
            store::Found::Newer { version } => {
                self.read_only.set(true);
                self.problem.set(Some(newer_message(version)));
            }
            // Kept aside at this page's next change.
            store::Found::Damaged { .. } | store::Found::Nothing => {}
        }
    }
}

/// What is saved, upgraded from older formats.
fn read() -> store::Loaded {
    let main = storage::load(store::KEY);
    let old = storage::load(settings::KEY);
    Store::load(main.as_deref(), old.as_deref())
}

/// What became of text to keep aside.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Aside {
    /// Written under a key of its own.
    Kept,
    /// Already kept under one.
    Already,
    /// Could not be written (storage full or blocked).
    Failed,
}
