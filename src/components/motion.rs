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

/// The move of the step under way, on its zone's foot in `view` when the
/// zone is drawn there: beside the zone, not on it (above it where the
/// drawing has room, else below it), never past the drawing's edges, big
/// enough to read on a phone, on a disc that keeps it clear of the lines.
/// The practice draws it for the map (see `Practice::motion_on_map`).
#[component]
pub fn MotionOnMap(view: crate::content::View) -> impl IntoView {
    use crate::components::foot_map::{on_foot, CAPTION, FONT};
    use crate::map::geometry::number;
    let player = expect_context::<crate::state::Player>();
    let art = crate::map::art(view);
    let (w, h) = (art.width, art.height);
    let size = (h * (1.0 + CAPTION) * FONT * 4.2).round();
    let r = size * 0.58;
    // Changes only at step changes.
    let placed = Memo::new(move |_| {
        let (_, step) = player.step()?;
        let key = player.current_zone()?;
        let region = art.regions.iter().find(|g| g.zone == key.zone)?;
        let (top, bottom) = region
            .points
            .iter()
            .fold((h, 0.0f32), |(t, b), p| (t.min(p.1), b.max(p.1)));
        let y = if top - r >= r { top - r } else { bottom + r };
        let (x, start) = on_foot(key.side, region.anchor.0, w);
        // (min and max: `clamp` would carry a panic's message.)
        let (x, y) = (x.min(start + w - r).max(start + r), y.min(h - r).max(r));
        Some((step.technique.as_str(), x, y))
    });
    move || {
        placed.get().map(|(technique, x, y)| {
            let transform = crate::map::motion::placement(x, y, size, 0.0);
            view! {
                <g class="motion-on-map">
                    <circle class="motion-backdrop" cx=number(x) cy=number(y) r=number(r) />
                    <MotionDrawing technique transform />
                </g>
            }
        })
    }
}
