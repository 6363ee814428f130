//! Finishes the built pages, the build's one editor of them (`.ci/build`
//! says when each step runs; `src/shell.rs` does the editing, by parsing):
//!
//! - `prerender --for-trunk index.html <out>` writes the page Trunk builds
//!   for the release: `index.html` without the link that has Trunk compile
//!   the app, since the release build compiles and binds it once itself.
//! - `prerender dist/index.html` names the code `.ci/split` wrote in it
//!   (for `src/start.js`), renders the first screen (header, navigation,
//!   the whole map, the opening text) to HTML with the app's own
//!   components in place of the loading message, and writes the pages of
//!   text, each zone's details and every page in each language
//!   (`index.es.html` beside `index.html`; see `src/shell/languages.rs`),
//!   each with its Content Security Policy. The page is then painted,
//!   readable and clickable before the wasm arrives; when the app starts
//!   it replaces this markup with the same markup (`src/main.rs`).

// The app's deepest view types need more than the default depth (see lib.rs).
#![recursion_limit = "256"]

use foot_map::language::Language;
use foot_map::shell;
use leptos::prelude::*;
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| "dist/index.html".into());
    if path == "--for-trunk" {
        let (Some(index), Some(out)) = (args.next(), args.next()) else {
            eprintln!("prerender: --for-trunk needs index.html and the page to write");
            return ExitCode::FAILURE;
        };
        return match for_trunk(&index, &out) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("prerender: {message}");
                ExitCode::FAILURE
            }
        };
    }
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

/// Writes `index` as Trunk builds it for the release to `out`, a folder's
/// `index.html` of its own (beside no `Cargo.toml`, so Trunk compiles
/// nothing there), its assets' paths leading back to `index`'s folder.
fn for_trunk(index: &str, out: &str) -> Result<(), String> {
    let page = std::fs::read_to_string(index).map_err(|e| format!("cannot read {index}: {e}"))?;
    let folder = |file: &str| {
        let dir = Path::new(file).parent().filter(|dir| !dir.as_os_str().is_empty());
        let dir = dir.unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)
            .and_then(|()| std::fs::canonicalize(dir))
            .map_err(|e| format!("cannot find the folder of {file}: {e}"))
    };
    let (from, to) = (folder(out)?, folder(index)?);
    // (Trunk reads every asset's path as relative to the page's folder.)
    let common = from
        .components()
        .zip(to.components())
        .take_while(|(a, b)| a == b)
        .count();
    let back = (common..from.components().count()).map(|_| "..".to_string());
    let on = to
        .components()
        .skip(common)
        .map(|c| c.as_os_str().to_string_lossy().into_owned());
    let root: Vec<String> = back.chain(on).collect();
    let root = if root.is_empty() {
        ".".to_string()
    } else {
        root.join("/")
    };
    let page = shell::for_trunk(&page, &root)
        .ok_or_else(|| format!("{index} has no <link data-trunk rel=\"rust\"> for the app's code"))?;
    std::fs::write(out, page).map_err(|e| format!("cannot write {out}: {e}"))
}

/// The files `.ci/split` wrote into `dir`: one of each, or it says which
/// is missing or doubled.
fn code_in(dir: &Path) -> Result<shell::Code, String> {
    let names: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .collect();
    let one = |what: &str, matches: &dyn Fn(&str) -> bool| {
        let found: Vec<&String> = names.iter().filter(|name| matches(name)).collect();
        match found.as_slice() {
            [name] => Ok(name.to_string()),
            _ => Err(format!(
                "{} has {} {what} (.ci/split writes one)",
                dir.display(),
                found.len()
            )),
        }
    };
    Ok(shell::Code {
        glue: one("foot-map-*.js", &|n| {
            n.starts_with("foot-map-") && n.ends_with(".js")
        })?,
        wasm: one("foot-map-*_bg.wasm", &|n| {
            n.starts_with("foot-map-") && n.ends_with("_bg.wasm")
        })?,
        loader: one("__wasm_split-*.js", &|n| {
            n.starts_with("__wasm_split-") && n.ends_with(".js")
        })?,
    })
}

/// Writes the first page, the pages of text, the zones' details and (for
/// a language other than English) the manifest in `language`, from the
/// page Trunk wrote at `path`.
fn write(path: &str, language: Language) -> Result<(), String> {
    let page = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let dir = Path::new(path).parent().unwrap_or(Path::new("."));
    let page = shell::name_the_code(&page, &code_in(dir)?)
        .ok_or_else(|| format!("{path} has no empty <link id=\"app-code\"> to name the app's code in"))?;
    let in_file = |file: &str| {
        dir.join(foot_map::language::file_in(file, language))
            .display()
            .to_string()
    };
    let page_as = |file: &str| {
        shell::in_language(&page, file, language)
            .ok_or_else(|| format!("{path} lacks a text of the page around the app"))
    };
    // Each page, last, with its policy (not the zones' details, which are
    // pieces of a page, or the manifest).
    let protect = |file: &str, html: String| {
        shell::protect(&html).ok_or_else(|| format!("{file} has no <meta charset> for its policy"))
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
            protect("index.html", own)?,
        ));
    }
    written.push((in_file("index.html"), protect("index.html", first)?));
    for (file, fragment, page) in shell::text_pages() {
        let route = foot_map::route::read(&format!("#{fragment}"), foot_map::content::content())
            .ok()
            .map(|(route, _)| route);
        let text = route.and_then(|route| {
            shell::text_page(
                &page_as(&file).ok()?,
                &render(Some(route)),
                fragment,
                foot_map::text::get(page.title),
            )
        });
        let text = text.ok_or_else(|| format!("cannot render the page {file}"))?;
        written.push((in_file(&file), protect(&file, text)?));
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
