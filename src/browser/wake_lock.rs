//! Keeps the screen on while a routine runs (Screen Wake Lock API), where
//! the browser has it. Called through `Reflect` because web-sys only offers
//! the API behind an unstable flag.

use js_sys::Reflect;
use std::cell::RefCell;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

thread_local! {
    static SENTINEL: RefCell<Option<JsValue>> = const { RefCell::new(None) };
    static WANTED: RefCell<bool> = const { RefCell::new(false) };
}

fn wake_lock() -> Option<JsValue> {
    super::property(&super::window()?.navigator(), "wakeLock")
}

/// Whether this browser can keep the screen on.
pub fn available() -> bool {
    wake_lock().is_some()
}

/// Asks for the screen to stay on. Safe to call again: the browser drops
/// the lock when the page is hidden, so call it when the page is shown.
pub fn acquire() {
    WANTED.with(|w| *w.borrow_mut() = true);
    if SENTINEL.with(|s| s.borrow().as_ref().is_some_and(|s| !released(s))) {
        return;
    }
    let Some(request) = wake_lock()
        .and_then(|lock| super::call(&lock, "request", &["screen".into()]))
        .and_then(|p| wasm_bindgen::JsCast::dyn_into::<js_sys::Promise>(p).ok())
    else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        // Refused (page hidden, no permission): carry on without it.
        if let Ok(sentinel) = JsFuture::from(request).await {
            if WANTED.with(|w| *w.borrow()) {
                SENTINEL.with(|s| *s.borrow_mut() = Some(sentinel));
            } else {
                release_sentinel(&sentinel);
            }
        }
    });
}

/// Lets the screen sleep again.
pub fn release() {
    WANTED.with(|w| *w.borrow_mut() = false);
    if let Some(sentinel) = SENTINEL.with(|s| s.borrow_mut().take()) {
        release_sentinel(&sentinel);
    }
}

fn released(sentinel: &JsValue) -> bool {
    Reflect::get(sentinel, &"released".into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(true)
}

fn release_sentinel(sentinel: &JsValue) {
    if let Some(promise) = super::call(sentinel, "release", &[]) {
        super::settle(promise);
    }
}
