//! The routine's sound as one track, and the track as the routine's clock:
//! while the track plays, the clock reads its position, so a page that
//! was frozen (the screen off) shows the step the track has reached when
//! it runs again. The track is made at a person's action (a tap, a key or
//! a headset button: the moments a browser lets sound start), and follows
//! every change of the timer. Where it cannot be made or played, or the
//! routine waits for Next at each step's end, the page chimes as before.

use super::{side_switch_at, Player, GET_READY_MS};
use crate::browser::{self, media_session, media_track};
use crate::content::Routine;
use crate::timer::Status;
use crate::track::{Anchor, Plan, Step};
use leptos::prelude::*;

impl Player {
    /// The routine's clock (ms): the track's position where the track
    /// plays, else the page's clock, going on from the last reading.
    pub(super) fn clock(self) -> u64 {
        let real = browser::now_ms();
        if let Some(anchor) = self.anchor.get_value() {
            if let Some(at) = media_track::playing_at(real) {
                let clock = anchor.clock_at(at);
                self.offset.set_value(clock as i64 - real as i64);
                return clock;
            }
        }
        real.saturating_add_signed(self.offset.get_value())
    }

    /// Whether the routine's sound comes from its track: the page's own
    /// chimes keep quiet.
    pub(super) fn on_track(self) -> bool {
        self.anchor.get_value().is_some() && media_track::loaded()
    }

    /// The track for `routine` as the settings ask for it, from `first`.
    fn plan_for(self, routine: &Routine, first: usize) -> Plan {
        Plan {
            get_ready_ms: GET_READY_MS,
            steps: routine
                .steps
                .iter()
                .enumerate()
                .map(|(i, step)| Step {
                    ms: u64::from(step.seconds) * 1000,
                    other_side: side_switch_at(routine, i).is_some(),
                })
                .collect(),
            in_step: self.saved.settings_untracked().cues,
            first,
        }
    }

    /// Brings the track to where the timer is after a change: makes it
    /// (only when `tapped`, a person's action), moves, plays or pauses
    /// it, or lets it go; and shows the routine's progress on the lock
    /// screen either way.
    pub(super) fn follow(self, tapped: bool) {
        let now = self.now.get_untracked();
        let snapshot = self.snapshot_untracked();
        let at = self.timer.with_untracked(|t| t.track_ms(now));
        let routine = self.routine.get_untracked();
        let length =
            routine.map(|r| GET_READY_MS + r.steps.iter().map(|s| u64::from(s.seconds) * 1000).sum::<u64>());
        let under_way = matches!(
            snapshot.status,
            Status::GetReady | Status::Running | Status::Paused
        );
        media_session::set_position(match (under_way, at, length) {
            (true, Some(at), Some(length)) => Some((at, length)),
            _ => None,
        });
        let settings = self.saved.settings_untracked();
        let wanted = self.sound().chimes() && !settings.manual && media_track::available();
        match (snapshot.status, at, routine) {
            (Status::GetReady | Status::Running | Status::Paused, Some(at), Some(routine)) if wanted => {
                let step = snapshot.step.unwrap_or(0);
                let needed = self.plan_for(routine, step);
                let fits = self.plan.with_value(|plan| {
                    plan.as_ref().is_some_and(|plan| {
                        plan.first <= step
                            && Plan {
                                first: step,
                                ..plan.clone()
                            } == needed
                    })
                });
                if !(fits && media_track::loaded()) {
                    if !tapped || !media_track::load(&needed) {
                        return self.drop_track();
                    }
                    self.plan.set_value(Some(needed));
                }
                if snapshot.status == Status::Paused {
                    media_track::pause_at(at);
                } else {
                    media_track::play_from(at, browser::now_ms());
                }
                self.anchor.set_value(Some(Anchor {
                    clock_ms: now,
                    track_ms: at,
                }));
            }
            (Status::Finished, Some(end), _) if self.on_track() => {
                // The end's notes play out from the track, then it goes.
                media_track::finish_from(end, browser::now_ms());
                media_track::unload_after(3_000);
                self.anchor.set_value(None);
                self.plan.set_value(None);
            }
            _ => self.drop_track(),
        }
    }

    /// Stops and lets go of the track; the page's clock goes on from it.
    fn drop_track(self) {
        if self.anchor.get_value().is_some() || self.plan.with_value(Option::is_some) {
            media_track::unload();
        }
        self.anchor.set_value(None);
        self.plan.set_value(None);
    }
}
