//! Thin bridges to browser capabilities, one per file. Everything that
//! touches `web_sys` for the routine player lives here, so the logic it
//! serves (the timer, the settings) stays pure and natively tested. Each
//! bridge is safe where the browser lacks the capability or where calling
//! it throws: it reports what it cannot do and never lets an exception
//! reach the page.

pub mod audio;
pub mod files;
pub mod focus;
pub mod keys;
pub mod language;
pub mod location;
pub mod locks;
pub mod media_session;
pub mod media_track;
pub mod offline;
pub mod persist;
pub mod reveal;
pub mod share_sheet;
pub mod speech;
pub mod storage;
pub mod styles;
pub mod vibrate;
pub mod visibility;
pub mod wake_lock;

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// The browser window: `None` where there is none, as when the build
/// renders the first screen natively (`src/prerender.rs`). Every bridge
/// starts here, so the same components render to HTML without a browser.
pub fn window() -> Option<web_sys::Window> {
    if cfg!(target_arch = "wasm32") {
        web_sys::window()
    } else {
        None
    }
}

/// Calls `f` with each of the window's `events` for as long as the current
/// reactive owner lives: the listeners are removed when it is cleaned up.
/// Nothing where there is no window.
pub fn listen(events: &[&str], f: impl Fn(web_sys::Event) + Clone + 'static) {
    if window().is_none() {
        return;
    }
    for event in events {
        let handle = leptos::prelude::window_event_listener_untyped(event, f.clone());
        leptos::prelude::on_cleanup(move || handle.remove());
    }
}

/// The attribute `name` of the page's element with this id, if both exist.
pub fn attribute_of(id: &str, name: &str) -> Option<String> {
    window()?.document()?.get_element_by_id(id)?.get_attribute(name)
}

/// Removes the page's element with this id, if there is one.
pub fn remove_element(id: &str) {
    if let Some(element) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        element.remove();
    }
}

/// Marks this moment on the page's performance timeline under `name`,
/// for the benchmarks to read.
pub fn mark(name: &str) {
    if let Some(performance) = window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Milliseconds from a monotonic clock (`performance.now()`), the time base
/// the timer is fed with. Unlike the wall clock it never jumps.
pub fn now_ms() -> u64 {
    window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
        .max(0.0) as u64
}

/// The wall clock, for dating a session: Unix milliseconds, and the local
/// time's offset from UTC in minutes (UTC+1 is 60).
pub fn wall_clock() -> (i64, i32) {
    if window().is_none() {
        return (0, 0);
    }
    let now = js_sys::Date::new_0();
    (now.get_time() as i64, -(now.get_timezone_offset() as i32))
}

/// `object[name]`, if it is there and reading it does not throw.
fn property(object: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(object, &name.into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// A global such as `speechSynthesis` or `AudioContext`, where the browser
/// has it. Some browsers lack an API; privacy settings make others throw.
pub fn global(name: &str) -> Option<JsValue> {
    property(&window()?.into(), name)
}

/// Calls `object[method](...args)`. None where the method is missing or
/// throws: the exception is caught here and goes no further.
pub fn call(object: &JsValue, method: &str, args: &[JsValue]) -> Option<JsValue> {
    let function: Function = property(object, method)?.dyn_into().ok()?;
    function.apply(object, &args.iter().collect::<Array>()).ok()
}

/// `value` if it is a promise (an API that should return one may not).
fn as_promise(value: JsValue) -> Option<js_sys::Promise> {
    value.dyn_into().ok()
}

/// Handles the outcome of a promise an API returned, so that a refusal is
/// not reported as an unhandled rejection; the outcome itself is ignored.
fn settle(promise: JsValue) {
    if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
        wasm_bindgen_futures::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    }
}
