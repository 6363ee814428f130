//! Short messages about things that went wrong outside the reader's
//! control: a link that could not be followed, saved data that could not
//! be read or saved, a language whose words could not be downloaded. The
//! page stays usable beneath them.

use super::rich::{rich, Inset};
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
                view! { <Notice text=vec![error.message().into_any()] testid="link-notice" reload=false also=None dismiss=|nav| nav.dismiss_error() /> }
            })
        }}
        {move || {
            practice.problem().map(|text| {
                let reload = practice.needs_reload();
                let text = vec![text.into_any()];
                // After a rollback, reloading brings back the same page.
                let also = practice.offers_keep_newer().then(|| {
                    view! {
                        <button type="button" data-testid="keep-newer" on:click=move |_| practice.keep_newer_aside()>
                            {get(key::NOTICE_KEEP_NEWER)}
                        </button>
                    }
                    .into_any()
                });
                view! { <Notice text testid="saved-notice" reload also dismiss=|nav| nav.practice().dismiss_problem() /> }
            })
        }}
        {move || {
            nav.language_missing().map(|language| {
                // The language's name, in itself, marked so for voices.
                let name = || Inset::Views(vec![view! { <span lang=language.code()>{language.own_name()}</span> }.into_any()]);
                let text = rich(get(key::NOTICE_LANGUAGE_MISSING), vec![("language", name()), ("language", name())]);
                view! { <Notice text testid="language-notice" reload=true also=None dismiss=|nav| nav.dismiss_language_missing() /> }
            })
        }}
        {move || practice.notice()}
    }
}

/// One notice with a Dismiss button.
#[component]
fn Notice(
    /// What happened and what the page did about it.
    text: Vec<AnyView>,
    /// The test hook.
    testid: &'static str,
    /// Whether to offer to reload the page (the way out of the problem).
    reload: bool,
    /// Another way out, offered after Reload.
    also: Option<AnyView>,
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
            {also}
            <button type="button" class="quiet" on:click=move |_| dismiss(nav)>
                {get(key::NOTICE_DISMISS)}
            </button>
        </div>
    }
}
