//! Tests of the export file, the import preview and the merge, and property
//! tests of the import reader.

use super::*;
use crate::applies::Applies;
use crate::content::Side;
use crate::settings::Sound;
use crate::store::tests::{arb_store, damage, routine, sample, session, step};
use crate::store::Change;
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use std::collections::HashSet;

/// `store` brought within the import limits, with clean names: saved data
/// may hold what an import refuses (a step of hours, say).
fn within_limits(mut store: Store) -> Store {
    for routine in &mut store.routines {
        routine.name = clean_name(&routine.name).chars().take(MAX_NAME).collect();
        for step in &mut routine.steps {
            step.seconds %= MAX_SECONDS + 1;
        }
    }
    for session in &mut store.history {
        session.routine_name = clean_name(&session.routine_name);
        session.seconds %= MAX_SESSION_SECONDS as u32 + 1;
    }
    store
}

fn file(store: &Store) -> ExportFile {
    read(&export(store, 1_763_740_800_000)).expect("our own export reads")
}

#[test]
fn an_export_is_marked_and_reads_back_whole() {
    let store = sample();
    let text = export(&store, 1_763_740_800_000);
    assert!(text.starts_with(r#"{"format":"foot-map","version":2,"exported":1763740800000,"#));
    let file = read(&text).unwrap();
    assert_eq!(file.data, store);
    assert_eq!(file.exported_ms, Some(1_763_740_800_000));
    // With a byte-order mark, as some editors save it.
    assert_eq!(read(&format!("\u{feff}{text}")).unwrap().data, store);
}

#[test]
fn export_clear_import_gets_everything_back() {
    let store = sample();
    let text = export(&store, 5);
    let empty = Store::default();
    let plan = plan(&empty, &read(&text).unwrap());
    assert_eq!(plan.new_routines, ["Evening", "Morning “quick” ✓"]);
    assert_eq!(plan.new_sessions, 2);
    assert!(plan.settings_changed);
    let back = empty.apply(&Change::Import(read(&text).unwrap()));
    // Everything is back, and the data here now has a copy outside: the
    // file, made at 5.
    let mut exported = store.clone();
    exported.settings.exported_ms = Some(5);
    assert_eq!(back, exported);
}

#[test]
fn the_preview_says_what_an_import_adds_and_what_it_leaves() {
    let store = sample();
    let lines = plan(&Store::default(), &file(&store)).describe();
    assert_eq!(lines[0], "Adds 2 routines: “Evening”, “Morning “quick” ✓”.");
    assert_eq!(lines[1], "Adds 2 sessions to your history.");
    assert!(lines.iter().any(|l| l.contains("settings")));
    let again = plan(&store, &file(&store)).describe();
    assert_eq!(
        again,
        ["Everything in this file is already here: importing it changes nothing."]
    );
    let mut there = sample();
    there.routines[0]
        .steps
        .push(step(Side::Left, "shin", "long-strokes", 60));
    let changed = plan(&store, &file(&there)).describe();
    assert!(
        changed[0].starts_with("Adds a copy named “… (imported)” of “"),
        "{changed:?}"
    );
    assert!(changed
        .last()
        .unwrap()
        .starts_with("Already here and left as they are: 1 routine, 2 sessions"));
}

#[test]
fn importing_the_same_file_twice_adds_nothing() {
    let store = sample();
    let f = file(&store);
    let p = plan(&store, &f);
    assert!(p.is_empty(), "{p:?}");
    assert_eq!(p.known_routines, 2);
    assert_eq!(p.known_sessions, 2);
    // Nothing added; only the time of the copy outside is noted.
    let mut exported = store.clone();
    exported.settings.exported_ms = f.exported_ms;
    assert_eq!(merge(store, &f), exported);
}

#[test]
fn a_routine_changed_on_one_side_is_added_as_a_copy_once() {
    let here = sample();
    let mut there = sample();
    there.routines[0]
        .steps
        .push(step(Side::Left, "shin", "long-strokes", 60));
    there.routines.push(routine("my-new", "New one"));
    there.history.push(session(1, "my-new", 30));
    let f = file(&there);
    let p = plan(&here, &f);
    assert_eq!(p.new_routines, ["New one"]);
    assert_eq!(p.changed_routines, ["Evening"]);
    assert_eq!(p.known_routines, 1);
    assert_eq!(p.new_sessions, 1);
    assert_eq!(p.known_sessions, 2);
    assert!(!p.settings_changed);

    let merged = merge(here.clone(), &f);
    assert_eq!(merged.routines[0], here.routines[0], "the one here is untouched");
    let copy = merged
        .routines
        .iter()
        .find(|r| r.name == "Evening (imported)")
        .unwrap();
    assert_eq!(copy.steps, there.routines[0].steps);
    assert_ne!(copy.id, "my-a");
    assert!(merged.routine("my-new").is_some());
    assert_eq!(merged.history.len(), 3);
    assert_eq!(merged.history[0].start_ms, 1, "history stays in order");

    // Again: nothing more.
    assert!(plan(&merged, &f).is_empty());
    assert_eq!(merge(merged.clone(), &f), merged);
}

#[test]
fn the_same_routine_under_another_id_is_not_added_again() {
    let here = sample();
    let mut there = Store::default();
    let mut same = here.routines[0].clone();
    same.id = "my-elsewhere".into();
    there.routines.push(same);
    assert!(plan(&here, &file(&there)).new_routines.is_empty());
}

#[test]
fn settings_come_from_the_file_and_the_safety_note_stays_read() {
    let here = sample();
    let mut there = Store::default();
    there.settings.sound = Sound::Silent;
    there.settings.safety_seen = false;
    let merged = merge(here, &file(&there));
    assert_eq!(merged.settings.sound, Sound::Silent);
    assert!(merged.settings.safety_seen);
}

#[test]
fn wrong_damaged_and_foreign_files_say_what_is_wrong() {
    let good = export(&sample(), 5);
    let cases: Vec<(String, ImportError)> = vec![
        (String::new(), ImportError::Empty),
        ("\u{89}PNG\r\n".into(), ImportError::NotJson),
        ("hello".into(), ImportError::NotJson),
        (good[..good.len() / 2].into(), ImportError::CutShort),
        (
            "{\"format\":\"foot-map\",\n\"version\":1,]".into(),
            ImportError::Broken { line: 2 },
        ),
        ("[1,2,3]".into(), ImportError::Foreign(None)),
        ("{\"name\":\"package\"}".into(), ImportError::Foreign(None)),
        (
            "{\"format\":\"other-app\",\"version\":1}".into(),
            ImportError::Foreign(Some("other-app".into())),
        ),
        ("{\"format\":\"foot-map\"}".into(), ImportError::NoVersion),
        (
            "{\"format\":\"foot-map\",\"version\":3}".into(),
            ImportError::Newer { version: 3 },
        ),
        (
            "{\"format\":\"foot-map\",\"version\":1,\"routines\":[{\"id\":3}],\"history\":[1,2]}".into(),
            ImportError::Damaged {
                routines: 1,
                sessions: 2,
                settings: false,
            },
        ),
    ];
    for (text, expected) in cases {
        let error = read(&text).unwrap_err();
        assert_eq!(error, expected, "{text}");
        let message = error.message();
        assert!(message.ends_with("Nothing was changed."), "{message}");
    }
    assert!(read("{\"format\":\"foot-map\",\"version\":3}")
        .unwrap_err()
        .message()
        .contains("newer version"));
    assert!(read(&good[..good.len() - 1])
        .unwrap_err()
        .message()
        .contains("cut short"));
}

#[test]
fn file_names_carry_the_local_date() {
    // 23:30 UTC on 31 December is already the new year in UTC+1.
    let ms = 1_798_759_800_000; // 2026-12-31 23:30 UTC
    assert_eq!(file_name(ms, 0), "foot-map-2026-12-31.json");
    assert_eq!(file_name(ms, 60), "foot-map-2027-01-01.json");
}

proptest! {
    // Failing cases found before are kept beside this file and re-run first.
    #![proptest_config(ProptestConfig {
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("regressions"))),
        ..ProptestConfig::with_cases(10_000)
    })]

    #[test]
    fn any_text_is_read_or_refused_without_panic(text in any::<String>()) {
        if let Err(error) = read(&text) {
            prop_assert!(!error.message().is_empty());
        }
    }

    #[test]
    fn exports_round_trip_and_merge_into_nothing_as_themselves(store in arb_store(), at in any::<i64>()) {
        let store = within_limits(store);
        let f = read(&export(&store, at)).unwrap();
        prop_assert_eq!(&f.data, &store);
        prop_assert_eq!(f.exported_ms, Some(at));
        let merged = merge(Store::default(), &f);
        prop_assert_eq!(&merged.routines, &store.routines);
        prop_assert_eq!(&merged.history, &store.history);
        prop_assert!(plan(&merged, &f).is_empty());
    }

    #[test]
    fn damaged_exports_are_refused_or_read_without_panic(
        store in arb_store(), how in any::<u8>(), at in any::<usize>(), byte in any::<u8>()
    ) {
        let text = damage(&export(&store, 1), how, at, byte);
        match read(&text) {
            Ok(f) => {
                // Whatever was read merges without panic, and only once.
                let merged = merge(Store::default(), &f);
                prop_assert_eq!(merge(merged.clone(), &f), merged);
            }
            Err(error) => prop_assert!(!error.message().is_empty()),
        }
        if how % 4 == 0 {
            prop_assert!(read(&text).is_err(), "a cut file is refused");
        }
    }

    #[test]
    fn merging_two_stores_keeps_both(a in arb_store(), b in arb_store()) {
        let merged = merge(a.clone(), &ExportFile { exported_ms: None, data: b.clone() });
        for r in &a.routines {
            prop_assert!(merged.routines.contains(r), "a routine here is kept as it was");
        }
        for r in &b.routines {
            prop_assert!(merged.routines.iter().any(|m| m.steps == r.steps), "an imported routine is here");
        }
        for s in a.history.iter().chain(&b.history) {
            prop_assert!(merged.history.iter().any(|m| m.key() == s.key()));
        }
        let p = plan(&a, &ExportFile { exported_ms: None, data: b.clone() });
        prop_assert_eq!(
            merged.routines.len(),
            a.routines.len() + p.new_routines.len() + p.changed_routines.len()
        );
        prop_assert_eq!(merged.history.len(), a.history.len() + p.new_sessions);
    }
}

/// A file of `count` routines, all under one id, each with its own name.
fn many_under_one_id(count: usize) -> String {
    let routines: Vec<String> = (0..count)
        .map(|i| {
            format!(
                r#"{{"id":"my-a","name":"R{i}","steps":[{{"side":"left","zone":"heel","technique":"knuckle-press","seconds":40}}]}}"#
            )
        })
        .collect();
    format!(
        r#"{{"format":"foot-map","version":1,"routines":[{}],"history":[]}}"#,
        routines.join(",")
    )
}

#[test]
fn a_file_over_a_limit_is_refused_naming_the_limit() {
    let refused = |text: &str| match read(text) {
        Err(ImportError::OverLimit(limit)) => limit,
        other => panic!("not refused for a limit: {other:?}"),
    };
    assert_eq!(refused(&many_under_one_id(5_000)), Limit::Routines(5_000));
    let message = ImportError::OverLimit(Limit::Routines(5_000)).message();
    assert_eq!(
        message,
        "The file holds 5,000 routines; Foot Map imports at most 500. Nothing was changed."
    );
    let one = |routine: &str| format!(r#"{{"format":"foot-map","version":1,"routines":[{routine}]}}"#);
    let heel = r#"{"side":"left","zone":"heel","technique":"knuckle-press","seconds":40}"#;
    let steps = vec![heel; MAX_STEPS + 1].join(",");
    assert_eq!(
        refused(&one(&format!(r#"{{"id":"my-a","name":"A","steps":[{steps}]}}"#))),
        Limit::Steps {
            routine: 1,
            steps: 61
        }
    );
    let long_name = "n".repeat(MAX_NAME + 1);
    assert_eq!(
        refused(&one(&format!(
            r#"{{"id":"my-a","name":"{long_name}","steps":[]}}"#
        ))),
        Limit::Name { routine: 1 }
    );
    let long_step = r#"{"side":"left","zone":"heel","technique":"knuckle-press","seconds":4000000000}"#;
    assert_eq!(
        refused(&one(&format!(
            r#"{{"id":"my-a","name":"A","steps":[{long_step}]}}"#
        ))),
        Limit::StepTime { routine: 1 }
    );
    let sessions =
        vec![r#"{"start":1,"offset":0,"routine":"quick-3","seconds":60,"finished":true}"#; MAX_SESSIONS + 1];
    let text = format!(
        r#"{{"format":"foot-map","version":1,"history":[{}]}}"#,
        sessions.join(",")
    );
    assert_eq!(refused(&text), Limit::Sessions(MAX_SESSIONS + 1));
    let text = r#"{"format":"foot-map","version":1,"history":[{"start":1,"offset":0,"routine":"quick-3","seconds":90000,"finished":true}]}"#;
    assert_eq!(refused(text), Limit::SessionTime { session: 1 });
    // The size counts characters as the browser's storage does: one
    // character outside the basic plane is two.
    let padded = format!(
        r#"{{"format":"foot-map","version":1,"pad":"{}"}}"#,
        "😀".repeat(MAX_CHARS / 2)
    );
    assert_eq!(refused(&padded), Limit::Size);
    for limit in [
        Limit::Size,
        Limit::Steps {
            routine: 3,
            steps: 61,
        },
        Limit::Sessions(12_345),
    ] {
        assert!(ImportError::OverLimit(limit)
            .message()
            .ends_with("Nothing was changed."));
    }
}

#[test]
fn hundreds_of_routines_under_one_id_each_get_their_own() {
    let file = read(&many_under_one_id(MAX_ROUTINES)).expect("within the limits");
    let ids: Vec<&str> = file.data.routines.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids.len(), MAX_ROUTINES);
    assert_eq!(ids[..3], ["my-a", "my-a-2", "my-a-3"]);
    assert_eq!(
        ids.iter().collect::<HashSet<_>>().len(),
        MAX_ROUTINES,
        "all different"
    );
    // Imported into a store that has `my-a` and `my-a-2` already (other
    // routines), every one is added as a copy under a free id.
    let mut here = Store::default();
    here.add_routine(routine("my-a", "Mine"), None);
    here.add_routine(routine("my-a-2", "Mine too"), None);
    let plan = plan(&here, &file);
    assert_eq!(
        plan.new_routines.len() + plan.changed_routines.len(),
        MAX_ROUTINES
    );
    let merged = merge(here, &file);
    assert_eq!(merged.routines.len(), MAX_ROUTINES + 2);
    let ids: HashSet<&str> = merged.routines.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids.len(), MAX_ROUTINES + 2, "no id is used twice");
}

#[test]
fn names_lose_the_marks_that_reorder_text() {
    let text = "{\"format\":\"foot-map\",\"version\":1,\"routines\":[{\"id\":\"my-a\",\"name\":\"Calm \u{202e}gpj.exe\",\"steps\":[]}]}";
    let file = read(text).unwrap();
    assert_eq!(file.data.routines[0].name, "Calm gpj.exe");
}

#[test]
fn an_import_adds_the_conditions_that_apply_and_never_takes_one_away() {
    let mut here = sample();
    here.settings.applies = Applies::of(["diabetes"]);
    let mut there = here.clone();
    there.settings.applies = Applies::of(["clot-now", "pregnancy"]);
    let f = file(&there);
    let p = plan(&here, &f);
    assert_eq!(p.applies_added, 2);
    assert!(!p.settings_changed, "no other setting differs");
    assert!(
        p.describe().iter().any(|line| line.contains("2 conditions")),
        "{:?}",
        p.describe()
    );
    let merged = merge(here, &f);
    assert_eq!(
        merged.settings.applies,
        Applies::of(["diabetes", "clot-now", "pregnancy"])
    );
    assert!(plan(&merged, &f).is_empty(), "again: nothing more");
}

#[test]
fn the_preview_names_every_setting_the_import_takes() {
    let here = Store::default();
    let mut there = Store::default();
    there.settings.no_vibrate = true;
    there.settings.cues = true;
    let p = plan(&here, &file(&there));
    assert!(p.settings_changed);
    let said = p.describe().join(" ");
    assert!(
        said.contains("the buzz at each step") && said.contains("cues in long steps"),
        "{said}"
    );
    assert!(!said.contains("the sound,"), "only what changes: {said}");
    assert!(said.contains("keeps its pacing"), "{said}");
}
