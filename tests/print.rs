//! Paper, in headless Chromium against the release build: the map prints
//! as a one-page chart with every zone named in its key, a zone prints its
//! view with the zone marked, what limits it, how to do it and its
//! cautions, and every routine prints as a handout on at most two pages, on
//! A4 and on Letter, in every language: a small map with each step's number
//! on its zone, the cautions that apply, and each step's how-to, pressure
//! and time, without navigation or controls.

mod support;

use serde_json::{json, Value};
use support::{Browser, Server, DESKTOP, PHONE};

/// Paper sizes in inches.
const PAPERS: [(&str, f64, f64); 2] = [("A4", 8.27, 11.69), ("Letter", 8.5, 11.0)];

/// Prints the page to PDF and counts its pages.
async fn pages(browser: &Browser, width: f64, height: f64) -> usize {
    let pdf = browser
        .cdp(
            "Page.printToPDF",
            json!({ "paperWidth": width, "paperHeight": height, "printBackground": true, "preferCSSPageSize": false }),
        )
        .await;
    let data = pdf["data"].as_str().expect("a PDF");
    let bytes = decode_base64(data);
    let text = String::from_utf8_lossy(&bytes);
    // Each page object, not the page tree.
    text.matches("/Type /Page").count() - text.matches("/Type /Pages").count()
}

fn decode_base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let digits: Vec<u8> = text
        .bytes()
        .filter(|c| *c != b'=' && !c.is_ascii_whitespace())
        .map(value)
        .collect();
    digits
        .chunks(4)
        .flat_map(|c| {
            let n = c
                .iter()
                .enumerate()
                .fold(0u32, |n, (i, d)| n | (u32::from(*d) << (18 - 6 * i)));
            let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
            bytes.into_iter().take(c.len() - 1).collect::<Vec<_>>()
        })
        .collect()
}

/// What shows on paper: visible elements matching `css`, counted.
async fn printed(browser: &Browser, css: &str) -> Value {
    browser
        .js(&format!(
            "return [...document.querySelectorAll('{css}')].filter(e => getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0).length"
        ))
        .await
}

#[tokio::test]
async fn the_map_prints_as_a_one_page_chart_with_every_zone_named() {
    for size in [DESKTOP, PHONE] {
        let (server, browser) = support::session(size, "").await;
        for (paper, width, height) in PAPERS {
            assert_eq!(
                pages(&browser, width, height).await,
                1,
                "{paper}, window {size:?}"
            );
        }
        browser
            .cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }))
            .await;
        assert_eq!(
            printed(&browser, ".print-legend li").await,
            json!(28),
            "every zone in the key"
        );
        assert_eq!(printed(&browser, ".view").await, json!(4), "every view");
        assert_eq!(
            printed(&browser, ".print-marker").await,
            json!(56),
            "every zone numbered"
        );
        assert_eq!(printed(&browser, ".site-nav").await, json!(0));
        assert_eq!(printed(&browser, ".panel").await, json!(0));
        browser.shot("print-chart").await;
        browser.assert_clean(&server).await;
        browser.close().await;
    }
}

#[tokio::test]
async fn every_routine_prints_on_at_most_two_pages_in_every_language() {
    let server = Server::start();
    let browser = Browser::start(DESKTOP).await;
    for page in ["", "index.es.html", "index.de.html"] {
        browser.open(&format!("{}{page}#routines", server.url(""))).await;
        for routine in &foot_map::content::content().routines {
            browser
                .js(&format!("location.hash = 'routine={}'", routine.id))
                .await;
            browser
                .wait_for(&format!("[data-testid=handout][data-routine={}]", routine.id))
                .await;
            for (paper, width, height) in PAPERS {
                let n = pages(&browser, width, height).await;
                assert!(
                    (1..=2).contains(&n),
                    "{page} {} on {paper}: {n} pages",
                    routine.id
                );
            }
        }
    }
    browser.assert_clean(&server).await;
    browser.close().await;
}

#[tokio::test]
async fn a_routine_prints_as_a_handout_of_its_steps_map_and_cautions() {
    // The page, and the words for pressure and for time in its language.
    for (page, pressure, time) in [
        ("", "pressure", "second"),
        ("index.es.html", "Presión", "segundo"),
    ] {
        let server = Server::start();
        let browser = Browser::start(DESKTOP).await;
        browser
            .open(&format!("{}{page}#routine=full-20", server.url("")))
            .await;
        browser.wait_for("[data-testid=handout]").await;
        browser
            .cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }))
            .await;
        let steps = browser
            .js("return document.querySelectorAll('.step-list li').length")
            .await;
        assert_eq!(
            printed(&browser, ".handout-steps > li").await,
            steps,
            "{page}: every step"
        );
        let first = browser.text(".handout-steps > li").await.unwrap();
        assert!(first.contains(pressure), "{page}: the pressure: {first}");
        assert!(
            first.contains(time) || first.contains("min"),
            "{page}: the time: {first}"
        );
        assert!(
            printed(&browser, ".handout-steps .steps li")
                .await
                .as_u64()
                .unwrap()
                > 10,
            "{page}: how to do each move"
        );
        assert!(
            printed(&browser, ".handout .cautions li").await.as_u64().unwrap() > 3,
            "{page}: the cautions that apply"
        );
        // A small map: every step's number on its zone, once.
        let numbers = browser
            .js("return [...document.querySelectorAll('.handout-view .number text')].flatMap(t => t.textContent.split(',')).map(Number).sort((a, b) => a - b)")
            .await;
        let every: Vec<u64> = (1..=steps.as_u64().unwrap()).collect();
        assert_eq!(numbers, json!(every), "{page}: the steps numbered on the map");
        assert!(printed(&browser, ".handout-view").await.as_u64().unwrap() > 0);
        // Nothing meant for a screen: controls, the key hint, the jump hint,
        // the rating picker, the reminder, the map.
        for screen_only in [
            ".controls",
            ".keys-hint",
            ".step-list",
            ".measure-setting",
            ".calendar-reminder",
            ".map",
            "button",
        ] {
            assert_eq!(
                printed(&browser, screen_only).await,
                json!(0),
                "{page}: {screen_only}"
            );
        }
        browser
            .shot(if page.is_empty() {
                "print-card"
            } else {
                "print-card-es"
            })
            .await;
        browser.assert_clean(&server).await;
        browser.close().await;
    }
}

#[tokio::test]
async fn a_zone_prints_marked_on_its_view_with_its_technique_and_cautions() {
    let (server, browser) = support::session(DESKTOP, "zone=left-heel").await;
    browser
        .wait_for("[data-testid=zone-details] [data-testid=limits]")
        .await;
    for (paper, width, height) in PAPERS {
        let n = pages(&browser, width, height).await;
        assert!((1..=2).contains(&n), "{paper}: {n} pages");
    }
    browser
        .cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }))
        .await;
    assert_eq!(printed(&browser, ".view").await, json!(1), "the zone's view");
    let marked = browser
        .js("return getComputedStyle(document.querySelector('.zone[data-zone=left-heel]')).fill")
        .await;
    let other = browser
        .js("return getComputedStyle(document.querySelector('.zone[data-zone=right-heel]')).fill")
        .await;
    assert_ne!(marked, other, "the zone is marked");
    for part in [
        "[data-testid=limits] li",
        ".method .steps li",
        ".method .meta .chip",
        ".care .cautions li",
    ] {
        assert!(
            printed(&browser, part).await.as_u64().unwrap() > 0,
            "{part} is printed"
        );
    }
    assert_eq!(printed(&browser, ".site-nav").await, json!(0));
    assert_eq!(printed(&browser, ".print-marker").await, json!(0));
    browser.shot("print-zone").await;
    browser.assert_clean(&server).await;
    browser.close().await;
}
