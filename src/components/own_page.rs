//! The player page for one of the person's own routines, and the preview
//! of a routine opened from a share link.

use crate::components::own_list::{new_id, ShareButton};
use crate::components::rich::{rich, Inset};
use crate::components::routine_player::RoutinePlayer;
use crate::components::CollectAny;
use crate::content::content;
use crate::format;
use crate::route::{self, Route};
use crate::state::editor::{zone_of, Editor};
use crate::state::saved::Saved;
use crate::state::Nav;
use crate::store::Change;
use crate::text::{count, fill, get, key};
use leptos::prelude::*;

/// The player for one of the person's own routines, once the saved data
/// says it exists and can be run.
#[component]
pub fn OwnRoutinePage(id: &'static str) -> impl IntoView {
    let saved = expect_context::<Saved>();
    let editor = expect_context::<Editor>();
    // Read once: a session recorded meanwhile must not restart the player.
    let Some(own) = saved.with_untracked(|s| s.routine(id).cloned()) else {
        return view! {
            <div class="missing" data-testid="missing-routine">
                <h2>{get(key::OWN_PAGE_NOT_FOUND_TITLE)}</h2>
                <p>
                    {rich(
                        get(key::OWN_PAGE_NOT_FOUND_TEXT),
                        vec![("history_link", Inset::link("#history", get(key::NAV_HISTORY)))],
                    )}
                </p>
                <p>
                    <a href="#routines">{get(key::OWN_PAGE_ALL_ROUTINES_LINK)}</a>
                </p>
            </div>
        }
        .into_any();
    };
    let problems = own.problems(content());
    if !problems.is_empty() {
        return view! {
            <div class="missing" data-testid="problems">
                <h2>{own.name.clone()}</h2>
                <p>{get(key::OWN_PAGE_CANNOT_RUN)}</p>
                <ul class="problems">{problems.iter().map(|p| view! { <li>{p.message()}</li> }).collect_any()}</ul>
                <button type="button" class="primary" on:click=move |_| editor.open(own.clone())>
                    {get(key::OWN_PAGE_EDIT_IT)}
                </button>
            </div>
        }
        .into_any();
    }
    let routine = crate::state::player::keep(own.to_routine());
    // Edit and Share with the reminder, under Start.
    let actions = move || {
        let own = own.clone();
        let edited = own.clone();
        view! {
            <button type="button" data-testid="edit" on:click=move |_| editor.resume(edited.clone())>
                {get(key::OWN_PAGE_EDIT_THIS)}
            </button>
            <ShareButton routine=own />
        }
        .into_any()
    };
    view! { <RoutinePlayer routine actions /> }.into_any()
}

/// A routine from a share link: its steps, its zones lit on the map, and
/// "Save to my routines". Nothing is saved before that.
#[component]
pub fn SharedPreview() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let saved = expect_context::<Saved>();
    let Some(shared) = nav.shared() else {
        return view! { <p>{get(key::SHARED_NO_ROUTINE)}</p> }.into_any();
    };
    let total: u32 = shared.steps.iter().map(|s| s.seconds).sum();
    let name = shared.name.clone();
    let steps = shared.steps.clone();
    let save = move |_| {
        let routine = shared.clone().into_routine(new_id(saved));
        let id = route::intern(&routine.id);
        saved.apply(Change::AddRoutine(routine));
        nav.go(Route::Routine(id));
    };
    view! {
        <div class="shared" data-testid="shared">
            <p class="eyebrow">{get(key::SHARED_EYEBROW)}</p>
            <h2>{name}</h2>
            <p>
                {fill(
                    key::SHARED_SUMMARY,
                    &[
                        ("steps", &count(key::COUNTS_STEPS, steps.len() as u64, &[])),
                        ("duration", &format::duration(total)),
                    ],
                )}
            </p>
            <div class="controls">
                <button type="button" class="primary" data-testid="save-shared" on:click=save>
                    {get(key::SHARED_SAVE)}
                </button>
                <a href="#routines">{get(key::SHARED_NOT_NOW)}</a>
            </div>
            <ol class="shared-steps">
                {steps
                    .iter()
                    .map(|s| {
                        let words = zone_of(s)
                            .map(|_| crate::state::player::step_words(s))
                            .unwrap_or_default();
                        view! {
                            <li>
                                <span>{words}</span>
                                " "
                                <span class="small">{format::duration(s.seconds)}</span>
                            </li>
                        }
                    })
                    .collect_any()}
            </ol>
        </div>
    }
    .into_any()
}
