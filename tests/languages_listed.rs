//! The languages are listed once, in `Language::ALL` (`src/language.rs`):
//! the pre-render and the tests read that list, and every list kept by hand
//! where Rust cannot reach (the build's scripts, the redirect in
//! `index.html`, the split points, the words and content files) must name
//! exactly its languages. Adding a language fails here, naming each file
//! still without it.

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
fn every_hand_kept_list_names_every_language() {
    let stamp = read(".ci/stamp.py");
    let first_visit = read(".ci/first-visit");
    let index = read("index.html");
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
            first_visit.contains(&format!("{code}:split_{part}"))
                && first_visit.contains(&format!("*split_{part}*")),
            format!(".ci/first-visit: {code}:split_{part} and *split_{part}*"),
        );
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
            stamp.contains(&format!("\"{code}\": \"{part}\"")),
            format!(".ci/stamp.py: \"{code}\": \"{part}\" in `parts`"),
        );
        expect(
            index.contains(&format!("code === \"{code}\"")),
            format!("index.html: code === \"{code}\" in the redirect"),
        );
        expect(
            split_points.contains(&format!("wasm_split({part}_apart,")),
            format!("src/split_points.rs: a split point `{part}_apart`"),
        );
        expect(
            at(&format!("src/content/{code}")).is_dir(),
            format!("src/content/{code}/"),
        );
    }
    assert!(
        missing.is_empty(),
        "lists without a language:\n{}",
        missing.join("\n")
    );
}

#[test]
fn no_hand_kept_list_names_a_language_not_spoken() {
    let index = read("index.html");
    let redirect: Vec<&str> = index
        .split("code === \"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    let all: Vec<&str> = Language::ALL.into_iter().map(Language::code).collect();
    assert_eq!(redirect, all, "index.html's redirect (English stays)");
    let spoken = &all[1..];
    let stamp = read(".ci/stamp.py");
    let line = stamp
        .lines()
        .find(|l| l.starts_with("parts = {"))
        .expect(".ci/stamp.py lists `parts`");
    assert_eq!(line.matches(':').count(), spoken.len(), ".ci/stamp.py: {line}");
    let first_visit = read(".ci/first-visit");
    let line = first_visit
        .lines()
        .find(|l| l.starts_with("for language in "))
        .expect(".ci/first-visit loops over the languages");
    assert_eq!(
        line.matches(":split_").count(),
        Language::ALL.len(),
        ".ci/first-visit: {line}"
    );
    let texts = std::fs::read_dir(at("src/text"))
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".toml"))
        .count();
    assert_eq!(texts, Language::ALL.len(), "src/text/*.toml");
}
