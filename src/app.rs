//! The page: header, map, details panel, and the link between what is
//! selected and the URL fragment (so links and back/forward work).

use crate::components::{FootMap, LinkNotice, ZonePanel};
use crate::content::{content, View};
use crate::route::{self, LinkError, Route, ZoneKey};
use leptos::prelude::*;

/// What the page shows and how to change it; provided to every component.
#[derive(Clone, Copy)]
pub struct Nav {
    route: RwSignal<Route>,
    link_error: RwSignal<Option<LinkError>>,
    /// The view shown where only one fits (phones); follows the selection.
    pub view: RwSignal<View>,
}

impl Nav {
    fn new() -> Self {
        let nav = Nav {
            route: RwSignal::new(Route::Map),
            link_error: RwSignal::new(None),
            view: RwSignal::new(View::Sole),
        };
        nav.follow_location();
        nav
    }

    /// The current route.
    pub fn route(self) -> Route {
        self.route.get()
    }

    /// The selected zone, if any.
    pub fn selected(self) -> Option<ZoneKey> {
        match self.route.get() {
            Route::Zone(key) => Some(key),
            Route::Map => None,
        }
    }

    /// Whether `key` is the selected zone; tracks only that answer.
    pub fn is_selected(self, key: ZoneKey) -> bool {
        self.route.with(|r| *r == Route::Zone(key))
    }

    /// Why the last link could not be followed, if it could not.
    pub fn link_error(self) -> Option<LinkError> {
        self.link_error.get()
    }

    /// Forgets the link error once the reader has seen it.
    pub fn dismiss_error(self) {
        self.link_error.set(None);
    }

    /// Shows `route` now and records it in the URL as a new history entry.
    pub fn go(self, route: Route) {
        self.show(route);
        let fragment = route::fragment(route);
        let location = window().location();
        if location.hash().unwrap_or_default().trim_start_matches('#') == fragment {
            return;
        }
        if fragment.is_empty() {
            // Setting an empty hash leaves a bare `#`; push the plain URL instead.
            let plain = format!(
                "{}{}",
                location.pathname().unwrap_or_default(),
                location.search().unwrap_or_default()
            );
            if let Ok(history) = window().history() {
                let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&plain));
            }
        } else {
            let _ = location.set_hash(&fragment);
        }
    }

    fn show(self, route: Route) {
        self.link_error.set(None);
        if let Route::Zone(key) = route {
            self.view.set(key.content(content()).view);
        }
        self.route.set(route);
    }

    /// Reads the fragment now and whenever it changes (links, back, forward).
    fn follow_location(self) {
        let read = move || {
            let hash = window().location().hash().unwrap_or_default();
            match route::parse(&hash, content()) {
                Ok(route) => self.show(route),
                Err(error) => {
                    self.route.set(Route::Map);
                    self.link_error.set(Some(error));
                }
            }
        };
        read();
        // Back and forward to a plain URL fire popstate but not hashchange.
        let _ = window_event_listener(leptos::ev::hashchange, move |_| read());
        let _ = window_event_listener(leptos::ev::popstate, move |_| read());
    }
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let nav = Nav::new();
    provide_context(nav);

    view! {
        <a class="skip" href="#details">"Skip to details"</a>
        <header class="top">
            <h1>
                <span class="logo" aria-hidden="true"></span>
                "Foot Map"
            </h1>
            <p class="tagline">"A guide to massaging your feet and lower legs, zone by zone."</p>
        </header>
        <LinkNotice />
        <main class="layout">
            <FootMap />
            <ZonePanel />
        </main>
        <footer class="foot">
            <p>
                "The benefits shown are claims from a consumer article, each labelled with how good the evidence is. "
                "This is not medical advice: stop if anything hurts, and ask a clinician when in doubt."
            </p>
        </footer>
    }
}

/// Reveals the static error message in `index.html` after a panic, so the
/// reader sees what happened instead of a frozen or blank page.
pub fn show_fatal_error() {
    let document = document();
    if let Some(el) = document.get_element_by_id("fatal") {
        let _ = el.remove_attribute("hidden");
    }
    if let Some(loading) = document.get_element_by_id("loading") {
        loading.remove();
    }
}
