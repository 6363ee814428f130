//! Each language in what the build writes and the app makes, beside the
//! pages `tests/languages.rs` walks: the pages of text and every zone's
//! details as written for a reader without the app's code (and for search
//! engines), each page's no-script note and its links, the install
//! manifest, a calendar reminder, and the data section's export and import
//! with their messages.

mod language_check;
mod support;

use foot_map::content::{content, Side};
use language_check::{check, english_in, english_only, go, languages, prefers};
use serde_json::{json, Value};
use support::{Browser, Server, PHONE};

/// The no-script note of the page (which a browser running scripts keeps
/// as text), read as a browser without them shows it: its words, and
/// where its links go.
const NO_SCRIPT: &str = r#"
const note = document.querySelector('noscript');
if (!note) return null;
const shown = new DOMParser().parseFromString(note.textContent, 'text/html');
return { text: shown.body.textContent, links: [...shown.querySelectorAll('a')].map(a => a.getAttribute('href')) };
"#;

/// A file of the build, as text.
async fn fetched(browser: &Browser, path: &str) -> String {
    let text = browser
        .client
        .execute(
            "return fetch(arguments[0]).then(r => r.ok ? r.text() : 'missing: ' + r.status)",
            vec![json!(path)],
        )
        .await
        .expect("script runs");
    text.as_str().unwrap_or_default().to_string()
}

/// The text of an HTML fragment of the page, as the page's check reads a
/// page: each text and label on a line of its own, without the passages
/// marked as another language than `lang`.
async fn text_of(browser: &Browser, html: &str, lang: &str) -> String {
    browser
        .client
        .execute(
            "const shown = new DOMParser().parseFromString(arguments[0], 'text/html'); \
             const out = []; \
             const walk = (el) => { \
               if (el.hasAttribute('lang') && el.getAttribute('lang') !== arguments[1]) return; \
               for (const a of ['aria-label', 'title', 'alt']) if (el.hasAttribute(a)) out.push(el.getAttribute(a)); \
               for (const n of el.childNodes) { \
                 if (n.nodeType === 3) out.push(n.textContent); else if (n.nodeType === 1) walk(n); \
               } \
             }; \
             walk(shown.body); \
             return out.join('\\n');",
            vec![json!(html), json!(lang)],
        )
        .await
        .expect("script runs")
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[tokio::test]
async fn the_pages_written_for_reading_without_the_app_are_in_the_readers_language() {
    let mut found = Vec::new();
    for language in languages() {
        let known = english_only(language);
        // A first visit, so the app waits for a first tap and the pages stay
        // as the build wrote them.
        let server = Server::start();
        let browser = Browser::start(PHONE).await;
        browser.before_load(&prefers(language)).await;
        let written = foot_map::route::PAGES.iter().filter(|p| p.written.is_some());
        for page in std::iter::once("index").chain(written.map(|p| p.fragment)) {
            let file = format!("{page}.{language}.html");
            browser
                .client
                .goto(&format!("{}{file}", server.url("")))
                .await
                .unwrap();
            check(&browser, language, &known, &file, &mut found).await;
            let note = browser.js(NO_SCRIPT).await;
            let Some(text) = note["text"].as_str() else {
                found.push(format!("{file}: no no-script note"));
                continue;
            };
            for english in english_in(text, &known) {
                found.push(format!("{file}, no-script note: {english}"));
            }
            let links = note["links"].as_array().cloned().unwrap_or_default();
            if links.len() < 5 {
                found.push(format!("{file}: the no-script note links {links:?}"));
            }
            for link in links {
                if !link
                    .as_str()
                    .is_some_and(|l| l.ends_with(&format!(".{language}.html")))
                {
                    found.push(format!(
                        "{file}: the no-script note links {link}, not a page in {language}"
                    ));
                }
            }
        }

        // Every zone's details, as shown for a zone tapped before the app
        // has started.
        let c = content();
        for zone in &c.zones {
            for side in [Side::Left, Side::Right] {
                let slug = foot_map::route::ZoneKey::on(side, &zone.id, c).unwrap().slug();
                let file = format!("zone/{slug}.{language}.html");
                let text = text_of(&browser, &fetched(&browser, &file).await, language).await;
                if text.trim().is_empty() || text.starts_with("missing") {
                    found.push(format!("{file}: {text}"));
                }
                for english in english_in(&text, &known) {
                    found.push(format!("{file}: {english}"));
                }
            }
        }

        // The install manifest: its name, description and shortcuts.
        let file = format!("manifest.{language}.webmanifest");
        let manifest: Value = serde_json::from_str(&fetched(&browser, &file).await)
            .unwrap_or_else(|e| panic!("{file} is JSON: {e}"));
        if manifest["lang"] != json!(language) {
            found.push(format!("{file}: lang is {}", manifest["lang"]));
        }
        let mut words = vec![
            manifest["name"].clone(),
            manifest["short_name"].clone(),
            manifest["description"].clone(),
        ];
        for shortcut in manifest["shortcuts"].as_array().cloned().unwrap_or_default() {
            words.extend([
                shortcut["name"].clone(),
                shortcut["short_name"].clone(),
                shortcut["description"].clone(),
            ]);
            if !shortcut["url"]
                .as_str()
                .is_some_and(|u| u.contains(&format!("index.{language}.html")))
            {
                found.push(format!("{file}: a shortcut opens {}", shortcut["url"]));
            }
        }
        let words: Vec<&str> = words.iter().filter_map(Value::as_str).collect();
        for english in english_in(&words.join("\n"), &known) {
            found.push(format!("{file}: {english}"));
        }
        browser.close().await;
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// Keeps each file the page makes for download in `window.made`.
const KEEP_DOWNLOADS: &str = "const made = URL.createObjectURL.bind(URL); \
    URL.createObjectURL = (blob) => { window.made = blob; return made(blob); };";

/// Waits until the data section says something other than `before`.
async fn data_said_after(browser: &Browser, before: &Value) -> Value {
    let script = format!(
        "const said = document.querySelector('[data-testid=data-said]'); \
         return !!said && said.textContent !== {before}"
    );
    browser.wait_for_js(&script, json!(true)).await;
    browser
        .js("return document.querySelector('[data-testid=data-said]').textContent")
        .await
}

#[tokio::test]
async fn a_reminder_and_the_data_section_speak_the_readers_language() {
    let mut found = Vec::new();
    for language in languages() {
        let known = english_only(language);
        let (_server, browser) =
            support::session_with(PHONE, "", &[&prefers(language), KEEP_DOWNLOADS]).await;

        // A reminder: its settings, what it says, and the calendar file.
        browser
            .with_saved(r#"{"version":2,"settings":{"safety_seen":true}}"#)
            .await;
        go(&browser, "routine=relax-10", "calendar-reminder").await;
        browser
            .js("document.querySelector('[data-testid=calendar-reminder] summary').click()")
            .await;
        check(&browser, language, &known, "a reminder's settings", &mut found).await;
        browser
            .js("document.querySelectorAll('[data-testid=calendar-reminder] input[type=checkbox]').forEach(c => { if (c.checked) c.click(); })")
            .await;
        browser.press("calendar-file").await;
        browser.wait_for("[data-testid=calendar-said]").await;
        check(&browser, language, &known, "a reminder with no day", &mut found).await;
        browser
            .js("document.querySelectorAll('[data-testid=calendar-reminder] input[type=checkbox]')[5].click()")
            .await;
        browser.press("calendar-file").await;
        browser.wait_for_js("return !!window.made", json!(true)).await;
        check(&browser, language, &known, "a reminder made", &mut found).await;
        let calendar = browser.js("return window.made.text()").await;
        let calendar = calendar
            .as_str()
            .unwrap()
            .replace("\r\n ", "")
            .replace("\\,", ",");
        let said: Vec<&str> = calendar
            .lines()
            .filter_map(|l| l.strip_prefix("SUMMARY:").or(l.strip_prefix("DESCRIPTION:")))
            .collect();
        assert!(!said.is_empty(), "{language}: the calendar file: {calendar}");
        for english in english_in(&said.join("\n"), &known) {
            found.push(format!("{language} calendar file: {english}"));
        }

        // The data section: an export, an import's plan, the import, and a
        // file that is not Foot Map's.
        browser.js("window.made = null").await;
        browser.with_saved(USED).await;
        go(&browser, "history", "export").await;
        browser.press("export").await;
        browser.wait_for_js("return !!window.made", json!(true)).await;
        data_said_after(&browser, &json!("")).await;
        check(&browser, language, &known, "data exported", &mut found).await;
        let file = browser.js("return window.made.text()").await;
        let folder = support::Scratch::new("languages-import");
        let exported = folder.path().join("foot-map.json");
        std::fs::write(&exported, file.as_str().unwrap()).unwrap();
        let foreign = folder.path().join("photos.json");
        std::fs::write(&foreign, r#"{"format":"photo-album","version":3}"#).unwrap();

        browser.with_saved(r#"{"version":2}"#).await;
        go(&browser, "history", "import").await;
        browser.pick_import(&exported).await;
        browser.wait_for("[data-testid=import-plan]").await;
        check(&browser, language, &known, "an import's plan", &mut found).await;
        browser.press("confirm-import").await;
        let imported = data_said_after(&browser, &json!("")).await;
        check(&browser, language, &known, "imported", &mut found).await;
        browser.pick_import(&foreign).await;
        data_said_after(&browser, &imported).await;
        check(&browser, language, &known, "an import refused", &mut found).await;
        browser.close().await;
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// Some use: a rated session and a routine of one's own.
const USED: &str = r#"{"version":2,"settings":{"safety_seen":true,"measure":"foot-pain"},"history":[
{"start":1794247200000,"offset":60,"routine":"quick-3","name":"3-minute quick reset","seconds":180,"finished":true,"measure":"foot-pain","before":6,"after":3}],
"routines":[{"id":"my-1","name":"Noche","steps":[{"side":"left","zone":"heel","technique":"thumb-walking","seconds":60}]}]}"#;
