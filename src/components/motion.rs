//! A technique's motion drawn in SVG (the drawings are in `map::motion`):
//! on a lit zone, placed by `map::motion::placement`, or as a small icon
//! beside a zone's steps. Arrowheads are plain paths, not markers, so the
//! many copies on a page need no ids. style/motion.css animates them.

use crate::components::CollectAny;
use crate::map::motion::{motion, Animate, Stroke};
use leptos::prelude::*;

/// `data-step` values, which stagger the animations of a sequence.
const STEPS: [&str; 4] = ["0", "1", "2", "3"];

/// The motion of `technique` as an SVG group, in its 100-unit box unless
/// `transform` places it. Draws nothing for an unknown technique.
#[component]
pub fn MotionDrawing(
    /// A technique id.
    technique: &'static str,
    /// An SVG transform, from `map::motion::placement`.
    #[prop(optional)]
    transform: Option<String>,
) -> impl IntoView {
    let strokes = motion(technique).map_or(&[][..], |m| m.strokes);
    view! {
        <g class="motion" data-technique=technique transform=transform>
            {strokes.iter().map(stroke).collect_any()}
        </g>
    }
}

/// The motion of `technique` as a standalone, decorative icon.
#[component]
pub fn MotionIcon(
    /// A technique id.
    technique: &'static str,
) -> impl IntoView {
    view! {
        <svg viewBox="0 0 100 100" class="motion-icon" aria-hidden="true">
            <MotionDrawing technique />
        </svg>
    }
}

/// One stroke: its path, the travelling dash of an `Along` line, its
/// arrowheads; a turning stroke is grouped so that its heads turn with it.
fn stroke(s: &'static Stroke) -> AnyView {
    let step = (s.step > 0).then(|| STEPS[usize::from(s.step.min(3))]);
    let head = (!s.head.is_empty()).then(|| view! { <path class="motion-arrow" d=s.head /> });
    match s.animate {
        Animate::Spin => view! {
            <g class="motion-spin" data-step=step>
                <path class=s.class() d=s.d />
                {head}
            </g>
        }
        .into_any(),
        Animate::Along => view! {
            <path class=s.class() d=s.d />
            <path class="motion-along" d=s.d pathLength="100" data-step=step />
            {head}
        }
        .into_any(),
        Animate::Pulse | Animate::None => view! {
            <path class=s.class() d=s.d data-step=step />
            {head}
        }
        .into_any(),
    }
}
