//! First paint of the release build against a bare Leptos counter built the
//! same way (the floor), each loaded as a first visit on a throttled phone
//! like Lighthouse's mobile preset (150 ms round trips, 1.6 Mbit/s down,
//! the CPU slowed 4 times), in headless Chromium. Run by `.ci/bench`, which
//! builds the floor into `target/floor-dist` first.

#[path = "../support/mod.rs"]
mod support;

use serde_json::json;
use std::path::PathBuf;
use support::{Browser, Server, PHONE};

const LOADS: usize = 7;

/// Largest contentful paint and layout shifts, observed from the start.
const OBSERVE: &str = "window.lcp = 0; window.cls = 0; \
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.lcp = e.startTime; }) \
      .observe({ type: 'largest-contentful-paint', buffered: true }); \
    window.shifted = []; \
    new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) { window.cls += e.value; \
      for (const s of e.sources || []) window.shifted.push(s.node ? s.node.nodeName + ' ' + (s.node.textContent || '').trim().slice(0, 16) : '?'); } }) \
      .observe({ type: 'layout-shift', buffered: true });";

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

struct Run {
    fcp: f64,
    lcp: f64,
    cls: f64,
    ready: f64,
    map_painted: bool,
}

async fn measure(root: PathBuf) -> Vec<Run> {
    let server = Server::start_at(root);
    let browser = Browser::start(PHONE).await;
    browser.before_load(OBSERVE).await;
    browser.cdp("Network.enable", json!({})).await;
    browser
        .cdp("Network.setCacheDisabled", json!({ "cacheDisabled": true }))
        .await;
    browser
        .cdp("Network.setBypassServiceWorker", json!({ "bypass": true }))
        .await;
    browser
        .cdp(
            "Network.emulateNetworkConditions",
            json!({ "offline": false, "latency": 150, "downloadThroughput": 1_600_000 / 8, "uploadThroughput": 750_000 / 8 }),
        )
        .await;
    browser
        .cdp("Emulation.setCPUThrottlingRate", json!({ "rate": 4 }))
        .await;
    let mut runs = Vec::new();
    for i in 0..LOADS {
        let url = format!("http://127.0.0.1:{}{}?first={i}", server.port, support::BASE);
        browser.open(&url).await;
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        let m = browser
            .js("const fcp = performance.getEntriesByName('first-contentful-paint')[0]; \
                 const ready = performance.getEntriesByName('map-ready')[0]; \
                 const js = performance.getEntriesByType('resource').find(r => r.name.endsWith('.wasm')); \
                 return [fcp ? fcp.startTime : -1, window.lcp, window.cls, ready.startTime, js ? js.responseEnd : -1]")
            .await;
        let n = |k: usize| m[k].as_f64().unwrap_or(-1.0);
        let shifted = browser.js("return window.shifted").await;
        if shifted.as_array().is_some_and(|a| !a.is_empty()) {
            println!("  load {i} shifted: {shifted}");
        }
        runs.push(Run {
            fcp: n(0),
            lcp: n(1),
            cls: n(2),
            ready: n(3),
            // Painted (first contentful paint) before the wasm finished arriving.
            map_painted: n(0) >= 0.0 && n(0) < n(4),
        });
    }
    browser.close().await;
    runs
}

#[tokio::main]
async fn main() {
    let floor = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/floor-dist");
    let app = measure(support::dist()).await;
    let counter = measure(floor).await;
    println!("first visit, throttled like a mid-range phone on slow 4G ({LOADS} loads, medians):");
    println!(
        "{:<28} {:>8} {:>8} {:>8} {:>10} {:>16}",
        "", "FCP ms", "LCP ms", "CLS", "ready ms", "painted before wasm"
    );
    for (name, runs) in [("Foot Map", &app), ("Leptos counter (floor)", &counter)] {
        println!(
            "{:<28} {:>8.0} {:>8.0} {:>8.3} {:>10.0} {:>16}",
            name,
            median(runs.iter().map(|r| r.fcp).collect()),
            median(runs.iter().map(|r| r.lcp).collect()),
            runs.iter().map(|r| r.cls).fold(0.0, f64::max),
            median(runs.iter().map(|r| r.ready).collect()),
            format!("{}/{}", runs.iter().filter(|r| r.map_painted).count(), runs.len()),
        );
    }
    let ratio =
        median(app.iter().map(|r| r.ready).collect()) / median(counter.iter().map(|r| r.ready).collect());
    println!("time to a clickable map: {ratio:.2} times the floor (target at most 1.5)");
}
