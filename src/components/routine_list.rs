//! The routines to pick from: the person's own, then the guided ones.

use crate::components::own_list::{CopyButton, OwnRoutines};
use crate::components::CollectAny;
use crate::content::{whole, Need, Routine};
use crate::route::{self, Route};
use crate::text::{count, fill, get, key};
use leptos::prelude::*;

/// Routines this short or shorter are "quick".
const QUICK_MINUTES: u32 = 6;

/// What the list shows: every routine, the quick ones, or those for a need.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Filter {
    All,
    Quick,
    For(Need),
}

impl Filter {
    fn keeps(self, routine: &Routine) -> bool {
        match self {
            Filter::All => true,
            Filter::Quick => routine.minutes <= QUICK_MINUTES,
            Filter::For(need) => routine.needs.contains(&need),
        }
    }

    fn label(self) -> String {
        match self {
            Filter::All => get(key::ROUTINES_ALL).into(),
            Filter::Quick => fill(key::ROUTINES_QUICK, &[("minutes", &QUICK_MINUTES)]),
            Filter::For(need) => need_label(need).into(),
        }
    }
}

/// A need's name, on the filter and on the cards.
fn need_label(need: Need) -> &'static str {
    get(match need {
        Need::TiredLegs => key::ROUTINES_NEED_TIRED_LEGS,
        Need::Feet => key::ROUTINES_NEED_FEET,
        Need::Sleep => key::ROUTINES_NEED_SLEEP,
        Need::Relax => key::ROUTINES_NEED_RELAX,
    })
}

/// Every built-in routine, as cards, to pick by need.
#[component]
pub fn RoutineList() -> impl IntoView {
    let filter = RwSignal::new(Filter::All);
    let filters = [Filter::All, Filter::Quick]
        .into_iter()
        .chain(Need::ALL.into_iter().map(Filter::For))
        .map(|f| {
            view! {
                <button
                    type="button"
                    class="chip-button"
                    aria-pressed=move || (filter.get() == f).to_string()
                    on:click=move |_| filter.set(f)
                >
                    {f.label()}
                </button>
            }
        })
        .collect_any();
    view! {
        <div class="routine-list">
            <OwnRoutines />
            <h2>{get(key::ROUTINES_GUIDED_TITLE)}</h2>
            <p class="small">{get(key::ROUTINES_GUIDED_INTRO)}</p>
            <div class="filters" role="group" aria-label=get(key::ROUTINES_FILTER_LABEL) data-testid="routine-filters">
                {filters}
            </div>
            <ul class="cards">
                {whole()
                    .routines
                    .iter()
                    .map(|r| {
                        view! {
                            <li hidden=move || !filter.get().keeps(r) data-routine=r.id.clone()>
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
                                        {r.needs
                                            .iter()
                                            .map(|n| format!("{}{}", get(key::COMMON_SEPARATOR), need_label(*n)))
                                            .collect::<String>()}
                                    </span>
                                    <span class="small">{r.summary.clone()}</span>
                                    <span class="card-start" aria-hidden="true">{get(key::ROUTINES_CARD_START)}</span>
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
