use super::*;
use crate::content::content;

type Point = (f32, f32);

/// Path data as commands and their numbers. Fails on anything but absolute
/// M, L, C, A and Z with whole sets of numbers, starting with M.
fn commands(d: &str) -> Result<Vec<(char, Vec<f32>)>, String> {
    let mut out: Vec<(char, Vec<f32>)> = Vec::new();
    let mut rest = d.trim_start();
    while let Some(c) = rest.chars().next() {
        if c.is_ascii_alphabetic() {
            if !"MLCAZ".contains(c) {
                return Err(format!("command {c} in {d}"));
            }
            out.push((c, Vec::new()));
            rest = &rest[1..];
        } else {
            let sign = usize::from(c == '-');
            let end = rest[sign..]
                .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                .map_or(rest.len(), |i| i + sign);
            let n: f32 = rest[..end]
                .parse()
                .map_err(|_| format!("number {:?} in {d}", &rest[..end]))?;
            out.last_mut()
                .ok_or(format!("number before a command in {d}"))?
                .1
                .push(n);
            rest = &rest[end..];
        }
        rest = rest.trim_start_matches([' ', ',']);
    }
    if out.first().map(|c| c.0) != Some('M') {
        return Err(format!("{d} does not start with M"));
    }
    for (c, args) in &out {
        let arity = match c {
            'M' | 'L' => 2,
            'C' => 6,
            'A' => 7,
            _ => 0,
        };
        let whole = if arity == 0 {
            args.is_empty()
        } else {
            !args.is_empty() && args.len() % arity == 0
        };
        if !whole {
            return Err(format!("{c} with {} numbers in {d}", args.len()));
        }
        if *c == 'A' {
            for a in args.chunks(7) {
                if a[0] <= 0.0
                    || a[1] <= 0.0
                    || a[2] != 0.0
                    || a[3] * (1.0 - a[3]) != 0.0
                    || a[4] * (1.0 - a[4]) != 0.0
                {
                    return Err(format!("arc {a:?} in {d}"));
                }
            }
        }
    }
    Ok(out)
}

/// Every point written in path data (arc radii and flags are not points).
fn points(d: &str) -> Vec<Point> {
    let mut out = Vec::new();
    for (c, args) in commands(d).unwrap() {
        let step = if c == 'A' { 7 } else { 2 };
        for chunk in args.chunks(step) {
            match c {
                'A' => out.push((chunk[5], chunk[6])),
                _ => out.extend(chunk.chunks(2).map(|p| (p[0], p[1]))),
            }
        }
    }
    out
}

/// The end point of each subpath.
fn ends(d: &str) -> Vec<Point> {
    let mut out = Vec::new();
    let mut last = None;
    for (c, args) in commands(d).unwrap() {
        if c == 'M' {
            out.extend(last.take());
        }
        if let [.., x, y] = args[..] {
            last = Some((x, y));
        }
    }
    out.extend(last);
    out
}

/// Every path of every motion: lines, marks and arrowheads.
fn all_paths() -> impl Iterator<Item = (&'static str, &'static str)> {
    MOTIONS.iter().flat_map(|m| {
        m.strokes
            .iter()
            .flat_map(|s| [s.d, s.head])
            .filter(|d| !d.is_empty())
            .map(|d| (m.technique, d))
    })
}

/// The app's styles, where the motions' rules live.
fn css() -> String {
    let dir = env!("CARGO_MANIFEST_DIR");
    std::fs::read_to_string(format!("{dir}/style/main.css")).expect("the styles can be read")
}

/// The rules inside every `prefers-reduced-motion: reduce` block.
fn reduced_motion_rules(css: &str) -> String {
    let mut out = String::new();
    let mut rest = css;
    while let Some(at) = rest.find("@media (prefers-reduced-motion: reduce)") {
        rest = &rest[at..];
        let open = rest.find('{').expect("a block");
        let mut depth = 0;
        let close = rest[open..]
            .char_indices()
            .find(|&(_, c)| {
                depth += match c {
                    '{' => 1,
                    '}' => -1,
                    _ => 0,
                };
                depth == 0
            })
            .expect("the block closes")
            .0;
        out.push_str(&rest[open + 1..open + close]);
        rest = &rest[open + close..];
    }
    out
}

#[test]
fn every_technique_has_a_motion_and_every_motion_a_technique() {
    let techniques = &content().techniques;
    for t in techniques {
        assert!(motion(&t.id).is_some(), "no motion for {}", t.id);
    }
    for m in MOTIONS {
        assert!(
            techniques.iter().any(|t| t.id == m.technique),
            "{} is no technique",
            m.technique
        );
    }
    assert_eq!(MOTIONS.len(), techniques.len(), "one motion per technique");
}

#[test]
fn every_motion_has_an_arrow_or_moves() {
    for m in MOTIONS {
        assert!(
            m.strokes
                .iter()
                .any(|s| !s.head.is_empty() || s.animate != Animate::None),
            "{} neither points nor moves",
            m.technique
        );
    }
}

#[test]
fn paths_use_absolute_commands_and_stay_in_the_box() {
    for (technique, d) in all_paths() {
        if let Err(e) = commands(d) {
            panic!("{technique}: {e}");
        }
        for (x, y) in points(d) {
            assert!(
                (-5.0..=105.0).contains(&x) && (-5.0..=105.0).contains(&y),
                "{technique}: ({x}, {y}) is outside the box in {d}"
            );
        }
    }
    assert!(commands("M0 0l1 1").is_err() && commands("M0 0H4").is_err() && commands("L0 0").is_err());
    assert!(commands("M0 0L1").is_err() && commands("M0 0A1 1 0 2 0 4 4").is_err());
    assert_eq!(
        points("M1 -2.5L3 4A5 5 0 1 0 6 7Z"),
        [(1.0, -2.5), (3.0, 4.0), (6.0, 7.0)]
    );
}

#[test]
fn each_arrowhead_is_a_readable_triangle_on_its_lines_end() {
    for m in MOTIONS {
        for s in m.strokes.iter().filter(|s| !s.head.is_empty()) {
            assert_eq!(s.kind, Kind::Line, "{}: only lines have heads", m.technique);
            let heads = commands(s.head).unwrap();
            let ends = ends(s.d);
            assert_eq!(
                heads.len(),
                4 * ends.len(),
                "{}: one head per line in {}",
                m.technique,
                s.head
            );
            for head in heads.chunks(4) {
                let shape: String = head.iter().map(|c| c.0).collect();
                assert_eq!(shape, "MLLZ", "{}: {} is not a triangle", m.technique, s.head);
                let [tip, a, b] = [
                    (head[0].1[0], head[0].1[1]),
                    (head[1].1[0], head[1].1[1]),
                    (head[2].1[0], head[2].1[1]),
                ];
                let area = ((a.0 - tip.0) * (b.1 - tip.1) - (b.0 - tip.0) * (a.1 - tip.1)).abs() / 2.0;
                assert!(
                    area >= 150.0,
                    "{}: head {} is too small to read",
                    m.technique,
                    s.head
                );
                let base = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
                assert!(
                    ends.iter().any(|e| (e.0 - base.0).hypot(e.1 - base.1) <= 0.5),
                    "{}: head {} sits on no end of {}",
                    m.technique,
                    s.head,
                    s.d
                );
            }
        }
    }
}

#[test]
fn the_still_drawing_keeps_an_arrowhead() {
    let css = css();
    let still = reduced_motion_rules(&css);
    for class in ["motion-along", "motion-pulse", "motion-spin"] {
        assert!(
            still.contains(&format!(".{class}")),
            "reduced motion does not stop .{class}"
        );
    }
    assert!(still.contains("animation: none"), "reduced motion stops nothing");
    for class in ["motion-arrow", "motion-line", "motion-mark"] {
        let hidden = still.split('}').any(|rule| {
            rule.contains(&format!(".{class}"))
                && ["display: none", "visibility: hidden", "opacity: 0"]
                    .iter()
                    .any(|h| rule.contains(h))
        });
        assert!(!hidden, "reduced motion hides .{class}");
    }
    for m in MOTIONS {
        assert!(
            m.strokes
                .iter()
                .any(|s| s.kind == Kind::Line && !s.head.is_empty()),
            "{} shows no direction when still",
            m.technique
        );
    }
}

#[test]
fn every_class_and_step_has_a_style() {
    let css = css();
    for m in MOTIONS {
        for s in m.strokes {
            for class in s
                .class()
                .split(' ')
                .chain(["motion", "motion-arrow", "motion-along"])
            {
                assert!(css.contains(&format!(".{class} ")), "no style for .{class}");
            }
            if s.step > 0 {
                assert!(
                    css.contains(&format!("[data-step=\"{}\"]", s.step)),
                    "no delay for step {}",
                    s.step
                );
            }
            if s.animate == Animate::Pulse {
                assert_eq!(s.kind, Kind::Mark, "{}: only marks pulse", m.technique);
            }
        }
    }
}

#[test]
fn spinning_strokes_turn_about_their_own_centre() {
    for m in MOTIONS {
        for s in m.strokes.iter().filter(|s| s.animate == Animate::Spin) {
            let pts: Vec<Point> = points(s.d).into_iter().chain(points(s.head)).collect();
            let n = pts.len() as f32;
            let c = (
                pts.iter().map(|p| p.0).sum::<f32>() / n,
                pts.iter().map(|p| p.1).sum::<f32>() / n,
            );
            for p in &pts {
                let turned = (2.0 * c.0 - p.0, 2.0 * c.1 - p.1);
                assert!(
                    pts.iter().any(|q| (q.0 - turned.0).hypot(q.1 - turned.1) <= 0.25),
                    "{}: the turning stroke is not point symmetric at {p:?}",
                    m.technique
                );
            }
        }
    }
}

#[test]
fn motions_are_distinct() {
    let lines = |m: &Motion| m.strokes.iter().map(|s| s.d).collect::<Vec<_>>();
    for (i, a) in MOTIONS.iter().enumerate() {
        for b in &MOTIONS[i + 1..] {
            assert!(
                lines(a).iter().all(|d| !lines(b).contains(d)),
                "{} and {} share a line",
                a.technique,
                b.technique
            );
        }
    }
}

#[test]
fn placement_centres_turns_and_scales_to_a_tenth() {
    assert_eq!(
        placement(12.34, 56.78, 48.0, -30.0),
        "translate(12.3 56.8) rotate(-30) scale(4.8) scale(0.1) translate(-50 -50)"
    );
    let t = placement(103.06, 0.0, 23.456, 172.56);
    assert_eq!(
        t,
        "translate(103.1 0) rotate(172.6) scale(2.3) scale(0.1) translate(-50 -50)"
    );
    for number in t
        .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
        .filter(|s| !s.is_empty())
    {
        assert!(
            number.split('.').nth(1).is_none_or(|f| f.len() <= 1),
            "{number} has more than one decimal"
        );
    }
}
