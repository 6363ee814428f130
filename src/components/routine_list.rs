//! The routines to pick from: the person's own, then the guided ones.

use crate::components::own_list::{CopyButton, OwnRoutines};
use crate::components::CollectAny;
use crate::content::whole;
use crate::route::{self, Route};
use crate::text::{count, fill, get, key};
use leptos::prelude::*;

/// Every built-in routine, as cards.
#[component]
pub fn RoutineList() -> impl IntoView {
    view! {
        <div class="routine-list">
            <OwnRoutines />
            <h2>{get(key::ROUTINES_GUIDED_TITLE)}</h2>
            <p class="small">{get(key::ROUTINES_GUIDED_INTRO)}</p>
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
                                        {fill(
                                            key::ROUTINES_CARD_META,
                                            &[
                                                ("minutes", &r.minutes),
                                                ("steps", &count(key::COUNTS_STEPS, r.steps.len() as u64, &[])),
                                            ],
                                        )}
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
