//! The pages the build writes, in each language: `index.es.html` beside
//! `index.html`, `safety.de.html` beside `safety.html`, and the zones'
//! details as `zone/left-heel.es.html`. Every one sits beside the English,
//! so the same relative URLs work under any sub-path, and each names the
//! others (`hreflang`) for search engines. Pure text work, tested natively.

use super::{inline_scripts, rewrite, whole_text};
use crate::language::{file_in, href_in, Language};
use crate::text::{and_list, fill, get, key, Key};
use lol_html::html_content::{ContentType, TextType};
use lol_html::{element, text};
use std::cell::{Cell, RefCell};

/// `text` for HTML, in an element or in a quoted attribute.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The texts of `index.html` outside the app, by key.
const PAGE_TEXTS: [Key; 6] = [
    key::HTML_TITLE,
    key::HTML_DESCRIPTION,
    key::HTML_LOADING,
    key::HTML_SLOW,
    key::HTML_FATAL_TITLE,
    key::HTML_FATAL_TEXT,
];

/// `page` (the built `index.html`, before the app is written into it) as
/// `file` in the language in use, whose code is `language`'s: its `lang`,
/// its title, description, messages and no-script note in that language,
/// its manifest the language's, and links to the same page in every
/// language (`hreflang`, the English as the default). `None` when the page
/// lacks a part this rewrites.
pub fn in_language(page: &str, file: &str, language: Language) -> Option<String> {
    let page = if language == Language::English {
        page.to_string()
    } else {
        without_redirect(&translated(page, language)?)?
    };
    let alternates: String = Language::ALL
        .into_iter()
        .map(|other| {
            let href = escape(&href_in(file, other));
            format!(
                "<link rel=\"alternate\" hreflang=\"{}\" href=\"{href}\">",
                other.code()
            )
        })
        .chain([format!(
            "<link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\">",
            escape(&href_in(file, Language::English))
        )])
        .collect();
    let note = no_script(language);
    let (noted, named) = (Cell::new(false), Cell::new(false));
    let page = rewrite(
        &page,
        vec![
            element!("noscript", |el| {
                el.set_inner_content(&note, ContentType::Html);
                noted.set(true);
                Ok(())
            }),
            // Before the first script: the redirect (`index.html`) reads
            // them to know the languages it may send a reader on to.
            element!("script", |el| {
                if !named.replace(true) {
                    el.before(&alternates, ContentType::Html);
                }
                Ok(())
            }),
        ],
    )?;
    (noted.get() && named.get()).then_some(page)
}

/// `page` in `language`: its `lang`, its manifest, and each of its texts
/// outside the app (in its text or in an attribute such as the
/// description's) in that language. `None` when a text is missing.
fn translated(page: &str, language: Language) -> Option<String> {
    let found = RefCell::new([false; PAGE_TEXTS.len()]);
    let (lang, manifest) = (Cell::new(false), Cell::new(false));
    let in_words = |text: &str| {
        let mut text = text.to_string();
        for (i, key) in PAGE_TEXTS.iter().enumerate() {
            if text.contains(key.english) {
                text = text.replace(key.english, &escape(get(*key)));
                found.borrow_mut()[i] = true;
            }
        }
        text
    };
    let piece = RefCell::new(String::new());
    let page = rewrite(
        page,
        vec![
            element!("html", |el| {
                el.set_attribute("lang", language.code())?;
                lang.set(true);
                Ok(())
            }),
            element!("link[rel=manifest]", |el| {
                el.set_attribute("href", &file_in("manifest.webmanifest", language))?;
                manifest.set(true);
                Ok(())
            }),
            element!("meta[content]", |el| {
                let content = el.get_attribute("content").unwrap_or_default();
                el.set_attribute("content", &in_words(&content))?;
                Ok(())
            }),
            // Not the scripts' code.
            text!("*", |chunk| {
                if matches!(chunk.text_type(), TextType::Data | TextType::RCData) {
                    whole_text(chunk, &piece, in_words);
                }
                Ok(())
            }),
        ],
    )?;
    let all = found.borrow().iter().all(|&found| found);
    (all && lang.get() && manifest.get()).then_some(page)
}

/// `page` without the script that sends a reader from an English address
/// to their language's page (the one that reads the language the reader
/// chose, `foot-map.language`; `index.html` says how): a page in a
/// language is where it sends them. `None` if the page has no such script.
pub fn without_redirect(page: &str) -> Option<String> {
    // Which script it is shows only in its text, which comes after the
    // element starts: found in one reading, left out in a second.
    let redirect = inline_scripts(page)?
        .iter()
        .position(|code| code.contains("foot-map.language"))?;
    let count = Cell::new(0);
    rewrite(
        page,
        vec![element!("script:not([src])", |el| {
            if count.replace(count.get() + 1) == redirect {
                el.remove();
            }
            Ok(())
        })],
    )
}

/// The note for a browser without JavaScript, linking the map and the
/// pages the build writes for reading without the app (those of
/// [`crate::route::PAGES`] with a `written` link), in `language`.
fn no_script(language: Language) -> String {
    let link = |file: &str, text: Key| {
        format!(
            "<a href=\"{}\">{}</a>",
            escape(&href_in(file, language)),
            escape(get(text))
        )
    };
    let pages: Vec<String> = super::text_pages()
        .map(|(file, _, written)| link(&file, written.link))
        .collect();
    let text = fill(
        key::HTML_NOSCRIPT,
        &[
            ("map_link", &link("index.html", key::HTML_NOSCRIPT_MAP_LINK)),
            ("pages", &and_list(&pages)),
        ],
    );
    format!("<p class=\"no-script\">{text}</p>")
}

/// The English manifest (`public/manifest.webmanifest`) in `language`: its
/// `lang`, names and descriptions translated, its start and shortcuts on
/// that language's first page. `None` when it lacks a text this translates.
pub fn manifest_in(manifest: &str, language: Language) -> Option<String> {
    let mut out = manifest.to_string();
    for text in [
        key::MANIFEST_NAME,
        key::MANIFEST_SHORT_NAME,
        key::MANIFEST_DESCRIPTION,
        key::MANIFEST_SHORTCUT_ROUTINES_NAME,
        key::MANIFEST_SHORTCUT_QUICK_NAME,
        key::MANIFEST_SHORTCUT_QUICK_SHORT,
        key::MANIFEST_SHORTCUT_RELAX_NAME,
        key::MANIFEST_SHORTCUT_RELAX_SHORT,
        key::MANIFEST_SHORTCUT_HISTORY_NAME,
        key::MANIFEST_SHORTCUT_HISTORY_SHORT,
        key::MANIFEST_SHORTCUT_ROUTINES_SHORT,
    ] {
        let english = format!("\"{}\"", text.english);
        // (Two texts may be the same in English: the first replaced both.)
        if !out.contains(&english) && !manifest.contains(&english) {
            return None;
        }
        let translated = get(text).replace('\\', "\\\\").replace('"', "\\\"");
        out = out.replace(&english, &format!("\"{translated}\""));
    }
    let lang = "\"lang\": \"en\"";
    if !out.contains(lang) {
        return None;
    }
    let first = href_in("index.html", language);
    Some(
        out.replace(lang, &format!("\"lang\": \"{}\"", language.code()))
            .replace("\"start_url\": \"./\"", &format!("\"start_url\": \"{first}\""))
            .replace("\"url\": \"./#", &format!("\"url\": \"{first}#")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_english_page_names_every_language_and_keeps_its_words() {
        let page = "<html lang=\"en\"><head><title>Foot Map – a self-massage guide</title><script>go()</script></head><body><noscript>old</noscript></body></html>";
        let out = in_language(page, "safety.html", Language::English).unwrap();
        assert!(out.starts_with(
            "<html lang=\"en\"><head><title>Foot Map – a self-massage guide</title><link rel=\"alternate\""
        ));
        for wanted in [
            r#"<link rel="alternate" hreflang="en" href="safety.html">"#,
            r#"<link rel="alternate" hreflang="es" href="safety.es.html">"#,
            r#"<link rel="alternate" hreflang="de" href="safety.de.html">"#,
            r#"<link rel="alternate" hreflang="fr" href="safety.fr.html">"#,
            r#"<link rel="alternate" hreflang="pt" href="safety.pt.html">"#,
            r#"<link rel="alternate" hreflang="x-default" href="safety.html">"#,
            r#"<a href="./">the map</a>"#,
            r#"<a href="routines.html">the routines</a>"#,
        ] {
            assert!(out.contains(wanted), "{wanted} in {out}");
        }
        assert!(!out.contains("old"));
        // A page without a part this rewrites is refused, not half done.
        assert_eq!(
            in_language("<html><head></head></html>", "index.html", Language::English),
            None
        );
    }

    #[test]
    fn a_page_in_another_language_has_its_lang_manifest_and_texts() {
        // (The texts are the language in use's: English in these tests.)
        let texts: Vec<&str> = PAGE_TEXTS.iter().map(|key| key.english).collect();
        let page = format!(
            "<!doctype html><html lang=en><meta charset=utf-8><meta name=description content=\"{}\"><title>{}</title><link rel=manifest href=manifest.webmanifest><script>var t = \"{}\";</script><script>localStorage.getItem(\"foot-map.language\")</script><noscript></noscript><div id=loading><p>{}</p></div><p id=slow>{}</p><div id=fatal><h2>{}</h2><p>{}</p></div>",
            texts[1], texts[0], texts[0], texts[2], texts[3], texts[4], texts[5]
        );
        let out = in_language(&page, "index.html", Language::Spanish).unwrap();
        for wanted in [
            r#"<html lang="es">"#,
            r#"<link rel=manifest href="manifest.es.webmanifest">"#,
            // A script's code is never taken for a text.
            &format!("<script>var t = \"{}\";</script>", texts[0]),
        ] {
            assert!(out.contains(wanted), "{wanted} in {out}");
        }
        assert!(
            !out.contains("foot-map.language"),
            "the redirect stays in English pages: {out}"
        );
        // Each text missing is a page refused.
        for text in &texts {
            let without = page.replacen(text, "", 1);
            assert_eq!(
                in_language(&without, "index.html", Language::Spanish),
                None,
                "{text}"
            );
        }
    }

    #[test]
    fn the_languages_are_named_before_the_redirect_reads_them() {
        let page = "<html lang=\"en\"><head><script>redirect()</script></head><body><noscript></noscript></body></html>";
        let out = in_language(page, "index.html", Language::English).unwrap();
        let links = out.find("hreflang=\"pt\"").unwrap();
        assert!(links < out.find("<script>").unwrap(), "{out}");
    }

    #[test]
    fn a_page_in_a_language_leaves_out_the_redirect_to_one() {
        let page = r#"<head><script>a()</script><script>if(x!==`en`)return;localStorage.getItem(`foot-map.language`)</script><script>b()</script></head>"#;
        assert_eq!(
            without_redirect(page).as_deref(),
            Some("<head><script>a()</script><script>b()</script></head>")
        );
        assert_eq!(without_redirect("<head><script>a()</script></head>"), None);
    }

    #[test]
    fn the_manifest_starts_on_its_languages_first_page() {
        let manifest = include_str!("../../public/manifest.webmanifest");
        assert_eq!(
            manifest_in(manifest, Language::English).as_deref(),
            Some(manifest)
        );
        assert!(manifest.contains("\"lang\": \"en\""));
        // A manifest without its language named is not written in another.
        let unnamed = manifest.replace("\"lang\": \"en\",", "");
        assert_eq!(manifest_in(&unnamed, Language::English), None);
    }
}
