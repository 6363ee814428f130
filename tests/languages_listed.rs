//! The languages are listed once, in `Language::ALL` (`src/language.rs`):
//! the pre-render, the tests and the build's scripts read that list or
//! what the build made of it (each language's words and content are the
//! split parts `split_lang_<code>`, found by that name in the built files;
//! the redirect in `index.html` reads the alternates the pre-render writes).
//! The build script writes each language's split points from it; the
//! built app must have exactly its languages' parts, and each language its
//! translation files. Adding a language fails here, naming each file still
//! without it.

use foot_map::language::Language;
use std::path::{Path, PathBuf};

/// `path` in the project.
fn at(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn read(path: &str) -> String {
    std::fs::read_to_string(at(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The languages beside English.
fn others() -> impl Iterator<Item = Language> {
    Language::ALL.into_iter().filter(|l| *l != Language::English)
}

#[test]
fn english_comes_first() {
    assert_eq!(Language::ALL[0], Language::English);
}

#[test]
fn every_language_has_its_files() {
    let mut missing = Vec::new();
    for language in Language::ALL {
        let code = language.code();
        let mut files = vec![format!("src/text/{code}.toml")];
        if language != Language::English {
            files.push(format!("src/content/translations/{code}.toml"));
        }
        missing.extend(files.into_iter().filter(|file| !at(file).exists()));
    }
    assert!(missing.is_empty(), "without a language:\n{}", missing.join("\n"));
}

/// The names of the built app's files (`bash .ci/build` writes them).
fn built() -> Vec<String> {
    let dist = at("dist");
    let files =
        std::fs::read_dir(&dist).unwrap_or_else(|e| panic!("{}: {e} (run bash .ci/build)", dist.display()));
    files
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .collect()
}

#[test]
fn the_built_app_has_each_language_s_parts_and_no_other() {
    // (src/build.rs writes the split points from Language::ALL; English's
    // is in src/split_points.rs.)
    let files = built();
    let has = |part: &str| {
        files
            .iter()
            .any(|f| f.starts_with(&format!("split_{part}-")) && f.ends_with(".wasm"))
    };
    let mut wanted: Vec<String> = Language::ALL.iter().map(|l| l.part()).collect();
    wanted.extend(others().map(|l| format!("{}_apart", l.part())));
    for part in &wanted {
        assert!(has(part), "dist/ has no split part {part}");
    }
    let parts = files
        .iter()
        .filter(|f| f.starts_with("split_lang_") && f.ends_with(".wasm"));
    assert_eq!(
        parts.count(),
        wanted.len(),
        "a part per language and one apart for each but English, no more"
    );
    // (A language's files may come before it is listed: a translation in
    // progress is built, and its coverage reported, but not shipped.)
}

#[test]
fn the_build_s_scripts_and_the_redirect_keep_no_list_of_their_own() {
    let index = read("index.html");
    assert!(
        index.contains("link[rel=alternate][hreflang]"),
        "index.html's redirect reads the languages from the alternates the pre-render writes"
    );
    for file in [".ci/stamp.py", ".ci/first-visit", ".ci/bench", "index.html"] {
        let text = read(file);
        for language in others() {
            let code = language.code();
            for listed in [format!("\"{code}\""), format!("split_lang_{code}")] {
                assert!(!text.contains(&listed), "{file} names {listed}");
            }
        }
        for name in ["spanish", "german", "french", "portuguese"] {
            assert!(!text.to_lowercase().contains(name), "{file} names {name}");
        }
    }
}
