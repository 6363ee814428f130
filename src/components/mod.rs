//! The view layer: components grouped by what they show.

mod evidence;
mod foot_map;
mod notices;
mod panel;
mod routines;
mod safety;

pub use foot_map::FootMap;
pub use notices::Notices;
pub use panel::Panel;
pub use routines::RoutineBar;
