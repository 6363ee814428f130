//! The drawings of the feet and legs and where each zone sits in them.

pub mod art;
pub mod geometry;
pub mod motion;

use crate::content::View;
use geometry::ViewArt;

/// The artwork for one view.
pub fn art(view: View) -> &'static ViewArt {
    art::VIEWS
        .iter()
        .find(|a| a.view == view)
        .expect("every view is drawn")
}
