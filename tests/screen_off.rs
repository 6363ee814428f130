//! The routine goes on with the screen off (issue 38), in headless
//! Chromium against the release build: the routine's sound is one track,
//! played by a media element, which Chromium keeps playing while the
//! page's scripts stand still; the track is the routine's clock.
//!
//! The page's timers are held through the DevTools protocol: a script run
//! by `Runtime.evaluate` keeps the page's thread busy for a minute, so no
//! timer fires, while media plays on, as on a locked phone.
//! (`Page.setWebLifecycleState` "frozen" pauses media elements too in
//! Chromium, so it cannot stand for a locked screen; tests/player.rs
//! covers that case. `Debugger.pause` stops chromedriver as well.)

mod support;

use foot_map::content::whole;
use foot_map::state::player::GET_READY_MS;
use serde_json::{json, Value};
use std::time::Duration;
use support::{Browser, DESKTOP, PHONE, STATUS};

/// Keeps each track the page builds (`window.__tracks`), each media
/// element it plays (`window.__played`), each note the page itself chimes
/// (`window.__notes`), each sentence it speaks (`window.__said`), and a
/// media session whose buttons the test presses and whose position it
/// reads.
const WATCH: &str = "window.__tracks = []; window.__played = []; window.__notes = 0; window.__said = []; \
    const create = URL.createObjectURL; \
    URL.createObjectURL = function (blob) { window.__tracks.push(blob); return create.call(URL, blob); }; \
    const play = HTMLMediaElement.prototype.play; \
    HTMLMediaElement.prototype.play = function () { if (!window.__played.includes(this)) window.__played.push(this); return play.call(this); }; \
    if (window.AudioContext) { const osc = AudioContext.prototype.createOscillator; \
      AudioContext.prototype.createOscillator = function () { window.__notes += 1; return osc.call(this); }; } \
    window.speechSynthesis.speak = (u) => { window.__said.push(u.text); }; \
    window.handlers = {}; window.positions = []; \
    const session = { metadata: null, playbackState: 'none', \
      setActionHandler(action, handler) { window.handlers[action] = handler; }, \
      setPositionState(state) { window.positions.push(state ?? {}); } }; \
    Object.defineProperty(Navigator.prototype, 'mediaSession', { get: () => session, configurable: true });";

const STEP: &str = "return document.querySelector('[data-testid=countdown]')?.dataset.step ?? null";

/// The track: the media element playing a `blob:` address.
const TRACK: &str = "window.__track = () => window.__played.find((e) => (e.src || '').startsWith('blob:'));";

/// Chimes only, the cues inside long steps on, the safety note read.
fn saved(routines: &str) -> String {
    format!(
        r#"{{"version":1,"settings":{{"sound":"chime","cues":true,"safety_seen":true}},"routines":[{routines}],"history":[]}}"#
    )
}

/// An own routine that changes foot twice.
const EVENING: &str = r#"{"id":"my-evening","name":"Evening","steps":[
 {"side":"left","zone":"heel","technique":"knuckle-press","seconds":40},
 {"side":"right","zone":"heel","technique":"knuckle-press","seconds":40},
 {"side":"left","zone":"big-toe","technique":"thumb-circles","seconds":30}]}"#;

/// Decodes the last track the page built with the browser's own decoder
/// and returns where sound starts after 100 ms of quiet, in ms: the cues
/// a listener hears.
const HEARD: &str = "const done = arguments[arguments.length - 1]; \
    (async () => { \
      const blob = window.__tracks[window.__tracks.length - 1]; \
      const context = new OfflineAudioContext(1, 8000, 8000); \
      const audio = await context.decodeAudioData(await blob.arrayBuffer()); \
      const data = audio.getChannelData(0); const rate = audio.sampleRate; \
      const heard = []; let quiet = rate; \
      for (let i = 0; i < data.length; i++) { \
        if (Math.abs(data[i]) > 0.02) { if (quiet >= rate / 10) heard.push(i * 1000 / rate); quiet = 0; } \
        else quiet += 1; } \
      done({ heard, type: blob.type, seconds: audio.duration }); \
    })().catch((e) => done({ error: String(e) }));";

/// When each cue is due, in ms from Start, worked out here from the
/// steps' lengths: each step's start, halfway through steps of 40 s or
/// more, ten seconds before the end of steps of 25 s or more, and the end.
fn due(seconds: &[u64]) -> Vec<f64> {
    let mut due = Vec::new();
    let mut start = GET_READY_MS;
    for &s in seconds {
        let ms = s * 1000;
        due.push(start);
        if ms >= 40_000 {
            due.push(start + ms / 2);
        }
        if ms >= 25_000 {
            due.push(start + ms - 10_000);
        }
        start += ms;
    }
    due.push(start);
    due.sort_unstable();
    due.into_iter().map(|ms| ms as f64).collect()
}

async fn open_with_saved(browser: &Browser, fragment: &str) {
    browser.with_saved(&saved(EVENING)).await;
    browser.js(&format!("location.hash = '{fragment}'")).await;
    browser.wait_for_js(STATUS, json!("idle")).await;
    browser.js(TRACK).await;
}

async fn heard(browser: &Browser) -> Value {
    browser
        .client
        .execute_async(HEARD, vec![])
        .await
        .expect("the track decodes")
}

fn assert_on_time(name: &str, heard: &Value, due: &[f64]) {
    assert_eq!(heard["type"], json!("audio/wav"), "{name}");
    let heard: Vec<f64> = heard["heard"]
        .as_array()
        .unwrap_or_else(|| panic!("{name}: {heard}"))
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect();
    assert_eq!(heard.len(), due.len(), "{name}: heard {heard:?}, due {due:?}");
    for (h, d) in heard.iter().zip(due) {
        assert!(
            (h - d).abs() <= 20.0,
            "{name}: a cue due at {d} ms is heard at {h} ms"
        );
    }
}

#[tokio::test]
async fn every_routine_s_track_holds_each_cue_within_twenty_ms_of_its_time() {
    let (server, browser) = support::session_with(DESKTOP, "", &[WATCH]).await;
    let mut routines: Vec<(String, Vec<u64>)> = whole()
        .routines
        .iter()
        .map(|r| {
            (
                r.id.clone(),
                r.steps.iter().map(|s| u64::from(s.seconds)).collect(),
            )
        })
        .collect();
    routines.push(("my-evening".into(), vec![40, 40, 30]));
    for (id, seconds) in &routines {
        open_with_saved(&browser, &format!("routine={id}")).await;
        browser.press("start").await;
        browser.wait_for_js(STATUS, json!("get-ready")).await;
        browser
            .wait_for_js("return window.__tracks.length", json!(1))
            .await;
        assert_on_time(id, &heard(&browser).await, &due(seconds));
        browser.press("stop").await;
        browser.wait_for_js(STATUS, json!("finished")).await;
    }
    browser.assert_clean(&server).await;
    browser.close().await;
}

/// The step shown, and the step the track has reached (from its own
/// position and the routine's steps), read 100 ms after the page's
/// scripts run again.
const AFTER_100_MS: &str = "const done = arguments[arguments.length - 1]; \
    setTimeout(() => done({ \
      shown: document.querySelector('[data-testid=countdown]')?.dataset.step ?? null, \
      status: document.querySelector('[data-testid=player]')?.dataset.status, \
      track_ms: window.__track().currentTime * 1000 }), 100);";

#[tokio::test]
async fn after_a_minute_with_its_scripts_stopped_the_page_shows_the_step_the_track_reached_and_no_cue_twice()
{
    let (server, browser) = support::session_with(PHONE, "", &[WATCH]).await;
    open_with_saved(&browser, "routine=quick-3").await;
    browser.press("start").await;
    browser.wait_for_js(STATUS, json!("running")).await;
    assert_eq!(browser.js("return window.__track().paused").await, json!(false));
    assert_eq!(
        browser.js("return window.__notes").await,
        json!(0),
        "the track chimes, not the page"
    );
    // The phone locks: no timer fires for a minute; the track plays on.
    browser
        .cdp(
            "Runtime.evaluate",
            json!({ "expression": "{ const end = performance.now() + 60000; while (performance.now() < end) {} }" }),
        )
        .await;
    let seen = browser
        .client
        .execute_async(AFTER_100_MS, vec![])
        .await
        .expect("the page runs again");
    let track_ms = seen["track_ms"].as_f64().unwrap();
    assert!(track_ms > 60_000.0, "the track played on: {seen}");
    let seconds: Vec<u64> = whole()
        .routines
        .iter()
        .find(|r| r.id == "quick-3")
        .unwrap()
        .steps
        .iter()
        .map(|s| u64::from(s.seconds))
        .collect();
    let mut reached = 0;
    let mut start = GET_READY_MS as f64;
    for (i, s) in seconds.iter().enumerate() {
        if track_ms >= start {
            reached = i;
        }
        start += *s as f64 * 1000.0;
    }
    assert_eq!(seen["status"], json!("running"), "{seen}");
    assert_eq!(
        seen["shown"],
        json!(reached.to_string()),
        "within 100 ms the page shows the step the track reached: {seen}"
    );
    assert_eq!(
        browser.js("return window.__notes").await,
        json!(0),
        "no chime from the page on top of the track's"
    );
    let said = browser.js("return window.__said").await;
    let said: Vec<&str> = said
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    let mut once = said.clone();
    once.dedup();
    assert_eq!(said, once, "nothing said twice");
    browser.assert_clean(&server).await;
    browser.close().await;
}

/// The track's position in ms, and whether it plays.
const TRACK_STATE: &str =
    "const t = window.__track(); return t ? [Math.round(t.currentTime * 1000), !t.paused] : null";

/// Asserts that the track plays, within 400 ms of `ms`.
async fn assert_track_near(browser: &Browser, ms: i64) {
    let state = browser.js(TRACK_STATE).await;
    let at = state[0].as_i64().unwrap_or(-1);
    assert!((at - ms).abs() < 400 && state[1] == json!(true), "{state}");
}

#[tokio::test]
async fn headset_and_lock_screen_buttons_move_the_track_and_the_routine_together() {
    let (server, browser) = support::session_with(PHONE, "", &[WATCH]).await;
    open_with_saved(&browser, "routine=my-evening").await;
    let settings = browser.text("[data-testid=screen-off]").await.unwrap_or_default();
    assert!(
        settings.contains("screen locked, the chimes keep coming"),
        "the sound settings say what goes on with the screen off: {settings}"
    );
    browser.press("start").await;
    browser.wait_for_js(STATUS, json!("get-ready")).await;
    let press = |action: &'static str| {
        let browser = &browser;
        async move { browser.js(&format!("window.handlers['{action}']()")).await }
    };
    // Next: the first step begins now, and the track is at its start.
    press("nexttrack").await;
    browser.wait_for_js(STATUS, json!("running")).await;
    assert_track_near(&browser, 5_000).await;
    press("nexttrack").await;
    browser.wait_for_js(STEP, json!("1")).await;
    assert_track_near(&browser, 45_000).await;
    // The lock screen shows how far, of how long (5 s + 110 s).
    let position = browser
        .js("return window.positions[window.positions.length - 1]")
        .await;
    assert_eq!(position["duration"].as_f64(), Some(115.0), "{position}");
    assert!(
        (position["position"].as_f64().unwrap() - 45.0).abs() < 0.5,
        "{position}"
    );
    press("pause").await;
    browser.wait_for_js(STATUS, json!("paused")).await;
    let paused = browser.js(TRACK_STATE).await;
    assert_eq!(paused[1], json!(false), "the track pauses with the routine");
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(browser.js(TRACK_STATE).await, paused, "and stays where it was");
    press("play").await;
    browser.wait_for_js(STATUS, json!("running")).await;
    browser
        .wait_for_js("return !window.__track().paused", json!(true))
        .await;
    press("previoustrack").await;
    browser.wait_for_js(STEP, json!("0")).await;
    assert_track_near(&browser, 5_000).await;
    assert_eq!(
        browser.js("return window.__notes").await,
        json!(0),
        "every chime from the track"
    );
    press("stop").await;
    browser.wait_for_js(STATUS, json!("finished")).await;
    browser
        .wait_for_js("return window.__track()?.paused ?? true", json!(true))
        .await;
    browser.assert_clean(&server).await;
    browser.close().await;
}

#[tokio::test]
async fn where_no_track_can_be_made_the_page_chimes_as_before() {
    let no_blob_url = "URL.createObjectURL = undefined;";
    let (server, browser) = support::session_with(DESKTOP, "", &[WATCH, no_blob_url]).await;
    open_with_saved(&browser, "routine=quick-3").await;
    browser.press("start").await;
    browser.press("next").await;
    browser.wait_for_js(STATUS, json!("running")).await;
    browser
        .wait_for_js("return window.__notes > 0", json!(true))
        .await;
    assert_eq!(browser.js("return window.__track() ?? null").await, Value::Null);
    browser.assert_clean(&server).await;
    browser.close().await;
}
