//! The pages whose code is downloaded when first opened, not with the map:
//! the split points, declared here and nowhere else.
//!
//! A first visit needs the map; a zone's details, the routines (list,
//! player, editor, share preview), the pages of reading (benefits, evidence,
//! safety) and the practice history can wait until asked for (a zone tapped
//! before the app starts shows the details the build wrote out meanwhile,
//! and once it has started the service worker fetches the rest). In the hosted
//! build (`.ci/build` sets `--cfg foot_map_split`) each function below marked
//! `wasm_split` is a split point: `wasm-split-cli` moves the code only it
//! reaches into a wasm file of its own, which the page fetches the first
//! time that part is opened (and the service worker keeps for offline use).
//! Elsewhere (the development server, the native pre-render, the native
//! tests) the same functions are plain calls, so every build renders the
//! same markup.
//!
//! Each other language's words and content are a split point of their own,
//! fetched before the app starts (see [`use_language`]).
//!
//! Another split point holds the person's practice
//! ([`crate::state::practice`]: saved data, the routine player, the
//! editor), which the routines and the history need and the map does not.
//!
//! [`Nav`](crate::state::Nav) loads a page's part (through [`LOADER`]) before it shows the
//! page, so the panel never empties while code arrives: the page in view
//! stays, with the waiting bar along the top, until the new one can be
//! drawn at once.

use crate::browser::styles;
use crate::components::{
    BenefitList, BenefitPage, EvidencePage, HistoryPage, LanguageConfirm, MotionOnMap, NightQuestion,
    OwnRoutinePage, RoutineBar, RoutineEditor, RoutineList, RoutinePlayer, SafetyPage, SharedPreview,
    ZoneDetails,
};
use crate::content::{content, whole};
use crate::language::Language;
use crate::route::Code;
use crate::route::{self, LinkError, Route};
use crate::share::Shared;
use crate::state::loading::{Loader, NotDownloaded};
use crate::state::practice::{Live, Navigation, Practice};
use crate::text::{get, key};
#[cfg(foot_map_split)]
use futures::future::{try_join, try_join3};
use leptos::prelude::*;

/// Awaits a split point's answer with the split; without, calls it.
macro_rules! split_await {
    ($point:ident($($arg:expr),*)) => {{
        #[cfg(foot_map_split)]
        let called = $point($($arg),*).await;
        #[cfg(not(foot_map_split))]
        let called = $point($($arg),*);
        called
    }};
}

/// How [`Nav`](crate::state::Nav) fetches the code of the pages below.
pub const LOADER: Loader = Loader {
    load: |route| Box::pin(load(route)),
    load_practice: || Box::pin(load_practice_code()),
    begin_practice,
    read_share,
};

impl From<leptos::wasm_split::SplitLoaderError> for NotDownloaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        NotDownloaded
    }
}

// The split points. Each page builder makes any page of its part; the route
// says which. With the split, each becomes `async`, and its code is fetched
// the first time it is called (or its `load_…` function is).

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
    leptos::wasm_split::wasm_split(details, wasm_split_path = ::leptos::wasm_split, fallible, preload(load_details))
)]
fn details_page(route: Route) -> Result<AnyView, NotDownloaded> {
    Ok(match route {
        Route::Zone(key) => view! { <ZoneDetails key /> }.into_any(),
        _ => ().into_any(),
    })
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
fn practice_part(owner: Owner, nav: Navigation) -> Result<Live, NotDownloaded> {
    let bar = || view! { <RoutineBar /> }.into_any();
    let notice = || view! { <NightQuestion /> }.into_any();
    let confirm = |choice| view! { <LanguageConfirm choice /> }.into_any();
    let motion = |view| view! { <MotionOnMap view /> }.into_any();
    Ok(owner.with(|| crate::state::practice::begin(nav, bar, notice, confirm, motion)))
}

// Each language's first-screen words and content, one part per language,
// so that a reader downloads only their own; its words and text apart for
// the pages fetched later come with those pages. (English words for those
// pages are in their code.)

#[cfg_attr(
    foot_map_split,
    leptos::wasm_split::wasm_split(lang_en, wasm_split_path = ::leptos::wasm_split, fallible, preload(load_lang_en))
)]
fn lang_en() -> Result<(&'static str, &'static [u8]), NotDownloaded> {
    Ok((
        include_str!(concat!(env!("OUT_DIR"), "/text-en.txt")),
        include_bytes!(concat!(env!("OUT_DIR"), "/content.postcard")),
    ))
}

// Each other language's two parts, written by src/build.rs from
// `Language::ALL`, as is the code that fetches them below.
include!(concat!(env!("OUT_DIR"), "/language_parts.rs"));

/// Fetches `language`'s words and content and reads them from now on.
/// Call once, before anything is drawn or the content read.
pub async fn use_language(language: Language) -> Result<(), NotDownloaded> {
    let (texts, packed) = match language {
        Language::English => {
            let (texts, packed) = split_await!(lang_en())?;
            if !crate::text::use_packed(texts) {
                return Err(NotDownloaded);
            }
            crate::content::use_english(packed);
            return Ok(());
        }
        _ => include!(concat!(env!("OUT_DIR"), "/first_part.rs"))?,
    };
    if !crate::text::use_packed(texts) {
        return Err(NotDownloaded);
    }
    crate::content::use_packed(packed);
    language.begin();
    Ok(())
}

/// Fetches the words and text apart of the language in use which only
/// the pages fetched later show (English has them in their code).
pub async fn load_apart() -> Result<(), NotDownloaded> {
    let language = Language::in_use();
    if language == Language::English {
        return Ok(());
    }
    let (texts, apart) = include!(concat!(env!("OUT_DIR"), "/apart_part.rs"))?;
    crate::content::use_apart(apart);
    // (Given once; a page part loaded later finds them given already.)
    let _ = crate::text::use_later(texts);
    Ok(())
}

/// Downloads the code `route`'s page needs, unless it is here already (at
/// once, then): its part's, and the practice's if it needs it, side by
/// side, with the later pages' styles for the routines and the history.
/// Without the split there is no code to download.
pub async fn load(route: Route) -> Result<(), NotDownloaded> {
    let styles = async {
        if route.page().practice {
            styles::later().await;
        }
    };
    let apart = async {
        match route.code() {
            Some(_) => load_apart().await,
            None => Ok(()),
        }
    };
    // The safety note holds "What applies to me", which is saved: its
    // page needs the practice's code beside the reading part's.
    let practice = async {
        match route.code() {
            Some(Code::Reading) if route.page().practice => load_practice_code().await,
            _ => Ok(()),
        }
    };
    let (code, apart, (), practice) =
        futures::future::join4(load_part(route.code()), apart, styles, practice).await;
    code.and(apart).and(practice)
}

/// Downloads the code of `part`, and the practice's if it needs it; at
/// once when it is here already (a second call awaits the first's
/// download). The start calls it for the part the address will need (see
/// [`code_of_fragment`](crate::route::code_of_fragment)) beside
/// the reader's words, before the content that reads the address.
pub async fn load_part(part: Option<Code>) -> Result<(), NotDownloaded> {
    #[cfg(foot_map_split)]
    match part {
        Some(Code::Routines) => {
            try_join3(load_practice(), load_routines(), load_share_reader()).await?;
        }
        Some(Code::Details) => load_details().await?,
        Some(Code::Reading) => load_reading().await?,
        Some(Code::History) => {
            try_join(load_practice(), load_history()).await?;
        }
        None => {}
    }
    #[cfg(not(foot_map_split))]
    let _ = part;
    Ok(())
}

/// Downloads the practice's code, with the later pages' styles (its
/// routine bar and questions use them), for someone with saved data,
/// after the start.
async fn load_practice_code() -> Result<(), NotDownloaded> {
    #[cfg(foot_map_split)]
    let (code, apart, ()) = futures::future::join3(load_practice(), load_apart(), styles::later()).await;
    #[cfg(not(foot_map_split))]
    let ((), code, apart) = (
        styles::later().await,
        Ok::<(), NotDownloaded>(()),
        load_apart().await,
    );
    code?;
    apart
}

/// Calls a split point: `async` with the split (answered at once when its
/// code is here, as [`Nav`](crate::state::Nav) makes sure), a plain call without.
macro_rules! split_call {
    ($point:ident($($arg:expr),*)) => {{
        #[cfg(foot_map_split)]
        let called = crate::state::loading::now(std::pin::pin!($point($($arg),*))).unwrap_or(Err(NotDownloaded));
        #[cfg(not(foot_map_split))]
        let called = $point($($arg),*);
        called
    }};
}

/// Begins the person's practice, unless it has begun. Its code must be
/// here: [`load`] a page that needs it first.
fn begin_practice(practice: Practice, nav: Navigation) -> Result<(), NotDownloaded> {
    if practice.is_live() {
        return Ok(());
    }
    let live = split_call!(practice_part(practice.owner(), nav))?;
    practice.set_live(live);
    // The zones what applies to the person rules out are marked on the
    // map, which needs the cautions: they come with the text apart.
    if practice.needs_apart() {
        leptos::task::spawn_local(async move {
            if load_apart().await.is_ok() {
                practice.apart_arrived();
            }
        });
    }
    Ok(())
}

/// The routine a share link (`#share=…`) carries, or why it cannot be read.
/// The routines' code must be here: [`load`] [`Route::Shared`] first.
fn read_share(fragment: String) -> Result<Result<Shared, LinkError>, NotDownloaded> {
    split_call!(share_reader(fragment))
}

/// The page for `route`, which must be one with a [`part`], drawn at once.
/// [`Nav`](crate::state::Nav) shows a route only once [`load`] has its part's code here, so
/// the split point answers when first called; should it not, the page says
/// it could not be downloaded. (No `Suspend`: the main wasm then carries
/// none of the code that waits for one.)
pub fn page(route: Route) -> AnyView {
    let built = match route.code() {
        Some(Code::Routines) => split_call!(routines_page(route)),
        Some(Code::Details) => split_call!(details_page(route)),
        Some(Code::Reading) => split_call!(reading_page(route)),
        Some(Code::History) => split_call!(history_page(route)),
        None => Ok(().into_any()),
    };
    built.unwrap_or_else(|NotDownloaded| view! { <NotHere /> }.into_any())
}

/// In the panel, when a page's code could not be downloaded.
#[component]
fn NotHere() -> impl IntoView {
    view! {
        <div class="welcome" data-testid="part-missing">
            <h2>{get(key::PART_MISSING_TITLE)}</h2>
            <p>{get(key::PART_MISSING_TEXT)}</p>
        </div>
    }
}
