//! Keyboard focus: moving it to an element by its id, telling whether it
//! arrived from the keyboard, and selecting a field's text as it takes it.
//! Each does nothing where there is no page or no such element.

use super::window;
use wasm_bindgen::JsCast;

/// Moves focus to the element with this id (a skip link's target, a tab).
pub fn to_id(id: &str) {
    let element = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// Moves focus `by` places (wrapping round; `i32::MIN` for the first,
/// `i32::MAX` for the last) among the shown elements `selector` matches,
/// from the one that has it: the arrow keys within a group of controls
/// that is one Tab stop.
pub fn move_among(selector: &str, by: i32) {
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(list) = document.query_selector_all(selector) else {
        return;
    };
    let shown: Vec<web_sys::Element> = (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .filter(|e| e.get_client_rects().length() > 0)
        .collect();
    let n = shown.len() as i64;
    if n == 0 {
        return;
    }
    let active = document.active_element();
    let at = shown
        .iter()
        .position(|e| Some(e) == active.as_ref())
        .map_or(0, |i| i as i64);
    let to = match by {
        i32::MIN => 0,
        i32::MAX => n - 1,
        by => (at + i64::from(by)).rem_euclid(n),
    };
    let Some(element) = shown.get(to as usize).cloned() else {
        return;
    };
    // A map's zone is an SVG shape, not an HTML element.
    match element.dyn_into::<web_sys::SvgElement>() {
        Ok(svg) => {
            let _ = svg.focus();
        }
        Err(other) => {
            if let Ok(html) = other.dyn_into::<web_sys::HtmlElement>() {
                let _ = html.focus();
            }
        }
    }
}

/// Whether the element `event` (a focus event) is about shows a focus ring:
/// focus from the keyboard, not from a click. True where the browser
/// cannot say.
pub fn is_visible(event: &web_sys::Event) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_none_or(|e| e.matches(":focus-visible").unwrap_or(true))
}

/// Selects all the text of the field `event` (a focus event) is about,
/// ready to copy.
pub fn select_text(event: &web_sys::Event) {
    if let Some(input) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        input.select();
    }
}
