//! The view layer: one component per file.

mod foot_map;
mod link_notice;
mod zone_panel;

pub use foot_map::FootMap;
pub use link_notice::LinkNotice;
pub use zone_panel::ZonePanel;
