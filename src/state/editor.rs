//! The routine being built or edited, in the page: what a click on the map
//! does while the editor is open (it adds a step), and which zones the map
//! lights for a routine that is being built or was opened from a share
//! link. The editing itself is [`OwnRoutine::reduce`], tested natively.

use crate::content::{content, RoutineStep};
use crate::own_routine::{EditAction, OwnRoutine, RoutineProblem};
use crate::route::{self, Route, ZoneKey};
use crate::share::Shared;
use crate::state::saved::Saved;
use crate::store::Change;
use crate::text::{self, fill};
use leptos::prelude::*;

/// The routine editor's state; provided to every component.
#[derive(Clone, Copy)]
pub struct Editor {
    /// The page shown.
    route: Signal<Route>,
    /// Shows a page and records it in the address.
    go: Callback<Route>,
    /// Where a saved routine goes.
    saved: Saved,
    /// The routine on the editor, unsaved. Kept when the person looks at
    /// another page meanwhile, so coming back to its editor finds it as
    /// they left it.
    draft: RwSignal<Option<OwnRoutine>>,
    /// What screen readers hear when a step is added from the map.
    announcement: RwSignal<String>,
    /// The zones of the routine being built or previewed, lit on the map.
    planned: Memo<Vec<ZoneKey>>,
}

impl Editor {
    /// Creates the editor, which follows `route` (the page shown) and
    /// lights the steps of `shared` (a share link's routine) on its page;
    /// it opens pages with `go` and saves to `saved`. Call once, when the
    /// practice begins.
    pub fn new(
        route: Signal<Route>,
        shared: Signal<Option<Shared>>,
        go: Callback<Route>,
        saved: Saved,
    ) -> Editor {
        let draft = RwSignal::new(None::<OwnRoutine>);
        let planned = Memo::new(move |_| {
            let steps = match route.get() {
                Route::Edit(id) => draft.with(|d| d.as_ref().filter(|d| d.id == id).map(|d| d.steps.clone())),
                Route::Shared => shared.get().map(|s| s.steps),
                _ => None,
            };
            let mut keys: Vec<ZoneKey> = steps.iter().flatten().filter_map(zone_of).collect();
            keys.dedup();
            keys
        });
        Editor {
            route,
            go,
            saved,
            draft,
            announcement: RwSignal::new(String::new()),
            planned,
        }
    }

    /// Whether a click on the map adds a step (the editor is open).
    pub fn is_open(self) -> bool {
        matches!(self.route.get_untracked(), Route::Edit(_))
    }

    /// Puts `routine` on the editor and opens it, at the top of the page
    /// with the map in view.
    pub fn open(self, routine: OwnRoutine) {
        let id = route::intern(&routine.id);
        self.put(routine);
        self.go.run(Route::Edit(id));
        crate::browser::reveal::to_top();
    }

    /// Opens `routine` as saved, or as left unsaved if it is the draft.
    pub fn resume(self, routine: OwnRoutine) {
        self.open(self.draft_for(&routine.id).unwrap_or(routine));
    }

    /// Puts `routine` on the editor, replacing any other draft.
    pub fn put(self, routine: OwnRoutine) {
        self.draft.set(Some(routine));
        self.announcement.set(String::new());
    }

    /// The draft for routine `id`, if that is the one on the editor.
    pub fn draft_for(self, id: &str) -> Option<OwnRoutine> {
        self.draft
            .with_untracked(|d| d.as_ref().filter(|d| d.id == id).cloned())
    }

    /// Reads the draft (tracked).
    pub fn with<T>(self, f: impl FnOnce(&OwnRoutine) -> T) -> Option<T> {
        self.draft.with(|d| d.as_ref().map(f))
    }

    /// Makes one change to the draft; the last "step added" message, no
    /// longer true, goes.
    pub fn edit(self, action: EditAction) {
        self.announcement.set(String::new());
        self.draft.update(|d| {
            if let Some(routine) = d.take() {
                *d = Some(routine.reduce(action));
            }
        });
    }

    /// Adds a step for a zone picked on the map, and says so.
    pub fn add(self, key: ZoneKey) {
        let before = self
            .draft
            .with_untracked(|d| d.as_ref().map_or(0, |d| d.steps.len()));
        // The same zone tapped again is added again (another technique, or
        // longer on it), and the message says it is there already.
        let earlier = self
            .with_untracked(|d| {
                d.steps
                    .iter()
                    .position(|s| s.side == key.side && s.zone == key.zone)
            })
            .flatten();
        self.edit(EditAction::AddZone {
            side: key.side,
            zone: key.content(content()),
        });
        let after = self
            .draft
            .with_untracked(|d| d.as_ref().map_or(0, |d| d.steps.len()));
        let zone = key.full_name(content());
        self.announcement.set(if after > before {
            match earlier {
                None => fill(
                    text::key::EDITOR_STEP_ADDED,
                    &[("number", &after), ("zone", &zone)],
                ),
                Some(i) => fill(
                    text::key::EDITOR_STEP_ADDED_AGAIN,
                    &[("number", &after), ("zone", &zone), ("earlier", &(i + 1))],
                ),
            }
        } else {
            fill(
                text::key::EDITOR_NOT_ADDED,
                &[("max", &crate::own_routine::MAX_STEPS)],
            )
        });
    }

    /// The last "step added" message.
    pub fn announcement(self) -> String {
        self.announcement.get()
    }

    /// Saves the draft, tidied, and opens the saved routine's page; or,
    /// if it cannot be run as it is, changes nothing and says why.
    pub fn save(self) -> Result<(), Vec<RoutineProblem>> {
        let Some(draft) = self.with_untracked(|d| d.clone().tidy()) else {
            return Ok(());
        };
        let problems = draft.problems(content());
        if !problems.is_empty() {
            return Err(problems);
        }
        self.saved.apply(Change::SaveRoutine(draft.clone()));
        self.close();
        self.go.run(Route::Routine(route::intern(&draft.id)));
        Ok(())
    }

    /// Gives up the draft and goes back to the routines.
    pub fn cancel(self) {
        self.close();
        self.go.run(Route::Routines);
    }

    /// Reads the draft, without tracking.
    fn with_untracked<T>(self, f: impl FnOnce(&OwnRoutine) -> T) -> Option<T> {
        self.draft.with_untracked(|d| d.as_ref().map(f))
    }

    /// Forgets the draft (saved, or given up).
    fn close(self) {
        self.draft.set(None);
        self.announcement.set(String::new());
    }

    /// The zones of the routine being built or previewed.
    pub fn planned(self) -> Signal<Vec<ZoneKey>> {
        self.planned.into()
    }
}

/// The map zone of a step, if the content knows it.
pub fn zone_of(step: &RoutineStep) -> Option<ZoneKey> {
    ZoneKey::of_step(step, content())
}
