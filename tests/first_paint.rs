//! The first screen before the WebAssembly arrives, in headless Chromium
//! against the release build: the map is painted from the pre-rendered
//! HTML, the app takes it over without a visible change or a layout
//! shift when the reader first presses a key or touches the page (a
//! returning visit starts it at once), a zone or control chosen before then
//! opens once the app has started, and
//! without JavaScript the map still shows and the page says what needs it.

mod support;

use fantoccini::Locator;
use serde_json::json;
use std::time::Duration;
use support::{Browser, Server, DESKTOP, MAP_READY, PHONE, SHOWN_ZONE, WASM_FETCHED};

/// Sums every layout shift since navigation (observed from the start).
const WATCH_SHIFTS: &str = "window.shifts = []; window.shifted = []; \
    new PerformanceObserver((list) => { for (const e of list.getEntries()) { window.shifts.push(e.value); \
    for (const s of e.sources || []) { const n = s.node, el = n && (n.nodeType === 3 ? n.parentElement : n); \
    window.shifted.push(n ? `${n.nodeName} in ${el ? (el.id || el.className || el.nodeName) : '?'} ` + \
    `(${s.previousRect.y}->${s.currentRect.y}, at ${Math.round(e.startTime)} ms)` : '?'); } } }) \
    .observe({ type: 'layout-shift', buffered: true });";

/// Layout shifts are measured with no other browser of this file running:
/// with up to ten Chromiums at once on two cores, the page measured
/// rewrapped a paragraph while loading, before its app ran (seen twice, each
/// time in a fresh clone's first run, never on a rerun). The shift test
/// takes this for writing, the others for reading.
static ALONE: tokio::sync::RwLock<()> = tokio::sync::RwLock::const_new(());

/// The message for a page that cannot start is on screen.
const SLOW_SHOWN: &str = "const slow = document.getElementById('slow'); \
    return !!slow && getComputedStyle(slow).display !== 'none' && getComputedStyle(slow).visibility === 'visible'";

/// Opens the app with its WebAssembly held back, and waits until the
/// pre-rendered map is on screen.
async fn open_held(server: &Server, browser: &Browser, fragment: &str) {
    server.hold_wasm(true);
    browser
        .client
        .execute("location.href = arguments[0]", vec![json!(server.url(fragment))])
        .await
        .unwrap();
    browser
        .wait_for_js(
            "return document.querySelectorAll('#prerendered .zone').length > 0",
            json!(true),
        )
        .await;
}

#[tokio::test]
async fn the_map_is_painted_before_the_wasm_and_the_app_takes_it_over_unchanged() {
    let _alone = ALONE.write().await;
    for (size, name) in [(DESKTOP, "desktop"), (PHONE, "phone")] {
        let server = Server::start();
        let browser = Browser::start(size).await;
        browser.before_load(WATCH_SHIFTS).await;
        open_held(&server, &browser, "").await;
        let zones = browser
            .js("return document.querySelectorAll('#prerendered .zone').length")
            .await;
        assert_eq!(zones, json!(56), "{name}: 28 zones a side");
        assert_eq!(
            browser.js(MAP_READY).await,
            json!(false),
            "the app has not started"
        );
        let title = browser.text("#prerendered .welcome h2").await;
        assert_eq!(
            title.as_deref(),
            Some("Choose a zone"),
            "{name}: the opening text"
        );
        tokio::time::sleep(Duration::from_millis(300)).await;
        let before = browser.client.screenshot().await.unwrap();
        browser.shot(&format!("prerendered-{name}")).await;

        // Once painted, a first visit fetches the app's code, but does not
        // start it while the reader only looks.
        server.hold_wasm(false);
        browser.wait_for_js(WASM_FETCHED, json!(true)).await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        assert_eq!(
            browser.js(MAP_READY).await,
            json!(false),
            "{name}: the app waits for the reader"
        );
        // The first key starts it.
        browser.press_key("Shift").await;
        browser.wait_for_js(MAP_READY, json!(true)).await;
        assert_eq!(
            browser.js("return document.getElementById('prerendered')").await,
            serde_json::Value::Null,
            "the app replaced the pre-rendered markup"
        );
        tokio::time::sleep(Duration::from_millis(300)).await;
        let after = browser.client.screenshot().await.unwrap();
        assert!(
            before == after,
            "{name}: the app's first screen differs from the pre-rendered one"
        );
        let shifts = browser
            .js("return window.shifts.reduce((a, b) => a + b, 0)")
            .await;
        // (What moved, should anything: a shift of 0.004 on the phone was
        // seen once in a fresh clone's first run and never again.)
        let shifted = browser.js("return window.shifted.join(', ')").await;
        assert_eq!(shifts, json!(0), "{name}: no layout shift; moved: {shifted}");
        browser.assert_clean(&server).await;
        browser.close().await;
    }
}

#[tokio::test]
async fn a_zone_chosen_before_the_app_starts_opens_once_it_has() {
    let _shared = ALONE.read().await;
    let server = Server::start();
    let browser = Browser::start(PHONE).await;
    // The motion drawings hold still, so that two pictures can match.
    browser
        .cdp(
            "Emulation.setEmulatedMedia",
            json!({ "features": [{ "name": "prefers-reduced-motion", "value": "reduce" }] }),
        )
        .await;
    open_held(&server, &browser, "").await;
    // The 'taking longer' message, due 8 s after the tap on a slow
    // machine, is not part of either picture.
    browser
        .js("window.live = document.querySelector('#details [aria-live]'); \
             document.getElementById('slow').remove(); return null")
        .await;
    browser.click_zone("left-heel").await;
    assert_eq!(browser.js("return location.hash").await, json!("#zone=left-heel"));
    assert_eq!(
        browser
            .js(
                "const z = document.querySelector('#prerendered .zone[data-zone=left-heel]'); \
                 return [z.classList.contains('is-selected'), z.getAttribute('aria-pressed')]"
            )
            .await,
        json!([true, "true"]),
        "the choice shows at once, and is said"
    );
    // Its details show without the app: the build wrote them out.
    browser.wait_for_js(SHOWN_ZONE, json!("left-heel")).await;
    assert_eq!(
        browser.js(MAP_READY).await,
        json!(false),
        "the app has not started"
    );
    let heading = browser.text("#prerendered #details h2").await;
    assert_eq!(heading.as_deref(), Some("Heel"));
    assert_eq!(
        browser
            .js("return document.documentElement.classList.contains('waiting')")
            .await,
        json!(false),
        "a tap answered at once is not shown as waiting"
    );
    // Said by the panel's own live region, which stays in place.
    assert_eq!(
        browser
            .js("return window.live.isConnected ? window.live.textContent : 'replaced'")
            .await,
        json!("Left foot – heel selected")
    );
    let text = browser.text("#details").await;
    let before = panel_shot(&browser).await;
    browser.shot("zone-before-start").await;

    server.hold_wasm(false);
    browser.wait_for_js(MAP_READY, json!(true)).await;
    assert_eq!(browser.js(SHOWN_ZONE).await, json!("left-heel"));
    assert_eq!(
        browser.text("#details").await,
        text,
        "the app shows the same details"
    );
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        before == panel_shot(&browser).await,
        "the details look the same once the app has started"
    );
    browser.assert_clean(&server).await;
    browser.close().await;
}

/// A picture of the details panel alone.
async fn panel_shot(browser: &Browser) -> Vec<u8> {
    let panel = browser.client.find(Locator::Css("#details")).await.unwrap();
    panel.screenshot().await.unwrap()
}

#[tokio::test]
async fn a_link_to_a_zone_shows_its_details_before_the_app_has_started() {
    let _shared = ALONE.read().await;
    let server = Server::start();
    let browser = Browser::start(DESKTOP).await;
    open_held(&server, &browser, "zone=right-big-toe").await;
    browser.wait_for_js(SHOWN_ZONE, json!("right-big-toe")).await;
    assert_eq!(
        browser.js(MAP_READY).await,
        json!(false),
        "the app has not started"
    );
    assert_eq!(
        browser
            .js("return document.querySelector('#prerendered .zone[data-zone=right-big-toe]').classList.contains('is-selected')")
            .await,
        json!(true),
        "the zone is marked on the map"
    );
    server.hold_wasm(false);
    browser.wait_for_js(MAP_READY, json!(true)).await;
    assert_eq!(browser.js(SHOWN_ZONE).await, json!("right-big-toe"));
    browser.assert_clean(&server).await;
    browser.close().await;

    // A link to no zone is left to the app, which says so.
    let browser = Browser::start(DESKTOP).await;
    open_held(&server, &browser, "zone=left-nowhere").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(browser.js(SHOWN_ZONE).await, json!(null));
    server.hold_wasm(false);
    browser.wait_for_js(MAP_READY, json!(true)).await;
    let notice = browser.text(".notice").await.unwrap_or_default();
    assert!(!notice.is_empty(), "a broken link is explained: {notice:?}");
    // Nothing was fetched for it.
    browser.assert_clean(&server).await;
    browser.close().await;
}

#[tokio::test]
async fn a_zone_tapped_once_the_code_has_arrived_opens() {
    let _shared = ALONE.read().await;
    let server = Server::start();
    let browser = Browser::start(PHONE).await;
    browser.client.goto(&server.url("")).await.unwrap();
    browser.wait_for_js(WASM_FETCHED, json!(true)).await;
    // The loader compiles it meanwhile, so the tap starts it quickly: it
    // must not start so early that the tap's own click is lost.
    tokio::time::sleep(Duration::from_millis(1000)).await;
    assert_eq!(browser.js(MAP_READY).await, json!(false));
    browser.click_zone("left-heel").await;
    browser.wait_for_js(SHOWN_ZONE, json!("left-heel")).await;
    browser.assert_clean(&server).await;
    browser.close().await;
}

#[tokio::test]
async fn a_control_pressed_before_the_app_starts_is_pressed_again_and_keeps_focus() {
    let _shared = ALONE.read().await;
    let server = Server::start();
    let browser = Browser::start(PHONE).await;
    open_held(&server, &browser, "").await;
    // On a phone the map shows one view at a time; ask for the tops.
    browser.click(Locator::Css("#prerendered #tab-top")).await;
    // The press waits for the app, and the page shows that it is coming.
    assert_eq!(
        browser
            .js("return getComputedStyle(document.getElementById('prerendered'), '::before').content")
            .await,
        json!("\"\""),
        "a bar shows that the app is on its way"
    );
    browser.shot("waiting-for-the-app").await;
    server.hold_wasm(false);
    browser.wait_for_js(MAP_READY, json!(true)).await;
    browser
        .wait_for_js(
            "return document.getElementById('tab-top').getAttribute('aria-selected')",
            json!("true"),
        )
        .await;
    assert_eq!(
        browser.js("return document.activeElement.id").await,
        json!("tab-top"),
        "focus stays on the control"
    );
    browser.assert_clean(&server).await;
    browser.close().await;
}

#[tokio::test]
async fn a_returning_visit_starts_the_app_at_once() {
    let _shared = ALONE.read().await;
    let server = Server::start();
    let browser = Browser::start(PHONE).await;
    // A link to a page starts it without a touch.
    browser.client.goto(&server.url("zone=left-heel")).await.unwrap();
    browser.wait_for_js(MAP_READY, json!(true)).await;
    // So does coming back to the plain address once the app has been used
    // (its service worker now serves the page).
    browser
        .wait_for_js(
            "return navigator.serviceWorker.ready.then(() => true)",
            json!(true),
        )
        .await;
    browser.client.goto(&server.url("")).await.unwrap();
    browser.wait_for_js(MAP_READY, json!(true)).await;
    browser.assert_clean(&server).await;
    browser.close().await;
}

#[tokio::test]
async fn a_browser_without_webassembly_is_told_so_when_the_app_is_asked_for() {
    let _shared = ALONE.read().await;
    let server = Server::start();
    let browser = Browser::start(PHONE).await;
    browser.before_load("delete window.WebAssembly;").await;
    browser.client.goto(&server.url("")).await.unwrap();
    assert_eq!(
        browser.js(SLOW_SHOWN).await,
        json!(false),
        "no message while the reader only looks"
    );
    browser.press_key("Shift").await;
    browser.wait_for_js(SLOW_SHOWN, json!(true)).await;
    let message = browser.text("#slow").await.unwrap_or_default();
    assert!(message.contains("needs JavaScript and WebAssembly"), "{message}");
    assert_eq!(
        browser
            .js("return document.querySelectorAll('#prerendered .zone').length")
            .await,
        json!(56),
        "the map is still there to look at"
    );
    browser.assert_clean(&server).await;
    browser.close().await;
}

#[tokio::test]
async fn each_page_of_text_is_written_out_and_the_app_starts_on_it_unchanged() {
    let _shared = ALONE.read().await;
    let server = Server::start();
    for (file, fragment, written) in foot_map::shell::text_pages() {
        // A first visit each: once the app has run, it starts at once.
        let browser = Browser::start(PHONE).await;
        let url = format!("http://127.0.0.1:{}{}{file}", server.port, support::BASE);
        browser.client.goto(&url).await.unwrap();
        let heading = "return [...document.querySelectorAll('.app h2')] \
            .filter((h) => h.offsetParent).map((h) => h.textContent).join(' | ')";
        let shown = browser.js(heading).await;
        assert!(
            browser
                .js("return document.title")
                .await
                .as_str()
                .is_some_and(|t| t.starts_with(&format!("{} – ", foot_map::text::get(written.title)))),
            "{file} has its own title"
        );
        assert_eq!(
            browser.js(MAP_READY).await,
            json!(false),
            "{file}: not started yet"
        );
        tokio::time::sleep(Duration::from_millis(300)).await;
        let before = browser.client.screenshot().await.unwrap();
        browser.shot(&format!("prerendered-{fragment}")).await;

        browser.press_key("Shift").await;
        browser.wait_for_js(MAP_READY, json!(true)).await;
        assert_eq!(
            browser.js("return location.hash").await,
            json!(format!("#{fragment}")),
            "{file}: the app shows the same page"
        );
        assert_eq!(browser.js(heading).await, shown, "{file}: the same text");
        tokio::time::sleep(Duration::from_millis(300)).await;
        let after = browser.client.screenshot().await.unwrap();
        assert!(
            before == after,
            "{file}: the app's page differs from the pre-rendered one"
        );
        browser.assert_clean(&server).await;
        browser.close().await;
    }
}

#[tokio::test]
async fn when_the_apps_script_never_loads_a_click_still_gets_an_answer() {
    let _shared = ALONE.read().await;
    let server = Server::start();
    let browser = Browser::start(PHONE).await;
    browser.cdp("Network.enable", json!({})).await;
    browser
        .cdp("Network.setBlockedURLs", json!({ "urls": ["*.js"] }))
        .await;
    browser.client.goto(&server.url("")).await.unwrap();
    browser.click_zone("left-heel").await;
    // The zone is marked at once; the message follows the 8 s allowed.
    assert_eq!(browser.js("return location.hash").await, json!("#zone=left-heel"));
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    while browser.js(SLOW_SHOWN).await != json!(true) {
        assert!(
            std::time::Instant::now() < deadline,
            "no message for a page that cannot start"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    browser.close().await;
}

#[tokio::test]
async fn without_javascript_the_map_shows_and_the_page_says_what_needs_it() {
    let _shared = ALONE.read().await;
    let server = Server::start();
    let browser = Browser::start(DESKTOP).await;
    browser
        .cdp("Emulation.setScriptExecutionDisabled", json!({ "value": true }))
        .await;
    browser.client.goto(&server.url("")).await.unwrap();
    let shown = browser
        .cdp(
            "Runtime.evaluate",
            json!({ "expression": "[document.querySelectorAll('.zone').length, document.querySelector('.site-nav')?.textContent, getComputedStyle(document.querySelector('.no-script') ?? document.body).display]", "returnByValue": true }),
        )
        .await;
    let value = &shown["result"]["value"];
    assert_eq!(value[0], json!(56), "the map is drawn: {shown}");
    assert!(value[1].as_str().unwrap_or_default().contains("Routines"));
    browser.shot("no-javascript").await;
    let page = browser.client.source().await.unwrap();
    assert!(page.contains("Foot Map needs JavaScript to open a zone"));
    // The pages of text can be read without it.
    browser
        .click(Locator::Css(".no-script a[href='safety.html']"))
        .await;
    let heading = browser
        .cdp(
            "Runtime.evaluate",
            json!({ "expression": "[location.pathname, [...document.querySelectorAll('.app h2')].map((h) => h.textContent).join(' | ')]", "returnByValue": true }),
        )
        .await;
    let value = &heading["result"]["value"];
    assert!(
        value[0].as_str().unwrap_or_default().ends_with("/safety.html"),
        "{heading}"
    );
    assert!(
        value[1].as_str().unwrap_or_default().contains("Safety first"),
        "{heading}"
    );
    browser.shot("no-javascript-safety").await;
    browser.close().await;
}
