//! The page's address: the URL fragment that holds the route, changed by
//! the app as a new history entry or in place, and followed when links,
//! back and forward change it.

use super::{listen, window};
use wasm_bindgen::JsValue;

/// The fragment now, with its `#` (empty where there is none or no window).
pub fn hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Calls `f` whenever the fragment changes (a link, back or forward) while
/// the current owner lives. Back and forward to a plain URL fire
/// `popstate` but not `hashchange`, so both are followed.
pub fn on_change(f: impl Fn() + Clone + 'static) {
    listen(&["hashchange", "popstate"], move |_| f());
}

/// Records `fragment` (without `#`) as a new history entry, unless it is the
/// one shown. This fires no change event of its own but `hashchange`,
/// which [`on_change`] hears.
pub fn push(fragment: &str) {
    let Some(window) = window() else { return };
    let location = window.location();
    if location.hash().unwrap_or_default().trim_start_matches('#') == fragment {
        return;
    }
    if fragment.is_empty() {
        // Setting an empty hash leaves a bare `#`; push the plain URL instead.
        if let Ok(history) = window.history() {
            let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&address(fragment)));
        }
    } else {
        let _ = location.set_hash(fragment);
    }
}

/// Puts `fragment` (without `#`) in the address in place of the current
/// one, adding no history entry and firing no event.
pub fn replace(fragment: &str) {
    let Some(window) = window() else { return };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&address(fragment)));
    }
}

/// Loads the page again (for the newest version of the app).
pub fn reload() {
    if let Some(window) = window() {
        let _ = window.location().reload();
    }
}

/// The full address of this page showing `fragment` (without `#`): what a
/// link sent elsewhere (a share, a calendar event) opens.
pub fn page_url(fragment: &str) -> String {
    let href = window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    format!("{base}#{fragment}")
}

/// This page's address with `fragment` (none if empty, not a bare `#`).
fn address(fragment: &str) -> String {
    let Some(window) = window() else {
        return String::new();
    };
    let location = window.location();
    let hash = if fragment.is_empty() { "" } else { "#" };
    format!(
        "{}{}{hash}{fragment}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    )
}
