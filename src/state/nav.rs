//! Where the page is: the route shown, kept in step with the URL fragment
//! (so links, back and forward work), the code each page needs fetched
//! before it is shown, and a link that could not be followed.

use super::loading::{self, Loader, NotDownloaded};
use super::practice::{Navigation, Practice};
use crate::browser::location;
use crate::content::{content, View};
use crate::language::Language;
use crate::route::{self, LinkError, Route};
use crate::share::Shared;
use leptos::prelude::*;

/// The page to show where there is no browser to ask: the build renders
/// each page of text with this in context (`src/prerender.rs`).
#[derive(Clone, Copy)]
pub struct Start(pub Route);

/// What the page shows and how to change it; provided to every component.
#[derive(Clone, Copy)]
pub struct Nav {
    route: RwSignal<Route>,
    link_error: RwSignal<Option<LinkError>>,
    /// The language asked for whose words could not be downloaded, until
    /// the reader dismisses the notice that says so.
    language_missing: RwSignal<Option<Language>>,
    /// The routine a share link carries, while [`Route::Shared`] shows it.
    shared: RwSignal<Option<Shared>>,
    /// The view shown where only one fits (phones); follows the selection.
    pub view: RwSignal<View>,
    /// While the code of a page asked for is being downloaded.
    fetching: RwSignal<bool>,
    /// Counts the pages asked for: only the latest is shown when its code
    /// arrives.
    asked: StoredValue<u32>,
    /// The page last asked for, while it is shown or on its way: the
    /// address change that [`Nav::go`] causes does not ask for it again.
    asked_route: StoredValue<Option<Route>>,
    /// Saved data, player and editor: begun by the first page that needs
    /// them.
    practice: Practice,
    /// A share link followed, read once the routines' code is here.
    share_link: StoredValue<Option<String>>,
    /// Fetches the code of pages beyond the map.
    loader: Loader,
}

impl Nav {
    /// Creates the page's navigation, which fetches code with `loader`;
    /// call once, in `App`.
    pub fn new(loader: Loader) -> Self {
        let nav = Nav {
            route: RwSignal::new(Route::Map),
            link_error: RwSignal::new(None),
            language_missing: RwSignal::new(Language::missing()),
            shared: RwSignal::new(None),
            view: RwSignal::new(View::Sole),
            fetching: RwSignal::new(false),
            asked: StoredValue::new(0),
            asked_route: StoredValue::new(None),
            practice: Practice::new(),
            share_link: StoredValue::new(None),
            loader,
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
    pub fn selected(self) -> Option<route::ZoneKey> {
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
    pub fn is_selected(self, key: route::ZoneKey) -> bool {
        self.route.with(|r| *r == Route::Zone(key))
    }

    /// Why the last link could not be followed, if it could not.
    pub fn link_error(self) -> Option<LinkError> {
        self.link_error.get()
    }

    /// The language asked for whose words could not be downloaded (the
    /// page is in English instead), until the notice is dismissed.
    pub fn language_missing(self) -> Option<Language> {
        self.language_missing.get()
    }

    /// Forgets the missing language once the reader has seen it.
    pub fn dismiss_language_missing(self) {
        self.language_missing.set(None);
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
        location::push(&route::fragment(route));
    }

    /// What the practice needs of the navigation.
    fn navigation(self) -> Navigation {
        Navigation {
            view: self.view,
            route: self.route.into(),
            shared: self.shared.into(),
            go: Callback::new(move |route| self.go(route)),
        }
    }

    /// Begins the practice, unless it has begun; its code must be here.
    fn begin_practice(self) -> Result<(), NotDownloaded> {
        (self.loader.begin_practice)(self.practice, self.navigation())
    }

    /// Shows `route`: at once, or, if its page's code has not been
    /// downloaded yet, once it has (the page in view stays meanwhile).
    fn show(self, route: Route) {
        self.link_error.set(None);
        let asked = self.asked.get_value().wrapping_add(1);
        self.asked.set_value(asked);
        self.asked_route.set_value(Some(route));
        let mut load = (self.loader.load)(route);
        if let Some(loaded) = loading::now(load.as_mut()) {
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
                match (self.loader.read_share)(link) {
                    Ok(Ok(shared)) => self.shared.set(Some(shared)),
                    Ok(Err(error)) => return self.refuse(error),
                    Err(NotDownloaded) => loaded = Err(NotDownloaded),
                }
            }
        }
        let ready = loaded.and_then(|()| {
            if route.page().practice {
                self.begin_practice()
            } else {
                Ok(())
            }
        });
        if ready.is_err() {
            self.asked_route.set_value(None);
            self.link_error.set(Some(LinkError::NotDownloaded));
            // The address goes back to the page still shown, so the same
            // link, followed again, tries again.
            location::replace(&route::fragment(self.route.get_untracked()));
            return;
        }
        if let Route::Zone(key) = route {
            self.view.set(key.content(content()).view);
        }
        self.route.set(route);
    }

    /// Shows the map, and says why the link followed cannot be.
    fn refuse(self, error: LinkError) {
        self.asked_route.set_value(None);
        self.route.set(Route::Map);
        self.link_error.set(Some(error));
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
            if (self.loader.load_practice)().await.is_ok() {
                // If it fails, it is tried again by the page that needs it.
                let _ = self.begin_practice();
            }
        });
    }

    /// Reads the fragment now and whenever it changes (links, back, forward).
    fn follow_location(self) {
        let read = move || {
            let hash = location::hash();
            // A share link is read with the routines' code, which the map
            // does not need.
            if crate::share::is_link(&hash) {
                self.share_link.set_value(Some(hash));
                return self.show(Route::Shared);
            }
            match route::parse(&hash, content()) {
                // Already shown, or on its way (the change `go` made).
                Ok(route) if self.asked_route.get_value() == Some(route) => {}
                Ok(route) => self.show(route),
                Err(error) => self.refuse(error),
            }
        };
        read();
        location::on_change(read);
    }
}
