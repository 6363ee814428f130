//! Plain geometry for the drawings: the types the artwork is written in and
//! the few calculations the tests and the view need. No browser code here.

use crate::content::View;

/// A point in a view's drawing units.
pub type Point = (f32, f32);

/// One zone's region in a view. Regions are simple polygons that together
/// tile the view's whole rectangle; clipped to the outline, they tile the
/// foot without gaps or overlaps.
#[derive(Clone, Copy)]
pub struct Region {
    /// The zone id, without side.
    pub zone: &'static str,
    pub points: &'static [Point],
    /// A point well inside both the region and the outline, where the
    /// zone's name tag is placed.
    pub anchor: Point,
}

/// The drawing of the right foot and lower leg in one view. The left side
/// is drawn as its mirror image.
#[derive(Clone, Copy)]
pub struct ViewArt {
    pub view: View,
    pub width: f32,
    pub height: f32,
    /// The closed outline, as SVG path data using only absolute M, L, C, Z.
    pub outline: &'static str,
    /// Decorative lines (creases, nails, tendons), drawn over the zones.
    pub details: &'static [&'static str],
    pub regions: &'static [Region],
}

/// SVG path data for a closed polygon, to a tenth of a unit.
pub fn polygon_path(points: &[Point]) -> String {
    let mut d = String::with_capacity(points.len() * 12);
    for (i, &(x, y)) in points.iter().enumerate() {
        d.push(if i == 0 { 'M' } else { 'L' });
        d.push_str(&number(x));
        d.push(' ');
        d.push_str(&number(y));
    }
    d.push('Z');
    d
}

/// A coordinate as SVG text, to a tenth: `12`, `12.5`, `-0.5`. Written with
/// integer formatting, which keeps float printing out of the wasm.
pub fn number(v: f32) -> String {
    let tenths = (v * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let (whole, frac) = (tenths.abs() / 10, tenths.abs() % 10);
    if frac == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{frac}")
    }
}

/// Whether `p` lies inside the polygon (even-odd rule).
pub fn contains(points: &[Point], p: Point) -> bool {
    let mut inside = false;
    let n = points.len();
    for i in 0..n {
        let (xi, yi) = points[i];
        let (xj, yj) = points[(i + n - 1) % n];
        if (yi > p.1) != (yj > p.1) && p.0 < (xj - xi) * (p.1 - yi) / (yj - yi) + xi {
            inside = !inside;
        }
    }
    inside
}

/// Turns path data made of absolute M, L, C and Z commands into polygons,
/// one per subpath, sampling each curve at `steps` points. Returns `None`
/// for any other command or a malformed number.
pub fn flatten(d: &str, steps: usize) -> Option<Vec<Vec<Point>>> {
    let mut tokens = Tokens::new(d);
    let mut shapes: Vec<Vec<Point>> = Vec::new();
    let mut current: Vec<Point> = Vec::new();
    let mut command = None;
    while let Some(token) = tokens.next() {
        let token = match token {
            Token::Command(c) => {
                command = Some(c);
                if c == 'Z' {
                    if !current.is_empty() {
                        shapes.push(std::mem::take(&mut current));
                    }
                    continue;
                }
                tokens.number()?
            }
            Token::Number(n) => n,
        };
        match command? {
            'M' => {
                if !current.is_empty() {
                    shapes.push(std::mem::take(&mut current));
                }
                current.push((token, tokens.number()?));
                command = Some('L');
            }
            'L' => current.push((token, tokens.number()?)),
            'C' => {
                let start = *current.last()?;
                let c1 = (token, tokens.number()?);
                let c2 = (tokens.number()?, tokens.number()?);
                let end = (tokens.number()?, tokens.number()?);
                for i in 1..=steps {
                    current.push(cubic(start, c1, c2, end, i as f32 / steps as f32));
                }
            }
            _ => return None,
        }
    }
    if !current.is_empty() {
        shapes.push(current);
    }
    Some(shapes)
}

fn cubic(p0: Point, p1: Point, p2: Point, p3: Point, t: f32) -> Point {
    let u = 1.0 - t;
    let (a, b, c, d) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
    (
        a * p0.0 + b * p1.0 + c * p2.0 + d * p3.0,
        a * p0.1 + b * p1.1 + c * p2.1 + d * p3.1,
    )
}

enum Token {
    Command(char),
    Number(f32),
}

struct Tokens<'a> {
    rest: &'a str,
}

impl<'a> Tokens<'a> {
    fn new(d: &'a str) -> Self {
        Tokens { rest: d }
    }

    fn number(&mut self) -> Option<f32> {
        match self.next()? {
            Token::Number(n) => Some(n),
            Token::Command(_) => None,
        }
    }

    fn next(&mut self) -> Option<Token> {
        self.rest = self
            .rest
            .trim_start_matches(|c: char| c.is_whitespace() || c == ',');
        let c = self.rest.chars().next()?;
        if c.is_ascii_alphabetic() {
            self.rest = &self.rest[1..];
            return Some(Token::Command(c));
        }
        let end = self
            .rest
            .char_indices()
            .skip(1)
            .find(|&(_, c)| !(c.is_ascii_digit() || c == '.' || c == 'e'))
            .map_or(self.rest.len(), |(i, _)| i);
        let (number, rest) = self.rest.split_at(end);
        self.rest = rest;
        number.parse().ok().map(Token::Number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SQUARE: &[Point] = &[(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)];

    #[test]
    fn a_point_is_inside_a_square_only_within_it() {
        assert!(contains(SQUARE, (5.0, 5.0)));
        assert!(!contains(SQUARE, (15.0, 5.0)));
        assert!(!contains(SQUARE, (5.0, -1.0)));
    }

    #[test]
    fn numbers_are_written_to_a_tenth() {
        assert_eq!(number(12.0), "12");
        assert_eq!(number(12.54), "12.5");
        assert_eq!(number(-0.5), "-0.5");
        assert_eq!(number(0.04), "0");
    }

    #[test]
    fn polygon_path_closes_the_shape() {
        assert_eq!(
            polygon_path(&[(0.0, 0.0), (1.5, 0.0), (1.0, 2.0)]),
            "M0 0L1.5 0L1 2Z"
        );
    }

    #[test]
    fn flatten_samples_curves_and_splits_subpaths() {
        let shapes = flatten("M0 0 C 0 10, 10 10, 10 0 Z M20 0 L 30 0 L30 5Z", 4).unwrap();
        assert_eq!(shapes.len(), 2);
        assert_eq!(shapes[0].len(), 5);
        assert_eq!(shapes[0][4], (10.0, 0.0));
        assert_eq!(shapes[1], vec![(20.0, 0.0), (30.0, 0.0), (30.0, 5.0)]);
        assert!(shapes[0][2].1 > 7.0, "the curve bulges towards its controls");
    }

    #[test]
    fn flatten_rejects_commands_it_does_not_know() {
        assert!(flatten("M0 0 A 5 5 0 0 1 10 0", 4).is_none());
        assert!(flatten("M0 0 L 1", 4).is_none());
    }
}
