//! Reads the TOML content files in `src/content/` into the app's content
//! types and packs them as postcard bytes for the app to embed: what the map
//! shows in one file, the text only other pages show in another. A file that
//! does not match the types fails the build with the file and field named.

use std::{env, fs, path::Path};

#[allow(dead_code)]
#[path = "content/types.rs"]
mod types;

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

    let mut content: types::Content = merged.try_into().unwrap_or_else(|e| {
        panic!("the content in src/content/*.toml does not match src/content/types.rs:\n{e}")
    });
    // What the map shows, and apart from it what only other pages show.
    let apart = content.take_apart();
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).to_path_buf();
    for (name, packed) in [
        ("content.postcard", postcard::to_allocvec(&content)),
        ("apart.postcard", postcard::to_allocvec(&apart)),
    ] {
        fs::write(out.join(name), packed.expect("content packs")).expect("OUT_DIR is writable");
    }
}
