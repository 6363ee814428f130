//! The app's content: zones, techniques, claims, evidence, safety, advice and
//! routines. Written by people in the TOML files beside this module, checked
//! against the types and packed by `src/build.rs`, and read here with serde.
//! Nothing in this module touches the browser, so native tests check it.

mod types;
mod validate;

pub use types::*;
pub use validate::problems;

use crate::text::{fill, get, key};
use std::sync::OnceLock;

/// Every content file, packed by `src/build.rs`: what the map shows, and
/// apart from it the text only other pages show ([`Apart`]). In the hosted
/// build the English map content is a split part of its own, like every
/// language's ([`use_packed`]), so that no reader downloads another
/// language's; elsewhere (the development server, the pre-render, the
/// native tests) it is here.
#[cfg(not(foot_map_split))]
const PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/content.postcard"));
#[cfg(foot_map_split)]
const PACKED: &[u8] = &[];
const APART: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/apart.postcard"));

/// The decoder's own message is left out: its text would ship in every build.
const BROKEN: &str = "The built-in content could not be read: the build is broken.";

/// Decodes the content the map shows. It was checked against the same types
/// when it was packed, so this fails only if the build itself went wrong.
/// In the language in use: the copy [`use_packed`] gave, else the English.
pub fn parse() -> Result<Content, String> {
    let packed = LANGUAGE.get().or(ENGLISH.get()).copied().unwrap_or(PACKED);
    postcard::from_bytes(packed).map_err(|_| BROKEN.to_string())
}

/// Decodes all the content: what the map shows, with the text apart put
/// back, in the language in use. Another language's text apart must have
/// been given ([`use_apart`]) first: its code fetches it with theirs.
pub fn parse_whole() -> Result<Whole, String> {
    let mut content = parse()?;
    let apart = match LANGUAGE.get() {
        None => APART,
        Some(_) => APART_IN_LANGUAGE
            .get()
            .copied()
            .ok_or_else(|| BROKEN.to_string())?,
    };
    content.put_back(postcard::from_bytes(apart).map_err(|_| BROKEN.to_string())?);
    Ok(Whole(content))
}

/// Another language's content, as `src/build.rs` packed it
/// (`content-<code>.postcard`), when one is in use.
static LANGUAGE: OnceLock<&'static [u8]> = OnceLock::new();
static APART_IN_LANGUAGE: OnceLock<&'static [u8]> = OnceLock::new();
/// The English content, from its split part (see [`PACKED`]).
static ENGLISH: OnceLock<&'static [u8]> = OnceLock::new();

/// Reads the English content from `packed` (`content.postcard`, as its
/// split part holds it). Once per page, before anything reads the content.
pub fn use_english(packed: &'static [u8]) {
    let _ = ENGLISH.set(packed);
}

/// Reads the content from `packed` (a language's `content-<code>.postcard`)
/// from now on, in place of the English.
/// Once per page, before anything reads the content: the language is
/// chosen first, and the build checked every language's copy against the
/// same types.
pub fn use_packed(packed: &'static [u8]) {
    let _ = LANGUAGE.set(packed);
}

/// The language's text apart (`apart-<code>.postcard`), for [`whole`].
pub fn use_apart(apart: &'static [u8]) {
    let _ = APART_IN_LANGUAGE.set(apart);
}

/// All the content, with the text the map's copy leaves out ([`Apart`])
/// put back. A type of its own, so that code which needs that text (a
/// routine's steps, a source's finding, the safety note) asks for it by
/// type and cannot be handed the map's copy, whose fields for it are
/// empty. It reads as [`Content`] everywhere else.
#[derive(Debug)]
pub struct Whole(Content);

impl std::ops::Deref for Whole {
    type Target = Content;

    fn deref(&self) -> &Content {
        &self.0
    }
}

/// The content the map shows, parsed once: every zone, technique, claim,
/// label, source, caution and routine, with the text in [`Apart`] left
/// empty. The map, the zones' details and the links use this.
pub fn content() -> &'static Content {
    static CONTENT: OnceLock<Content> = OnceLock::new();
    CONTENT.get_or_init(|| parse().unwrap_or_else(|message| panic!("{message}")))
}

/// Whether [`whole`] can be read now: always in English and without the
/// split; in another language once its text apart has been given.
pub fn whole_ready() -> bool {
    LANGUAGE.get().is_none() || APART_IN_LANGUAGE.get().is_some()
}

/// All the content, parsed once. Only the routines and the pages of reading
/// call this, so the text it adds travels in their part of the wasm, not in
/// the first download.
pub fn whole() -> &'static Whole {
    static WHOLE: OnceLock<Whole> = OnceLock::new();
    WHOLE.get_or_init(|| parse_whole().unwrap_or_else(|message| panic!("{message}")))
}

impl Source {
    /// A short citation: "Ernst E, 2009, Med J Aust"; several authors
    /// become "Wang W-L et al." (as does "Seever TC, et al."), and two
    /// become "Oleson T and Flocco W".
    pub fn short(&self) -> String {
        fill(
            key::SOURCES_SHORT,
            &[
                ("authors", &self.who()),
                ("year", &self.year),
                ("journal", &self.journal),
            ],
        )
    }

    /// The authors as a short citation names them: "Ernst E",
    /// "Wang W-L et al.", "Oleson T and Flocco W".
    pub fn who(&self) -> String {
        let authors: Vec<&str> = self.authors.split(", ").collect();
        match authors.as_slice() {
            [one] => one.to_string(),
            [first, "et al."] => fill(key::SOURCES_MANY_AUTHORS, &[("first", first)]),
            [a, b] => fill(key::SOURCES_TWO_AUTHORS, &[("first", a), ("second", b)]),
            [first, ..] => fill(key::SOURCES_MANY_AUTHORS, &[("first", first)]),
            [] => String::new(),
        }
    }
}

// The names of the content's kinds, from `src/text/`. Here rather than in
// `types.rs`, which `src/build.rs` includes without the texts.

impl View {
    /// The name shown above the view's drawing and read out for it.
    pub fn title(self) -> &'static str {
        get(match self {
            View::Sole => key::VIEW_SOLE,
            View::Top => key::VIEW_TOP,
            View::Inner => key::VIEW_INNER,
            View::Outer => key::VIEW_OUTER,
        })
    }

    /// The name on the view's tab, where space is short.
    pub fn short_title(self) -> &'static str {
        get(match self {
            View::Sole => key::VIEW_SOLE_SHORT,
            View::Top => key::VIEW_TOP_SHORT,
            View::Inner => key::VIEW_INNER_SHORT,
            View::Outer => key::VIEW_OUTER_SHORT,
        })
    }
}

impl Pressure {
    /// The words shown to the reader: "Light pressure".
    pub fn label(self) -> &'static str {
        get(match self {
            Pressure::Light => key::PRESSURE_LIGHT,
            Pressure::Medium => key::PRESSURE_MEDIUM,
            Pressure::Firm => key::PRESSURE_FIRM,
        })
    }
}

impl Basis {
    /// How the basis is named wherever a claim meets a zone.
    pub fn label(self) -> &'static str {
        get(match self {
            Basis::Massage => key::BASIS_MASSAGE,
            Basis::Chart => key::BASIS_CHART,
        })
    }
}

impl Side {
    /// "Left" or "Right".
    pub fn title(self) -> &'static str {
        get(match self {
            Side::Left => key::SIDE_LEFT,
            Side::Right => key::SIDE_RIGHT,
        })
    }
}

impl Claim {
    /// The link that ties this claim to a zone, if any.
    pub fn link_for(&self, zone: &str) -> Option<&ZoneLink> {
        self.links.iter().find(|l| l.zones.iter().any(|z| z == zone))
    }

    /// Whether the claim is tied to this zone.
    pub fn covers(&self, zone: &str) -> bool {
        self.link_for(zone).is_some()
    }
}

impl Content {
    /// Whether a routine works the legs: any of its steps is on a zone
    /// whose part is the leg. The quick check before it depends on this.
    pub fn works_legs(&self, routine: &Routine) -> bool {
        routine
            .steps
            .iter()
            .any(|step| self.zone(&step.zone).is_some_and(|z| z.part == Part::Leg))
    }

    /// The sources with these ids, in that order.
    pub fn sources_for<'a>(&'a self, ids: &'a [String]) -> impl Iterator<Item = &'a Source> + 'a {
        ids.iter().filter_map(|id| self.source(id))
    }

    /// The zone with this id.
    pub fn zone(&self, id: &str) -> Option<&Zone> {
        self.zones.iter().find(|z| z.id == id)
    }

    /// The routine with this id (its steps are in [`whole`] only).
    pub fn routine(&self, id: &str) -> Option<&Routine> {
        self.routines.iter().find(|r| r.id == id)
    }

    /// The technique with this id.
    pub fn technique(&self, id: &str) -> Option<&Technique> {
        self.techniques.iter().find(|t| t.id == id)
    }

    /// The evidence label with this id.
    pub fn label(&self, id: &str) -> Option<&Label> {
        self.labels.iter().find(|l| l.id == id)
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The claims made for a zone, best-supported first. Labels are kept
    /// in rank order (a content rule), so walking them sorts the claims.
    pub fn claims_for(&self, zone: &str) -> Vec<&Claim> {
        self.labels
            .iter()
            .flat_map(|label| self.claims.iter().filter(move |c| c.evidence == label.id))
            .filter(|c| c.covers(zone))
            .collect()
    }

    /// The cautions for a zone: those written for it and the general ones,
    /// which reach every zone. The "do not massage" ones come first, and
    /// within each kind those written for the zone before the general ones.
    pub fn cautions_for(&self, zone: &str) -> Vec<&Caution> {
        // Four passes in that order rather than a sort: a stable sort's
        // code would be most of 1 KB of the first download.
        [
            (Severity::Stop, false),
            (Severity::Stop, true),
            (Severity::Care, false),
            (Severity::Care, true),
        ]
        .into_iter()
        .flat_map(|(severity, general)| {
            self.cautions
                .iter()
                .filter(move |c| c.severity == severity && c.zones.is_empty() == general && c.reaches(zone))
        })
        .collect()
    }
}

impl Caution {
    /// Whether a zone's details show it: a general caution (no zones
    /// listed) reaches every zone.
    pub fn reaches(&self, zone: &str) -> bool {
        self.zones.is_empty() || self.zones.iter().any(|z| z == zone)
    }
}
