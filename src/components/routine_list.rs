//! The routines to pick from: the person's own, then the guided ones.

use crate::components::own_list::{CopyButton, OwnRoutines};
use crate::components::CollectAny;
use crate::content::whole;
use crate::route::{self, Route};
use leptos::prelude::*;

/// Every built-in routine, as cards.
#[component]
pub fn RoutineList() -> impl IntoView {
    view! {
        <div class="routine-list">
            <OwnRoutines />
            <h2>"Guided routines"</h2>
            <p class="small">
                "Press Start, put the phone down, and follow the chimes and the voice. "
                "The zone to work lights up on the map."
            </p>
            <ul class="cards">
                {whole()
                    .routines
                    .iter()
                    .map(|r| {
                        view! {
                            <li>
                                <a class="card" href=format!("#{}", route::fragment(Route::Routine(&r.id)))>
                                    <span class="card-title">{r.name.clone()}</span>
                                    <span class="card-meta">
                                        {format!("{} min · {} steps", r.minutes, r.steps.len())}
                                    </span>
                                    <span class="small">{r.summary.clone()}</span>
                                </a>
                                <CopyButton routine=r />
                            </li>
                        }
                    })
                    .collect_any()}
            </ul>
        </div>
    }
}
