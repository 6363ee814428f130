//! "Does it help me?", end to end in headless Chromium against the release
//! build: choosing what to follow, rating before and after a routine,
//! last night's sleep asked on the next visit, and the person's own chart,
//! sentence and table on the history page, free of axe violations.

mod support;

use serde_json::json;
use std::time::Duration;
use support::{store, Browser, DESKTOP, PHONE, STATUS};

/// Clicks the button showing `value` in the scale inside `testid`.
async fn rate(browser: &Browser, testid: &str, value: u8) {
    browser
        .js(&format!(
            "[...document.querySelectorAll('[data-testid={testid}] .scale button')]\
             .find(b => b.textContent.trim() === '{value}').click()"
        ))
        .await;
}

/// Six sessions over three weeks rated before and after for foot pain
/// (drops 3, 3, 2, 4, 3, 0: a median of 3), and one rated for tension.
const RATED: &str = r#"{"version":2,"settings":{"safety_seen":true,"measure":"foot-pain"},"history":[
{"start":1794247200000,"offset":0,"routine":"quick-3","name":"3-minute quick reset","seconds":180,"finished":true,"measure":"foot-pain","before":6,"after":3},
{"start":1794420000000,"offset":0,"routine":"quick-3","name":"3-minute quick reset","seconds":180,"finished":true,"measure":"foot-pain","before":7,"after":4},
{"start":1794852000000,"offset":0,"routine":"quick-3","name":"3-minute quick reset","seconds":180,"finished":true,"measure":"foot-pain","before":5,"after":3},
{"start":1795024800000,"offset":0,"routine":"quick-3","name":"3-minute quick reset","seconds":180,"finished":true,"measure":"tension","before":9,"after":1},
{"start":1795030000000,"offset":0,"routine":"quick-3","name":"3-minute quick reset","seconds":180,"finished":true,"measure":"foot-pain","before":6,"after":2},
{"start":1795456800000,"offset":0,"routine":"quick-3","name":"3-minute quick reset","seconds":180,"finished":true,"measure":"foot-pain","before":8,"after":5},
{"start":1795629600000,"offset":0,"routine":"quick-3","name":"3-minute quick reset","seconds":180,"finished":true,"measure":"foot-pain","before":4,"after":4}]}"#;

#[tokio::test]
async fn nothing_is_asked_until_a_measure_is_chosen_then_before_and_after_are_saved_once() {
    let (server, browser) = support::session(PHONE, "routine=quick-3").await;
    browser
        .with_saved(r#"{"version":2,"settings":{"safety_seen":true}}"#)
        .await;
    browser.wait_for_js(STATUS, json!("idle")).await;
    assert_eq!(
        browser
            .js("return !!document.querySelector('[data-testid=rate-before]')")
            .await,
        json!(false),
        "off until chosen"
    );
    // Chosen on the routine's page, the question appears before Start.
    browser.choose_measure("foot-pain").await;
    browser
        .wait_for_text(
            "[data-testid=rate-before]",
            "How much do your feet hurt right now?",
        )
        .await;
    browser
        .wait_for_js(&store(".settings.measure"), json!("foot-pain"))
        .await;
    rate(&browser, "rate-before", 6).await;
    assert_eq!(
        browser
            .js("return document.querySelector('[data-testid=rate-before] [aria-pressed=true]').textContent.trim()")
            .await,
        json!("6")
    );
    browser.shot("rate-before-phone").await;
    browser.finish_quick_routine().await;
    browser
        .wait_for_text(
            "[data-testid=rate-after]",
            "How much do your feet hurt right now?",
        )
        .await;
    rate(&browser, "rate-after", 3).await;
    browser
        .wait_for_text("[data-testid=rate-given]", "Saved: 3 of 10")
        .await;
    assert_eq!(
        browser
            .js(&store(".history.map(s => [s.measure, s.before, s.after])"))
            .await,
        json!([["foot-pain", 6, 3]])
    );
    // Asked once: the question is gone, and a new run starts with no
    // rating carried over.
    assert_eq!(
        browser
            .js("return !!document.querySelector('[data-testid=rate-after]')")
            .await,
        json!(false)
    );

    // After a reload the history shows the ratings and says too few.
    browser.client.refresh().await.unwrap();
    browser.js("location.hash = 'history'").await;
    browser
        .wait_for_text("[data-testid=sessions]", "foot pain 6 before, 3 after")
        .await;
    browser
        .wait_for_text(
            "[data-testid=own-sentence]",
            "1 rated session so far: the chart needs 5",
        )
        .await;
    assert_eq!(
        browser
            .js("return !!document.querySelector('[data-testid=own-chart]')")
            .await,
        json!(false),
        "no trend drawn from one session"
    );
    browser.assert_clean(&server).await;
    browser.close().await;
}

#[tokio::test]
async fn skipping_the_question_after_saves_no_rating_and_never_asks_again() {
    let (_server, browser) = support::session(DESKTOP, "routine=quick-3").await;
    browser
        .with_saved(r#"{"version":2,"settings":{"safety_seen":true,"measure":"tension"}}"#)
        .await;
    browser
        .wait_for_text("[data-testid=rate-before]", "How tense do you feel right now?")
        .await;
    // Skipped before (just started) and after (Skip).
    browser.finish_quick_routine().await;
    browser.wait_for_text("[data-testid=rate-after]", "tense").await;
    browser.press("rate-skip").await;
    browser
        .wait_for_js(
            "return !!document.querySelector('[data-testid=rate-after]')",
            json!(false),
        )
        .await;
    assert_eq!(
        browser.js(&store(".history.map(s => s.measure ?? null)")).await,
        json!([null])
    );
    browser.close().await;
}

#[tokio::test]
async fn last_nights_sleep_is_asked_on_the_next_visit_once() {
    let (server, browser) = support::session(PHONE, "").await;
    // A routine yesterday evening, rated before, by someone who follows
    // their sleep.
    let yesterday = browser
        .js("const d = new Date(); d.setDate(d.getDate() - 1); d.setHours(21, 0, 0, 0); return d.getTime()")
        .await;
    let offset = browser.js("return -new Date().getTimezoneOffset()").await;
    let saved = json!({
        "version": 2,
        "settings": { "safety_seen": true, "measure": "sleep" },
        "history": [{ "start": yesterday, "offset": offset, "routine": "quick-3",
            "name": "3-minute quick reset", "seconds": 180, "finished": true,
            "measure": "sleep", "before": 4 }]
    });
    browser.with_saved(&saved.to_string()).await;
    // Asked on the map, the first screen, without opening anything.
    browser
        .wait_for_text("[data-testid=rate-night]", "How well did you sleep last night?")
        .await;
    browser.shot("rate-night-phone").await;
    rate(&browser, "rate-night", 7).await;
    browser
        .wait_for_js(&store(".history[0].after ?? null"), json!(7))
        .await;
    assert_eq!(browser.js(&store(".history[0].before")).await, json!(4));
    browser
        .wait_for_js(
            "return !!document.querySelector('[data-testid=rate-night]')",
            json!(false),
        )
        .await;
    // Not asked again.
    browser.client.refresh().await.unwrap();
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(
        browser
            .js("return !!document.querySelector('[data-testid=rate-night]')")
            .await,
        json!(false)
    );
    browser.assert_clean(&server).await;
    browser.close().await;
}

#[tokio::test]
async fn the_history_shows_the_persons_own_chart_sentence_and_table_without_axe_violations() {
    let mut found = Vec::new();
    for size in [PHONE, DESKTOP] {
        let (server, browser) = support::session(size, "history").await;
        browser.with_saved(RATED).await;
        browser
            .wait_for_text(
                "[data-testid=own-sentence]",
                "Over 6 sessions your foot pain was 3 points lower after than before (median).",
            )
            .await;
        assert!(browser
            .text("[data-testid=own-caveat]")
            .await
            .unwrap()
            .contains("no days without massage to compare with"));
        // The chart's lines, and the same numbers as a table: one row per
        // week, medians of the sessions rated for foot pain only.
        assert_eq!(
            browser
                .js("return [...document.querySelectorAll('[data-testid=own-chart] path')].map(p => p.getAttribute('d').split(/[ML]/).length - 1)")
                .await,
            json!([3, 3])
        );
        assert_eq!(
            browser
                .js("return [...document.querySelectorAll('[data-testid=own-table] tbody tr')].map(r => [...r.children].map(c => c.textContent))")
                .await,
            json!([
                ["Week of 9 Nov", "2", "6.5", "3.5"],
                ["Week of 16 Nov", "2", "5.5", "2.5"],
                ["Week of 23 Nov", "2", "6", "4.5"]
            ])
        );
        // Nothing of it, the hidden table included, widens the page.
        assert_eq!(
            browser
                .js("return document.documentElement.scrollWidth <= innerWidth")
                .await,
            json!(true)
        );
        for dark in [false, true] {
            browser.set_dark(dark).await;
            tokio::time::sleep(Duration::from_millis(250)).await;
            for violation in browser.axe_violations().await {
                found.push(format!("{size:?} dark={dark} history: {violation}"));
            }
            browser
                .shot(&format!(
                    "own-record-{}-{}",
                    if size == PHONE { "phone" } else { "desktop" },
                    if dark { "dark" } else { "light" }
                ))
                .await;
        }
        // The questions too: before a routine, and after it.
        browser.set_dark(false).await;
        browser.js("location.hash = 'routine=quick-3'").await;
        browser
            .wait_for_text("[data-testid=rate-before]", "feet hurt")
            .await;
        for violation in browser.axe_violations().await {
            found.push(format!("{size:?} before a routine: {violation}"));
        }
        browser.finish_quick_routine().await;
        browser
            .wait_for_text("[data-testid=rate-after]", "feet hurt")
            .await;
        for dark in [false, true] {
            browser.set_dark(dark).await;
            for violation in browser.axe_violations().await {
                found.push(format!("{size:?} dark={dark} after a routine: {violation}"));
            }
        }
        browser.assert_clean(&server).await;
        browser.close().await;
    }
    assert!(found.is_empty(), "axe violations:\n{}", found.join("\n"));
}

#[tokio::test]
async fn export_and_import_keep_the_ratings() {
    let keep_downloads = "const made = URL.createObjectURL.bind(URL); \
        URL.createObjectURL = (blob) => { window.exported = blob; return made(blob); };";
    let (_server, browser) = support::session_with(DESKTOP, "history", &[keep_downloads]).await;
    browser.with_saved(RATED).await;
    browser
        .wait_for_text("[data-testid=own-sentence]", "Over 6")
        .await;
    browser.press("export").await;
    browser
        .wait_for_text("[data-testid=data-said]", "Exported as")
        .await;
    let file = browser.js("return window.exported.text()").await;
    let folder = support::Scratch::new("ratings");
    let path = folder.path().join("foot-map.json");
    std::fs::write(&path, file.as_str().unwrap()).unwrap();
    browser.with_saved(r#"{"version":2}"#).await;
    browser.wait_for("[data-testid=import]").await;
    browser.pick_import(&path).await;
    browser
        .wait_for_text("[data-testid=import-plan]", "Adds 7 sessions")
        .await;
    browser.press("confirm-import").await;
    browser.wait_for_text("[data-testid=data-said]", "Imported").await;
    assert_eq!(
        browser
            .js(&store(".history.map(s => [s.measure, s.before, s.after])"))
            .await,
        json!([
            ["foot-pain", 6, 3],
            ["foot-pain", 7, 4],
            ["foot-pain", 5, 3],
            ["tension", 9, 1],
            ["foot-pain", 6, 2],
            ["foot-pain", 8, 5],
            ["foot-pain", 4, 4]
        ])
    );
    browser.close().await;
}
