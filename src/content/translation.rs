//! The content in another language: `src/content/<language>/<file>.toml` is
//! a whole copy of the English `src/content/<file>.toml` with every text a
//! person reads translated, and everything else (ids, numbers, the zones a
//! claim lights, a source's published authors, title and journal) the same.
//! This compares one with the other and names every difference; the build
//! (`src/build.rs`) fails on any, and `tests/translations.rs` plants each
//! kind. Used by the build and the tests only: the app never reads TOML.

use toml::{Table, Value};

/// Keys whose values are identifiers, numbers or a source's published
/// record: the same in every language. (A source's `title` too: sources
/// keep their published titles.)
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

/// Every difference between `english` and `translated`, the contents of
/// the file `file` ("zones"), each naming its place, as
/// "zones.zone[3].name: missing".
pub fn differences(file: &str, english: &Table, translated: &Table) -> Vec<String> {
    let mut found = Vec::new();
    table(english, translated, file, &mut found);
    found
}

fn table(english: &Table, translated: &Table, path: &str, found: &mut Vec<String>) {
    for key in english.keys().filter(|k| !translated.contains_key(*k)) {
        found.push(format!("{path}.{key}: missing"));
    }
    for key in translated.keys().filter(|k| !english.contains_key(*k)) {
        found.push(format!("{path}.{key}: not in the English file"));
    }
    for (key, value) in english {
        let Some(other) = translated.get(key) else {
            continue;
        };
        let here = format!("{path}.{key}");
        if same_in_every_language(key, value, path) {
            if value != other {
                found.push(format!("{here}: must stay {value}"));
            }
        } else {
            walk(value, other, &here, found);
        }
    }
}

/// Whether `key` (in the table at `path`) holds a value kept as it is: an
/// identifier or number, not a list of tables (`[[zone]]` holds text).
fn same_in_every_language(key: &str, value: &Value, path: &str) -> bool {
    let tables = matches!(value, Value::Array(items) if items.first().is_some_and(Value::is_table));
    let source_title = key == "title" && path.contains(".source[");
    !tables && (SAME.contains(&key) || source_title)
}

fn walk(english: &Value, translated: &Value, path: &str, found: &mut Vec<String>) {
    match (english, translated) {
        (Value::Table(a), Value::Table(b)) => table(a, b, path, found),
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
            for (i, (a, b)) in a.iter().zip(b).enumerate() {
                walk(a, b, &format!("{path}[{i}]"), found);
            }
        }
        (Value::Array(a), _) => found.push(format!("{path}: must be a list of {}", a.len())),
        (Value::String(_), Value::String(text)) if text.trim().is_empty() => {
            found.push(format!("{path}: empty"));
        }
        (Value::String(_), Value::String(_)) => {}
        (Value::String(_), _) => found.push(format!("{path}: must be text")),
        (a, b) if a != b => found.push(format!("{path}: must stay {a}")),
        _ => {}
    }
}
