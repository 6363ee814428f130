//! New deploys as a person meets them, end to end in headless Chromium
//! against the release build and its service worker (public/sw.js): a
//! visit while a deploy is only half uploaded, on a plain host and on one
//! that answers a missing file with the app's page, and a tab of the old
//! deploy still open while a new tab uses the new one.

mod support;

use serde_json::{json, Value};
use std::path::Path;
use std::time::{Duration, Instant};
use support::{second_deploy, second_deploy_keeping, Browser, Scratch, Server, CACHED, DESKTOP};

/// Every URL cached under a code or style file's name (`.js`, `.wasm`,
/// `.css`) whose answer is a page: HTML by its type or its first bytes.
const HTML_AS_CODE: &str = r#"const done = arguments[arguments.length - 1];
(async () => {
    const found = [];
    for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
            if (!/\.(js|wasm|css)$/.test(new URL(request.url).pathname)) continue;
            const response = await cache.match(request);
            const type = (response.headers.get('Content-Type') || '').toLowerCase();
            const start = new TextDecoder().decode(new Uint8Array(await response.arrayBuffer()).slice(0, 64));
            const text = start.trimStart().toLowerCase();
            if (type.includes('text/html') || text.startsWith('<!doctype') || text.startsWith('<html')) {
                found.push(request.url);
            }
        }
    }
    return found;
})().then(done, e => done([`error: ${e}`]));"#;

/// Whether the new worker has installed and is in charge: two caches
/// (the first deploy's, and the second's, which the worker makes only once
/// it has every file), no worker installing or waiting, and the page's
/// worker active (the first one, replaced, would be `redundant`).
const NEW_WORKER_IN_CHARGE: &str = r#"const done = arguments[arguments.length - 1];
(async () => {
    const r = await navigator.serviceWorker.getRegistration();
    const names = (await caches.keys()).filter(n => n.startsWith('foot-map '));
    return names.length === 2 && !!r && !r.installing && !r.waiting
        && navigator.serviceWorker.controller?.state === 'activated';
})().then(done, () => done(false));"#;

/// The second deploy half uploaded: its pages (index.html among them,
/// naming the new code) are there, but not yet the new main wasm and its
/// glue (`next-foot-map-*`).
fn half_of(deploy: &Path) -> Scratch {
    let folder = Scratch::new("half-deploy");
    let mut left_out = 0;
    for entry in std::fs::read_dir(deploy).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().into_string().unwrap();
        if entry.file_type().unwrap().is_dir() {
            support::copy_folder(&entry.path(), &folder.path().join(&name));
        } else if name.starts_with("next-foot-map-") {
            left_out += 1;
        } else {
            std::fs::copy(entry.path(), folder.path().join(&name)).unwrap();
        }
    }
    assert_eq!(left_out, 2, "the new deploy has one main wasm and one glue");
    folder
}

/// Reloads the page online while a half deploy is served, as a person
/// opening the app just then: the browser gets the new page (which cannot
/// start without its code) and tries to install the new worker.
async fn visit_half_deploy(browser: &Browser, server: &Server) {
    browser.client.refresh().await.unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while !server.served().iter().any(|s| s.path.contains("/next-foot-map-")) {
        assert!(Instant::now() < deadline, "the new page never asked for its code");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // The worker's writes, and the new worker's attempt to install, have
    // had their time.
    tokio::time::sleep(Duration::from_millis(1500)).await;
}

/// Asserts the app in the page shown has started and works: a zone in the
/// address shows its details, and a zone tapped shows its own.
async fn app_works(browser: &Browser, server: &Server) {
    browser.open(&server.url("zone=right-little-toe")).await;
    browser
        .wait_for_text("[data-testid=zone-details] h2", "Little toe")
        .await;
    browser.click_zone("left-heel").await;
    browser
        .wait_for_text("[data-testid=zone-details] h2", "Heel")
        .await;
}

/// Waits until `script` (asynchronous, as [`CACHED`]) returns true.
async fn wait_for_async(browser: &Browser, script: &str, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let found = browser.client.execute_async(script, vec![]).await.unwrap();
        if found == json!(true) {
            return;
        }
        assert!(Instant::now() < deadline, "{what}: never so");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Someone who opens the app once while a new version is half uploaded
/// (its page on the host, the code that page names not yet) would
/// otherwise lose the app offline: the half page became the copy the app
/// starts from offline, and offline it never started. The half page is
/// shown, but the copy kept before stays.
#[tokio::test]
async fn a_visit_during_a_half_finished_deploy_leaves_the_app_working_offline() {
    let server = Server::start();
    let browser = Browser::start(DESKTOP).await;
    browser.open(&server.url("")).await;
    browser.wait_for_service_worker().await;

    let (second, _named, _renamed) = second_deploy(&support::dist());
    let half = half_of(second.path());
    server.deploy(half.path().to_path_buf());
    visit_half_deploy(&browser, &server).await;

    // Offline afterwards, the app starts and works.
    server.set_offline(true);
    browser.client.refresh().await.unwrap();
    app_works(&browser, &server).await;
    server.set_offline(false);
    browser.close().await;
}

/// Someone on a host that answers a missing file with the app's page
/// (single-page-app rewrites) who visits while a new version is half
/// uploaded would otherwise lose the app until the next deploy: the page
/// was kept under the new code's names and served from there for good,
/// even once the upload had completed. Once it has, the app works, online
/// and offline, and no page is kept as code.
#[tokio::test]
async fn a_half_finished_deploy_on_a_rewriting_host_keeps_no_page_as_code() {
    let server = Server::start();
    let browser = Browser::start(DESKTOP).await;
    browser.open(&server.url("")).await;
    browser.wait_for_service_worker().await;

    let (second, _named, _renamed) = second_deploy(&support::dist());
    let half = half_of(second.path());
    server.answer_missing_with_app_page(true);
    server.deploy(half.path().to_path_buf());
    visit_half_deploy(&browser, &server).await;

    // The upload completes (its sw.js is the one served a moment ago), and
    // the host goes on rewriting.
    server.deploy(second.path().to_path_buf());
    browser.client.refresh().await.unwrap();
    app_works(&browser, &server).await;

    // The new worker installs from the complete deploy; no cache holds a
    // page under a code or style file's name.
    wait_for_async(
        &browser,
        NEW_WORKER_IN_CHARGE,
        "the new worker installs and takes over",
    )
    .await;
    let html_as_code = browser.client.execute_async(HTML_AS_CODE, vec![]).await.unwrap();
    assert_eq!(html_as_code, json!([]), "pages kept as code");

    // And offline, the app starts from what is kept.
    server.set_offline(true);
    browser.client.refresh().await.unwrap();
    app_works(&browser, &server).await;
    server.set_offline(false);
    browser.close().await;
}

/// The history's code (`split_history-*.wasm`), which the new deploy in
/// the test below keeps unchanged, under the same name.
fn unchanged(name: &str) -> bool {
    name.starts_with("split_history-")
}

/// Someone with a tab open from before a new deploy, who opens in it a page
/// whose code did not change between the two deploys, would otherwise lose
/// the tab's other pages: asking for that file (the same name in both
/// caches) made the tab count as the new deploy's, so the next visit of a
/// new tab removed the old deploy's cache, and the tab's next page, whose
/// code the host no longer has, could not be opened.
#[tokio::test]
async fn an_old_tab_opening_code_both_deploys_share_keeps_its_deploys_cache() {
    let server = Server::start();
    let browser = Browser::start(DESKTOP).await;
    browser.open(&server.url("")).await;
    browser.wait_for_service_worker().await;
    let old_tab = browser.client.window().await.unwrap();
    // From now on, the tab counts its worker's changes: the next is the
    // new deploy's worker taking over.
    browser
        .js("window.__takeovers = 0; navigator.serviceWorker.addEventListener('controllerchange', () => __takeovers++)")
        .await;

    let kept = std::fs::read_dir(support::dist())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .find(|name| unchanged(name))
        .expect("the build has the history's code apart (split_history-*.wasm)");
    let (second, _named, renamed) = second_deploy_keeping(&support::dist(), unchanged);
    assert!(
        renamed.iter().any(|name| name.starts_with("split_reading-")),
        "the reading pages' code is new in the second deploy: {renamed:?}"
    );
    server.deploy(second.path().to_path_buf());

    // A new tab opens the new deploy; its visit brings the new worker,
    // which takes over both tabs.
    let new_tab = browser.client.new_window(true).await.unwrap();
    browser
        .client
        .switch_to_window(new_tab.handle.clone())
        .await
        .unwrap();
    browser.open(&server.url("")).await;
    browser.client.switch_to_window(old_tab.clone()).await.unwrap();
    let taken_over = r#"const done = arguments[arguments.length - 1];
        done(window.__takeovers > 0 && navigator.serviceWorker.controller?.state === 'activated');"#;
    wait_for_async(&browser, taken_over, "the new worker takes over the old tab").await;

    // The old tab opens the history: its code, the same file in both
    // deploys, comes from the new deploy's cache.
    browser.js("location.hash = 'history'").await;
    browser.wait_for("[data-testid=history]").await;
    let loaded: Value = browser
        .js("return performance.getEntriesByType('resource').map(e => e.name)")
        .await;
    assert!(
        loaded.to_string().contains(kept.as_str()),
        "the old tab loads {kept}: {loaded}"
    );

    // The new tab is reloaded: visits at which the worker removes the
    // caches no open page needs. The old tab's stays.
    browser
        .client
        .switch_to_window(new_tab.handle.clone())
        .await
        .unwrap();
    // Twice: while a page reloads, the page it replaces is still open, and
    // the first time that page is one the new worker did not load.
    for _ in 0..2 {
        browser.client.refresh().await.unwrap();
        tokio::time::sleep(Duration::from_millis(1000)).await;
    }
    let cached = browser.client.execute_async(CACHED, vec![]).await.unwrap();
    assert_eq!(
        cached["names"].as_array().map(Vec::len),
        Some(2),
        "the old tab's deploy keeps its cache: {cached}"
    );

    // The old tab opens a page whose code it has not loaded yet, which
    // only its deploy's cache still has.
    browser.client.switch_to_window(old_tab.clone()).await.unwrap();
    browser.js("location.hash = 'evidence'").await;
    browser.wait_for("[data-testid=evidence-page]").await;
    assert!(browser.text("[data-testid=link-notice]").await.is_none());
    assert!(
        server.failures().is_empty(),
        "failed requests: {:#?}",
        server.failures()
    );

    // Once the old tab is closed, the next visit removes its deploy's cache.
    browser.client.close_window().await.unwrap();
    browser
        .client
        .switch_to_window(new_tab.handle.clone())
        .await
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        browser.client.refresh().await.unwrap();
        let cached = browser.client.execute_async(CACHED, vec![]).await.unwrap();
        if cached["names"].as_array().map(Vec::len) == Some(1) {
            break;
        }
        assert!(Instant::now() < deadline, "the old cache stays: {cached}");
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    browser.close().await;
}
