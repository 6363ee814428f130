//! The content in other languages. The English files (`src/content/*.toml`)
//! hold the structure (ids, order, numbers, the zones a claim lights) and
//! the English text; a language's file (`src/content/translations/<code>.toml`)
//! holds only text, each under a key made from ids, as a translation
//! platform reads it:
//!
//! ```toml
//! [zone.big-toe]
//! name = "Gros orteil"
//! methods.toe-pull.steps.2 = "Tire-le doucement…"
//! ```
//!
//! A text a file leaves out (or leaves empty) shows in English. `en.toml`
//! beside them lists every key with its English: the base a translator
//! copies, kept current by `tests/translations.rs`. Used by the build
//! (`src/build.rs`) and the tests only: the app never reads TOML.

use std::collections::{BTreeMap, BTreeSet};
use toml::{Table, Value};

/// Keys whose values are identifiers, numbers or a source's published
/// record: never translated. (A source's `title` too: sources keep their
/// published titles.)
pub const SAME: &[&str] = &[
    "id",
    "view",
    "part",
    "technique",
    "pressure",
    "seconds",
    "evidence",
    "sources",
    "basis",
    "zones",
    "zone",
    "side",
    "minutes",
    "severity",
    "year",
    "authors",
    "journal",
    "citation",
    "link",
    "topics",
    "rank",
    "needs",
];

/// The kinds of content a language ships only with in full: the cautions
/// and the safety note, the claims and the labels of their evidence. A
/// language missing any of these fails the build.
pub const REQUIRED: &[&str] = &["caution", "safety", "claim", "label"];

/// Every text a person reads in `english` (the English content, all files
/// merged): its key and its English.
pub fn texts(english: &Table) -> Vec<(String, String)> {
    let mut english = english.clone();
    let mut found = Vec::new();
    visit(&mut english, "", "", &mut |key, text| {
        found.push((key.to_string(), text.clone()));
    });
    found
}

/// The texts of a language's file by key: nested tables are joined with
/// dots, so `[zone.heel]` then `name = …` is `zone.heel.name`. Errors name
/// the key of a value that is not text.
pub fn read(file: &Table) -> Result<BTreeMap<String, String>, String> {
    fn walk(table: &Table, prefix: &str, out: &mut BTreeMap<String, String>) -> Result<(), String> {
        for (name, value) in table {
            let key = join(prefix, name);
            match value {
                Value::String(text) => {
                    out.insert(key, text.clone());
                }
                Value::Table(inner) => walk(inner, &key, out)?,
                _ => return Err(format!("{key}: must be text")),
            }
        }
        Ok(())
    }
    let mut out = BTreeMap::new();
    walk(file, "", &mut out)?;
    Ok(out)
}

/// What putting a language's texts into the English found.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Applied {
    /// How many texts the English has.
    pub texts: usize,
    /// The keys the language has no text for (they show in English).
    pub missing: Vec<String>,
    /// The language's keys the English has no text for: a typo, or a text
    /// the English no longer has.
    pub unknown: Vec<String>,
}

impl Applied {
    /// The missing texts of the kinds a language cannot ship without
    /// ([`REQUIRED`]).
    pub fn missing_required(&self) -> Vec<&str> {
        self.missing
            .iter()
            .map(String::as_str)
            .filter(|key| REQUIRED.contains(&key.split('.').next().unwrap_or_default()))
            .collect()
    }

    /// The share translated, in whole percent ([`percent`]).
    pub fn percent(&self) -> usize {
        percent(self.texts, self.missing.len())
    }
}

/// The share of `texts` translated when `missing` are not, in whole
/// percent, rounded down (so that 100 means all).
pub fn percent(texts: usize, missing: usize) -> usize {
    (texts - missing) * 100 / texts.max(1)
}

/// The English content with each text `translated` has (and is not empty)
/// put in its place, and what was missing or unknown.
pub fn apply(english: &Table, translated: &BTreeMap<String, String>) -> (Table, Applied) {
    let mut content = english.clone();
    let mut applied = Applied::default();
    let mut used = BTreeSet::new();
    visit(&mut content, "", "", &mut |key, text| {
        applied.texts += 1;
        match translated.get(key).filter(|t| !t.trim().is_empty()) {
            Some(theirs) => {
                *text = theirs.clone();
                used.insert(key.to_string());
            }
            None => applied.missing.push(key.to_string()),
        }
    });
    applied.unknown = translated
        .keys()
        .filter(|key| !used.contains(*key) && !applied.missing.contains(*key))
        .cloned()
        .collect();
    (content, applied)
}

/// Calls `each` with the key and text of every text a person reads in
/// `table` (at `prefix`, of the kind `kind`: "zone", "source"…). An item
/// of a list of tables is keyed by its `id`, else by its `technique` (a
/// zone's methods), whichever every item of the list has and no two share,
/// else by its place from 1; a list of texts by place.
fn visit(table: &mut Table, kind: &str, prefix: &str, each: &mut dyn FnMut(&str, &mut String)) {
    for (name, value) in table.iter_mut() {
        let key = join(prefix, name);
        let kind = if kind.is_empty() { name.as_str() } else { kind };
        match value {
            Value::Array(items) if items.first().is_some_and(Value::is_table) => {
                let field = ["id", "technique"].into_iter().find(|field| {
                    let values: Vec<&str> = items.iter().filter_map(|i| i.get(*field)?.as_str()).collect();
                    let distinct: BTreeSet<&&str> = values.iter().collect();
                    values.len() == items.len() && distinct.len() == values.len()
                });
                for (i, item) in items.iter_mut().enumerate() {
                    let Value::Table(item) = item else { continue };
                    let id = field
                        .and_then(|field| item.get(field)?.as_str())
                        .map_or_else(|| (i + 1).to_string(), str::to_string);
                    visit(item, kind, &join(&key, &id), each);
                }
            }
            Value::Table(inner) => visit(inner, kind, &key, each),
            _ if SAME.contains(&name.as_str()) || (name == "title" && kind == "source") => {}
            Value::Array(texts) => {
                for (i, text) in texts.iter_mut().enumerate() {
                    if let Value::String(text) = text {
                        each(&join(&key, &(i + 1).to_string()), text);
                    }
                }
            }
            Value::String(text) => each(&key, text),
            _ => {}
        }
    }
}

fn join(prefix: &str, name: &str) -> String {
    if prefix.is_empty() {
        name.to_string()
    } else {
        format!("{prefix}.{name}")
    }
}

/// Every key `texts` holds more than once: two texts the English gives the
/// same key (the build fails on any).
pub fn repeated(texts: &[(String, String)]) -> Vec<&str> {
    let mut seen = BTreeSet::new();
    texts
        .iter()
        .map(|(key, _)| key.as_str())
        .filter(|key| !seen.insert(*key))
        .collect()
}

/// A language's file as `en.toml` is written: the texts of each item under
/// its table (`[zone.heel]`), items in the order of `texts`, top-level
/// texts first; each part of a key that is not a plain TOML key quoted.
pub fn write(header: &str, texts: &[(String, String)]) -> String {
    let part = |part: &str| {
        let plain = !part.is_empty()
            && part
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if plain {
            part.to_string()
        } else {
            Value::String(part.to_string()).to_string()
        }
    };
    let line = |parts: &[&str], text: &str| {
        let key: Vec<String> = parts.iter().map(|p| part(p)).collect();
        format!("{} = {}\n", key.join("."), Value::String(text.to_string()))
    };
    let mut out = String::from(header);
    // Sections in the order they first come, each with its lines.
    let mut sections: Vec<(String, String)> = Vec::new();
    for (key, text) in texts {
        let parts: Vec<&str> = key.split('.').collect();
        let (head, rest) = parts.split_at(2.min(parts.len() - 1));
        if head.is_empty() {
            out += &line(rest, text);
            continue;
        }
        let head = head.iter().map(|p| part(p)).collect::<Vec<_>>().join(".");
        match sections.iter_mut().find(|(name, _)| *name == head) {
            Some((_, lines)) => *lines += &line(rest, text),
            None => sections.push((head, line(rest, text))),
        }
    }
    for (head, lines) in sections {
        out += &format!("\n[{head}]\n{lines}");
    }
    out
}
