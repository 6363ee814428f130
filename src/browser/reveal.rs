//! Brings a part of the page into view and moves keyboard focus to it, as
//! when a routine starts: the countdown and its controls must be on screen
//! at once, not below the button that was pressed.

use web_sys::{Element, HtmlElement};

/// Scrolls `block` to the top of what the reader can see (below the map
/// where a phone pins it to the top of the screen) and focuses `focus`.
pub fn reveal(block: &Element, focus: &HtmlElement) {
    // Instant, not smooth: the page must be right by the next glance.
    block.scroll_into_view_with_bool(true);
    if let Some(window) = super::window() {
        let pinned_bottom = window
            .document()
            .and_then(|d| d.query_selector(".map").ok().flatten())
            .filter(|map| {
                window
                    .get_computed_style(map)
                    .ok()
                    .flatten()
                    .and_then(|style| style.get_property_value("position").ok())
                    .is_some_and(|p| p == "sticky" || p == "fixed")
            })
            .map(|map| map.get_bounding_client_rect().bottom());
        let top = block.get_bounding_client_rect().top();
        if let Some(bottom) = pinned_bottom.filter(|&bottom| top < bottom) {
            window.scroll_by_with_x_and_y(0.0, top - bottom - 8.0);
        }
    }
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = focus.focus_with_options(&options);
}

/// Moves keyboard focus to the element with this id, if there is one,
/// without scrolling: after a list reorders, focus follows the item moved.
pub fn focus_id(id: &str) {
    let element = super::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id));
    if let Some(element) = element.and_then(|e| wasm_bindgen::JsCast::dyn_into::<HtmlElement>(e).ok()) {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = element.focus_with_options(&options);
    }
}

/// Scrolls the page to its top, as a new page would open.
pub fn to_top() {
    if let Some(window) = super::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}
