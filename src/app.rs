//! The page: header, navigation, map, details panel and footer, with the
//! page's state provided to every component below it.

use crate::components::{FootMap, LanguageSwitch, Notices, Panel};
use crate::route::{self, Route};
use crate::split_points;
use crate::state::Nav;
use crate::text::{get, key};
use leptos::prelude::*;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let nav = Nav::new(split_points::LOADER);
    provide_context(nav);
    let practice = nav.practice();

    let on_routine_page = move || matches!(nav.route(), Route::Routine(_));
    // Pages of text alone (not their items: a routine, a benefit); on a
    // phone they hide the map to give it room.
    let text_page = move || {
        let route = nav.route();
        route.page().route == route && route.page().text_only
    };
    let in_routine = move || on_routine_page() && practice.is_active();
    // Pages for reading beside the map: on a phone the map shrinks to a
    // strip that scrolls away (a routine under way keeps it in view).
    let reading =
        move || matches!(nav.route(), Route::Zone(_)) || (on_routine_page() && !practice.is_active());
    let editing = move || matches!(nav.route(), Route::Edit(_) | Route::Shared);
    // A page's link is current on the page and on each of its items.
    let link = move |page: route::Page| {
        let current = move || nav.route().page().route == page.route;
        view! {
            <a href=format!("#{}", page.fragment) aria-current=move || current().then_some("page")>
                {get(page.nav)}
            </a>
        }
    };

    view! {
        <div
            class="app"
            class:in-routine=in_routine
            class:reading=reading
            class:editing=editing
            class:text-page=text_page
            class:on-map=move || matches!(nav.route(), Route::Map | Route::Zone(_))
            class:on-zone=move || matches!(nav.route(), Route::Zone(_))
            class:fetching=move || nav.fetching()
            aria-busy=move || nav.fetching().then_some("true")
        >
            // Moves focus without touching the URL fragment, which holds the route.
            <a
                class="skip"
                href="#details"
                on:click=|ev| {
                    ev.prevent_default();
                    crate::browser::focus::to_id("details");
                }
            >
                {get(key::PAGE_SKIP)}
            </a>
            <header class="top">
                <h1>
                    <span class="logo" aria-hidden="true"></span>
                    {get(key::PAGE_TITLE)}
                </h1>
                <p class="tagline">{get(key::PAGE_TAGLINE)}</p>
                <nav class="site-nav" aria-label=get(key::NAV_SECTIONS)>
                    // (An array, not a Vec: its view code is a fraction
                    // of the size, and this is in every first download.)
                    {route::PAGES.map(link)}
                </nav>
            </header>
            <Notices />
            <main class="layout">
                <FootMap />
                <Panel page=split_points::page />
            </main>
            <footer class="foot">
                <p>
                    {get(key::PAGE_FOOTER_CLAIMS)}
                    " "
                    {get(key::PAGE_FOOTER_ADVICE)}
                    " "
                    <a href="#safety">{get(key::PAGE_FOOTER_SAFETY_LINK)}</a>
                    {get(key::COMMON_SEPARATOR)}
                    <a href="#evidence">{get(key::PAGE_FOOTER_EVIDENCE_LINK)}</a>
                </p>
                <LanguageSwitch />
            </footer>
            {move || practice.bar()}
        </div>
    }
}
