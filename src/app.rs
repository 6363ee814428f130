//! The page: header, map, details panel, and the link between what is
//! selected and the URL fragment (so links and back/forward work).

use crate::components::parts::{self, NotDownloaded};
use crate::components::{FootMap, Notices, Panel};
use crate::content::{content, View};
use crate::practice::Practice;
use crate::route::{self, LinkError, Route, ZoneKey};
use crate::share::Shared;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The page to show where there is no browser to ask: the build renders
/// each page of text with this in context (`src/prerender.rs`).
#[derive(Clone, Copy)]
pub struct Start(pub Route);

/// What the page shows and how to change it; provided to every component.
#[derive(Clone, Copy)]
pub struct Nav {
    route: RwSignal<Route>,
    link_error: RwSignal<Option<LinkError>>,
    /// The routine a share link carries, while [`Route::Shared`] shows it.
    shared: RwSignal<Option<Shared>>,
    /// The view shown where only one fits (phones); follows the selection.
    pub view: RwSignal<View>,
    /// While the code of a page asked for is being downloaded.
    fetching: RwSignal<bool>,
    /// Counts the pages asked for: only the latest is shown when its code
    /// arrives.
    asked: StoredValue<u32>,
    /// Saved data, player and editor: begun by the first page that needs
    /// them.
    practice: Practice,
    /// A share link followed, read once the routines' code is here.
    share_link: StoredValue<Option<String>>,
}

impl Nav {
    fn new() -> Self {
        let nav = Nav {
            route: RwSignal::new(Route::Map),
            link_error: RwSignal::new(None),
            shared: RwSignal::new(None),
            view: RwSignal::new(View::Sole),
            fetching: RwSignal::new(false),
            asked: StoredValue::new(0),
            practice: Practice::new(),
            share_link: StoredValue::new(None),
        };
        // Without a browser (the build rendering the first screen) the page
        // shows the plain map, or the page of text it is asked for, and
        // follows nothing.
        if crate::browser::window().is_some() {
            nav.follow_location();
            nav.begin_practice_if_saved();
        } else if let Some(Start(route)) = use_context::<Start>() {
            nav.show(route);
        }
        nav
    }

    /// The person's practice, begun or not.
    pub fn practice(self) -> Practice {
        self.practice
    }

    /// The current route.
    pub fn route(self) -> Route {
        self.route.get()
    }

    /// The current route, without tracking.
    pub fn route_untracked(self) -> Route {
        self.route.get_untracked()
    }

    /// The routine the opened share link carries, if one was opened.
    pub fn shared(self) -> Option<Shared> {
        self.shared.get()
    }

    /// The selected zone, if any.
    pub fn selected(self) -> Option<ZoneKey> {
        match self.route.get() {
            Route::Zone(key) => Some(key),
            _ => None,
        }
    }

    /// The benefit whose zones are lit on the map, if any.
    pub fn benefit(self) -> Option<&'static str> {
        match self.route.get() {
            Route::Benefit(id) => Some(id),
            _ => None,
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

    /// Whether a page asked for is waiting for its code to download.
    pub fn fetching(self) -> bool {
        self.fetching.get()
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
            if let Ok(history) = window().history() {
                let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&address("")));
            }
        } else {
            let _ = location.set_hash(&fragment);
        }
    }

    /// Shows `route`: at once, or, if its page's code has not been
    /// downloaded yet, once it has (the page in view stays meanwhile).
    fn show(self, route: Route) {
        self.link_error.set(None);
        let asked = self.asked.get_value().wrapping_add(1);
        self.asked.set_value(asked);
        let mut load = Box::pin(parts::load(route));
        if let Some(loaded) = parts::now(load.as_mut()) {
            self.fetching.set(false);
            return self.arrive(route, loaded);
        }
        self.fetching.set(true);
        leptos::task::spawn_local(async move {
            let loaded = load.await;
            if self.asked.get_value() == asked {
                self.fetching.set(false);
                self.arrive(route, loaded);
            }
        });
    }

    fn arrive(self, route: Route, mut loaded: Result<(), NotDownloaded>) {
        if loaded.is_ok() && route == Route::Shared {
            if let Some(link) = self.share_link.get_value() {
                self.share_link.set_value(None);
                match parts::read_share(link) {
                    Ok(Ok(shared)) => self.shared.set(Some(shared)),
                    Ok(Err(error)) => {
                        self.route.set(Route::Map);
                        self.link_error.set(Some(error));
                        return;
                    }
                    Err(NotDownloaded) => loaded = Err(NotDownloaded),
                }
            }
        }
        let ready = loaded.and_then(|()| {
            if parts::needs_practice(route) {
                parts::begin_practice(self)
            } else {
                Ok(())
            }
        });
        if ready.is_err() {
            self.link_error.set(Some(LinkError::NotDownloaded));
            // The address goes back to the page still shown, so the same
            // link, followed again, tries again.
            if crate::browser::window().is_some() {
                let url = address(&route::fragment(self.route.get_untracked()));
                if let Ok(history) = window().history() {
                    let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
                }
            }
            return;
        }
        if let Route::Zone(key) = route {
            self.view.set(key.content(content()).view);
        }
        self.route.set(route);
    }

    /// Someone with saved data here has the practice begun just after the
    /// start, whatever page they open: a problem with their saved data is
    /// then reported at once. A first visit never fetches its code for the
    /// map alone.
    fn begin_practice_if_saved(self) {
        if !crate::browser::storage::has_any(crate::store::KEY_PREFIX) {
            return;
        }
        leptos::task::spawn_local(async move {
            if parts::load_practice_code().await.is_ok() {
                // If it fails, it is tried again by the page that needs it.
                let _ = parts::begin_practice(self);
            }
        });
    }

    /// Reads the fragment now and whenever it changes (links, back, forward).
    fn follow_location(self) {
        let read = move || {
            let hash = window().location().hash().unwrap_or_default();
            // A share link is read with the routines' code, which the map
            // does not need.
            if crate::share::is_link(&hash) {
                self.share_link.set_value(Some(hash));
                return self.show(Route::Shared);
            }
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
        for event in ["hashchange", "popstate"] {
            let _ = window_event_listener_untyped(event, move |_| read());
        }
    }
}

/// This page's address with `fragment` (none if empty, not a bare `#`).
fn address(fragment: &str) -> String {
    let location = window().location();
    let hash = if fragment.is_empty() { "" } else { "#" };
    format!(
        "{}{}{hash}{fragment}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    )
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let nav = Nav::new();
    provide_context(nav);
    let practice = nav.practice();

    let on_routine_page = move || matches!(nav.route(), Route::Routine(_));
    // Pages of text alone; on a phone they hide the map to give it room.
    let text_page = move || {
        matches!(
            nav.route(),
            Route::Routines | Route::Benefits | Route::Evidence | Route::Safety | Route::History
        )
    };
    let in_routine = move || on_routine_page() && practice.is_active();
    let link = move |route: Route, label: &'static str| {
        let current = move || match (nav.route(), route) {
            (Route::Routine(_) | Route::Edit(_) | Route::Shared, Route::Routines) => true,
            (Route::Benefit(_), Route::Benefits) => true,
            (Route::Zone(_), Route::Map) => true,
            (now, wanted) => now == wanted,
        };
        view! {
            <a href=format!("#{}", route::fragment(route)) aria-current=move || current().then_some("page")>
                {label}
            </a>
        }
    };

    view! {
        <div
            class="app"
            class:in-routine=in_routine
            class:text-page=text_page
            class:on-map=move || matches!(nav.route(), Route::Map | Route::Zone(_))
            class:fetching=move || nav.fetching()
            aria-busy=move || nav.fetching().then_some("true")
        >
            // Moves focus without touching the URL fragment, which holds the route.
            <a
                class="skip"
                href="#details"
                on:click=|ev| {
                    ev.prevent_default();
                    if let Some(panel) = document().get_element_by_id("details") {
                        let _ = panel.unchecked_into::<web_sys::HtmlElement>().focus();
                    }
                }
            >
                "Skip to details"
            </a>
            <header class="top">
                <h1>
                    <span class="logo" aria-hidden="true"></span>
                    "Foot Map"
                </h1>
                <p class="tagline">"A guide to massaging your feet and lower legs, zone by zone."</p>
                <nav class="site-nav" aria-label="Sections">
                    {link(Route::Map, "Map")}
                    {link(Route::Routines, "Routines")}
                    {link(Route::Benefits, "Benefits")}
                    {link(Route::Evidence, "Evidence")}
                    {link(Route::Safety, "Safety")}
                    {link(Route::History, "History")}
                </nav>
            </header>
            <Notices />
            <main class="layout">
                <FootMap />
                <Panel />
            </main>
            <footer class="foot">
                <p>
                    "The benefits shown are claims from a consumer article, each labelled with how good the evidence is. "
                    "This is not medical advice: stop if anything hurts, and ask a clinician when in doubt. "
                    <a href="#safety">"Safety note"</a>
                    " · "
                    <a href="#evidence">"Evidence and sources"</a>
                </p>
            </footer>
            {move || practice.bar()}
        </div>
    }
}
