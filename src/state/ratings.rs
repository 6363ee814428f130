//! The person's own before-and-after: what they follow (off until they
//! choose), the rating before the routine about to start, the rating after
//! the one just ended, and, for sleep, last night's rating on the next
//! visit. Every question is skippable and asked once per session: a
//! rating given is saved with its session and never asked again, and a
//! question skipped is not asked again either.

use super::saved::Saved;
use crate::browser::{storage, wall_clock};
use crate::outcomes;
use crate::settings::Measure;
use crate::store::{Change, Moment, Rating, Session, SessionKey};
use leptos::prelude::*;

/// Where the start of the last night asked about is kept, so a skipped
/// night is not asked again.
const NIGHT_ASKED: &str = "foot-map.night-asked";

/// The ratings around the routines; provided to every practice page.
#[derive(Clone, Copy)]
pub struct Ratings {
    saved: Saved,
    /// The rating before the routine about to start, until its session
    /// is recorded.
    before: RwSignal<Option<Rating>>,
    /// The session just recorded, whose "after" is asked at its end;
    /// `None` once answered or skipped, or when it waits for the night.
    after: RwSignal<Option<(SessionKey, Measure)>>,
    /// The "after" just given, to say it was saved.
    given: RwSignal<Option<u8>>,
    /// Whether last night's question was answered or skipped this visit.
    night_done: RwSignal<bool>,
}

impl Ratings {
    /// Nothing rated yet this visit.
    pub fn new(saved: Saved) -> Ratings {
        Ratings {
            saved,
            before: RwSignal::new(None),
            after: RwSignal::new(None),
            given: RwSignal::new(None),
            night_done: RwSignal::new(false),
        }
    }

    /// What the person follows, if anything.
    pub fn measure(self) -> Option<Measure> {
        self.saved.settings().measure
    }

    /// Follows `measure` from now on (`None`: asks nothing).
    pub fn set_measure(self, measure: Option<Measure>) {
        if self.saved.settings_untracked().measure != measure {
            self.before.set(None);
            self.saved.apply(Change::SetMeasure(measure));
        }
    }

    /// The rating chosen before the routine about to start.
    pub fn before(self) -> Option<u8> {
        self.before.get().and_then(|r| r.before)
    }

    /// Chooses the rating before the routine; it can be changed until
    /// the routine starts, and is saved with its session.
    pub fn rate_before(self, value: u8) {
        if let Some(measure) = self.saved.settings_untracked().measure {
            self.before.set(Rating::new(measure, Moment::Before, value));
        }
    }

    /// The rating before, to keep with a checkpoint of the routine under way.
    pub(super) fn peek_before(self) -> Option<Rating> {
        self.before.get_untracked()
    }

    /// Another routine was loaded: a rating chosen for the last one does
    /// not carry over.
    pub(super) fn forget_before(self) {
        self.before.set(None);
    }

    /// A routine started: the last one's "after" is no longer asked.
    pub(super) fn started(self) {
        self.after.set(None);
        self.given.set(None);
    }

    /// `session` is being recorded: it takes the rating before, and its
    /// "after" is asked now (or, for sleep, on the next visit).
    pub(super) fn recording(self, session: &mut Session) {
        session.rating = self.before.get_untracked();
        self.before.set(None);
        self.given.set(None);
        let measure = self.saved.settings_untracked().measure;
        self.after.set(
            measure
                .filter(|m| !m.asked_next_visit())
                .map(|m| (session.key(), m)),
        );
    }

    /// What the question at the end of the routine is about, while asked.
    pub fn asks_after(self) -> Option<Measure> {
        self.after.get().map(|(_, m)| m)
    }

    /// The rating after that was just given.
    pub fn given_after(self) -> Option<u8> {
        self.given.get()
    }

    /// Rates the session just ended, after it.
    pub fn rate_after(self, value: u8) {
        if let Some((key, measure)) = self.after.get_untracked() {
            self.saved.apply(Change::RateSession {
                key,
                measure,
                moment: Moment::After,
                value,
            });
            self.given.set(Some(value));
        }
        self.after.set(None);
    }

    /// Leaves the session just ended without a rating after it.
    pub fn skip_after(self) {
        self.after.set(None);
    }

    /// For someone following their sleep: the session of yesterday whose
    /// night is still to be rated, unless asked about already.
    pub fn night(self) -> Option<Session> {
        if self.night_done.get() || self.measure() != Some(Measure::Sleep) {
            return None;
        }
        let (now_ms, offset_min) = wall_clock();
        let asked = storage::load(NIGHT_ASKED);
        self.saved.with(|s| {
            outcomes::night_to_rate(&s.history, now_ms, offset_min)
                .filter(|night| asked.as_deref() != Some(night.start_ms.to_string().as_str()))
                .cloned()
        })
    }

    /// Rates last night (`Some`) or skips it (`None`); not asked again.
    pub fn answer_night(self, value: Option<u8>) {
        let Some(night) = self.night() else { return };
        if let Some(value) = value {
            self.saved.apply(Change::RateSession {
                key: night.key(),
                measure: Measure::Sleep,
                moment: Moment::After,
                value,
            });
        }
        storage::save(NIGHT_ASKED, &night.start_ms.to_string());
        self.night_done.set(true);
    }
}
