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
//!   here (then the one here is kept).
//! - Settings: sound and pacing come from the file; the safety note counts
//!   as read if it was read on either side.

use super::{count, Store};
use crate::own_routine::{copy_name, OwnRoutine};
use crate::settings::Settings;
use std::collections::HashSet;

/// The suffix of a routine imported as a copy.
pub const IMPORTED: &str = " (imported)";

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
    /// Whether the settings will change.
    pub settings_changed: bool,
}

impl ImportPlan {
    /// Whether the import would change nothing.
    pub fn is_empty(&self) -> bool {
        self.new_routines.is_empty()
            && self.changed_routines.is_empty()
            && self.new_sessions == 0
            && !self.settings_changed
    }

    /// What importing will do, one sentence per kind of change, as shown
    /// before the person confirms.
    pub fn describe(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.is_empty() {
            out.push("Everything in this file is already here: importing it changes nothing.".into());
            return out;
        }
        let quoted = |names: &[String]| {
            names
                .iter()
                .map(|n| format!("“{n}”"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        if !self.new_routines.is_empty() {
            out.push(format!(
                "Adds {}: {}.",
                count(self.new_routines.len(), "routine", "routines"),
                quoted(&self.new_routines)
            ));
        }
        if !self.changed_routines.is_empty() {
            out.push(format!(
                "Adds a copy named “…{IMPORTED}” of {}: yours of the same name differ{} and stay{} as {}.",
                quoted(&self.changed_routines),
                if self.changed_routines.len() == 1 { "s" } else { "" },
                if self.changed_routines.len() == 1 { "s" } else { "" },
                if self.changed_routines.len() == 1 {
                    "it is"
                } else {
                    "they are"
                },
            ));
        }
        if self.new_sessions > 0 {
            out.push(format!(
                "Adds {} to your history.",
                count(self.new_sessions, "session", "sessions")
            ));
        }
        if self.settings_changed {
            out.push("Takes the sound and pacing settings from the file.".into());
        }
        if self.known_routines + self.known_sessions > 0 {
            out.push(format!(
                "Already here and left as they are: {}, {}.",
                count(self.known_routines, "routine", "routines"),
                count(self.known_sessions, "session", "sessions"),
            ));
        }
        out
    }
}

enum Fate {
    Known,
    New,
    Copy,
}

/// What becomes of an imported routine. `before` is the store as it was
/// before the import, `now` as the import has grown it so far.
fn fate(before: &Store, now: &Store, routine: &OwnRoutine) -> Fate {
    let copy = copy_name(&routine.name, IMPORTED);
    let here = before
        .routines
        .iter()
        .any(|r| r.steps == routine.steps && (r.name == routine.name || r.name == copy));
    match now.routine(&routine.id) {
        _ if here => Fate::Known,
        None => Fate::New,
        Some(same) if same == routine => Fate::Known,
        Some(_) => Fate::Copy,
    }
}

fn merged_settings(here: Settings, file: Settings) -> Settings {
    Settings {
        safety_seen: here.safety_seen || file.safety_seen,
        ..file
    }
}

/// What importing `file` into `store` would do.
pub fn plan(store: &Store, file: &ExportFile) -> ImportPlan {
    let mut plan = ImportPlan::default();
    let mut now = store.clone();
    for routine in &file.data.routines {
        match fate(store, &now, routine) {
            Fate::Known => plan.known_routines += 1,
            Fate::New => plan.new_routines.push(routine.name.clone()),
            Fate::Copy => plan.changed_routines.push(routine.name.clone()),
        }
        now = add(store, now, routine);
    }
    let here: HashSet<_> = store.history.iter().map(|s| s.key()).collect();
    for session in &file.data.history {
        if here.contains(&session.key()) {
            plan.known_sessions += 1;
        } else {
            plan.new_sessions += 1;
        }
    }
    plan.settings_changed = merged_settings(store.settings, file.data.settings) != store.settings;
    plan
}

fn add(before: &Store, mut now: Store, routine: &OwnRoutine) -> Store {
    match fate(before, &now, routine) {
        Fate::Known => {}
        Fate::New => now.add_routine(routine.clone(), None),
        Fate::Copy => {
            let copy = OwnRoutine {
                id: now.free_id(&routine.id),
                name: copy_name(&routine.name, IMPORTED),
                steps: routine.steps.clone(),
            };
            now.add_routine(copy, None);
        }
    }
    now
}

/// Merges `file` into `store` as [`plan`] describes (see the module notes).
pub fn merge(store: Store, file: &ExportFile) -> Store {
    let before = store.clone();
    let mut store = file
        .data
        .routines
        .iter()
        .fold(store, |now, routine| add(&before, now, routine));
    store.settings = merged_settings(before.settings, file.data.settings);
    let here: HashSet<_> = store.history.iter().map(|s| s.key()).collect();
    for session in &file.data.history {
        if !here.contains(&session.key()) {
            store.record(session.clone());
        }
    }
    store
}
