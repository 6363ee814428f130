//! "What applies to me": the lasting conditions a person may tell the app,
//! one tick each, kept only on this device; the zones' details and the
//! routines then follow them ([`crate::applies`]).

use crate::components::CollectAny;
use crate::content::{whole, Severity};
use crate::state::Saved;
use crate::text::{get, key};
use leptos::prelude::*;

/// The list of conditions with a tick box each, on the safety note, once
/// the practice (which saves the ticks) has begun: the safety note begins
/// it, and so does the build's pre-render of the safety page.
#[component]
pub fn AppliesPicker() -> impl IntoView {
    use_context::<Saved>().map(picker)
}

fn picker(saved: Saved) -> impl IntoView {
    let items = whole()
        .cautions
        .iter()
        .filter_map(|caution| caution.who.as_ref().map(|who| (caution, who)))
        .map(|(caution, who)| {
            let id = caution.id.as_str();
            let effect = get(if caution.severity == Severity::Stop {
                key::APPLIES_EFFECT_OUT
            } else {
                key::APPLIES_EFFECT_LIGHT
            });
            view! {
                <li>
                    <label>
                        <input
                            type="checkbox"
                            data-condition=id
                            prop:checked=move || saved.applies().has(id)
                            on:change=move |ev| saved.set_applies(id, event_target_checked(&ev))
                        />
                        " "
                        <span>{who.clone()}</span>
                        <span class="small effect">{effect}</span>
                    </label>
                </li>
            }
        })
        .collect_any();
    view! {
        <section class="applies" data-testid="applies" aria-labelledby="applies-title">
            <h3 id="applies-title">{get(key::APPLIES_TITLE)}</h3>
            <p>{get(key::APPLIES_INTRO)}</p>
            <ul class="applies-list">{items}</ul>
            <p class="small">{get(key::APPLIES_NOT_ADVICE)}</p>
        </section>
    }
}
