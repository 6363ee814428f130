//! Foot Map: a clickable map of the feet and lower legs that shows how to
//! massage each zone, what is claimed for it and how good the evidence is.
//!
//! Layers, one direction: `content` (data files and their types) ->
//! `map`, `route`, `timer`, `settings` (pure logic, no browser) ->
//! `browser` (thin bridges to web APIs), `player`, `app` and `components`.

pub mod app;
pub mod browser;
pub mod components;
pub mod content;
pub mod format;
pub mod map;
pub mod player;
pub mod route;
pub mod settings;
pub mod timer;
