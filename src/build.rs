//! Reads the TOML content files in `src/content/` into the app's content
//! types and packs them as postcard bytes for the app to embed: what the map
//! shows in one file, the text only other pages show in another. A file that
//! does not match the types fails the build with the file and field named.

use std::{env, fs, path::Path};

#[allow(dead_code)]
#[path = "content/types.rs"]
mod types;

#[allow(dead_code)]
#[path = "content/translation.rs"]
mod translation;

#[path = "text/check.rs"]
mod text_check;

#[allow(dead_code)]
#[path = "language.rs"]
mod language;

fn main() {
    let dir = Path::new("src/content");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = fs::read_dir(dir)
        .expect("src/content exists")
        .map(|entry| entry.expect("readable directory").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();

    // Each file holds some of the top-level keys; merge them into one table.
    let mut merged = toml::Table::new();
    let mut origin = std::collections::BTreeMap::new();
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path.display().to_string();
        let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {name}: {e}"));
        let table: toml::Table =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{name} is not valid TOML:\n{e}"));
        for (key, value) in table {
            if let Some(first) = origin.insert(key.clone(), name.clone()) {
                panic!("`{key}` is defined in both {first} and {name}; keep each key in one file");
            }
            merged.insert(key, value);
        }
    }

    let mut coverage = Vec::new();
    let translated = check_languages(dir, &merged, &mut coverage);

    let mut content: types::Content = merged.try_into().unwrap_or_else(|e| {
        panic!("the content in src/content/*.toml does not match src/content/types.rs:\n{e}")
    });
    // What the map shows, and apart from it what only other pages show.
    let apart = content.take_apart();
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).to_path_buf();
    let mut packs = vec![
        ("content.postcard".to_string(), postcard::to_allocvec(&content)),
        ("apart.postcard".to_string(), postcard::to_allocvec(&apart)),
    ];
    // Each other language's copy, packed the same way.
    for (code, mut content) in translated {
        let apart = content.take_apart();
        packs.push((
            format!("content-{code}.postcard"),
            postcard::to_allocvec(&content),
        ));
        packs.push((format!("apart-{code}.postcard"), postcard::to_allocvec(&apart)));
    }
    for (name, packed) in packs {
        fs::write(out.join(name), packed.expect("content packs")).expect("OUT_DIR is writable");
    }
    pack_texts(&out, &mut coverage);
    write_language_parts(&out);
    coverage.sort();
    coverage.insert(
        0,
        "How much of each language is translated (src/build.rs):".into(),
    );
    fs::write(out.join("coverage.txt"), coverage.join("\n") + "\n").expect("OUT_DIR is writable");
}

/// Writes what `src/split_points.rs` includes, from `Language::ALL`, for
/// each language but English (whose part is written there):
/// `language_parts.rs`, its two split parts (its first-screen words and
/// content, `lang_<code>`, and those the later pages show,
/// `lang_<code>_apart`, packed above), and `first_part.rs` and
/// `apart_part.rs`, the expressions that fetch one of them for `language`.
/// So a new language is listed only in `src/language.rs`.
fn write_language_parts(out: &Path) {
    let parts = |file: &str, apart: &str| {
        format!(
            "(\n        include_str!(concat!(env!(\"OUT_DIR\"), \"/{file}\")),\n        include_bytes!(concat!(env!(\"OUT_DIR\"), \"/{apart}\")),\n    )"
        )
    };
    let point = |name: &str, packed: String| {
        format!(
            "#[cfg_attr(\n    foot_map_split,\n    leptos::wasm_split::wasm_split({name}, wasm_split_path = ::leptos::wasm_split, fallible, preload(load_{name}))\n)]\nfn {name}() -> Result<(&'static str, &'static [u8]), NotDownloaded> {{\n    Ok({packed})\n}}\n\n"
        )
    };
    let mut code =
        String::from("// Written by src/build.rs (`write_language_parts`) from Language::ALL.\n\n");
    let (mut first, mut apart) = (String::new(), String::new());
    for language in &language::Language::ALL[1..] {
        let (code_of, part) = (language.code(), language.part());
        code += &point(
            &part,
            parts(
                &format!("text-{code_of}.txt"),
                &format!("content-{code_of}.postcard"),
            ),
        );
        code += &point(
            &format!("{part}_apart"),
            parts(
                &format!("text-later-{code_of}.txt"),
                &format!("apart-{code_of}.postcard"),
            ),
        );
        first += &format!("    Language::{language:?} => split_await!({part}()),\n");
        apart += &format!("    Language::{language:?} => split_await!({part}_apart()),\n");
    }
    // Expressions, not functions: an async function more for each would
    // bring its state machine into every first download.
    let by_language =
        |arms: &str| format!("match language {{\n{arms}    Language::English => Err(NotDownloaded),\n}}\n");
    for (file, arms) in [("first_part.rs", &first), ("apart_part.rs", &apart)] {
        fs::write(out.join(file), by_language(arms)).expect("OUT_DIR is writable");
    }
    fs::write(out.join("language_parts.rs"), code).expect("OUT_DIR is writable");
}

/// Puts each language's texts (`src/content/translations/<code>.toml`)
/// into the English content: a text it leaves out shows in English. Fails
/// the build naming the file and key of every problem: a language the app
/// speaks (`src/language.rs`) without its file, or without a text of a
/// caution, the safety note, a claim or an evidence label. Adds each
/// file's coverage to `coverage`. Returns the code and content of each
/// language the app speaks.
fn check_languages(
    dir: &Path,
    english: &toml::Table,
    coverage: &mut Vec<String>,
) -> Vec<(String, types::Content)> {
    let dir = dir.join("translations");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("src/content/translations exists")
        .map(|entry| entry.expect("readable directory").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .filter(|path| path.file_stem().is_some_and(|stem| stem != "en"))
        .collect();
    files.sort();
    let texts = translation::texts(english);
    let repeated = translation::repeated(&texts);
    if !repeated.is_empty() {
        panic!(
            "texts of the English content share a key, so no translation could tell them apart \
             (give their items ids): {repeated:?}"
        );
    }
    let spoken: Vec<&str> = language::Language::ALL[1..].iter().map(|l| l.code()).collect();
    let mut problems = Vec::new();
    for code in &spoken {
        if !files.iter().any(|f| f.file_stem().is_some_and(|s| s == *code)) {
            problems.push(format!(
                "{}/{code}.toml: missing (src/language.rs lists the language)",
                dir.display()
            ));
        }
    }
    let mut contents = Vec::new();
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path.display();
        let code = path
            .file_stem()
            .expect("a file name")
            .to_string_lossy()
            .to_string();
        let texts = fs::read_to_string(path)
            .map_err(|e| format!("{name}: cannot be read: {e}"))
            .and_then(|text| {
                toml::from_str::<toml::Table>(&text).map_err(|e| format!("{name} is not valid TOML:\n{e}"))
            })
            .and_then(|table| translation::read(&table).map_err(|e| format!("{name}: {e}")));
        let texts = match texts {
            Ok(texts) => texts,
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        let (table, applied) = translation::apply(english, &texts);
        coverage.push(covered(&code, "content", applied.texts, applied.missing.len()));
        for key in &applied.unknown {
            println!("cargo:warning={name}: `{key}` is not a text of the English content (a typo, or a text it no longer has?)");
        }
        if !spoken.contains(&code.as_str()) {
            continue;
        }
        for key in applied.missing_required() {
            problems.push(format!(
                "{name}: `{key}` is missing, and a language ships only with every caution and claim translated"
            ));
        }
        match table.try_into::<types::Content>() {
            Ok(content) => contents.push((code, content)),
            Err(e) => problems.push(format!("{name}: does not match src/content/types.rs: {e}")),
        }
    }
    if !problems.is_empty() {
        panic!("the translated content cannot be used:\n{}", problems.join("\n"));
    }
    contents
}

/// Reads the app's own words (`src/text/<language>.toml`), checks every
/// language against the English (failing the build naming each
/// difference; a text a language leaves out shows in English, and adds to
/// `coverage`), and writes the key enum (`text_keys.rs`) and each
/// language's texts packed in key order (`text-<language>.txt`).
fn pack_texts(out: &Path, coverage: &mut Vec<String>) {
    let dir = Path::new("src/text");
    println!("cargo:rerun-if-changed={}", dir.display());
    let read = |path: &Path| -> Result<Vec<text_check::Entry>, String> {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path.display();
        let text = fs::read_to_string(path).map_err(|e| format!("cannot read {name}: {e}"))?;
        let table: toml::Table =
            toml::from_str(&text).map_err(|e| format!("{name} is not valid TOML:\n{e}"))?;
        text_check::entries(&table).map_err(|e| format!("{name}: {e}"))
    };
    let english = read(&dir.join("en.toml")).unwrap_or_else(|e| panic!("{e}"));
    let mut languages: Vec<_> = fs::read_dir(dir)
        .expect("src/text exists")
        .map(|entry| entry.expect("readable directory").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    languages.sort();
    let mut problems = Vec::new();
    for path in &languages {
        let language = path
            .file_stem()
            .expect("a file name")
            .to_string_lossy()
            .to_string();
        let entries = match read(path) {
            Ok(entries) => entries,
            Err(e) => {
                problems.push(e);
                continue;
            }
        };
        let found = text_check::differences(&english, &entries, &language);
        if !found.is_empty() {
            problems.extend(found);
            continue;
        }
        let entries = text_check::with_english(&english, &entries);
        if language != "en" {
            let missing = entries.iter().filter(|(_, english)| *english).count();
            coverage.push(covered(&language, "interface", english.len(), missing));
        }
        let entries: Vec<_> = entries.into_iter().map(|(entry, _)| entry).collect();
        // The first screen's texts, then the later pages' (each file is
        // one split part's).
        let (mut first, mut later) = (Vec::new(), Vec::new());
        for entry in &entries {
            let packed = if text_check::is_later(&entry.key) {
                &mut later
            } else {
                &mut first
            };
            match &entry.forms {
                text_check::Forms::Plain(text) => packed.push(text.as_str()),
                text_check::Forms::Plural { one, other } => packed.extend([one.as_str(), other.as_str()]),
            }
        }
        if let Some(text) = first.iter().chain(&later).find(|t| t.contains(SEPARATOR)) {
            problems.push(format!("{language}: a text holds the separator U+001F: {text:?}"));
        }
        for (file, packed) in [("text", first), ("text-later", later)] {
            fs::write(
                out.join(format!("{file}-{language}.txt")),
                packed.join(&SEPARATOR.to_string()),
            )
            .expect("OUT_DIR is writable");
        }
    }
    for section in text_check::FIRST {
        if !english.iter().any(|e| e.key.starts_with(&format!("{section}."))) {
            problems.push(format!(
                "src/text/check.rs: FIRST names `{section}`, which src/text/en.toml has no section of"
            ));
        }
    }
    if !problems.is_empty() {
        panic!(
            "the app's own words (src/text/) differ between languages:\n{}",
            problems.join("\n")
        );
    }
    let mut names = std::collections::BTreeSet::new();
    for entry in &english {
        if !names.insert(text_check::constant(&entry.key)) {
            panic!(
                "src/text/en.toml: `{}` has the same constant as another key",
                entry.key
            );
        }
    }
    // In the hosted build (`--cfg foot_map_split`) English is a language
    // like the others for the first screen: its texts come with its split
    // part (`text-en.txt`), and the keys carry none, so that no reader
    // downloads English words they do not read. The later pages' keys keep
    // their English, which travels in those pages' code.
    println!("cargo:rerun-if-env-changed=CARGO_CFG_FOOT_MAP_SPLIT");
    let split = std::env::var_os("CARGO_CFG_FOOT_MAP_SPLIT").is_some();
    let mut keys = String::from("// Generated by src/build.rs from src/text/en.toml.\n");
    let mut index = 0;
    let mut first = None;
    for entry in &english {
        if text_check::is_later(&entry.key) && first.is_none() {
            first = Some(index);
        }
        let name = text_check::constant(&entry.key);
        let forms = match (&entry.forms, split && !text_check::is_later(&entry.key)) {
            (_, false) => entry.forms.clone(),
            (text_check::Forms::Plain(_), true) => text_check::Forms::Plain(String::new()),
            (text_check::Forms::Plural { .. }, true) => text_check::Forms::Plural {
                one: String::new(),
                other: String::new(),
            },
        };
        match &forms {
            text_check::Forms::Plain(text) => {
                keys += &format!(
                    "/// `{}`\npub const {name}: Key = Key {{ index: {index}, english: {text:?} }};\n",
                    entry.key
                );
                index += 1;
            }
            text_check::Forms::Plural { one, other } => {
                keys += &format!(
                    "/// `{}`\npub const {name}: Plural = Plural {{ index: {index}, one: {one:?}, other: {other:?} }};\n",
                    entry.key
                );
                index += 2;
            }
        }
    }
    keys += &format!(
        "/// How many texts a language's packed files hold.\npub const TEXTS: usize = {index};\n\
         /// How many of them are the first screen's (`text-<language>.txt`); the\n\
         /// rest are the later pages' (`text-later-<language>.txt`).\n\
         pub const FIRST: usize = {};\n",
        first.unwrap_or(index)
    );
    fs::write(out.join("text_keys.rs"), keys).expect("OUT_DIR is writable");
}

/// A line of the coverage report: "fr: content 98 % (540 of 549 texts;
/// 9 show in English)".
fn covered(code: &str, what: &str, texts: usize, missing: usize) -> String {
    let done = texts - missing;
    let rest = match missing {
        0 => String::new(),
        1 => "; 1 shows in English".into(),
        n => format!("; {n} show in English"),
    };
    if missing > 0 {
        println!(
            "cargo:warning={code}: {missing} of the {what}'s texts are not translated and show in English"
        );
    }
    format!(
        "{code}: {what} {} % ({done} of {texts} texts{rest})",
        translation::percent(texts, missing)
    )
}

/// Between packed texts (see `src/text/mod.rs`).
const SEPARATOR: char = '\u{1f}';
