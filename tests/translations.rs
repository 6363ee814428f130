//! Every language's content is the English content with its texts put in
//! by key (`src/content/translations/<code>.toml`): the structure (zones,
//! steps, ids, numbers) is the English's alone, a text left out shows in
//! English, and a language the app speaks has every text, above all every
//! caution and claim. `en.toml`, the base a translator copies, lists every
//! key of the English content. These tests check the shipped files and
//! plant each kind of mistake in small ones.

#[path = "../src/content/translation.rs"]
mod translation;

use std::fs;
use std::path::{Path, PathBuf};
use toml::Table;

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

fn read(path: &Path) -> Table {
    toml::from_str(&fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The English content: every `src/content/*.toml` merged.
fn english() -> Table {
    let mut files: Vec<_> = fs::read_dir(content_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut merged = Table::new();
    for file in files {
        merged.extend(read(&file));
    }
    merged
}

fn translation_file(code: &str) -> PathBuf {
    content_dir().join("translations").join(format!("{code}.toml"))
}

/// The English content with `code`'s texts put in, and what was found.
fn translated(code: &str) -> (Table, translation::Applied) {
    let texts = translation::read(&read(&translation_file(code))).unwrap_or_else(|e| panic!("{code}: {e}"));
    translation::apply(&english(), &texts)
}

const HEADER: &str = "# Foot Map: every text of the content, in English, under its key. The base\n\
# for a translation: copy it to <code>.toml and translate the texts; keep\n\
# the keys. Written by `FOOT_MAP_WRITE_BASE=1 cargo test --test translations`.\n";

#[test]
fn the_base_for_translators_lists_every_english_text() {
    let texts = translation::texts(&english());
    let path = translation_file("en");
    if std::env::var_os("FOOT_MAP_WRITE_BASE").is_some() {
        fs::write(&path, translation::write(HEADER, &texts)).unwrap();
    }
    let written = translation::read(&read(&path)).unwrap();
    assert_eq!(translation::repeated(&texts), Vec::<&str>::new());
    let wanted: std::collections::BTreeMap<_, _> = texts.into_iter().collect();
    assert!(
        written == wanted,
        "src/content/translations/en.toml is not the English content's texts: \
         run FOOT_MAP_WRITE_BASE=1 cargo test --test translations"
    );
}

#[test]
fn every_language_the_app_speaks_has_every_text_and_no_other() {
    for code in languages() {
        let (_, applied) = translated(code);
        assert_eq!(applied.missing, Vec::<String>::new(), "{code}: not translated");
        assert_eq!(
            applied.unknown,
            Vec::<String>::new(),
            "{code}: not in the English"
        );
        assert_eq!(applied.percent(), 100);
    }
}

#[test]
fn every_language_meets_the_content_rules_in_its_own_words() {
    for code in languages() {
        let (table, _) = translated(code);
        let content: foot_map::content::Content = table.try_into().unwrap_or_else(|e| panic!("{code}: {e}"));
        // Except one English rule: English sentences lower-case the names
        // of zones and techniques ("Right foot – heel"), which needs them
        // in plain ASCII. Other languages keep each name as written (German
        // capitalises nouns), so theirs may use any letter.
        let problems: Vec<_> = foot_map::content::problems(&content)
            .into_iter()
            .filter(|p| !p.contains("outside plain ASCII"))
            .collect();
        assert!(problems.is_empty(), "{code}:\n{}", problems.join("\n"));
    }
}

const ENGLISH: &str = r#"
[[zone]]
id = "heel"
name = "Heel"
seconds = 30

[[zone.methods]]
technique = "knuckle-press"
steps = ["Press.", "Circle."]

[[caution]]
id = "clot"
title = "A clot"
conditions = ["a swollen calf"]

[[source]]
id = "ernst-2009"
title = "Is reflexology an effective intervention?"
finding = "No benefit was shown."
"#;

fn small(translated: &str) -> (Table, translation::Applied) {
    let texts = translation::read(&toml::from_str(translated).unwrap()).unwrap();
    translation::apply(&toml::from_str(ENGLISH).unwrap(), &texts)
}

#[test]
fn texts_are_keyed_by_ids_and_places_and_numbers_and_published_titles_are_not_texts() {
    let keys: Vec<String> = translation::texts(&toml::from_str(ENGLISH).unwrap())
        .into_iter()
        .map(|(key, _)| key)
        .collect();
    assert_eq!(
        keys,
        [
            "caution.clot.conditions.1",
            "caution.clot.title",
            "source.ernst-2009.finding",
            "zone.heel.methods.knuckle-press.steps.1",
            "zone.heel.methods.knuckle-press.steps.2",
            "zone.heel.name",
        ]
    );
}

#[test]
fn a_translation_puts_its_texts_in_place_and_leaves_the_structure() {
    let (table, applied) = small(
        r#"
[zone.heel]
name = "Talón"
methods.knuckle-press.steps.1 = "Presiona."
methods.knuckle-press.steps.2 = "Haz círculos."

[caution.clot]
title = "Un coágulo"
conditions.1 = "una pantorrilla hinchada"

[source.ernst-2009]
finding = "No se demostró ningún beneficio."
"#,
    );
    assert_eq!(applied.missing, Vec::<String>::new());
    assert_eq!(applied.percent(), 100);
    let zone = &table["zone"][0];
    assert_eq!(zone["name"].as_str(), Some("Talón"));
    assert_eq!(zone["id"].as_str(), Some("heel"));
    assert_eq!(zone["seconds"].as_integer(), Some(30));
    assert_eq!(zone["methods"][0]["steps"][1].as_str(), Some("Haz círculos."));
    assert_eq!(
        table["source"][0]["title"].as_str(),
        Some("Is reflexology an effective intervention?")
    );
}

#[test]
fn a_text_left_out_or_empty_shows_in_english_and_counts_as_missing() {
    let (table, applied) = small(
        r#"
[zone.heel]
name = " "
methods.knuckle-press.steps.1 = "Presiona."
"#,
    );
    assert_eq!(table["zone"][0]["name"].as_str(), Some("Heel"));
    assert_eq!(
        table["zone"][0]["methods"][0]["steps"][1].as_str(),
        Some("Circle.")
    );
    assert_eq!(applied.texts, 6);
    assert_eq!(applied.missing.len(), 5);
    assert_eq!(applied.percent(), 16);
    // Of those, the caution's are the ones a language cannot ship without.
    assert_eq!(
        applied.missing_required(),
        ["caution.clot.conditions.1", "caution.clot.title"]
    );
}

#[test]
fn a_key_the_english_has_no_text_for_is_named() {
    let (_, applied) = small(
        r#"
[zone.heel]
nmae = "Talón"
seconds = "30"

[source.ernst-2009]
title = "¿Es eficaz la reflexología?"
"#,
    );
    assert_eq!(
        applied.unknown,
        ["source.ernst-2009.title", "zone.heel.nmae", "zone.heel.seconds"]
    );
}

#[test]
fn a_value_that_is_not_text_is_named() {
    let table: Table = toml::from_str("[zone.heel]\nseconds = 30\n").unwrap();
    assert_eq!(
        translation::read(&table),
        Err("zone.heel.seconds: must be text".to_string())
    );
}

#[test]
fn the_base_is_written_so_that_it_reads_back_the_same() {
    let texts = translation::texts(&toml::from_str(ENGLISH).unwrap());
    let written = translation::write("# base\n", &texts);
    assert!(written.contains("\n[zone.heel]\n"), "{written}");
    let back = translation::read(&toml::from_str(&written).unwrap()).unwrap();
    assert_eq!(back, texts.into_iter().collect());
}

#[test]
fn items_that_share_a_technique_are_keyed_by_place_and_no_two_texts_share_a_key() {
    let english = r#"
[[zone]]
id = "heel"

[[zone.methods]]
technique = "knuckle-press"
steps = ["Press."]

[[zone.methods]]
technique = "knuckle-press"
steps = ["Press again."]
"#;
    let texts = translation::texts(&toml::from_str(english).unwrap());
    let keys: Vec<&str> = texts.iter().map(|(key, _)| key.as_str()).collect();
    assert_eq!(
        keys,
        ["zone.heel.methods.1.steps.1", "zone.heel.methods.2.steps.1"]
    );
    assert_eq!(translation::repeated(&texts), Vec::<&str>::new());
    let twice = vec![("a.b".to_string(), "x".to_string()); 2];
    assert_eq!(translation::repeated(&twice), ["a.b"]);
}

#[test]
fn any_keys_are_written_so_that_they_read_back() {
    // A top-level text, a table's texts around a list, and an id that is
    // no plain TOML key.
    let texts: Vec<(String, String)> = [
        ("note", "A note."),
        ("safety.closing", "Stop if it hurts."),
        ("safety.examples.1", "An example."),
        ("safety.intro", "Read this."),
        ("zone.heel spur.name", "Heel \"spur\""),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let written = translation::write("# base\n", &texts);
    let back =
        translation::read(&toml::from_str(&written).unwrap_or_else(|e| panic!("{e}\n{written}"))).unwrap();
    assert_eq!(back, texts.into_iter().collect());
}
