//! The app in a hostile or limited browser, end to end in headless
//! Chromium against the release build: each browser API missing or
//! throwing, a strict Content Security Policy, a phone's first routine,
//! accessibility on every page, and a new deploy arriving mid-routine.

mod support;

use fantoccini::Locator;
use serde_json::{json, Value};
use std::time::Duration;
use support::{next_name, second_deploy, Browser, Scratch, Server, CACHED, DESKTOP, PHONE, STATUS};

const STEP: &str = "return document.querySelector('[data-testid=countdown]')?.dataset.step ?? null";
const LIMITS: &str = "return [...document.querySelectorAll('[data-testid=limit]')].map(p => p.textContent)";

/// Records every uncaught exception and unhandled rejection in the page.
const CATCH_ERRORS: &str = r#"window.__pageErrors = [];
addEventListener('error', e => __pageErrors.push(String(e.message)));
addEventListener('unhandledrejection', e => __pageErrors.push(String(e.reason)));"#;

/// Makes `name` on `target` read as missing.
fn remove(target: &str, name: &str) -> String {
    format!("Object.defineProperty({target}, '{name}', {{ get: () => undefined, configurable: true }});")
}

/// Makes `name` on `target` a value (JS source) in place of the real API.
fn replace(target: &str, name: &str, value: &str) -> String {
    format!("Object.defineProperty({target}, '{name}', {{ value: {value}, configurable: true, writable: true }});")
}

/// Makes reading `name` on `target` throw, as blocked site data does.
fn refuse(target: &str, name: &str) -> String {
    format!(
        "Object.defineProperty({target}, '{name}', {{ get() {{ throw new DOMException('Access is denied', 'SecurityError'); }}, configurable: true }});"
    )
}

/// Starts the routine shown (through the safety note on a first visit)
/// and walks two steps with Next: every step change chimes and speaks.
async fn run_a_routine(browser: &Browser) {
    browser.wait_for_js(STATUS, json!("idle")).await;
    browser.press("start").await;
    browser.wait_for_js(STATUS, json!("get-ready")).await;
    browser.press("next").await;
    browser.wait_for_js(STATUS, json!("running")).await;
    browser.press("next").await;
    browser.wait_for_js(STEP, json!("1")).await;
    // The countdown keeps moving on its own.
    let before = browser.text("[data-testid=countdown]").await;
    tokio::time::sleep(Duration::from_millis(1300)).await;
    assert_ne!(
        browser.text("[data-testid=countdown]").await,
        before,
        "the countdown moves"
    );
    browser.press("stop").await;
    browser.wait_for_js(STATUS, json!("finished")).await;
}

#[tokio::test]
async fn a_routine_runs_in_a_browser_missing_or_refusing_each_api() {
    let throws = "function () { throw new Error('not here'); }";
    let fake_speech = format!("{{ speak: {throws}, cancel: {throws}, getVoices: {throws} }}");
    let none = [
        remove("window", "speechSynthesis"),
        remove("window", "SpeechSynthesisUtterance"),
        remove("window", "AudioContext"),
        remove("Navigator.prototype", "wakeLock"),
        refuse("window", "localStorage"),
        remove("Navigator.prototype", "serviceWorker"),
    ]
    .concat();
    let cases: Vec<(&str, String, Vec<&str>)> = vec![
        (
            "no speech synthesis",
            remove("window", "speechSynthesis") + &remove("window", "SpeechSynthesisUtterance"),
            vec!["This browser cannot speak: chimes only."],
        ),
        ("speech synthesis that throws", replace("window", "speechSynthesis", &fake_speech), vec![]),
        (
            "no Web Audio",
            remove("window", "AudioContext"),
            vec!["This browser cannot play chimes: voice only."],
        ),
        (
            "Web Audio that refuses to start",
            replace("window", "AudioContext", throws),
            vec!["This browser cannot play chimes: voice only."],
        ),
        (
            "no wake lock",
            remove("Navigator.prototype", "wakeLock"),
            vec!["This browser cannot keep the screen on: set your screen to stay on longer, or tap it now and then."],
        ),
        (
            "a wake lock that throws or refuses",
            replace(
                "Navigator.prototype",
                "wakeLock",
                "{ request: () => Promise.reject(new DOMException('no', 'NotAllowedError')) }",
            ),
            vec![],
        ),
        (
            "blocked local storage",
            refuse("window", "localStorage"),
            vec!["This browser is not letting Foot Map save anything: your settings last until you close the page."],
        ),
        (
            "a service worker that throws",
            replace("Navigator.prototype", "serviceWorker", &format!("{{ register: {throws} }}")),
            vec![],
        ),
        (
            "none of them",
            none,
            vec![
                "This browser can neither chime nor speak: follow the countdown on screen.",
                "This browser cannot keep the screen on: set your screen to stay on longer, or tap it now and then.",
                "This browser is not letting Foot Map save anything: your settings last until you close the page.",
            ],
        ),
    ];
    for (name, script, limits) in cases {
        let (server, browser) =
            support::session_with(DESKTOP, "routine=quick-3", &[CATCH_ERRORS, &script]).await;
        run_a_routine(&browser).await;
        assert_eq!(
            browser.js(LIMITS).await,
            json!(limits),
            "{name}: the settings say what this browser cannot do"
        );
        assert_eq!(
            browser.js("return window.__pageErrors").await,
            json!([]),
            "{name}: errors reached the page"
        );
        // The map still works too.
        browser.click_zone("left-heel").await;
        browser
            .wait_for_text("[data-testid=zone-details] h2", "Heel")
            .await;
        let problems = browser.console_problems().await;
        assert!(
            problems.is_empty(),
            "{name}: console warnings or errors: {problems:#?}"
        );
        assert!(server.failures().is_empty(), "{name}: failed requests");
        browser.close().await;
    }
}

#[tokio::test]
async fn starting_a_first_routine_brings_the_countdown_and_controls_into_view_and_focus() {
    for size in [PHONE, DESKTOP] {
        let (_server, browser) = support::session(size, "routine=quick-3").await;
        browser.wait_for_js(STATUS, json!("idle")).await;
        assert!(
            browser.text("[data-testid=safety-gate]").await.is_some(),
            "a first routine starts with the safety note"
        );
        // A person scrolls down through the note to the button and taps it.
        browser
            .js("document.querySelector('[data-testid=start]').scrollIntoView({block: 'end'})")
            .await;
        browser
            .click(fantoccini::Locator::Css("[data-testid=start]"))
            .await;
        browser.wait_for_js(STATUS, json!("get-ready")).await;
        browser
            .wait_for_js(
                "return document.activeElement?.dataset.testid ?? null",
                json!("pause"),
            )
            .await;
        // Both are on screen and nothing (such as the pinned map) covers them.
        let visible = r#"return ['countdown', 'pause', 'next', 'stop'].filter(id => {
                const el = document.querySelector(`[data-testid=${id}]`);
                const r = el.getBoundingClientRect();
                const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                return r.top < 0 || r.bottom > innerHeight || !(hit && el.contains(hit));
            })"#;
        assert_eq!(
            browser.js(visible).await,
            json!([]),
            "{size:?}: off screen or covered"
        );
        browser.shot(&format!("started-{}", size.0)).await;
        browser.close().await;
    }
}

#[tokio::test]
async fn no_page_or_routine_breaks_the_content_security_policy() {
    let listen = "window.__violations = []; document.addEventListener('securitypolicyviolation', \
                  e => __violations.push(`${e.violatedDirective} ${e.blockedURI}`));";
    let (server, browser) = support::session_with(DESKTOP, "", &[listen]).await;
    let policy = browser
        .js("return document.querySelector('meta[http-equiv=Content-Security-Policy]')?.content ?? ''")
        .await;
    let policy = policy.as_str().unwrap();
    for wanted in [
        "default-src 'self'",
        "'wasm-unsafe-eval'",
        "object-src 'none'",
        "base-uri 'none'",
        "'sha256-",
    ] {
        assert!(policy.contains(wanted), "the policy has {wanted}: {policy}");
    }
    assert!(
        !policy.contains("unsafe-inline") && !policy.contains("'unsafe-eval'"),
        "{policy}"
    );

    browser.click_zone("right-heel").await;
    browser
        .wait_for_text("[data-testid=zone-details] h2", "Heel")
        .await;
    for page in [
        "routines",
        "benefits",
        "benefit=relaxing",
        "evidence",
        "safety",
        "history",
        "zone=left-big-toe",
    ] {
        browser.js(&format!("location.hash = '{page}'")).await;
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    browser.js("location.hash = 'routine=quick-3'").await;
    run_a_routine(&browser).await;
    assert_eq!(browser.js("return window.__violations").await, json!([]));
    browser.assert_clean(&server).await;
    browser.close().await;
}

#[tokio::test]
async fn axe_finds_no_violations_on_any_page_light_or_dark_phone_or_desktop() {
    let shared = shared_link();
    let pages = [
        "edit=my-axe",
        &shared,
        "",
        "zone=left-inner-ankle",
        "routines",
        "routine=quick-3",
        "benefits",
        "benefit=circulation",
        "evidence",
        "safety",
        "history",
    ];
    let mut found = Vec::new();
    for size in [DESKTOP, PHONE] {
        let (_server, browser) = support::session(size, "").await;
        for dark in [false, true] {
            browser.set_dark(dark).await;
            for page in pages {
                browser.js(&format!("location.hash = '{page}'")).await;
                if page.starts_with("edit=") {
                    // The editor with a step on it, as a click on the map adds.
                    browser
                        .js("document.querySelector('.zone[data-zone=left-heel]').dispatchEvent(new MouseEvent('click', {bubbles: true}))")
                        .await;
                }
                tokio::time::sleep(Duration::from_millis(250)).await;
                for violation in browser.axe_violations().await {
                    found.push(format!("{size:?} dark={dark} #{page}: {violation}"));
                }
            }
            // And a routine under way.
            browser.start_routine("quick-3").await;
            for violation in browser.axe_violations().await {
                found.push(format!("{size:?} dark={dark} routine under way: {violation}"));
            }
            browser.press("stop").await;
        }
        browser.close().await;
    }
    assert!(found.is_empty(), "axe violations:\n{}", found.join("\n"));
}

/// A share link for a two-step routine, as the Share button makes it.
fn shared_link() -> String {
    use foot_map::own_routine::{EditAction, OwnRoutine};
    let content = foot_map::content::content();
    let heel = content.zones.iter().find(|z| z.id == "heel").unwrap();
    let routine = OwnRoutine::new("my-1", "Heels")
        .reduce(EditAction::AddZone {
            side: foot_map::content::Side::Left,
            zone: heel,
        })
        .reduce(EditAction::MirrorAll);
    foot_map::share::fragment(&routine).unwrap()
}

#[tokio::test]
async fn a_new_deploy_reaches_the_next_visit_and_never_interrupts_a_running_routine() {
    let server = Server::start();
    let browser = Browser::start(DESKTOP).await;
    browser.open(&server.url("routine=quick-3")).await;
    browser.wait_for_service_worker().await;
    let first_cache = browser.client.execute_async(CACHED, vec![]).await.unwrap();
    assert_eq!(
        first_cache["names"].as_array().map(Vec::len),
        Some(1),
        "{first_cache}"
    );

    // A routine is under way in this tab when the new version is deployed.
    let routine_tab = browser.client.window().await.unwrap();
    browser.wait_for_js(STATUS, json!("idle")).await;
    browser.press("start").await;
    browser.wait_for_js(STATUS, json!("get-ready")).await;
    browser.press("next").await;
    browser.wait_for_js(STATUS, json!("running")).await;

    let (second, named, renamed) = second_deploy(&support::dist());
    server.deploy(second.path().to_path_buf());

    // The next visit, in another tab, gets the new files at once.
    let tab = browser.client.new_window(true).await.unwrap();
    browser.client.switch_to_window(tab.handle.clone()).await.unwrap();
    browser.open(&server.url("")).await;
    let loaded: Value = browser
        .js("return performance.getEntriesByType('resource').map(e => e.name)")
        .await;
    for file in named
        .iter()
        .filter(|f| f.ends_with(".wasm") || f.ends_with(".js"))
    {
        assert!(
            loaded.to_string().contains(file.as_str()),
            "the new visit loads {file}: {loaded}"
        );
    }

    // The new service worker takes over; the old deploy's cache stays
    // while a page of that deploy is open.
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    loop {
        let cached = browser.client.execute_async(CACHED, vec![]).await.unwrap();
        let names = cached["names"].as_array().cloned().unwrap_or_default();
        if names.len() == 2 {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "no second cache: {cached}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }

    // The routine in the first tab carried on throughout.
    browser
        .client
        .switch_to_window(routine_tab.clone())
        .await
        .unwrap();
    assert_eq!(browser.js(STATUS).await, json!("running"));
    assert_eq!(browser.js("return window.__pageErrors ?? []").await, json!([]));
    let step = browser.js(STEP).await;
    browser.press("next").await;
    browser
        .wait_for_js(
            STEP,
            json!((step.as_str().unwrap().parse::<u32>().unwrap() + 1).to_string()),
        )
        .await;
    // And that tab still opens a page for the first time, whose code the
    // host no longer has: the old deploy's cache serves it.
    browser.js("location.hash = 'history'").await;
    browser.wait_for("[data-testid=history]").await;
    assert!(browser.text("[data-testid=link-notice]").await.is_none());
    let problems = browser.console_problems().await;
    assert!(problems.is_empty(), "console warnings or errors: {problems:#?}");
    assert!(
        server.failures().is_empty(),
        "failed requests: {:#?}",
        server.failures()
    );

    // Once no page of the old deploy is open, its cache and files go at the
    // next visit.
    browser.client.close_window().await.unwrap();
    browser.client.switch_to_window(tab.handle.clone()).await.unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    let cached = loop {
        browser.client.refresh().await.unwrap();
        let cached = browser.client.execute_async(CACHED, vec![]).await.unwrap();
        let names = cached["names"].as_array().cloned().unwrap_or_default();
        if names.len() == 1 && names != first_cache["names"].as_array().cloned().unwrap_or_default() {
            break cached;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the old cache stays: {cached}"
        );
        tokio::time::sleep(Duration::from_millis(300)).await;
    };
    let urls = cached["urls"].to_string();
    for old in &renamed {
        assert!(
            !urls.contains(&format!("/{old}\"")),
            "the old file {old} is still cached: {urls}"
        );
    }
    // (Every file but the other languages' words: this reader's are English.)
    for file in renamed.iter().map(|old| next_name(old)) {
        if file.starts_with("split_lang_") && !file.starts_with("split_lang_en") {
            assert!(!urls.contains(file.as_str()), "{file} is not this reader's");
        } else {
            assert!(urls.contains(file.as_str()), "{file} is cached for offline use");
        }
    }
    browser.close().await;
}

/// A copy of the build without the code of the pages opened later
/// (`split_*.wasm`) but a zone's details (which the service worker has
/// fetched once the app started) and the English words and content (which
/// came with the start), as when a host has lost them or the network fails
/// just then.
fn without_later_code() -> Scratch {
    support::dist_without("partial", |name| {
        name.starts_with("split_") && !name.starts_with("split_details") && !name.starts_with("split_lang_en")
    })
}

#[tokio::test]
async fn a_page_whose_code_cannot_be_downloaded_says_so_and_the_map_still_works() {
    let partial = without_later_code();
    let server = Server::start_at(partial.path().to_path_buf());
    let browser = Browser::start(DESKTOP).await;
    browser.open(&server.url("zone=left-heel")).await;
    let safety = Locator::Css(".site-nav a[href='#safety']");
    browser.click(safety).await;
    browser
        .wait_for_text("[data-testid=link-notice]", "could not be opened")
        .await;
    // The zone stays in view, and in the address, so the link works again.
    assert_eq!(
        browser.details_title().await.as_deref(),
        Some("Heel"),
        "the page in view stays"
    );
    assert_eq!(browser.js("return location.hash").await, json!("#zone=left-heel"));
    assert_eq!(
        browser
            .js(r#"return !!document.querySelector(".app[aria-busy]")"#)
            .await,
        json!(false)
    );
    browser.click_zone("right-heel").await;
    browser
        .wait_for_js(
            "return document.querySelector('[data-testid=zone-details]').dataset.zone",
            json!("right-heel"),
        )
        .await;

    // Once the code can be had again, the same link opens the page.
    server.deploy(support::dist());
    browser.click(safety).await;
    browser.wait_for("[data-testid=safety-page]").await;
    assert!(browser.text("[data-testid=link-notice]").await.is_none());
    browser.close().await;
}
