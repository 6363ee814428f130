//! A bare Leptos counter: the floor Foot Map's start-up is measured against.

use leptos::prelude::*;

fn main() {
    mount_to_body(|| {
        let count = RwSignal::new(0);
        view! {
            <button on:click=move |_| count.update(|n| *n += 1)>{move || count.get()}</button>
        }
    });
    if let Some(performance) = window().performance() {
        let _ = performance.mark("map-ready");
    }
}
