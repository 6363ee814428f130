//! A person's practice kept on their device, end to end in headless
//! Chromium against the release build: settings upgraded from the earlier
//! format, sessions recorded and shown in the history, deleted, kept across
//! reloads, two tabs, damaged saved data and a full storage quota.

mod support;

use serde_json::{json, Value};
use std::time::Duration;
use support::{store, DESKTOP, PHONE, STATUS};

const SESSIONS: &str =
    "return [...document.querySelectorAll('[data-testid=session] strong')].map(s => s.textContent)";
#[tokio::test]
async fn settings_saved_by_the_earlier_version_are_upgraded_without_loss() {
    let (_server, browser) = support::session(DESKTOP, "routine=quick-3").await;
    browser
        .js("localStorage.clear(); localStorage.setItem('foot-map.settings', 'sound=chime;manual=1;safety=1')")
        .await;
    browser.client.refresh().await.unwrap();
    browser.wait_for_js(STATUS, json!("idle")).await;
    assert_eq!(
        browser
            .js("return !!document.querySelector('[data-testid=safety-gate]')")
            .await,
        json!(false),
        "the safety note was read before the upgrade"
    );
    let pressed = browser
        .js("return document.querySelector('.segmented [aria-pressed=true]').textContent")
        .await;
    assert!(pressed.as_str().unwrap().contains("Chime"), "{pressed}");
    assert_eq!(
        browser
            .js("return document.querySelector('.check input').checked")
            .await,
        json!(true)
    );
    assert_eq!(
        browser
            .js("return document.querySelector('[data-testid=saved-notice]')")
            .await,
        Value::Null
    );
    // The first change saves the whole store in the new format.
    browser.js("document.querySelector('.check input').click()").await;
    browser
        .wait_for_js(
            "return JSON.parse(localStorage.getItem('foot-map.store') ?? 'null')?.settings ?? null",
            json!({ "sound": "chime", "manual": false, "safety_seen": true, "vibrate": true }),
        )
        .await;
    browser.close().await;
}

#[tokio::test]
async fn a_finished_routine_shows_in_the_history_and_can_be_deleted() {
    let (server, browser) = support::session(PHONE, "history").await;
    browser
        .wait_for_text("[data-testid=streak]", "Finish or stop a routine")
        .await;
    browser.finish_quick_routine().await;
    browser.js("location.hash = 'history'").await;
    browser
        .wait_for_js(SESSIONS, json!(["3-minute quick reset"]))
        .await;
    browser
        .wait_for_text("[data-testid=streak]", "1 week in a row")
        .await;
    let today = browser
        .js("return document.querySelector('.week .is-today .day')?.textContent ?? null")
        .await;
    assert!(today.is_string(), "today is marked in the week");
    browser.shot("history-phone").await;

    // Kept across a reload, and each entry can go.
    browser.client.refresh().await.unwrap();
    browser
        .wait_for_js(SESSIONS, json!(["3-minute quick reset"]))
        .await;
    browser.finish_quick_routine().await;
    browser.js("location.hash = 'history'").await;
    browser.wait_for_js(&format!("{SESSIONS}.length"), json!(2)).await;
    browser
        .js("document.querySelector('[data-testid=session] button').click()")
        .await;
    browser.wait_for_js(&format!("{SESSIONS}.length"), json!(1)).await;
    browser.wait_for_js(&store(".history.length"), json!(1)).await;
    browser.press("delete-all").await;
    browser.press("delete-all-yes").await;
    browser.wait_for_js(SESSIONS, json!([])).await;
    browser.client.refresh().await.unwrap();
    browser
        .wait_for_text("[data-testid=streak]", "Finish or stop a routine")
        .await;
    assert_eq!(browser.js(&store(".history")).await, json!([]));
    browser.assert_clean(&server).await;
    browser.close().await;
}

#[tokio::test]
async fn two_tabs_see_each_others_sessions_and_neither_overwrites_the_other() {
    let (server, browser) = support::session(DESKTOP, "history").await;
    let history_tab = browser.client.window().await.unwrap();
    let tab = browser.client.new_window(true).await.unwrap();
    browser.client.switch_to_window(tab.handle.clone()).await.unwrap();
    browser.open(&server.url("")).await;
    browser.finish_quick_routine().await;

    // The other tab shows it without a reload...
    browser.client.switch_to_window(history_tab).await.unwrap();
    browser
        .wait_for_js(SESSIONS, json!(["3-minute quick reset"]))
        .await;
    // ...and a change made there keeps it.
    browser.js("location.hash = 'routine=quick-3'").await;
    browser.wait_for(".segmented").await;
    browser
        .js("[...document.querySelectorAll('.segmented button')].find(b => b.textContent.includes('Voice')).click()")
        .await;
    browser
        .wait_for_js(&store(".settings.sound"), json!("voice"))
        .await;
    assert_eq!(browser.js(&store(".history.length")).await, json!(1));
    browser.close().await;
}

#[tokio::test]
async fn damaged_saved_data_is_kept_aside_and_reported_and_the_app_works() {
    let (server, browser) = support::session(DESKTOP, "").await;
    browser
        .js("localStorage.clear(); localStorage.setItem('foot-map.store', '{\"version\": 1, \"history\": [{\"start\": \"yesterday')")
        .await;
    browser.client.refresh().await.unwrap();
    browser
        .wait_for_text("[data-testid=saved-notice]", "could not read")
        .await;
    assert_eq!(
        browser
            .js("return localStorage.getItem('foot-map.store.unreadable')")
            .await,
        json!("{\"version\": 1, \"history\": [{\"start\": \"yesterday"),
        "the damaged text is kept, unchanged"
    );
    browser.click_zone("left-heel").await;
    browser
        .wait_for_text("[data-testid=zone-details] h2", "Heel")
        .await;
    browser.finish_quick_routine().await;
    browser.wait_for_js(&store(".history.length"), json!(1)).await;
    assert_eq!(
        browser
            .js("return localStorage.getItem('foot-map.store.unreadable')")
            .await,
        json!("{\"version\": 1, \"history\": [{\"start\": \"yesterday"),
        "still kept after saving"
    );
    browser.assert_clean(&server).await;
    browser.close().await;
}

#[tokio::test]
async fn a_full_storage_quota_is_reported_and_the_change_stays_on_screen() {
    let full = "const setItem = Storage.prototype.setItem; \
        Storage.prototype.setItem = function (key, value) { \
            if (window.__full && key === 'foot-map.store') throw new DOMException('full', 'QuotaExceededError'); \
            return setItem.call(this, key, value); };";
    let (_server, browser) = support::session_with(DESKTOP, "routine=quick-3", &[full]).await;
    browser.wait_for_js(STATUS, json!("idle")).await;
    browser.js("window.__full = true").await;
    browser
        .js("[...document.querySelectorAll('.segmented button')].find(b => b.textContent.includes('Silent')).click()")
        .await;
    browser
        .wait_for_text("[data-testid=saved-notice]", "could not save")
        .await;
    let pressed = browser
        .js("return document.querySelector('.segmented [aria-pressed=true]').textContent")
        .await;
    assert!(
        pressed.as_str().unwrap().contains("Silent"),
        "the change stays on screen"
    );
    // Once there is room, the next change saves both.
    browser.js("window.__full = false").await;
    browser.js("document.querySelector('.check input').click()").await;
    browser
        .wait_for_js(&store("?.settings.manual"), json!(true))
        .await;
    assert_eq!(browser.js(&store(".settings.sound")).await, json!("silent"));
    assert_eq!(
        browser
            .js("return document.querySelector('[data-testid=saved-notice]')")
            .await,
        Value::Null
    );
    browser.close().await;
}

#[tokio::test]
async fn a_routine_left_for_another_or_by_closing_the_page_is_still_recorded() {
    let (server, browser) = support::session(DESKTOP, "").await;
    browser.js("localStorage.clear()").await;
    // Opening another routine mid-way stops the first, which is kept.
    browser.start_routine("quick-3").await;
    browser.press("next").await;
    browser.wait_for_js(STATUS, json!("running")).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    browser.start_routine("relax-10").await;
    browser
        .wait_for_js(
            &store(".history.map(s => s.name)"),
            json!(["3-minute quick reset"]),
        )
        .await;
    assert_eq!(browser.js(&store(".history[0].finished")).await, json!(false));
    // Leaving the page mid-routine keeps what was done too.
    browser.press("next").await;
    browser.wait_for_js(STATUS, json!("running")).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    browser.client.goto("about:blank").await.unwrap();
    browser.open(&server.url("history")).await;
    browser
        .wait_for_js(SESSIONS, json!(["10-minute relaxation", "3-minute quick reset"]))
        .await;
    browser.assert_clean(&server).await;
    browser.close().await;
}
