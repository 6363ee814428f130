//! State provided to the page: where it is ([`nav`]), which code it has
//! ([`loading`]), and the person's practice ([`practice`]: their saved
//! data, the routine player, the editor and their ratings). It uses the pure logic and
//! the browser bridges below it, and never the page or its components.

pub mod editor;
pub mod loading;
pub mod nav;
pub mod player;
pub mod practice;
pub mod ratings;
pub mod saved;

pub use editor::Editor;
pub use nav::Nav;
pub use player::Player;
pub use practice::Practice;
pub use ratings::Ratings;
pub use saved::Saved;
