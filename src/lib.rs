//! Foot Map: a clickable map of the feet and lower legs that shows how to
//! massage each zone, what is claimed for it and how good the evidence is.
//!
//! Layers, one direction: `content` (data files and their types) ->
//! `map`, `route`, `timer`, `settings`, `own_routine`, `store`, `share`,
//! `export`, `history` (pure logic, no browser) ->
//! `browser` (thin bridges to web APIs), `player`, `editor`, `saved`,
//! `practice` (the three, begun on first use), `app` and `components`.

// The routine player's view type is deeply nested; the release build's
// type layout needs more than the default depth.
#![recursion_limit = "256"]

pub mod app;
pub mod browser;
pub mod components;
pub mod content;
pub mod editor;
pub mod export;
pub mod format;
pub mod history;
pub mod map;
pub mod own_routine;
pub mod player;
pub mod practice;
pub mod route;
pub mod saved;
pub mod settings;
pub mod share;
pub mod shell;
pub mod store;
pub mod timer;
