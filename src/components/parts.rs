//! The pages whose code is downloaded when first opened, not with the map.
//!
//! A first visit needs the map and a zone's details; the routines (list,
//! player, editor, share preview), the pages of reading (benefits, evidence,
//! safety) and the practice history can wait until asked for. In the hosted
//! build (`.ci/build` sets `--cfg foot_map_split`) each of those three parts
//! is a split point: `wasm-split-cli` moves the code only it reaches into a
//! wasm file of its own, which the page fetches the first time that part is
//! opened (and the service worker keeps for offline use). Elsewhere (the
//! development server, the native pre-render, the native tests) the same
//! functions are plain calls, so every build renders the same markup.
//!
//! A fourth split point holds the person's practice ([`crate::practice`]:
//! saved data, the routine player, the editor), which the routines and the
//! history need and the map does not.
//!
//! [`crate::app::Nav`] loads a page's part before it shows the page, so the
//! panel never empties while code arrives: the page in view stays, with the
//! waiting bar along the top, until the new one can be drawn at once.

use crate::app::Nav;
use crate::components::evidence::{BenefitList, BenefitPage, EvidencePage};
use crate::components::history::HistoryPage;
use crate::components::own::{OwnRoutinePage, RoutineEditor, SharedPreview};
use crate::components::routines::{RoutineBar, RoutineList, RoutinePlayer};
use crate::components::safety::SafetyPage;
use crate::content::{content, whole};
use crate::practice::Live;
use crate::route::{self, LinkError, Route};
use crate::share::Shared;
use leptos::prelude::*;

/// A part of the app's code beyond the map and the zones' details.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The routine list, a routine's player, the editor, a shared routine.
    Routines,
    /// Benefits, evidence and the safety note.
    Reading,
    /// The practice history.
    History,
}

/// The part whose code `route`'s page needs, if any.
pub fn part(route: Route) -> Option<Part> {
    match route {
        Route::Map | Route::Zone(_) => None,
        Route::Routines | Route::Routine(_) | Route::Edit(_) | Route::Shared => Some(Part::Routines),
        Route::Benefits | Route::Benefit(_) | Route::Evidence | Route::Safety => Some(Part::Reading),
        Route::History => Some(Part::History),
    }
}

/// Whether `route`'s page needs the person's practice begun.
pub fn needs_practice(route: Route) -> bool {
    matches!(part(route), Some(Part::Routines | Part::History))
}

/// A part's code could not be downloaded (offline before it was ever
/// opened, or the host no longer has this build's files).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotDownloaded;

impl From<leptos::wasm_split::SplitLoaderError> for NotDownloaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        NotDownloaded
    }
}

// The three split points. Each builds any page of its part; the route says
// which. With the split, each becomes `async`, and its code is fetched the
// first time it is called (or its `load_…` function is).

#[cfg_attr(
    foot_map_split,
    leptos::wasm_split::wasm_split(routines, wasm_split_path = ::leptos::wasm_split, fallible, preload(load_routines))
)]
fn routines_page(route: Route) -> Result<AnyView, NotDownloaded> {
    Ok(match route {
        Route::Routine(id) => match route::routine(id, whole()) {
            Some(routine) => view! { <RoutinePlayer routine /> }.into_any(),
            None => view! { <OwnRoutinePage id /> }.into_any(),
        },
        Route::Edit(id) => view! { <RoutineEditor id /> }.into_any(),
        Route::Shared => view! { <SharedPreview /> }.into_any(),
        _ => view! { <RoutineList /> }.into_any(),
    })
}

// Reading a share link belongs with the routines: the map never needs it.
#[cfg_attr(
    foot_map_split,
    leptos::wasm_split::wasm_split(routines, wasm_split_path = ::leptos::wasm_split, fallible, preload(load_share_reader))
)]
fn share_reader(fragment: String) -> Result<Result<Shared, LinkError>, NotDownloaded> {
    Ok(route::read_share(&fragment, content()).unwrap_or(Err(LinkError::Unreadable(fragment))))
}

#[cfg_attr(
    foot_map_split,
    leptos::wasm_split::wasm_split(reading, wasm_split_path = ::leptos::wasm_split, fallible, preload(load_reading))
)]
fn reading_page(route: Route) -> Result<AnyView, NotDownloaded> {
    Ok(match route {
        Route::Benefit(id) => match route::benefit(id, whole()) {
            Some(claim) => view! { <BenefitPage claim /> }.into_any(),
            None => view! { <BenefitList /> }.into_any(),
        },
        Route::Evidence => view! { <EvidencePage /> }.into_any(),
        Route::Safety => view! { <SafetyPage /> }.into_any(),
        _ => view! { <BenefitList /> }.into_any(),
    })
}

#[cfg_attr(
    foot_map_split,
    leptos::wasm_split::wasm_split(history, wasm_split_path = ::leptos::wasm_split, fallible, preload(load_history))
)]
fn history_page(_route: Route) -> Result<AnyView, NotDownloaded> {
    Ok(view! { <HistoryPage /> }.into_any())
}

#[cfg_attr(
    foot_map_split,
    leptos::wasm_split::wasm_split(practice, wasm_split_path = ::leptos::wasm_split, fallible, preload(load_practice))
)]
fn practice_part(owner: Owner, nav: Nav) -> Result<Live, NotDownloaded> {
    let bar = || view! { <RoutineBar /> }.into_any();
    Ok(owner.with(|| crate::practice::begin(nav, bar)))
}

/// Downloads the code `route`'s page needs, unless it is here already (at
/// once, then): its part's, and the practice's if it needs it, side by
/// side. Without the split there is nothing to download.
pub async fn load(route: Route) -> Result<(), NotDownloaded> {
    #[cfg(foot_map_split)]
    match part(route) {
        Some(Part::Routines) => both(load_practice(), both(load_routines(), load_share_reader())).await?,
        Some(Part::Reading) => load_reading().await?,
        Some(Part::History) => both(load_practice(), load_history()).await?,
        None => {}
    }
    #[cfg(not(foot_map_split))]
    let _ = route;
    Ok(())
}

/// Downloads the practice's code (for someone with saved data, after the
/// start).
pub async fn load_practice_code() -> Result<(), NotDownloaded> {
    #[cfg(foot_map_split)]
    load_practice().await?;
    Ok(())
}

/// Begins the person's practice, unless it has begun. Its code must be
/// here: [`load`] a page that needs it, or [`load_practice_code`], first.
pub fn begin_practice(nav: Nav) -> Result<(), NotDownloaded> {
    let practice = nav.practice();
    if practice.is_live() {
        return Ok(());
    }
    #[cfg(foot_map_split)]
    let live = now(std::pin::pin!(practice_part(practice.owner(), nav))).unwrap_or(Err(NotDownloaded))?;
    #[cfg(not(foot_map_split))]
    let live = practice_part(practice.owner(), nav)?;
    practice.set_live(live);
    Ok(())
}

/// The routine a share link (`#share=…`) carries, or why it cannot be read.
/// The routines' code must be here: [`load`] [`Route::Shared`] first.
pub fn read_share(fragment: String) -> Result<Result<Shared, LinkError>, NotDownloaded> {
    #[cfg(foot_map_split)]
    return now(std::pin::pin!(share_reader(fragment))).unwrap_or(Err(NotDownloaded));
    #[cfg(not(foot_map_split))]
    share_reader(fragment)
}

/// Both downloads, at the same time; the first error if either fails.
#[cfg(foot_map_split)]
async fn both<E>(
    a: impl std::future::Future<Output = Result<(), E>>,
    b: impl std::future::Future<Output = Result<(), E>>,
) -> Result<(), E> {
    use std::task::Poll;
    let (mut a, mut b) = (std::pin::pin!(a), std::pin::pin!(b));
    let (mut done_a, mut done_b) = (None, None);
    std::future::poll_fn(move |cx| {
        if done_a.is_none() {
            if let Poll::Ready(result) = a.as_mut().poll(cx) {
                done_a = Some(result);
            }
        }
        if done_b.is_none() {
            if let Poll::Ready(result) = b.as_mut().poll(cx) {
                done_b = Some(result);
            }
        }
        if done_a.is_some() && done_b.is_some() {
            Poll::Ready(done_a.take().into_iter().chain(done_b.take()).collect())
        } else {
            Poll::Pending
        }
    })
    .await
}

/// The output of `future` if it is ready at once, polled a single time.
pub fn now<F: std::future::Future>(future: std::pin::Pin<&mut F>) -> Option<F::Output> {
    let mut context = std::task::Context::from_waker(std::task::Waker::noop());
    match future.poll(&mut context) {
        std::task::Poll::Ready(output) => Some(output),
        std::task::Poll::Pending => None,
    }
}

/// Builds the page for `route` with its part's split point: `async` with
/// the split, a plain call without.
async fn build(route: Route) -> Result<AnyView, NotDownloaded> {
    macro_rules! split_point {
        ($page:ident) => {{
            #[cfg(foot_map_split)]
            let built = $page(route).await;
            #[cfg(not(foot_map_split))]
            let built = $page(route);
            built
        }};
    }
    match part(route) {
        Some(Part::Routines) => split_point!(routines_page),
        Some(Part::Reading) => split_point!(reading_page),
        Some(Part::History) => split_point!(history_page),
        None => Ok(().into_any()),
    }
}

/// The page for `route`, which must be one with a [`part`], drawn at once.
/// [`crate::app::Nav`] shows a route only once [`load`] has its part's
/// code here, so the split point answers when first polled; should it not,
/// the page says it could not be downloaded. (No `Suspend`: the main wasm
/// then carries none of the code that waits for one.)
pub fn page(route: Route) -> AnyView {
    now(std::pin::pin!(build(route)))
        .unwrap_or(Err(NotDownloaded))
        .unwrap_or_else(|NotDownloaded| view! { <NotHere /> }.into_any())
}

/// In the panel, when a page's code could not be downloaded.
#[component]
fn NotHere() -> impl IntoView {
    view! {
        <div class="welcome" data-testid="part-missing">
            <h2>"This page could not be downloaded"</h2>
            <p>
                "Foot Map fetches this page the first time it is opened, and the connection failed. "
                "The map and every zone still work. Try again once you are online."
            </p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::route::ZoneKey;

    #[test]
    fn the_map_and_zones_need_no_part_and_every_other_page_one() {
        let c = content();
        let zone = ZoneKey::parse("left-heel", c).expect("a zone on the map");
        assert_eq!(part(Route::Map), None);
        assert_eq!(part(Route::Zone(zone)), None);
        for (route, wanted) in [
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
}
