//! Renders the first screen (header, navigation, the whole map, the opening
//! text) to HTML with the app's own components, and writes it into the
//! built `index.html` in place of the loading message. The page is then
//! painted, readable and clickable before the wasm arrives; when the app
//! starts it replaces this markup with the same markup (`src/main.rs`).
//! It also swaps Trunk's start-up script for one that starts the app on
//! first use (`foot_map::shell::defer_start` says why).
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
    let app = Owner::new().with(|| {
        // Rendered once, to text: nothing here is meant to track changes.
        let _quiet = leptos::reactive::diagnostics::SpecialNonReactiveZone::enter();
        view! { <foot_map::app::App /> }.to_html()
    });
    let Some(page) = foot_map::shell::defer_start(&page) else {
        eprintln!("prerender: {path} has no Trunk start-up script to replace");
        return ExitCode::FAILURE;
    };
    match foot_map::shell::insert(&page, &app) {
        Some(page) => {
            if let Err(error) = std::fs::write(&path, page) {
                eprintln!("prerender: cannot write {path}: {error}");
                return ExitCode::FAILURE;
            }
            println!(
                "[build] first screen pre-rendered into {path} ({} bytes)",
                app.len()
            );
            ExitCode::SUCCESS
        }
        None => {
            eprintln!("prerender: {path} has no <div id=\"loading\"> to replace");
            ExitCode::FAILURE
        }
    }
}
