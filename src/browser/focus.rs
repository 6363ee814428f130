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
