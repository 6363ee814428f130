//! Nothing a person saved is lost, in the everyday ways a browser behaves:
//! a newer version saving meanwhile, a tab killed during a routine, an
//! import with no room left, a session deleted by mistake, a file far too
//! large, two tabs saving at once. End to end in headless Chromium against
//! the release build.

mod support;

use serde_json::{json, Value};
use std::time::Duration;
use support::{store, Browser, DESKTOP, STATUS};

/// Makes `setItem` of the saved store throw as a full quota does, once
/// `window.__full` is set.
const FULL: &str = "const setItem = Storage.prototype.setItem; \
    Storage.prototype.setItem = function (key, value) { \
        if (window.__full && key === 'foot-map.store') throw new DOMException('full', 'QuotaExceededError'); \
        return setItem.call(this, key, value); };";

/// With nothing saved, starts the routine the page shows and moves past
/// the get-ready countdown to its first step.
async fn running_from_nothing_saved(browser: &Browser) {
    browser.js("localStorage.clear()").await;
    browser.client.refresh().await.unwrap();
    browser.wait_for_js(STATUS, json!("idle")).await;
    browser.press("start").await;
    browser.wait_for_js(STATUS, json!("get-ready")).await;
    browser.press("next").await;
    browser.wait_for_js(STATUS, json!("running")).await;
}

#[tokio::test]
async fn data_saved_by_a_newer_version_meanwhile_is_never_written_over() {
    let (_server, browser) = support::session(DESKTOP, "routine=quick-3").await;
    browser.js("localStorage.clear()").await;
    browser.client.refresh().await.unwrap();
    browser.wait_for_js(STATUS, json!("idle")).await;
    // Another tab, running a newer deploy, saves in a newer format.
    let newer = r#"{"version":3,"settings":{"sound":"silent"},"routines":[],"history":[],"moods":[1,2]}"#;
    browser
        .js(&format!(
            "localStorage.setItem('foot-map.store', {})",
            json!(newer)
        ))
        .await;
    // A change here is not saved over it; the page says why and offers a
    // reload.
    browser.js("[...document.querySelectorAll('.segmented button')].find(b => b.textContent.includes('Voice')).click()").await;
    browser
        .wait_for_text("[data-testid=saved-notice]", "reload it to keep saving")
        .await;
    assert_eq!(
        browser.js("return localStorage.getItem('foot-map.store')").await,
        json!(newer),
        "the newer text is untouched"
    );
    assert_eq!(
        browser
            .js("return document.querySelector('[data-testid=reload]')?.textContent")
            .await,
        json!("Reload")
    );
    // The newer version is open elsewhere: reloading is the way, not
    // setting its data aside.
    assert_eq!(
        browser
            .js("return document.querySelector('[data-testid=keep-newer]')")
            .await,
        json!(null)
    );
    // Nor is any later change.
    browser.js("[...document.querySelectorAll('.segmented button')].find(b => b.textContent.includes('Chime')).click()").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        browser.js("return localStorage.getItem('foot-map.store')").await,
        json!(newer)
    );
    browser.close().await;
}

#[tokio::test]
async fn a_routine_under_way_is_kept_when_hidden_and_recorded_if_the_tab_never_returns() {
    let (server, browser) = support::session(DESKTOP, "routine=quick-3").await;
    running_from_nothing_saved(&browser).await;
    tokio::time::sleep(Duration::from_millis(2200)).await;
    // The phone hides the page (another app, the screen locked).
    browser
        .js(
            "Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true }); \
             document.dispatchEvent(new Event('visibilitychange', { bubbles: true }))",
        )
        .await;
    let checkpoint = browser
        .js("return JSON.parse(localStorage.getItem('foot-map.checkpoint') ?? 'null')")
        .await;
    assert_eq!(checkpoint["routine"], json!("quick-3"), "{checkpoint}");
    assert_eq!(checkpoint["finished"], json!(false));
    assert!(checkpoint["seconds"].as_u64().unwrap() >= 2, "{checkpoint}");
    assert_eq!(
        browser.js(&store(".history?.length")).await,
        json!(0),
        "not recorded yet"
    );

    // The system kills the tab: no pagehide, no end. (Here: the checkpoint
    // as it was, in a fresh page whose own routine never ran.)
    let kept = checkpoint.to_string();
    browser.client.goto("about:blank").await.unwrap();
    browser.open(&server.url("history")).await;
    // This page finds the checkpoint too and records it (under the lock,
    // a moment later); let it finish before the fresh start is staged.
    browser
        .wait_for_js("return localStorage.getItem('foot-map.checkpoint')", Value::Null)
        .await;
    browser
        .js(&format!(
            "localStorage.setItem('foot-map.store', '{{\"version\":1}}'); localStorage.setItem('foot-map.checkpoint', {})",
            json!(kept)
        ))
        .await;
    browser.client.refresh().await.unwrap();
    // Used once: recorded, then removed.
    browser
        .wait_for_js("return localStorage.getItem('foot-map.checkpoint')", Value::Null)
        .await;
    assert_eq!(browser.js(&store(".history?.length")).await, json!(1));
    let session = browser.js(&store(".history[0]")).await;
    assert_eq!(session["routine"], json!("quick-3"));
    assert_eq!(session["finished"], json!(false), "recorded as stopped");
    browser
        .wait_for_text("[data-testid=sessions]", "stopped early")
        .await;
    browser.close().await;
}

#[tokio::test]
async fn an_import_with_no_room_to_save_changes_nothing_and_says_so() {
    let (_server, browser) = support::session_with(DESKTOP, "history", &[FULL]).await;
    browser.js("localStorage.clear()").await;
    browser.client.refresh().await.unwrap();
    browser.wait_for("[data-testid=import]").await;
    let folder = support::Scratch::new("import-full");
    let path = folder.path().join("foot-map.json");
    std::fs::write(
        &path,
        r#"{"format":"foot-map","version":1,"routines":[{"id":"my-a","name":"Evening","steps":[{"side":"left","zone":"heel","technique":"knuckle-press","seconds":40}]}],"history":[]}"#,
    )
    .unwrap();
    browser.js("window.__full = true").await;
    browser.pick_import(&path).await;
    browser
        .wait_for_text("[data-testid=import-plan]", "Adds 1 routine")
        .await;
    browser.press("confirm-import").await;
    browser
        .wait_for_text("[data-testid=data-said]", "Not imported")
        .await;
    assert!(!browser
        .text("[data-testid=data-said]")
        .await
        .unwrap()
        .contains("Imported."));
    // Nothing changed on the page, and a later change (with room again)
    // saves without the import riding along.
    browser
        .js("window.__full = false; location.hash = 'routines'")
        .await;
    browser.wait_for("[data-testid=new-routine]").await;
    assert_eq!(
        browser
            .js("return document.querySelectorAll('[data-testid=own-routine]').length")
            .await,
        json!(0)
    );
    browser.close().await;
}

#[tokio::test]
async fn a_deleted_session_comes_back_with_undo() {
    let (_server, browser) = support::session(DESKTOP, "history").await;
    let saved = r#"{"version":1,"history":[{"start":1763740800000,"offset":60,"routine":"relax-10","name":"10-minute relaxation","seconds":600,"finished":true}]}"#;
    browser.with_saved(saved).await;
    browser
        .wait_for_text("[data-testid=sessions]", "10-minute relaxation")
        .await;
    browser
        .js("document.querySelector('[data-testid=session] button').click()")
        .await;
    browser.wait_for_js(&store(".history?.length"), json!(0)).await;
    browser
        .wait_for_text("[data-testid=session-undo]", "Deleted the session")
        .await;
    browser
        .js("document.querySelector('[data-testid=session-undo] button').click()")
        .await;
    browser.wait_for_js(&store(".history?.length"), json!(1)).await;
    assert_eq!(browser.js(&store(".history[0].seconds")).await, json!(600));
    browser
        .wait_for_text("[data-testid=sessions]", "10-minute relaxation")
        .await;
    browser.close().await;
}

#[tokio::test]
async fn a_file_of_five_thousand_routines_is_refused_at_once_naming_the_limit() {
    let (_server, browser) = support::session(DESKTOP, "history").await;
    browser.wait_for("[data-testid=import]").await;
    let routines: Vec<String> = (0..5_000)
        .map(|i| format!(r#"{{"id":"my-a","name":"R{i}","steps":[]}}"#))
        .collect();
    let folder = support::Scratch::new("import-many");
    let path = folder.path().join("many.json");
    std::fs::write(
        &path,
        format!(
            r#"{{"format":"foot-map","version":1,"routines":[{}]}}"#,
            routines.join(",")
        ),
    )
    .unwrap();
    browser.pick_import(&path).await;
    browser
        .wait_for_text("[data-testid=data-said]", "at most 500")
        .await;
    let said = browser.text("[data-testid=data-said]").await.unwrap();
    assert!(
        said.contains("5,000 routines") && said.ends_with("Nothing was changed."),
        "{said}"
    );
    assert_eq!(browser.js(&store("")).await, Value::Null);
    browser.close().await;
}

#[tokio::test]
async fn your_data_says_whether_the_browser_keeps_it_and_reminds_to_export_until_exported() {
    let (_server, browser) = support::session(DESKTOP, "history").await;
    let saved = r#"{"version":1,"routines":[{"id":"my-a","name":"Evening","steps":[{"side":"left","zone":"heel","technique":"knuckle-press","seconds":40}]}]}"#;
    browser.with_saved(saved).await;
    browser
        .wait_for_text("[data-testid=export-reminder]", "Not exported yet")
        .await;
    // Chromium answers whether the data is persistent; the page says so.
    browser.wait_for("[data-testid=persisted]").await;
    browser.press("export").await;
    browser
        .wait_for_js(&store(".settings.exported > 0"), json!(true))
        .await;
    browser
        .wait_for_js(
            "return !!document.querySelector('[data-testid=export-reminder]')",
            json!(false),
        )
        .await;
    browser.close().await;
}

#[tokio::test]
async fn a_change_made_while_another_tab_saves_waits_for_it_and_keeps_both() {
    let (server, browser) = support::session(DESKTOP, "routine=quick-3").await;
    browser
        .with_saved(r#"{"version":2,"settings":{"safety_seen":true}}"#)
        .await;
    browser.wait_for_js(STATUS, json!("idle")).await;
    // Another tab is in the middle of saving: it holds the lock every tab
    // of the site shares (taken here by a script in the page, the same
    // lock as another tab's).
    browser
        .js("navigator.locks.request('foot-map.store', () => new Promise(done => { window.release = done; }))")
        .await;
    browser
        .wait_for_js(
            "return navigator.locks.query().then(q => q.held.some(l => l.name === 'foot-map.store'))",
            json!(true),
        )
        .await;
    // A change here shows at once, and waits to be saved.
    browser.choose_measure("tension").await;
    browser
        .wait_for_text("[data-testid=rate-before]", "How tense")
        .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(browser.js(&store(".settings.measure ?? null")).await, Value::Null);
    // The other tab saves a routine, and lets go.
    browser
        .js(r#"localStorage.setItem('foot-map.store', JSON.stringify({version: 2, settings: {safety_seen: true},
            routines: [{id: 'my-a', name: 'Evening', steps: [{side: 'left', zone: 'heel', technique: 'knuckle-press', seconds: 40}]}]}));
            window.release()"#)
        .await;
    // Both are kept: this tab's change went on top of the other's.
    browser
        .wait_for_js(&store(".settings.measure ?? null"), json!("tension"))
        .await;
    assert_eq!(
        browser.js(&store(".routines.map(r => r.name)")).await,
        json!(["Evening"])
    );
    browser.assert_clean(&server).await;
    browser.close().await;
}

#[tokio::test]
async fn without_web_locks_a_change_is_saved_at_once() {
    let no_locks = "Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined });";
    let (server, browser) = support::session_with(DESKTOP, "routine=quick-3", &[no_locks]).await;
    browser
        .with_saved(r#"{"version":2,"settings":{"safety_seen":true}}"#)
        .await;
    browser.wait_for_js(STATUS, json!("idle")).await;
    assert_eq!(browser.js("return navigator.locks ?? null").await, Value::Null);
    browser.choose_measure("sleep").await;
    browser
        .wait_for_js(&store(".settings.measure ?? null"), json!("sleep"))
        .await;
    browser.assert_clean(&server).await;
    browser.close().await;
}

/// A session that finished but was never saved, as its page left it.
const FINISHED: &str = r#"{"start":1794247200000,"offset":0,"routine":"quick-3","name":"3-minute quick reset","seconds":180,"finished":true}"#;

#[tokio::test]
async fn a_finished_session_left_unsaved_is_recorded_at_the_next_visit() {
    let (_server, browser) = support::session(DESKTOP, "history").await;
    browser
        .js(&format!(
            "localStorage.clear(); localStorage.setItem('foot-map.store', '{{\"version\":2}}'); \
             localStorage.setItem('foot-map.checkpoint', {})",
            json!(FINISHED)
        ))
        .await;
    browser.client.refresh().await.unwrap();
    browser
        .wait_for_js("return localStorage.getItem('foot-map.checkpoint')", Value::Null)
        .await;
    assert_eq!(browser.js(&store(".history?.length")).await, json!(1));
    assert_eq!(browser.js(&store(".history[0].finished")).await, json!(true));
    browser.close().await;
}

#[tokio::test]
async fn a_tab_that_never_lets_go_of_the_lock_does_not_stop_saving() {
    let (_server, browser) = support::session(DESKTOP, "routine=quick-3").await;
    browser.js("localStorage.clear()").await;
    browser.client.refresh().await.unwrap();
    browser.wait_for_js(STATUS, json!("idle")).await;
    // Another tab holds the store's lock and never lets go (here, a
    // script in this page: locks are shared by the whole site).
    browser
        .js("navigator.locks.request('foot-map.store', () => new Promise(() => {}))")
        .await;
    browser.finish_quick_routine().await;
    // Saved within a few seconds all the same.
    browser
        .wait_for_js(&store("?.history?.length ?? 0"), json!(1))
        .await;
    assert_eq!(browser.js(&store(".history[0].finished")).await, json!(true));
    browser.close().await;
}

#[tokio::test]
async fn a_routine_under_way_in_a_visible_tab_is_kept_every_ten_seconds() {
    let (_server, browser) = support::session(DESKTOP, "routine=quick-3").await;
    running_from_nothing_saved(&browser).await;
    const KEPT: &str =
        "return JSON.parse(localStorage.getItem('foot-map.checkpoint') ?? 'null')?.seconds ?? null";
    // Kept at the step change, while the page is in view...
    browser
        .wait_for_js(
            "return localStorage.getItem('foot-map.checkpoint') !== null",
            json!(true),
        )
        .await;
    // ...and again within ten seconds: a tab that dies loses at most that.
    tokio::time::sleep(Duration::from_millis(11_500)).await;
    let seconds = browser.js(KEPT).await;
    assert!(seconds.as_u64().unwrap_or(0) >= 10, "kept: {seconds}");
    browser.close().await;
}

#[tokio::test]
async fn after_a_rollback_the_newer_data_is_kept_aside_and_saving_goes_on() {
    let (server, browser) = support::session(DESKTOP, "routine=quick-3").await;
    // A newer deploy saved this, then the site went back to this one.
    let newer = r#"{"version":3,"settings":{"sound":"silent"},"routines":[],"history":[],"moods":[1,2]}"#;
    browser
        .js(&format!(
            "localStorage.clear(); localStorage.setItem('foot-map.store', {})",
            json!(newer)
        ))
        .await;
    browser.client.refresh().await.unwrap();
    browser.wait_for("[data-testid=saved-notice]").await;
    let notice = browser.text("[data-testid=saved-notice] p").await.unwrap();
    assert!(notice.contains("newer version"), "{notice}");
    assert!(!notice.contains("tab"), "no other tab is open: {notice}");
    browser.wait_for("[data-testid=reload]").await;
    // Reloading brings back this same version: the person keeps the newer
    // data aside instead, and saving goes on.
    browser.press("keep-newer").await;
    browser
        .wait_for_text("[data-testid=saved-notice]", "kept aside")
        .await;
    assert_eq!(
        browser
            .js("return localStorage.getItem('foot-map.store.unreadable')")
            .await,
        json!(newer),
        "the newer text is kept, unchanged"
    );
    browser.js("[...document.querySelectorAll('.segmented button')].find(b => b.textContent.includes('Voice')).click()").await;
    browser
        .wait_for_js(&support::store("?.settings?.sound"), json!("voice"))
        .await;
    assert_eq!(browser.js(&support::store("?.version")).await, json!(2));
    // And the next visit starts with no notice.
    browser.client.refresh().await.unwrap();
    browser.wait_for_js(STATUS, json!("idle")).await;
    assert_eq!(
        browser
            .js("return document.querySelector('[data-testid=saved-notice]')")
            .await,
        json!(null)
    );
    browser.assert_clean(&server).await;
    browser.close().await;
}
