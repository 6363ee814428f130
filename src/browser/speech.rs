//! Spoken prompts with the browser's speech synthesis, where it exists.
//! Some Android in-app browsers and WebViews have none; calls go through
//! [`super::call`], so a missing or throwing API only means no voice.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
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
        utterance.set_lang(crate::language::Language::in_use().voice());
        super::call(&synth, "speak", &[utterance.into()]);
    }
}

/// Whether the browser has a voice for `language` (a code: "es"), by
/// the language of each voice it lists; `None` while it lists none, as
/// some browsers do until they have loaded their voices.
pub fn has_voice_for(language: &str) -> Option<bool> {
    let voices: js_sys::Array = super::call(&synth()?, "getVoices", &[])?.dyn_into().ok()?;
    if voices.length() == 0 {
        return None;
    }
    Some(voices.iter().any(|voice| {
        super::property(&voice, "lang")
            .and_then(|lang| lang.as_string())
            .is_some_and(|lang| {
                lang.split(['-', '_'])
                    .next()
                    .is_some_and(|code| code.eq_ignore_ascii_case(language))
            })
    }))
}

/// Calls `f` each time the browser's list of voices changes (once it has
/// loaded them, say); nothing where it cannot speak. Call once: the
/// listener stays for the page's life.
pub fn on_voices_changed(f: impl Fn() + 'static) {
    let Some(synth) = synth() else { return };
    let listener = Closure::<dyn Fn()>::new(f).into_js_value();
    super::call(&synth, "addEventListener", &["voiceschanged".into(), listener]);
}

/// Stops speaking.
pub fn hush() {
    if let Some(synth) = synth() {
        super::call(&synth, "cancel", &[]);
    }
}
