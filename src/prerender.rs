//! Renders the first screen (header, navigation, the whole map, the opening
//! text) to HTML with the app's own components, and writes it into the
//! built `index.html` in place of the loading message. The page is then
//! painted, readable and clickable before the wasm arrives; when the app
//! starts it replaces this markup with the same markup (`src/main.rs`).
//! The app starts from `src/start.js` (on first use, which it says why),
//! which finds the built files' names in the page (`Trunk.toml`).
//!
//! Run by `.ci/build`: `cargo run --bin prerender -- dist/index.html`.

// The app's deepest view types need more than the default depth (see lib.rs).
#![recursion_limit = "256"]

use leptos::prelude::*;
use std::process::ExitCode;

fn main() -> ExitCode {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "dist/index.html".into());
    let page = match std::fs::read_to_string(&path) {
        Ok(page) => page,
        Err(error) => {
            eprintln!("prerender: cannot read {path}: {error}");
            return ExitCode::FAILURE;
        }
    };
    if !foot_map::shell::names_the_code(&page) {
        eprintln!("prerender: {path} does not name the app's code for src/start.js (see Trunk.toml)");
        return ExitCode::FAILURE;
    }
    let map = render(None);
    let Some(first) = foot_map::shell::insert(&page, &map) else {
        eprintln!("prerender: {path} has no <div id=\"loading\"> to replace");
        return ExitCode::FAILURE;
    };
    let mut written = vec![(path.clone(), first)];
    let dir = std::path::Path::new(&path)
        .parent()
        .unwrap_or(std::path::Path::new("."));
    for (file, fragment, title) in foot_map::shell::TEXT_PAGES {
        let route = foot_map::route::read(&format!("#{fragment}"), foot_map::content::content())
            .ok()
            .map(|(route, _)| route);
        let text =
            route.and_then(|route| foot_map::shell::text_page(&page, &render(Some(route)), fragment, title));
        let Some(text) = text else {
            eprintln!("prerender: cannot render the page {file}");
            return ExitCode::FAILURE;
        };
        written.push((dir.join(file).display().to_string(), text));
    }
    // Each zone on the map, as the details panel shows it: fetched by the
    // pre-start script when the zone is tapped before the app has started.
    let mut zones: Vec<&str> = map
        .split("data-zone=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    zones.sort_unstable();
    zones.dedup();
    let zone_dir = dir.join(foot_map::shell::ZONE_DIR);
    if let Err(error) = std::fs::create_dir_all(&zone_dir) {
        eprintln!("prerender: cannot make {}: {error}", zone_dir.display());
        return ExitCode::FAILURE;
    }
    for slug in &zones {
        let route = foot_map::route::read(&format!("#zone={slug}"), foot_map::content::content());
        let app = route.ok().map(|(route, _)| render(Some(route)));
        let Some(details) = app.as_deref().and_then(foot_map::shell::panel_contents) else {
            eprintln!("prerender: cannot render the details of {slug}");
            return ExitCode::FAILURE;
        };
        let file = zone_dir.join(format!("{slug}.html"));
        if let Err(error) = std::fs::write(&file, details) {
            eprintln!("prerender: cannot write {}: {error}", file.display());
            return ExitCode::FAILURE;
        }
    }
    println!(
        "[build] pre-rendered the details of {} zones into {}",
        zones.len(),
        zone_dir.display()
    );
    for (path, html) in written {
        if let Err(error) = std::fs::write(&path, &html) {
            eprintln!("prerender: cannot write {path}: {error}");
            return ExitCode::FAILURE;
        }
        println!("[build] pre-rendered {path} ({} bytes)", html.len());
    }
    ExitCode::SUCCESS
}

/// The app's markup at `route` (the map when `None`), as the browser first
/// shows it: no saved data, nothing selected.
fn render(route: Option<foot_map::route::Route>) -> String {
    Owner::new().with(|| {
        // Rendered once, to text: nothing here is meant to track changes.
        let _quiet = leptos::reactive::diagnostics::SpecialNonReactiveZone::enter();
        if let Some(route) = route {
            provide_context(foot_map::state::nav::Start(route));
        }
        view! { <foot_map::app::App /> }.to_html()
    })
}
