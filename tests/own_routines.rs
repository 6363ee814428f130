//! A person's own routines end to end in headless Chromium against the
//! release build: built by clicking the map, saved, kept across a reload
//! and run; shared by link and saved from it in a fresh browser; exported,
//! cleared and imported back; deleted and restored.

mod support;

use serde_json::{json, Value};
use std::time::Duration;
use support::{store, Browser, DESKTOP, PHONE, STATUS};

const STEP_NAMES: &str =
    "return [...document.querySelectorAll('[data-testid=edit-step] .edit-step-name')].map(s => s.textContent)";

/// The number of zones lit as part of the routine on the map.
const PLANNED: &str = "return document.querySelectorAll('.zone.is-planned').length";

/// Types `text` into the element `css` finds, replacing what it held.
async fn type_into(browser: &Browser, css: &str, text: &str) {
    let field = browser
        .client
        .find(fantoccini::Locator::Css(css))
        .await
        .expect("the field is on the page");
    field.clear().await.expect("the field clears");
    field.send_keys(text).await.expect("typing works");
}

/// Opens the editor for a new routine from the routines page.
async fn new_routine(browser: &Browser) {
    browser.js("location.hash = 'routines'").await;
    browser.wait_for("[data-testid=new-routine]").await;
    browser.press("new-routine").await;
    browser.wait_for("[data-testid=editor]").await;
}

#[tokio::test]
async fn a_routine_built_on_the_map_is_saved_kept_and_run() {
    let (server, browser) = support::session(PHONE, "").await;
    new_routine(&browser).await;
    assert!(browser
        .js("return location.hash")
        .await
        .as_str()
        .unwrap()
        .starts_with("#edit=my-"));
    assert_eq!(
        browser.js("return document.activeElement.id").await,
        json!("editor-title"),
        "focus moves to the editor"
    );
    browser.shot("editor-empty-phone").await;

    // One click a step: the zone, its first technique, its usual time.
    for zone in ["left-big-toe", "left-ball-inner", "left-arch-inner", "left-heel"] {
        browser.click_zone(zone).await;
    }
    browser
        .wait_for_js(&format!("{STEP_NAMES}.length"), json!(4))
        .await;
    assert_eq!(
        browser.js(&format!("{STEP_NAMES}[3]")).await,
        json!("Left foot – heel")
    );
    assert!(
        browser.js(PLANNED).await.as_u64().unwrap() >= 4,
        "the steps' zones are lit"
    );
    assert_eq!(
        browser.text(".edit-added").await.as_deref(),
        Some("Step 4 added: Left foot – heel.")
    );
    // The heel tapped again is added again, and the message says so.
    browser.click_zone("left-heel").await;
    browser
        .wait_for_text(".edit-added", "Step 5 added: Left foot – heel (also step 4).")
        .await;
    browser
        .js("document.querySelectorAll('[data-testid=remove]')[4].click()")
        .await;
    browser
        .wait_for_js(&format!("{STEP_NAMES}.length"), json!(4))
        .await;
    // The fifth: mirror the heel to the right foot (one action).
    browser
        .js("document.querySelectorAll('[data-testid=mirror]')[3].click()")
        .await;
    browser
        .wait_for_js(&format!("{STEP_NAMES}[4]"), json!("Right foot – heel"))
        .await;
    assert_eq!(
        browser.text(".edit-added").await.as_deref(),
        Some(""),
        "“Step 5 added” is no longer true once a step is removed and mirrored"
    );
    // Second interaction on step 1: another technique; on step 2: longer.
    let before = browser
        .js("return document.querySelectorAll('[data-testid=step-time]')[1].textContent")
        .await;
    browser
        .js(
            "const s = document.querySelectorAll('[data-testid=step-technique]')[0]; \
             s.selectedIndex = s.options.length - 1; s.dispatchEvent(new Event('change'))",
        )
        .await;
    browser
        .js("document.querySelectorAll('[data-testid=longer]')[1].click()")
        .await;
    let after = browser
        .js("return document.querySelectorAll('[data-testid=step-time]')[1].textContent")
        .await;
    assert_ne!(before, after, "the time changes in 5-second steps");
    // Move the last step up: the heels end side by side either way round.
    browser.js("document.getElementById('step-4-up').click()").await;
    browser
        .wait_for_js(&format!("{STEP_NAMES}[3]"), json!("Right foot – heel"))
        .await;
    assert_eq!(
        browser.js("return document.activeElement.id").await,
        json!("step-3-up")
    );
    let total = browser.text("[data-testid=edit-total]").await.unwrap();
    assert!(total.starts_with("5 steps · "), "{total}");
    type_into(&browser, "[data-testid=routine-name]", "Sunday feet").await;
    browser.wait_for_text("#editor-title", "Sunday feet").await;
    browser.shot("editor-five-steps-phone").await;

    browser.press("save-routine").await;
    browser.wait_for_js(STATUS, json!("idle")).await;
    assert_eq!(browser.text(".player h2").await.as_deref(), Some("Sunday feet"));
    assert_eq!(browser.js(&store(".routines.length")).await, json!(1));

    // Kept across a reload, listed, and run in the same player.
    browser.client.refresh().await.unwrap();
    browser.js("location.hash = 'routines'").await;
    browser
        .wait_for_text("[data-testid=own-routine] .card-title", "Sunday feet")
        .await;
    browser.shot("own-routines-phone").await;
    browser
        .js("document.querySelector('[data-testid=own-routine] .card').click()")
        .await;
    browser.wait_for_js(STATUS, json!("idle")).await;
    browser.press("start").await;
    browser.wait_for_js(STATUS, json!("get-ready")).await;
    browser.press("next").await;
    browser.wait_for_js(STATUS, json!("running")).await;
    assert_eq!(
        browser.text("[data-testid=step-zone]").await.as_deref(),
        Some("Left foot – big toe")
    );
    assert_eq!(
        browser
            .js("return document.querySelectorAll('.zone.is-current').length")
            .await,
        json!(1),
        "the step's zone is lit"
    );
    browser.press("stop").await;
    browser.wait_for_js(STATUS, json!("finished")).await;

    // Edit, duplicate, delete with undo.
    browser.js("location.hash = 'routines'").await;
    browser.press("duplicate").await;
    browser
        .wait_for_js(
            "return [...document.querySelectorAll('[data-testid=own-routine] .card-title')].map(t => t.textContent)",
            json!(["Sunday feet", "Sunday feet (copy)"]),
        )
        .await;
    browser
        .js("document.querySelectorAll('[data-testid=delete]')[0].click()")
        .await;
    browser
        .wait_for_text("[data-testid=undo]", "Deleted “Sunday feet”")
        .await;
    assert_eq!(browser.js(&store(".routines.length")).await, json!(1));
    browser
        .js("document.querySelector('[data-testid=undo] button').click()")
        .await;
    browser
        .wait_for_js(
            &store(".routines.map(r => r.name)"),
            json!(["Sunday feet", "Sunday feet (copy)"]),
        )
        .await;
    browser.press("edit").await;
    browser
        .wait_for_js(&format!("{STEP_NAMES}.length"), json!(5))
        .await;
    browser
        .js("document.getElementById('step-0-remove').click()")
        .await;
    browser
        .wait_for_js(&format!("{STEP_NAMES}.length"), json!(4))
        .await;
    browser.press("save-routine").await;
    browser.wait_for_js(STATUS, json!("idle")).await;
    assert_eq!(browser.js(&store(".routines[0].steps.length")).await, json!(4));
    browser.assert_clean(&server).await;
    browser.close().await;
}

#[tokio::test]
async fn a_routine_without_a_name_or_steps_is_not_saved_and_says_why() {
    let (server, browser) = support::session(DESKTOP, "").await;
    new_routine(&browser).await;
    type_into(&browser, "[data-testid=routine-name]", " ").await;
    browser.press("save-routine").await;
    let problems = browser.text("[data-testid=problems]").await.unwrap();
    assert!(problems.contains("Give the routine a name"), "{problems}");
    assert!(problems.contains("no steps yet"), "{problems}");
    assert_eq!(browser.js(&store("")).await, Value::Null);
    // A built-in routine copied is one's own to change.
    browser.js("location.hash = 'routines'").await;
    browser.press("copy-routine").await;
    browser
        .wait_for_js(&format!("{STEP_NAMES}.length > 0"), json!(true))
        .await;
    let name = browser
        .js("return document.querySelector('[data-testid=routine-name]').value")
        .await;
    assert!(name.as_str().unwrap().ends_with("(my copy)"), "{name}");
    browser.shot("editor-copy-desktop").await;
    browser.assert_clean(&server).await;
    browser.close().await;
}

/// A saved routine of three steps, as the store holds it.
const SAVED: &str = r#"{"version":1,"settings":{"sound":"chime","manual":true,"safety_seen":true,"vibrate":true},
"routines":[{"id":"my-evening","name":"Evening","steps":[
 {"side":"left","zone":"heel","technique":"knuckle-press","seconds":40},
 {"side":"right","zone":"heel","technique":"knuckle-press","seconds":40},
 {"side":"left","zone":"big-toe","technique":"thumb-circles","seconds":30}]},
 {"id":"my-morning","name":"Morning","steps":[
 {"side":"right","zone":"arch-inner","technique":"thumb-walking","seconds":60}]}],
"history":[{"start":1763740800000,"offset":60,"routine":"my-evening","name":"Evening","seconds":110,"finished":true},
 {"start":1763827200000,"offset":60,"routine":"quick-3","name":"3-minute quick reset","seconds":180,"finished":true}]}"#;

#[tokio::test]
async fn a_shared_link_opens_in_a_fresh_browser_and_is_saved_only_there_and_when_asked() {
    // The system share sheet, where the browser has one: record what it got.
    let fake_share = "navigator.share = async (data) => { window.sharedData = data; };";
    let (server, browser) = support::session_with(DESKTOP, "routines", &[fake_share]).await;
    browser.with_saved(SAVED).await;
    browser.js("location.hash = 'routines'").await;
    browser
        .wait_for_text("[data-testid=own-routine] .card-title", "Evening")
        .await;
    browser.press("share").await;
    browser
        .wait_for_text("[data-testid=share-result]", "Shared")
        .await;
    let link = browser
        .js("return document.querySelector('[data-testid=share-link]').value")
        .await;
    let link = link.as_str().unwrap().to_string();
    assert_eq!(browser.js("return window.sharedData.url").await, json!(link));
    assert_eq!(
        browser.js("return window.sharedData.title").await,
        json!("Evening")
    );
    let fragment = link.split_once('#').unwrap().1.to_string();
    assert!(fragment.starts_with("share=1."), "{fragment}");
    assert!(fragment.len() < 60, "3 steps take few characters: {fragment}");

    // A fresh browser: nothing of the first one's.
    let other = Browser::start(PHONE).await;
    other.open(&link).await;
    other.wait_for_text("[data-testid=shared] h2", "Evening").await;
    assert!(other
        .text("[data-testid=shared]")
        .await
        .unwrap()
        .contains("3 steps"));
    assert_eq!(
        other.js(PLANNED).await,
        json!(3),
        "both heels and the left big toe are lit"
    );
    assert_eq!(other.js(&store("")).await, Value::Null, "nothing saved yet");
    other.shot("shared-preview-phone").await;
    other.press("save-shared").await;
    other.wait_for_js(STATUS, json!("idle")).await;
    assert_eq!(other.js(&store(".routines[0].name")).await, json!("Evening"));
    assert_eq!(other.js(&store(".routines[0].steps.length")).await, json!(3));

    // A link cut short says so and saves nothing.
    let cut = &link[..link.len() - 3];
    other.js("localStorage.clear()").await;
    other.open(&server.url("routines")).await;
    other
        .client
        .execute("location.href = arguments[0]", vec![json!(cut)])
        .await
        .unwrap();
    other
        .wait_for_text("[data-testid=link-notice]", "Nothing was saved")
        .await;
    assert_eq!(other.js(&store("")).await, Value::Null);
    other.assert_clean(&server).await;
    other.close().await;
    browser.assert_clean(&server).await;
    browser.close().await;
}

#[tokio::test]
async fn export_clear_and_import_brings_everything_back() {
    // Keeps each file the page offers to download.
    let keep_downloads = "const made = URL.createObjectURL.bind(URL); \
        URL.createObjectURL = (blob) => { window.exported = blob; return made(blob); };";
    let (server, browser) = support::session_with(DESKTOP, "history", &[keep_downloads]).await;
    browser.with_saved(SAVED).await;
    browser.wait_for_js(&store(".routines.length"), json!(2)).await;
    browser.js("location.hash = 'history'").await;
    browser.wait_for("[data-testid=export]").await;
    browser.press("export").await;
    browser
        .wait_for_text("[data-testid=data-said]", "Exported as")
        .await;
    // The export is noted (for the reminder to export), and an import of
    // the file brings that back too: the data then has a copy outside.
    browser
        .wait_for_js(&store(".settings.exported > 0"), json!(true))
        .await;
    let before = browser.js(&store("")).await;
    let file = browser.js("return window.exported.text()").await;
    let file = file.as_str().unwrap().to_string();
    assert!(file.starts_with(r#"{"format":"foot-map""#), "{file}");

    // Cleared: nothing of the person's left.
    browser.js("localStorage.clear()").await;
    browser.client.refresh().await.unwrap();
    browser.js("location.hash = 'routines'").await;
    browser.wait_for("[data-testid=new-routine]").await;
    assert_eq!(
        browser
            .js("return document.querySelectorAll('[data-testid=own-routine]').length")
            .await,
        json!(0)
    );

    // A foreign file changes nothing and says what is wrong.
    let folder = support::Scratch::new("import");
    let dir = folder.path();
    let foreign = dir.join("photos.json");
    std::fs::write(&foreign, r#"{"format":"photo-album","version":3}"#).unwrap();
    let exported = dir.join("foot-map.json");
    std::fs::write(&exported, &file).unwrap();
    browser.js("location.hash = 'history'").await;
    // The history's code is fetched the first time it is opened.
    browser.wait_for("[data-testid=import]").await;
    browser.pick_import(&foreign).await;
    browser
        .wait_for_text("[data-testid=data-said]", "Nothing was changed")
        .await;
    assert!(browser
        .text("[data-testid=data-said]")
        .await
        .unwrap()
        .contains("photo-album"));

    // The export: a preview, then everything back as it was.
    browser.pick_import(&exported).await;
    browser
        .wait_for_text("[data-testid=import-plan]", "Adds 2 routines")
        .await;
    let plan = browser.text("[data-testid=import-plan]").await.unwrap();
    assert!(plan.contains("Adds 2 sessions"), "{plan}");
    browser.shot("import-plan-desktop").await;
    assert_eq!(
        browser.js(&store("")).await,
        Value::Null,
        "nothing changes before Import"
    );
    browser.press("confirm-import").await;
    browser.wait_for_text("[data-testid=data-said]", "Imported").await;
    assert_eq!(browser.js(&store("")).await, before);

    // The same file again adds nothing.
    browser.pick_import(&exported).await;
    browser
        .wait_for_text("[data-testid=import-plan]", "already here")
        .await;
    browser.assert_clean(&server).await;
    browser.close().await;
}

#[tokio::test]
async fn a_routine_saved_in_one_tab_shows_in_the_other() {
    let (server, browser) = support::session(DESKTOP, "routines").await;
    browser.js("localStorage.clear()").await;
    browser.client.refresh().await.unwrap();
    browser.js("window.open(location.href, 'second')").await;
    let handles = browser.client.windows().await.unwrap();
    browser.client.switch_to_window(handles[1].clone()).await.unwrap();
    new_routine(&browser).await;
    browser.click_zone("left-heel").await;
    type_into(&browser, "[data-testid=routine-name]", "From tab two").await;
    browser.press("save-routine").await;
    browser.wait_for_js(&store(".routines.length"), json!(1)).await;
    browser.client.switch_to_window(handles[0].clone()).await.unwrap();
    browser
        .wait_for_text("[data-testid=own-routine] .card-title", "From tab two")
        .await;
    // A change here keeps the other tab's routine.
    browser.press("duplicate").await;
    browser
        .wait_for_js(
            &store(".routines.map(r => r.name)"),
            json!(["From tab two", "From tab two (copy)"]),
        )
        .await;
    tokio::time::sleep(Duration::from_millis(100)).await;
    browser.assert_clean(&server).await;
    browser.close().await;
}
