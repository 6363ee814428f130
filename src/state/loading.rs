//! How the page asks for a page's code (which code each page needs is
//! its row of [`crate::route::PAGES`]): the split points themselves are declared with the pages they build
//! ([`crate::split_points`]), which hands [`super::Nav`] a
//! [`Loader`] so that state never reaches up to the pages.

use super::practice::{Navigation, Practice};
use crate::route::{LinkError, Route};
use crate::share::Shared;
use std::future::Future;
use std::pin::Pin;

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
