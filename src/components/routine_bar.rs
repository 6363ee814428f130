//! The bar that keeps a routine under way in reach while the page shows
//! something else.

use crate::route::Route;
use crate::state::player::Player;
use crate::state::Nav;
use crate::timer::{clock, Action, Status};
use leptos::prelude::*;

/// While a routine runs and the page shows something else: its step and
/// time, with pause and a way back.
#[component]
pub fn RoutineBar() -> impl IntoView {
    let player = expect_context::<Player>();
    let nav = expect_context::<Nav>();
    let shown = move || {
        player.is_active()
            && !matches!((nav.route(), player.routine()), (Route::Routine(id), Some(r)) if id == r.id)
    };
    move || {
        shown().then(|| {
            let snapshot = player.snapshot();
            let routine = player.routine()?;
            let paused = snapshot.status == Status::Paused;
            Some(view! {
                <div class="routine-bar" role="region" aria-label="Routine in progress">
                    <span class="bar-text">
                        <strong>{routine.name.clone()}</strong>
                        {player.step().map(|(i, _)| format!(" · step {} of {}", i + 1, routine.steps.len()))}
                        {format!(" · {}", clock(snapshot.remaining_ms))}
                    </span>
                    <button type="button" on:click=move |_| player.act(if paused { Action::Resume } else { Action::Pause })>
                        {if paused { "Resume" } else { "Pause" }}
                    </button>
                    <button type="button" class="primary" on:click=move |_| nav.go(Route::Routine(&routine.id))>
                        "Open"
                    </button>
                </div>
            }
            .into_any())
        })
    }
}
