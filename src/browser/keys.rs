//! Keys pressed anywhere in the page, for shortcuts: what was pressed, and
//! whether focus was on a control that uses the key itself.

use super::listen;
use wasm_bindgen::JsCast;

/// A key pressed with no Alt, Ctrl or Meta held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Press {
    /// The key's value: `" "`, `"ArrowRight"`, `"Escape"`…
    pub key: String,
    /// Whether focus is on a control that uses this key itself (a text
    /// field, a list of tabs, a button for Space).
    pub in_control: bool,
}

/// Calls `f` for every key pressed without a modifier while the current
/// owner lives; `f` returns true when it used the key, which then does
/// nothing else (no scrolling for Space).
pub fn on_press(f: impl Fn(&Press) -> bool + Clone + 'static) {
    listen(&["keydown"], move |event| {
        let Ok(ev) = event.dyn_into::<web_sys::KeyboardEvent>() else {
            return;
        };
        if ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
            return;
        }
        let key = ev.key();
        let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let in_control = target.is_some_and(|el| {
            el.closest("input, select, textarea, [role=tablist], [role=button]")
                .ok()
                .flatten()
                .is_some()
                || (el.tag_name() == "BUTTON" && key == " ")
        });
        if f(&Press { key, in_control }) {
            ev.prevent_default();
        }
    });
}
