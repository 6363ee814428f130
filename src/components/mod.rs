//! The view layer: components grouped by what they show.

mod applies;
mod calendar_reminder;
mod data;
mod evidence;
mod foot_map;
mod handout;
mod history_page;
mod language_switch;
mod motion;
mod notices;
mod own_list;
mod own_page;
mod own_record;
mod panel;
mod rating_questions;
mod rich;
mod routine_bar;
mod routine_editor;
mod routine_list;
mod routine_player;
mod safety;
mod sound_settings;

pub use evidence::{BenefitList, BenefitPage, EvidencePage};
pub use foot_map::FootMap;
pub use history_page::HistoryPage;
pub use language_switch::{LanguageConfirm, LanguageSwitch};
pub use motion::MotionOnMap;
pub use notices::Notices;
pub use own_page::{OwnRoutinePage, SharedPreview};
pub use panel::{Panel, ZoneDetails};
pub use rating_questions::NightQuestion;
pub use routine_bar::RoutineBar;
pub use routine_editor::RoutineEditor;
pub use routine_list::RoutineList;
pub use routine_player::RoutinePlayer;
pub use safety::SafetyPage;

use leptos::html::{Button, Div};
use leptos::prelude::*;

// Size note: Leptos compiles rendering code for every distinct view type.
// Views that are listed, optional or swapped by a reactive closure are
// therefore erased to `AnyView` (`into_any`, `collect_any`), so that code
// exists once. Each change of this kind saved 0.5 to 4 KB after brotli.

/// Collects an iterator of views as `Vec<AnyView>`. Every list in the app
/// then has the same type, so the code that renders and updates a list is
/// compiled once instead of once per kind of item: about 4 KB less to
/// download after brotli than `collect_view`.
pub(crate) trait CollectAny: Iterator<Item: IntoAny> + Sized {
    fn collect_any(self) -> Vec<AnyView> {
        self.map(IntoAny::into_any).collect()
    }
}

impl<I: Iterator<Item: IntoAny>> CollectAny for I {}

/// Once `block` and `control` are on the page, brings the block into view
/// (below the map a phone pins) and moves focus to the control: for a part
/// that appears below the button that made it, such as the countdown.
pub(crate) fn reveal_when_shown(block: NodeRef<Div>, control: NodeRef<Button>) {
    Effect::new(move || {
        if let (Some(block), Some(control)) = (block.get(), control.get()) {
            request_animation_frame(move || crate::browser::reveal::reveal(&block, &control));
        }
    });
}
