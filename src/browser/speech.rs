//! Spoken prompts with the browser's speech synthesis, where it exists.
//! Some Android in-app browsers and WebViews have none; calls go through
//! [`super::call`], so a missing or throwing API only means no voice.

use web_sys::SpeechSynthesisUtterance;

fn synth() -> Option<wasm_bindgen::JsValue> {
    super::global("speechSynthesis")
}

/// Whether this browser can speak.
pub fn available() -> bool {
    synth().is_some() && super::global("SpeechSynthesisUtterance").is_some()
}

/// Says `text`, cutting off anything still being said.
pub fn say(text: &str) {
    let Some(synth) = synth() else { return };
    super::call(&synth, "cancel", &[]);
    if let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(text) {
        utterance.set_rate(0.95);
        // The voice of the page's language, where the browser has one.
        utterance.set_lang(crate::language::Language::in_use().code());
        super::call(&synth, "speak", &[utterance.into()]);
    }
}

/// Stops speaking.
pub fn hush() {
    if let Some(synth) = synth() {
        super::call(&synth, "cancel", &[]);
    }
}
