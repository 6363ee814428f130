//! A routine on paper, as a handout a physiotherapist could give: every
//! step with its zone, technique, pressure and time, how to do each move
//! (written once, where a zone and technique first come), and the cautions
//! that apply to its zones. Only printed: the screen has the player.

use crate::components::foot_map::{on_foot, CAPTION, GAP};
use crate::components::safety::brief_line;
use crate::components::CollectAny;
use crate::content::{content, whole, Caution, Routine, Side, View};
use crate::format;
use crate::map::{self, geometry::number, geometry::polygon_path};
use crate::route::ZoneKey;
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
                        // A move met before is named by its step: its
                        // technique and pressure are there.
                        {match earlier {
                            Some(_) => format!("{}{}", get(key::COMMON_SEPARATOR), format::duration(step.seconds)),
                            None => format!(
                                "{sep}{technique}{sep}{pressure}{sep}{time}",
                                sep = get(key::COMMON_SEPARATOR),
                                pressure = pressure.unwrap_or_default(),
                                time = format::duration(step.seconds),
                            ),
                        }}
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
        // Type as large as two pages allow: a short routine in larger
        // type, the longest in smaller.
        <section class="handout" data-testid="handout" data-routine=routine.id.clone() data-size=match routine.steps.len() {
            0..=8 => "large",
            9..=24 => "",
            _ => "small",
        }>
            <div class="handout-map">{handout_map(routine)}</div>
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

/// A small map for paper: each view the routine works in, both feet, with
/// each step's zone shaded and carrying the step's number (or numbers).
fn handout_map(routine: &'static Routine) -> impl IntoView {
    let c = content();
    let keys: Vec<ZoneKey> = routine.steps.iter().map(step_zone).collect();
    View::ALL
        .into_iter()
        .filter_map(|view| {
            let mut marks: Vec<(ZoneKey, Vec<usize>)> = Vec::new();
            for (i, key) in keys.iter().enumerate() {
                if c.zone(key.zone).map(|z| z.view) != Some(view) {
                    continue;
                }
                match marks.iter_mut().find(|(k, _)| k == key) {
                    Some((_, numbers)) => numbers.push(i + 1),
                    None => marks.push((*key, vec![i + 1])),
                }
            }
            if marks.is_empty() {
                return None;
            }
            let art = map::art(view);
            let (w, h) = (art.width, art.height);
            let font = h * 0.075;
            let feet = Side::BOTH.map(|side| {
                let transform = match side {
                    Side::Left => format!("translate({} 0) scale(-1 1)", number(w)),
                    Side::Right => format!("translate({} 0)", number(w + GAP)),
                };
                let clip = format!("handout-{}-{}", view.slug(), side.slug());
                let shaded = art
                    .regions
                    .iter()
                    .filter(|r| marks.iter().any(|(k, _)| k.side == side && k.zone == r.zone))
                    .map(|r| view! { <path class="worked" d=polygon_path(r.points) /> })
                    .collect_any();
                view! {
                    <g transform=transform>
                        <clipPath id=clip.clone()>
                            <path d=art.outline />
                        </clipPath>
                        <g clip-path=format!("url(#{clip})")>{shaded}</g>
                        <path class="edge" d=art.outline />
                    </g>
                    <text x=number(on_foot(side, w / 2.0, w).0) y=number(h * (1.0 + CAPTION * 0.8)) font-size=number(font) text-anchor="middle">
                        {side.title()}
                    </text>
                }
            });
            let numbers = marks
                .iter()
                .filter_map(|(key, numbers)| {
                    let region = art.regions.iter().find(|r| r.zone == key.zone)?;
                    let label = numbers.iter().map(usize::to_string).collect::<Vec<_>>().join(",");
                    let r = font * (0.45 + 0.3 * label.len() as f32);
                    // Kept on its own foot, clear of the other's numbers.
                    let (x, start) = on_foot(key.side, region.anchor.0, w);
                    let x = x.min(start + w - r).max(start + r);
                    let y = region.anchor.1;
                    Some(view! {
                        <g class="number">
                            <ellipse cx=number(x) cy=number(y) rx=number(r) ry=number(font * 0.8) />
                            <text x=number(x) y=number(y + font * 0.35) font-size=number(font) text-anchor="middle">
                                {label}
                            </text>
                        </g>
                    })
                })
                .collect_any();
            Some(view! {
                <figure class="handout-view">
                    <svg viewBox=format!("0 0 {} {}", number(2.0 * w + GAP), number(h * (1.0 + CAPTION)))>
                        {feet}
                        {numbers}
                    </svg>
                    <figcaption>{view.title()}</figcaption>
                </figure>
            })
        })
        .collect_any()
}
