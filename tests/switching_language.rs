//! Switching language, in headless Chromium against the release build:
//! on a host that answers any path with the app's page (single-page-app
//! rewrites) the redirect to the reader's language stays on the site,
//! whatever the last part of the path; English can be chosen where nothing
//! can be kept, as it has an address of its own; and a change asks first
//! where it would stop a routine under way or lose one being built.

mod language_check;
mod support;

use language_check::prefers;
use support::{Browser, Server, BASE, DESKTOP};

#[tokio::test]
async fn a_spanish_reader_on_a_hostile_path_stays_on_the_site() {
    let server = Server::start();
    server.answer_missing_with_app_page(true);
    let browser = Browser::start(DESKTOP).await;
    browser.before_load(&prefers("es-ES")).await;
    let origin = format!("http://127.0.0.1:{}", server.port);
    for hostile in [
        "https:evil.example.html",
        "mailto:someone.html",
        "javascript:alert(1).html",
    ] {
        browser
            .client
            .goto(&format!("{origin}{BASE}{hostile}"))
            .await
            .expect("the page loads");
        // The redirect has run (or been refused) once the page is steady.
        tokio::time::sleep(std::time::Duration::from_millis(800)).await;
        let at = browser.js("return location.origin + location.pathname").await;
        let at = at.as_str().unwrap_or_default().to_owned();
        assert!(
            at.starts_with(&format!("{origin}{BASE}")),
            "{hostile}: the page went to {at}"
        );
    }
    browser.close().await;
}

#[tokio::test]
async fn english_can_be_chosen_by_a_spanish_reader_whose_browser_keeps_nothing() {
    let server = Server::start();
    let browser = Browser::start(DESKTOP).await;
    browser.before_load(&prefers("es-ES")).await;
    // Storage full: the choice cannot be kept.
    browser
        .before_load("Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };")
        .await;
    browser.open(&server.url("zone=left-heel")).await;
    let lang = "return document.documentElement.lang";
    browser.wait_for_js(lang, serde_json::json!("es")).await;
    browser.wait_for("[data-testid=languages] button[lang=en]").await;
    browser
        .js("document.querySelector('[data-testid=languages] button[lang=en]').click()")
        .await;
    let at = "return location.pathname.split('/').pop() + location.hash";
    browser
        .wait_for_js(at, serde_json::json!("index.en.html#zone=left-heel"))
        .await;
    browser.wait_for_js(lang, serde_json::json!("en")).await;
    browser.wait_for("[data-testid=limits]").await;
    // And it stays English on a reload.
    browser.client.refresh().await.unwrap();
    browser.wait_for("[data-testid=limits]").await;
    assert_eq!(browser.js(lang).await, serde_json::json!("en"));
    assert_eq!(
        browser.js(at).await,
        serde_json::json!("index.en.html#zone=left-heel")
    );
    browser.assert_clean(&server).await;
    browser.close().await;
}

#[tokio::test]
async fn changing_the_language_asks_first_while_a_routine_runs_or_is_being_built() {
    let (_server, browser) = support::session(DESKTOP, "").await;
    browser.start_routine("quick-3").await;
    browser.press("next").await;
    browser
        .wait_for_js(support::STATUS, serde_json::json!("running"))
        .await;
    browser
        .js("document.querySelector('[data-testid=languages] button[lang=de]').click()")
        .await;
    browser.wait_for("[data-testid=language-confirm]").await;
    assert_eq!(
        browser.js("return document.documentElement.lang").await,
        serde_json::json!("en")
    );
    assert_eq!(
        browser.js(support::STATUS).await,
        serde_json::json!("running"),
        "the routine goes on"
    );
    browser.press("language-stay").await;
    browser
        .wait_for_js(
            "return !document.querySelector('[data-testid=language-confirm]')",
            serde_json::json!(true),
        )
        .await;
    browser.press("stop").await;

    // A routine being built: asked too.
    browser.js("location.hash = 'routines'").await;
    browser.wait_for("[data-testid=new-routine]").await;
    browser.press("new-routine").await;
    browser.wait_for("[data-testid=editor]").await;
    browser
        .js("document.querySelector('[data-testid=languages] button[lang=es]').click()")
        .await;
    browser.wait_for("[data-testid=language-confirm]").await;
    assert_eq!(
        browser.js("return document.documentElement.lang").await,
        serde_json::json!("en")
    );
    browser.close().await;
}
