//! The page around the app (`index.html`) as the build finishes it: the
//! one place that edits the built pages, by parsing them (with lol_html,
//! the HTML rewriter Trunk itself uses), never by matching strings. Here:
//! the page Trunk builds from `index.html` (without the app's code, which
//! `.ci/split` builds), the built code named for `src/start.js`, the
//! pre-rendered first screen, the pages of text; `languages.rs` puts a page
//! in a language, `policy.rs` writes its Content Security Policy last.
//! Tested natively; the rendering itself is `src/prerender.rs`, which runs
//! these on the files. Native only: the app never needs them.

mod languages;
mod policy;

pub use languages::{escape, in_language, manifest_in, without_redirect};
pub use policy::protect;

use crate::route::Written;
use crate::text::{fill, key};
use lol_html::html_content::{ContentType, TextChunk};
use lol_html::{element, text, ElementContentHandlers, RewriteStrSettings, Selector};
use std::borrow::Cow;
use std::cell::{Cell, RefCell};

/// Handlers, each for the elements a CSS selector matches.
type Handlers<'h> = Vec<(Cow<'static, Selector>, ElementContentHandlers<'h>)>;

/// `page` rewritten by `handlers`; `None` when the parser cannot read it.
fn rewrite(page: &str, handlers: Handlers<'_>) -> Option<String> {
    lol_html::rewrite_str(
        page,
        RewriteStrSettings {
            element_content_handlers: handlers,
            ..RewriteStrSettings::new()
        },
    )
    .ok()
}

/// For a text handler, a text that may come in pieces: each piece goes
/// into `whole` and is taken out, and the whole, rewritten `with`, is
/// written in place of the last.
fn whole_text(chunk: &mut TextChunk, whole: &RefCell<String>, with: impl FnOnce(&str) -> String) {
    whole.borrow_mut().push_str(chunk.as_str());
    if chunk.last_in_text_node() {
        let text = std::mem::take(&mut *whole.borrow_mut());
        chunk.replace(&with(&text), ContentType::Html);
    } else {
        chunk.remove();
    }
}

/// The text of each script written in `page` (not those it loads), in
/// order.
fn inline_scripts(page: &str) -> Option<Vec<String>> {
    let scripts = RefCell::new(Vec::new());
    rewrite(
        page,
        vec![
            element!("script:not([src])", |_| {
                scripts.borrow_mut().push(String::new());
                Ok(())
            }),
            text!("script:not([src])", |chunk| {
                if let Some(last) = scripts.borrow_mut().last_mut() {
                    last.push_str(chunk.as_str());
                }
                Ok(())
            }),
        ],
    )?;
    Some(scripts.into_inner())
}

/// `index.html` as Trunk builds it for the release (`.ci/build`): the
/// link that has Trunk compile the app (`<link data-trunk rel="rust" …>`,
/// which `trunk serve` keeps using) becomes the element that names the
/// code for `src/start.js`, left empty for [`name_the_code`]: the release
/// build compiles the wasm itself, and `.ci/split` runs wasm-bindgen on it
/// once. The paths of Trunk's other assets lead back through `root`, the
/// folder of `index.html` as seen from this page's (`../..`), since this
/// page is written elsewhere.
/// `None` when there is no such link.
pub fn for_trunk(index: &str, root: &str) -> Option<String> {
    let found = Cell::new(false);
    let rebased = |value: String| format!("{}/{value}", root.trim_end_matches('/'));
    let page = rewrite(
        index,
        vec![
            element!("link[data-trunk][rel=rust]", |el| {
                el.replace(r#"<link id="app-code" rel="modulepreload">"#, ContentType::Html);
                found.set(true);
                Ok(())
            }),
            element!("[data-trunk][href]", |el| {
                let href = el.get_attribute("href").unwrap_or_default();
                el.set_attribute("href", &rebased(href))?;
                Ok(())
            }),
            element!("[data-trunk][src]", |el| {
                let src = el.get_attribute("src").unwrap_or_default();
                el.set_attribute("src", &rebased(src))?;
                Ok(())
            }),
        ],
    )?;
    found.get().then_some(page)
}

/// The built files `.ci/split` wrote: the glue, the main wasm and the
/// split loader, each named relative to the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Code {
    pub glue: String,
    pub wasm: String,
    pub loader: String,
}

/// `page` naming the built `code` for `src/start.js` in its empty
/// `<link id="app-code">` ([`for_trunk`]): the glue preloaded, the wasm
/// named (fetched once the first screen is painted), and the split loader
/// preloaded beside it, since the glue imports it and the first tap would
/// otherwise wait a round trip more. `None` when the page has no such
/// element, or it already names the code.
pub fn name_the_code(page: &str, code: &Code) -> Option<String> {
    let found = Cell::new(false);
    let page = rewrite(
        page,
        vec![element!("link#app-code", |el| {
            if el.has_attribute("href") {
                return Ok(());
            }
            el.set_attribute("href", &format!("./{}", code.glue))?;
            el.set_attribute("data-wasm", &format!("./{}", code.wasm))?;
            el.after(
                &format!(r#"<link rel="modulepreload" href="./{}">"#, escape(&code.loader)),
                ContentType::Html,
            );
            found.set(true);
            Ok(())
        })],
    )?;
    found.get().then_some(page)
}

/// `page` with its loading message (`<div id="loading">…</div>`) replaced
/// by `app`, the first screen's markup. `None` when the page has no
/// loading message, or it was already replaced.
pub fn insert(page: &str, app: &str) -> Option<String> {
    let found = Cell::new(false);
    let page = rewrite(page, vec![loading_replaced(app, &found)])?;
    found.get().then_some(page)
}

/// The handler that puts `app` in place of the loading message, noting it
/// in `found`.
fn loading_replaced<'h>(
    app: &'h str,
    found: &'h Cell<bool>,
) -> (Cow<'static, Selector>, ElementContentHandlers<'h>) {
    element!("#loading", move |el| {
        el.replace(app, ContentType::Html);
        found.set(true);
        Ok(())
    })
}

/// The pages of text that the build also writes as pages of their own
/// (`routines.html` and so on), so they can be read without the app and
/// found by search engines: file, the route's fragment, and its title's
/// and link's keys. Those of [`crate::route::PAGES`] that are `written`.
pub fn text_pages() -> impl Iterator<Item = (String, &'static str, Written)> {
    crate::route::PAGES
        .iter()
        .filter_map(|page| Some((format!("{}.html", page.fragment), page.fragment, page.written?)))
}

/// `page` (the built `index.html`, before [`insert`]) as the page of text
/// whose route's fragment is `fragment`: `app` in place of the loading
/// message, marked with `data-page` so that the app, when it starts there,
/// shows the same page, `title` first in the `<title>`, and the later
/// pages' styles switched on (the routines page is one of them).
pub fn text_page(page: &str, app: &str, fragment: &str, title: &str) -> Option<String> {
    let (replaced, marked, styles) = (Cell::new(false), Cell::new(false), Cell::new(false));
    let site_title = RefCell::new(String::new());
    let page = rewrite(
        page,
        vec![
            loading_replaced(app, &replaced),
            element!("#prerendered", |el| {
                el.set_attribute("data-page", fragment)?;
                marked.set(true);
                Ok(())
            }),
            later_styles_switched_on(&styles),
            text!("title", |chunk| {
                whole_text(chunk, &site_title, |site_title| {
                    fill(
                        key::SHELL_PAGE_TITLE,
                        &[("page", &escape(title)), ("site_title", &site_title)],
                    )
                });
                Ok(())
            }),
        ],
    )?;
    (replaced.get() && marked.get() && styles.get()).then_some(page)
}

/// `page` with the later pages' stylesheet (`<link … id="later-styles"
/// disabled>`, see `src/browser/styles.rs`) switched on. `None` when the
/// page has no such link.
pub fn later_styles_on(page: &str) -> Option<String> {
    let found = Cell::new(false);
    let page = rewrite(page, vec![later_styles_switched_on(&found)])?;
    found.get().then_some(page)
}

/// The handler that switches the later pages' stylesheet on, noting it in
/// `found`.
fn later_styles_switched_on(found: &Cell<bool>) -> (Cow<'static, Selector>, ElementContentHandlers<'_>) {
    element!("link#later-styles", move |el| {
        el.remove_attribute("disabled");
        found.set(true);
        Ok(())
    })
}

/// The folder, beside `index.html`, of each zone's details as the panel
/// shows them (`zone/left-heel.html`): the pre-start script in
/// `index.html` fetches the one for a zone tapped before the app has
/// started and shows it at once, so a first tap is answered without the
/// wasm. Fragments, not pages: the app itself renders them at build time.
pub const ZONE_DIR: &str = "zone";

/// What the details panel (`<aside id="details" …>`, which holds no other
/// `aside`) contains in `app`, the app's rendered markup. `None` when
/// there is no such panel.
pub fn panel_contents(app: &str) -> Option<&str> {
    let id = app.find("id=\"details\"")?;
    let start = app[..id].rfind("<aside")?;
    let open = start + app[start..].find('>')? + 1;
    let close = open + app[open..].find("</aside>")?;
    Some(&app[open..close])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_page_is_marked_with_its_route_and_titled() {
        let page = "<head><title>Foot Map – a guide</title><link disabled href=./later-1.css id=later-styles rel=stylesheet></head><body><div id=prerendered><div id=loading>…</div></div></body>";
        assert_eq!(
            text_page(page, "SAFETY", "safety", "Safety & care").as_deref(),
            Some("<head><title>Safety &amp; care – Foot Map – a guide</title><link href=./later-1.css id=later-styles rel=stylesheet></head><body><div id=prerendered data-page=\"safety\">SAFETY</div></body>")
        );
        // A page missing a part it rewrites is refused, not half done.
        assert_eq!(
            text_page("<title>x</title><div id=loading></div>", "A", "safety", "S"),
            None
        );
        // Every text page is a route the app knows, by the same fragment.
        assert_eq!(text_pages().count(), 4);
        for (file, fragment, _) in text_pages() {
            assert_eq!(file, format!("{fragment}.html"));
            let route = crate::route::read(&format!("#{fragment}"), crate::content::content());
            let (route, _) = route.unwrap_or_else(|e| panic!("{fragment}: {e:?}"));
            assert_eq!(crate::route::fragment(route), fragment);
        }
    }

    #[test]
    fn the_later_styles_are_switched_on_wherever_disabled_stands() {
        for (page, on) in [
            (
                "<link disabled href=./l.css id=later-styles rel=stylesheet>",
                "<link href=./l.css id=later-styles rel=stylesheet>",
            ),
            (
                "<link href=./l.css id=later-styles disabled rel=stylesheet>",
                "<link href=./l.css id=later-styles rel=stylesheet>",
            ),
            (
                "<link href=./l.css id=later-styles rel=stylesheet disabled>",
                "<link href=./l.css id=later-styles rel=stylesheet>",
            ),
            (
                r#"<link href='./l.css' id="later-styles" disabled="" />"#,
                r#"<link href='./l.css' id="later-styles" />"#,
            ),
        ] {
            assert_eq!(later_styles_on(page).as_deref(), Some(on), "{page}");
        }
        // Another link keeps its own attributes; a page without it has nothing to switch on.
        let out = later_styles_on("<link disabled id=x><link disabled id=later-styles>").unwrap();
        assert!(out.starts_with("<link disabled id=x>"), "{out}");
        assert!(!out.ends_with("disabled id=later-styles>"), "{out}");
        assert_eq!(later_styles_on("<link disabled id=x>"), None);
        // Nor is a word in a text taken for the link.
        assert_eq!(later_styles_on("<p>id=later-styles disabled</p>"), None);
    }

    #[test]
    fn trunk_builds_the_page_without_the_apps_code_which_is_named_later() {
        let index = r#"<head><link data-trunk rel="css" href="style/main.css" /><link rel="icon" href="favicon.svg"><link data-trunk rel="rust" data-bin="foot-map" /><script data-trunk src="src/start.js" defer></script></head>"#;
        let page = for_trunk(index, "../..").unwrap();
        assert!(!page.contains("rel=\"rust\""), "{page}");
        for wanted in [
            r#"href="../../style/main.css""#,
            r#"src="../../src/start.js""#,
            // Not Trunk's: left as it is.
            r#"<link rel="icon" href="favicon.svg">"#,
            r#"<link id="app-code" rel="modulepreload">"#,
        ] {
            assert!(page.contains(wanted), "{wanted} in {page}");
        }
        assert_eq!(for_trunk("<head></head>", "/"), None);

        let code = Code {
            glue: "foot-map-1.js".into(),
            wasm: "foot-map-1_bg.wasm".into(),
            loader: "__wasm_split-1.js".into(),
        };
        // As Trunk's minifier writes it.
        let named = name_the_code(
            "<link id=app-code rel=modulepreload><script defer src=./start-2.js></script>",
            &code,
        )
        .unwrap();
        assert_eq!(
            named,
            r#"<link id=app-code rel=modulepreload href="./foot-map-1.js" data-wasm="./foot-map-1_bg.wasm"><link rel="modulepreload" href="./__wasm_split-1.js"><script defer src=./start-2.js></script>"#
        );
        // Named once; a page with no such element cannot start the app.
        assert_eq!(name_the_code(&named, &code), None);
        assert_eq!(
            name_the_code("<script type=module>import init from './a.js';</script>", &code),
            None
        );
    }

    #[test]
    fn the_loading_message_is_replaced_by_the_app() {
        let page = r#"<body><div id="prerendered"><div id="loading" class="loading"><p>Loading…</p></div></div><div id="fatal"></div></body>"#;
        let out = insert(page, "<div class=\"app\">map</div>").unwrap();
        assert_eq!(
            out,
            r#"<body><div id="prerendered"><div class="app">map</div></div><div id="fatal"></div></body>"#
        );
        // Done once: a second run finds nothing to replace.
        assert_eq!(insert(&out, "x"), None);
    }

    #[test]
    fn a_minified_page_is_understood() {
        // (Optional end tags left out, as the minifier writes them.)
        let page = "<body><div id=prerendered><div class=loading id=loading><p>Loading…</div></div>";
        assert_eq!(
            insert(page, "APP").as_deref(),
            Some("<body><div id=prerendered>APP</div>")
        );
    }

    #[test]
    fn the_details_panels_contents_are_found_in_the_apps_markup() {
        let app = r#"<div class="app"><main><svg></svg><aside id="details" class="panel" tabindex="0"><p>Left heel selected</p><article>HOW</article></aside></main><footer></footer></div>"#;
        assert_eq!(
            panel_contents(app),
            Some("<p>Left heel selected</p><article>HOW</article>")
        );
        assert_eq!(
            panel_contents("<div class=\"app\"><aside class=\"other\"></aside></div>"),
            None
        );
        assert_eq!(panel_contents("<aside id=\"details\">unclosed"), None);
    }
}
