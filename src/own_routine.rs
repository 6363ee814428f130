//! A person's own routines: the type, its rules against the content, and
//! the editor's changes as a pure reducer (`routine.reduce(action)`).

use crate::content::{Content, Routine, RoutineStep, Side, Zone};
use crate::text::{fill, get, key};

/// The shortest step, in seconds.
pub const MIN_SECONDS: u32 = 5;
/// The longest step, in seconds.
pub const MAX_SECONDS: u32 = 600;
/// Step times move in steps of this many seconds.
pub const SECONDS_STEP: u32 = 5;
/// The most steps a routine may have.
pub const MAX_STEPS: usize = 60;
/// The longest name, in characters.
pub const MAX_NAME: usize = 60;
/// The longest routine id, in characters.
pub const MAX_ID: usize = 40;

/// A routine a person made, copied or received by link. Its steps are the
/// content's [`RoutineStep`] (side, zone id, technique id, seconds), so the
/// player runs it like a built-in routine (see [`OwnRoutine::to_routine`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct OwnRoutine {
    /// Unique among the person's routines; never one of the built-in ids
    /// (those have no `my-` prefix). See [`new_id`].
    pub id: String,
    pub name: String,
    pub steps: Vec<RoutineStep>,
}

/// A new routine id made from the time (Unix ms): `my-` and the time in
/// base 36, with `-2`, `-3`… added if `taken` says it is already used.
pub fn new_id(now_ms: u64, taken: impl Fn(&str) -> bool) -> String {
    let base = format!("my-{}", base36(now_ms));
    let mut id = base.clone();
    let mut n = 2;
    while taken(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Whether `id` has the shape of an own routine id: `my-` then lower-case
/// letters, digits and hyphens, at most [`MAX_ID`] characters.
pub fn is_own_id(id: &str) -> bool {
    id.len() <= MAX_ID
        && id.strip_prefix("my-").is_some_and(|rest| {
            !rest.is_empty()
                && rest
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
}

/// What is wrong with a routine, one problem per value; see
/// [`OwnRoutine::problems`]. Steps are counted from 1, as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoutineProblem {
    /// The name is empty or only spaces.
    NoName,
    /// The name is longer than [`MAX_NAME`] characters.
    NameTooLong,
    /// There is nothing to do.
    NoSteps,
    /// More than [`MAX_STEPS`] steps.
    TooManySteps(usize),
    /// A step names a zone the content does not have.
    UnknownZone { step: usize, zone: String },
    /// A step names a technique the content does not have.
    UnknownTechnique { step: usize, technique: String },
    /// The technique exists, but the zone does not list it.
    TechniqueNotForZone {
        step: usize,
        zone: String,
        technique: String,
    },
    /// Outside 5 to 600 seconds, or not a multiple of 5.
    BadSeconds { step: usize, seconds: u32 },
}

impl RoutineProblem {
    /// The sentence shown to the person.
    pub fn message(&self) -> String {
        match self {
            RoutineProblem::NoName => get(key::ROUTINE_PROBLEM_NO_NAME).into(),
            RoutineProblem::NameTooLong => fill(key::ROUTINE_PROBLEM_NAME_TOO_LONG, &[("max", &MAX_NAME)]),
            RoutineProblem::NoSteps => get(key::ROUTINE_PROBLEM_NO_STEPS).into(),
            RoutineProblem::TooManySteps(n) => fill(
                key::ROUTINE_PROBLEM_TOO_MANY_STEPS,
                &[("count", n), ("max", &MAX_STEPS)],
            ),
            RoutineProblem::UnknownZone { step, zone } => fill(
                key::ROUTINE_PROBLEM_UNKNOWN_ZONE,
                &[("number", step), ("zone", zone)],
            ),
            RoutineProblem::UnknownTechnique { step, technique } => fill(
                key::ROUTINE_PROBLEM_UNKNOWN_TECHNIQUE,
                &[("number", step), ("technique", technique)],
            ),
            RoutineProblem::TechniqueNotForZone {
                step,
                zone,
                technique,
            } => fill(
                key::ROUTINE_PROBLEM_TECHNIQUE_NOT_FOR_ZONE,
                &[("number", step), ("technique", technique), ("zone", zone)],
            ),
            RoutineProblem::BadSeconds { step, seconds } => fill(
                key::ROUTINE_PROBLEM_BAD_SECONDS,
                &[
                    ("number", step),
                    ("seconds", seconds),
                    ("min", &MIN_SECONDS),
                    ("max", &MAX_SECONDS),
                    ("increment", &SECONDS_STEP),
                ],
            ),
        }
    }
}

/// Whether a step time is allowed: 5 to 600 seconds, a multiple of 5.
pub fn seconds_ok(seconds: u32) -> bool {
    (MIN_SECONDS..=MAX_SECONDS).contains(&seconds) && seconds.is_multiple_of(SECONDS_STEP)
}

/// The nearest allowed step time.
pub fn clamp_seconds(seconds: u32) -> u32 {
    let rounded = seconds.saturating_add(SECONDS_STEP / 2) / SECONDS_STEP * SECONDS_STEP;
    rounded.clamp(MIN_SECONDS, MAX_SECONDS)
}

/// The problems of one step (numbered `number`, from 1) against the content.
pub fn step_problems(step: &RoutineStep, number: usize, content: &Content) -> Vec<RoutineProblem> {
    let mut out = Vec::new();
    let zone = content.zone(&step.zone);
    let technique_known = content.technique(&step.technique).is_some();
    match zone {
        None => out.push(RoutineProblem::UnknownZone {
            step: number,
            zone: step.zone.clone(),
        }),
        Some(_) if !technique_known => out.push(RoutineProblem::UnknownTechnique {
            step: number,
            technique: step.technique.clone(),
        }),
        Some(zone) if !zone.methods.iter().any(|m| m.technique == step.technique) => {
            out.push(RoutineProblem::TechniqueNotForZone {
                step: number,
                zone: zone.id.clone(),
                technique: step.technique.clone(),
            })
        }
        Some(_) => {}
    }
    if zone.is_none() && !technique_known {
        out.push(RoutineProblem::UnknownTechnique {
            step: number,
            technique: step.technique.clone(),
        });
    }
    if !seconds_ok(step.seconds) {
        out.push(RoutineProblem::BadSeconds {
            step: number,
            seconds: step.seconds,
        });
    }
    out
}

/// The problems of a name: empty or too long.
pub fn name_problems(name: &str) -> Vec<RoutineProblem> {
    let mut out = Vec::new();
    if name.trim().is_empty() {
        out.push(RoutineProblem::NoName);
    }
    if name.chars().count() > MAX_NAME {
        out.push(RoutineProblem::NameTooLong);
    }
    out
}

/// A change the routine editor makes. Step indexes count from 0; an index
/// past the end changes nothing.
#[derive(Debug, Clone)]
pub enum EditAction {
    /// Set the name (as typed; trimmed when saved, see [`OwnRoutine::tidy`]).
    Rename(String),
    /// Add a step at the end for this zone and side: the zone's first
    /// technique at that technique's suggested time. Ignored at [`MAX_STEPS`].
    AddZone { side: Side, zone: &'static Zone },
    /// Add a step at the end as it is (for example a pasted one).
    AddStep(RoutineStep),
    /// Use another technique for a step; its time is kept.
    SetTechnique { step: usize, technique: String },
    /// Set a step's time, rounded to 5 seconds and kept within 5..=600.
    SetSeconds { step: usize, seconds: u32 },
    /// Five seconds more.
    Longer(usize),
    /// Five seconds less (not below 5).
    Shorter(usize),
    /// Swap a step with the one before it.
    MoveUp(usize),
    /// Swap a step with the one after it.
    MoveDown(usize),
    /// Move a step to another place (drag and drop).
    Move { from: usize, to: usize },
    /// Remove a step.
    Remove(usize),
    /// Copy a step to the other side, just after it ("mirror to the right
    /// foot"). Ignored at [`MAX_STEPS`].
    Mirror(usize),
    /// Add every step again, in order, on the other side, as far as
    /// [`MAX_STEPS`] allows.
    MirrorAll,
    /// Remove every step.
    Clear,
}

impl OwnRoutine {
    /// An empty routine with this id and name.
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> OwnRoutine {
        OwnRoutine {
            id: id.into(),
            name: name.into(),
            steps: Vec::new(),
        }
    }

    /// An editable copy of a built-in routine, named "… (my copy)" (in the
    /// language in use).
    pub fn copy_of(routine: &Routine, id: impl Into<String>) -> OwnRoutine {
        OwnRoutine {
            id: id.into(),
            name: copy_name(&routine.name, get(key::OWN_MY_COPY_SUFFIX)),
            steps: routine.steps.clone(),
        }
    }

    /// The whole routine's length in seconds.
    pub fn total_seconds(&self) -> u32 {
        self.steps
            .iter()
            .fold(0, |total, s| total.saturating_add(s.seconds))
    }

    /// Every problem, in the order shown; empty when it can be saved and run.
    pub fn problems(&self, content: &Content) -> Vec<RoutineProblem> {
        let mut out = name_problems(&self.name);
        if self.steps.is_empty() {
            out.push(RoutineProblem::NoSteps);
        }
        if self.steps.len() > MAX_STEPS {
            out.push(RoutineProblem::TooManySteps(self.steps.len()));
        }
        for (i, step) in self.steps.iter().enumerate() {
            out.extend(step_problems(step, i + 1, content));
        }
        out
    }

    /// The routine as it is saved: the name trimmed, control characters
    /// removed.
    pub fn tidy(mut self) -> OwnRoutine {
        self.name = clean_name(&self.name);
        self
    }

    /// The routine in the content's shape, for the player. `minutes` is the
    /// total rounded up; the summary is empty.
    pub fn to_routine(&self) -> Routine {
        Routine {
            id: self.id.clone(),
            name: self.name.clone(),
            minutes: self.total_seconds().div_ceil(60),
            summary: String::new(),
            needs: Vec::new(),
            steps: self.steps.clone(),
        }
    }

    /// Applies one editor change.
    pub fn reduce(mut self, action: EditAction) -> OwnRoutine {
        let n = self.steps.len();
        match action {
            EditAction::Rename(name) => self.name = name,
            EditAction::AddZone { side, zone } => {
                if n < MAX_STEPS {
                    if let Some(method) = zone.methods.first() {
                        self.steps.push(RoutineStep {
                            side,
                            zone: zone.id.clone(),
                            technique: method.technique.clone(),
                            seconds: clamp_seconds(method.seconds),
                        });
                    }
                }
            }
            EditAction::AddStep(step) => {
                if n < MAX_STEPS {
                    self.steps.push(step);
                }
            }
            EditAction::SetTechnique { step, technique } => {
                if let Some(s) = self.steps.get_mut(step) {
                    s.technique = technique;
                }
            }
            EditAction::SetSeconds { step, seconds } => {
                if let Some(s) = self.steps.get_mut(step) {
                    s.seconds = clamp_seconds(seconds);
                }
            }
            EditAction::Longer(step) => {
                if let Some(s) = self.steps.get_mut(step) {
                    s.seconds = clamp_seconds(s.seconds.saturating_add(SECONDS_STEP));
                }
            }
            EditAction::Shorter(step) => {
                if let Some(s) = self.steps.get_mut(step) {
                    s.seconds = clamp_seconds(s.seconds.saturating_sub(SECONDS_STEP));
                }
            }
            EditAction::MoveUp(step) => {
                if step > 0 && step < n {
                    self.steps.swap(step - 1, step);
                }
            }
            EditAction::MoveDown(step) => {
                if step + 1 < n {
                    self.steps.swap(step, step + 1);
                }
            }
            EditAction::Move { from, to } => {
                if from < n {
                    let moved = self.steps.remove(from);
                    self.steps.insert(to.min(n - 1), moved);
                }
            }
            EditAction::Remove(step) => {
                if step < n {
                    self.steps.remove(step);
                }
            }
            EditAction::Mirror(step) => {
                if n < MAX_STEPS {
                    if let Some(s) = self.steps.get(step) {
                        let mirrored = mirror(s);
                        self.steps.insert(step + 1, mirrored);
                    }
                }
            }
            EditAction::MirrorAll => {
                let room = MAX_STEPS.saturating_sub(n);
                let mirrored: Vec<RoutineStep> = self.steps.iter().take(room).map(mirror).collect();
                self.steps.extend(mirrored);
            }
            EditAction::Clear => self.steps.clear(),
        }
        self
    }
}

/// The same step on the other side.
pub fn mirror(step: &RoutineStep) -> RoutineStep {
    RoutineStep {
        side: match step.side {
            Side::Left => Side::Right,
            Side::Right => Side::Left,
        },
        ..step.clone()
    }
}

/// A name without control characters, without the invisible marks that
/// reorder text (so a shared name cannot display as something else), and
/// without surrounding spaces.
pub fn clean_name(name: &str) -> String {
    let clean: String = name
        .chars()
        .filter(|c| !c.is_control() && !is_bidi_control(*c))
        .collect();
    clean.trim().to_string()
}

/// The characters that change the direction text is shown in: embeddings,
/// overrides, isolates and the directional marks.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `name` with `suffix` added, shortening the name so the result stays
/// within [`MAX_NAME`] characters.
pub fn copy_name(name: &str, suffix: &str) -> String {
    let room = MAX_NAME.saturating_sub(suffix.chars().count());
    let base: String = name.chars().take(room).collect();
    format!("{}{suffix}", base.trim_end())
}

#[cfg(test)]
mod tests;
