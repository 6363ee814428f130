//! Which code each page needs beyond the map, and how the page asks for it:
//! the split points themselves are declared with the pages they build
//! ([`crate::split_points`]), which hands [`super::Nav`] a
//! [`Loader`] so that state never reaches up to the pages.

use super::practice::{Navigation, Practice};
use crate::route::{LinkError, Route};
use crate::share::Shared;
use std::future::Future;
use std::pin::Pin;

/// A part of the app's code beyond the map (see [`crate::route::PAGES`]).
pub use crate::route::Code as Part;

/// The part whose code `route`'s page needs, if any.
pub fn part(route: Route) -> Option<Part> {
    route.code()
}

/// The part a link's fragment (with or without `#`) will need, read from
/// its shape alone: the app starts by fetching the reader's words and
/// content, which [`crate::route::parse`] needs to check the fragment, and
/// this lets the page's code come beside them rather than after. A
/// fragment that turns out to be no page costs one needless download.
pub fn part_of_fragment(fragment: &str) -> Option<Part> {
    crate::route::code_of_fragment(fragment)
}

/// Whether `route`'s page needs the person's practice begun.
pub fn needs_practice(route: Route) -> bool {
    route.page().practice
}

/// A part's code could not be downloaded (offline before it was ever
/// opened, or the host no longer has this build's files).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotDownloaded;

/// A download under way.
pub type Download = Pin<Box<dyn Future<Output = Result<(), NotDownloaded>>>>;

/// How state asks for code it cannot name: made by the page's split points.
#[derive(Clone, Copy)]
pub struct Loader {
    /// Downloads the code `route`'s page needs (at once if it is here).
    pub load: fn(Route) -> Download,
    /// Downloads the practice's code alone.
    pub load_practice: fn() -> Download,
    /// Begins the practice (its code must be here), unless it has begun.
    pub begin_practice: fn(Practice, Navigation) -> Result<(), NotDownloaded>,
    /// Reads a share link (the routines' code must be here).
    pub read_share: fn(String) -> Result<Result<Shared, LinkError>, NotDownloaded>,
}

/// The output of `future` if it is ready at once, polled a single time.
pub fn now<F: Future + ?Sized>(future: Pin<&mut F>) -> Option<F::Output> {
    let mut context = std::task::Context::from_waker(std::task::Waker::noop());
    match future.poll(&mut context) {
        std::task::Poll::Ready(output) => Some(output),
        std::task::Poll::Pending => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::content;
    use crate::route::ZoneKey;

    #[test]
    fn the_map_needs_no_part_and_every_other_page_one() {
        let c = content();
        let zone = ZoneKey::parse("left-heel", c).expect("a zone on the map");
        assert_eq!(part(Route::Map), None);
        for (route, wanted) in [
            (Route::Zone(zone), Part::Details),
            (Route::Routines, Part::Routines),
            (Route::Routine("quick-3"), Part::Routines),
            (Route::Edit("my-1"), Part::Routines),
            (Route::Shared, Part::Routines),
            (Route::Benefits, Part::Reading),
            (Route::Benefit("x"), Part::Reading),
            (Route::Evidence, Part::Reading),
            (Route::Safety, Part::Reading),
            (Route::History, Part::History),
        ] {
            assert_eq!(part(route), Some(wanted), "{route:?}");
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
            assert_eq!(part_of_fragment(fragment), part(route), "{fragment}");
        }
        let benefit = &c.claims[0].id;
        assert_eq!(
            part_of_fragment(&format!("benefit={benefit}")),
            Some(Part::Reading)
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
        .filter(|route| needs_practice(*route))
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
