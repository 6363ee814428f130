//! The routine player, end to end in headless Chromium against the release
//! build: real time, real clicks and keys.

mod support;

use foot_map::content::whole;
use foot_map::state::player::step_zone;
use serde_json::{json, Value};
use std::time::Duration;
use support::{Browser, Server, DESKTOP, PHONE, STATUS};

const STEP: &str = "return document.querySelector('[data-testid=countdown]')?.dataset.step ?? null";
const COUNTDOWN: &str = "return document.querySelector('[data-testid=countdown]')?.textContent ?? null";
const CURRENT_ZONE: &str =
    "return [...document.querySelectorAll('.zone.is-current')].map(z => z.dataset.zone)";

/// Seconds shown on the countdown face (m:ss).
async fn seconds_left(browser: &Browser) -> u64 {
    let text = browser.js(COUNTDOWN).await;
    let text = text.as_str().expect("a countdown is shown");
    let (m, s) = text.split_once(':').expect("m:ss");
    m.parse::<u64>().unwrap() * 60 + s.parse::<u64>().unwrap()
}

async fn key(browser: &Browser, key: &str) {
    // Keys go to the page, as when the phone lies on the sofa and a
    // keyboard or remote is used; focus is on the page body.
    browser.js("document.activeElement?.blur()").await;
    let body = browser
        .client
        .find(fantoccini::Locator::Css("body"))
        .await
        .unwrap();
    body.send_keys(key).await.unwrap();
}

fn zone_of(routine: &str, step: usize) -> String {
    let routine = whole().routines.iter().find(|r| r.id == routine).unwrap();
    step_zone(&routine.steps[step]).slug()
}

#[tokio::test]
async fn a_routine_counts_down_in_real_time_and_pause_freezes_it() {
    let (_server, browser) = support::session(DESKTOP, "routine=quick-3").await;
    browser.wait_for_js(STATUS, json!("idle")).await;
    browser.press("start").await;
    browser.wait_for_js(STATUS, json!("get-ready")).await;
    assert!(
        seconds_left(&browser).await <= 5,
        "a short get-ready countdown comes first"
    );
    browser.wait_for_js(STATUS, json!("running")).await;
    assert_eq!(browser.js(STEP).await, json!("0"));
    // Touch targets: every visible control is at least 44 by 44 CSS pixels.
    let small = browser
        .js(
            "return [...document.querySelectorAll('[data-testid=player] button, [data-testid=player] a')]
                .filter(b => b.offsetParent && b.closest('.controls, .segmented, .step-list'))
                .map(b => [b.textContent.trim(), b.getBoundingClientRect()])
                .filter(([, r]) => r.width < 44 || r.height < 44).map(([t]) => t)",
        )
        .await;
    assert_eq!(small, json!([]), "controls smaller than 44 by 44 px");
    // Screen readers hear the step change once, politely; the countdown
    // itself is a timer, which is not read out every second.
    let said = "return document.querySelector('[data-testid=player] [aria-live=polite]').textContent";
    assert!(browser
        .js(said)
        .await
        .as_str()
        .unwrap()
        .starts_with("Step 1 of 6"));
    assert_eq!(
        browser
            .js("return document.querySelector('[data-testid=countdown]').getAttribute('role')")
            .await,
        json!("timer")
    );

    assert_eq!(
        browser.js(CURRENT_ZONE).await,
        json!([zone_of("quick-3", 0)]),
        "the step's zone lights up"
    );

    let first = seconds_left(&browser).await;
    tokio::time::sleep(Duration::from_millis(2_500)).await;
    let later = seconds_left(&browser).await;
    assert!(
        (2..=4).contains(&(first - later)),
        "2.5 s later the countdown fell from {first} to {later}"
    );

    browser.press("pause").await;
    browser.wait_for_js(STATUS, json!("paused")).await;
    let frozen = seconds_left(&browser).await;
    tokio::time::sleep(Duration::from_millis(1_500)).await;
    assert_eq!(
        seconds_left(&browser).await,
        frozen,
        "pause freezes the countdown"
    );
    assert_eq!(
        browser.js(CURRENT_ZONE).await,
        json!([zone_of("quick-3", 0)]),
        "the zone stays lit"
    );

    browser.press("pause").await; // now labelled Resume
    browser.wait_for_js(STATUS, json!("running")).await;
    tokio::time::sleep(Duration::from_millis(1_200)).await;
    assert!(
        seconds_left(&browser).await < frozen,
        "resume carries on counting down"
    );
    browser.shot("player-running").await;
    browser.close().await;
}

#[tokio::test]
async fn next_previous_and_keys_change_the_step_and_the_highlighted_zone() {
    let (_server, browser) = support::session(DESKTOP, "routine=relax-10").await;
    browser.press("start").await;
    browser.press("next").await; // skips the get-ready
    browser.wait_for_js(STEP, json!("0")).await;
    browser.wait_for_js(STATUS, json!("running")).await;
    browser.press("next").await;
    browser.wait_for_js(STEP, json!("1")).await;
    assert_eq!(browser.js(CURRENT_ZONE).await, json!([zone_of("relax-10", 1)]));
    browser.press("previous").await;
    browser.wait_for_js(STEP, json!("0")).await;
    assert_eq!(browser.js(CURRENT_ZONE).await, json!([zone_of("relax-10", 0)]));

    key(&browser, "\u{E014}").await; // ArrowRight
    browser.wait_for_js(STEP, json!("1")).await;
    key(&browser, "\u{E012}").await; // ArrowLeft
    browser.wait_for_js(STEP, json!("0")).await;
    key(&browser, " ").await;
    browser.wait_for_js(STATUS, json!("paused")).await;
    key(&browser, " ").await;
    browser.wait_for_js(STATUS, json!("running")).await;

    // Jump to any step from the list.
    browser
        .js("document.querySelectorAll('.step-button')[4].click()")
        .await;
    browser.wait_for_js(STEP, json!("4")).await;
    assert_eq!(browser.js(CURRENT_ZONE).await, json!([zone_of("relax-10", 4)]));

    key(&browser, "\u{E00C}").await; // Escape
    browser.wait_for_js(STATUS, json!("finished")).await;
    browser
        .wait_for_text("[data-testid=summary]", "Stopped early")
        .await;
    assert_eq!(
        browser.js(CURRENT_ZONE).await,
        json!([]),
        "nothing is lit once it ends"
    );
    browser.close().await;
}

#[tokio::test]
async fn finishing_the_last_step_shows_the_summary() {
    let server = Server::start();
    let browser = Browser::start(DESKTOP).await;
    for routine in &whole().routines {
        browser
            .open(&server.url(&format!("routine={}", routine.id)))
            .await;
        browser
            .wait_for_text("[data-testid=player] h2", &routine.name)
            .await;
        browser.press("start").await;
        let last = routine.steps.len() - 1;
        browser
            .js(&format!(
                "document.querySelectorAll('.step-button')[{last}].click()"
            ))
            .await;
        browser.wait_for_js(STEP, json!(last.to_string())).await;
        browser.press("next").await;
        browser.wait_for_js(STATUS, json!("finished")).await;
        browser.wait_for_text("[data-testid=summary]", "All done").await;
    }
    browser.shot("player-summary").await;
    browser.assert_clean(&server).await;
    browser.close().await;
}

#[tokio::test]
async fn a_frozen_page_shows_the_right_step_and_time_as_soon_as_it_resumes() {
    let (_server, browser) = support::session(DESKTOP, "routine=quick-3").await;
    browser.cdp("Page.enable", json!({})).await;
    browser.press("start").await;
    browser.wait_for_js(STATUS, json!("get-ready")).await;
    // Freeze the page (as a phone does to a background tab) across the end
    // of the 5-second get-ready.
    browser.freeze_for(Duration::from_secs(8)).await;
    // Within 100 ms of resuming, it shows step 1 with about 3 s gone.
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(browser.js(STATUS).await, json!("running"));
    assert_eq!(browser.js(STEP).await, json!("0"));
    let left = seconds_left(&browser).await;
    assert!(
        (23..=28).contains(&left),
        "30 s step, about 3 s in: shows {left} s left"
    );
    browser.close().await;
}

#[tokio::test]
async fn a_running_routine_stays_in_reach_while_browsing_the_map() {
    let (server, browser) = support::session(PHONE, "routine=quick-3").await;
    browser.press("start").await;
    browser.press("next").await;
    browser.wait_for_js(STATUS, json!("running")).await;
    browser.shot("player-phone").await;
    browser.open(&server.url("zone=left-heel")).await;
    browser
        .wait_for_text("[data-testid=zone-details] h2", "Heel")
        .await;
    browser
        .wait_for_text(".routine-bar", "3-minute quick reset")
        .await;
    browser
        .js("[...document.querySelectorAll('.routine-bar button')].pop().click()")
        .await;
    browser.wait_for_js(STATUS, json!("running")).await;
    assert_eq!(
        browser.js("return document.querySelector('.routine-bar')").await,
        Value::Null
    );
    browser.close().await;
}

#[tokio::test]
async fn settings_are_saved_and_unreadable_saved_settings_get_a_message() {
    let (_server, browser) = support::session(DESKTOP, "routine=quick-3").await;
    // Settings as the version before the saved-data store wrote them.
    browser
        .js("localStorage.clear(); localStorage.setItem('foot-map.settings', 'sound=loud;manual=1;%%%')")
        .await;
    browser.client.refresh().await.unwrap();
    browser
        .wait_for_text("[data-testid=saved-notice]", "sound=loud")
        .await;
    let manual = browser
        .js("return document.querySelector('.check input').checked")
        .await;
    assert_eq!(manual, json!(true), "what could be read is still used");
    assert_eq!(
        browser
            .js("return localStorage.getItem('foot-map.store.unreadable')")
            .await,
        json!("sound=loud;manual=1;%%%"),
        "the unreadable text is kept, not lost"
    );

    browser.js("[...document.querySelectorAll('.segmented button')].find(b => b.textContent.includes('Silent')).click()").await;
    browser
        .wait_for_js(
            "return JSON.parse(localStorage.getItem('foot-map.store') ?? 'null')?.settings ?? null",
            json!({ "sound": "silent", "manual": true, "safety_seen": false, "vibrate": true }),
        )
        .await;
    browser.client.refresh().await.unwrap();
    browser.wait_for_js(STATUS, json!("idle")).await;
    assert_eq!(
        browser
            .js("return document.querySelector('[data-testid=saved-notice]')")
            .await,
        Value::Null
    );
    let pressed = browser
        .js("return document.querySelector('.segmented [aria-pressed=true]').textContent")
        .await;
    assert!(
        pressed.as_str().unwrap().contains("Silent"),
        "the choice is remembered"
    );
    browser.close().await;
}

#[tokio::test]
async fn the_time_left_is_said_on_request_and_the_countdown_is_never_read_out() {
    let (_server, browser) = support::session(DESKTOP, "routine=quick-3").await;
    browser.start_routine("quick-3").await;
    browser.press("next").await;
    browser.wait_for_js(STATUS, json!("running")).await;
    // The countdown is a timer, which screen readers do not read out as it
    // changes; nothing else around it is live.
    assert_eq!(
        browser
            .js("const c = document.querySelector('[data-testid=countdown]'); return [c.getAttribute('role'), c.closest('[aria-live]')?.getAttribute('aria-live') ?? null]")
            .await,
        json!(["timer", null])
    );
    const LIVE: &str = "return document.querySelector('.player [aria-live]').textContent";
    browser.press("time-left").await;
    browser
        .wait_for_js(
            &format!("{} .includes('left in this step')", LIVE.trim_end_matches(';')),
            json!(true),
        )
        .await;
    let said = browser.js(LIVE).await;
    assert!(said.as_str().unwrap().contains("in the routine."), "{said}");
    // The T key says it again, even in the same words.
    browser.js("document.activeElement.blur()").await;
    browser.press_key("t").await;
    browser
        .wait_for_js(
            &format!("{} !== {}", LIVE.trim_end_matches(';'), said),
            json!(true),
        )
        .await;
    assert!(browser
        .js(LIVE)
        .await
        .as_str()
        .unwrap()
        .contains("left in this step"));
    browser.close().await;
}

#[tokio::test]
async fn a_reminder_is_made_as_a_calendar_file_for_the_days_and_time_chosen() {
    let (_server, browser) = support::session(PHONE, "routine=relax-10").await;
    browser.wait_for("[data-testid=calendar-reminder]").await;
    browser
        .js("document.querySelector('[data-testid=calendar-reminder] summary').click()")
        .await;
    // Today alone is ticked to start with (Monday first): one reminder a
    // week, not three.
    let ticked = browser
        .js("return [...document.querySelectorAll('[data-testid=calendar-reminder] input[type=checkbox]')].flatMap((c, i) => c.checked ? [i] : [])")
        .await;
    let today = browser.js("return (new Date().getDay() + 6) % 7").await;
    assert_eq!(ticked, json!([today]), "only today's day is ticked");
    // No day chosen: it says so, and makes nothing.
    browser
        .js("document.querySelectorAll('[data-testid=calendar-reminder] input[type=checkbox]').forEach(c => { if (c.checked) c.click(); })")
        .await;
    browser.press("calendar-file").await;
    browser
        .wait_for_text("[data-testid=calendar-said]", "Choose at least one day")
        .await;
    browser
        .js("document.querySelectorAll('[data-testid=calendar-reminder] input[type=checkbox]')[5].click()")
        .await;
    browser.press("calendar-file").await;
    browser.wait_for_text("[data-testid=calendar-said]", ".ics").await;
    browser.shot("calendar-reminder-phone").await;
    assert_eq!(browser.axe_violations().await, Vec::<String>::new());
    browser.close().await;
}

/// Keeps what the page says aloud in `window.__said`, instead of saying it.
const SPEECH_LOG: &str = "window.__said = []; \
    if (window.speechSynthesis) speechSynthesis.speak = (u) => { window.__said.push(u.text); };";

#[tokio::test]
async fn chosen_cues_say_halfway_in_a_long_step_once() {
    let (_server, browser) = support::session_with(DESKTOP, "routine=relax-10", &[SPEECH_LOG]).await;
    browser.wait_for_js(STATUS, json!("idle")).await;
    // Off until chosen.
    assert_eq!(
        browser
            .js("return document.querySelector('[data-testid=cues]').checked")
            .await,
        json!(false)
    );
    browser
        .js("document.querySelector('[data-testid=cues]').click()")
        .await;
    browser
        .wait_for_js(
            // (Nothing may be saved yet when it first looks.)
            &support::store("?.settings.cues === true"),
            json!(true),
        )
        .await;
    browser.start_routine("relax-10").await;
    browser.press("next").await;
    browser.wait_for_js(STATUS, json!("running")).await;
    // The first step is 40 seconds: halfway at 20.
    let said = "return window.__said.filter(t => t === 'Halfway.').length";
    tokio::time::sleep(Duration::from_secs(18)).await;
    assert_eq!(browser.js(said).await, json!(0), "not before halfway");
    browser.wait_for_js(said, json!(1)).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(browser.js(said).await, json!(1), "once");
    browser.close().await;
}

#[tokio::test]
async fn pausing_and_going_on_are_said_once_to_screen_readers() {
    let (server, browser) = support::session(DESKTOP, "").await;
    browser.start_routine("quick-3").await;
    let region = ".player [aria-live=polite]";
    browser.press("pause").await;
    browser.wait_for_js(STATUS, json!("paused")).await;
    assert_eq!(browser.text(region).await.as_deref(), Some("Paused."));
    browser.press("pause").await;
    browser.wait_for_js(STATUS, json!("get-ready")).await;
    browser.press("next").await;
    browser.wait_for_js(STATUS, json!("running")).await;
    browser.press("pause").await;
    browser.wait_for_js(STATUS, json!("paused")).await;
    assert_eq!(browser.text(region).await.as_deref(), Some("Paused."));
    browser.press("pause").await;
    browser.wait_for_js(STATUS, json!("running")).await;
    assert_eq!(browser.text(region).await.as_deref(), Some("Going on."));
    browser.assert_clean(&server).await;
    browser.close().await;
}

#[tokio::test]
async fn focus_goes_to_the_routine_when_it_opens_and_to_the_summary_when_it_stops() {
    for size in [DESKTOP, PHONE] {
        let (server, browser) = support::session(size, "routines").await;
        browser.wait_for("a.card[href$=relax-10]").await;
        // Enter on the routine's link, as a keyboard user opens it.
        let link = browser
            .client
            .find(fantoccini::Locator::Css("a.card[href$=relax-10]"))
            .await
            .unwrap();
        link.send_keys("\u{E007}").await.unwrap();
        browser
            .wait_for_js(
                "return document.activeElement?.id ?? null",
                json!("routine-title"),
            )
            .await;
        let top = browser
            .js("return document.getElementById('routine-title').getBoundingClientRect().top")
            .await;
        assert!(
            top.as_f64().unwrap() >= 0.0,
            "{size:?}: the title is in view, at {top}"
        );
        browser.press("start").await;
        browser.wait_for_js(STATUS, json!("get-ready")).await;
        browser.press_key("Escape").await;
        browser.wait_for_js(STATUS, json!("finished")).await;
        browser
            .wait_for_js(
                "return document.activeElement?.id ?? null",
                json!("summary-title"),
            )
            .await;
        assert_eq!(
            browser
                .js("return document.querySelector('[data-testid=summary] [role=status]')")
                .await,
            json!(null),
            "the buttons are not read as part of a status"
        );
        browser.assert_clean(&server).await;
        browser.close().await;
    }
}

#[tokio::test]
async fn the_time_left_is_spoken_and_shown_and_a_screen_reader_user_hears_nothing_twice() {
    let (server, browser) = support::session_with(DESKTOP, "", &[SPEECH_LOG]).await;
    browser.start_routine("quick-3").await;
    browser.press("next").await;
    browser.wait_for_js(STATUS, json!("running")).await;

    // With the voice on (the default "Both"), T is said aloud and shown.
    browser.js("window.__said = []").await;
    browser.press("time-left").await;
    browser.wait_for("[data-testid=time-left-said]").await;
    let shown = browser.text("[data-testid=time-left-said]").await.unwrap();
    assert!(
        shown.contains("left in this step") && shown.contains("left in the routine."),
        "{shown}"
    );
    assert_eq!(
        browser.js("return window.__said").await,
        json!([shown]),
        "said once, in the app's voice"
    );
    // Gone at the next step.
    browser.press("next").await;
    browser
        .wait_for_js(
            "return !document.querySelector('[data-testid=time-left-said]')",
            json!(true),
        )
        .await;

    // "I use a screen reader": the next step reaches the live region and
    // no voice says it too.
    browser
        .js("document.querySelector('[data-testid=reader]').click()")
        .await;
    browser
        .wait_for_js(&support::store("?.settings?.reader"), json!(true))
        .await;
    browser.js("window.__said = []").await;
    browser.press("next").await;
    browser
        .wait_for_js(
            "return document.querySelector('.player [aria-live]').textContent.includes('Step 3 of')",
            json!(true),
        )
        .await;
    browser.press("time-left").await;
    browser.wait_for("[data-testid=time-left-said]").await;
    assert_eq!(
        browser.js("return window.__said").await,
        json!([]),
        "nothing said by the app's voice"
    );
    browser.assert_clean(&server).await;
    browser.close().await;
}
