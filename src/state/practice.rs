//! The person's practice in the page: their saved data ([`Saved`]), the
//! routine player ([`Player`]) and the routine editor ([`Editor`]).
//!
//! Looking at the map needs none of it, so it begins when a page that uses
//! it first opens (the routines, the history), or just after the start for
//! someone who has saved data here (which may need a notice). In the hosted
//! build its code is a part of its own, downloaded then (see
//! [`crate::split_points`]), and a first visit that only looks at the
//! map never downloads it.
//!
//! The map and the page around it see the practice only through
//! [`Practice`]: the zone a routine is on, the zones of a routine being
//! built, what a zone picked on the map does while the editor is open, a
//! problem with the saved data, and the bar of a routine under way. The
//! pages of the practice find `Saved`, `Player` and `Editor` in context.

use super::editor::Editor;
use super::player::Player;
use super::ratings::Ratings;
use super::saved::Saved;
use crate::applies::{Applies, Limit};
use crate::browser::{keys, visibility};
use crate::content::{self, View};
use crate::language::Language;
use crate::route::{Route, ZoneKey};
use crate::share::Shared;
use crate::timer::{Action, Status};
use leptos::prelude::*;

/// What the practice shows outside its own pages, once it has begun.
#[derive(Clone, Copy)]
pub struct Live {
    active: Signal<bool>,
    current: Signal<Option<ZoneKey>>,
    planned: Signal<Vec<ZoneKey>>,
    pick: Callback<ZoneKey, bool>,
    problem: Signal<Option<String>>,
    needs_reload: Signal<bool>,
    offers_keep_newer: Signal<bool>,
    keep_newer: Callback<()>,
    dismiss: Callback<()>,
    bar: fn() -> AnyView,
    notice: fn() -> AnyView,
    confirm: fn(Language) -> AnyView,
    motion: fn(View) -> AnyView,
    applies: Signal<Applies>,
    /// The zones (content ids) what applies to the person rules out.
    ruled_out: Signal<Vec<&'static str>>,
    /// Marks the content's text apart as arrived (see [`Practice::apart_arrived`]).
    apart: RwSignal<bool>,
}

/// What the practice needs of the page's navigation ([`super::Nav`]).
#[derive(Clone, Copy)]
pub struct Navigation {
    /// The view of the map shown where only one fits.
    pub view: RwSignal<View>,
    /// The page shown.
    pub route: Signal<Route>,
    /// The routine a share link carries, while its page shows it.
    pub shared: Signal<Option<Shared>>,
    /// Shows a page and records it in the address.
    pub go: Callback<Route>,
}

/// The practice, begun or not; held by [`super::Nav`], which begins it.
#[derive(Clone, Copy)]
pub struct Practice {
    live: RwSignal<Option<Live>>,
    /// The app's owner: what the practice provides, every page finds.
    owner: StoredValue<Owner>,
}

impl Practice {
    /// Not begun yet; call in `App`, whose owner it keeps.
    pub fn new() -> Practice {
        Practice {
            live: RwSignal::new(None),
            owner: StoredValue::new(Owner::current().unwrap_or_default()),
        }
    }

    /// Whether it has begun.
    pub fn is_live(self) -> bool {
        self.live.with_untracked(Option::is_some)
    }

    /// Begins it with `live`, which [`begin`] made under [`Self::owner`];
    /// a second call changes nothing.
    pub fn set_live(self, live: Live) {
        if !self.is_live() {
            self.live.set(Some(live));
        }
    }

    /// The owner [`begin`] must run under.
    pub fn owner(self) -> Owner {
        self.owner.get_value()
    }

    /// Whether a routine is under way.
    pub fn is_active(self) -> bool {
        self.live.get().is_some_and(|l| l.active.get())
    }

    /// The zone a routine under way is on.
    pub fn current_zone(self) -> Option<ZoneKey> {
        self.live.get().and_then(|l| l.current.get())
    }

    /// The move of the routine's step under way, drawn on `view` (the
    /// practice draws it, so that its code is downloaded with it).
    pub fn motion_on_map(self, view: View) -> Option<AnyView> {
        self.live.get().map(|l| (l.motion)(view))
    }

    /// Whether `key` is in the routine being built or previewed.
    pub fn plans(self, key: ZoneKey) -> bool {
        self.live
            .get()
            .is_some_and(|l| l.planned.with(|p| p.contains(&key)))
    }

    /// Gives a zone picked on the map to the editor, if it is open; false
    /// if the pick is the map's own (show the zone).
    pub fn pick(self, key: ZoneKey) -> bool {
        self.live.get_untracked().is_some_and(|l| l.pick.run(key))
    }

    /// Why saved data could not be read or saved, if so.
    pub fn problem(self) -> Option<String> {
        self.live.get().and_then(|l| l.problem.get())
    }

    /// Whether the page must be reloaded to save again (a newer version
    /// of Foot Map saved the data).
    pub fn needs_reload(self) -> bool {
        self.live.get().is_some_and(|l| l.needs_reload.get())
    }

    /// Whether the page may keep a newer version's data aside and save
    /// again (it started on that data: after a rollback, say).
    pub fn offers_keep_newer(self) -> bool {
        self.live.get().is_some_and(|l| l.offers_keep_newer.get())
    }

    /// Keeps the newer version's data aside and saves again.
    pub fn keep_newer_aside(self) {
        if let Some(live) = self.live.get_untracked() {
            live.keep_newer.run(());
        }
    }

    /// Forgets the problem once the reader has seen it.
    pub fn dismiss_problem(self) {
        if let Some(live) = self.live.get_untracked() {
            live.dismiss.run(());
        }
    }

    /// The bar of a routine under way, shown on other pages.
    pub fn bar(self) -> Option<AnyView> {
        self.live.get().map(|l| (l.bar)())
    }

    /// The conditions the person said apply to them: none until the
    /// practice has begun (it begins at the start for anyone with saved
    /// data, so a choice made is followed from the first page).
    pub fn applies(self) -> Applies {
        self.live.get().map_or(Applies::NONE, |l| l.applies.get())
    }

    /// Whether what the person said applies to them rules out this zone
    /// (marked on the map).
    pub fn rules_out(self, key: ZoneKey) -> bool {
        self.live
            .get()
            .is_some_and(|l| l.ruled_out.with(|z| z.contains(&key.zone)))
    }

    /// Whether anything applies that needs the content's text apart, which
    /// the map does not download, to mark the zones it rules out.
    pub fn needs_apart(self) -> bool {
        self.live
            .get_untracked()
            .is_some_and(|l| !l.applies.get_untracked().is_empty())
    }

    /// The content's text apart has arrived: the zones can be marked.
    pub fn apart_arrived(self) {
        if let Some(live) = self.live.get_untracked() {
            live.apart.set(true);
        }
    }

    /// What is asked before the page reopens in `choice`, if that would
    /// stop a routine under way or lose one being built (the practice
    /// draws it; nothing before the practice has begun).
    pub fn confirm_language(self, choice: Language) -> Option<AnyView> {
        self.live.get().map(|l| (l.confirm)(choice))
    }

    /// What the practice asks on any page (last night's sleep, for
    /// someone who follows it), among the page's notices.
    pub fn notice(self) -> Option<AnyView> {
        self.live.get().map(|l| (l.notice)())
    }
}

impl Default for Practice {
    fn default() -> Self {
        Practice::new()
    }
}

/// Reads the saved data, makes the player and the editor and provides all
/// three with the ratings, and follows the page's visibility and the
/// routine keys; `bar` draws the bar of a routine under way, `notice`
/// what the practice asks on any page, `confirm` what is asked before
/// a language change, and `motion` the move of a step under way on a
/// view of the map. Run once, under the app's owner
/// ([`Practice::owner`]).
pub fn begin(
    nav: Navigation,
    bar: fn() -> AnyView,
    notice: fn() -> AnyView,
    confirm: fn(Language) -> AnyView,
    motion: fn(View) -> AnyView,
) -> Live {
    let saved = Saved::load();
    provide_context(saved);
    let apart = RwSignal::new(false);
    let ratings = Ratings::new(saved);
    provide_context(ratings);
    let player = Player::new(nav.view, saved, ratings);
    provide_context(player);
    let editor = Editor::new(nav.route, nav.shared, nav.go, saved);
    provide_context(editor);
    follow_page_visibility(player);
    routine_keys(nav, player);
    Live {
        active: Signal::derive(move || player.is_active()),
        current: Signal::derive(move || player.current_zone()),
        planned: editor.planned(),
        pick: Callback::new(move |key| {
            let open = editor.is_open();
            if open {
                editor.add(key);
            }
            open
        }),
        problem: Signal::derive(move || saved.problem()),
        needs_reload: Signal::derive(move || saved.needs_reload()),
        offers_keep_newer: Signal::derive(move || saved.offers_keep_newer()),
        keep_newer: Callback::new(move |()| saved.keep_newer_aside()),
        dismiss: Callback::new(move |()| saved.dismiss_problem()),
        bar,
        notice,
        confirm,
        motion,
        applies: Signal::derive(move || saved.applies()),
        ruled_out: Signal::derive(move || {
            // Read again when a page brings the text apart with it.
            apart.track();
            nav.route.track();
            let applies = saved.applies();
            if applies.is_empty() || !content::whole_ready() {
                return Vec::new();
            }
            let c = content::whole();
            c.zones
                .iter()
                .filter(|z| matches!(applies.limit(&c.cautions, &z.id), Limit::Out(_)))
                .map(|z| z.id.as_str())
                .collect()
        }),
        apart,
    }
}

/// Brings a running routine up to date the moment the page is shown again
/// after being hidden or frozen, and takes the wake lock back; and ends a
/// routine under way as stopped when the page is closed or left, so the
/// practice done is kept in the history.
fn follow_page_visibility(player: Player) {
    visibility::on_shown(move || player.resync());
    // A hidden page may be killed without notice: what was done so far is
    // kept, to be recorded on the next visit if the page never returns.
    visibility::on_hidden(move || player.checkpoint());
    visibility::on_leave(move || player.leave());
}

/// Space pauses and resumes, the arrow keys step, Escape stops, T says the
/// time left: on the
/// routine page, while a routine is under way, and never while focus is
/// on a control that uses those keys itself.
fn routine_keys(nav: Navigation, player: Player) {
    keys::on_press(move |press| {
        if !matches!(nav.route.get_untracked(), Route::Routine(_)) || press.in_control {
            return false;
        }
        let status = player.snapshot_untracked().status;
        if !matches!(status, Status::GetReady | Status::Running | Status::Paused) {
            return false;
        }
        let action = match press.key.as_str() {
            " " | "Spacebar" if status == Status::Paused => Action::Resume,
            " " | "Spacebar" => Action::Pause,
            "ArrowRight" => Action::Next,
            "ArrowLeft" => Action::Previous,
            "Escape" => Action::Stop,
            "t" | "T" => {
                player.tell_time_left();
                return true;
            }
            _ => return false,
        };
        player.act(action);
        true
    });
}
