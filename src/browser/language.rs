//! The reader's language: the one they chose on this device (kept in
//! local storage), else their browser's preferred languages, read by
//! [`Language::for_reader`]; and the page's `lang`. Without storage or
//! `navigator.languages`, the choice is simply not kept, or English.

use super::storage;
use crate::language::{self, Language};
use wasm_bindgen::JsCast;

/// Where a reader's choice is kept.
const KEY: &str = "foot-map.language";

/// The language chosen on this device, if any.
fn chosen() -> Option<Language> {
    storage::load(KEY).and_then(|tag| Language::from_tag(&tag))
}

/// The browser's preferred languages, most preferred first.
fn preferred() -> Vec<String> {
    let Some(navigator) = super::window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let listed = js_sys::Reflect::get(&navigator, &"languages".into())
        .ok()
        .and_then(|list| list.dyn_into::<js_sys::Array>().ok())
        .map(|list| list.iter().filter_map(|tag| tag.as_string()).collect::<Vec<_>>())
        .unwrap_or_default();
    if listed.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        listed
    }
}

/// The last part of the page's address ("index.es.html"; "" for the
/// folder itself).
fn file() -> String {
    super::window()
        .and_then(|w| w.location().pathname().ok())
        .map(|path| path.rsplit('/').next().unwrap_or_default().to_string())
        .unwrap_or_default()
}

/// The language for this reader: the one the page's address names
/// (`index.es.html`, a link to the Spanish page), else as
/// [`Language::for_reader`] says.
pub fn for_reader() -> Language {
    let preferred = preferred();
    let named = language::read_file(&file()).1;
    Language::for_reader(named.or_else(chosen), preferred.iter().map(String::as_str))
}

/// Sets the page's `lang` to `language`.
pub fn mark_page(language: Language) {
    if let Some(root) = super::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", language.code());
    }
}

/// Keeps `language` as this reader's choice and opens the same page in
/// it: the file the build wrote in that language (`index.de.html`,
/// `index.en.html`), at the same place (the language is chosen before
/// anything is drawn). The address names the language, so the choice
/// holds even where nothing can be kept.
pub fn choose(choice: Language) {
    storage::save(KEY, choice.code());
    let Some(location) = super::window().map(|w| w.location()) else {
        return;
    };
    let here = file();
    let (english, _) = language::read_file(&here);
    let there = language::own_address(&english, choice);
    if there == here {
        let _ = location.reload();
    } else {
        let hash = location.hash().unwrap_or_default();
        let _ = location.replace(&format!("{}{hash}", language::on_site(&there)));
    }
}
