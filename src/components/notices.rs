//! Short messages about things that went wrong outside the reader's
//! control: a link that could not be followed, saved settings that could
//! not be read. The page stays usable beneath them.

use crate::app::Nav;
use crate::player::Player;
use leptos::prelude::*;

/// Every current notice.
#[component]
pub fn Notices() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let player = expect_context::<Player>();
    view! {
        {move || {
            nav.link_error().map(|error| {
                view! { <Notice text=error.message() testid="link-notice" dismiss=move || nav.dismiss_error() /> }
            })
        }}
        {move || {
            player.settings_problem().map(|text| {
                view! { <Notice text testid="settings-notice" dismiss=move || player.dismiss_settings_problem() /> }
            })
        }}
    }
}

/// One notice with a Dismiss button.
#[component]
fn Notice(
    /// What happened and what the page did about it.
    text: String,
    /// The test hook.
    testid: &'static str,
    dismiss: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <div class="notice" role="alert" data-testid=testid>
            <p>{text}</p>
            <button type="button" class="quiet" on:click=move |_| dismiss()>
                "Dismiss"
            </button>
        </div>
    }
}
