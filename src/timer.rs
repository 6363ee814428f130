//! The guided routine timer as a pure state machine, fed with the current
//! time in milliseconds. Remaining time is always worked out from
//! timestamps, never by counting ticks, so a late, throttled or frozen
//! clock cannot make it drift: the next `apply` at any `now` puts it on the
//! step and time that the schedule implies.

/// What a person (or the clock) asks of the timer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Begin, after the get-ready countdown, at the first step.
    Start,
    /// Begin, after the get-ready countdown, at this step.
    StartAt(usize),
    Pause,
    Resume,
    /// Skip to the next step (from get-ready: begin now; from the last step: finish).
    Next,
    /// Go back one step, or restart the first.
    Previous,
    /// Go to this step.
    Jump(usize),
    /// End early; the summary shows what was done.
    Stop,
    /// Back to the start, ready for another go.
    Reset,
    /// Only bring the state up to date with `now`.
    Tick,
}

/// The phase a timer is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Idle,
    GetReady,
    Running,
    Paused,
    Finished,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Idle,
    /// Counting down until `until`, then step `first` begins.
    GetReady {
        until: u64,
        first: usize,
    },
    /// On `step`, which (counting out pauses) began at `started`.
    Running {
        step: usize,
        started: u64,
    },
    /// Paused `elapsed` ms into a step, or into the get-ready countdown.
    Paused {
        at: Paused,
        elapsed: u64,
    },
    Finished {
        early: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Paused {
    GetReady { first: usize },
    Step(usize),
}

/// What to show at a given moment. (No `Debug`: deriving it for the f32
/// fields pulls float formatting, some 15 KB, into the wasm.)
#[derive(Clone, Copy, PartialEq)]
pub struct Snapshot {
    pub status: Status,
    /// The current step, or the one about to begin during get-ready.
    pub step: Option<usize>,
    /// Time left on the current step (or get-ready countdown), in ms.
    pub remaining_ms: u64,
    /// How far through the current step or countdown, 0.0 to 1.0.
    pub progress: f32,
    /// How far through the whole routine, by time, 0.0 to 1.0.
    pub overall: f32,
}

/// What was done, for the end summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Massage time actually spent, in ms (pauses excluded).
    pub worked_ms: u64,
    /// Steps done in full.
    pub completed: usize,
    pub steps: usize,
    /// Whether it was stopped before the end.
    pub early: bool,
}

/// A routine's timer.
#[derive(Debug, Clone)]
pub struct Timer {
    steps: Vec<u64>,
    get_ready: u64,
    manual: bool,
    phase: Phase,
    /// Time spent on each step so far, capped at the step's length.
    worked: Vec<u64>,
}

impl Timer {
    /// A timer for steps of these lengths (ms) with a get-ready countdown.
    pub fn new(steps: Vec<u64>, get_ready: u64) -> Timer {
        let worked = vec![0; steps.len()];
        Timer {
            steps,
            get_ready,
            manual: false,
            phase: Phase::Idle,
            worked,
        }
    }

    /// When on, a step that runs out waits at 0:00 for Next instead of
    /// moving on by itself.
    pub fn set_manual(&mut self, manual: bool, now: u64) {
        self.sync(now);
        self.manual = manual;
    }

    pub fn steps(&self) -> usize {
        self.steps.len()
    }

    /// Applies an action at time `now` (ms, from a monotonic clock).
    pub fn apply(&mut self, action: Action, now: u64) {
        self.sync(now);
        let last = self.steps.len().saturating_sub(1);
        self.phase = match (self.phase, action) {
            (_, Action::Reset) => {
                self.worked.iter_mut().for_each(|w| *w = 0);
                Phase::Idle
            }
            (_, Action::Tick) => self.phase,
            (Phase::Idle | Phase::Finished { .. }, Action::Start) => self.begin(0, now),
            (Phase::Idle | Phase::Finished { .. }, Action::StartAt(step) | Action::Jump(step)) => {
                self.begin(step.min(last), now)
            }
            (Phase::Idle | Phase::Finished { .. }, _) => self.phase,

            (Phase::GetReady { until, first }, Action::Pause) => Phase::Paused {
                at: Paused::GetReady { first },
                elapsed: self.get_ready - until.saturating_sub(now),
            },
            (Phase::GetReady { first, .. }, Action::Next) => self.run(first, now),
            (Phase::GetReady { .. }, Action::Previous) => self.phase,
            (Phase::GetReady { .. }, Action::Jump(step)) => self.run(step.min(last), now),

            (Phase::Running { step, started }, Action::Pause) => Phase::Paused {
                at: Paused::Step(step),
                elapsed: now.saturating_sub(started).min(self.steps[step]),
            },
            (Phase::Running { step, started }, Action::Next) => {
                self.leave(step, now.saturating_sub(started));
                if step == last {
                    Phase::Finished { early: false }
                } else {
                    self.run(step + 1, now)
                }
            }
            (Phase::Running { step, started }, Action::Previous) => {
                self.leave(step, now.saturating_sub(started));
                self.run(step.saturating_sub(1), now)
            }
            (Phase::Running { step, started }, Action::Jump(to)) => {
                self.leave(step, now.saturating_sub(started));
                self.run(to.min(last), now)
            }
            (Phase::Running { step, started }, Action::Stop) => {
                self.leave(step, now.saturating_sub(started));
                Phase::Finished { early: true }
            }

            (
                Phase::Paused {
                    at: Paused::GetReady { first },
                    elapsed,
                },
                Action::Resume,
            ) => Phase::GetReady {
                until: now + self.get_ready.saturating_sub(elapsed),
                first,
            },
            (
                Phase::Paused {
                    at: Paused::Step(step),
                    elapsed,
                },
                Action::Resume,
            ) => Phase::Running {
                step,
                started: now.saturating_sub(elapsed),
            },
            (Phase::Paused { at, elapsed }, Action::Next) => match at {
                Paused::GetReady { first } => Phase::Paused {
                    at: Paused::Step(first),
                    elapsed: 0,
                },
                Paused::Step(step) => {
                    self.leave(step, elapsed);
                    if step == last {
                        Phase::Finished { early: false }
                    } else {
                        Phase::Paused {
                            at: Paused::Step(step + 1),
                            elapsed: 0,
                        }
                    }
                }
            },
            (Phase::Paused { at, elapsed }, Action::Previous) => match at {
                Paused::GetReady { .. } => self.phase,
                Paused::Step(step) => {
                    self.leave(step, elapsed);
                    Phase::Paused {
                        at: Paused::Step(step.saturating_sub(1)),
                        elapsed: 0,
                    }
                }
            },
            (Phase::Paused { at, elapsed }, Action::Jump(to)) => {
                if let Paused::Step(step) = at {
                    self.leave(step, elapsed);
                }
                Phase::Paused {
                    at: Paused::Step(to.min(last)),
                    elapsed: 0,
                }
            }
            (Phase::Paused { at, elapsed }, Action::Stop) => {
                if let Paused::Step(step) = at {
                    self.leave(step, elapsed);
                }
                Phase::Finished { early: true }
            }
            (Phase::GetReady { .. }, Action::Stop) => Phase::Finished { early: true },

            // Everything else changes nothing: pausing a pause, resuming a
            // running step, starting twice.
            (phase, _) => phase,
        };
    }

    /// What to show at `now`. Does not change the timer; call `apply`
    /// with `Action::Tick` to move it along.
    pub fn snapshot(&self, now: u64) -> Snapshot {
        let mut timer = self.clone();
        timer.sync(now);
        timer.snapshot_synced(now)
    }

    /// The moment (ms) of the next change the clock will make by itself:
    /// the end of the countdown or of a step. None when nothing is due.
    pub fn next_change_at(&self) -> Option<u64> {
        match self.phase {
            Phase::GetReady { until, .. } => Some(until),
            Phase::Running { step, started } if !self.manual => Some(started + self.steps[step]),
            _ => None,
        }
    }

    /// What was done so far.
    pub fn summary(&self) -> Summary {
        Summary {
            worked_ms: self.worked.iter().sum(),
            completed: self
                .worked
                .iter()
                .zip(&self.steps)
                .filter(|(w, d)| w >= d)
                .count(),
            steps: self.steps.len(),
            early: matches!(self.phase, Phase::Finished { early: true }),
        }
    }

    fn begin(&mut self, first: usize, now: u64) -> Phase {
        self.worked.iter_mut().for_each(|w| *w = 0);
        if self.steps.is_empty() {
            return Phase::Finished { early: false };
        }
        if self.get_ready == 0 {
            self.run(first, now)
        } else {
            Phase::GetReady {
                until: now + self.get_ready,
                first,
            }
        }
    }

    fn run(&self, step: usize, started: u64) -> Phase {
        Phase::Running { step, started }
    }

    /// Records time spent on a step when leaving it.
    fn leave(&mut self, step: usize, elapsed: u64) {
        let worked = &mut self.worked[step];
        *worked = (*worked + elapsed).min(self.steps[step]);
    }

    /// Applies the changes the clock makes by itself up to `now`: the end
    /// of the countdown and of each step, however many have passed.
    fn sync(&mut self, now: u64) {
        loop {
            match self.phase {
                Phase::GetReady { until, first } if now >= until => {
                    self.phase = Phase::Running {
                        step: first,
                        started: until,
                    };
                }
                Phase::Running { step, started } if !self.manual => {
                    let ends = started + self.steps[step];
                    if now < ends {
                        return;
                    }
                    self.leave(step, self.steps[step]);
                    self.phase = if step + 1 == self.steps.len() {
                        Phase::Finished { early: false }
                    } else {
                        // The next step starts when this one ended, not now,
                        // so a late clock never shifts the schedule.
                        Phase::Running {
                            step: step + 1,
                            started: ends,
                        }
                    };
                }
                _ => return,
            }
        }
    }

    fn snapshot_synced(&self, now: u64) -> Snapshot {
        let total: u64 = self.steps.iter().sum();
        let before = |step: usize| self.steps[..step].iter().sum::<u64>();
        let overall = |done: u64| {
            if total == 0 {
                1.0
            } else {
                done as f32 / total as f32
            }
        };
        let (status, step, left, length, done) = match self.phase {
            Phase::Idle => (Status::Idle, None, 0, 1, 0),
            Phase::GetReady { until, first } => (
                Status::GetReady,
                Some(first),
                until.saturating_sub(now),
                self.get_ready,
                before(first),
            ),
            Phase::Running { step, started } => {
                let elapsed = now.saturating_sub(started).min(self.steps[step]);
                let left = self.steps[step] - elapsed;
                (
                    Status::Running,
                    Some(step),
                    left,
                    self.steps[step],
                    before(step) + elapsed,
                )
            }
            Phase::Paused {
                at: Paused::GetReady { first },
                elapsed,
            } => (
                Status::Paused,
                Some(first),
                self.get_ready.saturating_sub(elapsed),
                self.get_ready,
                before(first),
            ),
            Phase::Paused {
                at: Paused::Step(step),
                elapsed,
            } => (
                Status::Paused,
                Some(step),
                self.steps[step] - elapsed.min(self.steps[step]),
                self.steps[step],
                before(step) + elapsed,
            ),
            Phase::Finished { .. } => (Status::Finished, None, 0, 1, total),
        };
        let progress = if length == 0 {
            1.0
        } else {
            1.0 - left as f32 / length as f32
        };
        Snapshot {
            status,
            step,
            remaining_ms: left,
            progress,
            overall: overall(done),
        }
    }
}

/// A countdown as the clock face shows it: whole seconds, rounded up, as
/// `m:ss` (so 0:01 shows until the last moment and 0:00 only at the end).
pub fn clock(ms: u64) -> String {
    let secs = ms.div_ceil(1000);
    format!("{}:{:02}", secs / 60, secs % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: u64 = 1000;

    /// Three steps of 10, 20 and 30 seconds, with a 5-second get-ready.
    fn timer() -> Timer {
        Timer::new(vec![10 * S, 20 * S, 30 * S], 5 * S)
    }

    fn at(t: &Timer, now: u64) -> (Status, Option<usize>, u64) {
        let s = t.snapshot(now);
        (s.status, s.step, s.remaining_ms)
    }

    #[test]
    fn a_new_timer_is_idle_until_started() {
        let mut t = timer();
        assert_eq!(at(&t, 0), (Status::Idle, None, 0));
        t.apply(Action::Pause, 0);
        t.apply(Action::Next, 0);
        assert_eq!(at(&t, 100 * S), (Status::Idle, None, 0));
    }

    #[test]
    fn start_counts_down_get_ready_then_runs_each_step_in_turn() {
        let mut t = timer();
        t.apply(Action::Start, 1000);
        assert_eq!(at(&t, 1000), (Status::GetReady, Some(0), 5 * S));
        assert_eq!(at(&t, 3500), (Status::GetReady, Some(0), 2500));
        assert_eq!(at(&t, 6000), (Status::Running, Some(0), 10 * S));
        assert_eq!(at(&t, 16 * S - 1), (Status::Running, Some(0), 1));
        assert_eq!(at(&t, 16 * S), (Status::Running, Some(1), 20 * S));
        assert_eq!(at(&t, 36 * S), (Status::Running, Some(2), 30 * S));
        assert_eq!(at(&t, 66 * S), (Status::Finished, None, 0));
    }

    #[test]
    fn snapshot_does_not_change_the_timer_but_tick_does() {
        let mut t = timer();
        t.apply(Action::Start, 0);
        let _ = t.snapshot(100 * S);
        assert_eq!(t.next_change_at(), Some(5 * S));
        t.apply(Action::Tick, 20 * S);
        assert_eq!(t.next_change_at(), Some(35 * S));
    }

    #[test]
    fn without_get_ready_the_first_step_begins_at_once() {
        let mut t = Timer::new(vec![10 * S], 0);
        t.apply(Action::Start, 0);
        assert_eq!(at(&t, 0), (Status::Running, Some(0), 10 * S));
    }

    #[test]
    fn pause_freezes_the_countdown_and_resume_continues_it() {
        let mut t = timer();
        t.apply(Action::Start, 0);
        t.apply(Action::Pause, 8 * S); // 3 s into step 0
        assert_eq!(at(&t, 8 * S), (Status::Paused, Some(0), 7 * S));
        assert_eq!(at(&t, 500 * S), (Status::Paused, Some(0), 7 * S));
        t.apply(Action::Resume, 500 * S);
        assert_eq!(at(&t, 500 * S), (Status::Running, Some(0), 7 * S));
        assert_eq!(at(&t, 507 * S), (Status::Running, Some(1), 20 * S));
    }

    #[test]
    fn pause_during_get_ready_keeps_the_countdown() {
        let mut t = timer();
        t.apply(Action::Start, 0);
        t.apply(Action::Pause, 2 * S);
        assert_eq!(at(&t, 60 * S), (Status::Paused, Some(0), 3 * S));
        t.apply(Action::Resume, 60 * S);
        assert_eq!(at(&t, 62 * S), (Status::GetReady, Some(0), S));
        assert_eq!(at(&t, 63 * S), (Status::Running, Some(0), 10 * S));
    }

    #[test]
    fn a_pause_asked_after_a_step_boundary_lands_on_the_new_step() {
        // The clock was late: the pause arrives 2 s after step 0 ended (15 s).
        let mut t = timer();
        t.apply(Action::Start, 0);
        t.apply(Action::Pause, 17 * S);
        assert_eq!(at(&t, 17 * S), (Status::Paused, Some(1), 18 * S));
        t.apply(Action::Resume, 100 * S);
        assert_eq!(at(&t, 118 * S), (Status::Running, Some(2), 30 * S));
    }

    #[test]
    fn many_pauses_add_up_without_drift() {
        let mut t = Timer::new(vec![60 * S], 0);
        t.apply(Action::Start, 0);
        let mut now = 0;
        for _ in 0..50 {
            now += 1000; // run 1 s
            t.apply(Action::Pause, now);
            now += 7_777; // paused a while
            t.apply(Action::Resume, now);
        }
        assert_eq!(at(&t, now), (Status::Running, Some(0), 10 * S));
        assert_eq!(at(&t, now + 10 * S), (Status::Finished, None, 0));
    }

    #[test]
    fn next_and_previous_move_between_steps_and_restart_the_step() {
        let mut t = timer();
        t.apply(Action::Start, 0);
        t.apply(Action::Next, S); // skips the get-ready
        assert_eq!(at(&t, S), (Status::Running, Some(0), 10 * S));
        t.apply(Action::Next, 4 * S);
        assert_eq!(at(&t, 4 * S), (Status::Running, Some(1), 20 * S));
        t.apply(Action::Previous, 9 * S);
        assert_eq!(at(&t, 9 * S), (Status::Running, Some(0), 10 * S));
        t.apply(Action::Previous, 10 * S);
        assert_eq!(
            at(&t, 10 * S),
            (Status::Running, Some(0), 10 * S),
            "previous on the first step restarts it"
        );
    }

    #[test]
    fn next_on_the_last_step_finishes() {
        let mut t = timer();
        t.apply(Action::StartAt(2), 0);
        assert_eq!(at(&t, 0), (Status::GetReady, Some(2), 5 * S));
        t.apply(Action::Next, 6 * S);
        assert_eq!(at(&t, 6 * S).0, Status::Finished);
        let summary = t.summary();
        assert!(!summary.early);
        assert_eq!(summary.worked_ms, S);
        assert_eq!(summary.completed, 0);
    }

    #[test]
    fn next_while_paused_moves_on_and_stays_paused() {
        let mut t = timer();
        t.apply(Action::Start, 0);
        t.apply(Action::Pause, 6 * S);
        t.apply(Action::Next, 7 * S);
        assert_eq!(at(&t, 50 * S), (Status::Paused, Some(1), 20 * S));
        t.apply(Action::Previous, 51 * S);
        assert_eq!(at(&t, 51 * S), (Status::Paused, Some(0), 10 * S));
        t.apply(Action::Jump(2), 52 * S);
        assert_eq!(at(&t, 52 * S), (Status::Paused, Some(2), 30 * S));
        t.apply(Action::Next, 53 * S);
        assert_eq!(at(&t, 53 * S).0, Status::Finished);
    }

    #[test]
    fn jump_goes_to_any_step_and_is_clamped_to_the_routine() {
        let mut t = timer();
        t.apply(Action::Start, 0);
        t.apply(Action::Jump(1), 2 * S);
        assert_eq!(at(&t, 2 * S), (Status::Running, Some(1), 20 * S));
        t.apply(Action::Jump(99), 3 * S);
        assert_eq!(at(&t, 3 * S), (Status::Running, Some(2), 30 * S));
        // From idle, a jump starts the routine there, after the get-ready.
        let mut t = timer();
        t.apply(Action::Jump(1), 0);
        assert_eq!(at(&t, 0), (Status::GetReady, Some(1), 5 * S));
    }

    #[test]
    fn stop_ends_early_with_a_summary_of_what_was_done() {
        let mut t = timer();
        t.apply(Action::Start, 0);
        t.apply(Action::Stop, 20 * S); // step 0 done, 5 s into step 1
        assert_eq!(at(&t, 20 * S).0, Status::Finished);
        assert_eq!(
            t.summary(),
            Summary {
                worked_ms: 15 * S,
                completed: 1,
                steps: 3,
                early: true
            }
        );
        t.apply(Action::Reset, 21 * S);
        assert_eq!(at(&t, 21 * S).0, Status::Idle);
        assert_eq!(t.summary().worked_ms, 0);
    }

    #[test]
    fn finishing_on_schedule_counts_every_step_as_done() {
        let mut t = timer();
        t.apply(Action::Start, 0);
        t.apply(Action::Tick, 1_000 * S);
        assert_eq!(
            t.summary(),
            Summary {
                worked_ms: 60 * S,
                completed: 3,
                steps: 3,
                early: false
            }
        );
        // Starting again begins afresh.
        t.apply(Action::Start, 2_000 * S);
        assert_eq!(at(&t, 2_000 * S).0, Status::GetReady);
        assert_eq!(t.summary().worked_ms, 0);
    }

    #[test]
    fn a_clock_that_jumps_ahead_lands_on_the_scheduled_step() {
        // A tab frozen for 17 s, across the end of step 0: the next call
        // shows step 1, 8 s in (it began at 15 s), with 12 s left.
        let mut t = timer();
        t.apply(Action::Start, 0);
        t.apply(Action::Tick, 6 * S);
        t.apply(Action::Tick, 23 * S);
        assert_eq!(at(&t, 23 * S), (Status::Running, Some(1), 12 * S));
        assert_eq!(t.next_change_at(), Some(35 * S));
    }

    #[test]
    fn a_clock_that_jumps_back_never_adds_time_or_panics() {
        let mut t = timer();
        t.apply(Action::Start, 100 * S);
        t.apply(Action::Tick, 110 * S); // 5 s into step 0
        t.apply(Action::Pause, 50 * S); // the clock went backwards
        let s = t.snapshot(40 * S);
        assert_eq!(s.status, Status::Paused);
        assert!(s.remaining_ms <= 10 * S);
        t.apply(Action::Resume, 0);
        t.apply(Action::Tick, 0);
        assert!(t.snapshot(0).remaining_ms <= 10 * S);
    }

    #[test]
    fn in_manual_mode_a_step_waits_at_zero_for_next() {
        let mut t = timer();
        t.set_manual(true, 0);
        t.apply(Action::Start, 0);
        t.apply(Action::Tick, 100 * S);
        assert_eq!(at(&t, 100 * S), (Status::Running, Some(0), 0));
        assert_eq!(t.next_change_at(), None);
        t.apply(Action::Next, 100 * S);
        assert_eq!(at(&t, 100 * S), (Status::Running, Some(1), 20 * S));
        // Switching back to automatic moves on from the schedule.
        t.set_manual(false, 130 * S);
        assert_eq!(at(&t, 130 * S), (Status::Running, Some(2), 20 * S));
    }

    #[test]
    fn progress_runs_from_zero_to_one() {
        let mut t = timer();
        t.apply(Action::Start, 0);
        let s = t.snapshot(5 * S + 5 * S);
        assert!((s.progress - 0.5).abs() < 1e-6);
        assert!((s.overall - 5.0 / 60.0).abs() < 1e-6);
        assert_eq!(t.snapshot(0).overall, 0.0);
        t.apply(Action::Tick, 1_000 * S);
        assert_eq!(t.snapshot(1_000 * S).overall, 1.0);
    }

    #[test]
    fn an_empty_routine_finishes_at_once() {
        let mut t = Timer::new(vec![], 5 * S);
        t.apply(Action::Start, 0);
        assert_eq!(at(&t, 0).0, Status::Finished);
    }

    #[test]
    fn the_clock_face_rounds_up_to_whole_seconds() {
        assert_eq!(clock(0), "0:00");
        assert_eq!(clock(1), "0:01");
        assert_eq!(clock(59_001), "1:00");
        assert_eq!(clock(600_000), "10:00");
        assert_eq!(clock(61_000), "1:01");
    }
}
