//! Foot Map: a clickable map of the feet and lower legs that shows how to
//! massage each zone, what is claimed for it and how good the evidence is.
//!
//! Layers, one direction (each may use those before it, never those after;
//! `tests/layers.rs` checks every `use crate::` against [`LAYERS`]):
//! content (data files and their types) -> pure logic (no browser, no
//! signals) -> `browser` (bridges to web APIs) -> `state` (provided to the
//! page) -> `components` -> the page (`app`, `split_points`, `shell`).

// The routine player's view type is deeply nested; the release build's
// type layout needs more than the default depth.
#![recursion_limit = "256"]

pub mod app;
pub mod applies;
pub mod browser;
pub mod calendar;
pub mod clock;
pub mod components;
pub mod content;
pub mod export;
pub mod format;
pub mod history;
pub mod interned;
pub mod language;
pub mod map;
pub mod outcomes;
pub mod own_routine;
pub mod route;
pub mod settings;
pub mod share;
// The build finishes the built pages with this (src/prerender.rs); the app
// never needs it.
#[cfg(not(target_arch = "wasm32"))]
pub mod shell;
pub mod split_points;
pub mod state;
pub mod store;
pub mod text;
pub mod timer;
pub mod track;

/// The layers of `src/`, lowest first, and the modules in each: a module
/// may use modules of its own layer or lower ones, never higher ones.
/// Within a layer, no two modules may use each other, directly or round a
/// circle. `tests/layers.rs` reads the source against this table.
pub const LAYERS: &[(&str, &[&str])] = &[
    ("content", &["content", "text"]),
    (
        "pure logic",
        &[
            "interned",
            "applies",
            "language",
            "clock",
            "map",
            "timer",
            "track",
            "settings",
            "own_routine",
            "share",
            "route",
            "store",
            "export",
            "history",
            "format",
            "outcomes",
            "calendar",
        ],
    ),
    ("browser bridges", &["browser"]),
    ("state", &["state"]),
    ("components", &["components"]),
    ("page", &["app", "split_points", "shell"]),
];
