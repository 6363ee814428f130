//! Timing of the routine player in headless Chromium, in real time: the
//! worst deviation of step changes and the end from the schedule that Start
//! implies, over a whole routine; then, with the page frozen for a minute
//! (as a phone freezes a background tab), how soon after it resumes the
//! right step shows. Also counts live timers and JS heap before and after.
//! Run by `.ci/bench`; it takes about four minutes with the default 3-minute
//! routine. `FOOT_MAP_BENCH_ROUTINE=full-20` measures the 20-minute one.
//! `FOOT_MAP_BENCH_CONTROL=MINUTES` instead probes the idle player page
//! the same way for that long: the heap drift of the probing alone.

#[path = "../support/mod.rs"]
mod support;

use foot_map::content::whole;
use foot_map::state::player::GET_READY_MS;
use serde_json::json;
use std::time::Duration;
use support::{Browser, Server, DESKTOP};

/// Counts live timers: wraps the timer functions before the app loads.
const COUNT_TIMERS: &str = r#"
window.__live = new Set();
const st = window.setTimeout, ct = window.clearTimeout, si = window.setInterval, ci = window.clearInterval;
window.setTimeout = function (f, ms, ...a) {
    const id = st(function () { window.__live.delete('t' + id); return typeof f === 'function' ? f.apply(this, arguments) : undefined; }, ms, ...a);
    window.__live.add('t' + id); return id;
};
window.clearTimeout = function (id) { window.__live.delete('t' + id); return ct(id); };
window.setInterval = function (...a) { const id = si(...a); window.__live.add('i' + id); return id; };
window.clearInterval = function (id) { window.__live.delete('i' + id); return ci(id); };
"#;

/// Records, in the page, when the shown step or status changes.
const WATCH: &str = r#"
window.__changes = [];
const player = document.querySelector('[data-testid=player]');
const seen = { step: null, status: null };
const record = () => {
    const c = document.querySelector('[data-testid=countdown]');
    const step = c ? c.dataset.step : null, status = player.dataset.status;
    if (step !== seen.step || status !== seen.status) {
        window.__changes.push({ t: performance.now(), step, status });
        seen.step = step; seen.status = status;
    }
};
// The page's own moment of waking from a freeze (Page Lifecycle API).
document.addEventListener('resume', () => { window.__resumedAt = performance.now(); }, { once: true });
new MutationObserver(record).observe(player, { subtree: true, childList: true, attributes: true, characterData: true });
const start = document.querySelector('[data-testid=start]');
window.__started = performance.now();
start.click();
record();
"#;

#[tokio::main]
async fn main() {
    let id = std::env::var("FOOT_MAP_BENCH_ROUTINE").unwrap_or_else(|_| "quick-3".into());
    let routine = whole()
        .routines
        .iter()
        .find(|r| r.id == id)
        .expect("a known routine id");
    let routine_id = routine.id.as_str();
    let server = Server::start();
    let browser = Browser::start(DESKTOP).await;
    browser.cdp("Page.enable", json!({})).await;
    browser.cdp("Performance.enable", json!({})).await;
    browser
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": COUNT_TIMERS }),
        )
        .await;

    if let Ok(minutes) = std::env::var("FOOT_MAP_BENCH_CONTROL") {
        let minutes: u64 = minutes
            .parse()
            .expect("FOOT_MAP_BENCH_CONTROL is a number of minutes");
        browser.open(&server.url(&format!("routine={routine_id}"))).await;
        let mut heaps = vec![browser.heap().await / 1024.0];
        for tick in 1..=minutes * 12 {
            tokio::time::sleep(Duration::from_millis(5_000)).await;
            let _ = browser.js("return window.__live.size").await;
            if tick % 12 == 0 {
                heaps.push(browser.heap().await / 1024.0);
            }
        }
        println!(
            "control, idle player page probed like a routine run, JS heap each minute: {}",
            heaps
                .iter()
                .map(|kb| format!("{kb:.0}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        browser.close().await;
        return;
    }

    // 1. A whole routine, visible throughout.
    browser.open(&server.url(&format!("routine={routine_id}"))).await;
    browser.wait_for_js(support::STATUS, json!("idle")).await;
    let heap_before = browser.heap().await;
    browser.js(WATCH).await;
    let total: u64 = GET_READY_MS
        + routine
            .steps
            .iter()
            .map(|s| u64::from(s.seconds) * 1000)
            .sum::<u64>();
    let mut live_timers = Vec::new();
    let mut heaps = Vec::new();
    let mut waited = 0;
    while waited < total + 1500 {
        tokio::time::sleep(Duration::from_millis(5_000)).await;
        waited += 5_000;
        live_timers.push(
            browser
                .js("return window.__live.size")
                .await
                .as_u64()
                .unwrap_or(0),
        );
        if waited % 60_000 == 0 {
            heaps.push(browser.heap().await / 1024.0);
        }
    }
    let changes = browser.js("return window.__changes").await;
    let started = browser.js("return window.__started").await.as_f64().unwrap();
    let heap_after = browser.heap().await;

    // The schedule: step i begins at start + get-ready + the steps before it.
    let mut expected = vec![("0".to_string(), "running".to_string(), GET_READY_MS)];
    let mut at = GET_READY_MS;
    for (i, step) in routine.steps.iter().enumerate() {
        at += u64::from(step.seconds) * 1000;
        if i + 1 < routine.steps.len() {
            expected.push(((i + 1).to_string(), "running".into(), at));
        }
    }
    let finished_at = at;
    let changes = changes.as_array().unwrap();
    let mut worst: f64 = 0.0;
    for (step, status, due) in &expected {
        let seen = changes
            .iter()
            .find(|c| c["step"].as_str() == Some(step) && c["status"].as_str() == Some(status))
            .unwrap_or_else(|| panic!("step {step} never showed"));
        worst = worst.max((seen["t"].as_f64().unwrap() - started - *due as f64).abs());
    }
    let end = changes
        .iter()
        .find(|c| c["status"] == "finished")
        .expect("the routine finished");
    let end_deviation = (end["t"].as_f64().unwrap() - started - finished_at as f64).abs();
    println!(
        "{routine_id}, visible: {} step changes, worst deviation {:.0} ms; end {:.0} ms from schedule",
        expected.len(),
        worst,
        end_deviation
    );
    println!(
        "JS heap used: {:.0} KB before, {:.0} KB after the routine; each minute: {}",
        heap_before / 1024.0,
        heap_after / 1024.0,
        heaps
            .iter()
            .map(|kb| format!("{kb:.0}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    println!(
        "live timers sampled every 5 s: at most {}, {} at the end",
        live_timers.iter().max().unwrap_or(&0),
        live_timers.last().unwrap_or(&0)
    );

    // 2. Frozen for 60 s in the middle of a routine.
    browser.open(&server.url(&format!("routine={routine_id}"))).await;
    browser.client.refresh().await.unwrap();
    browser.wait_for_js(support::STATUS, json!("idle")).await;
    browser.js(WATCH).await;
    tokio::time::sleep(Duration::from_secs(10)).await;
    browser.freeze_for(Duration::from_secs(60)).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let resumed = browser
        .js("return window.__resumedAt ?? null")
        .await
        .as_f64()
        .expect("the page saw its resume event");
    let changes = browser.js("return window.__changes").await;
    let started = browser.js("return window.__started").await.as_f64().unwrap();
    let elapsed = resumed - started;
    let mut due_step = 0;
    let mut at = GET_READY_MS as f64;
    for (i, step) in routine.steps.iter().enumerate() {
        if elapsed >= at {
            due_step = i;
        }
        at += f64::from(step.seconds) * 1000.0;
    }
    let shown = changes.as_array().unwrap().iter().find(|c| {
        c["step"].as_str() == Some(&due_step.to_string()) && c["t"].as_f64().unwrap() >= resumed - 1.0
    });
    match shown {
        Some(c) => println!(
            "{routine_id}, frozen 60 s: step {} shown {:.0} ms after the page resumed",
            due_step + 1,
            c["t"].as_f64().unwrap() - resumed
        ),
        None => println!(
            "{routine_id}, frozen 60 s: step {} was not shown after resuming",
            due_step + 1
        ),
    }
    browser.close().await;
}
