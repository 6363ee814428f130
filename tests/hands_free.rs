//! Hands busy, phone across the room, in headless Chromium against the
//! release build: headset and lock-screen buttons (the Media Session API,
//! faked before the app loads so the test can press them), a buzz at each
//! step change, the move to the other foot said, shown and chimed in a
//! chime of its own, and an app Chromium can install.

mod support;

use serde_json::json;
use support::{Browser, DESKTOP, PHONE, STATUS};

/// A media session whose buttons the test can press, and a vibration
/// motor that counts buzzes.
const FAKE_HEADSET: &str = "window.handlers = {}; window.buzzes = []; \
    const session = { metadata: null, playbackState: 'none', \
      setActionHandler(action, handler) { window.handlers[action] = handler; } }; \
    Object.defineProperty(Navigator.prototype, 'mediaSession', { get: () => session, configurable: true }); \
    Object.defineProperty(Navigator.prototype, 'vibrate', { value: (p) => { window.buzzes.push(p); return true; }, configurable: true });";

const STEP: &str = "return document.querySelector('[data-testid=countdown]')?.dataset.step ?? null";
const BUZZES: &str = "return window.buzzes.length";
const TITLE: &str = "return navigator.mediaSession.metadata?.title ?? null";

/// Opens the 3-minute routine and taps Start, as a finger would.
async fn tap_start(browser: &Browser) {
    browser.js("location.hash = 'routine=quick-3'").await;
    browser.wait_for_js(STATUS, json!("idle")).await;
    browser
        .click(fantoccini::Locator::Css("[data-testid=start]"))
        .await;
    browser.wait_for_js(STATUS, json!("get-ready")).await;
}

async fn press_button(browser: &Browser, action: &str) {
    browser.js(&format!("window.handlers['{action}']()")).await;
}

#[tokio::test]
async fn a_routine_runs_to_its_end_on_headset_buttons_alone() {
    let (server, browser) = support::session_with(PHONE, "", &[FAKE_HEADSET]).await;
    // The one tap: Start (a real tap, which lets the page vibrate).
    // Everything after is headset buttons.
    tap_start(&browser).await;
    let buttons = browser.js("return Object.keys(window.handlers).sort()").await;
    assert_eq!(
        buttons,
        json!(["nexttrack", "pause", "play", "previoustrack", "stop"])
    );
    assert_eq!(
        browser.js(TITLE).await,
        json!("Left foot – inner ball, thumb walking")
    );
    assert_eq!(
        browser.js("return navigator.mediaSession.metadata.artist").await,
        json!("3-minute quick reset")
    );
    assert_eq!(
        browser.js(BUZZES).await,
        json!(0),
        "no buzz before the first step"
    );

    press_button(&browser, "nexttrack").await;
    browser.wait_for_js(STATUS, json!("running")).await;
    assert_eq!(browser.js(BUZZES).await, json!(1), "the first step buzzes once");
    press_button(&browser, "pause").await;
    browser.wait_for_js(STATUS, json!("paused")).await;
    assert_eq!(
        browser.js("return navigator.mediaSession.playbackState").await,
        json!("paused")
    );
    press_button(&browser, "play").await;
    browser.wait_for_js(STATUS, json!("running")).await;
    assert_eq!(
        browser.js(BUZZES).await,
        json!(1),
        "resuming is not a step change"
    );
    assert_eq!(
        browser.js("return navigator.mediaSession.playbackState").await,
        json!("playing")
    );

    // Step by step to the end; each change buzzes once.
    for step in 1..6 {
        press_button(&browser, "nexttrack").await;
        browser.wait_for_js(STEP, json!(step.to_string())).await;
        assert_eq!(browser.js(BUZZES).await, json!(step + 1));
        if step == 3 {
            assert_eq!(
                browser.text("[data-testid=switch]").await.as_deref(),
                Some("Now the right foot."),
                "the move to the other foot is shown"
            );
            assert_eq!(
                browser.js(TITLE).await,
                json!("Right foot – inner ball, thumb walking")
            );
            browser.shot("switch-phone").await;
        }
    }
    press_button(&browser, "previoustrack").await;
    browser.wait_for_js(STEP, json!("4")).await;
    press_button(&browser, "nexttrack").await;
    browser.wait_for_js(STEP, json!("5")).await;
    press_button(&browser, "nexttrack").await;
    browser.wait_for_js(STATUS, json!("finished")).await;
    assert_eq!(
        browser.js("return window.buzzes.at(-1)").await,
        json!([200, 100, 200]),
        "the end has its own buzz"
    );
    assert_eq!(
        browser.js("return navigator.mediaSession.playbackState").await,
        json!("none")
    );
    browser.assert_clean(&server).await;
    browser.close().await;
}

#[tokio::test]
async fn the_buzz_can_be_turned_off_and_stays_off() {
    let (server, browser) = support::session_with(DESKTOP, "routine=quick-3", &[FAKE_HEADSET]).await;
    browser.wait_for_js(STATUS, json!("idle")).await;
    browser.press("vibrate").await;
    browser
        .wait_for_js(
            // (Nothing may be saved yet when it first looks.)
            &support::store("?.settings.vibrate"),
            json!(false),
        )
        .await;
    browser.client.refresh().await.unwrap();
    tap_start(&browser).await;
    press_button(&browser, "nexttrack").await;
    browser.wait_for_js(STATUS, json!("running")).await;
    press_button(&browser, "nexttrack").await;
    browser.wait_for_js(STEP, json!("1")).await;
    assert_eq!(browser.js(BUZZES).await, json!(0));
    assert_eq!(
        browser
            .js("return document.querySelector('[data-testid=vibrate]').checked")
            .await,
        json!(false)
    );
    browser.assert_clean(&server).await;
    browser.close().await;
}

#[tokio::test]
async fn chromium_can_install_it_from_a_sub_path() {
    let (server, browser) = support::session(DESKTOP, "").await;
    let errors = browser.cdp("Page.getInstallabilityErrors", json!({})).await;
    assert_eq!(errors["installabilityErrors"], json!([]), "{errors}");
    let manifest = browser.cdp("Page.getAppManifest", json!({})).await;
    let url = manifest["url"].as_str().unwrap_or_default();
    assert!(
        url.ends_with(&format!("{}manifest.webmanifest", support::BASE)),
        "{manifest}"
    );
    let text: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(support::dist().join("manifest.webmanifest")).unwrap())
            .unwrap();
    assert_eq!(
        text["start_url"],
        json!("./"),
        "relative: works under any sub-path"
    );
    assert_eq!(text["display"], json!("standalone"));
    assert!(text["icons"]
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["purpose"] == json!("maskable")));
    assert!(text["shortcuts"].as_array().unwrap().len() >= 2);
    browser.assert_clean(&server).await;
    browser.close().await;
}

#[tokio::test]
async fn every_move_is_drawn_on_the_panel_and_the_lit_zone_and_is_still_under_reduced_motion() {
    let shifts = "window.shifts = 0; new PerformanceObserver((l) => { for (const e of l.getEntries()) \
        if (!e.hadRecentInput) window.shifts += e.value; }).observe({ type: 'layout-shift', buffered: true });";
    let (server, browser) = support::session_with(PHONE, "", &[FAKE_HEADSET, shifts]).await;
    let content = foot_map::content::content();
    for technique in &content.techniques {
        let zone = content
            .zones
            .iter()
            .find(|z| z.methods.iter().any(|m| m.technique == technique.id))
            .unwrap_or_else(|| panic!("some zone uses {}", technique.id));
        browser
            .js(&format!("location.hash = 'zone=left-{}'", zone.id))
            .await;
        browser
            .wait_for_js(
                &format!(
                    "return document.querySelectorAll('[data-testid=zone-details] .motion[data-technique={}] .motion-arrow').length > 0",
                    technique.id
                ),
                json!(true),
            )
            .await;
    }
    browser.shot("motion-panel-phone").await;

    // On the lit zone during a routine, moving with the steps.
    tap_start(&browser).await;
    press_button(&browser, "nexttrack").await;
    browser.wait_for_js(STATUS, json!("running")).await;
    let on_map = "return [...document.querySelectorAll('.view .motion')].map(m => m.dataset.technique)";
    browser.wait_for_js(on_map, json!(["thumb-walking"])).await;
    press_button(&browser, "nexttrack").await;
    browser.wait_for_js(on_map, json!(["knuckle-press"])).await;
    browser.shot("motion-map-phone").await;
    let moving = "return document.querySelector('.view .motion').getAnimations({ subtree: true }).length";
    assert!(browser.js(moving).await.as_u64().unwrap() > 0, "it moves");
    assert_eq!(
        browser.js("return window.shifts").await,
        json!(0),
        "drawing the move shifts nothing"
    );

    // Under reduced motion: still, with its arrows.
    browser
        .cdp(
            "Emulation.setEmulatedMedia",
            json!({ "features": [{ "name": "prefers-reduced-motion", "value": "reduce" }] }),
        )
        .await;
    assert_eq!(browser.js(moving).await, json!(0), "nothing moves");
    assert_eq!(
        browser
            .js("return [...document.querySelectorAll('.view .motion .motion-arrow')].filter(a => getComputedStyle(a).display !== 'none' && getComputedStyle(a).visibility !== 'hidden').length > 0")
            .await,
        json!(true),
        "the arrows stay"
    );
    browser.assert_clean(&server).await;
    browser.close().await;
}

/// Keeps the frequency of every note the page schedules, rounded, in
/// `window.__notes`.
const NOTE_LOG: &str = "window.__notes = []; \
    if (window.AudioContext) { \
      const create = AudioContext.prototype.createOscillator; \
      const value = Object.getOwnPropertyDescriptor(AudioParam.prototype, 'value'); \
      AudioContext.prototype.createOscillator = function () { \
        const osc = create.call(this); const param = osc.frequency; \
        Object.defineProperty(param, 'value', { get() { return value.get.call(param); }, \
          set(v) { window.__notes.push(Math.round(v)); value.set.call(param, v); } }); \
        return osc; }; }";

#[tokio::test]
async fn the_move_to_the_other_foot_has_a_chime_of_its_own_and_the_settings_say_what_each_means() {
    // The page's own chimes, as where no track can be made (the track's
    // cues, the same sounds, are checked in tests/screen_off.rs).
    let no_track = "URL.createObjectURL = undefined;";
    let (server, browser) = support::session_with(DESKTOP, "routine=relax-10", &[NOTE_LOG, no_track]).await;
    browser.wait_for_js(STATUS, json!("idle")).await;
    let explained = browser.text("[data-testid=chimes-explained]").await.unwrap();
    assert!(explained.contains("other foot or leg"), "{explained}");
    browser.start_routine("relax-10").await;
    browser.press("next").await;
    browser.wait_for_js(STATUS, json!("running")).await;
    // Steps on the same foot: two rising notes each.
    let notes = "return window.__notes.join(' ')";
    browser
        .wait_for_js("return window.__notes.length >= 4", json!(true))
        .await;
    let heard = browser.js(notes).await;
    assert!(
        heard.as_str().unwrap().replace("659 988", "").trim().is_empty(),
        "only the step's chime: {heard}"
    );
    // Step 8 is the first on the right foot: high, low, high.
    browser.js("window.__notes = []").await;
    browser
        .js("document.querySelectorAll('.step-button')[7].click()")
        .await;
    browser.wait_for_js(STEP, json!("7")).await;
    let heard = browser.js(notes).await;
    assert!(
        heard.as_str().unwrap().starts_with("988 659 988"),
        "the other foot's chime: {heard}"
    );
    browser.assert_clean(&server).await;
    browser.close().await;
}
