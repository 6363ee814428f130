//! Safety where it applies, in headless Chromium against the release build.
//! A reader with numb feet who opens any zone, in any language, on a phone
//! or a desktop, reads what applies to numb feet before any pressure is
//! named; a firm-pressure label carries its alternative; and the sheet
//! before a first routine explains each caution in place.

mod support;

use foot_map::content::{content, Pressure};
use foot_map::language::{file_in, Language};
use serde_json::{json, Value};
use support::{Browser, Server, DESKTOP, PHONE};

/// Where the numb-feet caution sits against the zone's first pressure
/// label: "above", "beside" (on the same line), else how far below.
const PLACE: &str = r#"
    const details = document.querySelector('[data-testid=zone-details]');
    const caution = details?.querySelector('[data-testid=limits] li[data-caution=diabetes]');
    const pressure = details?.querySelector('.method .meta .chip');
    if (!caution || !pressure) return 'missing';
    const c = caution.getBoundingClientRect();
    const p = pressure.getBoundingClientRect();
    if (c.bottom <= p.top) return 'above';
    if (Math.abs(c.top - p.top) < p.height) return 'beside';
    return `below by ${Math.round(c.top - p.top)} px`;
"#;

/// A word of each language's firm-pressure label that names the
/// alternative for numb feet.
fn numb(language: Language) -> &'static str {
    match language {
        Language::English => "numb",
        Language::Spanish => "sensibilidad",
        Language::German => "taub",
        Language::French => "engourdis",
        Language::Portuguese => "dormência",
    }
}

async fn open(browser: &Browser, server: &Server, language: Language, fragment: &str) {
    browser
        .open(&format!(
            "{}{}#{fragment}",
            server.url(""),
            file_in("index.html", language)
        ))
        .await;
}

#[tokio::test]
async fn what_applies_to_numb_feet_comes_before_any_pressure_in_every_zone_and_language() {
    // Every zone of the left side (the right side shows the same content),
    // those worked firmly among them.
    let zones: Vec<&str> = content().zones.iter().map(|z| z.id.as_str()).collect();
    assert!(
        content()
            .zones
            .iter()
            .any(|z| z.methods.iter().any(|m| m.pressure == Pressure::Firm)),
        "the content has zones worked firmly"
    );
    for size in [PHONE, DESKTOP] {
        let server = Server::start();
        let browser = Browser::start(size).await;
        for language in Language::ALL {
            open(&browser, &server, language, "zone=left-heel").await;
            for zone in &zones {
                let slug = format!("left-{zone}");
                browser.js(&format!("location.hash = 'zone={slug}'")).await;
                browser
                    .wait_for(&format!(
                        "[data-testid=zone-details][data-zone={slug}] [data-testid=limits]"
                    ))
                    .await;
                let place = browser.js(PLACE).await;
                assert!(
                    place == json!("above") || place == json!("beside"),
                    "{language:?} at {size:?}, {slug}: the numb-feet caution is {place}"
                );
                let labels = browser
                    .js("return [...document.querySelectorAll('[data-testid=zone-details] .method .meta .chip:first-child')].map(e => e.textContent)")
                    .await;
                let shown = labels.as_array().unwrap().len();
                assert!(shown > 0, "{slug} names its pressure");
                // A label names the alternative for numb feet when, and
                // only when, it is firm.
                let method_pressures: Vec<Pressure> = content()
                    .zones
                    .iter()
                    .find(|z| z.id == *zone)
                    .unwrap()
                    .methods
                    .iter()
                    .map(|m| m.pressure)
                    .collect();
                for (label, pressure) in labels.as_array().unwrap().iter().zip(method_pressures) {
                    let text = label.as_str().unwrap_or_default();
                    assert_eq!(
                        pressure == Pressure::Firm,
                        text.contains(numb(language)),
                        "{language:?}, {slug}: the label {text:?} names the alternative for numb feet only when firm"
                    );
                }
            }
        }
        assert!(browser.axe_violations().await.is_empty(), "axe at {size:?}");
        browser.assert_clean(&server).await;
        browser.close().await;
    }
}

#[tokio::test]
async fn the_sheet_before_a_first_routine_explains_each_caution() {
    let server = Server::start();
    let browser = Browser::start(PHONE).await;
    for language in Language::ALL {
        open(&browser, &server, language, "routine=quick-3").await;
        browser.wait_for("[data-testid=safety-gate] .cautions li").await;
        // Each item says more than its headline: at least a sentence.
        let bare: Value = browser
            .js(
                r#"return [...document.querySelectorAll('[data-testid=safety-gate] .cautions li')]
                .filter(li => li.textContent.length < li.querySelector('strong').textContent.length + 40)
                .map(li => li.textContent)"#,
            )
            .await;
        assert_eq!(bare, json!([]), "{language:?}: items with no explanation");
        let count = browser
            .js("return document.querySelectorAll('[data-testid=safety-gate] .cautions li').length")
            .await;
        assert_eq!(
            count,
            json!(foot_map::content::whole().cautions.len()),
            "{language:?}: every caution"
        );
    }
    browser.assert_clean(&server).await;
    browser.close().await;
}

/// Ticks or unticks a condition in "What applies to me", as a tap would.
async fn tick(browser: &Browser, id: &str, on: bool) {
    browser.js("location.hash = 'safety'").await;
    browser
        .wait_for(&format!("[data-testid=applies] input[data-condition={id}]"))
        .await;
    browser
        .js(&format!(
            "const box = document.querySelector('[data-testid=applies] input[data-condition={id}]'); \
             if (box.checked !== {on}) box.click()"
        ))
        .await;
    browser
        .wait_for_js(
            &support::store(&format!("?.settings?.applies?.includes('{id}') ?? false")),
            json!(on),
        )
        .await;
}

/// The steps a routine's page lists.
const STEPS: &str = "return document.querySelectorAll('.step-list li').length";

#[tokio::test]
async fn numb_feet_said_once_turn_firm_pressure_light_in_the_details_and_the_routine() {
    for (language, size) in [(Language::English, DESKTOP), (Language::German, PHONE)] {
        let server = Server::start();
        let browser = Browser::start(size).await;
        open(&browser, &server, language, "safety").await;
        assert_eq!(
            browser
                .js("return document.querySelector('[data-testid=applied]')")
                .await,
            json!(null),
            "nothing chosen, nothing applied"
        );
        tick(&browser, "diabetes", true).await;
        if language == Language::English {
            assert!(browser.axe_violations().await.is_empty(), "axe on the list");
        }

        // The heel, worked firmly as written, says light, and why, first.
        browser.js("location.hash = 'zone=left-heel'").await;
        browser
            .wait_for("[data-testid=zone-details] [data-testid=applied][data-caution=diabetes]")
            .await;
        let firm = browser
            .js("return [...document.querySelectorAll('[data-testid=zone-details] .method .meta .chip:first-child')].filter(e => e.textContent.includes('(')).length")
            .await;
        assert_eq!(firm, json!(0), "{language:?}: no firm pressure left on the heel");
        let applied_first = browser
            .js("const d = document.querySelector('[data-testid=zone-details]'); \
                 return d.querySelector('[data-testid=applied]').getBoundingClientRect().bottom <= d.querySelector('.method').getBoundingClientRect().top")
            .await;
        assert_eq!(
            applied_first,
            json!(true),
            "{language:?}: said before the techniques"
        );

        // A routine's steps say light pressure too, and none is left out.
        browser.js("location.hash = 'routine=relax-10'").await;
        browser.wait_for("[data-testid=start]").await;
        assert_eq!(
            browser
                .js("return document.querySelector('[data-testid=left-out]')")
                .await,
            json!(null)
        );
        browser.press("start").await;
        browser.wait_for(".instructions .technique").await;
        // The move's numbered how-to is under the countdown.
        browser.wait_for("[data-testid=how-steps] li").await;
        let technique = browser.text(".instructions .technique").await.unwrap_or_default();
        let light = match language {
            Language::English => "Light pressure",
            Language::Spanish => "Presión suave",
            Language::German => "Leichter Druck",
            Language::French => "Pression légère",
            Language::Portuguese => "Pressão leve",
        };
        assert!(
            technique.contains(light),
            "{language:?}: the step says {technique:?}"
        );
        // With why, in place of the pressure written (relax-10 starts on
        // a zone worked at medium pressure).
        browser
            .wait_for("[data-testid=step-applied][data-caution=diabetes]")
            .await;
        browser.press("stop").await;

        // Cleared, the heel is as written again.
        tick(&browser, "diabetes", false).await;
        browser.js("location.hash = 'zone=left-heel'").await;
        browser
            .wait_for("[data-testid=zone-details] [data-testid=limits]")
            .await;
        assert_eq!(
            browser
                .js("return document.querySelector('[data-testid=applied]')")
                .await,
            json!(null),
            "{language:?}: cleared"
        );
        browser.assert_clean(&server).await;
        browser.close().await;
    }
}

#[tokio::test]
async fn a_clot_under_treatment_takes_the_legs_out_of_routines_and_says_so_until_cleared() {
    for language in [Language::English, Language::Spanish] {
        let server = Server::start();
        let browser = Browser::start(PHONE).await;
        open(&browser, &server, language, "routine=circulation-12").await;
        browser.wait_for(".step-list li").await;
        let written = browser.js(STEPS).await;

        tick(&browser, "clot-now", true).await;
        browser.js("location.hash = 'routine=circulation-12'").await;
        browser
            .wait_for("[data-testid=left-out] [data-caution=clot-now]")
            .await;
        let kept = browser.js(STEPS).await;
        assert!(
            kept.as_u64() < written.as_u64(),
            "{language:?}: {kept} steps of {written}"
        );
        // The leg check is still asked before a routine written for the legs.
        browser.wait_for("[data-testid=leg-check]").await;

        // The calf's own page says to leave it alone, first.
        browser.js("location.hash = 'zone=left-calf-inner'").await;
        browser
            .wait_for("[data-testid=zone-details] [data-testid=applied].stop[data-caution=clot-now]")
            .await;

        // The map marks the legs, by look and by name, and does again on
        // the next visit, which opens on the map; the feet stay as they were.
        browser
            .wait_for(".zone.is-ruled-out[data-zone=left-calf-inner]")
            .await;
        browser.js("location.hash = ''").await;
        browser.client.refresh().await.expect("the page reloads");
        browser.press_key("Shift").await;
        browser
            .wait_for(".zone.is-ruled-out[data-zone=right-calf-inner]")
            .await;
        let marked = browser
            .js("return [...document.querySelectorAll('.zone.is-ruled-out')].map(z => z.dataset.zone)")
            .await;
        assert!(
            marked
                .as_array()
                .unwrap()
                .iter()
                .all(|z| !z.as_str().unwrap().ends_with("heel")),
            "{language:?}: only the legs are marked, {marked}"
        );
        let label = browser
            .js("return document.querySelector('[data-zone=right-calf-inner]').getAttribute('aria-label')")
            .await;
        let plain = browser
            .js("return document.querySelector('[data-zone=right-heel]').getAttribute('aria-label')")
            .await;
        assert!(
            label.as_str().unwrap().len() > plain.as_str().unwrap().len() + 10,
            "{language:?}: the name says so, {label}"
        );
        if language == Language::English {
            for dark in [false, true] {
                browser.set_dark(dark).await;
                assert!(
                    browser.axe_violations().await.is_empty(),
                    "axe on the marked map, dark {dark}"
                );
            }
        }

        tick(&browser, "clot-now", false).await;
        browser.js("location.hash = 'routine=circulation-12'").await;
        browser.wait_for(".step-list li").await;
        assert_eq!(
            browser.js(STEPS).await,
            written,
            "{language:?}: cleared, every step is back"
        );
        assert_eq!(
            browser
                .js("return document.querySelector('[data-testid=left-out]')")
                .await,
            json!(null)
        );
        browser.assert_clean(&server).await;
        browser.close().await;
    }
}

#[tokio::test]
async fn on_a_phone_the_map_gives_way_where_the_page_is_for_reading() {
    let (server, browser) = support::session(PHONE, "zone=left-heel").await;
    for fragment in ["zone=left-heel", "routine=relax-10"] {
        browser.js(&format!("location.hash = '{fragment}'")).await;
        browser
            .wait_for("[data-testid=zone-details], [data-testid=player]")
            .await;
        browser
            .wait_for_js(
                "return document.querySelector('.app').classList.contains('reading')",
                json!(true),
            )
            .await;
        let height = browser
            .js("return document.querySelector('.map').getBoundingClientRect().height")
            .await;
        assert!(
            height.as_f64().unwrap() <= 844.0 / 3.0,
            "{fragment}: the map takes {height} px of 844"
        );
        // Reading on, it scrolls away.
        browser.js("window.scrollTo(0, 2000)").await;
        let bottom = browser
            .js("return document.querySelector('.map').getBoundingClientRect().bottom")
            .await;
        assert!(
            bottom.as_f64().unwrap() <= 0.0,
            "{fragment}: the map scrolled away ({bottom})"
        );
        browser.js("window.scrollTo(0, 0)").await;
    }
    browser.assert_clean(&server).await;
    browser.close().await;
}

#[tokio::test]
async fn the_new_states_pass_axe_light_and_dark_on_a_phone_and_a_desktop() {
    for size in [PHONE, DESKTOP] {
        let server = Server::start();
        let browser = Browser::start(size).await;
        open(&browser, &server, Language::English, "safety").await;
        tick(&browser, "clot-now", true).await;
        tick(&browser, "diabetes", true).await;
        for (fragment, shown) in [
            ("safety", "[data-testid=applies]"),
            ("zone=left-calf-inner", "[data-testid=applied]"),
            ("zone=left-heel", "[data-testid=applied]"),
            ("routine=circulation-12", "[data-testid=left-out]"),
            ("routines", "[data-testid=routine-filters]"),
        ] {
            browser.js(&format!("location.hash = '{fragment}'")).await;
            browser.wait_for(shown).await;
            for dark in [false, true] {
                browser.set_dark(dark).await;
                let found = browser.axe_violations().await;
                assert!(
                    found.is_empty(),
                    "{fragment} at {size:?}, dark {dark}: {found:#?}"
                );
                browser
                    .shot(&format!(
                        "{}-{}-{}",
                        fragment.replace('=', "-"),
                        size.0,
                        if dark { "dark" } else { "light" }
                    ))
                    .await;
            }
            browser.set_dark(false).await;
        }
        browser.assert_clean(&server).await;
        browser.close().await;
    }
}
