//! The routine player's shared state: the pure [`Timer`] plus what it takes
//! to run it in a page. A one-shot timeout wakes the player exactly when the
//! display or the step must change (never a free-running tick), chimes are
//! scheduled on the audio clock, and the screen is kept on while it runs.

use crate::browser::media_session::{self, Button};
use crate::browser::{self, audio, audio::Chime, speech, storage, vibrate, wake_lock};
use crate::content::{Routine, RoutineStep, View};
use crate::route::ZoneKey;
use crate::settings::{Abilities, Settings, Sound};
use crate::state::ratings::Ratings;
use crate::state::saved::Saved;
use crate::store::{Change, Session};
use crate::timer::{Action, Snapshot, Status, Timer};
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use std::cell::RefCell;

mod announce;
mod track;

pub use announce::{side_switch_at, step_words, step_zone};

/// The countdown before the first step: time to put the phone down.
pub const GET_READY_MS: u64 = 5_000;

thread_local! {
    // The one pending wake-up. Replacing it cancels the previous one, so at
    // most one timer is ever live.
    static WAKE_UP: RefCell<Option<Timeout>> = const { RefCell::new(None) };
}

/// One of the person's own routines, kept for the page's lifetime so the
/// player and its views hold it as they hold the built-in ones. The same
/// routine is kept once; only a new version (edited, then run) adds one,
/// a few hundred bytes.
pub fn keep(routine: Routine) -> &'static Routine {
    crate::interned::keep(routine)
}

/// How often a routine under way is kept as the checkpoint, at most.
pub const CHECKPOINT_EVERY_MS: u64 = 10_000;

/// The routine player; provided to every component.
#[derive(Clone, Copy)]
pub struct Player {
    /// The view of the map shown where only one fits: a routine under way
    /// turns it to the zone being worked.
    view: RwSignal<View>,
    routine: RwSignal<Option<&'static Routine>>,
    timer: RwSignal<Timer>,
    /// The clock reading the display was last brought up to.
    now: RwSignal<u64>,
    /// Settings and practice history, saved for next time.
    saved: Saved,
    /// The person's ratings before and after, saved with each session.
    ratings: Ratings,
    /// What this browser can play and keep; the settings say what it cannot.
    abilities: RwSignal<Abilities>,
    /// When the routine under way started, by the wall clock, for its
    /// entry in the history.
    started: StoredValue<Option<(i64, i32)>>,
    /// When what was done was last kept as the checkpoint (clock ms).
    kept_at: StoredValue<u64>,
    /// What screen readers hear at each step change.
    announcement: RwSignal<String>,
    /// The time left, as last asked for, shown until the next step change.
    time_left_shown: RwSignal<Option<String>>,
    /// Ties the clock to the routine's track while one is made for it.
    anchor: StoredValue<Option<crate::track::Anchor>>,
    /// What the loaded track was made from.
    plan: StoredValue<Option<crate::track::Plan>>,
    /// The clock's lead on the page's (ms): where the track left it.
    offset: StoredValue<i64>,
    /// What to show, recomputed once per change of timer or clock.
    shown: Memo<Snapshot>,
    /// The zone being worked, changing only at step changes.
    current: Memo<Option<ZoneKey>>,
}

impl Player {
    /// Creates the player with the saved settings; it turns `view` to the
    /// zone being worked, and records each session with its `ratings`.
    /// Call once, when the practice begins.
    pub fn new(view: RwSignal<View>, saved: Saved, ratings: Ratings) -> Player {
        let settings = saved.settings_untracked();
        let routine = RwSignal::new(None::<&'static Routine>);
        let timer = RwSignal::new(Timer::new(Vec::new(), GET_READY_MS));
        let now = RwSignal::new(0);
        let shown = Memo::new(move |_| timer.with(|t| t.snapshot(now.get())));
        let current = Memo::new(move |_| {
            let snapshot = shown.get();
            let active = matches!(
                snapshot.status,
                Status::GetReady | Status::Running | Status::Paused
            );
            let step = routine.get()?.steps.get(snapshot.step?)?;
            active.then(|| step_zone(step))
        });
        let player = Player {
            view,
            routine,
            timer,
            now,
            shown,
            current,
            saved,
            ratings,
            started: StoredValue::new(None),
            anchor: StoredValue::new(None),
            plan: StoredValue::new(None),
            offset: StoredValue::new(0),
            kept_at: StoredValue::new(0),
            abilities: RwSignal::new(Abilities {
                chime: audio::available(),
                speak: speech::available(),
                voice_in_language: true,
                keep_awake: wake_lock::available(),
                save: storage::available(),
                vibrate: vibrate::available(),
            }),
            announcement: RwSignal::new(String::new()),
            time_left_shown: RwSignal::new(None),
        };
        player.timer.update(|t| t.set_manual(settings.manual, 0));
        media_session::listen(move |button| player.headset(button));
        // Some browsers list their voices only a moment after the start.
        player.check_voices();
        speech::on_voices_changed(move || player.check_voices());
        player
    }

    /// Whether the browser has a voice for the page's language, once it
    /// lists its voices (until then, it is taken to have one).
    fn check_voices(self) {
        let code = crate::language::Language::in_use().code();
        if let Some(found) = speech::has_voice_for(code) {
            if self.abilities.get_untracked().voice_in_language != found {
                self.abilities.update(|a| a.voice_in_language = found);
            }
        }
    }

    /// A headset, lock-screen or notification button: once a routine has
    /// started, it can be run to the end with these alone.
    fn headset(self, button: Button) {
        let status = self.snapshot_untracked().status;
        let under_way = matches!(status, Status::GetReady | Status::Running | Status::Paused);
        let action = match button {
            Button::Play if status == Status::Paused => Action::Resume,
            Button::Pause if matches!(status, Status::GetReady | Status::Running) => Action::Pause,
            Button::Next if under_way => Action::Next,
            Button::Previous if under_way => Action::Previous,
            Button::Stop if under_way => Action::Stop,
            _ => return,
        };
        self.act(action);
    }

    /// The routine loaded in the player.
    pub fn routine(self) -> Option<&'static Routine> {
        self.routine.get()
    }

    /// Loads `routine`, ending any other that was running.
    pub fn load(self, routine: &'static Routine) {
        if self.routine.get_untracked().is_some_and(|r| r == routine) {
            return;
        }
        // A routine under way ends as stopped, and goes in the history.
        self.leave();
        self.finish_side_effects();
        self.ratings.forget_before();
        let steps = routine
            .steps
            .iter()
            .map(|s| u64::from(s.seconds) * 1000)
            .collect();
        let now = self.clock();
        let mut timer = Timer::new(steps, GET_READY_MS);
        timer.set_manual(self.saved.settings_untracked().manual, now);
        self.timer.set(timer);
        self.routine.set(Some(routine));
        self.now.set(now);
    }

    /// What to show now.
    pub fn snapshot(self) -> Snapshot {
        self.shown.get()
    }

    /// The same, as a memo to derive other memos from.
    pub fn snapshot_memo(self) -> Memo<Snapshot> {
        self.shown
    }

    /// Whether a routine is under way (counting down, running or paused).
    pub fn is_active(self) -> bool {
        matches!(
            self.snapshot().status,
            Status::GetReady | Status::Running | Status::Paused
        )
    }

    /// What was done, for the end summary.
    pub fn summary(self) -> crate::timer::Summary {
        self.timer.with(|t| t.summary())
    }

    /// The step shown now (current, or about to begin).
    pub fn step(self) -> Option<(usize, &'static RoutineStep)> {
        let routine = self.routine.get()?;
        let i = self.snapshot().step?;
        Some((i, routine.steps.get(i)?))
    }

    /// The zone to light up on the map while a routine is under way.
    pub fn current_zone(self) -> Option<ZoneKey> {
        self.current.get()
    }

    /// The reader's settings.
    pub fn settings(self) -> Settings {
        self.saved.settings()
    }

    /// What this browser can do for a routine.
    pub fn abilities(self) -> Abilities {
        self.abilities.get()
    }

    /// The sound a routine plays now: the chosen setting, less what this
    /// browser cannot play.
    fn sound(self) -> Sound {
        let settings = self.saved.settings_untracked();
        let sound = self.abilities.get_untracked().sound(settings.sound);
        if settings.reader {
            sound.without_voice()
        } else {
            sound
        }
    }

    /// The time left as last asked for (Time left, or T), until the next
    /// step change.
    pub fn time_left_shown(self) -> Option<String> {
        self.time_left_shown.get()
    }

    /// The latest step-change announcement for screen readers.
    pub fn announcement(self) -> String {
        self.announcement.get()
    }

    pub fn set_sound(self, sound: Sound) {
        self.saved.apply(Change::SetSound(sound));
        if !sound.chimes() {
            audio::cancel();
        }
        if !sound.speaks() {
            speech::hush();
        }
        self.follow(true);
        self.after_change(self.snapshot_untracked());
    }

    pub fn set_vibrate(self, on: bool) {
        self.saved.apply(Change::SetVibrate(on));
    }

    /// Says that the person uses a screen reader (the voice stays quiet).
    pub fn set_reader(self, on: bool) {
        self.saved.apply(Change::SetReader(on));
    }

    /// Turns the cues inside long steps on or off.
    pub fn set_cues(self, on: bool) {
        self.saved.apply(Change::SetCues(on));
        // The track carries the cues: it is made again.
        self.follow(true);
    }

    pub fn set_manual(self, manual: bool) {
        self.saved.apply(Change::SetManual(manual));
        let before = self.snapshot_untracked();
        let now = self.clock();
        self.timer.update(|t| t.set_manual(manual, now));
        self.now.set(now);
        self.follow(true);
        self.after_change(before);
    }

    /// Records that the safety note was read.
    pub fn mark_safety_seen(self) {
        if !self.saved.settings_untracked().safety_seen {
            self.saved.apply(Change::SafetySeen);
        }
    }

    /// Applies a person's action (Start, Pause, Next...) now.
    pub fn act(self, action: Action) {
        // The moment of the tap sets the schedule: read the clock first, as
        // starting audio can take tens of milliseconds.
        let now = self.clock();
        if matches!(action, Action::Start | Action::StartAt(_) | Action::Resume) {
            // A tap: the moment browsers allow sound to start.
            if !audio::unlock() && self.abilities.get_untracked().chime {
                self.abilities.update(|a| a.chime = false);
            }
        }
        let before = self.snapshot_untracked();
        self.timer.update(|t| t.apply(action, now));
        self.now.set(now);
        self.follow(action != Action::Tick);
        self.after_change(before);
    }

    /// Stops a routine under way, so what was done is recorded: when
    /// another routine is opened, or the page is left or closed.
    pub fn leave(self) {
        if matches!(
            self.snapshot_untracked().status,
            Status::GetReady | Status::Running | Status::Paused
        ) {
            self.act(Action::Stop);
        }
    }

    /// Brings the display up to the clock: on each wake-up, and at once
    /// when the page is shown again after being hidden or frozen.
    pub fn resync(self) {
        if self.routine.get_untracked().is_some() {
            self.act(Action::Tick);
            if matches!(
                self.snapshot_untracked().status,
                Status::GetReady | Status::Running
            ) {
                wake_lock::acquire();
            }
        }
    }

    /// What the player shows now, without tracking.
    pub fn snapshot_untracked(self) -> Snapshot {
        self.shown.get_untracked()
    }

    /// Everything that follows a change: sound, voice, map, wake lock and
    /// the next wake-up.
    fn after_change(self, before: Snapshot) {
        let now = self.now.get_untracked();
        let after = self.snapshot_untracked();
        let sound = self.sound();
        let moved = (after.status, after.step) != (before.status, before.step);
        let began = moved
            && matches!(after.status, Status::Running | Status::Finished)
            && !(before.status == Status::Paused && after.status == Status::Running);

        if began && self.abilities.get_untracked().vibrate && !self.saved.settings_untracked().no_vibrate {
            vibrate::buzz(if after.status == Status::Finished {
                &[200, 100, 200]
            } else {
                &[150]
            });
        }
        if began {
            // A boundary the audio clock already chimed for needs no second
            // chime; a skip or a late boundary gets one now.
            let chimed = audio::pending_at().is_some_and(|at| at <= now + 50);
            if chimed {
                audio::forget();
            } else if sound.chimes() && !self.on_track() {
                let finished = after.status == Status::Finished && !self.summary().early;
                if after.status == Status::Running || finished {
                    let chime = match (finished, after.step) {
                        (true, _) => Chime::Finish,
                        (false, step) => self.chime_for(step.unwrap_or(0)),
                    };
                    audio::play(chime, now);
                }
            }
        }
        if moved {
            self.announce(before, after, sound);
        } else if after.status == Status::Running && before.status == Status::Running {
            self.cue(before, after, sound);
        }
        if after.status == Status::GetReady && before.status != Status::GetReady {
            self.started.set_value(Some(browser::wall_clock()));
            self.ratings.started();
        }
        if after.status == Status::Finished && before.status != Status::Finished {
            self.record();
        }
        // A visible tab can die too (a crash, a flat battery): what was
        // done is kept at every step change and every ten seconds.
        if matches!(after.status, Status::Running | Status::Paused)
            && (moved || now >= self.kept_at.get_value() + CHECKPOINT_EVERY_MS)
        {
            self.kept_at.set_value(now);
            self.checkpoint();
        }

        let under_way = matches!(after.status, Status::GetReady | Status::Running | Status::Paused);
        media_session::set_playing(under_way.then_some(after.status != Status::Paused));
        // The track's element plays where there is one; else the chimes'.
        audio::playing(under_way && after.status != Status::Paused && !self.on_track());
        match after.status {
            Status::GetReady | Status::Running => {
                wake_lock::acquire();
                self.schedule_chime(after, sound);
                self.wake_up_for(after);
            }
            _ => self.finish_side_effects(),
        }
    }

    /// Sets the one timeout for when the countdown's seconds or the step
    /// next change.
    fn wake_up_for(self, snapshot: Snapshot) {
        let now = self.clock();
        let next_second = match snapshot.remaining_ms % 1000 {
            0 => 1000,
            ms => ms,
        };
        let until_change = self
            .timer
            .with_untracked(|t| t.next_change_at())
            .map_or(u64::MAX, |at| at.saturating_sub(now));
        let delay = next_second.min(until_change).max(1);
        let timeout = Timeout::new(delay as u32, move || self.resync());
        WAKE_UP.with(|w| *w.borrow_mut() = Some(timeout));
    }

    /// Stops the wake-ups, the scheduled chime and the wake lock.
    fn finish_side_effects(self) {
        WAKE_UP.with(|w| w.borrow_mut().take());
        audio::cancel();
        wake_lock::release();
    }

    /// Keeps what has been done of the routine under way, in case the
    /// page is killed (see [`Saved::checkpoint`]): when hidden, at each
    /// step change and every [`CHECKPOINT_EVERY_MS`].
    pub fn checkpoint(self) {
        let (Some(routine), Some((start_ms, offset_min))) =
            (self.routine.get_untracked(), self.started.get_value())
        else {
            return;
        };
        if !matches!(self.snapshot_untracked().status, Status::Running | Status::Paused) {
            return;
        }
        let now = self.clock();
        let summary = self.timer.with_untracked(|t| t.summary_if_stopped(now));
        let mut session = Session::from_summary(start_ms, offset_min, &routine.id, &routine.name, &summary);
        session.rating = self.ratings.peek_before();
        self.saved.checkpoint(Some(&session));
    }

    /// Adds the session that just ended to the history: finished, or
    /// stopped after some massage was done.
    fn record(self) {
        let (Some(routine), Some((start_ms, offset_min))) =
            (self.routine.get_untracked(), self.started.get_value())
        else {
            return;
        };
        self.started.set_value(None);
        let summary = self.summary();
        if summary.worked_ms >= 1000 || !summary.early {
            let mut session =
                Session::from_summary(start_ms, offset_min, &routine.id, &routine.name, &summary);
            self.ratings.recording(&mut session);
            self.saved.record(session);
        } else {
            self.saved.checkpoint(None);
            self.ratings.forget_before();
        }
    }
}
