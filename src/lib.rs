//! Foot Map: a clickable map of the feet and lower legs that shows how to
//! massage each zone, what is claimed for it and how good the evidence is.
//!
//! Layers, one direction: `content` (data files and their types) ->
//! `map`, `route` (pure logic, no browser) -> `app` and `components` (views).

pub mod app;
pub mod components;
pub mod content;
pub mod format;
pub mod map;
pub mod route;
pub mod timer;
