//! Renders the first screen (header, navigation, the whole map, the opening
//! text) to HTML with the app's own components, and writes it into the
//! built `index.html` in place of the loading message. The page is then
//! painted, readable and clickable before the wasm arrives; when the app
//! starts it replaces this markup with the same markup (`src/main.rs`).
//! The app starts from `src/start.js` (on first use, which it says why),
//! which finds the built files' names in the page (`Trunk.toml`).
//!
//! It writes each page in every language (`index.es.html` beside
//! `index.html`; see `src/shell/languages.rs`).
//!
//! Run by `.ci/build`: `cargo run --bin prerender -- dist/index.html`.

// The app's deepest view types need more than the default depth (see lib.rs).
#![recursion_limit = "256"]

use foot_map::language::Language;
use foot_map::shell;
use leptos::prelude::*;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| "dist/index.html".into());
    let language = match (args.next().as_deref(), args.next()) {
        (Some("--language"), Some(tag)) => match Language::from_tag(&tag) {
            Some(language) => language,
            None => {
                eprintln!("prerender: no language {tag}");
                return ExitCode::FAILURE;
            }
        },
        _ => Language::English,
    };
    if language == Language::English {
        // The language is chosen once per process (as in the browser), so
        // each other one is written by a process of its own, from the page
        // as Trunk wrote it: before this one writes the English into it.
        for other in Language::ALL.into_iter().filter(|l| *l != Language::English) {
            let own = std::env::current_exe().and_then(|me| {
                std::process::Command::new(me)
                    .args([&path, "--language", other.code()])
                    .status()
            });
            if !own.is_ok_and(|status| status.success()) {
                eprintln!("prerender: the pages in {} were not written", other.own_name());
                return ExitCode::FAILURE;
            }
        }
    } else {
        // The first screen's words, and the rest (the pages' head, the
        // manifest, the pages of text), as a browser gets them over time.
        let mut chosen = std::pin::pin!(async {
            foot_map::split_points::use_language(language).await?;
            foot_map::split_points::load_apart().await
        });
        if !matches!(foot_map::state::loading::now(chosen.as_mut()), Some(Ok(()))) {
            eprintln!("prerender: cannot read the texts in {}", language.own_name());
            return ExitCode::FAILURE;
        }
    }
    match write(&path, language) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("prerender: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Writes the first page, the pages of text, the zones' details and (for
/// a language other than English) the manifest in `language`, from the
/// page Trunk wrote at `path`.
fn write(path: &str, language: Language) -> Result<(), String> {
    let page = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    if !shell::names_the_code(&page) {
        return Err(format!(
            "{path} does not name the app's code for src/start.js (see Trunk.toml)"
        ));
    }
    let dir = std::path::Path::new(path)
        .parent()
        .unwrap_or(std::path::Path::new("."));
    let in_file = |file: &str| {
        dir.join(foot_map::language::file_in(file, language))
            .display()
            .to_string()
    };
    let page_as = |file: &str| {
        shell::in_language(&page, file, language)
            .ok_or_else(|| format!("{path} lacks a text of the page around the app"))
    };
    let map = render(None);
    let first = shell::insert(&page_as("index.html")?, &map)
        .ok_or_else(|| format!("{path} has no <div id=\"loading\"> to replace"))?;
    let mut written = Vec::new();
    if language == Language::English {
        // English's own address, which sends no reader on (see
        // `language::own_address`).
        let own =
            shell::without_redirect(&first).ok_or_else(|| format!("{path} has no language redirect"))?;
        written.push((
            dir.join(foot_map::language::own_address("index.html", language))
                .display()
                .to_string(),
            own,
        ));
    }
    written.push((in_file("index.html"), first));
    for (file, fragment, title) in shell::text_pages() {
        let route = foot_map::route::read(&format!("#{fragment}"), foot_map::content::content())
            .ok()
            .map(|(route, _)| route);
        let text = route.and_then(|route| {
            shell::text_page(
                &page_as(&file).ok()?,
                &render(Some(route)),
                fragment,
                foot_map::text::get(title),
            )
        });
        written.push((
            in_file(&file),
            text.ok_or_else(|| format!("cannot render the page {file}"))?,
        ));
    }
    if language != Language::English {
        let english = dir.join("manifest.webmanifest");
        let manifest = std::fs::read_to_string(&english)
            .ok()
            .and_then(|m| shell::manifest_in(&m, language))
            .ok_or_else(|| format!("cannot translate {}", english.display()))?;
        written.push((in_file("manifest.webmanifest"), manifest));
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
    let zone_dir = dir.join(shell::ZONE_DIR);
    std::fs::create_dir_all(&zone_dir).map_err(|e| format!("cannot make {}: {e}", zone_dir.display()))?;
    for slug in &zones {
        let route = foot_map::route::read(&format!("#zone={slug}"), foot_map::content::content());
        let app = route.ok().map(|(route, _)| render(Some(route)));
        let details = app
            .as_deref()
            .and_then(shell::panel_contents)
            .ok_or_else(|| format!("cannot render the details of {slug}"))?;
        written.push((
            in_file(&format!("{}/{slug}.html", shell::ZONE_DIR)),
            details.to_string(),
        ));
    }
    println!(
        "[build] pre-rendered in {}: {} pages and the details of {} zones",
        language.own_name(),
        written.len() - zones.len(),
        zones.len()
    );
    for (path, html) in written {
        std::fs::write(&path, &html).map_err(|e| format!("cannot write {path}: {e}"))?;
    }
    Ok(())
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
