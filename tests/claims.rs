//! Honest claims, end to end: benefits light up their zones, every claim
//! carries its evidence and says why it is tied to a zone, the safety note
//! comes before a first routine and a quick leg check before routines that
//! work the legs, and the reflexology layer is marked as tradition.

mod support;

use fantoccini::Locator;
use foot_map::content::{whole, Side};
use serde_json::json;
use std::collections::BTreeSet;
use support::{Browser, Server, DESKTOP, STATUS};

const LIT: &str = "return [...document.querySelectorAll('.zone.is-benefit')].map(z => z.dataset.zone).sort()";

fn expected_zones(claim: &str) -> Vec<String> {
    let claim = whole().claims.iter().find(|c| c.id == claim).unwrap();
    let set: BTreeSet<String> = claim
        .links
        .iter()
        .flat_map(|link| link.zones.iter())
        .flat_map(|z| Side::BOTH.map(|side| format!("{}-{z}", side.slug())))
        .collect();
    set.into_iter().collect()
}

#[tokio::test]
async fn choosing_a_benefit_lights_exactly_its_zones_and_leads_to_them() {
    let (server, browser) = support::session(DESKTOP, "").await;
    browser.click(Locator::LinkText("Benefits")).await;
    browser.wait_for_text(".benefits h2", "Claimed benefits").await;
    let sleep = whole().claims.iter().find(|c| c.id == "sleep").unwrap();
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
    for claim in &whole().claims {
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
    browser
        .wait_for_js(support::SHOWN_ZONE, json!(href.trim_start_matches("#zone=")))
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
                sources.chars().filter(char::is_ascii_digit).count() >= 4
                    || sources.contains("no trials of this were found"),
                "{page}: a dated source, or a plain word that none was found, on {card}"
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
        json!(whole().sources.len()),
        "the evidence page lists every source"
    );
    for label in &whole().labels {
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
    let charted = whole().zones.iter().filter(|z| z.reflexology.is_some()).count();
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

/// Every zone tie shown, on a page: (basis, text) for each.
const BASES: &str = r#"return [...document.querySelectorAll('[data-basis]')]
    .filter(el => el.matches('.claim-basis, .basis-group'))
    .map(el => [el.dataset.basis, el.textContent])"#;

#[tokio::test]
async fn every_zone_tie_says_its_basis_and_charts_are_marked_as_tradition() {
    let server = Server::start();
    let browser = Browser::start(DESKTOP).await;
    let c = whole();
    // Zone panels: one basis line per claim card, matching the content.
    for zone in [
        "left-big-toe",
        "right-calf-inner",
        "left-inner-edge",
        "right-outer-heel",
    ] {
        browser.open(&server.url(&format!("zone={zone}"))).await;
        browser
            .wait_for_js(
                "return document.querySelectorAll('.claim').length > 0",
                json!(true),
            )
            .await;
        let id = zone.split_once('-').unwrap().1;
        let expected: Vec<&str> = c
            .claims_for(id)
            .iter()
            .map(|cl| cl.link_for(id).unwrap().basis.slug())
            .collect();
        let shown = browser.js(BASES).await;
        let shown = shown.as_array().unwrap();
        assert_eq!(
            shown.len(),
            expected.len(),
            "{zone}: a basis for every claim: {shown:?}"
        );
        for (pair, basis) in shown.iter().zip(&expected) {
            assert_eq!(pair[0], json!(basis), "{zone}: {pair}");
            check_basis_text(&pair[0], &pair[1]);
        }
        assert!(
            browser
                .text("[data-testid=zone-details]")
                .await
                .unwrap()
                .contains("Why this area")
                && !browser
                    .text("[data-testid=zone-details]")
                    .await
                    .unwrap()
                    .contains("What the article claims for this area"),
            "{zone}: the old heading is gone"
        );
    }
    // Benefit pages: one group per link, each zone under the basis it has.
    for claim in &c.claims {
        browser.open(&server.url(&format!("benefit={}", claim.id))).await;
        browser
            .wait_for_text("[data-testid=benefit] h2", &claim.title)
            .await;
        let shown = browser.js(BASES).await;
        let shown = shown.as_array().unwrap();
        let expected: Vec<&str> = claim.links.iter().map(|l| l.basis.slug()).collect();
        assert_eq!(
            shown.iter().map(|p| p[0].as_str().unwrap()).collect::<Vec<_>>(),
            expected,
            "benefit {}",
            claim.id
        );
        for pair in shown {
            check_basis_text(&pair[0], &pair[1]);
        }
        let zones_per_basis = browser
            .js("return [...document.querySelectorAll('.zone-links li')].map(li => li.dataset.basis)")
            .await;
        let expected: Vec<&str> = claim
            .links
            .iter()
            .flat_map(|l| l.zones.iter().map(move |_| l.basis.slug()))
            .collect();
        assert_eq!(zones_per_basis, json!(expected), "benefit {}", claim.id);
    }
    browser.close().await;
}

fn check_basis_text(basis: &serde_json::Value, text: &serde_json::Value) {
    let text = text.as_str().unwrap();
    match basis.as_str().unwrap() {
        "chart" => assert!(
            text.contains("reflexology chart") && text.contains("tradition, no evidence"),
            "a chart tie is marked as tradition: {text}"
        ),
        "massage" => assert!(text.contains("Where the massage acts"), "{text}"),
        other => panic!("unknown basis {other}"),
    }
}

const LEG_CHECK: &str = "return document.querySelector('[data-testid=leg-check]')?.textContent ?? null";

/// Opens a routine in a fresh page, as a new visit would.
async fn fresh_visit(browser: &Browser, server: &Server, routine: &str) {
    browser.client.goto("about:blank").await.unwrap();
    browser.open(&server.url(&format!("routine={routine}"))).await;
    browser.wait_for_js(STATUS, json!("idle")).await;
}

const LEG_YES: &str = "return document.querySelector('[data-testid=leg-check-yes]')?.textContent ?? null";

#[tokio::test]
async fn a_plain_leg_check_comes_before_every_leg_routine() {
    let server = Server::start();
    let browser = Browser::start(DESKTOP).await;
    let c = whole();
    let check_text = &c.safety.leg_check;
    // Before the safety note is read and after: every routine that works the
    // legs asks a plain question, answered "No: start" or "Yes", and no
    // foot-only routine asks.
    for round in ["before the safety note is read", "after"] {
        for routine in &c.routines {
            fresh_visit(&browser, &server, &routine.id).await;
            let shown = browser.js(LEG_CHECK).await;
            if c.works_legs(routine) {
                let text = shown
                    .as_str()
                    .unwrap_or_else(|| panic!("{round}: `{}` has the leg check", routine.id));
                assert!(text.contains(check_text.as_str()), "{text}");
                let link = browser
                    .js("return document.querySelector('[data-testid=leg-check] a')?.getAttribute('href')")
                    .await;
                assert_eq!(link, json!("#safety"), "the check links to the full note");
                let start = browser.text("[data-testid=start]").await.unwrap();
                assert!(start.contains("No: start"), "“no” answers and starts: {start}");
                assert_eq!(browser.js(LEG_YES).await, json!("Yes"), "“yes” is an answer");
                if round == "after" {
                    browser.shot(&format!("leg-check-{}", routine.id)).await;
                }
            } else {
                assert_eq!(
                    shown,
                    json!(null),
                    "{round}: foot-only `{}` asks nothing",
                    routine.id
                );
                assert_eq!(browser.js(LEG_YES).await, json!(null));
            }
        }
        if round.starts_with("before") {
            // Read the note (on a foot-only routine), so the second round
            // sees the check without the gate around it.
            fresh_visit(&browser, &server, "quick-3").await;
            browser.click(Locator::Css("[data-testid=start]")).await;
            browser.wait_for_js(STATUS, json!("get-ready")).await;
            browser.click(Locator::Css("[data-testid=stop]")).await;
        }
    }

    // "No" starts; the question comes again before the next leg routine of
    // the same visit, and before the same one again.
    let legs: Vec<&str> = c
        .routines
        .iter()
        .filter(|r| c.works_legs(r))
        .map(|r| r.id.as_str())
        .collect();
    fresh_visit(&browser, &server, legs[0]).await;
    browser.click(Locator::Css("[data-testid=start]")).await;
    browser.wait_for_js(STATUS, json!("get-ready")).await;
    browser.click(Locator::Css("[data-testid=stop]")).await;
    for id in legs[1..].iter().chain([&legs[0]]) {
        browser.open(&server.url(&format!("routine={id}"))).await;
        browser.wait_for_js(STATUS, json!("idle")).await;
        assert!(browser.js(LEG_CHECK).await.is_string(), "`{id}` asks again");
    }

    // "Yes" shows the clot caution, which names the thigh and darkened
    // skin, and nothing starts.
    let dvt = c.cautions.iter().find(|x| x.id == "dvt").unwrap();
    fresh_visit(&browser, &server, legs[0]).await;
    browser.click(Locator::Css("[data-testid=leg-check-yes]")).await;
    browser
        .wait_for_text("[data-testid=leg-check-stop]", &dvt.title)
        .await;
    let stop = browser.text("[data-testid=leg-check-stop]").await.unwrap();
    assert!(stop.contains(&dvt.text), "{stop}");
    assert!(stop.contains("thigh") && stop.contains("darkened"), "{stop}");
    assert_eq!(
        browser
            .js("return document.querySelector('[data-testid=start]')?.textContent ?? null")
            .await,
        json!(null),
        "no Start after a yes"
    );
    assert_eq!(browser.js(STATUS).await, json!("idle"));
    // Nor does a step in the list: steps can be jumped to only once the
    // routine has started through the question.
    browser
        .js("document.querySelectorAll('.step-button')[0].click()")
        .await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(browser.js(STATUS).await, json!("idle"), "a step starts nothing");
    browser.shot("leg-check-yes").await;
    // A wrong tap can be taken back to the question.
    browser.click(Locator::Css("[data-testid=leg-check-back]")).await;
    browser.wait_for_text("[data-testid=leg-check]", check_text).await;
    browser.close().await;
}

#[tokio::test]
async fn the_safety_page_has_every_item_the_second_review_asked_for() {
    let (_server, browser) = support::session(DESKTOP, "safety").await;
    browser
        .wait_for_text("[data-testid=safety-page]", "Do not massage")
        .await;
    let page = browser
        .text("[data-testid=safety-page]")
        .await
        .unwrap()
        .to_lowercase();
    for caution in &whole().cautions {
        assert!(page.contains(&caution.title.to_lowercase()), "{}", caution.title);
        assert!(page.contains(&caution.text.to_lowercase()), "{}", caution.id);
    }
    for item in [
        "recent surgery",
        "long journey",
        "pregnancy and the weeks after giving birth",
        "cancer",
        "a clot in the past",
        "oestrogen",
        "sudden breathlessness",
        "chest pain",
        "coughing blood",
        "emergency",
        "pre-eclampsia",
        "headache",
        "vision",
        "pain just below the ribs",
        "vomiting",
        "peripheral arterial disease",
        "calf or thigh",
        "same day",
        "cold, pale or bluish",
        "at rest",
        "do not heal",
        "no heating pad, hot footbath or heated massager",
        "if the foot check finds a wound",
        "cellulitis",
        "warts or athlete's foot",
        "wash your hands",
        "electric leg massagers",
        "implanted electrical device",
        "maker's instructions",
        "hollow behind the knee",
        "below the outer knee",
        "behind the outer ankle bone",
        "little-toe nail",
        "starts labour",
        "smith ca et al., 2017, cochrane",
    ] {
        assert!(page.contains(item), "the safety page mentions “{item}”");
    }
    // Stop items are marked as such, not only listed.
    let stops = browser
        .js("return [...document.querySelectorAll('[data-testid=safety-page] li.stop')].map(li => li.dataset.caution)")
        .await;
    for id in [
        "dvt",
        "lung-clot",
        "pre-eclampsia",
        "poor-circulation",
        "cellulitis",
    ] {
        assert!(
            stops.as_array().unwrap().contains(&json!(id)),
            "{id} is a stop item: {stops}"
        );
    }
    browser.close().await;
}
