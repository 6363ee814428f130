//! Entry point: mounts the app in place of the first screen that the build
//! pre-rendered into `index.html` (the same markup, so nothing moves), and
//! removes the message shown if loading stalls. A panic is shown to the reader by `index.html` itself: it
//! ends the wasm with a trap, which the page catches.

// The app's deepest view types need more than the default depth (see lib.rs).
#![recursion_limit = "256"]

use leptos::prelude::*;

fn main() {
    // Panic messages in the console. The hosted build (`.ci/build`) has no
    // panic messages to print: a panic stops the wasm at once.
    #[cfg(not(panic = "immediate-abort"))]
    console_error_panic_hook::set_once();
    open_text_page();
    // The reader's language is chosen first, and its words and content
    // fetched (a part of the wasm for each language); beside them, a page
    // whose code is fetched when first opened (a zone tapped before the
    // start, a page of text, a link to a routine) has it fetched before the
    // app replaces the pre-rendered markup, so that nothing blanks while it
    // arrives. If either cannot be, the app starts all the same (in
    // English, or saying the page is missing). Without even the English
    // content there is no map to draw: the page's error message shows.
    let language = foot_map::browser::language::for_reader();
    let mut load = Box::pin(async move {
        let english = foot_map::language::Language::English;
        // The page's code is fetched beside the words, its part guessed
        // from the address's shape (the content that checks the address
        // comes with the words); `load` below then finds it here, or awaits
        // the same download.
        let hash = foot_map::browser::location::hash();
        let guess = foot_map::route::code_of_fragment(&hash);
        let (words, _) = futures::future::join(
            foot_map::split_points::use_language(language),
            foot_map::split_points::load_part(guess),
        )
        .await;
        let language = match words {
            Ok(()) => language,
            Err(_) if language != english => {
                // (The page then says so, in English, naming the language.)
                language.mark_missing();
                let _ = foot_map::split_points::use_language(english).await;
                english
            }
            Err(_) => english,
        };
        foot_map::browser::language::mark_page(language);
        let route = if foot_map::share::is_link(&hash) {
            foot_map::route::Route::Shared
        } else {
            foot_map::route::parse(&hash, foot_map::content::content()).unwrap_or_default()
        };
        let _ = foot_map::split_points::load(route).await;
    });
    if foot_map::state::loading::now(load.as_mut()).is_some() {
        start();
    } else {
        // (Leptos's own executor is set up by the mount, not yet.)
        wasm_bindgen_futures::spawn_local(async move {
            load.await;
            start();
        });
    }
}

fn start() {
    mount_to_body(foot_map::app::App);
    // In the same task as the mount, so the browser never paints both.
    for id in ["prerendered", "slow"] {
        foot_map::browser::remove_element(id);
    }
    foot_map::browser::offline::register();
    // The map is drawn and clickable now; the load benchmark reads this mark.
    foot_map::browser::mark("map-ready");
}

/// A page of text the build wrote as a file of its own (`safety.html`,
/// marked `data-page="safety"`) shows the same page when the app starts
/// there: its route goes into the fragment, where the app reads routes.
fn open_text_page() {
    let Some(page) = foot_map::browser::attribute_of("prerendered", "data-page") else {
        return;
    };
    if foot_map::browser::location::hash().len() <= 1 {
        foot_map::browser::location::replace(&page);
    }
}
