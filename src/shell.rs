//! The page around the app (`index.html`): where the build writes the
//! pre-rendered first screen. Pure text work, tested natively; the
//! rendering itself is `src/prerender.rs`.

mod languages;

pub use languages::{escape, in_language, manifest_in, without_redirect};

use crate::text::{fill, key, Key};

/// `page` with its loading message (`<div id="loading">…</div>`, which
/// holds no other `div`) replaced by `app`, the first screen's markup.
/// `None` when the page has no loading message, or it was already
/// replaced.
pub fn insert(page: &str, app: &str) -> Option<String> {
    // Trunk's minifier may drop the quotes and reorder the attributes.
    let id = page.find("id=\"loading\"").or_else(|| page.find("id=loading"))?;
    let start = page[..id].rfind("<div")?;
    let end = start + page[start..].find("</div>")? + "</div>".len();
    Some(format!("{}{app}{}", &page[..start], &page[end..]))
}

/// Whether `page` names the built glue and wasm for `src/start.js` (the
/// element Trunk.toml's `pattern_script` writes): without it the app would
/// never start.
pub fn names_the_code(page: &str) -> bool {
    page.contains("id=\"app-code\"") || page.contains("id=app-code")
}

/// The pages of text that the build also writes as pages of their own
/// (`routines.html` and so on), so they can be read without the app and
/// found by search engines: file, the route's fragment, and title's key.
/// Those of [`crate::route::PAGES`] with a `written` title.
pub fn text_pages() -> impl Iterator<Item = (String, &'static str, Key)> {
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
    let page = later_styles_on(&insert(page, app)?)?;
    let wrapper = page
        .find("id=\"prerendered\"")
        .map(|at| (at, "id=\"prerendered\"".len()))
        .or_else(|| page.find("id=prerendered").map(|at| (at, "id=prerendered".len())))?;
    let marked = format!(
        "{} data-page=\"{fragment}\"{}",
        &page[..wrapper.0 + wrapper.1],
        &page[wrapper.0 + wrapper.1..]
    );
    let open = marked.find("<title>")? + "<title>".len();
    let close = open + marked[open..].find("</title>")?;
    let titled = fill(
        key::SHELL_PAGE_TITLE,
        &[("page", &title), ("site_title", &&marked[open..close])],
    );
    Some(format!("{}{titled}{}", &marked[..open], &marked[close..]))
}

/// `page` with the later pages' stylesheet (`<link … id="later-styles"
/// disabled>`, see `src/browser/styles.rs`) switched on. `None` when the
/// page has no such link.
pub fn later_styles_on(page: &str) -> Option<String> {
    let id = page
        .find("id=\"later-styles\"")
        .or_else(|| page.find("id=later-styles"))?;
    let start = page[..id].rfind("<link")?;
    let end = start + page[start..].find('>')?;
    let link = page[start..end]
        .split_inclusive(' ')
        .filter(|word| {
            let word = word.trim_end().trim_end_matches('/');
            !matches!(word, "disabled" | "disabled=\"\"" | "disabled=\"disabled\"")
        })
        .collect::<String>();
    Some(format!("{}{}{}", &page[..start], link.trim_end(), &page[end..]))
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
            text_page(page, "SAFETY", "safety", "Safety").as_deref(),
            Some("<head><title>Safety – Foot Map – a guide</title><link href=./later-1.css id=later-styles rel=stylesheet></head><body><div id=prerendered data-page=\"safety\">SAFETY</div></body>")
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
        let on = "<link href=./l.css id=later-styles rel=stylesheet>";
        for page in [
            "<link disabled href=./l.css id=later-styles rel=stylesheet>",
            "<link href=./l.css id=later-styles disabled rel=stylesheet>",
            "<link href=./l.css id=later-styles rel=stylesheet disabled>",
        ] {
            assert_eq!(later_styles_on(page).as_deref(), Some(on), "{page}");
        }
        assert_eq!(
            later_styles_on(r#"<p>x</p><link rel="stylesheet" href="l.css" id="later-styles" disabled=""/>"#)
                .as_deref(),
            // (a void element needs no closing slash)
            Some(r#"<p>x</p><link rel="stylesheet" href="l.css" id="later-styles">"#)
        );
        // Another link keeps its own attributes; a page without it has nothing to switch on.
        assert_eq!(
            later_styles_on("<link disabled id=x><link disabled id=later-styles>").as_deref(),
            Some("<link disabled id=x><link id=later-styles>")
        );
        assert_eq!(later_styles_on("<link disabled id=x>"), None);
    }

    #[test]
    fn the_page_must_name_the_code_to_start() {
        assert!(names_the_code(
            r#"<head><link id="app-code" rel="modulepreload" href="./a.js" data-wasm="./a_bg.wasm"></head>"#
        ));
        // As Trunk's minifier writes it.
        assert!(names_the_code(
            "<link data-wasm=./a_bg.wasm href=./a.js id=app-code rel=modulepreload>"
        ));
        assert!(!names_the_code(
            "<script type=module>import init from './a.js';</script>"
        ));
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
