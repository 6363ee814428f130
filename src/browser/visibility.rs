//! Whether the page is in view: shown again after being hidden, frozen or
//! restored from the back-forward cache, and left (closed, or navigated
//! away from).

use super::{listen, window};

/// Calls `f` each time the page may have come back into view after being
/// hidden or frozen, while the current owner lives.
pub fn on_shown(f: impl Fn() + Clone + 'static) {
    listen(&["visibilitychange", "pageshow", "resume", "focus"], move |_| {
        if is_visible() {
            f();
        }
    });
}

/// Calls `f` each time the page is hidden (another tab, another app, the
/// screen locked), while the current owner lives. A hidden page may be
/// killed without any further event.
pub fn on_hidden(f: impl Fn() + Clone + 'static) {
    listen(&["visibilitychange"], move |_| {
        if !is_visible() {
            f();
        }
    });
}

/// Calls `f` when the page is left (closed, reloaded or navigated away
/// from), while the current owner lives. A tab the system kills in the
/// background may never send this.
pub fn on_leave(f: impl Fn() + Clone + 'static) {
    listen(&["pagehide"], move |_| f());
}

/// Whether the page is visible now (true where there is no way to tell).
pub fn is_visible() -> bool {
    window()
        .and_then(|w| w.document())
        .is_none_or(|d| d.visibility_state() == web_sys::VisibilityState::Visible)
}
