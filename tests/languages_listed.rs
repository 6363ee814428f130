//! The languages are listed once, in `Language::ALL` (`src/language.rs`):
//! the pre-render, the tests and the build's scripts read that list or
//! what the build made of it (each language's words and content are the
//! split parts `split_lang_<code>`, found by that name in the built files;
//! the redirect in `index.html` reads the alternates the pre-render writes).
//! What Rust's split points need by name, and the translation files, must
//! name exactly its languages. Adding a language fails here, naming each
//! place still without it.

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
fn every_language_has_its_split_points_and_its_files() {
    let split_points = read("src/split_points.rs");
    let mut missing = Vec::new();
    let mut expect = |found: bool, what: String| {
        if !found {
            missing.push(what);
        }
    };
    for language in Language::ALL {
        let (code, part) = (language.code(), language.part());
        expect(
            split_points.contains(&format!("wasm_split({part},")),
            format!("src/split_points.rs: a split point `{part}`"),
        );
        expect(
            at(&format!("src/text/{code}.toml")).exists(),
            format!("src/text/{code}.toml"),
        );
    }
    for language in others() {
        let (code, part) = (language.code(), language.part());
        expect(
            split_points.contains(&format!("wasm_split({part}_apart,")),
            format!("src/split_points.rs: a split point `{part}_apart`"),
        );
        expect(
            at(&format!("src/content/translations/{code}.toml")).exists(),
            format!("src/content/translations/{code}.toml"),
        );
    }
    assert!(missing.is_empty(), "without a language:\n{}", missing.join("\n"));
}

#[test]
fn nothing_names_a_language_not_spoken() {
    let split_points = read("src/split_points.rs");
    let parts = split_points.matches("wasm_split(lang_").count();
    assert_eq!(
        parts,
        Language::ALL.len() * 2 - 1,
        "src/split_points.rs: a part per language and one apart for each but English"
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
