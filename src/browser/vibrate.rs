//! A buzz at each step change, felt with the phone out of sight, where the
//! device can vibrate (`navigator.vibrate`).

use super::{call, global, property};
use js_sys::Array;
use wasm_bindgen::JsValue;

/// Whether this browser offers vibration at all (desktops may offer it and
/// do nothing).
pub fn available() -> bool {
    global("navigator").is_some_and(|n| property(&n, "vibrate").is_some())
}

/// Buzzes in this pattern: on, off, on… in milliseconds. Browsers refuse
/// (with a console warning) before the person has tapped the page, so it
/// is not asked then.
pub fn buzz(pattern: &[u32]) {
    if let Some(navigator) = global("navigator") {
        let tapped = property(&navigator, "userActivation")
            .and_then(|a| property(&a, "hasBeenActive"))
            .is_none_or(|active| active.is_truthy());
        if !tapped {
            return;
        }
        let pattern: Array = pattern.iter().map(|&ms| JsValue::from(ms)).collect();
        call(&navigator, "vibrate", &[pattern.into()]);
    }
}
