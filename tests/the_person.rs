//! The person in front of the screen, in English and in Spanish, on a
//! phone and on a desktop, in headless Chromium against the release build:
//! a routine opened from the keyboard shows its title with focus on it, on
//! a phone the map leaves the screen to the words, the reminder sits under
//! Start, pausing is announced once in the reader's language, the time left
//! is said once and shown, focus lands on the summary when the routine
//! stops, the rating buttons stay apart and inside their card, and an own
//! routine has its Edit and Share with the reminder under Start.

mod support;

use serde_json::{json, Value};
use support::{Browser, Server, DESKTOP, PHONE, STATUS};

/// A language's page and the words the tests listen for in it.
struct Language {
    page: &'static str,
    paused: &'static str,
    resumed: &'static str,
}

const LANGUAGES: [Language; 2] = [
    Language {
        page: "",
        paused: "Paused.",
        resumed: "Going on.",
    },
    Language {
        page: "index.es.html",
        paused: "En pausa.",
        resumed: "Seguimos.",
    },
];

/// Keeps what the page says aloud in `window.__said`, instead of saying it.
const SPEECH_LOG: &str = "window.__said = []; \
    if (window.speechSynthesis) speechSynthesis.speak = (u) => { window.__said.push(u.text); };";

/// How many pixels of `css` are on the screen.
async fn on_screen(browser: &Browser, css: &str) -> f64 {
    browser
        .js(&format!(
            "const r = document.querySelector('{css}').getBoundingClientRect(); \
             return Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0))"
        ))
        .await
        .as_f64()
        .unwrap()
}

async fn focused(browser: &Browser, id: &str) {
    browser
        .wait_for_js("return document.activeElement?.id ?? null", json!(id))
        .await;
}

#[tokio::test]
async fn a_routine_reads_and_runs_for_the_person_in_each_language_and_size() {
    for language in LANGUAGES {
        for size in [PHONE, DESKTOP] {
            let at = format!(
                "{} at {size:?}",
                if language.page.is_empty() {
                    "en"
                } else {
                    language.page
                }
            );
            let server = Server::start();
            let browser = Browser::start(size).await;
            browser.before_load(SPEECH_LOG).await;
            browser
                .open(&format!("{}{}#routines", server.url(""), language.page))
                .await;
            browser.wait_for("a.card[href$=relax-10]").await;

            // Opened from the keyboard: focus on the title, in view.
            let link = browser
                .client
                .find(fantoccini::Locator::Css("a.card[href$=relax-10]"))
                .await
                .unwrap();
            link.send_keys("\u{E007}").await.unwrap();
            focused(&browser, "routine-title").await;
            let top = browser
                .js("return document.getElementById('routine-title').getBoundingClientRect().top")
                .await
                .as_f64()
                .unwrap();
            assert!(
                top >= 0.0 && top < size.1 as f64 / 2.0,
                "{at}: the title at {top}"
            );
            // A page for reading: on a phone the map takes a third of the
            // screen at most.
            if size == PHONE {
                let map = on_screen(&browser, ".map").await;
                assert!(map <= size.1 as f64 / 3.0, "{at}: the map covers {map} px");
            }
            // The reminder is a control, right under Start.
            let gap = browser
                .js(
                    "const start = document.querySelector('[data-testid=start]').getBoundingClientRect(); \
                     const remind = document.querySelector('[data-testid=calendar-reminder] summary'); \
                     const r = remind.getBoundingClientRect(); \
                     return { gap: r.top - start.bottom, border: getComputedStyle(remind).borderTopWidth }",
                )
                .await;
            let between = gap["gap"].as_f64().unwrap();
            assert!(
                (0.0..120.0).contains(&between),
                "{at}: the reminder is {between} px under Start"
            );
            assert_ne!(
                gap["border"],
                json!("0px"),
                "{at}: the reminder looks like a control"
            );

            // Pausing and going on, said once each.
            browser.press("start").await;
            browser.wait_for_js(STATUS, json!("get-ready")).await;
            browser.press("next").await;
            browser.wait_for_js(STATUS, json!("running")).await;
            let region = ".player [aria-live=polite]";
            browser.press("pause").await;
            browser.wait_for_js(STATUS, json!("paused")).await;
            assert_eq!(
                browser.text(region).await.as_deref(),
                Some(language.paused),
                "{at}"
            );
            browser.press("pause").await;
            browser.wait_for_js(STATUS, json!("running")).await;
            assert_eq!(
                browser.text(region).await.as_deref(),
                Some(language.resumed),
                "{at}"
            );

            // The time left: said once in the app's voice, and shown.
            browser.js("window.__said = []").await;
            browser.press("time-left").await;
            browser.wait_for("[data-testid=time-left-said]").await;
            let shown = browser.text("[data-testid=time-left-said]").await.unwrap();
            assert!(!shown.is_empty(), "{at}");
            assert_eq!(browser.js("return window.__said").await, json!([shown]), "{at}");

            // Stopped: focus on the summary's headline.
            browser.press_key("Escape").await;
            browser.wait_for_js(STATUS, json!("finished")).await;
            focused(&browser, "summary-title").await;
            assert_eq!(browser.axe_violations().await, Vec::<String>::new(), "{at}");
            browser.assert_clean(&server).await;
            browser.close().await;
        }
    }
}

#[tokio::test]
async fn a_zone_page_leaves_a_phone_screen_to_its_words_in_each_language() {
    for language in LANGUAGES {
        let server = Server::start();
        let browser = Browser::start(PHONE).await;
        browser
            .open(&format!("{}{}#zone=left-heel", server.url(""), language.page))
            .await;
        browser.wait_for("[data-testid=limits]").await;
        let map = on_screen(&browser, ".map").await;
        assert!(
            map <= PHONE.1 as f64 / 3.0,
            "{}: the map covers {map} px",
            language.page
        );
        browser.assert_clean(&server).await;
        browser.close().await;
    }
}

#[tokio::test]
async fn the_rating_buttons_stay_apart_and_inside_their_card_in_each_language_and_size() {
    for language in LANGUAGES {
        for size in [PHONE, DESKTOP] {
            let server = Server::start();
            let browser = Browser::start(size).await;
            browser
                .open(&format!("{}{}#routine=quick-3", server.url(""), language.page))
                .await;
            browser
                .with_saved(r#"{"version":2,"settings":{"safety_seen":true,"measure":"foot-pain"}}"#)
                .await;
            browser.wait_for("[data-testid=rate-before] .scale button").await;
            // A finger's width on a phone; on a desktop, WCAG's minimum
            // for a pointer (2.5.8).
            let least = if size == PHONE { 44 } else { 24 };
            let problems: Value = browser
                .js(&format!(
                    r#"const least = {least};
                    const bs = [...document.querySelectorAll('[data-testid=rate-before] .scale button')];
                    const box = document.querySelector('[data-testid=rate-before]').getBoundingClientRect();
                    const out = [];
                    bs.forEach((b, i) => {{
                        const r = b.getBoundingClientRect();
                        if (r.width < least || r.height < least) out.push(`${{b.textContent}} is ${{r.width}}x${{r.height}}`);
                        if (r.left < box.left || r.right > box.right) out.push(`${{b.textContent}} leaves the card`);
                        bs.slice(i + 1).forEach((c) => {{
                            const s = c.getBoundingClientRect();
                            if (r.left < s.right && s.left < r.right && r.top < s.bottom && s.top < r.bottom)
                                out.push(`${{b.textContent}} overlaps ${{c.textContent}}`);
                        }});
                    }});
                    return out"#,
                ))
                .await;
            assert_eq!(problems, json!([]), "{} at {size:?}", language.page);
            browser.assert_clean(&server).await;
            browser.close().await;
        }
    }
}

#[tokio::test]
async fn an_own_routine_has_edit_share_and_the_reminder_under_start() {
    for size in [PHONE, DESKTOP] {
        let (server, browser) = support::session(size, "routine=my-1").await;
        browser
            .with_saved(
                r#"{"version":2,"settings":{"safety_seen":true},"history":[],
                "routines":[{"id":"my-1","name":"Evening","steps":[{"side":"left","zone":"heel","technique":"knuckle-press","seconds":60}]}]}"#,
            )
            .await;
        browser.wait_for("[data-testid=start]").await;
        let gaps = browser
            .js(
                "const start = document.querySelector('[data-testid=start]').getBoundingClientRect().bottom; \
                 return ['[data-testid=edit]', '[data-testid=share]', '[data-testid=calendar-reminder] summary'] \
                   .map(css => Math.round(document.querySelector(css).getBoundingClientRect().top - start))",
            )
            .await;
        for gap in gaps.as_array().unwrap() {
            let gap = gap.as_f64().unwrap();
            assert!((0.0..150.0).contains(&gap), "{size:?}: {gaps} px under Start");
        }
        assert_eq!(browser.axe_violations().await, Vec::<String>::new());
        browser.assert_clean(&server).await;
        browser.close().await;
    }
}
