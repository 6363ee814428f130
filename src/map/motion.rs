//! A small drawing of what the hands do in each technique: the motion shown
//! on the lit zone during a routine and beside a zone's steps. Pure data and
//! geometry, no browser code; `components::motion` draws it.
//!
//! Each motion is drawn in a box of 100 by 100 units, y down, with "up"
//! towards the heart (on a toe, towards the foot; on the leg, towards the
//! knee), so `placement` can turn it to fit a zone. Path data uses only
//! absolute M, L, C, A and Z. Lines are thick (the CSS draws them 7 units
//! wide) so that they read at 48 to 64 CSS pixels.

use super::geometry::number;

/// What a stroke is, which sets how it is painted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A faint dotted line: a track, the next spot.
    Guide,
    /// A bold line; with a head, an arrow.
    Line,
    /// Filled marks where a finger presses (dots, with rays for pressure).
    Mark,
}

/// How a stroke moves. Under reduced motion nothing moves and the
/// arrowheads alone show the direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Animate {
    None,
    /// A short bright dash travels along the line, in its direction.
    Along,
    /// The mark swells and fades, as a press.
    Pulse,
    /// The line and its heads turn about their centre; such a stroke is
    /// point symmetric, so the centre of its box is the centre of the turn.
    Spin,
}

/// One path of a motion.
#[derive(Clone, Copy, Debug)]
pub struct Stroke {
    pub kind: Kind,
    pub d: &'static str,
    /// Filled triangles at the line's ends, one per arrow; empty for none.
    pub head: &'static str,
    pub animate: Animate,
    /// Place in a sequence: animations start this many beats late.
    pub step: u8,
}

impl Stroke {
    /// The classes of the stroke's own path (or, for `Spin`, of the group
    /// that turns). Arrowheads are `motion-arrow`; an `Along` stroke's
    /// travelling dash is a copy of its path classed `motion-along`.
    pub fn class(&self) -> &'static str {
        match (self.kind, self.animate) {
            (Kind::Guide, _) => "motion-guide",
            (Kind::Mark, Animate::Pulse) => "motion-mark motion-pulse",
            (Kind::Mark, _) => "motion-mark",
            (Kind::Line, _) => "motion-line",
        }
    }
}

/// The drawing of one technique.
#[derive(Debug)]
pub struct Motion {
    /// The technique id in techniques.toml.
    pub technique: &'static str,
    /// Drawn in order, later over earlier.
    pub strokes: &'static [Stroke],
}

const fn guide(d: &'static str) -> Stroke {
    Stroke {
        kind: Kind::Guide,
        d,
        head: "",
        animate: Animate::None,
        step: 0,
    }
}

const fn line(d: &'static str, head: &'static str, animate: Animate, step: u8) -> Stroke {
    Stroke {
        kind: Kind::Line,
        d,
        head,
        animate,
        step,
    }
}

const fn mark(d: &'static str, animate: Animate, step: u8) -> Stroke {
    Stroke {
        kind: Kind::Mark,
        d,
        head: "",
        animate,
        step,
    }
}

/// Every technique's motion. Dots are two half-circle arcs; arrowheads are
/// 15 to 18 long and 20 to 22 wide, their base centred on the line's end.
pub const MOTIONS: &[Motion] = &[
    // A zig-zag of small steps going up, a dot pressing at each step in turn.
    Motion {
        technique: "thumb-walking",
        strokes: &[
            line(
                "M50 94L31 81L69 68L31 55L69 42L50 31L50 24",
                "M50 6L61 24L39 24Z",
                Animate::Along,
                0,
            ),
            mark("M25.5 81A5.5 5.5 0 1 0 36.5 81A5.5 5.5 0 1 0 25.5 81Z", Animate::Pulse, 0),
            mark("M63.5 68A5.5 5.5 0 1 0 74.5 68A5.5 5.5 0 1 0 63.5 68Z", Animate::Pulse, 1),
            mark("M25.5 55A5.5 5.5 0 1 0 36.5 55A5.5 5.5 0 1 0 25.5 55Z", Animate::Pulse, 2),
            mark("M63.5 42A5.5 5.5 0 1 0 74.5 42A5.5 5.5 0 1 0 63.5 42Z", Animate::Pulse, 3),
        ],
    },
    // Two overlapping loops working up.
    Motion {
        technique: "kneading",
        strokes: &[
            line(
                "M50 92C16.7 86.9 16.7 55 50 49.9C83.3 44.8 83.3 72.9 50 67.8C16.7 62.7 16.7 30.8 50 25.7C83.3 20.6 83.3 48.8 50 43.6C36.2 41.5 25 33 25 22.6",
                "M25 4.6L36 22.6L14 22.6Z",
                Animate::Along,
                0,
            ),
        ],
    },
    // A two-armed turning arrow round the pressed spot; the next spot dotted above.
    Motion {
        technique: "thumb-circles",
        strokes: &[
            guide("M40 16A10 10 0 1 0 60 16A10 10 0 1 0 40 16Z"),
            line(
                "M30.1 52.7A22 22 0 0 1 68 49.4M69.9 71.3A22 22 0 0 1 32 74.6",
                "M77.2 62.5L59 55.7L77 43.1ZM22.8 61.5L41 68.3L23 80.9Z",
                Animate::Spin,
                0,
            ),
            mark("M45 62A5 5 0 1 0 55 62A5 5 0 1 0 45 62Z", Animate::Pulse, 0),
        ],
    },
    // A row of press marks (dots with rays) pressing in turn; an arrow up the zone.
    Motion {
        technique: "knuckle-press",
        strokes: &[
            mark("M12.5 74A5.5 5.5 0 1 0 23.5 74A5.5 5.5 0 1 0 12.5 74ZM10.2 66.2L6 62M25.8 66.2L30 62M25.8 81.8L30 86M10.2 81.8L6 86", Animate::Pulse, 0),
            mark("M44.5 74A5.5 5.5 0 1 0 55.5 74A5.5 5.5 0 1 0 44.5 74ZM42.2 66.2L38 62M57.8 66.2L62 62M57.8 81.8L62 86M42.2 81.8L38 86", Animate::Pulse, 1),
            mark("M76.5 74A5.5 5.5 0 1 0 87.5 74A5.5 5.5 0 1 0 76.5 74ZM74.2 66.2L70 62M89.8 66.2L94 62M89.8 81.8L94 86M74.2 81.8L70 86", Animate::Pulse, 2),
            line(
                "M50 50L50 26",
                "M50 8L61 26L39 26Z",
                Animate::Along,
                0,
            ),
        ],
    },
    // A grip dot, an arrow pulling away from the foot (down) and a turning arc round it.
    Motion {
        technique: "toe-pull",
        strokes: &[
            mark("M44 12A6 6 0 1 0 56 12A6 6 0 1 0 44 12Z", Animate::None, 0),
            line(
                "M50 22L50 76",
                "M50 94L39 76L61 76Z",
                Animate::Along,
                0,
            ),
            line(
                "M30.7 55.2A30 12 0 1 1 69.3 55.2",
                "M55.1 60L66.1 45.7L72.5 64.7Z",
                Animate::Along,
                1,
            ),
        ],
    },
    // Three long parallel arrows up, the middle one first.
    Motion {
        technique: "long-strokes",
        strokes: &[
            line(
                "M24 90L24 32",
                "M24 14L35 32L13 32Z",
                Animate::Along,
                1,
            ),
            line(
                "M50 94L50 24",
                "M50 6L61 24L39 24Z",
                Animate::Along,
                0,
            ),
            line(
                "M76 90L76 32",
                "M76 14L87 32L65 32Z",
                Animate::Along,
                1,
            ),
        ],
    },
    // Two curved arrows turning opposite ways, like hands wringing a towel.
    Motion {
        technique: "wringing",
        strokes: &[
            line(
                "M18.1 34.8A34 14 0 0 0 80.8 35.9",
                "M92.8 25.3L87.8 43.8L73.9 28Z",
                Animate::Along,
                0,
            ),
            line(
                "M81.9 70.8A34 14 0 0 1 19.2 71.9",
                "M7.2 61.3L26.1 64L12.2 79.8Z",
                Animate::Along,
                0,
            ),
        ],
    },
    // A big circular arrow round the ankle bone.
    Motion {
        technique: "ankle-circles",
        strokes: &[
            mark("M43 52A7 7 0 1 0 57 52A7 7 0 1 0 43 52Z", Animate::None, 0),
            line(
                "M69.5 24.1A34 34 0 1 1 28.1 26",
                "M41.9 14.4L35.2 34.4L21.1 17.5Z",
                Animate::Along,
                0,
            ),
        ],
    },
    // Thumb and fingers converging as they glide up beside the (dotted) tendon.
    Motion {
        technique: "pinch-glide",
        strokes: &[
            guide("M50 96L50 4"),
            line(
                "M22 90L36 34",
                "M40.4 16.5L46.7 36.7L25.3 31.3Z",
                Animate::Along,
                0,
            ),
            line(
                "M78 90L64 34",
                "M59.6 16.5L74.7 31.3L53.3 36.7Z",
                Animate::Along,
                0,
            ),
        ],
    },
];

/// The motion drawn for a technique.
pub fn motion(technique: &str) -> Option<&'static Motion> {
    MOTIONS.iter().find(|m| m.technique == technique)
}

/// The SVG `transform` that puts a motion's 100-unit box centred on
/// (`cx`, `cy`), `size` units wide, turned `angle_deg` clockwise so that its
/// "up" points along the zone towards the heart. Numbers are written to a
/// tenth, like the rest of the drawing, so the scale is written as
/// `size / 10` times `0.1`: the size is kept to a whole unit.
pub fn placement(cx: f32, cy: f32, size: f32, angle_deg: f32) -> String {
    format!(
        "translate({} {}) rotate({}) scale({}) scale(0.1) translate(-50 -50)",
        number(cx),
        number(cy),
        number(angle_deg),
        number(size / 10.0)
    )
}

#[cfg(test)]
mod tests;
