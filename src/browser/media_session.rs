//! Headset, lock-screen and notification controls (the Media Session API):
//! what they show (the step and the routine) and what their buttons do.
//! Browsers show these controls while a media element plays; the chimes
//! are routed through one (see `audio.rs`).

use super::{call, global, property};
use js_sys::{Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// A button on the headset, lock screen or notification.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Button {
    Play,
    Pause,
    Next,
    Previous,
    Stop,
}

impl Button {
    const ALL: [(Button, &'static str); 5] = [
        (Button::Play, "play"),
        (Button::Pause, "pause"),
        (Button::Next, "nexttrack"),
        (Button::Previous, "previoustrack"),
        (Button::Stop, "stop"),
    ];
}

fn session() -> Option<JsValue> {
    property(&global("navigator")?, "mediaSession")
}

/// Calls `on` with each button pressed; nothing where there is no media
/// session. Call once.
pub fn listen(on: impl Fn(Button) + 'static) {
    let Some(session) = session() else { return };
    let on = std::rc::Rc::new(on);
    for (button, action) in Button::ALL {
        let on = on.clone();
        let handler = Closure::<dyn Fn()>::new(move || on(button)).into_js_value();
        // A browser that does not know an action throws: skip that one.
        call(&session, "setActionHandler", &[action.into(), handler]);
    }
}

/// Shows the step as the title and the routine as the artist; `None`
/// clears them (no routine under way).
pub fn show(now: Option<(&str, &str)>) {
    let Some(session) = session() else { return };
    let metadata = match now {
        Some((step, routine)) => {
            let Some(class) = global("MediaMetadata").and_then(|c| c.dyn_into::<js_sys::Function>().ok())
            else {
                return;
            };
            let init = Object::new();
            let _ = Reflect::set(&init, &"title".into(), &step.into());
            let _ = Reflect::set(&init, &"artist".into(), &routine.into());
            let _ = Reflect::set(
                &init,
                &"album".into(),
                &crate::text::get(crate::text::key::PAGE_TITLE).into(),
            );
            match Reflect::construct(&class, &js_sys::Array::of1(&init)) {
                Ok(metadata) => metadata,
                Err(_) => return,
            }
        }
        None => JsValue::NULL,
    };
    let _ = Reflect::set(&session, &"metadata".into(), &metadata);
}

/// Whether the routine is playing, paused or not under way (`None`).
pub fn set_playing(playing: Option<bool>) {
    let Some(session) = session() else { return };
    let state = match playing {
        Some(true) => "playing",
        Some(false) => "paused",
        None => "none",
    };
    let _ = Reflect::set(&session, &"playbackState".into(), &state.into());
}

/// Shows how far the routine has come, of how long, on the lock screen;
/// `None` clears it. Nothing where the browser cannot.
pub fn set_position(at: Option<(u64, u64)>) {
    let Some(session) = session() else { return };
    let state = Object::new();
    if let Some((position_ms, length_ms)) = at {
        let length = length_ms.max(1) as f64 / 1000.0;
        let position = (position_ms as f64 / 1000.0).min(length);
        let _ = Reflect::set(&state, &"duration".into(), &length.into());
        let _ = Reflect::set(&state, &"position".into(), &position.into());
        let _ = Reflect::set(&state, &"playbackRate".into(), &1.0.into());
    }
    call(&session, "setPositionState", &[state.into()]);
}
