//! End-to-end tests: the release build, served over HTTP under a sub-path,
//! driven in headless Chromium the way a person uses it.

mod support;

use fantoccini::Locator;
use support::{Browser, Server, DESKTOP, PHONE};

const ENTER: &str = "\u{E007}";
const TAB: &str = "\u{E004}";

async fn pressed(browser: &Browser, zone: &str) -> Option<String> {
    let el = browser
        .client
        .find(Locator::Css(&format!("[data-zone='{zone}']")))
        .await
        .ok()?;
    el.attr("aria-pressed").await.ok().flatten()
}

#[tokio::test]
async fn clicking_a_zone_shows_its_details_and_puts_it_in_the_url() {
    let (_server, browser) = support::session(DESKTOP, "").await;
    assert_eq!(
        browser.details_title().await,
        None,
        "nothing is selected at first"
    );

    browser.click_zone("right-heel").await;
    browser
        .wait_for_text("[data-testid=zone-details] h2", "Heel")
        .await;
    let details = browser.text("[data-testid=zone-details]").await.unwrap();
    assert!(details.contains("Right foot"));
    assert!(details.contains("How to massage it"));
    assert!(details.contains("Claimed benefits"));
    assert!(details.contains("Take care"));
    // The general cautions reach every zone, folded to their titles under
    // what to do, so the zone's own stay in view: the heel, pressed firmly,
    // shows the caution for numb feet.
    let folded = browser.text("[data-testid=general-care]").await.unwrap()
        + &browser.text("[data-testid=general-stop]").await.unwrap();
    for caution in foot_map::content::whole()
        .cautions
        .iter()
        .filter(|c| c.zones.is_empty())
    {
        assert!(
            folded.contains(&caution.title),
            "the heel shows “{}”",
            caution.title
        );
    }
    assert!(folded.contains("numb feet"), "{folded}");
    let steps = browser.client.find_all(Locator::Css(".steps li")).await.unwrap();
    assert!(!steps.is_empty(), "numbered steps are shown");
    assert_eq!(pressed(&browser, "right-heel").await.as_deref(), Some("true"));
    assert_eq!(pressed(&browser, "left-heel").await.as_deref(), Some("false"));
    let url = browser.client.current_url().await.unwrap();
    assert_eq!(url.fragment(), Some("zone=right-heel"));
    browser.close().await;
}

#[tokio::test]
async fn zones_can_be_chosen_with_the_keyboard() {
    let (_server, browser) = support::session(DESKTOP, "").await;

    let toe = browser
        .client
        .find(Locator::Css("[data-zone='left-big-toe']"))
        .await
        .unwrap();
    toe.send_keys(ENTER).await.expect("Enter reaches the zone");
    browser
        .wait_for_text("[data-testid=zone-details] h2", "Big toe")
        .await;
    assert_eq!(pressed(&browser, "left-big-toe").await.as_deref(), Some("true"));

    // The map is one Tab stop, on the zone chosen.
    let stops = "return [...document.querySelectorAll('.zone')].filter(z => z.getAttribute('tabindex') === '0').map(z => z.dataset.zone)";
    assert_eq!(browser.js(stops).await, serde_json::json!(["left-big-toe"]));
    // An arrow key moves on to another zone, and Space chooses it.
    toe.send_keys("\u{E014}").await.unwrap();
    let focused = browser
        .js("return document.activeElement.dataset.zone || null")
        .await;
    let next = focused
        .as_str()
        .expect("the arrow moves focus to another zone")
        .to_owned();
    browser.shot("keyboard-focus").await;
    assert_ne!(next, "left-big-toe");
    let el = browser.client.active_element().await.unwrap();
    el.send_keys(" ").await.unwrap();
    let shown = "return document.querySelector('[data-testid=zone-details]')?.dataset.zone";
    browser.wait_for_js(shown, serde_json::json!(next)).await;
    assert_eq!(pressed(&browser, &next).await.as_deref(), Some("true"));
    assert_eq!(pressed(&browser, "left-big-toe").await.as_deref(), Some("false"));
    let scrolled = browser.js("return window.scrollY").await;
    assert_eq!(scrolled.as_f64(), Some(0.0), "Space selects instead of scrolling");
    // Tab leaves the map: the details come next, not 55 more zones.
    let el = browser.client.active_element().await.unwrap();
    el.send_keys(TAB).await.unwrap();
    assert_eq!(
        browser
            .js("return document.activeElement.classList.contains('zone')")
            .await,
        serde_json::json!(false),
        "Tab leaves the map"
    );
    browser.close().await;
}

#[tokio::test]
async fn a_zone_link_opens_that_zone_and_back_returns_to_the_previous_one() {
    let (_server, browser) = support::session(DESKTOP, "zone=left-calf-inner").await;
    browser
        .wait_for_text("[data-testid=zone-details] .eyebrow", "Left leg")
        .await;
    assert_eq!(
        pressed(&browser, "left-calf-inner").await.as_deref(),
        Some("true")
    );

    browser.click_zone("right-arch-inner").await;
    browser
        .wait_for_text("[data-testid=zone-details] .eyebrow", "Right foot")
        .await;
    browser.click_zone("left-little-toe").await;
    browser
        .wait_for_text("[data-testid=zone-details] h2", "Little toe")
        .await;

    browser.client.back().await.unwrap();
    browser
        .wait_for_text("[data-testid=zone-details] .eyebrow", "Right foot")
        .await;
    assert_eq!(
        pressed(&browser, "right-arch-inner").await.as_deref(),
        Some("true")
    );
    browser.client.back().await.unwrap();
    browser
        .wait_for_text("[data-testid=zone-details] .eyebrow", "Left leg")
        .await;
    browser.client.forward().await.unwrap();
    browser
        .wait_for_text("[data-testid=zone-details] .eyebrow", "Right foot")
        .await;
    browser.close().await;
}

#[tokio::test]
async fn a_bad_link_shows_a_message_and_the_map_still_works() {
    let server = Server::start();
    let browser = Browser::start(DESKTOP).await;
    let long = format!("zone={}", "x".repeat(400));
    for (fragment, says) in [
        ("zone=nonsense", "nonsense"),
        (long.as_str(), "too long"),
        ("%3Cscript%3E!!", "cannot read"),
    ] {
        browser.open(&server.url(fragment)).await;
        browser.wait_for_text("[data-testid=link-notice]", says).await;
        assert_eq!(browser.details_title().await, None);
    }

    browser.click_zone("left-instep").await;
    browser
        .wait_for_text("[data-testid=zone-details] h2", "Instep")
        .await;
    assert_eq!(
        browser.text("[data-testid=link-notice]").await,
        None,
        "the message goes once a zone is chosen"
    );
    browser.close().await;
}

/// A panic in the hosted build stops the wasm with a trap, which reaches the
/// page as an uncaught `WebAssembly.RuntimeError`. The release build offers
/// no way to make the app panic, so the test throws that error the way a
/// trap does and checks what the reader sees.
#[tokio::test]
async fn a_crash_in_the_app_shows_a_readable_error_not_a_blank_page() {
    let (server, browser) = support::session(DESKTOP, "").await;
    // The page's policy refuses inline scripts that are not its own, like
    // the ones this test adds to throw from inside the page: set it aside.
    browser
        .cdp("Page.setBypassCSP", serde_json::json!({ "enabled": true }))
        .await;
    browser.open(&server.url("")).await;
    let fatal_shown = "return !document.getElementById('fatal').hidden";
    // Thrown from a script in the page, since errors from WebDriver's own
    // scripts reach the page muted, without the error object.
    let throw_in_page = |error: &str| {
        format!(
            "const s = document.createElement('script'); \
             s.textContent = 'setTimeout(() => {{ throw new {error}; }})'; \
             document.head.append(s);"
        )
    };

    // Someone else's script failing (an extension, say) is not the app's.
    browser.js(&throw_in_page("Error(\"not the app\")")).await;
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    assert_eq!(browser.js(fatal_shown).await, serde_json::json!(false));

    browser
        .js(&throw_in_page("WebAssembly.RuntimeError(\"unreachable\")"))
        .await;
    browser.wait_for_js(fatal_shown, serde_json::json!(true)).await;
    let message = browser.text("#fatal").await.unwrap();
    assert!(message.contains("Something went wrong"), "{message}");
    assert!(message.contains("Reload the page"), "{message}");

    // A trap inside async code (a promise) reaches the page another way.
    browser.open(&server.url("")).await;
    assert_eq!(browser.js(fatal_shown).await, serde_json::json!(false));
    browser
        .js("const s = document.createElement('script'); \
             s.textContent = 'Promise.reject(new WebAssembly.RuntimeError(\"unreachable\"))'; \
             document.head.append(s);")
        .await;
    browser.wait_for_js(fatal_shown, serde_json::json!(true)).await;
    browser.close().await;
}

#[tokio::test]
async fn every_zone_opens_its_details_without_console_errors_or_failed_requests() {
    let (server, browser) = support::session(DESKTOP, "").await;
    let zones = browser.client.find_all(Locator::Css(".zone")).await.unwrap();
    assert!(
        zones.len() >= 40,
        "at least 20 zones per foot, found {}",
        zones.len()
    );

    for zone in zones {
        let id = zone
            .attr("data-zone")
            .await
            .unwrap()
            .expect("zones name themselves");
        assert_eq!(
            zone.attr("role").await.unwrap().as_deref(),
            Some("button"),
            "{id}"
        );
        // Each can take focus; the map is one Tab stop (the arrows move).
        let tabindex = zone.attr("tabindex").await.unwrap();
        assert!(
            matches!(tabindex.as_deref(), Some("0" | "-1")),
            "{id}: {tabindex:?}"
        );
        let name = zone.attr("aria-label").await.unwrap().unwrap_or_default();
        assert!(
            name.contains(" – "),
            "{id} has an accessible name with side and zone: {name:?}"
        );
        browser.click_zone(&id).await;
        // (The first brings the details' code, a moment later.)
        browser
            .wait_for_js(
                "return document.querySelector('[data-testid=zone-details]')?.dataset.zone",
                serde_json::json!(id),
            )
            .await;
    }
    browser.assert_clean(&server).await;
    assert!(
        server.served().iter().any(|s| s.path.ends_with("favicon.svg")),
        "the favicon is requested and found"
    );
    browser.close().await;
}

#[tokio::test]
async fn on_a_phone_tabs_switch_between_views() {
    let (server, browser) = support::session(PHONE, "").await;
    let visible = "return [...document.querySelectorAll('.view')].filter(v => v.offsetParent !== null).map(v => v.dataset.view)";
    assert_eq!(browser.js(visible).await, serde_json::json!(["sole"]));

    let tab = browser
        .client
        .find(Locator::Css("[role=tab]#tab-inner"))
        .await
        .unwrap();
    tab.click().await.unwrap();
    assert_eq!(browser.js(visible).await, serde_json::json!(["inner"]));
    assert_eq!(tab.attr("aria-selected").await.unwrap().as_deref(), Some("true"));

    // A link to a zone in another view switches to that view.
    browser.open(&server.url("zone=right-toe-tops")).await;
    browser.wait_for_js(visible, serde_json::json!(["top"])).await;
    browser.click_zone("left-top-inner").await;
    browser
        .wait_for_text("[data-testid=zone-details] .eyebrow", "Left foot")
        .await;
    browser.close().await;
}

/// Nothing on a phone is wider than the screen: no page scrolls sideways
/// and no button is cut off, whatever the page shows.
#[tokio::test]
async fn on_a_phone_no_page_scrolls_sideways() {
    let server = Server::start();
    let browser = Browser::start(PHONE).await;
    let fragments = [
        "",
        "zone=right-big-toe",
        "zone=nonsense",
        // A link error quotes what it could not read, however long the word.
        "zone=utm_source_newsletter_spring_campaign_2026",
        "routines",
        "routine=full-20",
        "benefits",
        "benefit=relaxing",
        "evidence",
        "safety",
    ];
    for fragment in fragments {
        browser.open(&server.url(fragment)).await;
        let overflow = browser
            .js("const e = document.documentElement; return e.scrollWidth - e.clientWidth")
            .await;
        assert_eq!(
            overflow,
            serde_json::json!(0),
            "#{fragment} is wider than the phone"
        );
    }
    browser.close().await;
}

#[tokio::test]
async fn after_a_first_visit_the_app_works_offline() {
    let (server, browser) = support::session(DESKTOP, "").await;
    browser.wait_for_service_worker().await;
    // Reading a page of text on its own address (which the service worker
    // passes through) does not take the app's place in the offline copy.
    let safety = format!("{}safety.html", server.url(""));
    browser.open(&safety).await;
    // The worker's write, if it made one, has landed by now.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let cached_page = r#"const done = arguments[arguments.length - 1];
        caches.match('./').then((r) => r ? r.text() : '').then((t) => done(t.includes('id=prerendered') && !t.includes('data-page')));"#;
    assert_eq!(
        browser.client.execute_async(cached_page, vec![]).await.unwrap(),
        serde_json::json!(true),
        "the offline copy is still the app's own page"
    );

    server.set_offline(true);
    browser.open(&server.url("zone=right-little-toe")).await;
    browser.client.refresh().await.unwrap();
    browser
        .wait_for_text("[data-testid=zone-details] h2", "Little toe")
        .await;
    browser.click_zone("left-heel").await;
    browser
        .wait_for_text("[data-testid=zone-details] h2", "Heel")
        .await;
    // The pages whose code is fetched when first opened work offline too,
    // though this visit never opened them: the service worker keeps that
    // code with the rest.
    for (fragment, testid) in [
        ("routines", "new-routine"),
        ("history", "history"),
        ("evidence", "evidence-page"),
    ] {
        browser.js(&format!("location.hash = '{fragment}'")).await;
        browser
            .wait_for_js(
                &format!("return !!document.querySelector('[data-testid={testid}]')"),
                serde_json::json!(true),
            )
            .await;
    }
    // The plain address offline is still the map.
    browser.open(&server.url("")).await;
    assert_eq!(
        browser.js("return !!document.querySelector('.app.on-map')").await,
        serde_json::json!(true),
        "offline, the app's address opens the map"
    );
    server.set_offline(false);
    browser.close().await;
}

/// The text only other pages show (the sources' findings, the routines'
/// steps, a zone's details...) is not in the wasm a first visit downloads, but in the code
/// of the pages that show it.
#[test]
fn the_text_of_other_pages_travels_with_their_code_not_the_first_download() {
    let dist = support::dist();
    let (mut main, mut later, mut english) = (Vec::new(), Vec::new(), Vec::new());
    for entry in std::fs::read_dir(&dist).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name.ends_with("_bg.wasm") {
            main.extend(std::fs::read(dist.join(&name)).unwrap());
        } else if name.ends_with(".wasm") {
            if name.starts_with("split_lang_en") {
                english.extend(std::fs::read(dist.join(&name)).unwrap());
            }
            later.extend(std::fs::read(dist.join(&name)).unwrap());
        }
    }
    let whole = foot_map::content::whole();
    let texts = [
        whole.sources[0].finding.as_str(),
        whole.sources[1].title.as_str(),
        whole.safety.intro.as_str(),
        whole.routines[0].summary.as_str(),
        // A zone's details come with their own code, when first opened.
        heel_location(whole),
    ];
    let holds = |wasm: &[u8], text: &str| wasm.windows(text.len()).any(|w| w == text.as_bytes());
    for text in texts {
        assert!(!holds(&main, text), "the main wasm carries {text:?}");
        assert!(holds(&later, text), "no part carries {text:?}");
    }
    // The map's own English (its advice, the welcome) comes with the
    // English first-screen part, which only English readers download: the
    // main wasm, which every reader downloads, has none of it.
    for text in [
        whole.advice[0].text.as_str(),
        foot_map::text::key::WELCOME_TITLE.english,
        foot_map::text::key::MAP_HEADING.english,
    ] {
        assert!(!holds(&main, text), "the main wasm carries {text:?}");
        assert!(holds(&english, text), "the English part lacks {text:?}");
    }
}

fn heel_location(whole: &'static foot_map::content::Whole) -> &'static str {
    &whole.zones.iter().find(|z| z.id == "heel").unwrap().location
}

#[tokio::test]
async fn the_map_starts_without_the_code_or_styles_of_other_pages_which_come_when_one_is_opened() {
    let (server, browser) = support::session(DESKTOP, "").await;
    // What this page itself fetched (the service worker's own caching, which
    // follows the start, is not the page's).
    let fetched =
        "return performance.getEntriesByType('resource').map(e => e.name.split('/').pop()).join(' ')";
    let before = browser.js(fetched).await.to_string();
    assert!(before.contains("_bg.wasm"), "the app's code: {before}");
    // Its words and content in the reader's language, and nothing else.
    assert!(before.contains("split_lang_en"), "the English words: {before}");
    assert!(
        !before.replace("split_lang_en", "").contains("split_"),
        "the map fetched the code of pages not opened: {before}"
    );
    assert!(
        !before.contains("later-"),
        "the map fetched the styles of pages not opened: {before}"
    );
    browser.click_zone("left-heel").await;
    browser
        .wait_for_text("[data-testid=zone-details] h2", "Heel")
        .await;
    browser.click(Locator::Css(".site-nav a[href='#routines']")).await;
    browser.wait_for("[data-testid=new-routine]").await;
    let after = browser.js(fetched).await.to_string();
    assert!(after.contains("split_routines"), "{after}");
    // The person's practice (saved data, player, editor) comes with it.
    assert!(after.contains("split_practice"), "{after}");
    assert!(!after.contains("split_history"), "{after}");
    // Their styles came with them, before the page showed: the routine
    // cards are laid out as a grid from the first frame.
    assert!(after.contains("later-"), "{after}");
    let cards = "return getComputedStyle(document.querySelector('.cards')).display";
    assert_eq!(browser.js(cards).await, serde_json::json!("grid"));
    // Back to the zone, at once: its code never left.
    browser.client.back().await.unwrap();
    browser
        .wait_for_text("[data-testid=zone-details] h2", "Heel")
        .await;
    browser.assert_clean(&server).await;
    browser.close().await;
}
