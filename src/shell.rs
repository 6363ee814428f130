//! The page around the app (`index.html`): where the build writes the
//! pre-rendered first screen. Pure text work, tested natively; the
//! rendering itself is `src/prerender.rs`.

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
