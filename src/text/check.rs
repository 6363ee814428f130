//! The app's own words, one TOML file per language (`src/text/en.toml`,
//! `es.toml`, `de.toml`), read into flat lists and checked against the
//! English. Used by `src/build.rs`, which fails the build naming every
//! difference, and by the native tests, which plant each kind of mistake.
//! Nothing here touches the browser.

use std::collections::{BTreeMap, BTreeSet};

/// One text: its key (`nav.map`, or `history.sessions` for a plural) and
/// its forms (one, or for a plural `one` and `other`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub key: String,
    pub forms: Forms,
}

/// A plain text, or the two plural forms (which counts take "one" is the
/// language's switch `grammar.plural`; see `text::singular`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Forms {
    Plain(String),
    Plural { one: String, other: String },
}

/// The sections of texts the first screen shows (the map, a zone's name,
/// the navigation, the welcome, the messages a first visit may need). Any
/// other section (a zone's details, the routines, the pages of reading,
/// the practice, and what only the build writes into the pages: `html`,
/// `manifest`, `shell`) is a later one: another language's are packed
/// apart and fetched with those pages' code, so that a first visit
/// downloads only the first screen's words. A new page's section is
/// therefore later by itself; a section the first screen needs and this
/// list lacks shows in English there, which the tests of every language
/// catch.
pub const FIRST: &[&str] = &[
    "common",
    "format",
    "grammar",
    "language",
    "limb",
    "link_error",
    "map",
    "nav",
    "notice",
    "page",
    "part_missing",
    "side",
    "view",
    "welcome",
    "zone",
];

/// Whether the text with this key is one the pages fetched later show.
pub fn is_later(key: &str) -> bool {
    !FIRST.contains(&key.split('.').next().unwrap_or_default())
}

/// Every text in a language's file, in packing order: the first screen's
/// by key in sorted order ([`FIRST`]), then the later pages' likewise. A
/// table whose keys are exactly `one` and `other` is a plural; any other
/// table is a section whose keys are joined to its name with a dot.
/// Errors name the key whose value is neither text nor a table.
pub fn entries(table: &toml::Table) -> Result<Vec<Entry>, String> {
    let mut out = Vec::new();
    walk("", table, &mut out)?;
    out.sort_by(|a, b| (is_later(&a.key), &a.key).cmp(&(is_later(&b.key), &b.key)));
    Ok(out)
}

fn walk(prefix: &str, table: &toml::Table, out: &mut Vec<Entry>) -> Result<(), String> {
    for (name, value) in table {
        let key = if prefix.is_empty() {
            name.clone()
        } else {
            format!("{prefix}.{name}")
        };
        match value {
            toml::Value::String(text) => out.push(Entry {
                key,
                forms: Forms::Plain(text.clone()),
            }),
            toml::Value::Table(inner) if is_plural(inner) => {
                let form = |n: &str| inner[n].as_str().map(str::to_string);
                match (form("one"), form("other")) {
                    (Some(one), Some(other)) => out.push(Entry {
                        key,
                        forms: Forms::Plural { one, other },
                    }),
                    _ => return Err(format!("{key}: the plural forms must be text")),
                }
            }
            toml::Value::Table(inner) => walk(&key, inner, out)?,
            _ => return Err(format!("{key}: neither a text nor a table")),
        }
    }
    Ok(())
}

fn is_plural(table: &toml::Table) -> bool {
    table.len() == 2 && table.contains_key("one") && table.contains_key("other")
}

/// The placeholders in a text: the names between braces, as in
/// `"{count} sessions"`.
pub fn placeholders(text: &str) -> BTreeSet<&str> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .filter(|name| !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        .collect()
}

/// Every way `theirs` (the language `language`) differs from the English
/// beyond its words, one sentence each naming the key: a text the English
/// has not, empty, plural in one and not the other, or with other
/// placeholders. Both forms of a plural must hold the English's
/// placeholders (the singular may leave `{count}` out, as "one session"
/// does not need the number).
pub fn differences(english: &[Entry], theirs: &[Entry], language: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mine: BTreeMap<&str, &Forms> = english.iter().map(|e| (e.key.as_str(), &e.forms)).collect();
    let their: BTreeMap<&str, &Forms> = theirs.iter().map(|e| (e.key.as_str(), &e.forms)).collect();
    for (key, forms) in &mine {
        let Some(translated) = their.get(key) else {
            continue;
        };
        match (forms, translated) {
            (Forms::Plain(en), Forms::Plain(t)) => compare(&mut out, language, key, en, t, false),
            (
                Forms::Plural { one, other },
                Forms::Plural {
                    one: t_one,
                    other: t_other,
                },
            ) => {
                compare(&mut out, language, &format!("{key}.one"), one, t_one, true);
                compare(&mut out, language, &format!("{key}.other"), other, t_other, false);
            }
            (Forms::Plain(_), _) => out.push(format!(
                "{language}: `{key}` is a plural, but plain text in English"
            )),
            (_, _) => out.push(format!(
                "{language}: `{key}` is plain text, but a plural in English"
            )),
        }
    }
    for key in their.keys().filter(|key| !mine.contains_key(*key)) {
        out.push(format!(
            "{language}: `{key}` is not in the English (a typo, or a text no longer used?)"
        ));
    }
    out
}

/// The English's texts in their order, each in `theirs` where it has the
/// key, else the English's own (with `true`: it shows in English).
pub fn with_english(english: &[Entry], theirs: &[Entry]) -> Vec<(Entry, bool)> {
    let their: BTreeMap<&str, &Entry> = theirs.iter().map(|e| (e.key.as_str(), e)).collect();
    english
        .iter()
        .map(|entry| match their.get(entry.key.as_str()) {
            Some(translated) => ((*translated).clone(), false),
            None => (entry.clone(), true),
        })
        .collect()
}

fn compare(out: &mut Vec<String>, language: &str, key: &str, en: &str, theirs: &str, singular: bool) {
    // A space is a whole text in one place: French groups thousands with
    // a narrow no-break space.
    let a_space = key == "format.thousands_separator" && !theirs.is_empty();
    if theirs.trim().is_empty() && !a_space {
        out.push(format!("{language}: `{key}` is empty"));
        return;
    }
    // "{count}" may be spelled out in a singular, in either language.
    let kept = |name: &&str| !(singular && *name == "count");
    let wanted: BTreeSet<&str> = placeholders(en).into_iter().filter(kept).collect();
    let found: BTreeSet<&str> = placeholders(theirs).into_iter().filter(kept).collect();
    if wanted != found {
        let missing: Vec<_> = wanted.difference(&found).collect();
        let extra: Vec<_> = found.difference(&wanted).collect();
        out.push(format!(
            "{language}: `{key}` has other placeholders than the English (missing {missing:?}, extra {extra:?})"
        ));
    }
}

/// The name of a key's constant in `text::key`: `nav.map` is `NAV_MAP`,
/// `page.skip_link` is `PAGE_SKIP_LINK`.
pub fn constant(key: &str) -> String {
    key.replace('.', "_").to_ascii_uppercase()
}
