//! Keeps the screen on while a routine runs (Screen Wake Lock API), where
//! the browser has it. Called through `Reflect` because web-sys only offers
//! the API behind an unstable flag.

use js_sys::{Function, Promise, Reflect};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

thread_local! {
    static SENTINEL: RefCell<Option<JsValue>> = const { RefCell::new(None) };
    static WANTED: RefCell<bool> = const { RefCell::new(false) };
}

/// Asks for the screen to stay on. Safe to call again: the browser drops
/// the lock when the page is hidden, so call it when the page is shown.
pub fn acquire() {
    WANTED.with(|w| *w.borrow_mut() = true);
    if SENTINEL.with(|s| s.borrow().as_ref().is_some_and(|s| !released(s))) {
        return;
    }
    let Some(request) = request() else { return };
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

fn request() -> Option<Promise> {
    let navigator = web_sys::window()?.navigator();
    let wake_lock = Reflect::get(&navigator, &"wakeLock".into())
        .ok()
        .filter(|v| v.is_object())?;
    let request: Function = Reflect::get(&wake_lock, &"request".into())
        .ok()?
        .dyn_into()
        .ok()?;
    request.call1(&wake_lock, &"screen".into()).ok()?.dyn_into().ok()
}

fn released(sentinel: &JsValue) -> bool {
    Reflect::get(sentinel, &"released".into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(true)
}

fn release_sentinel(sentinel: &JsValue) {
    if let Some(release) = Reflect::get(sentinel, &"release".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    {
        if let Ok(promise) = release.call0(sentinel).and_then(|p| p.dyn_into::<Promise>()) {
            // Ignore the outcome, but handle it so no rejection goes unhandled.
            wasm_bindgen_futures::spawn_local(async move {
                let _ = JsFuture::from(promise).await;
            });
        }
    }
}
