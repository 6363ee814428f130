//! Each language all through: a reader whose browser prefers Spanish or
//! German sees and hears every page and state in it, with nothing left in
//! English but the sources' published titles (marked `lang="en"`) and
//! names; downloads that language's words and no other's; and can change
//! language from any page, the choice kept for the next visit.

mod support;

use serde_json::json;
use std::collections::BTreeSet;
use std::path::Path;
use support::{Browser, DESKTOP, PHONE, STATUS};

/// The languages beside English, as the browser names them.
const LANGUAGES: [&str; 2] = ["es", "de"];

/// Before the page's own scripts: the browser prefers `tag`, and each
/// spoken cue is kept with the language it asked for (headless Chromium
/// has no voices to hear it with).
fn prefers(tag: &str) -> String {
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
const PAGE_TEXT: &str = r#"
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
const ENGLISH_WORDS: [&str; 24] = [
    "the", "and", "your", "you", "with", "this", "that", "from", "tap", "press", "when", "what", "which",
    "each", "into", "about", "of", "are", "it", "how", "why", "or", "is", "then",
];

/// Every English text of the app and its content that `language` writes
/// otherwise, long enough not to be shared by chance (placeholders cut out).
fn english_only(language: &str) -> BTreeSet<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let read =
        |path: &Path| -> toml::Value { toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap() };
    let mut pairs = vec![(
        read(&root.join("text/en.toml")),
        read(&root.join(format!("text/{language}.toml"))),
    )];
    for entry in std::fs::read_dir(root.join("content")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|x| x == "toml") {
            let theirs = root
                .join("content")
                .join(language)
                .join(path.file_name().unwrap());
            pairs.push((read(&path), read(&theirs)));
        }
    }
    let mut found = BTreeSet::new();
    for (english, theirs) in &pairs {
        leaves(english, theirs, &mut found);
    }
    found
}

/// The English strings of `english` whose counterpart in `theirs` differs.
fn leaves(english: &toml::Value, theirs: &toml::Value, found: &mut BTreeSet<String>) {
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
fn english_in(text: &str, known: &BTreeSet<String>) -> Vec<String> {
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
const LAYOUT: &str = r#"
const wider = Math.max(0, document.documentElement.scrollWidth - innerWidth);
const clipped = [...document.querySelectorAll('button, a, select, label, .chip, [role=tab]')]
  .filter(e => e.offsetParent && getComputedStyle(e).overflowX !== 'visible' && e.scrollWidth > e.clientWidth + 1)
  .map(e => e.textContent.trim().slice(0, 40));
return { wider, clipped };
"#;

/// The page as it is now, checked: its `lang` is `language`, no text in
/// it is English, it fits the window with no control's words cut off, and
/// axe finds nothing. Problems are added to `found`, named by `state`.
async fn check(
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
async fn go(browser: &Browser, fragment: &str, shown: &str) {
    let css = if shown.contains(['.', '[', ' ']) {
        shown.to_string()
    } else {
        format!("[data-testid={shown}]")
    };
    browser.js(&format!("location.hash = '{fragment}'")).await;
    browser
        .wait_for_js(&format!("return !!document.querySelector('{css}')"), json!(true))
        .await;
}

/// Six rated sessions, as someone who has used the app for weeks, and a
/// routine of their own.
const USED: &str = r#"{"version":2,"settings":{"safety_seen":true,"measure":"foot-pain"},"history":[
{"start":1794247200000,"offset":60,"routine":"quick-3","name":"3-minute quick reset","seconds":180,"finished":true,"measure":"foot-pain","before":6,"after":3},
{"start":1794420000000,"offset":60,"routine":"quick-3","name":"3-minute quick reset","seconds":180,"finished":true,"measure":"foot-pain","before":7,"after":4},
{"start":1794852000000,"offset":60,"routine":"quick-3","name":"3-minute quick reset","seconds":180,"finished":true,"measure":"foot-pain","before":5,"after":3},
{"start":1795030000000,"offset":60,"routine":"quick-3","name":"3-minute quick reset","seconds":100,"finished":false,"measure":"foot-pain","before":6,"after":2},
{"start":1795456800000,"offset":60,"routine":"quick-3","name":"3-minute quick reset","seconds":180,"finished":true,"measure":"foot-pain","before":8,"after":5},
{"start":1795629600000,"offset":60,"routine":"quick-3","name":"3-minute quick reset","seconds":180,"finished":true,"measure":"foot-pain","before":4,"after":4}],
"routines":[{"id":"my-1","name":"Noche","steps":[{"side":"left","zone":"heel","technique":"thumb-walking","seconds":60}]}]}"#;

#[tokio::test]
async fn every_page_and_state_is_in_the_readers_language() {
    let mut found = Vec::new();
    for language in LANGUAGES {
        let known = english_only(language);
        let (server, browser) = support::session_with(PHONE, "", &[&prefers(language)]).await;
        check(&browser, language, &known, "map", &mut found).await;

        browser.click_zone("left-heel").await;
        browser
            .wait_for_js(
                "return !!document.querySelector('[data-testid=zone-details] h2')",
                json!(true),
            )
            .await;
        check(&browser, language, &known, "zone details", &mut found).await;

        for (fragment, testid) in [
            ("benefits", ".benefits .claims"),
            ("evidence", "evidence-page"),
            ("safety", "safety-page"),
            ("routines", "new-routine"),
        ] {
            go(&browser, fragment, testid).await;
            check(&browser, language, &known, fragment, &mut found).await;
        }
        let claim = &foot_map::content::content().claims[0].id;
        go(&browser, &format!("benefit={claim}"), "[data-testid=benefit] h2").await;
        check(&browser, language, &known, "a benefit", &mut found).await;

        // A first routine: the safety note comes first.
        browser.with_saved(r#"{"version":2}"#).await;
        go(&browser, "routine=quick-3", "safety-gate").await;
        check(
            &browser,
            language,
            &known,
            "the safety note before a first routine",
            &mut found,
        )
        .await;

        // A routine: its settings and the question before, get ready,
        // running with cues, then its summary and the question after.
        browser
            .with_saved(r#"{"version":2,"settings":{"safety_seen":true,"cues":true,"measure":"tension"}}"#)
            .await;
        go(&browser, "routine=quick-3", "rate-before").await;
        check(&browser, language, &known, "a routine, before", &mut found).await;
        browser
            .js("document.querySelector('[data-testid=rate-before] .scale button').click()")
            .await;
        browser.start_routine("quick-3").await;
        check(&browser, language, &known, "get ready", &mut found).await;
        browser.press("next").await;
        browser.wait_for_js(STATUS, json!("running")).await;
        tokio::time::sleep(std::time::Duration::from_millis(1200)).await;
        check(&browser, language, &known, "running", &mut found).await;
        browser
            .js("[...document.querySelectorAll('.step-button')].at(-1).click()")
            .await;
        browser.press("next").await;
        browser.wait_for_js(STATUS, json!("finished")).await;
        browser
            .wait_for_js(
                "return !!document.querySelector('[data-testid=rate-after]')",
                json!(true),
            )
            .await;
        check(&browser, language, &known, "a routine, finished", &mut found).await;
        browser
            .js("document.querySelector('[data-testid=rate-after] .scale button').click()")
            .await;
        browser
            .wait_for_js(
                "return !!document.querySelector('[data-testid=rate-given]')",
                json!(true),
            )
            .await;
        check(&browser, language, &known, "a rating given", &mut found).await;
        let said = browser.js("return window.__said").await;
        for utterance in said.as_array().unwrap() {
            let (text, lang) = (utterance[0].as_str().unwrap(), &utterance[1]);
            if lang != &json!(language) {
                found.push(format!("{language}: “{text}” was said in {lang}"));
            }
            for english in english_in(text, &known) {
                found.push(format!("{language} spoken: {english}"));
            }
        }
        assert!(
            !said.as_array().unwrap().is_empty(),
            "{language}: the routine spoke"
        );

        // The person's own: a routine, the editor, a shared one, history.
        browser.with_saved(USED).await;
        go(&browser, "routines", "own-routine").await;
        check(&browser, language, &known, "routines, with one's own", &mut found).await;
        go(&browser, "edit=my-1", "editor").await;
        check(&browser, language, &known, "the editor", &mut found).await;
        let mut shared = foot_map::own_routine::OwnRoutine::new("my-2", "Pies cansados");
        shared.steps = foot_map::content::whole()
            .routine("quick-3")
            .unwrap()
            .steps
            .clone();
        let link = foot_map::share::fragment(&shared).unwrap();
        go(&browser, &link, "shared").await;
        check(&browser, language, &known, "a shared routine", &mut found).await;
        go(&browser, "history", "own-sentence").await;
        check(&browser, language, &known, "history", &mut found).await;

        // What goes wrong: a broken link, a broken share link, data from a
        // newer version.
        go(&browser, "zone=nowhere", "link-notice").await;
        check(&browser, language, &known, "a broken link", &mut found).await;
        go(&browser, "share=1.broken", "link-notice").await;
        check(&browser, language, &known, "a broken share link", &mut found).await;
        browser.with_saved(r#"{"version":99}"#).await;
        browser
            .wait_for_js(
                "return !!document.querySelector('[data-testid=saved-notice]')",
                json!(true),
            )
            .await;
        check(&browser, language, &known, "newer saved data", &mut found).await;

        // The first screen the build wrote in this language, as a search
        // engine or a reader without the app's code finds it.
        browser
            .client
            .goto(&format!("{}index.{language}.html", server.url("")))
            .await
            .unwrap();
        check(
            &browser,
            language,
            &known,
            "the pre-rendered first screen",
            &mut found,
        )
        .await;
        browser.close().await;
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[tokio::test]
async fn a_reader_downloads_only_their_own_languages_words() {
    for (tag, own, other) in [
        ("es-MX", Some("spanish"), "german"),
        ("de-AT", Some("german"), "spanish"),
        ("en-GB", None, "spanish"),
    ] {
        let (server, browser) = support::session_with(DESKTOP, "zone=left-heel", &[&prefers(tag)]).await;
        browser
            .wait_for_js(
                "return !!document.querySelector('[data-testid=zone-details] h2')",
                json!(true),
            )
            .await;
        let wasm: Vec<String> = server
            .served()
            .into_iter()
            .map(|s| s.path)
            .filter(|p| p.ends_with(".wasm"))
            .collect();
        let names = wasm.join(" ");
        assert!(!names.contains(&format!("split_{other}")), "{tag}: {names}");
        if let Some(own) = own {
            assert!(names.contains(&format!("split_{own}_")), "{tag}: {names}");
            assert!(names.contains(&format!("split_{own}_apart")), "{tag}: {names}");
        } else {
            assert!(!names.contains("split_german"), "{tag}: {names}");
        }
        browser.close().await;
    }
}

#[tokio::test]
async fn the_language_is_changed_from_any_page_and_kept() {
    let (server, browser) = support::session_with(PHONE, "safety", &[&prefers("es-ES")]).await;
    // Sent from the English address to the Spanish page, the place kept.
    assert_eq!(
        browser
            .js("return location.pathname.split('/').pop() + location.hash")
            .await,
        json!("index.es.html#safety")
    );
    assert_eq!(
        browser.js("return document.documentElement.lang").await,
        json!("es")
    );
    assert_eq!(
        browser
            .js("return document.querySelector('[data-testid=languages] [aria-pressed=true]').lang")
            .await,
        json!("es")
    );
    // Each language's page is named for search engines by its whole address.
    let base = server.url("");
    assert_eq!(
        browser
            .js("return [...document.querySelectorAll('link[hreflang]')].map(l => l.hreflang + ' ' + l.getAttribute('href'))")
            .await,
        json!([
            format!("en {base}"),
            format!("es {base}index.es.html"),
            format!("de {base}index.de.html"),
            format!("x-default {base}"),
        ])
    );
    // Deutsch, from the foot of the page: the same page, now in German.
    browser
        .js("document.querySelector('[data-testid=languages] button[lang=de]').click()")
        .await;
    browser
        .wait_for_js(
            "return location.pathname.split('/').pop() + location.hash",
            json!("index.de.html#safety"),
        )
        .await;
    browser
        .wait_for_js(
            "return !!document.querySelector('[data-testid=safety-page]')",
            json!(true),
        )
        .await;
    assert_eq!(
        browser.js("return document.documentElement.lang").await,
        json!("de")
    );
    // Kept: the English address of another page opens in German too.
    browser.open(&server.url("evidence")).await;
    assert_eq!(
        browser
            .js("return location.pathname.split('/').pop() + location.hash")
            .await,
        json!("index.de.html#evidence")
    );
    assert_eq!(
        browser.js("return document.documentElement.lang").await,
        json!("de")
    );
    // English is a choice too, kept over the browser's Spanish.
    browser
        .js("document.querySelector('[data-testid=languages] button[lang=en]').click()")
        .await;
    browser
        .wait_for_js(
            "return location.pathname.split('/').pop() + location.hash",
            json!("#evidence"),
        )
        .await;
    browser.open(&server.url("")).await;
    assert_eq!(
        browser.js("return document.documentElement.lang").await,
        json!("en")
    );
    // A page whose address names its language is in it, whatever was
    // chosen: a link to the Spanish page (a search result) opens in Spanish.
    browser
        .open(&format!("{}index.es.html#routines", server.url("")))
        .await;
    assert_eq!(
        browser.js("return document.documentElement.lang").await,
        json!("es")
    );
    let violations = browser.axe_violations().await;
    assert!(violations.is_empty(), "{violations:#?}");
    browser.close().await;
}

#[tokio::test]
async fn with_no_voice_for_the_language_the_sound_settings_say_so_and_offer_chimes() {
    // The browser speaks, but only English.
    let voices =
        "if (window.speechSynthesis) speechSynthesis.getVoices = () => [{ lang: 'en-US', name: 'US' }];";
    let (_server, browser) = support::session_with(DESKTOP, "", &[&prefers("de-DE"), voices]).await;
    browser
        .with_saved(r#"{"version":2,"settings":{"safety_seen":true,"sound":"both"}}"#)
        .await;
    go(&browser, "routine=quick-3", "start").await;
    browser
        .wait_for_text(
            "[data-testid=limit]",
            "Dieser Browser hat keine deutsche Stimme: nur Töne.",
        )
        .await;
    let voice_buttons = browser
        .js("return [...document.querySelectorAll('.settings .segmented button')].map(b => b.disabled)")
        .await;
    assert_eq!(
        voice_buttons,
        json!([false, true, true, false]),
        "chime and silent only"
    );
    browser.start_routine("quick-3").await;
    browser.press("next").await;
    browser.wait_for_js(STATUS, json!("running")).await;
    assert_eq!(
        browser.js("return window.__said").await,
        json!([]),
        "nothing said in an English voice"
    );
    browser.close().await;
}
