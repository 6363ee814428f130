//! Entry point: mounts the app and removes the static loading message from
//! `index.html`. A panic is shown to the reader by `index.html` itself: it
//! ends the wasm with a trap, which the page catches.

use leptos::prelude::*;

fn main() {
    // Panic messages in the console. The hosted build (`.ci/build`) has no
    // panic messages to print: a panic stops the wasm at once.
    #[cfg(not(panic = "immediate-abort"))]
    console_error_panic_hook::set_once();
    mount_to_body(foot_map::app::App);
    if let Some(loading) = document().get_element_by_id("loading") {
        loading.remove();
    }
    foot_map::browser::offline::register();
    // The map is drawn and clickable now; the load benchmark reads this mark.
    if let Some(performance) = window().performance() {
        let _ = performance.mark("map-ready");
    }
}
