//! Registers the service worker (`public/sw.js`) that keeps the app
//! working offline. Where the browser has none, or refuses it (an insecure
//! origin), the app simply works online only.

/// Registers `sw.js`, relative to the page, so any sub-path works.
pub fn register() {
    let Some(window) = super::window() else { return };
    let Some(container) = super::property(&window.navigator(), "serviceWorker") else {
        return;
    };
    if let Some(promise) = super::call(&container, "register", &["sw.js".into()]) {
        super::settle(promise);
    }
}
