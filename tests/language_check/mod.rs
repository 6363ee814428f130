//! What the languages tests share: the reader's language set before the
//! page loads, and a check that a page (or any text) has nothing left in
//! English, fits a phone and passes axe.
#![allow(dead_code)]

use crate::support::Browser;
use serde_json::json;
use std::collections::BTreeSet;
use std::path::Path;

/// The languages beside English, as the browser names them (from
/// `Language::ALL`, English first).
pub fn languages() -> Vec<&'static str> {
    foot_map::language::Language::ALL
        .into_iter()
        .skip(1)
        .map(|l| l.code())
        .collect()
}

/// Before the page's own scripts: the browser prefers `tag`, and each
/// spoken cue is kept with the language it asked for (headless Chromium
/// has no voices to hear it with).
pub fn prefers(tag: &str) -> String {
    format!(
        "Object.defineProperty(navigator, 'languages', {{ get: () => ['{tag}'] }}); \
         Object.defineProperty(navigator, 'language', {{ get: () => '{tag}' }}); \
         window.__said = []; \
         if (window.speechSynthesis) speechSynthesis.speak = (u) => {{ window.__said.push([u.text, u.lang]); }};"
    )
}

/// Every text in the page a person can see or hear: text, the labels read
/// out instead of it, the title and description; leaving out passages
/// marked as another language than the page's.
pub const PAGE_TEXT: &str = r#"
const lang = document.documentElement.lang;
const out = [document.title];
document.querySelectorAll('meta[name=description]').forEach(m => out.push(m.content));
const walk = (el) => {
  if (['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT'].includes(el.tagName)) return;
  if (el.hasAttribute('lang') && el.getAttribute('lang') !== lang) return;
  for (const a of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'aria-valuetext']) {
    if (el.hasAttribute(a)) out.push(el.getAttribute(a));
  }
  if ((el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') && el.type !== 'file') out.push(el.value);
  for (const n of el.childNodes) {
    if (n.nodeType === 3) out.push(n.textContent);
    else if (n.nodeType === 1) walk(n);
  }
};
walk(document.body);
return out.join('\n');
"#;

/// Small English words no Spanish or German sentence uses.
pub const ENGLISH_WORDS: [&str; 24] = [
    "the", "and", "your", "you", "with", "this", "that", "from", "tap", "press", "when", "what", "which",
    "each", "into", "about", "of", "are", "it", "how", "why", "or", "is", "then",
];

/// Every English text of the app and its content that `language` writes
/// otherwise, long enough not to be shared by chance (placeholders cut out).
pub fn english_only(language: &str) -> BTreeSet<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let read =
        |path: &Path| -> toml::Value { toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap() };
    // The app's words, and the content's texts (keyed alike; the English
    // base lists every key).
    let pairs = [
        (
            read(&root.join("text/en.toml")),
            read(&root.join(format!("text/{language}.toml"))),
        ),
        (
            read(&root.join("content/translations/en.toml")),
            read(&root.join(format!("content/translations/{language}.toml"))),
        ),
    ];
    let mut found = BTreeSet::new();
    for (english, theirs) in &pairs {
        leaves(english, theirs, &mut found);
    }
    found
}

/// The English strings of `english` whose counterpart in `theirs` differs.
pub fn leaves(english: &toml::Value, theirs: &toml::Value, found: &mut BTreeSet<String>) {
    match (english, theirs) {
        (toml::Value::String(en), toml::Value::String(other)) if en != other => {
            for piece in en.split(['{', '}']) {
                let piece = piece.trim();
                if piece.chars().count() >= 14 && !other.contains(piece) {
                    found.insert(piece.to_string());
                }
            }
        }
        (toml::Value::Table(en), toml::Value::Table(other)) => {
            for (key, value) in en {
                if let Some(theirs) = other.get(key) {
                    leaves(value, theirs, found);
                }
            }
        }
        (toml::Value::Array(en), toml::Value::Array(other)) => {
            for (value, theirs) in en.iter().zip(other) {
                leaves(value, theirs, found);
            }
        }
        _ => {}
    }
}

/// What in `text` is English: known English sentences, and lines with
/// English words in them.
pub fn english_in(text: &str, known: &BTreeSet<String>) -> Vec<String> {
    let mut found: Vec<String> = known
        .iter()
        .filter(|english| text.contains(english.as_str()))
        .map(|english| format!("“{english}”"))
        .collect();
    for line in text.lines() {
        let words: Vec<String> = line
            .split(|c: char| !c.is_alphabetic() && c != '\'')
            .map(str::to_lowercase)
            .collect();
        let english: Vec<&String> = words
            .iter()
            .filter(|w| ENGLISH_WORDS.contains(&w.as_str()))
            .collect();
        if !english.is_empty() {
            found.push(format!("{english:?} in “{}”", line.trim()));
        }
    }
    found
}

/// What does not fit at this width: how far the page is wider than the
/// window, and the controls whose words are cut off (wider than their box
/// where the box hides what overflows).
pub const LAYOUT: &str = r#"
const wider = Math.max(0, document.documentElement.scrollWidth - innerWidth);
const clipped = [...document.querySelectorAll('button, a, select, label, .chip, [role=tab]')]
  .filter(e => e.offsetParent && getComputedStyle(e).overflowX !== 'visible' && e.scrollWidth > e.clientWidth + 1)
  .map(e => e.textContent.trim().slice(0, 40));
return { wider, clipped };
"#;

/// The page as it is now, checked: its `lang` is `language`, no text in
/// it is English, it fits the window with no control's words cut off, and
/// axe finds nothing. Problems are added to `found`, named by `state`.
pub async fn check(
    browser: &Browser,
    language: &str,
    known: &BTreeSet<String>,
    state: &str,
    found: &mut Vec<String>,
) {
    let lang = browser.js("return document.documentElement.lang").await;
    if lang != json!(language) {
        found.push(format!("{language} {state}: the page's lang is {lang}"));
    }
    let text = browser.js(PAGE_TEXT).await;
    for english in english_in(text.as_str().unwrap(), known) {
        found.push(format!("{language} {state}: {english}"));
    }
    let layout = browser.js(LAYOUT).await;
    if layout["wider"] != json!(0) {
        found.push(format!(
            "{language} {state}: the page is {}px wider than the window",
            layout["wider"]
        ));
    }
    for control in layout["clipped"].as_array().unwrap() {
        found.push(format!("{language} {state}: the words of {control} are cut off"));
    }
    for violation in browser.axe_violations().await {
        found.push(format!("{language} {state}: axe: {violation}"));
    }
}

/// Goes to `fragment` in the running app and waits for `shown` (a CSS
/// selector, or a bare test id) to show.
pub async fn go(browser: &Browser, fragment: &str, shown: &str) {
    let css = if shown.contains(['.', '[', ' ']) {
        shown.to_string()
    } else {
        format!("[data-testid={shown}]")
    };
    browser.js(&format!("location.hash = '{fragment}'")).await;
    browser.wait_for(&css).await;
}
