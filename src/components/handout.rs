//! A routine on paper, as a handout a physiotherapist could give: every
//! step with its zone, technique, pressure and time, how to do each move
//! (written once, where a zone and technique first come), and the cautions
//! that apply to its zones. Only printed: the screen has the player.

use crate::components::safety::brief_line;
use crate::components::CollectAny;
use crate::content::{content, whole, Caution, Routine};
use crate::format;
use crate::state::player::step_zone;
use crate::state::Saved;
use crate::text::{fill, get, key};
use leptos::prelude::*;

/// The handout for `routine` (as the person's conditions allow it).
#[component]
pub fn Handout(routine: &'static Routine) -> impl IntoView {
    let c = whole();
    let applies = use_context::<Saved>()
        .map(Saved::applies_untracked)
        .unwrap_or_default();
    let mut first_at: Vec<(&str, &str, usize)> = Vec::new();
    let steps = routine
        .steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let method = c
                .zone(&step.zone)
                .and_then(|z| z.methods.iter().find(|m| m.technique == step.technique));
            let technique = c.technique(&step.technique).map(|t| t.name.clone()).unwrap_or_default();
            let pressure = method.map(|m| applies.limit(&c.cautions, &step.zone).pressure(m.pressure).label());
            let earlier = first_at
                .iter()
                .find(|(z, t, _)| *z == step.zone && *t == step.technique)
                .map(|(_, _, n)| *n);
            if earlier.is_none() {
                first_at.push((&step.zone, &step.technique, i + 1));
            }
            let same = earlier.map(|n| {
                view! { " " <span class="small">{fill(key::PLAYER_HANDOUT_SAME, &[("number", &n)])}</span> }
            });
            let how = match (earlier, method) {
                (None, Some(m)) => Some(view! {
                    <ol class="steps">{m.steps.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_any()}</ol>
                }),
                _ => None,
            };
            view! {
                <li>
                    <p class="handout-step">
                        <strong>{step_zone(step).full_name(content())}</strong>
                        {format!(
                            "{sep}{technique}{sep}{pressure}{sep}{time}",
                            sep = get(key::COMMON_SEPARATOR),
                            pressure = pressure.unwrap_or_default(),
                            time = format::duration(step.seconds),
                        )}
                        {same}
                    </p>
                    {how}
                </li>
            }
        })
        .collect_any();
    // The cautions that limit the massage on any of its zones, once each.
    let mut cautions: Vec<&'static Caution> = Vec::new();
    for caution in routine.steps.iter().flat_map(|s| c.cautions_for(&s.zone)) {
        if !cautions.iter().any(|x| x.id == caution.id) {
            cautions.push(caution);
        }
    }
    view! {
        <section class="handout" data-testid="handout">
            <h3>{get(key::PLAYER_HANDOUT_CAUTIONS)}</h3>
            <ul class="cautions">
                {cautions.into_iter().filter_map(brief_line).collect::<Vec<_>>()}
                <li>{c.safety.closing.clone()}</li>
            </ul>
            <h3>{get(key::PLAYER_HANDOUT_STEPS)}</h3>
            <ol class="handout-steps">{steps}</ol>
        </section>
    }
}
