//! Registers the service worker (`public/sw.js`) that keeps the app
//! working offline. Where the browser has none, or refuses it (an insecure
//! origin), the app simply works online only.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Registers `sw.js`, relative to the page, so any sub-path works.
pub fn register() {
    let Some(window) = web_sys::window() else { return };
    let navigator = window.navigator();
    let Some(container) = Reflect::get(&navigator, &"serviceWorker".into())
        .ok()
        .filter(|c| c.is_object())
    else {
        return;
    };
    let Some(register) = Reflect::get(&container, &"register".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    else {
        return;
    };
    if let Ok(promise) = register
        .call1(&container, &"sw.js".into())
        .and_then(|p| p.dyn_into::<Promise>())
    {
        // Handle the outcome so a refusal is not an unhandled rejection.
        wasm_bindgen_futures::spawn_local(async move {
            let _ = JsFuture::from(promise).await;
        });
    }
}
