//! The app's own words (`src/text/<language>.toml`): every language has
//! no text the English has not, none empty, with the same placeholders and
//! the same plurals; a text it leaves out shows in English. The build fails
//! on any difference; these tests read the real files and plant each kind
//! of mistake.

#[path = "../src/text/check.rs"]
mod check;

use check::{constant, differences, entries, placeholders, with_english, Entry};
use std::path::Path;

fn parse(text: &str) -> Vec<Entry> {
    entries(&toml::from_str(text).unwrap()).unwrap()
}

fn file(language: &str) -> Vec<Entry> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("src/text/{language}.toml"));
    parse(&std::fs::read_to_string(path).unwrap())
}

#[test]
fn every_language_spoken_has_every_english_text_and_no_other() {
    let english = file("en");
    assert!(english.len() > 10);
    for language in foot_map::language::Language::ALL
        .into_iter()
        .skip(1)
        .map(|l| l.code())
    {
        assert_eq!(
            differences(&english, &file(language), language),
            Vec::<String>::new()
        );
        let in_english: Vec<_> = with_english(&english, &file(language))
            .into_iter()
            .filter(|(_, english)| *english)
            .map(|(entry, _)| entry.key)
            .collect();
        assert_eq!(in_english, Vec::<String>::new(), "{language}: not translated");
    }
}

#[test]
fn each_kind_of_mistake_is_named_with_its_key() {
    let english = parse(
        r#"
        [nav]
        map = "Map"
        [history]
        done = "Done on {date}"
        sessions = { one = "one session", other = "{count} sessions" }
        "#,
    );
    let found = |translated: &str| differences(&english, &parse(translated), "xx");
    // Faithful: another order of words, a singular that spells out "one".
    let faithful = r#"
        [nav]
        map = "Mapa"
        [history]
        done = "El {date}, hecho"
        sessions = { one = "una sesión", other = "{count} sesiones" }
        "#;
    assert!(found(faithful).is_empty());
    // Each mistake below is the faithful translation with one line changed.
    let changed = |from: &str, to: &str| {
        assert!(faithful.contains(from), "{from}");
        found(&faithful.replace(from, to))
    };
    // A text left out is no mistake: it shows in English.
    let without = faithful.replace("map = \"Mapa\"", "");
    assert!(found(&without).is_empty());
    let filled = with_english(&english, &parse(&without));
    let map = filled.iter().find(|(e, _)| e.key == "nav.map").unwrap();
    assert_eq!(map.0.forms, check::Forms::Plain("Map".into()));
    assert!(map.1, "nav.map shows in English");
    assert_eq!(filled.iter().filter(|(_, english)| *english).count(), 1);
    let extra = changed("map = \"Mapa\"", "map = \"Mapa\"\nmapa = \"Mapa\"");
    assert!(extra[0].contains("`nav.mapa` is not in the English"), "{extra:?}");
    let empty = changed("map = \"Mapa\"", "map = \" \"");
    assert_eq!(empty, ["xx: `nav.map` is empty"]);
    let placeholder = changed("{date}", "{fecha}");
    assert_eq!(placeholder.len(), 1, "{placeholder:?}");
    assert!(
        placeholder[0].contains("`history.done`")
            && placeholder[0].contains("\"date\"")
            && placeholder[0].contains("\"fecha\"")
    );
    let count = changed("other = \"{count} sesiones\"", "other = \"sesiones\"");
    assert_eq!(count.len(), 1, "{count:?}");
    assert!(count[0].contains("`history.sessions.other`") && count[0].contains("\"count\""));
    let plural = changed(
        "sessions = { one = \"una sesión\", other = \"{count} sesiones\" }",
        "sessions = \"{count} sesiones\"",
    );
    assert!(
        plural[0].contains("`history.sessions` is plain text"),
        "{plural:?}"
    );
}

#[test]
fn placeholders_are_names_in_braces_and_keys_become_constants() {
    let found: Vec<_> = placeholders("{count} of {total_minutes} min, {} {Not} {a-b}")
        .into_iter()
        .collect();
    assert_eq!(found, ["count", "total_minutes"]);
    assert_eq!(constant("nav.map"), "NAV_MAP");
    assert_eq!(constant("page.footer_safety_link"), "PAGE_FOOTER_SAFETY_LINK");
}
