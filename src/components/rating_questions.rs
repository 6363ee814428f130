//! The person's own ratings, 0 to 10: what they follow, the question
//! before a routine, the one after it, and last night's sleep on the next
//! visit. One tap each, always skippable.

use crate::components::CollectAny;
use crate::settings::Measure;
use crate::state::Ratings;
use crate::store::rating::MAX_RATING;
use crate::text::{fill, get, key};
use leptos::prelude::*;

/// Eleven buttons, 0 to 10, under the measure's question; `chosen` is
/// shown pressed. Both ends say what they mean.
#[component]
fn Scale(
    measure: Measure,
    /// The id of the question, which names the group.
    id: &'static str,
    /// The question, when it is not the measure's own.
    #[prop(optional)]
    question: Option<&'static str>,
    /// The value chosen, if any.
    #[prop(into)]
    chosen: Signal<Option<u8>>,
    pick: Callback<u8>,
) -> impl IntoView {
    let (low, high) = measure.ends();
    view! {
        <p class="rate-question" id=id>
            {question.unwrap_or(measure.question())}
        </p>
        <div class="scale" role="group" aria-labelledby=id data-testid="scale">
            {(0..=MAX_RATING)
                .map(|value| {
                    let end = match value {
                        0 => Some(low),
                        MAX_RATING => Some(high),
                        _ => None,
                    };
                    view! {
                        <button
                            type="button"
                            aria-pressed=move || (chosen.get() == Some(value)).to_string()
                            aria-label=end.map(|end| fill(key::RATING_SCALE_END, &[("value", &value), ("meaning", &end)]))
                            on:click=move |_| pick.run(value)
                        >
                            {value}
                        </button>
                    }
                })
                .collect_any()}
        </div>
        <p class="scale-ends small" aria-hidden="true">
            <span>{fill(key::RATING_SCALE_END, &[("value", &0), ("meaning", &low)])}</span>
            <span>{fill(key::RATING_SCALE_END, &[("value", &MAX_RATING), ("meaning", &high)])}</span>
        </p>
    }
}

/// Before a routine, for someone who follows a measure: the question, to
/// answer or not before Start.
#[component]
pub fn BeforeQuestion() -> impl IntoView {
    let ratings = expect_context::<Ratings>();
    move || {
        ratings.measure().map(|measure| {
            view! {
                <section class="rate" data-testid="rate-before">
                    <Scale
                        measure
                        id="rate-before"
                        chosen=Signal::derive(move || ratings.before())
                        pick=Callback::new(move |value| ratings.rate_before(value))
                    />
                    <p class="small">{get(key::RATING_OPTIONAL)}</p>
                </section>
            }
        })
    }
}

/// At the end of a routine: the same question again, once; or, for sleep,
/// when it will be asked.
#[component]
pub fn AfterQuestion() -> impl IntoView {
    let ratings = expect_context::<Ratings>();
    move || {
        if let Some(measure) = ratings.asks_after() {
            view! {
                <section class="rate" data-testid="rate-after">
                    <Scale measure id="rate-after" chosen=Signal::stored(None) pick=Callback::new(move |value| ratings.rate_after(value)) />
                    <button type="button" class="quiet" data-testid="rate-skip" on:click=move |_| ratings.skip_after()>
                        {get(key::COMMON_SKIP)}
                    </button>
                </section>
            }
            .into_any()
        } else if let Some(value) = ratings.given_after() {
            view! {
                <p class="small" data-testid="rate-given">
                    {fill(key::RATING_SAVED, &[("value", &value)])}
                    " "
                    <a href="#history">{get(key::RATING_RECORD_LINK)}</a>
                </p>
            }
            .into_any()
        } else if ratings.measure() == Some(Measure::Sleep) {
            view! { <p class="small">{get(key::RATING_SLEEP_LATER)}</p> }.into_any()
        } else {
            ().into_any()
        }
    }
}

/// On the next visit after a routine, for someone who follows their
/// sleep: how they slept that night, once.
#[component]
pub fn NightQuestion() -> impl IntoView {
    let ratings = expect_context::<Ratings>();
    move || {
        ratings.night().map(|_| {
            view! {
                <section class="notice rate" data-testid="rate-night" aria-labelledby="rate-night">
                    <Scale
                        measure=Measure::Sleep
                        id="rate-night"
                        question=get(key::RATING_NIGHT_QUESTION)
                        chosen=Signal::stored(None)
                        pick=Callback::new(move |value| ratings.answer_night(Some(value)))
                    />
                    <button type="button" class="quiet" on:click=move |_| ratings.answer_night(None)>
                        {get(key::COMMON_SKIP)}
                    </button>
                </section>
            }
        })
    }
}

/// What the person follows, if anything: off until they choose.
#[component]
pub fn MeasurePicker() -> impl IntoView {
    let ratings = expect_context::<Ratings>();
    view! {
        <label class="measure-picker">
            {get(key::RATING_PICKER)}
            " "
            <select
                data-testid="measure"
                on:change=move |ev| ratings.set_measure(Measure::from_code(&event_target_value(&ev)))
            >
                <option value="" prop:selected=move || ratings.measure().is_none()>
                    {get(key::RATING_OFF)}
                </option>
                {Measure::ALL
                    .into_iter()
                    .map(|m| {
                        view! {
                            <option value=m.code() prop:selected=move || ratings.measure() == Some(m)>
                                {m.label()}
                            </option>
                        }
                    })
                    .collect_any()}
            </select>
        </label>
    }
}
