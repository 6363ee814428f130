//! The view layer: components grouped by what they show.

mod evidence;
mod foot_map;
mod notices;
mod routines;
mod safety;
mod zone_panel;

pub use foot_map::FootMap;
pub use notices::Notices;
pub use routines::RoutineBar;
pub use zone_panel::Panel;
