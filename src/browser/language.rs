//! The reader's language: the one they chose on this device (kept in
//! local storage), else their browser's preferred languages, read by
//! [`Language::for_reader`]; and the page's `lang`. Without storage or
//! `navigator.languages`, the choice is simply not kept, or English.

use super::storage;
use crate::language::Language;
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

/// The language for this reader.
pub fn for_reader() -> Language {
    let preferred = preferred();
    Language::for_reader(chosen(), preferred.iter().map(String::as_str))
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

/// Keeps `language` as this reader's choice and opens the same page again
/// in it (the language is chosen before anything is drawn). Where nothing
/// can be kept, the page reopens in the browser's language.
pub fn choose(language: Language) {
    storage::save(KEY, language.code());
    if let Some(location) = super::window().map(|w| w.location()) {
        let _ = location.reload();
    }
}
