//! Importing an export file into the store: what it will add or change,
//! for the person to confirm first ([`plan`]), and the merge itself
//! ([`merge`]), which [`super::Change::Import`] applies.
//!
//! - A routine already here (same name and steps, under any id) is left
//!   alone, so importing the same file twice adds nothing.
//! - A routine whose id is free is added at the end, id kept.
//! - A routine whose id is taken by a different routine (the same routine,
//!   edited since on one side or the other) is added as a copy, under a new
//!   id and named "… (imported)"; the routine here is not touched. Nothing
//!   is overwritten, and importing the file again adds no second copy.
//! - A session is new unless one with the same start and routine id is
//!   here. Then the one here is kept, with its ratings, and takes the
//!   file's ratings where it has none (before, after, or both).
//! - Settings: sound and pacing come from the file; the safety note counts
//!   as read if it was read on either side; what the person follows stays
//!   as chosen here, or comes from the file if nothing is chosen here.

use super::{Rating, Session, Store};
use crate::content::RoutineStep;
use crate::own_routine::{copy_name, OwnRoutine};
use crate::settings::{Measure, Settings};
use crate::text::{count, fill, get, key};
use std::collections::{HashMap, HashSet};

/// A file read for import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFile {
    /// When it was exported (Unix ms), if it says.
    pub exported_ms: Option<i64>,
    /// What it holds.
    pub data: Store,
}

/// What an import will do, for the person to confirm first.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportPlan {
    /// Names of routines to be added.
    pub new_routines: Vec<String>,
    /// Names of routines that differ from the one here with the same id:
    /// added as copies named "… (imported)"; the one here stays as it is.
    pub changed_routines: Vec<String>,
    /// Routines already here.
    pub known_routines: usize,
    /// History entries to be added.
    pub new_sessions: usize,
    /// History entries already here.
    pub known_sessions: usize,
    /// History entries already here that take ratings from the file.
    pub rated_sessions: usize,
    /// Whether the sound and pacing settings will change.
    pub settings_changed: bool,
    /// Which of them, each by its name in the preview: every setting the
    /// import takes is named.
    pub settings_taken: Vec<&'static str>,
    /// What the person will follow from the file, if nothing is chosen
    /// here and the file chose it.
    pub measure: Option<Measure>,
    /// How many conditions the file says apply that are not chosen here
    /// ("What applies to me"); they are added, none is taken away.
    pub applies_added: usize,
}

impl ImportPlan {
    /// Whether the import would change nothing.
    pub fn is_empty(&self) -> bool {
        self.new_routines.is_empty()
            && self.changed_routines.is_empty()
            && self.new_sessions == 0
            && self.rated_sessions == 0
            && !self.settings_changed
            && self.measure.is_none()
            && self.applies_added == 0
    }

    /// What importing will do, one sentence per kind of change, as shown
    /// before the person confirms.
    pub fn describe(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.is_empty() {
            out.push(get(key::IMPORT_PLAN_NOTHING_NEW).into());
            return out;
        }
        let quoted = |names: &[String]| {
            names
                .iter()
                .map(|n| fill(key::LIST_QUOTED, &[("name", n)]))
                .collect::<Vec<_>>()
                .join(get(key::LIST_SEPARATOR))
        };
        let n = |n: usize| n as u64;
        if !self.new_routines.is_empty() {
            out.push(count(
                key::IMPORT_PLAN_ADDS_ROUTINES,
                n(self.new_routines.len()),
                &[("names", &quoted(&self.new_routines))],
            ));
        }
        if !self.changed_routines.is_empty() {
            out.push(count(
                key::IMPORT_PLAN_ADDS_COPIES,
                n(self.changed_routines.len()),
                &[
                    ("suffix", &get(key::OWN_IMPORTED_SUFFIX)),
                    ("names", &quoted(&self.changed_routines)),
                ],
            ));
        }
        if self.new_sessions > 0 {
            out.push(count(key::IMPORT_PLAN_ADDS_SESSIONS, n(self.new_sessions), &[]));
        }
        if self.rated_sessions > 0 {
            out.push(count(key::IMPORT_PLAN_ADDS_RATINGS, n(self.rated_sessions), &[]));
        }
        if self.settings_changed {
            out.push(fill(
                key::IMPORT_PLAN_TAKES_SETTINGS,
                &[("settings", &self.settings_taken.join(get(key::LIST_SEPARATOR)))],
            ));
        }
        if self.applies_added > 0 {
            out.push(count(key::IMPORT_PLAN_ADDS_APPLIES, n(self.applies_added), &[]));
        }
        if let Some(measure) = self.measure {
            out.push(fill(
                key::IMPORT_PLAN_ASKS_MEASURE,
                &[("measure", &measure.label_in_text())],
            ));
        }
        if self.known_routines + self.known_sessions > 0 {
            out.push(fill(
                key::IMPORT_PLAN_ALREADY_HERE,
                &[
                    (
                        "routines",
                        &count(key::COUNTS_ROUTINES, n(self.known_routines), &[]),
                    ),
                    (
                        "sessions",
                        &count(key::COUNTS_SESSIONS, n(self.known_sessions), &[]),
                    ),
                ],
            ));
        }
        out
    }
}

/// What importing `file` into `store` would do.
pub fn plan(store: &Store, file: &ExportFile) -> ImportPlan {
    walk(store, file).1
}

/// Merges `file` into `store` as [`plan`] describes (see the module notes).
pub fn merge(store: Store, file: &ExportFile) -> Store {
    walk(&store, file).0
}

/// The merge and what it does, in one pass, in time that grows in step
/// with the two stores' sizes: routines are found by id and by name and
/// steps in hash tables, free ids are counted up from where the last one
/// for the same base stopped, and the two histories (both in order) are
/// merged side by side.
fn walk(store: &Store, file: &ExportFile) -> (Store, ImportPlan) {
    let mut plan = ImportPlan::default();
    let mut now = store.clone();
    // Routines here as they were before the import, by name and steps.
    let here: HashSet<(&str, &[RoutineStep])> = store
        .routines
        .iter()
        .map(|r| (r.name.as_str(), r.steps.as_slice()))
        .collect();
    let mut ids = Ids::of(&now.routines);
    for routine in &file.data.routines {
        // The suffix of a routine imported as a copy: " (imported)".
        let copy = copy_name(&routine.name, get(key::OWN_IMPORTED_SUFFIX));
        let known_here = here.contains(&(routine.name.as_str(), routine.steps.as_slice()))
            || here.contains(&(copy.as_str(), routine.steps.as_slice()));
        match ids.position(&routine.id) {
            _ if known_here => plan.known_routines += 1,
            Some(i) if now.routines[i] == *routine => plan.known_routines += 1,
            None => {
                plan.new_routines.push(routine.name.clone());
                ids.add(&routine.id, now.routines.len());
                now.routines.push(routine.clone());
            }
            Some(_) => {
                plan.changed_routines.push(routine.name.clone());
                let id = ids.free(&routine.id, now.routines.len());
                now.routines.push(OwnRoutine {
                    id,
                    name: copy,
                    steps: routine.steps.clone(),
                });
            }
        }
    }
    now.settings = merged_settings(store.settings, file);
    plan.settings_changed = Settings {
        measure: store.settings.measure,
        exported_ms: store.settings.exported_ms,
        applies: store.settings.applies,
        ..now.settings
    } != store.settings;
    plan.applies_added = now.settings.applies.ids().count() - store.settings.applies.ids().count();
    let (was, will) = (store.settings, now.settings);
    plan.settings_taken = [
        (was.sound != will.sound, key::IMPORT_PLAN_SETTING_SOUND),
        (was.manual != will.manual, key::IMPORT_PLAN_SETTING_MANUAL),
        (
            was.no_vibrate != will.no_vibrate,
            key::IMPORT_PLAN_SETTING_VIBRATE,
        ),
        (was.cues != will.cues, key::IMPORT_PLAN_SETTING_CUES),
        (was.reader != will.reader, key::IMPORT_PLAN_SETTING_READER),
    ]
    .into_iter()
    .filter(|(changed, _)| *changed)
    .map(|(_, name)| get(name))
    .collect();
    plan.measure = now.settings.measure.filter(|_| store.settings.measure.is_none());
    let merged = merged_history(&store.history, &file.data.history);
    now.history = merged.history;
    plan.new_sessions = merged.new;
    plan.known_sessions = merged.known;
    plan.rated_sessions = merged.rated;
    (now, plan)
}

fn merged_settings(here: Settings, file: &ExportFile) -> Settings {
    // The data here now has a copy outside: the file, made when it says.
    let exported_ms = here
        .exported_ms
        .max(file.exported_ms)
        .max(file.data.settings.exported_ms);
    Settings {
        safety_seen: here.safety_seen || file.data.settings.safety_seen,
        exported_ms,
        measure: here.measure.or(file.data.settings.measure),
        // A condition said on either device still applies: an import
        // never takes one away.
        applies: here.applies.union(file.data.settings.applies),
        ..file.data.settings
    }
}

/// Two histories merged, and how many of the file's sessions were new,
/// known, and known but bringing ratings.
struct Merged {
    history: Vec<Session>,
    new: usize,
    known: usize,
    rated: usize,
}

/// The two histories as one, in order: a session from the file whose key
/// is here already is left out (the one here is kept, taking the file's
/// ratings where it has none). Both are in order with unique keys, as a
/// read store's always are.
fn merged_history(here: &[Session], file: &[Session]) -> Merged {
    let mut out = Vec::with_capacity(here.len() + file.len());
    let (mut new, mut known, mut rated) = (0, 0, 0);
    let (mut a, mut b) = (here.iter().peekable(), file.iter().peekable());
    loop {
        let order = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => x.order().cmp(&y.order()),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => break,
        };
        match order {
            std::cmp::Ordering::Less => out.extend(a.next().cloned()),
            std::cmp::Ordering::Greater => {
                new += 1;
                out.extend(b.next().cloned());
            }
            std::cmp::Ordering::Equal => {
                known += 1;
                let (Some(mine), Some(theirs)) = (a.next(), b.next()) else {
                    break;
                };
                let mut kept = mine.clone();
                kept.rating = Rating::join(mine.rating, theirs.rating);
                if kept.rating != mine.rating {
                    rated += 1;
                }
                out.push(kept);
            }
        }
    }
    Merged {
        history: out,
        new,
        known,
        rated,
    }
}

/// The routine ids in a list, for finding one and a free one at once.
pub(crate) struct Ids {
    at: HashMap<String, usize>,
    /// The next suffix to try for each base id.
    next: HashMap<String, usize>,
}

impl Ids {
    pub(crate) fn of(routines: &[OwnRoutine]) -> Ids {
        Ids {
            at: routines
                .iter()
                .enumerate()
                .map(|(i, r)| (r.id.clone(), i))
                .collect(),
            next: HashMap::new(),
        }
    }

    /// Where the routine with this id is.
    pub(crate) fn position(&self, id: &str) -> Option<usize> {
        self.at.get(id).copied()
    }

    /// Records that the routine at `position` has this id.
    pub(crate) fn add(&mut self, id: &str, position: usize) {
        self.at.insert(id.to_string(), position);
    }

    /// `base-2`, `base-3`… the first no routine has, recorded as the id of
    /// the routine at `position`.
    pub(crate) fn free(&mut self, base: &str, position: usize) -> String {
        let n = self.next.entry(base.to_string()).or_insert(2);
        loop {
            let id = format!("{base}-{n}");
            *n += 1;
            if !self.at.contains_key(&id) {
                self.at.insert(id.clone(), position);
                return id;
            }
        }
    }
}
