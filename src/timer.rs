//! The guided routine timer as a pure state machine, fed with the current
//! time in milliseconds. Remaining time is always worked out from
//! timestamps, never by counting ticks, so a late, throttled or frozen
//! clock cannot make it drift: the next `apply` at any `now` puts it on the
//! step and time that the schedule implies.

mod cue;

pub use cue::{cue_passed, Cue, CUE_LATE_MS, HALFWAY_FROM_MS, TEN_LEFT_FROM_MS};

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

    /// Where a track of the whole routine (the countdown, then each step
    /// in turn) stands for the moment `now`: a countdown before step `k`
    /// is the stretch just before `k` begins. `None` when idle or stopped
    /// early; the routine's end once it has finished.
    pub fn track_ms(&self, now: u64) -> Option<u64> {
        let mut timer = self.clone();
        timer.sync(now);
        let start = |step: usize| timer.get_ready + timer.steps[..step].iter().sum::<u64>();
        match timer.phase {
            Phase::Idle | Phase::Finished { early: true } => None,
            Phase::Finished { early: false } => Some(start(timer.steps.len())),
            Phase::GetReady { until, first } => Some(start(first).saturating_sub(until.saturating_sub(now))),
            Phase::Paused {
                at: Paused::GetReady { first },
                elapsed,
            } => Some(start(first).saturating_sub(timer.get_ready.saturating_sub(elapsed))),
            Phase::Running { step, started } => {
                Some(start(step) + now.saturating_sub(started).min(timer.steps[step]))
            }
            Phase::Paused {
                at: Paused::Step(step),
                elapsed,
            } => Some(start(step) + elapsed.min(timer.steps[step])),
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

    /// What would have been done if the routine were stopped at `now`:
    /// for a checkpoint of a routine under way. Changes nothing.
    pub fn summary_if_stopped(&self, now: u64) -> Summary {
        let mut timer = self.clone();
        timer.apply(Action::Stop, now);
        timer.summary()
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
mod tests;
