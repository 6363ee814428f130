//! Chimes made with the Web Audio API: no audio files. A chime for a step
//! boundary is scheduled on the audio clock ahead of time, so it sounds on
//! time even while timers in a background tab are throttled.
//!
//! The chimes play through one `<audio>` element (a media stream from the
//! audio graph), as established web players do: browsers show headset and
//! lock-screen controls only while a media element plays, and a playing
//! element keeps the page's sound alive. Where that cannot be set up they
//! play straight to the speakers.

use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{AudioContext, AudioNode, GainNode, OscillatorNode, OscillatorType};

/// Which chime to play: the sounds of a routine's track (`track::Sound`),
/// so that the page and the track sound alike.
pub use crate::track::Sound as Chime;

struct Scheduled {
    at_ms: u64,
    chime: Chime,
    nodes: Vec<(OscillatorNode, GainNode)>,
}

thread_local! {
    static CONTEXT: RefCell<Option<AudioContext>> = const { RefCell::new(None) };
    /// Where the chimes go, and the media element that plays them.
    static OUTPUT: RefCell<Option<(AudioNode, JsValue)>> = const { RefCell::new(None) };
    static PENDING: RefCell<Option<Scheduled>> = const { RefCell::new(None) };
    /// Creating a context was tried and refused.
    static REFUSED: RefCell<bool> = const { RefCell::new(false) };
}

/// Whether this browser can play chimes: it has Web Audio, and creating
/// a context has not been refused.
pub fn available() -> bool {
    super::global("AudioContext").is_some_and(|c| c.is_function()) && !REFUSED.with(|r| *r.borrow())
}

/// Creates or resumes the audio context. Browsers allow sound only after a
/// tap, so call this from the Start button's handler. False if this
/// browser cannot play sound.
pub fn unlock() -> bool {
    if !available() {
        return false;
    }
    CONTEXT.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.is_none() {
            // Safari (16.4+): this is playback, to go on with the screen
            // locked, not incidental page sound.
            if let Some(session) =
                super::global("navigator").and_then(|n| super::property(&n, "audioSession"))
            {
                let _ = js_sys::Reflect::set(&session, &"type".into(), &"playback".into());
            }
            *cell = AudioContext::new().ok();
            REFUSED.with(|r| *r.borrow_mut() = cell.is_none());
        }
        if let Some(ctx) = cell.as_ref() {
            if let Ok(resumed) = ctx.resume() {
                super::settle(resumed.into());
            }
            if OUTPUT.with(|o| o.borrow().is_none()) {
                let output = media_output(ctx);
                OUTPUT.with(|o| *o.borrow_mut() = output);
            }
        }
        playing(true);
        cell.is_some()
    })
}

/// A media stream from the audio graph, played by an `<audio>` element.
fn media_output(ctx: &AudioContext) -> Option<(AudioNode, JsValue)> {
    let node = super::call(ctx, "createMediaStreamDestination", &[])?;
    let stream = super::property(&node, "stream")?;
    let element: JsValue = super::window()?.document()?.create_element("audio").ok()?.into();
    js_sys::Reflect::set(&element, &"srcObject".into(), &stream).ok()?;
    Some((node.dyn_into().ok()?, element))
}

/// Plays or pauses the media element the chimes go through: paused, the
/// headset and lock screen show the routine as paused.
pub fn playing(on: bool) {
    OUTPUT.with(|o| {
        if let Some((_, element)) = o.borrow().as_ref() {
            if let Some(promise) = super::call(element, if on { "play" } else { "pause" }, &[]) {
                super::settle(promise);
            }
        }
    });
}

/// Plays `chime` at `at_ms` on the page's monotonic clock (now if past),
/// replacing any chime scheduled before. Silently does nothing without
/// Web Audio.
pub fn schedule(chime: Chime, at_ms: u64, now_ms: u64) {
    if PENDING.with(|p| {
        p.borrow()
            .as_ref()
            .is_some_and(|s| s.at_ms == at_ms && s.chime == chime)
    }) {
        return;
    }
    cancel();
    let nodes = CONTEXT.with(|cell| {
        let cell = cell.borrow();
        let ctx = cell.as_ref()?;
        let start = ctx.current_time() + at_ms.saturating_sub(now_ms) as f64 / 1000.0;
        chime
            .notes()
            .iter()
            .map(|&(freq, offset_ms)| note(ctx, freq, start + offset_ms as f64 / 1000.0))
            .collect()
    });
    if let Some(nodes) = nodes {
        PENDING.with(|p| *p.borrow_mut() = Some(Scheduled { at_ms, chime, nodes }));
    }
}

/// Plays `chime` now.
pub fn play(chime: Chime, now_ms: u64) {
    schedule(chime, now_ms, now_ms);
    forget();
}

/// When the pending chime is due, if one is scheduled.
pub fn pending_at() -> Option<u64> {
    PENDING.with(|p| p.borrow().as_ref().map(|s| s.at_ms))
}

/// Stops a scheduled chime that has not sounded yet.
pub fn cancel() {
    if let Some(scheduled) = PENDING.with(|p| p.borrow_mut().take()) {
        for (osc, gain) in scheduled.nodes {
            let _ = osc.stop_with_when(0.0);
            let _ = gain.disconnect();
        }
    }
}

/// Lets the pending chime play out and forgets it.
pub fn forget() {
    PENDING.with(|p| p.borrow_mut().take());
}

/// One soft bell-like note: a sine with a quick attack and a long fade.
fn note(ctx: &AudioContext, freq: f32, at: f64) -> Option<(OscillatorNode, GainNode)> {
    let osc = ctx.create_oscillator().ok()?;
    let gain = ctx.create_gain().ok()?;
    osc.set_type(OscillatorType::Sine);
    osc.frequency().set_value(freq);
    let level = gain.gain();
    level.set_value_at_time(0.0, at).ok()?;
    level.linear_ramp_to_value_at_time(0.25, at + 0.015).ok()?;
    level.exponential_ramp_to_value_at_time(0.001, at + 1.1).ok()?;
    osc.connect_with_audio_node(&gain).ok()?;
    let output = OUTPUT.with(|o| o.borrow().as_ref().map(|(node, _)| node.clone()));
    gain.connect_with_audio_node(&output.unwrap_or_else(|| ctx.destination().into()))
        .ok()?;
    osc.start_with_when(at).ok()?;
    osc.stop_with_when(at + 1.2).ok()?;
    Some((osc, gain))
}
