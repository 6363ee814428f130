//! The bar that keeps a routine under way in reach while the page shows
//! something else.

use crate::route::Route;
use crate::state::player::Player;
use crate::state::Nav;
use crate::text::{fill, get, key};
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
                <div class="routine-bar" role="region" aria-label=get(key::PLAYER_BAR_LABEL)>
                    <span class="bar-text">
                        <strong>{routine.name.clone()}</strong>
                        {player.step().map(|(i, _)| {
                            let step = fill(key::PLAYER_BAR_STEP, &[("number", &(i + 1)), ("total", &routine.steps.len())]);
                            format!("{}{step}", get(key::COMMON_SEPARATOR))
                        })}
                        {format!("{}{}", get(key::COMMON_SEPARATOR), clock(snapshot.remaining_ms))}
                    </span>
                    <button type="button" on:click=move |_| player.act(if paused { Action::Resume } else { Action::Pause })>
                        {get(if paused { key::COMMON_RESUME } else { key::COMMON_PAUSE })}
                    </button>
                    <button type="button" class="primary" on:click=move |_| nav.go(Route::Routine(&routine.id))>
                        {get(key::PLAYER_OPEN)}
                    </button>
                </div>
            }
            .into_any())
        })
    }
}
