//! A sentence of the app's own words with links (or bold words) inside
//! it: the text comes whole from `src/text/`, so that each language can
//! put the link where its grammar wants it, and each `{name}` in it is
//! replaced by the inset of that name.

use crate::text::{pieces, Piece};
use leptos::prelude::*;

/// What a placeholder in a sentence becomes.
pub(crate) enum Inset {
    /// A link: `<a href=href class=class>text</a>`.
    Link {
        href: String,
        class: Option<&'static str>,
        text: String,
    },
    /// Words in bold.
    Strong(String),
    /// Plain words (a number, a duration).
    Plain(String),
    /// Words left in English whatever the page's language (a journal's
    /// published name), marked so for voices and translators.
    English(String),
    /// Anything already drawn (a list of citations).
    Views(Vec<AnyView>),
}

impl Inset {
    /// A link with no class.
    pub(crate) fn link(href: impl Into<String>, text: impl Into<String>) -> Self {
        Inset::Link {
            href: href.into(),
            class: None,
            text: text.into(),
        }
    }
}

/// `text` with each `{name}` replaced by the inset named so in `insets`
/// (each inset once, in order: a name said twice needs two); a
/// placeholder with no inset left stays as written.
pub(crate) fn rich(text: &str, insets: Vec<(&'static str, Inset)>) -> Vec<AnyView> {
    let mut insets: Vec<(&'static str, Option<Inset>)> = insets
        .into_iter()
        .map(|(name, inset)| (name, Some(inset)))
        .collect();
    pieces(text)
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(text) => text.to_string().into_any(),
            Piece::Slot(name) => {
                match insets
                    .iter_mut()
                    .find(|(n, i)| *n == name && i.is_some())
                    .and_then(|(_, i)| i.take())
                {
                    Some(Inset::Link { href, class, text }) => {
                        view! { <a href=href class=class>{text}</a> }.into_any()
                    }
                    Some(Inset::Strong(text)) => view! { <strong>{text}</strong> }.into_any(),
                    Some(Inset::Plain(text)) => text.into_any(),
                    Some(Inset::English(text)) => view! { <span lang="en">{text}</span> }.into_any(),
                    Some(Inset::Views(views)) => views.into_any(),
                    None => format!("{{{name}}}").into_any(),
                }
            }
        })
        .collect()
}
