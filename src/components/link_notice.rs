//! A short message when a link could not be followed.

use crate::app::Nav;
use leptos::prelude::*;

/// Says why the link in the address bar was ignored; the map stays usable.
#[component]
pub fn LinkNotice() -> impl IntoView {
    let nav = expect_context::<Nav>();
    move || {
        nav.link_error().map(|error| {
            view! {
                <div class="notice" role="alert" data-testid="link-notice">
                    <p>{error.message()}</p>
                    <button type="button" class="quiet" on:click=move |_| nav.dismiss_error()>
                        "Dismiss"
                    </button>
                </div>
            }
        })
    }
}
