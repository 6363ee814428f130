//! What the player says, chimes and shows while a routine runs: the
//! step changes, the cues inside long steps, the time left on request,
//! and the words for a step.

use super::Player;
use crate::browser::{self, audio, audio::Chime, media_session, speech};
use crate::content::{content, Routine, RoutineStep};
use crate::format;
use crate::route::ZoneKey;
use crate::settings::Sound;
use crate::text::{fill, get, key};
use crate::timer::{Snapshot, Status};
use leptos::prelude::*;

impl Player {
    /// Says the time left in the step and in the routine, through the
    /// screen readers' live region (the countdown itself is never read out
    /// second by second): for the Time left button and the T key.
    pub fn tell_time_left(self) {
        let Some(routine) = self.routine.get_untracked() else {
            return;
        };
        self.now.set(browser::now_ms());
        let snapshot = self.snapshot_untracked();
        if !matches!(
            snapshot.status,
            Status::GetReady | Status::Running | Status::Paused
        ) {
            return;
        }
        let later: u64 = match (snapshot.status, snapshot.step) {
            // During the countdown the whole routine is still to come.
            (Status::GetReady, _) => routine.steps.iter().map(|s| u64::from(s.seconds) * 1000).sum(),
            (_, Some(i)) => routine
                .steps
                .iter()
                .skip(i + 1)
                .map(|s| u64::from(s.seconds) * 1000)
                .sum(),
            _ => 0,
        };
        let step_ms = if snapshot.status == Status::GetReady {
            0
        } else {
            snapshot.remaining_ms
        };
        let mut text = format::time_left(step_ms, step_ms + later);
        if snapshot.status == Status::GetReady {
            text = fill(
                key::SPOKEN_STARTING_IN,
                &[
                    (
                        "duration",
                        &format::duration(snapshot.remaining_ms.div_ceil(1000) as u32),
                    ),
                    ("time_left", &text),
                ],
            );
        }
        // Said in the app's voice where it is on (not to a screen reader's
        // user: theirs reads the region), and shown until the next change.
        if self.sound().speaks() {
            speech::say(&text);
        }
        self.time_left_shown.set(Some(text.clone()));
        // The same words again are read again: the region must change.
        if self.announcement.get_untracked() == text {
            text.push('\u{a0}');
        }
        self.announcement.set(text);
    }

    /// A cue inside a long step, if one was just passed and cues are on:
    /// said where the voice is on, else a short chime, and written for
    /// screen readers either way.
    pub(super) fn cue(self, before: Snapshot, after: Snapshot, sound: Sound) {
        let (Some(routine), Some(i)) = (self.routine.get_untracked(), after.step) else {
            return;
        };
        if !self.saved.settings_untracked().cues || sound == Sound::Silent {
            return;
        }
        let step_ms = u64::from(routine.steps[i].seconds) * 1000;
        let Some(cue) = crate::timer::cue_passed(step_ms, before.remaining_ms, after.remaining_ms) else {
            return;
        };
        let words = match cue {
            crate::timer::Cue::Halfway => get(key::SPOKEN_HALFWAY),
            crate::timer::Cue::TenLeft => get(key::SPOKEN_TEN_LEFT),
        };
        if sound.speaks() {
            speech::say(words);
        } else if sound.chimes() {
            let chime = match cue {
                crate::timer::Cue::Halfway => Chime::Halfway,
                crate::timer::Cue::TenLeft => Chime::TenLeft,
            };
            audio::play(chime, self.now.get_untracked());
        }
        self.announcement.set(words.into());
    }

    /// The chime for step `i` beginning: another one where it is on the
    /// other foot or leg, so a listener knows to change.
    pub(super) fn chime_for(self, i: usize) -> Chime {
        match self.routine.get_untracked() {
            Some(routine) if side_switch_at(routine, i).is_some() => Chime::OtherSide,
            _ => Chime::Step,
        }
    }

    /// Schedules the chime for the next boundary the clock will reach.
    pub(super) fn schedule_chime(self, snapshot: Snapshot, sound: Sound) {
        let next = self.timer.with_untracked(|t| t.next_change_at());
        match next {
            Some(at) if sound.chimes() => {
                let last = self.timer.with_untracked(|t| t.steps()).saturating_sub(1);
                let ends = snapshot.status == Status::Running && snapshot.step == Some(last);
                // The step that begins at `at`.
                let next = match (snapshot.status, snapshot.step) {
                    (Status::Running, Some(i)) => i + 1,
                    (_, step) => step.unwrap_or(0),
                };
                let chime = if ends { Chime::Finish } else { self.chime_for(next) };
                audio::schedule(chime, at, browser::now_ms());
            }
            _ => audio::cancel(),
        }
    }

    /// Says a step change (in voice, where on), writes it for screen
    /// readers, shows it on the lock screen and turns the map to its zone.
    pub(super) fn announce(self, before: Snapshot, after: Snapshot, sound: Sound) {
        let Some(routine) = self.routine.get_untracked() else {
            return;
        };
        let spoken = match (after.status, after.step) {
            (Status::GetReady, Some(i)) => Some(fill(
                key::SPOKEN_GET_READY,
                &[("step", &step_words(&routine.steps[i]))],
            )),
            (Status::Running, Some(i)) if before.status != Status::Paused || before.step != Some(i) => {
                let step = &routine.steps[i];
                let switch = side_switch_at(routine, i);
                Some(fill(
                    match switch {
                        Some(_) => key::SPOKEN_STEP_ON_NEW_SIDE,
                        None => key::SPOKEN_STEP,
                    },
                    &[
                        ("side_switch", &switch.unwrap_or_default()),
                        ("number", &(i + 1)),
                        ("total", &routine.steps.len()),
                        ("step", &step_words(step)),
                        ("duration", &format::duration(step.seconds)),
                    ],
                ))
            }
            (Status::Finished, _) if !self.summary().early => Some(get(key::SPOKEN_FINISHED).into()),
            _ => None,
        };
        match (after.step, after.status) {
            (Some(i), Status::GetReady | Status::Running | Status::Paused) => {
                media_session::show(Some((&step_words(&routine.steps[i]), &routine.name)))
            }
            _ => media_session::show(None),
        }
        if let (Some(i), Status::GetReady | Status::Running) = (after.step, after.status) {
            // On a phone, show the view with the zone being worked.
            self.view
                .set(step_zone(&routine.steps[i]).content(content()).view);
        }
        self.time_left_shown.set(None);
        if let Some(text) = spoken {
            if sound.speaks() {
                speech::say(&text);
            }
            self.announcement.set(text);
        } else if after.status != before.status && matches!(after.status, Status::Paused | Status::Running) {
            // Pausing and going on are said once, to screen readers: the
            // button renaming itself is not announced.
            self.announcement.set(
                get(if after.status == Status::Paused {
                    key::SPOKEN_PAUSED
                } else {
                    key::SPOKEN_RESUMED
                })
                .into(),
            );
        }
    }
}

/// The map zone a routine step works on.
pub fn step_zone(step: &RoutineStep) -> ZoneKey {
    ZoneKey::of_step(step, content()).expect("routines name known zones")
}

/// "Now the right foot." when step `i` is the first on another foot or leg.
pub fn side_switch_at(routine: &Routine, i: usize) -> Option<String> {
    let before = routine.steps.get(i.checked_sub(1)?)?;
    let step = routine.steps.get(i)?;
    crate::route::side_switch(step_zone(before), step_zone(step), content())
}

/// "Right foot – heel, knuckle press": what a step asks for, in words.
pub fn step_words(step: &RoutineStep) -> String {
    let technique = content()
        .technique(&step.technique)
        .map_or("", |t| t.name.as_str());
    fill(
        key::STEP_WORDS,
        &[
            ("zone", &step_zone(step).full_name(content())),
            ("technique", &crate::text::name_in_sentence(technique)),
        ],
    )
}
