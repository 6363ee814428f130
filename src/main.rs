//! Entry point: installs the panic hook, mounts the app and removes the
//! static loading message from `index.html`.

use leptos::prelude::*;

fn main() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        foot_map::app::show_fatal_error();
    }));
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
