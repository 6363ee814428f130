//! Tests of the saved store: format, upgrades, changes, and property tests
//! of the decoder.

use super::*;
use crate::applies::Applies;
use crate::content::{RoutineStep, Side};
use crate::settings::{Measure, Sound};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

pub(crate) fn step(side: Side, zone: &str, technique: &str, seconds: u32) -> RoutineStep {
    RoutineStep {
        side,
        zone: zone.into(),
        technique: technique.into(),
        seconds,
    }
}

pub(crate) fn routine(id: &str, name: &str) -> OwnRoutine {
    OwnRoutine {
        id: id.into(),
        name: name.into(),
        steps: vec![
            step(Side::Left, "heel", "knuckle-press", 40),
            step(Side::Right, "big-toe", "thumb-circles", 45),
        ],
    }
}

pub(crate) fn session(start_ms: i64, routine_id: &str, seconds: u32) -> Session {
    Session {
        start_ms,
        offset_min: 60,
        routine_id: routine_id.into(),
        routine_name: "A routine".into(),
        seconds,
        finished: seconds >= 600,
        rating: None,
    }
}

pub(crate) fn sample() -> Store {
    Store {
        settings: Settings {
            sound: Sound::Voice,
            manual: true,
            safety_seen: true,
            no_vibrate: true,
            exported_ms: None,
            measure: Some(Measure::FootPain),
            cues: true,
            reader: false,
            applies: Applies::of(["diabetes", "pregnancy"]),
        },
        routines: vec![routine("my-a", "Evening"), routine("my-b", "Morning “quick” ✓")],
        history: vec![
            Session {
                rating: Some(Rating {
                    measure: Measure::FootPain,
                    before: Some(6),
                    after: Some(3),
                }),
                ..session(1_763_740_800_000, "relax-10", 600)
            },
            session(1_763_827_200_000, "my-a", 85),
        ],
    }
}

#[test]
fn the_documented_example_reads_as_documented() {
    let text = r#"{
      "version": 1,
      "settings": { "sound": "both", "manual": false, "safety_seen": true },
      "routines": [
        { "id": "my-mi7vb7k0", "name": "Evening",
          "steps": [ { "side": "left", "zone": "heel",
                       "technique": "knuckle-press", "seconds": 40 } ] }
      ],
      "history": [
        { "start": 1763740800000, "offset": 60, "routine": "relax-10",
          "name": "10-minute relaxation", "seconds": 600, "finished": true }
      ]
    }"#;
    let loaded = Store::load(Some(text), None);
    assert_eq!(loaded.problem, None);
    let store = loaded.store;
    assert!(store.settings.safety_seen && !store.settings.manual);
    assert_eq!(
        store.routines[0].steps[0],
        step(Side::Left, "heel", "knuckle-press", 40)
    );
    assert_eq!(store.history[0].offset_min, 60);
    assert_eq!(store.history[0].routine_name, "10-minute relaxation");
    assert!(store.history[0].finished);
}

#[test]
fn a_store_round_trips() {
    let store = sample();
    let text = store.encode();
    assert!(text.starts_with(r#"{"version":2,"#), "{text}");
    let loaded = Store::load(Some(&text), None);
    assert_eq!(loaded.problem, None);
    assert_eq!(loaded.keep_aside, None);
    assert_eq!(loaded.store, store);
}

#[test]
fn nothing_saved_is_the_defaults_without_a_problem() {
    for main in [None, Some(""), Some("  ")] {
        let loaded = Store::load(main, None);
        assert_eq!(loaded.store, Store::default());
        assert_eq!(loaded.problem, None);
        assert_eq!(loaded.keep_aside, None);
    }
}

#[test]
fn version_0_settings_are_upgraded_without_loss() {
    for sound in Sound::ALL {
        for manual in [false, true] {
            for safety_seen in [false, true] {
                let settings = Settings {
                    sound,
                    manual,
                    safety_seen,
                    no_vibrate: false,
                    ..Settings::default()
                };
                let loaded = Store::load(None, Some(&settings.encode()));
                assert_eq!(loaded.problem, None);
                assert_eq!(
                    loaded.store,
                    Store {
                        settings,
                        ..Store::default()
                    }
                );
                // And the upgraded store keeps them through a save.
                let again = Store::load(Some(&loaded.store.encode()), None);
                assert_eq!(again.store.settings, settings);
            }
        }
    }
    let loaded = Store::load(None, Some("sound=chime;manual=1;safety=1"));
    assert_eq!(loaded.store.settings.sound, Sound::Chime);
}

#[test]
fn the_old_settings_are_ignored_once_there_is_a_store() {
    let loaded = Store::load(Some(&sample().encode()), Some("sound=silent"));
    assert_eq!(loaded.store.settings.sound, Sound::Voice);
}

#[test]
fn partly_unreadable_old_settings_are_reported_and_kept_aside() {
    let old = "sound=loud;manual=1";
    let loaded = Store::load(None, Some(old));
    assert!(loaded.store.settings.manual, "what could be read is kept");
    assert!(matches!(loaded.problem, Some(Problem::OldSettings(ref m)) if m.contains("sound=loud")));
    assert_eq!(loaded.keep_aside.as_deref(), Some(old));
    assert!(loaded.problem.unwrap().message().contains("kept aside"));
}

#[test]
fn unreadable_text_is_reported_and_handed_back() {
    for text in [
        "garbage",
        "[1,2]",
        "{\"routines\":[]}",
        "{\"version\":0}",
        "{\"version\":\"1\"}",
        "{\"version\":1,",
        "sound=both;manual=0;safety=1",
    ] {
        let loaded = Store::load(Some(text), Some("sound=voice"));
        assert_eq!(loaded.problem, Some(Problem::Unreadable), "{text}");
        assert_eq!(loaded.keep_aside.as_deref(), Some(text));
        assert!(loaded.store.routines.is_empty() && loaded.store.history.is_empty());
        assert_eq!(
            loaded.store.settings.sound,
            Sound::Voice,
            "the old settings are used when the store cannot be read"
        );
    }
    let long = format!("{{\"version\":1,\"x\":\"{}\"}}", "x".repeat(MAX_TEXT));
    let loaded = Store::load(Some(&long), None);
    assert_eq!(loaded.problem, Some(Problem::TooLong));
    assert_eq!(loaded.keep_aside.as_deref(), Some(long.as_str()));
}

#[test]
fn bad_entries_are_left_out_and_the_rest_kept() {
    let text = r#"{"version":1,
      "settings":{"sound":"voice","manual":"yes"},
      "routines":[{"id":"my-a","name":"Good","steps":[]},{"id":"my-b"},
                  {"id":"my-c","name":"Bad step","steps":[{"side":"up","zone":"heel","technique":"kneading","seconds":5}]}],
      "history":[{"start":5,"offset":0,"routine":"r","name":"n","seconds":10,"finished":false},
                 {"start":"yesterday"}]}"#;
    let loaded = Store::load(Some(text), None);
    assert_eq!(
        loaded.problem,
        Some(Problem::PartlyUnreadable {
            routines: 2,
            sessions: 1,
            settings: true
        })
    );
    assert_eq!(loaded.keep_aside.as_deref(), Some(text));
    assert_eq!(loaded.store.settings.sound, Sound::Voice);
    assert_eq!(loaded.store.routines.len(), 1);
    assert_eq!(loaded.store.history.len(), 1);
    let message = loaded.problem.unwrap().message();
    assert!(message.contains("2 routines"), "{message}");
    assert!(message.contains("1 history entry"), "{message}");
}

#[test]
fn a_newer_version_is_read_as_far_as_possible_and_kept_aside() {
    let text =
        r#"{"version":7,"settings":{"sound":"hum","manual":true},"routines":[],"history":[],"moods":[1]}"#;
    let loaded = Store::load(Some(text), None);
    assert_eq!(loaded.problem, Some(Problem::Newer { version: 7 }));
    assert_eq!(loaded.keep_aside.as_deref(), Some(text));
    assert!(loaded.store.settings.manual);
    assert_eq!(loaded.store.settings.sound, Sound::Both);
}

#[test]
fn a_store_from_outside_is_put_in_order() {
    let text = r#"{"version":1,"routines":[
        {"id":"my-a","name":"One","steps":[]},{"id":"my-a","name":"Two","steps":[]},
        {"id":"relax-10","name":"Three","steps":[]}],
      "history":[
        {"start":9,"offset":0,"routine":"r","name":"n","seconds":10,"finished":false},
        {"start":5,"offset":0,"routine":"r","name":"n","seconds":10,"finished":false},
        {"start":9,"offset":0,"routine":"r","name":"n","seconds":20,"finished":true}]}"#;
    let store = Store::load(Some(text), None).store;
    let ids: Vec<&str> = store.routines.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["my-a", "my-a-2", "my-imported"]);
    let starts: Vec<(i64, u32)> = store.history.iter().map(|s| (s.start_ms, s.seconds)).collect();
    assert_eq!(starts, [(5, 10), (9, 20)]);
}

#[test]
fn a_hundred_routines_and_a_thousand_sessions_load() {
    let mut store = Store::default();
    for i in 0..100 {
        let mut r = routine(&format!("my-r{i}"), &format!("Routine {i}"));
        r.steps = (0..20)
            .map(|j| step(Side::BOTH[j % 2], "heel", "knuckle-press", 30))
            .collect();
        store = store.apply(&Change::AddRoutine(r));
    }
    for i in 0..1000 {
        store = store.apply(&Change::RecordSession(session(
            1_700_000_000_000 + i * 86_400_000,
            "relax-10",
            600,
        )));
    }
    let text = store.encode();
    let loaded = Store::load(Some(&text), None);
    assert_eq!(loaded.problem, None);
    assert_eq!(loaded.store.routines.len(), 100);
    assert_eq!(loaded.store.history.len(), 1000);
    assert_eq!(loaded.store, store);
}

#[test]
fn keep_aside_keys_never_overwrite() {
    assert_eq!(keep_aside_key(|_| false), "foot-map.store.unreadable");
    let key = keep_aside_key(|k| k == "foot-map.store.unreadable");
    assert_eq!(key, "foot-map.store.unreadable-2");
}

#[test]
fn settings_changes_touch_only_their_setting() {
    let other_tab = sample().apply(&Change::SetManual(false));
    let store = other_tab.apply(&Change::SetSound(Sound::Silent));
    assert_eq!(store.settings.sound, Sound::Silent);
    assert!(!store.settings.manual, "the other tab's change survives");
    let store = store.apply(&Change::SafetySeen);
    assert!(store.settings.safety_seen);
    let all = Settings::default();
    assert_eq!(store.apply(&Change::SetSettings(all)).settings, all);
}

#[test]
fn adding_a_routine_never_overwrites_another() {
    let store = sample();
    let same = store
        .clone()
        .apply(&Change::AddRoutine(routine("my-a", "Evening")));
    assert_eq!(same, store, "the same routine is not added twice");
    let clash = store.clone().apply(&Change::AddRoutine(routine("my-a", "Other")));
    assert_eq!(clash.routines.len(), 3);
    assert_eq!(clash.routines[0], store.routines[0]);
    assert_eq!(clash.routines[2].id, "my-a-2");
    assert_eq!(clash.routines[2].name, "Other");
}

#[test]
fn an_edit_survives_a_deletion_in_another_tab() {
    let mut edited = routine("my-a", "Evening, longer");
    edited.steps.push(step(Side::Left, "shin", "long-strokes", 60));
    // This tab edits in place.
    let store = sample().apply(&Change::SaveRoutine(edited.clone()));
    assert_eq!(store.routines[0], edited);
    // Another tab had deleted it meanwhile: the edit comes back at the end.
    let other = sample().apply(&Change::DeleteRoutine { id: "my-a".into() });
    let merged = other.apply(&Change::SaveRoutine(edited.clone()));
    assert_eq!(merged.routines.last(), Some(&edited));
    assert_eq!(merged.routines.len(), 2);
}

#[test]
fn renaming_duplicating_deleting_and_undoing() {
    let store = sample().apply(&Change::RenameRoutine {
        id: "my-b".into(),
        name: "Dawn".into(),
    });
    assert_eq!(store.routine("my-b").unwrap().name, "Dawn");
    let unchanged = store.clone().apply(&Change::RenameRoutine {
        id: "my-gone".into(),
        name: "X".into(),
    });
    assert_eq!(unchanged, store);

    let new_id = store.new_id(1_000);
    let store = store.apply(&Change::DuplicateRoutine {
        id: "my-a".into(),
        new_id: new_id.clone(),
    });
    let copy = store.routine(&new_id).unwrap();
    assert_eq!(copy.name, "Evening (copy)");
    assert_eq!(copy.steps, store.routines[0].steps);

    let deleted = store.deletion("my-b").unwrap();
    assert_eq!(deleted.position, 1);
    let without = store.clone().apply(&Change::DeleteRoutine { id: "my-b".into() });
    assert!(without.routine("my-b").is_none());
    // Another tab adds a routine before the undo.
    let without = without.apply(&Change::AddRoutine(routine("my-z", "Zed")));
    let undone = without.apply(&Change::RestoreRoutine(deleted));
    assert_eq!(undone.routines[1].id, "my-b", "back in its place");
    assert_eq!(undone.routines.len(), 4);
    assert!(undone.routine("my-z").is_some());
    assert!(store.deletion("my-gone").is_none());
}

#[test]
fn sessions_are_recorded_once_in_order_and_deleted_by_key() {
    let store = sample()
        .apply(&Change::RecordSession(session(10, "relax-10", 100)))
        .apply(&Change::RecordSession(session(10, "relax-10", 50)))
        .apply(&Change::RecordSession(session(10, "my-a", 50)));
    assert_eq!(store.history.len(), 4);
    assert_eq!(store.history[0].start_ms, 10);
    assert_eq!(store.history[1].seconds, 100, "the longer one is kept");
    let store = store.apply(&Change::DeleteSession(SessionKey {
        start_ms: 10,
        routine_id: "my-a".into(),
    }));
    assert_eq!(store.history.len(), 3);
}

#[test]
fn clearing_history_keeps_a_session_another_tab_recorded_meanwhile() {
    let store = sample();
    let clear = store.clear_history();
    let other_tab = store.apply(&Change::RecordSession(session(99, "my-b", 30)));
    let cleared = other_tab.apply(&clear);
    assert_eq!(cleared.history, vec![session(99, "my-b", 30)]);
}

#[test]
fn a_session_comes_from_the_timer_summary() {
    let summary = crate::timer::Summary {
        worked_ms: 125_900,
        completed: 2,
        steps: 5,
        early: true,
    };
    let s = Session::from_summary(7, -300, "relax-10", "Relax", &summary);
    assert_eq!(s.seconds, 125);
    assert!(!s.finished);
    assert_eq!(s.offset_min, -300);
}

#[test]
fn two_tabs_applying_changes_to_the_newest_store_lose_nothing() {
    // Both tabs loaded `base`. Tab A saves first; tab B applies its change
    // to what A wrote, as the page does on every change.
    let base = sample();
    let a = Change::AddRoutine(routine("my-from-a", "From A"));
    let b = Change::RecordSession(session(42, "my-a", 300));
    let saved_by_a = base.clone().apply(&a).encode();
    let newest = Store::load(Some(&saved_by_a), None).store;
    let saved_by_b = newest.apply(&b);
    assert!(saved_by_b.routine("my-from-a").is_some());
    assert!(saved_by_b.history.iter().any(|s| s.start_ms == 42));
    // In the other order, the same result.
    assert_eq!(base.clone().apply(&b).apply(&a), saved_by_b);
    // Changes that could not be saved are applied again later, in order.
    assert_eq!(base.apply_all([&a, &b]), saved_by_b);
}

// ---------------------------------------------------------------- properties

fn arb_step() -> impl Strategy<Value = RoutineStep> {
    (any::<bool>(), "[a-z-]{1,12}", "[a-z-]{1,14}", any::<u32>()).prop_map(
        |(right, zone, technique, seconds)| RoutineStep {
            side: if right { Side::Right } else { Side::Left },
            zone,
            technique,
            seconds,
        },
    )
}

fn arb_routine() -> impl Strategy<Value = OwnRoutine> {
    (
        "my-[a-z0-9]{1,8}",
        any::<String>(),
        prop::collection::vec(arb_step(), 0..4),
    )
        .prop_map(|(id, name, steps)| OwnRoutine { id, name, steps })
}

pub(crate) fn arb_rating() -> impl Strategy<Value = Option<Rating>> {
    let score = prop::option::of(0u8..=10);
    prop::option::of(
        (prop::sample::select(Measure::ALL.to_vec()), score.clone(), score)
            .prop_filter("a rating has a score", |(_, b, a)| b.is_some() || a.is_some())
            .prop_map(|(measure, before, after)| Rating {
                measure,
                before,
                after,
            }),
    )
}

fn arb_session() -> impl Strategy<Value = Session> {
    (
        any::<i64>(),
        -1440i32..=1440,
        "[a-z0-9-]{1,12}",
        any::<String>(),
        any::<u32>(),
        any::<bool>(),
        arb_rating(),
    )
        .prop_map(
            |(start_ms, offset_min, routine_id, routine_name, seconds, finished, rating)| Session {
                start_ms,
                offset_min,
                routine_id,
                routine_name,
                seconds,
                finished,
                rating,
            },
        )
}

pub(crate) fn arb_store() -> impl Strategy<Value = Store> {
    (
        0usize..4,
        any::<bool>(),
        any::<bool>(),
        prop::collection::vec(arb_routine(), 0..4),
        prop::collection::vec(arb_session(), 0..5),
        prop::sample::subsequence(crate::applies::CONDITIONS.to_vec(), 0..4).prop_map(Applies::of),
    )
        .prop_map(|(sound, manual, safety_seen, routines, history, applies)| {
            Store {
                settings: Settings {
                    sound: Sound::ALL[sound],
                    manual,
                    safety_seen,
                    no_vibrate: manual && safety_seen,
                    exported_ms: None,
                    measure: Measure::ALL.get(sound).copied().filter(|_| manual),
                    cues: safety_seen,
                    reader: manual,
                    applies,
                },
                routines,
                history,
            }
            .normalize()
        })
}

/// What a damaged saved text looks like: cut, with bytes changed, with a
/// piece repeated or removed.
pub(crate) fn damage(text: &str, how: u8, at: usize, byte: u8) -> String {
    let mut bytes = text.as_bytes().to_vec();
    if bytes.is_empty() {
        return String::new();
    }
    let at = at % bytes.len();
    match how % 4 {
        0 => bytes.truncate(at),
        1 => bytes[at] = byte,
        2 => {
            let piece: Vec<u8> = bytes[at..].iter().take(7).copied().collect();
            bytes.splice(at..at, piece);
        }
        _ => {
            let end = (at + 5).min(bytes.len());
            bytes.drain(at..end);
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

proptest! {
    // Failing cases found before are kept beside this file and re-run first.
    #![proptest_config(ProptestConfig {
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("regressions"))),
        ..ProptestConfig::with_cases(10_000)
    })]

    #[test]
    fn any_text_loads_without_panic_and_unread_text_is_handed_back(text in any::<String>()) {
        let loaded = Store::load(Some(&text), None);
        if loaded.problem.is_some() {
            prop_assert_eq!(loaded.keep_aside.as_deref(), Some(text.as_str()));
        } else {
            prop_assert_eq!(loaded.keep_aside, None);
        }
    }

    #[test]
    fn valid_stores_round_trip(store in arb_store()) {
        let loaded = Store::load(Some(&store.encode()), None);
        prop_assert_eq!(loaded.problem, None);
        prop_assert_eq!(loaded.store, store);
    }

    #[test]
    fn damaged_stores_load_without_panic_and_are_kept_when_not_read(
        store in arb_store(), how in any::<u8>(), at in any::<usize>(), byte in any::<u8>()
    ) {
        let text = damage(&store.encode(), how, at, byte);
        let loaded = Store::load(Some(&text), None);
        match &loaded.problem {
            Some(_) => prop_assert_eq!(loaded.keep_aside.as_deref(), Some(text.as_str())),
            None => {
                prop_assert_eq!(&loaded.keep_aside, &None);
                // Read in full: saving it again changes nothing more.
                let again = Store::load(Some(&loaded.store.encode()), None);
                prop_assert_eq!(again.store, loaded.store);
            }
        }
        if how % 4 == 0 && !text.trim().is_empty() {
            prop_assert!(loaded.problem.is_some(), "a cut store is reported");
        }
    }

    #[test]
    fn old_settings_of_any_text_migrate_like_the_settings_decoder(text in any::<String>()) {
        let loaded = Store::load(None, Some(&text));
        let (settings, error) = Settings::decode(&text);
        prop_assert_eq!(loaded.store.settings, settings);
        prop_assert!(loaded.store.routines.is_empty() && loaded.store.history.is_empty());
        prop_assert_eq!(loaded.problem.is_some(), error.is_some());
        if error.is_some() {
            prop_assert_eq!(loaded.keep_aside.as_deref(), Some(text.as_str()));
        }
    }

    #[test]
    fn old_settings_texts_of_settings_shape_migrate(
        pairs in prop::collection::vec(("(sound|manual|safety|theme|[a-z]{1,5})", "(both|voice|chime|silent|0|1|[a-z0-9]{0,4})"), 0..6)
    ) {
        let text: String = pairs.iter().map(|(k, v)| format!("{k}={v};")).collect();
        let loaded = Store::load(None, Some(&text));
        prop_assert_eq!(loaded.store.settings, Settings::decode(&text).0);
        let again = Store::load(Some(&loaded.store.encode()), None);
        prop_assert_eq!(again.store.settings, loaded.store.settings);
    }
}

#[test]
fn what_is_saved_now_is_read_before_each_write() {
    assert_eq!(Found::read(None), Found::Nothing);
    assert_eq!(Found::read(Some("  ")), Found::Nothing);
    let store = sample();
    assert_eq!(Found::read(Some(&store.encode())), Found::Readable(store.clone()));
    let newer = store.encode().replacen("\"version\":2", "\"version\":7", 1);
    assert_eq!(Found::read(Some(&newer)), Found::Newer { version: 7 });
    assert_eq!(
        Found::read(Some("not json")),
        Found::Damaged {
            partial: None,
            text: "not json".into()
        }
    );
    let partly = r#"{"version":1,"history":[{"start":"yesterday"}],"routines":[]}"#;
    assert_eq!(
        Found::read(Some(partly)),
        Found::Damaged {
            partial: Some(Store::default()),
            text: partly.into()
        }
    );
}

#[test]
fn text_is_kept_aside_once_however_often_it_is_found() {
    let kept = |key: &str| match key {
        "foot-map.store.unreadable" => Some("first".to_string()),
        "foot-map.store.unreadable-2" => Some("second".to_string()),
        _ => None,
    };
    assert_eq!(keep_aside_slot("first", kept), None);
    assert_eq!(keep_aside_slot("second", kept), None);
    assert_eq!(
        keep_aside_slot("third", kept).as_deref(),
        Some("foot-map.store.unreadable-3")
    );
    assert_eq!(
        keep_aside_slot("any", |_| None).as_deref(),
        Some("foot-map.store.unreadable")
    );
}

#[test]
fn a_checkpoint_reads_back_as_the_stopped_session_it_was() {
    let mut under_way = session(1_763_740_800_000, "relax-10", 125);
    under_way.finished = false;
    let text = Store::encode_checkpoint(&under_way);
    assert_eq!(Store::decode_checkpoint(&text), Some(under_way.clone()));
    // Recorded from the checkpoint, then in full by the tab that came back:
    // the full one is kept.
    let mut full = under_way.clone();
    full.seconds = 600;
    full.finished = true;
    let store = Store::default()
        .apply(&Change::RecordSession(under_way))
        .apply(&Change::RecordSession(full.clone()));
    assert_eq!(store.history, [full]);
    assert_eq!(Store::decode_checkpoint("{"), None);
    assert_eq!(Store::decode_checkpoint(&"x".repeat(10_000)), None);
}

#[test]
fn a_finished_session_not_saved_yet_reads_back_from_its_checkpoint() {
    // Saving waited for another tab's lock, or storage was full, and the
    // page was closed: the next visit records it, finished.
    let done = session(1_763_740_800_000, "relax-10", 600);
    assert!(done.finished);
    let text = Store::encode_checkpoint(&done);
    assert_eq!(Store::decode_checkpoint(&text), Some(done.clone()));
    // Recorded twice (this tab saved it after all): kept once.
    let store = Store::default()
        .apply(&Change::RecordSession(done.clone()))
        .apply(&Change::RecordSession(done.clone()));
    assert_eq!(store.history, [done]);
}

#[test]
fn a_history_out_of_order_with_repeats_is_sorted_keeping_the_longest() {
    let file = r#"{"version":1,"history":[
        {"start":3,"offset":0,"routine":"a","seconds":10,"finished":false},
        {"start":1,"offset":0,"routine":"a","seconds":10,"finished":true},
        {"start":3,"offset":0,"routine":"a","seconds":30,"finished":true},
        {"start":3,"offset":0,"routine":"a","seconds":20,"finished":false}]}"#;
    let store = Store::load(Some(file), None).store;
    let seen: Vec<(i64, u32)> = store.history.iter().map(|s| (s.start_ms, s.seconds)).collect();
    assert_eq!(seen, [(1, 10), (3, 30)]);
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: Some(Box::new(FileFailurePersistence::SourceParallel("regressions"))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_checkpoint_text_is_read_or_refused_without_panic(text in any::<String>()) {
        if let Some(session) = Store::decode_checkpoint(&text) {
            // What it reads is a session the store keeps as it is.
            let store = Store::default().apply(&Change::RecordSession(session.clone()));
            prop_assert_eq!(store.history.len(), 1);
        }
    }

    #[test]
    fn any_saved_text_is_found_as_one_of_four_without_panic(text in any::<String>()) {
        match Found::read(Some(&text)) {
            Found::Damaged { text: kept, .. } => prop_assert_eq!(kept, text),
            Found::Nothing => prop_assert!(text.trim().is_empty()),
            Found::Readable(_) | Found::Newer { .. } => {}
        }
    }
}

#[test]
fn an_export_reminder_is_due_only_with_something_to_keep_and_no_recent_export() {
    let now = 1_800_000_000_000;
    assert_eq!(Store::default().export_due(now), None, "nothing to keep");
    let two = Store::default()
        .apply(&Change::RecordSession(session(1, "quick-3", 60)))
        .apply(&Change::RecordSession(session(2, "quick-3", 60)));
    assert_eq!(
        two.export_due(now),
        None,
        "two sessions are not yet worth a reminder"
    );
    let three = two.apply(&Change::RecordSession(session(3, "quick-3", 60)));
    assert_eq!(three.export_due(now), Some(ExportDue::Never));
    let mine = Store::default().apply(&Change::AddRoutine(routine("my-a", "Mine")));
    assert_eq!(mine.export_due(now), Some(ExportDue::Never));
    let exported = mine.apply(&Change::Exported(now - REMIND_AFTER_MS));
    assert_eq!(
        exported.export_due(now),
        None,
        "exported four weeks ago to the ms"
    );
    assert_eq!(exported.export_due(now + 1), Some(ExportDue::Stale));
    // The time of the last export is saved.
    let back = Store::load(Some(&exported.encode()), None).store;
    assert_eq!(back.settings.exported_ms, Some(now - REMIND_AFTER_MS));
    // An import keeps the later of this browser's last export and the
    // file's own time: the data here then has a copy outside, the file.
    let older = merge::ExportFile {
        exported_ms: Some(5),
        data: Store::default().apply(&Change::Exported(5)),
    };
    let merged = merge::merge(exported.clone(), &older);
    assert_eq!(merged.settings.exported_ms, Some(now - REMIND_AFTER_MS));
    let newer = merge::ExportFile {
        exported_ms: Some(now),
        data: Store::default(),
    };
    assert_eq!(merge::merge(exported, &newer).settings.exported_ms, Some(now));
}

#[test]
fn what_applies_is_saved_by_id_and_unknown_or_broken_entries_do_not_lose_the_rest() {
    let mut store = sample();
    store.settings.applies = Applies::of(["clot-now", "osteoporosis"]);
    let text = store.encode();
    assert!(
        text.contains(r#""applies":["clot-now","osteoporosis"]"#),
        "{text}"
    );
    assert_eq!(
        Store::load(Some(&text), None).store.settings.applies,
        store.settings.applies
    );

    // A condition a newer version added is left out, quietly.
    let newer = text.replace(r#""clot-now""#, r#""clot-now","a-new-condition""#);
    let loaded = Store::load(Some(&newer), None);
    assert_eq!(loaded.problem, None);
    assert_eq!(loaded.store.settings.applies, store.settings.applies);

    // Not a list of names: reported, and everything else kept.
    let broken = text.replace(r#"["clot-now","osteoporosis"]"#, "7");
    let loaded = Store::load(Some(&broken), None);
    assert!(loaded.problem.is_some());
    assert_eq!(loaded.store.routines, store.routines);
    assert_eq!(loaded.store.settings.applies, Applies::NONE);

    // Nothing chosen writes nothing.
    assert!(!Store::default().encode().contains("applies"));
}

#[test]
fn saying_a_condition_applies_keeps_another_tabs_choice() {
    let other_tab = Store::default().apply(&Change::SetApplies {
        id: "diabetes".into(),
        on: true,
    });
    let here = other_tab.apply(&Change::SetApplies {
        id: "pregnancy".into(),
        on: true,
    });
    assert_eq!(here.settings.applies, Applies::of(["diabetes", "pregnancy"]));
    let cleared = here.apply(&Change::SetApplies {
        id: "diabetes".into(),
        on: false,
    });
    assert_eq!(cleared.settings.applies, Applies::of(["pregnancy"]));
}
