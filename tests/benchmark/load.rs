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

/// Saved text with 100 own routines of 12 steps and 1,000 sessions.
fn big_store() -> String {
    use foot_map::content::{content, RoutineStep, Side};
    use foot_map::own_routine::OwnRoutine;
    use foot_map::store::{Session, Store};
    let zones = &content().zones;
    let routines = (0..100)
        .map(|r| OwnRoutine {
            id: format!("my-bench-{r}"),
            name: format!("Routine number {r}"),
            steps: (0..12)
                .map(|s| {
                    let zone = &zones[(r + s) % zones.len()];
                    RoutineStep {
                        side: if s % 2 == 0 { Side::Left } else { Side::Right },
                        zone: zone.id.clone(),
                        technique: zone.methods[0].technique.clone(),
                        seconds: 45,
                    }
                })
                .collect(),
        })
        .collect();
    let now = 1_763_740_800_000_i64;
    let history = (0..1000)
        .rev()
        .map(|i| Session {
            start_ms: now - i64::from(i) * 86_400_000 / 3,
            offset_min: 60,
            routine_id: format!("my-bench-{}", i % 100),
            routine_name: format!("Routine number {}", i % 100),
            seconds: 540,
            finished: i % 7 != 0,
            rating: None,
        })
        .collect();
    Store {
        routines,
        history,
        ..Store::default()
    }
    .encode()
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

    // Saved data as a person who has used the app for years might have it.
    let big = big_store();
    let mut ready_big = Vec::new();
    let mut read_big = Vec::new();
    for i in 0..LOADS {
        browser
            .client
            .execute(
                "localStorage.setItem('foot-map.store', arguments[0])",
                vec![big.clone().into()],
            )
            .await
            .unwrap();
        let url = format!("http://127.0.0.1:{}{}?big={i}", server.port, support::BASE);
        browser.open(&url).await;
        let ms = browser
            .js("const m = performance.getEntriesByName('map-ready')[0]; return m ? m.startTime : null")
            .await;
        ready_big.push(ms.as_f64().expect("the app marks map-ready"));
        // The saved data is read once the practice's code is here, just
        // after the start.
        browser
            .wait_for_js(
                "return performance.getEntriesByName('saved-load-end').length > 0",
                serde_json::json!(true),
            )
            .await;
        let read = browser
            .js("const [a, b] = ['saved-load-start', 'saved-load-end'].map(n => performance.getEntriesByName(n)[0]); \
                 return a && b ? b.startTime - a.startTime : null")
            .await;
        read_big.push(read.as_f64().expect("the app marks its saved-data load"));
    }
    let mut pages = Vec::new();
    for (page, testid) in [("routines", "own-routine"), ("history", "session")] {
        let mut times = Vec::new();
        for _ in 0..LOADS {
            browser.js("location.hash = ''").await;
            let ms = browser
                .client
                .execute_async(
                    r#"const [page, testid, done] = arguments;
                    requestAnimationFrame(() => {
                        const t0 = performance.now();
                        location.hash = page;
                        const check = () => document.querySelector(`[data-testid=${testid}]`)
                            ? done(performance.now() - t0) : requestAnimationFrame(check);
                        check();
                    });"#,
                    vec![page.into(), testid.into()],
                )
                .await
                .expect("page timing runs");
            times.push(ms.as_f64().unwrap());
        }
        pages.push((page, median(times)));
    }
    browser.js("localStorage.clear()").await;
    browser.close().await;

    println!(
        "navigation to clickable map, {} KB saved (100 own routines, 1,000 sessions; {LOADS} loads): median {:.0} ms, max {:.0} ms",
        big.len() / 1024,
        median(ready_big.clone()),
        ready_big.iter().cloned().fold(0.0, f64::max)
    );
    println!(
        "  reading and upgrading that saved data: median {:.1} ms, max {:.1} ms",
        median(read_big.clone()),
        read_big.iter().cloned().fold(0.0, f64::max)
    );
    for (page, ms) in pages {
        println!("  with that saved data, #{page} shown within {ms:.0} ms (median, to the next frame)");
    }

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
