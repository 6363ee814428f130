//! The app's content: zones, techniques, claims, evidence, safety, advice and
//! routines. Written by people in the TOML files beside this module, checked
//! against the types and packed by `build.rs`, and read here with serde.
//! Nothing in this module touches the browser, so native tests check it.

mod types;
mod validate;

pub use types::*;
pub use validate::problems;

use std::sync::OnceLock;

/// Every content file, packed by `build.rs`.
const PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/content.postcard"));

/// Decodes the built-in content. It was checked against the same types when
/// it was packed, so this fails only if the build itself went wrong.
pub fn parse() -> Result<Content, String> {
    postcard::from_bytes(PACKED).map_err(|e| format!("The built-in content could not be read: {e}"))
}

/// The built-in content, parsed once.
pub fn content() -> &'static Content {
    static CONTENT: OnceLock<Content> = OnceLock::new();
    CONTENT.get_or_init(|| parse().unwrap_or_else(|message| panic!("{message}")))
}

impl Content {
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

    /// The claims made for a zone, best-supported first.
    pub fn claims_for(&self, zone: &str) -> Vec<&Claim> {
        let mut claims: Vec<&Claim> = self
            .claims
            .iter()
            .filter(|c| c.zones.iter().any(|z| z == zone))
            .collect();
        claims.sort_by_key(|c| self.label(&c.evidence).map_or(u8::MAX, |l| l.rank));
        claims
    }

    /// The cautions written for a zone, most serious first.
    pub fn cautions_for(&self, zone: &str) -> Vec<&Caution> {
        let mut cautions: Vec<&Caution> = self
            .cautions
            .iter()
            .filter(|c| c.zones.iter().any(|z| z == zone))
            .collect();
        cautions.sort_by_key(|c| c.severity != Severity::Stop);
        cautions
    }
}
