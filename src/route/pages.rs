//! Every page the navigation names, listed once ([`PAGES`]): what tells
//! one page from another, read by routing, the code each page needs, the
//! navigation, the layout and the pages the build writes. Adding a page
//! is its component, a [`Route`] and a row here (for a page with items,
//! their arms in [`Route::page`], `Route::item` and
//! `Route::item_fragment`, also here), and its view in `split_points`.

use super::{benefit, intern, printable, LinkError, ZoneKey};
use crate::content::Content;
use crate::own_routine::is_own_id;
use crate::share;
use crate::text::{key, Key};

/// What the page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Route {
    /// The map with nothing selected.
    #[default]
    Map,
    /// The map with one zone's details open.
    Zone(ZoneKey),
    /// The list of guided routines.
    Routines,
    /// One routine's player, by routine id: a built-in routine, or one of
    /// the person's own (`my-…`), which only their saved data can tell.
    Routine(&'static str),
    /// The editor for one of the person's own routines, by id (a new one
    /// has an id before it is first saved).
    Edit(&'static str),
    /// A routine from a share link, shown before it is saved; the routine
    /// itself comes with the route from [`super::read`].
    Shared,
    /// Every claimed benefit.
    Benefits,
    /// One claimed benefit, its evidence, and its zones lit on the map.
    Benefit(&'static str),
    /// What the evidence labels mean, and every source.
    Evidence,
    /// When not to massage, and when to take care.
    Safety,
    /// The person's practice: this week, weeks in a row, recent sessions.
    History,
}

/// A part of the app's code beyond the map: a page's code comes with the
/// first visit to it (see `split_points`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Code {
    /// A zone's details.
    Details,
    /// The routine list, a routine's player, the editor, a shared routine.
    Routines,
    /// Benefits, evidence and the safety note.
    Reading,
    /// The practice history.
    History,
}

/// A page the navigation names, with everything that tells pages apart.
/// [`PAGES`] lists each once; routing, the code a page needs, the
/// navigation, the page's layout and the pages the build writes all read
/// it. (A page's view is chosen in `split_points`, by its [`Code`].)
#[derive(Clone, Copy, Debug)]
pub struct Page {
    pub route: Route,
    /// Its fragment (`routines` for `#routines`); empty for the map.
    pub fragment: &'static str,
    /// The fragments with a value that open one of its items
    /// (`routine=quick-3`), whose code is `Code` of this page but for the
    /// map's zones (`Code::Details`).
    pub items: &'static [&'static str],
    /// The code it needs beyond the map.
    pub code: Option<Code>,
    /// Whether it needs the person's practice (their saved data) begun.
    pub practice: bool,
    /// Its name in the navigation.
    pub nav: Key,
    /// Text alone: on a phone the map hides to give it room (on the page
    /// itself, not on its items).
    pub text_only: bool,
    /// Written by the build for reading without the app
    /// (`<fragment>.html`), and linked from the page's note for a browser
    /// without JavaScript.
    pub written: Option<Written>,
}

/// How the build writes a page for reading without the app.
#[derive(Clone, Copy, Debug)]
pub struct Written {
    /// The page's title.
    pub title: Key,
    /// Its link's words in the note for a browser without JavaScript
    /// ("read the routines, …"), in the order of [`PAGES`].
    pub link: Key,
}

/// Every page the navigation names, in its order.
pub const PAGES: [Page; 6] = [
    Page {
        route: Route::Map,
        fragment: "",
        items: &["zone"],
        code: None,
        practice: false,
        nav: key::NAV_MAP,
        text_only: false,
        written: None,
    },
    Page {
        route: Route::Routines,
        fragment: "routines",
        items: &["routine", "edit"],
        code: Some(Code::Routines),
        practice: true,
        nav: key::NAV_ROUTINES,
        text_only: true,
        written: Some(Written {
            title: key::SHELL_ROUTINES_TITLE,
            link: key::HTML_NOSCRIPT_ROUTINES_LINK,
        }),
    },
    Page {
        route: Route::Benefits,
        fragment: "benefits",
        items: &["benefit"],
        code: Some(Code::Reading),
        practice: false,
        nav: key::NAV_BENEFITS,
        text_only: true,
        written: Some(Written {
            title: key::SHELL_BENEFITS_TITLE,
            link: key::HTML_NOSCRIPT_BENEFITS_LINK,
        }),
    },
    Page {
        route: Route::Evidence,
        fragment: "evidence",
        items: &[],
        code: Some(Code::Reading),
        practice: false,
        nav: key::NAV_EVIDENCE,
        text_only: true,
        written: Some(Written {
            title: key::SHELL_EVIDENCE_TITLE,
            link: key::HTML_NOSCRIPT_EVIDENCE_LINK,
        }),
    },
    Page {
        route: Route::Safety,
        fragment: "safety",
        items: &[],
        code: Some(Code::Reading),
        // "What applies to me" is on it, which is saved.
        practice: true,
        nav: key::NAV_SAFETY,
        text_only: true,
        written: Some(Written {
            title: key::SHELL_SAFETY_TITLE,
            link: key::HTML_NOSCRIPT_SAFETY_LINK,
        }),
    },
    Page {
        route: Route::History,
        fragment: "history",
        items: &[],
        code: Some(Code::History),
        practice: true,
        nav: key::NAV_HISTORY,
        text_only: true,
        written: None,
    },
];

impl Route {
    /// The page of [`PAGES`] this route is, or is an item of: a zone is the
    /// map's, a routine, the editor and a shared routine the routines', a
    /// benefit the benefits'.
    pub fn page(self) -> &'static Page {
        let item = match self {
            Route::Zone(_) => Some("zone"),
            Route::Routine(_) | Route::Shared => Some("routine"),
            Route::Edit(_) => Some("edit"),
            Route::Benefit(_) => Some("benefit"),
            _ => None,
        };
        PAGES
            .iter()
            .find(|page| match item {
                Some(item) => page.items.contains(&item),
                None => page.route == self,
            })
            .expect("every route is a page of PAGES or an item of one")
    }

    /// The route of an item's fragment (`routine=quick-3` is `item`
    /// `routine`, `value` `quick-3`), checked against `content`.
    pub(super) fn item(item: &str, value: &str, content: &'static Content) -> Result<Route, LinkError> {
        match item {
            "zone" => ZoneKey::parse(value, content)
                .map(Route::Zone)
                .ok_or_else(|| LinkError::UnknownZone(printable(value))),
            "routine" => match content.routine(value) {
                Some(r) => Ok(Route::Routine(&r.id)),
                None if is_own_id(value) => Ok(Route::Routine(intern(value))),
                None => Err(LinkError::UnknownRoutine(printable(value))),
            },
            "edit" if is_own_id(value) => Ok(Route::Edit(intern(value))),
            "edit" => Err(LinkError::UnknownRoutine(printable(value))),
            "benefit" => benefit(value, content)
                .map(|c| Route::Benefit(&c.id))
                .ok_or_else(|| LinkError::UnknownBenefit(printable(value))),
            _ => Err(LinkError::Unreadable(printable(&format!("{item}={value}")))),
        }
    }

    /// The fragment of an item's route (`routine=quick-3`), without `#`;
    /// `None` for a page's own.
    pub(super) fn item_fragment(self) -> Option<String> {
        Some(match self {
            Route::Zone(key) => format!("zone={}", key.slug()),
            Route::Routine(id) => format!("routine={id}"),
            Route::Edit(id) => format!("edit={id}"),
            Route::Benefit(id) => format!("benefit={id}"),
            // The routine is not in the route: a shared routine is reached by
            // its link only, and going "to" it shows the routines.
            Route::Shared => "routines".into(),
            _ => return None,
        })
    }

    /// The part of the code this route's page needs, if any.
    pub fn code(self) -> Option<Code> {
        match self {
            Route::Zone(_) => Some(Code::Details),
            _ => self.page().code,
        }
    }
}

/// The part of the code a link's fragment (with or without `#`) will need,
/// read from its shape alone, before the content that [`parse`] needs to
/// check it is here. It agrees with `parse(fragment).code()` wherever that
/// parses.
pub fn code_of_fragment(fragment: &str) -> Option<Code> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if share::is_link(fragment) {
        return Some(Code::Routines);
    }
    match fragment.split_once('=') {
        Some(("zone", _)) => Some(Code::Details),
        Some((item, _)) => PAGES.iter().find(|p| p.items.contains(&item))?.code,
        None => PAGES.iter().find(|p| p.fragment == fragment)?.code,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::content;
    use crate::route::{fragment, parse, ZoneKey};

    #[test]
    fn every_page_opens_by_its_fragment_and_writes_it_back() {
        for page in PAGES {
            assert_eq!(parse(page.fragment, content()), Ok(page.route), "{page:?}");
            assert_eq!(fragment(page.route), page.fragment);
            assert_eq!(page.route.page().route, page.route);
            assert_eq!(code_of_fragment(page.fragment), page.code);
        }
    }

    #[test]
    fn each_item_belongs_to_one_page_and_the_navigation_names_each_page_once() {
        let items: Vec<&str> = PAGES.iter().flat_map(|p| p.items.iter().copied()).collect();
        let mut unique = items.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), items.len(), "{items:?}");
        let mut fragments: Vec<_> = PAGES.iter().map(|p| p.fragment).collect();
        fragments.sort();
        fragments.dedup();
        assert_eq!(fragments.len(), PAGES.len());
    }

    #[test]
    fn the_map_needs_no_part_and_every_other_page_one() {
        let c = content();
        let zone = ZoneKey::parse("left-heel", c).expect("a zone on the map");
        assert_eq!(Route::Map.code(), None);
        for (route, wanted) in [
            (Route::Zone(zone), Code::Details),
            (Route::Routines, Code::Routines),
            (Route::Routine("quick-3"), Code::Routines),
            (Route::Edit("my-1"), Code::Routines),
            (Route::Shared, Code::Routines),
            (Route::Benefits, Code::Reading),
            (Route::Benefit("x"), Code::Reading),
            (Route::Evidence, Code::Reading),
            (Route::Safety, Code::Reading),
            (Route::History, Code::History),
        ] {
            assert_eq!(route.code(), Some(wanted), "{route:?}");
        }
    }

    #[test]
    fn a_fragment_s_shape_names_the_part_its_page_needs() {
        let c = content();
        for fragment in [
            "",
            "#routines",
            "#routine=quick-3",
            "#edit=my-1",
            "#benefits",
            "#evidence",
            "#safety",
            "#history",
            "#zone=left-heel",
        ] {
            let route = crate::route::parse(fragment, c).expect("a page");
            assert_eq!(code_of_fragment(fragment), route.code(), "{fragment}");
        }
        let benefit = &c.claims[0].id;
        assert_eq!(
            code_of_fragment(&format!("benefit={benefit}")),
            Some(Code::Reading)
        );
    }

    #[test]
    fn the_routines_the_safety_note_and_the_history_need_the_practice() {
        let zone = ZoneKey::parse("left-heel", content()).expect("a zone on the map");
        let with: Vec<_> = [
            Route::Map,
            Route::Zone(zone),
            Route::Routines,
            Route::Routine("quick-3"),
            Route::Edit("my-1"),
            Route::Shared,
            Route::Benefits,
            Route::Benefit("x"),
            Route::Evidence,
            Route::Safety,
            Route::History,
        ]
        .into_iter()
        .filter(|route| route.page().practice)
        .collect();
        assert_eq!(
            with,
            [
                Route::Routines,
                Route::Routine("quick-3"),
                Route::Edit("my-1"),
                Route::Shared,
                Route::Safety,
                Route::History
            ]
        );
    }
}
