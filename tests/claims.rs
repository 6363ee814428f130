//! Honest claims, end to end: benefits light up their zones, every claim
//! carries its evidence, the safety note comes before a first routine, and
//! the reflexology layer is marked as tradition.

mod support;

use fantoccini::Locator;
use foot_map::content::{content, Side};
use serde_json::json;
use std::collections::BTreeSet;
use support::{Browser, Server, DESKTOP};

const LIT: &str = "return [...document.querySelectorAll('.zone.is-benefit')].map(z => z.dataset.zone).sort()";

fn expected_zones(claim: &str) -> Vec<String> {
    let claim = content().claims.iter().find(|c| c.id == claim).unwrap();
    let set: BTreeSet<String> = claim
        .zones
        .iter()
        .flat_map(|z| Side::BOTH.map(|side| format!("{}-{z}", side.slug())))
        .collect();
    set.into_iter().collect()
}

#[tokio::test]
async fn choosing_a_benefit_lights_exactly_its_zones_and_leads_to_them() {
    let (server, browser) = support::session(DESKTOP, "").await;
    browser.click(Locator::LinkText("Benefits")).await;
    browser.wait_for_text(".benefits h2", "Claimed benefits").await;
    let sleep = content().claims.iter().find(|c| c.id == "sleep").unwrap();
    browser
        .click(Locator::Css("[data-claim=sleep] a.claim-title"))
        .await;
    browser
        .wait_for_text("[data-testid=benefit] h2", &sleep.title)
        .await;
    assert_eq!(browser.js(LIT).await, json!(expected_zones("sleep")));
    let url = browser.client.current_url().await.unwrap();
    assert_eq!(url.fragment(), Some("benefit=sleep"), "the choice is in the URL");

    // Every benefit, by link: exactly the zones the content names.
    for claim in &content().claims {
        browser.open(&server.url(&format!("benefit={}", claim.id))).await;
        browser.wait_for_js(LIT, json!(expected_zones(&claim.id))).await;
    }

    // A zone from the benefit's list opens its details.
    browser.open(&server.url("benefit=flexibility")).await;
    browser
        .wait_for_js(LIT, json!(expected_zones("flexibility")))
        .await;
    let first = browser.client.find(Locator::Css(".zone-links a")).await.unwrap();
    let href = first.attr("href").await.unwrap().unwrap();
    first.click().await.unwrap();
    let shown = "return document.querySelector('[data-testid=zone-details]')?.dataset.zone ?? null";
    browser
        .wait_for_js(shown, json!(href.trim_start_matches("#zone=")))
        .await;
    assert_eq!(
        browser.js(LIT).await,
        json!([]),
        "leaving the benefit turns its highlight off"
    );
    browser.close().await;
}

#[tokio::test]
async fn every_claim_shown_carries_its_label_reason_and_sources() {
    let server = Server::start();
    let browser = Browser::start(DESKTOP).await;
    let cards = r#"return [...document.querySelectorAll('.claim')].map(c => ({
        label: c.querySelector('.evidence')?.textContent ?? '',
        why: c.querySelector('.claim-why')?.textContent ?? '',
        sources: c.querySelector('.claim-sources')?.textContent ?? '' }))"#;
    for page in [
        "zone=right-heel",
        "zone=left-calf-outer",
        "benefits",
        "benefit=cortisol",
    ] {
        browser.open(&server.url(page)).await;
        browser
            .wait_for_js(
                "return document.querySelectorAll('.claim').length > 0",
                json!(true),
            )
            .await;
        for card in browser.js(cards).await.as_array().unwrap() {
            assert!(
                !card["label"].as_str().unwrap().is_empty(),
                "{page}: a label on {card}"
            );
            assert!(
                card["why"].as_str().unwrap().len() > 20,
                "{page}: a reason on {card}"
            );
            let sources = card["sources"].as_str().unwrap();
            assert!(
                sources.chars().filter(char::is_ascii_digit).count() >= 4,
                "{page}: a dated source on {card}"
            );
        }
    }
    browser.open(&server.url("evidence")).await;
    browser
        .wait_for_text("[data-testid=evidence-page]", "How good is the evidence")
        .await;
    let listed = browser
        .js("return document.querySelectorAll('.sources li').length")
        .await;
    assert_eq!(
        listed,
        json!(content().sources.len()),
        "the evidence page lists every source"
    );
    for label in &content().labels {
        browser
            .wait_for_text("[data-testid=evidence-page] .labels", &label.name)
            .await;
    }
    browser.close().await;
}

#[tokio::test]
async fn the_safety_note_comes_before_the_first_routine_and_the_keyboard_reaches_it() {
    let (server, browser) = support::session(DESKTOP, "routine=relax-10").await;
    browser
        .wait_for_text("[data-testid=safety-gate]", "Before your first routine")
        .await;
    browser
        .wait_for_text("[data-testid=safety-gate]", "blood clot")
        .await;

    // Tab from the top of the page to the gate's button, then Enter.
    browser.js("document.activeElement?.blur()").await;
    let mut reached = false;
    for _ in 0..200 {
        let body = browser.client.active_element().await.unwrap();
        body.send_keys("\u{E004}").await.unwrap();
        let on_button = browser
            .js("return !!document.activeElement?.closest('[data-testid=safety-gate]') && document.activeElement.dataset.testid === 'start'")
            .await;
        if on_button == json!(true) {
            reached = true;
            break;
        }
    }
    assert!(reached, "Tab reaches the safety note's start button");
    browser
        .client
        .active_element()
        .await
        .unwrap()
        .send_keys("\u{E007}")
        .await
        .unwrap();
    let status = "return document.querySelector('[data-testid=player]')?.dataset.status ?? null";
    browser.wait_for_js(status, json!("get-ready")).await;

    // Read once: the next routine starts without it, and the full note is
    // one link away from anywhere.
    browser.open(&server.url("routine=quick-3")).await;
    browser.wait_for_js(status, json!("idle")).await;
    assert_eq!(
        browser
            .js("return document.querySelector('[data-testid=safety-gate]')")
            .await,
        json!(null)
    );
    browser.click(Locator::LinkText("Safety")).await;
    browser
        .wait_for_text("[data-testid=safety-page]", "Do not massage")
        .await;
    browser.close().await;
}

#[tokio::test]
async fn the_reflexology_layer_toggles_and_is_marked_as_tradition() {
    let (_server, browser) = support::session(DESKTOP, "").await;
    let markers = "return document.querySelectorAll('.reflex-marker').length";
    assert_eq!(browser.js(markers).await, json!(0));
    let toggle = browser
        .client
        .find(Locator::Css("[data-testid=reflexology-toggle]"))
        .await
        .unwrap();
    toggle.click().await.unwrap();
    let charted = content().zones.iter().filter(|z| z.reflexology.is_some()).count();
    browser.wait_for_js(markers, json!(charted * 2)).await;
    browser
        .wait_for_text("[data-testid=reflexology-note]", "Tradition, not evidence")
        .await;
    assert_eq!(
        toggle.attr("aria-pressed").await.unwrap().as_deref(),
        Some("true")
    );
    toggle.click().await.unwrap();
    browser.wait_for_js(markers, json!(0)).await;
    assert_eq!(
        browser
            .js("return document.querySelector('[data-testid=reflexology-note]')")
            .await,
        json!(null)
    );
    browser.close().await;
}
