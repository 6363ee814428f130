//! Text in both colour themes meets WCAG AA contrast (4.5:1 for text, 3:1
//! for the large countdown and for the patterns that mark zones), read
//! straight from the custom properties in `style/main.css`.

use std::collections::HashMap;

const CSS: &str = include_str!("../style/main.css");

/// The custom properties of the first `:root { ... }` block after `from`.
fn theme(from: &str) -> HashMap<String, String> {
    let start = CSS.find(from).expect("theme block") + from.len();
    let block = &CSS[start..];
    let block = &block[block.find(":root {").expect(":root") + 7..];
    let block = &block[..block.find('}').unwrap()];
    block
        .split(';')
        .filter_map(|decl| decl.trim().strip_prefix("--"))
        .filter_map(|decl| decl.split_once(':'))
        .map(|(name, value)| (name.trim().to_owned(), value.trim().to_owned()))
        .collect()
}

fn luminance(hex: &str) -> f64 {
    let hex = hex.trim_start_matches('#');
    assert_eq!(hex.len(), 6, "colour #{hex} is #rrggbb");
    let channel = |i: usize| {
        let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
}

fn ratio(a: &str, b: &str) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Text colour on background, and the minimum ratio.
const PAIRS: &[(&str, &str, f64)] = &[
    ("text", "bg", 4.5),
    ("text", "surface", 4.5),
    ("text", "surface-2", 4.5),
    ("text", "accent-soft", 4.5),
    ("text", "care-soft", 4.5),
    ("text", "stop-soft", 4.5),
    ("muted", "bg", 4.5),
    ("muted", "surface", 4.5),
    ("muted", "surface-2", 4.5),
    ("muted", "care-soft", 4.5),
    ("accent", "surface", 4.5),
    ("accent", "bg", 4.5),
    ("accent", "surface-2", 4.5),
    ("accent-text", "accent", 4.5),
    ("ev-0", "surface", 4.5),
    ("ev-1", "surface", 4.5),
    ("ev-2", "surface", 4.5),
    ("ev-3", "surface", 4.5),
    ("ev-4", "surface", 4.5),
    ("focus", "surface", 3.0),
    ("benefit-dot", "benefit-bg", 3.0),
    ("outline", "surface", 3.0),
];

fn check(name: &str, vars: &HashMap<String, String>) {
    let mut failures = Vec::new();
    for (fg, bg, min) in PAIRS {
        let r = ratio(&vars[*fg], &vars[*bg]);
        if r < *min {
            failures.push(format!("--{fg} on --{bg}: {r:.2} < {min}"));
        }
    }
    assert!(failures.is_empty(), "{name} theme:\n{}", failures.join("\n"));
}

#[test]
fn the_light_theme_meets_wcag_aa() {
    check("light", &theme(""));
}

#[test]
fn the_dark_theme_meets_wcag_aa() {
    check("dark", &theme("@media (prefers-color-scheme: dark)"));
}

#[test]
fn the_contrast_formula_matches_known_values() {
    assert!((ratio("#000000", "#ffffff") - 21.0).abs() < 0.01);
    assert!((ratio("#767676", "#ffffff") - 4.54).abs() < 0.01);
}
