//! Load and interaction timings of the release build in headless Chromium:
//! the median time from navigation to a clickable map, and how long the
//! details panel takes to show a newly selected zone. Run by `.ci/bench`.

#[path = "../support/mod.rs"]
mod support;

use serde_json::Value;
use support::{Browser, Server, DESKTOP};

const LOADS: usize = 15;

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

#[tokio::main]
async fn main() {
    let server = Server::start();
    let browser = Browser::start(DESKTOP).await;

    let mut ready = Vec::new();
    for i in 0..LOADS {
        // A new query string makes each visit a real navigation.
        let url = format!("http://127.0.0.1:{}{}?run={i}", server.port, support::BASE);
        browser.open(&url).await;
        let ms = browser
            .js("const m = performance.getEntriesByName('map-ready')[0]; return m ? m.startTime : null")
            .await;
        ready.push(ms.as_f64().expect("the app marks map-ready"));
    }

    // Select every zone once; time from the click to the panel showing it.
    let latencies: Value = browser
        .client
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
            const zones = [...document.querySelectorAll('.zone')];
            const out = [];
            const next = (i) => {
                if (i >= zones.length) return done(out);
                const zone = zones[i], id = zone.dataset.zone;
                const panel = document.getElementById('details');
                const t0 = performance.now();
                const check = () => {
                    const d = document.querySelector('[data-testid=zone-details]');
                    if (d && d.dataset.zone === id) {
                        out.push([id, performance.now() - t0]);
                        observer.disconnect();
                        requestAnimationFrame(() => next(i + 1));
                        return true;
                    }
                    return false;
                };
                const observer = new MutationObserver(check);
                observer.observe(panel, { childList: true, subtree: true, attributes: true });
                zone.dispatchEvent(new MouseEvent('click', { bubbles: true }));
                check();
            };
            next(0);"#,
            vec![],
        )
        .await
        .expect("selection timing runs");
    let mut by_zone: Vec<(String, f64)> = latencies
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|pair| Some((pair[0].as_str()?.to_owned(), pair[1].as_f64()?)))
        .collect();
    let latencies: Vec<f64> = by_zone.iter().map(|(_, ms)| *ms).collect();
    by_zone.sort_by(|a, b| b.1.total_cmp(&a.1));
    browser.close().await;

    println!(
        "navigation to clickable map ({LOADS} loads): median {:.0} ms, min {:.0} ms, max {:.0} ms",
        median(ready.clone()),
        ready.iter().cloned().fold(f64::INFINITY, f64::min),
        ready.iter().cloned().fold(0.0, f64::max)
    );
    println!(
        "click to details panel updated ({} zones): median {:.1} ms, max {:.1} ms",
        latencies.len(),
        median(latencies.clone()),
        latencies.iter().cloned().fold(0.0, f64::max)
    );
    let slowest: Vec<String> = by_zone
        .iter()
        .take(3)
        .map(|(zone, ms)| format!("{zone} {ms:.1} ms"))
        .collect();
    println!("  slowest: {}", slowest.join(", "));
}
