//! Merges the TOML content files in `src/content/` into one compact JSON
//! document that the app embeds and reads with serde at start-up. TOML is
//! for the people who edit the content; JSON keeps the app small.

use std::{collections::BTreeMap, env, fs, path::Path};

fn main() {
    let dir = Path::new("src/content");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = fs::read_dir(dir)
        .expect("src/content exists")
        .map(|entry| entry.expect("readable directory").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();

    let mut merged: BTreeMap<String, toml::Value> = BTreeMap::new();
    let mut origin: BTreeMap<String, String> = BTreeMap::new();
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path.display().to_string();
        let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {name}: {e}"));
        let table: toml::Table = toml::from_str(&text).unwrap_or_else(|e| panic!("{name} is not valid TOML:\n{e}"));
        for (key, value) in table {
            if let Some(first) = origin.insert(key.clone(), name.clone()) {
                panic!("`{key}` is defined in both {first} and {name}; keep each key in one file");
            }
            merged.insert(key, value);
        }
    }

    let json = serde_json::to_string(&merged).expect("TOML values convert to JSON");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("content.json");
    fs::write(out, json).expect("OUT_DIR is writable");
}
