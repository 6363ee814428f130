//! The languages Foot Map speaks, at the foot of every page: each named in
//! itself (and marked as that language, for screen readers), the one in
//! use marked current. Choosing one keeps it and reopens the page in it.

use crate::browser::language;
use crate::language::Language;
use crate::text::{get, key};
use leptos::prelude::*;

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let in_use = Language::in_use();
    view! {
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
                                    if !current {
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
