//! The stylesheet of the pages opened after the map (`style/later.css`).
//! `index.html` names it disabled, so a first visit to the map does not
//! download it; it is switched on, and waited for, with the code of the
//! first page that needs it, so that page is never drawn unstyled.

use super::{property, window};
use std::cell::Cell;

/// The `<link>` in `index.html`.
const ID: &str = "later-styles";

thread_local! {
    /// Whether the stylesheet has loaded or failed to: nothing more to wait for.
    static SETTLED: Cell<bool> = const { Cell::new(false) };
}

/// Switches the later pages' stylesheet on and waits until it has loaded,
/// or failed to (offline before it was ever fetched: the page then shows
/// with the shared styles only, rather than not at all). At once when it
/// has already loaded, and where there is no such element (the native
/// pre-render, a page of text that links it switched on).
pub async fn later() {
    if SETTLED.get() {
        return;
    }
    let Some(link) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(ID))
    else {
        return;
    };
    if property(&link, "sheet").is_none() {
        let promise = js_sys::Promise::new(&mut |settle, _| {
            let _ = link.add_event_listener_with_callback("load", &settle);
            let _ = link.add_event_listener_with_callback("error", &settle);
        });
        let _ = link.remove_attribute("disabled");
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
    SETTLED.set(true);
}
