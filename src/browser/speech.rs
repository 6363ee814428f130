//! Spoken prompts with the browser's speech synthesis, where it exists.

use web_sys::SpeechSynthesisUtterance;

/// Says `text`, cutting off anything still being said.
pub fn say(text: &str) {
    let Some(synth) = web_sys::window().and_then(|w| w.speech_synthesis().ok()) else {
        return;
    };
    synth.cancel();
    if let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(text) {
        utterance.set_rate(0.95);
        synth.speak(&utterance);
    }
}

/// Stops speaking.
pub fn hush() {
    if let Some(synth) = web_sys::window().and_then(|w| w.speech_synthesis().ok()) {
        synth.cancel();
    }
}
