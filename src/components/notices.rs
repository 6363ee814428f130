//! Short messages about things that went wrong outside the reader's
//! control: a link that could not be followed, saved data that could not
//! be read or saved. The page stays usable beneath them.

use crate::browser::location;
use crate::state::Nav;
use crate::text::{get, key};
use leptos::prelude::*;

/// Every current notice.
#[component]
pub fn Notices() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let practice = nav.practice();
    view! {
        {move || {
            nav.link_error().map(|error| {
                view! { <Notice text=error.message() testid="link-notice" reload=false dismiss=|nav| nav.dismiss_error() /> }
            })
        }}
        {move || {
            practice.problem().map(|text| {
                let reload = practice.needs_reload();
                view! { <Notice text testid="saved-notice" reload dismiss=|nav| nav.practice().dismiss_problem() /> }
            })
        }}
        {move || practice.notice()}
    }
}

/// One notice with a Dismiss button.
#[component]
fn Notice(
    /// What happened and what the page did about it.
    text: String,
    /// The test hook.
    testid: &'static str,
    /// Whether to offer to reload the page (the way out of the problem).
    reload: bool,
    /// What Dismiss does. (A plain function: one copy of this component's
    /// code serves every notice.)
    dismiss: fn(Nav),
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    view! {
        <div class="notice" role="alert" data-testid=testid>
            <p>{text}</p>
            {reload
                .then(|| {
                    view! {
                        <button type="button" class="primary" data-testid="reload" on:click=|_| location::reload()>
                            {get(key::NOTICE_RELOAD)}
                        </button>
                    }
                })}
            <button type="button" class="quiet" on:click=move |_| dismiss(nav)>
                {get(key::NOTICE_DISMISS)}
            </button>
        </div>
    }
}
