//! Picking a routine by need, in headless Chromium against the release
//! build: a 68-year-old on a phone, in Spanish, with tired legs in the
//! evening, finds a short routine for the legs and its Start.

mod support;

use foot_map::content::{whole, Need, Part};
use foot_map::language::{file_in, Language};
use serde_json::{json, Value};
use support::{Browser, Server, DESKTOP, PHONE};

/// The ids of the routines the list shows.
const SHOWN: &str = "return [...document.querySelectorAll('.cards > li')].filter(li => !li.hidden).map(li => li.dataset.routine)";

#[tokio::test]
async fn a_short_routine_for_tired_legs_is_found_by_need_and_started() {
    for (language, size) in [(Language::Spanish, PHONE), (Language::English, DESKTOP)] {
        let server = Server::start();
        let browser = Browser::start(size).await;
        browser
            .open(&format!(
                "{}{}#routines",
                server.url(""),
                file_in("index.html", language)
            ))
            .await;
        browser.wait_for("[data-testid=routine-filters] button").await;
        let all = browser.js(SHOWN).await;
        assert_eq!(
            all.as_array().unwrap().len(),
            whole().routines.len(),
            "{language:?}: all at first"
        );

        // "Tired legs", then "Quick": a short one for the legs is there.
        browser
            .js("document.querySelectorAll('[data-testid=routine-filters] button')[2].click()")
            .await;
        let tired = browser.js(SHOWN).await;
        let expected: Vec<Value> = whole()
            .routines
            .iter()
            .filter(|r| r.needs.contains(&Need::TiredLegs))
            .map(|r| json!(r.id))
            .collect();
        assert_eq!(tired, json!(expected), "{language:?}: tired legs");
        let legs = whole().routines.iter().find(|r| r.id == "legs-6").unwrap();
        assert!(legs.minutes <= 6 && legs.needs.contains(&Need::TiredLegs));
        assert!(
            legs.steps
                .iter()
                .filter(|s| whole().zone(&s.zone).unwrap().part == Part::Leg)
                .count()
                * 2
                > legs.steps.len(),
            "it works mostly the lower legs"
        );
        browser
            .js("document.querySelectorAll('[data-testid=routine-filters] button')[1].click()")
            .await;
        let quick = browser.js(SHOWN).await;
        assert!(
            quick.as_array().unwrap().contains(&json!("legs-6")),
            "{language:?}: {quick}"
        );
        assert_eq!(
            browser
                .js("return document.querySelector('[data-testid=routine-filters] button[aria-pressed=true]').textContent")
                .await,
            browser
                .js("return document.querySelectorAll('[data-testid=routine-filters] button')[1].textContent")
                .await
        );

        // Each card shows where to start, and it opens the routine's Start.
        let start = browser
            .js("const s = document.querySelector('[data-routine=legs-6] .card-start'); const r = s.getBoundingClientRect(); return r.width > 40 && r.height > 20")
            .await;
        assert_eq!(start, json!(true), "{language:?}: a visible start on the card");
        browser
            .js("document.querySelector('[data-routine=legs-6] a.card').click()")
            .await;
        browser.wait_for("[data-testid=start]").await;
        browser.press("start").await;
        browser.wait_for_js(support::STATUS, json!("get-ready")).await;
        assert!(browser.axe_violations().await.is_empty(), "{language:?}: axe");
        browser.assert_clean(&server).await;
        browser.close().await;
    }
}
