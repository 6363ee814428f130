//! The person's saved data in the page: the one versioned [`Store`], read
//! once at start, changed only by [`Change`]s applied to the newest saved
//! text (so two open tabs never undo each other's work), saved at once, and
//! read again when another tab saves. The format, its versions and its
//! rules live in [`crate::store`]; this is only the bridge to the page.

use crate::browser::storage;
use crate::settings::{self, Settings};
use crate::store::{self, Change, Store};
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
}

const NOT_SAVED: &str =
    "Foot Map could not save your last change: this browser's storage for the site is full. \
    It stays on screen until you close the page; free some space and make any change to save everything.";

impl Saved {
    /// Reads what is saved (upgrading older formats) and starts following
    /// other tabs' saves; call once, in `App`.
    pub fn load() -> Saved {
        // The load benchmark reads how long this takes between the marks.
        let performance = crate::browser::window().and_then(|w| w.performance());
        if let Some(p) = &performance {
            let _ = p.mark("saved-load-start");
        }
        let loaded = read();
        let saved = Saved {
            store: RwSignal::new(loaded.store),
            problem: RwSignal::new(loaded.problem.map(|p| p.message())),
            unsaved: StoredValue::new(Vec::new()),
            set_aside: StoredValue::new(loaded.keep_aside),
        };
        saved.keep_aside();
        if let Some(p) = &performance {
            let _ = p.mark("saved-load-end");
        }
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

    /// Why saved data could not be read or saved, if so.
    pub fn problem(self) -> Option<String> {
        self.problem.get()
    }

    pub fn dismiss_problem(self) {
        self.problem.set(None);
    }

    /// Makes `change`, on top of whatever another tab saved since, and
    /// saves the result. When saving fails the change stays on screen and
    /// is saved with the next change that succeeds.
    pub fn apply(self, change: Change) {
        let unreadable_kept = self.keep_aside();
        let next = match newest() {
            Some(base) => {
                self.unsaved.update_value(|u| u.push(change));
                self.unsaved.with_value(|u| base.apply_all(u))
            }
            // Nothing readable is saved: build on what is shown.
            None => {
                self.unsaved.update_value(|u| u.push(change.clone()));
                self.store.get_untracked().apply(&change)
            }
        };
        let saved = unreadable_kept && storage::save(store::KEY, &next.encode());
        self.store.set(next);
        if saved {
            self.unsaved.update_value(Vec::clear);
            if self.problem.get_untracked().as_deref() == Some(NOT_SAVED) {
                self.problem.set(None);
            }
        } else if storage::available() {
            // (Where nothing can be saved at all, the settings say so once.)
            self.problem.set(Some(NOT_SAVED.into()));
        }
    }

    /// Writes saved text that could not be read under a key of its own;
    /// true once there is none left to keep.
    fn keep_aside(self) -> bool {
        let Some(text) = self.set_aside.get_value() else {
            return true;
        };
        let key = store::keep_aside_key(|k| storage::load(k).is_some());
        let kept = storage::save(&key, &text);
        if kept {
            self.set_aside.set_value(None);
        }
        kept
    }

    fn follow_other_tab(self) {
        if let Some(base) = newest() {
            self.store.set(self.unsaved.with_value(|u| base.apply_all(u)));
        }
    }
}

/// What is saved, upgraded from older formats.
fn read() -> store::Loaded {
    let main = storage::load(store::KEY);
    let old = storage::load(settings::KEY);
    Store::load(main.as_deref(), old.as_deref())
}

/// The newest saved store, if one is saved and fully readable.
fn newest() -> Option<Store> {
    let text = storage::load(store::KEY)?;
    let loaded = Store::load(Some(&text), None);
    loaded.problem.is_none().then_some(loaded.store)
}
