//! Every language's content is the English content with only its text
//! translated: the same zones, steps, claims, sources and cautions, the
//! same ids and numbers, no text missing or empty, and the same content
//! rules met (each caution's conditions named in its own words). The build
//! fails on any difference; these tests name them and plant each kind.

#[path = "../src/content/translation.rs"]
mod translation;

use std::fs;
use std::path::{Path, PathBuf};
use toml::Table;

/// The languages beside English, as their folders in `src/content/`.
/// The languages beside English (from `Language::ALL`).
fn languages() -> Vec<&'static str> {
    foot_map::language::Language::ALL
        .into_iter()
        .skip(1)
        .map(|l| l.code())
        .collect()
}

fn content_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/content")
}

fn english_files() -> Vec<PathBuf> {
    let mut files: Vec<_> = fs::read_dir(content_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    files
}

fn read(path: &Path) -> Table {
    toml::from_str(&fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_language_has_every_file_the_same_but_for_its_text() {
    let mut found = Vec::new();
    for language in languages() {
        for english in english_files() {
            let theirs = content_dir().join(language).join(english.file_name().unwrap());
            let stem = english.file_stem().unwrap().to_string_lossy().to_string();
            for difference in translation::differences(&stem, &read(&english), &read(&theirs)) {
                found.push(format!("{language}: {difference}"));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn every_language_meets_the_content_rules_in_its_own_words() {
    for language in languages() {
        let mut merged = Table::new();
        for english in english_files() {
            merged.extend(read(
                &content_dir().join(language).join(english.file_name().unwrap()),
            ));
        }
        let content: foot_map::content::Content =
            merged.try_into().unwrap_or_else(|e| panic!("{language}: {e}"));
        // Except one English rule: English sentences lower-case the names
        // of zones and techniques ("Right foot – heel"), which needs them
        // in plain ASCII. Other languages keep each name as written (German
        // capitalises nouns), so theirs may use any letter.
        let problems: Vec<_> = foot_map::content::problems(&content)
            .into_iter()
            .filter(|p| !p.contains("outside plain ASCII"))
            .collect();
        assert!(problems.is_empty(), "{language}:\n{}", problems.join("\n"));
    }
}

/// A small English file and its translation, as TOML.
fn pair(english: &str, translated: &str) -> Vec<String> {
    translation::differences(
        "zones",
        &toml::from_str(english).unwrap(),
        &toml::from_str(translated).unwrap(),
    )
}

const ENGLISH: &str = r#"
[[zone]]
id = "heel"
name = "Heel"
steps = ["Press.", "Circle."]
seconds = 30
"#;

#[test]
fn a_faithful_translation_has_no_differences() {
    let spanish = r#"
[[zone]]
id = "heel"
name = "Talón"
steps = ["Presiona.", "Haz círculos."]
seconds = 30
"#;
    assert_eq!(pair(ENGLISH, spanish), Vec::<String>::new());
}

#[test]
fn each_kind_of_difference_is_named_with_its_place() {
    // A text left out, an id translated, a step dropped, a number changed,
    // a text left empty and a key that English does not have.
    let broken = r#"
[[zone]]
id = "talon"
steps = ["Presiona."]
seconds = 45
name_es = "Talón"
"#;
    let found = pair(ENGLISH, broken);
    for expected in [
        "zones.zone[0].name: missing",
        "zones.zone[0].name_es: not in the English file",
        "zones.zone[0].id: must stay \"heel\"",
        "zones.zone[0].steps: must be a list of 2",
        "zones.zone[0].seconds: must stay 30",
    ] {
        assert!(found.iter().any(|f| f == expected), "{expected} not in {found:?}");
    }
    let empty = r#"
[[zone]]
id = "heel"
name = " "
steps = ["Presiona.", "Haz círculos."]
seconds = 30
"#;
    assert_eq!(pair(ENGLISH, empty), ["zones.zone[0].name: empty"]);
}

#[test]
fn sources_keep_their_published_titles_and_translate_their_findings() {
    let english = r#"
[[source]]
id = "ernst-2009"
title = "Is reflexology an effective intervention?"
finding = "No benefit was shown."
"#;
    let translated_title = r#"
[[source]]
id = "ernst-2009"
title = "¿Es eficaz la reflexología?"
finding = "No se demostró ningún beneficio."
"#;
    let found = translation::differences(
        "evidence",
        &toml::from_str(english).unwrap(),
        &toml::from_str(translated_title).unwrap(),
    );
    assert_eq!(
        found,
        ["evidence.source[0].title: must stay \"Is reflexology an effective intervention?\""]
    );
}
