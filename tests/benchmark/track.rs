//! Building a routine's track (issue 38) in headless Chromium under 4x
//! CPU throttling: the time from Start to a track ready to play (the page's
//! `track-start` and `track-ready` marks), and what it holds: the file's
//! bytes (kept by the browser as a Blob) and the JS heap it adds. Five runs
//! of the 20-minute routine (`FOOT_MAP_BENCH_ROUTINE` for another), median
//! and spread. Run by `.ci/bench`.

#[path = "../support/mod.rs"]
mod support;

use serde_json::json;
use std::time::Duration;
use support::{Browser, Server, DESKTOP};

/// Keeps the size of each track the page builds.
const WATCH: &str = "window.__bytes = []; const create = URL.createObjectURL; \
    URL.createObjectURL = function (blob) { window.__bytes.push(blob.size); return create.call(URL, blob); };";

const SAVED: &str =
    r#"{"version":1,"settings":{"sound":"chime","cues":true,"safety_seen":true},"routines":[],"history":[]}"#;

fn median_and_spread(mut values: Vec<f64>) -> (f64, f64, f64) {
    values.sort_by(f64::total_cmp);
    (values[values.len() / 2], values[0], values[values.len() - 1])
}

#[tokio::main]
async fn main() {
    let id = std::env::var("FOOT_MAP_BENCH_ROUTINE").unwrap_or_else(|_| "full-20".into());
    let server = Server::start();
    let browser = Browser::start(DESKTOP).await;
    browser.cdp("Performance.enable", json!({})).await;
    browser
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": WATCH }),
        )
        .await;
    browser.open(&server.url("")).await;
    browser.with_saved(SAVED).await;
    let (mut times, mut heaps, mut bytes) = (Vec::new(), Vec::new(), 0.0);
    for _ in 0..5 {
        browser.open(&server.url(&format!("routine={id}"))).await;
        browser.client.refresh().await.unwrap();
        browser.wait_for_js(support::STATUS, json!("idle")).await;
        let before = browser.heap().await;
        browser
            .cdp("Emulation.setCPUThrottlingRate", json!({ "rate": 4 }))
            .await;
        browser.press("start").await;
        browser
            .wait_for_js(
                "return performance.getEntriesByName('track-ready').length",
                json!(1),
            )
            .await;
        browser
            .cdp("Emulation.setCPUThrottlingRate", json!({ "rate": 1 }))
            .await;
        let took = browser
            .js("return performance.getEntriesByName('track-ready')[0].startTime - performance.getEntriesByName('track-start')[0].startTime")
            .await;
        times.push(took.as_f64().unwrap());
        tokio::time::sleep(Duration::from_millis(500)).await;
        heaps.push((browser.heap().await - before) / 1e6);
        bytes = browser
            .js("return window.__bytes[0]")
            .await
            .as_f64()
            .unwrap_or(0.0);
        browser.press("stop").await;
    }
    let (t, t_min, t_max) = median_and_spread(times);
    let (h, h_min, h_max) = median_and_spread(heaps);
    println!(
        "{id} track, 4x CPU throttling, 5 runs: built in {t:.0} ms median ({t_min:.0} to {t_max:.0}); \
         {:.2} MB of WAV held by the browser; JS heap +{h:.2} MB median ({h_min:.2} to {h_max:.2})",
        bytes / 1e6
    );
    browser.close().await;
}
