//! The code runs one way: content -> pure logic -> browser bridges -> state
//! -> components -> the page, as `foot_map::LAYERS` lists. This reads every
//! file of `src/` and fails, naming the file and the path it uses, when a
//! module reaches a layer above its own, or when modules of one layer use
//! each other round a circle.
//!
//! What counts as one module: a top-level module of `src/` with all its
//! submodules, except in the folders whose files each do one thing
//! (`browser/`, `state/`, `components/`), where each file is one. A
//! folder's `mod.rs` declaring and re-exporting its own files is not a use.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Folders whose files are each a module of their own here.
const FOLDERS_OF_FILES: &[&str] = &["browser", "state", "components"];

/// The crate root declares the modules; the binaries and the build script
/// use the library from outside.
const OUTSIDE: &[&str] = &["lib.rs", "main.rs", "prerender.rs", "build.rs"];

/// One use of another module: where, and what it names.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Use {
    file: String,
    line: usize,
    path: String,
    from: String,
    to: String,
}

/// The module a file belongs to: `store` for `store/wire.rs`, `state::nav`
/// for `state/nav.rs`, `state` for `state/mod.rs`.
fn module_of(file: &str) -> String {
    let file = file.trim_end_matches(".rs");
    let mut parts = file.split('/');
    let top = parts.next().unwrap_or_default().to_string();
    match parts.next() {
        Some(child) if FOLDERS_OF_FILES.contains(&top.as_str()) && child != "mod" => {
            format!("{top}::{child}")
        }
        _ => top,
    }
}

/// The module a path used in `file` names: `crate::state::nav::Nav` is
/// `state::nav`; `super::editor::Editor` in `state/practice.rs` is
/// `state::editor`; anything else in a folder of files is its `mod.rs`.
fn target(first: &str, second: Option<&str>, files: &BTreeSet<String>) -> String {
    if FOLDERS_OF_FILES.contains(&first) {
        if let Some(second) = second {
            if files.contains(&format!("{first}/{second}.rs")) {
                return format!("{first}::{second}");
            }
        }
    }
    first.to_string()
}

/// Words of a path after `prefix` in `text`: `crate::a::b` gives `a`, `b`.
fn paths_after<'a>(text: &'a str, prefix: &str) -> Vec<(&'a str, Option<&'a str>, String)> {
    let word = |s: &'a str| -> &'a str {
        let end = s
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(s.len());
        &s[..end]
    };
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(prefix) {
        let before = rest[..at].chars().last();
        let after = &rest[at + prefix.len()..];
        rest = after;
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        let first = word(after);
        if first.is_empty() {
            // `super::{a, b}`: names from the parent module itself.
            out.push(("", None, format!("{prefix}{}", &after[..after.len().min(30)])));
            continue;
        }
        let tail = &after[first.len()..];
        let second = tail.strip_prefix("::").map(word).filter(|w| !w.is_empty());
        let shown = match second {
            Some(second) => format!("{prefix}{first}::{second}"),
            None => format!("{prefix}{first}"),
        };
        out.push((first, second, shown));
    }
    out
}

/// Every use of one module by another in these files (paths relative to
/// `src/`, with their text).
fn uses(sources: &BTreeMap<String, String>) -> Vec<Use> {
    let files: BTreeSet<String> = sources.keys().cloned().collect();
    let mut out = Vec::new();
    for (file, text) in sources {
        if OUTSIDE.contains(&file.as_str()) {
            continue;
        }
        let from = module_of(file);
        let folder = file.rsplit_once('/').map(|(folder, _)| folder.to_string());
        let is_mod_rs = file.ends_with("/mod.rs");
        for (number, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            let declares =
                code.trim_start().starts_with("pub use ") || code.trim_start().starts_with("pub mod ");
            let mut found: Vec<(String, String)> = Vec::new();
            for (first, second, shown) in paths_after(code, "crate::") {
                found.push((target(first, second, &files), shown));
            }
            for (first, _, shown) in paths_after(code, "super::") {
                let to = match &folder {
                    // `super::` in `state/nav.rs` is the folder: a sibling
                    // file if it names one, else the folder's `mod.rs`.
                    Some(folder) if !is_mod_rs && FOLDERS_OF_FILES.contains(&folder.as_str()) => {
                        target(folder, Some(first), &files)
                    }
                    // Elsewhere `super::` stays within the module.
                    _ => from.clone(),
                };
                found.push((to, shown));
            }
            // A plain `use child::…` in a folder of files names a sibling.
            if let (Some(folder), Some(rest)) = (&folder, code.trim_start().strip_prefix("use ")) {
                if FOLDERS_OF_FILES.contains(&folder.as_str()) {
                    let first = rest.split([':', ';', ' ']).next().unwrap_or_default();
                    if files.contains(&format!("{folder}/{first}.rs")) && !is_mod_rs {
                        found.push((format!("{folder}::{first}"), format!("{first}::")));
                    }
                }
            }
            for (to, shown) in found {
                // A folder's `mod.rs` declares and re-exports its files.
                if is_mod_rs && declares && to.starts_with(&format!("{from}::")) {
                    continue;
                }
                if to != from {
                    out.push(Use {
                        file: file.clone(),
                        line: number + 1,
                        path: shown,
                        from: from.clone(),
                        to,
                    });
                }
            }
        }
    }
    out
}

/// The layer of a module, by its top-level name.
fn layer(module: &str) -> Option<usize> {
    let top = module.split("::").next().unwrap_or_default();
    foot_map::LAYERS
        .iter()
        .position(|(_, modules)| modules.contains(&top))
}

/// Every problem with these sources, one sentence each.
fn problems(sources: &BTreeMap<String, String>) -> Vec<String> {
    let mut out = Vec::new();
    let all = uses(sources);
    for module in sources
        .keys()
        .filter(|f| !OUTSIDE.contains(&f.as_str()))
        .map(|f| module_of(f))
    {
        if layer(&module).is_none() {
            out.push(format!(
                "src/{module}: not in foot_map::LAYERS (src/lib.rs); add it to its layer"
            ));
        }
    }
    for u in &all {
        if let (Some(from), Some(to)) = (layer(&u.from), layer(&u.to)) {
            if to > from {
                out.push(format!(
                    "src/{}:{} uses `{}`: {} ({}) must not use {} ({}), a layer above it",
                    u.file,
                    u.line,
                    u.path,
                    u.from,
                    foot_map::LAYERS[from].0,
                    u.to,
                    foot_map::LAYERS[to].0
                ));
            }
        }
    }
    // Circles: a module that, following uses, comes back to itself.
    let mut edges: BTreeMap<&str, BTreeMap<&str, &Use>> = BTreeMap::new();
    for u in &all {
        edges.entry(&u.from).or_default().entry(&u.to).or_insert(u);
    }
    let mut reported = BTreeSet::new();
    for start in edges.keys() {
        if let Some(circle) = circle_from(start, &edges) {
            let mut members: Vec<&str> = circle.iter().map(|u| u.from.as_str()).collect();
            members.sort_unstable();
            if reported.insert(members) {
                let steps: Vec<String> = circle
                    .iter()
                    .map(|u| format!("src/{}:{} uses `{}`", u.file, u.line, u.path))
                    .collect();
                out.push(format!("a circle of uses: {}", steps.join(", then ")));
            }
        }
    }
    out
}

/// A path of uses from `start` back to it, if there is one.
fn circle_from<'a>(
    start: &'a str,
    edges: &BTreeMap<&'a str, BTreeMap<&'a str, &'a Use>>,
) -> Option<Vec<&'a Use>> {
    fn walk<'a>(
        at: &'a str,
        start: &'a str,
        edges: &BTreeMap<&'a str, BTreeMap<&'a str, &'a Use>>,
        seen: &mut BTreeSet<&'a str>,
        path: &mut Vec<&'a Use>,
    ) -> bool {
        for (next, u) in edges.get(at).into_iter().flatten() {
            path.push(u);
            if *next == start {
                return true;
            }
            if seen.insert(next) && walk(next, start, edges, seen, path) {
                return true;
            }
            path.pop();
        }
        false
    }
    let mut path = Vec::new();
    walk(start, start, edges, &mut BTreeSet::new(), &mut path).then_some(path)
}

/// Every `.rs` file under `src/`, by its path from there.
fn read_src() -> BTreeMap<String, String> {
    fn visit(dir: &Path, root: &Path, out: &mut BTreeMap<String, String>) {
        for entry in std::fs::read_dir(dir).expect("src/ is readable") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                visit(&path, root, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let name = path
                    .strip_prefix(root)
                    .expect("under src/")
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(name, std::fs::read_to_string(&path).expect("a source file"));
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = BTreeMap::new();
    visit(&root, &root, &mut out);
    out
}

#[test]
fn every_use_in_src_points_down_the_layers_and_none_goes_round_a_circle() {
    let found = problems(&read_src());
    assert!(
        found.is_empty(),
        "{} problems:\n{}",
        found.len(),
        found.join("\n")
    );
}

/// The source with one line added to one file.
fn planted(file: &str, line: &str) -> BTreeMap<String, String> {
    let mut sources = read_src();
    let text = sources.get_mut(file).expect("the file exists");
    text.insert_str(0, &format!("{line}\n"));
    sources
}

#[test]
fn a_planted_use_of_a_higher_layer_fails_naming_the_file_and_the_path() {
    let found = problems(&planted("store.rs", "use crate::state::nav::Nav;"));
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("src/store.rs:1 uses `crate::state::nav`")),
        "{found:?}"
    );
    let found = problems(&planted("state/player.rs", "use crate::components::Panel;"));
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("src/state/player.rs:1 uses `crate::components::Panel`")),
        "{found:?}"
    );
    let found = problems(&planted("components/panel.rs", "use crate::app::App;"));
    assert!(
        found
            .iter()
            .any(|p| p.contains("src/components/panel.rs:1 uses `crate::app::App`")),
        "{found:?}"
    );
}

#[test]
fn a_planted_circle_within_a_layer_fails_naming_each_use() {
    // The store already uses own routines; a use back closes a circle.
    let found = problems(&planted("own_routine.rs", "use crate::store::Store;"));
    assert!(
        found.iter().any(|p| p.starts_with("a circle of uses")
            && p.contains("src/own_routine.rs:1 uses `crate::store::Store`")),
        "{found:?}"
    );
    let found = problems(&planted("state/saved.rs", "use super::player::Player;"));
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("a circle of uses") && p.contains("src/state/saved.rs:1")),
        "{found:?}"
    );
}

#[test]
fn a_new_module_must_be_given_a_layer() {
    let mut sources = read_src();
    sources.insert("gadgets.rs".into(), String::new());
    let found = problems(&sources);
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("src/gadgets: not in foot_map::LAYERS")),
        "{found:?}"
    );
}
