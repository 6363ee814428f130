//! The languages Foot Map speaks, at the foot of every page: each named in
//! itself (and marked as that language, for screen readers), the one in
//! use marked current. Choosing one keeps it and reopens the page in it;
//! while a routine is under way or one is being built, it asks first, as
//! reopening the page stops the one and loses the other.

use crate::browser::language;
use crate::language::Language;
use crate::route::Route;
use crate::state::Nav;
use crate::text::{fill, get, key};
use leptos::prelude::*;

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let in_use = Language::in_use();
    let nav = expect_context::<Nav>();
    // The language chosen while something would be lost, until confirmed
    // (the confirmation is drawn by the practice, whose code has it).
    let asking = RwSignal::new(None::<Language>);
    provide_context(Asking(asking));
    let building = move || matches!(nav.route(), Route::Edit(_));
    let confirm = move || {
        asking
            .get()
            .and_then(|choice| nav.practice().confirm_language(choice))
    };
    view! {
        {confirm}
        <ul class="languages" aria-label=get(key::LANGUAGE_LABEL) data-testid="languages">
            {Language::ALL
                .into_iter()
                .map(|choice| {
                    let current = choice == in_use;
                    view! {
                        <li>
                            <button
                                type="button"
                                lang=choice.code()
                                aria-pressed=if current { "true" } else { "false" }
                                on:click=move |_| {
                                    if current {
                                        return;
                                    }
                                    if nav.practice().is_active() || building() {
                                        asking.set(Some(choice));
                                    } else {
                                        language::choose(choice)
                                    }
                                }
                            >
                                {choice.own_name()}
                            </button>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// The language chosen while something would be lost, until confirmed.
#[derive(Clone, Copy)]
pub struct Asking(RwSignal<Option<Language>>);

/// Asked before the page reopens in `choice`: changing it now stops the
/// routine under way, or loses the one being built.
#[component]
pub fn LanguageConfirm(choice: Language) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let Asking(asking) = expect_context::<Asking>();
    let building = matches!(nav.route_untracked(), Route::Edit(_));
    view! {
        <p class="language-confirm" role="alert" data-testid="language-confirm">
            {get(if building { key::EDITOR_LANGUAGE_LOSES } else { key::PLAYER_LANGUAGE_STOPS })}
            " "
            <button type="button" lang=choice.code() on:click=move |_| language::choose(choice)>
                {fill(key::PLAYER_LANGUAGE_CHANGE, &[("language", &choice.own_name())])}
            </button>
            " "
            <button type="button" data-testid="language-stay" on:click=move |_| asking.set(None)>
                {get(key::PLAYER_LANGUAGE_STAY)}
            </button>
        </p>
    }
}
