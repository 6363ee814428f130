//! Tests of ratings: saved in version 2, version 1 read as before, asked
//! once and never overwritten, exported, imported and merged.

use super::*;
use crate::store::merge::{merge, plan, ExportFile};
use crate::store::tests::{arb_rating, arb_store, sample, session};
use crate::store::{Change, Problem, Session, SessionKey, Store};
use proptest::prelude::*;

const START: i64 = 1_763_740_800_000;

fn key(start_ms: i64, routine_id: &str) -> SessionKey {
    SessionKey {
        start_ms,
        routine_id: routine_id.into(),
    }
}

fn rate(key: SessionKey, moment: Moment, value: u8) -> Change {
    Change::RateSession {
        key,
        measure: Measure::FootPain,
        moment,
        value,
    }
}

fn rated(measure: Measure, before: Option<u8>, after: Option<u8>) -> Option<Rating> {
    Some(Rating {
        measure,
        before,
        after,
    })
}

/// The history entry of the documented example, in `version`.
fn documented(version: u64) -> String {
    format!(
        r#"{{"version": {version},
      "settings": {{ "sound": "both", "manual": false, "safety_seen": true, "vibrate": true,
                    "measure": "foot-pain" }},
      "routines": [],
      "history": [
        {{ "start": 1763740800000, "offset": 60, "routine": "relax-10",
          "name": "10-minute relaxation", "seconds": 600, "finished": true,
          "measure": "foot-pain", "before": 6, "after": 3 }}
      ]}}"#
    )
}

#[test]
fn version_2_keeps_the_measure_and_each_sessions_ratings() {
    let loaded = Store::load(Some(&documented(2)), None);
    assert_eq!(loaded.problem, None);
    assert_eq!(loaded.store.settings.measure, Some(Measure::FootPain));
    assert_eq!(
        loaded.store.history[0].rating,
        rated(Measure::FootPain, Some(6), Some(3))
    );
    // Written back in version 2, the same.
    let text = loaded.store.encode();
    assert!(
        text.contains(r#""measure":"foot-pain","before":6,"after":3"#),
        "{text}"
    );
    assert_eq!(Store::load(Some(&text), None).store, loaded.store);
}

#[test]
fn version_1_text_reads_as_before_unrated_and_is_saved_as_version_2() {
    // Version 1 knew no ratings: fields of those names were ignored then,
    // and still are.
    let loaded = Store::load(Some(&documented(1)), None);
    assert_eq!(loaded.problem, None);
    assert_eq!(loaded.keep_aside, None);
    assert_eq!(loaded.store.settings.measure, None);
    assert_eq!(loaded.store.history[0].rating, None);
    assert_eq!(loaded.store.history[0].seconds, 600);
    let v1 = r#"{"version":1,"history":[{"start":1,"offset":0,"routine":"r","seconds":5,"finished":true,"before":11,"measure":7}]}"#;
    let loaded = Store::load(Some(v1), None);
    assert_eq!(loaded.problem, None, "no rating in version 1 can be bad");
    assert_eq!(loaded.store.history.len(), 1);
    assert!(loaded.store.encode().starts_with(r#"{"version":2,"#));
}

#[test]
fn unreadable_ratings_leave_their_session_out_and_the_text_is_kept_aside() {
    for bad in [
        r#""measure":"foot-pain","before":11"#,
        r#""measure":"foot-pain","after":-1"#,
        r#""measure":"foot-pain","before":5.5"#,
        r#""measure":"foot-pain","after":"3""#,
        r#""before":4"#,
        r#""measure":3,"before":4"#,
    ] {
        let text = format!(
            r#"{{"version":2,"history":[{{"start":1,"offset":0,"routine":"r","seconds":5,"finished":true,{bad}}},
               {{"start":2,"offset":0,"routine":"r","seconds":5,"finished":true}}]}}"#
        );
        let loaded = Store::load(Some(&text), None);
        assert_eq!(
            loaded.problem,
            Some(Problem::PartlyUnreadable {
                routines: 0,
                sessions: 1,
                settings: false
            }),
            "{bad}"
        );
        assert_eq!(loaded.keep_aside.as_deref(), Some(text.as_str()));
        assert_eq!(loaded.store.history.len(), 1, "the good session is kept");
    }
}

#[test]
fn a_measure_from_a_newer_version_is_nothing_and_its_session_is_kept() {
    let text = r#"{"version":2,"settings":{"measure":"mood"},"history":[
        {"start":1,"offset":0,"routine":"r","seconds":5,"finished":true,"measure":"mood","before":4},
        {"start":2,"offset":0,"routine":"r","seconds":5,"finished":true,"measure":"sleep"}]}"#;
    let loaded = Store::load(Some(text), None);
    assert_eq!(loaded.problem, None);
    assert_eq!(loaded.store.settings.measure, None);
    assert_eq!(loaded.store.history.len(), 2);
    assert!(loaded.store.history.iter().all(|s| s.rating.is_none()));
}

#[test]
fn the_measure_is_off_until_chosen_and_then_saved() {
    assert_eq!(Store::default().settings.measure, None);
    let store = Store::default().apply(&Change::SetMeasure(Some(Measure::Sleep)));
    assert_eq!(store.settings.measure, Some(Measure::Sleep));
    let back = Store::load(Some(&store.encode()), None).store;
    assert_eq!(back.settings.measure, Some(Measure::Sleep));
    let off = back.apply(&Change::SetMeasure(None));
    assert!(!off.encode().contains("measure"));
    for m in Measure::ALL {
        assert_eq!(Measure::from_code(m.code()), Some(m));
    }
}

#[test]
fn a_session_is_rated_once_at_each_moment_and_never_overwritten() {
    let store = Store::default().apply(&Change::RecordSession(Session {
        rating: Rating::new(Measure::FootPain, Moment::Before, 7),
        ..session(START, "relax-10", 600)
    }));
    let k = key(START, "relax-10");
    let store = store
        .apply(&rate(k.clone(), Moment::Before, 2))
        .apply(&rate(k.clone(), Moment::After, 4))
        .apply(&rate(k.clone(), Moment::After, 9));
    assert_eq!(
        store.history[0].rating,
        rated(Measure::FootPain, Some(7), Some(4)),
        "the first answer at each moment stays"
    );
    let unrated = Store::default().apply(&Change::RecordSession(session(START, "relax-10", 600)));
    let too_high = unrated.clone().apply(&rate(k.clone(), Moment::After, 11));
    assert_eq!(too_high, unrated, "above 10 changes nothing");
    let after_only = unrated.clone().apply(&rate(k.clone(), Moment::After, 0));
    assert_eq!(
        after_only.history[0].rating,
        rated(Measure::FootPain, None, Some(0))
    );
    let other = Change::RateSession {
        key: k.clone(),
        measure: Measure::Tension,
        moment: Moment::Before,
        value: 3,
    };
    assert_eq!(
        after_only.clone().apply(&other),
        after_only,
        "one measure per session"
    );
    let gone = unrated.apply(&rate(key(START + 1, "relax-10"), Moment::After, 5));
    assert_eq!(gone.history[0].rating, None, "a session not here is not made up");
}

#[test]
fn a_session_recorded_twice_keeps_the_ratings_of_both() {
    // The checkpoint has the rating before; the full session, recorded by
    // a tab that had not seen it, none.
    let mut checkpoint = session(START, "relax-10", 120);
    checkpoint.finished = false;
    checkpoint.rating = Rating::new(Measure::Tension, Moment::Before, 8);
    let text = Store::encode_checkpoint(&checkpoint);
    assert_eq!(Store::decode_checkpoint(&text), Some(checkpoint.clone()));
    let full = session(START, "relax-10", 600);
    let store = Store::default()
        .apply(&Change::RecordSession(checkpoint))
        .apply(&Change::RecordSession(full));
    assert_eq!(store.history.len(), 1);
    assert_eq!(store.history[0].seconds, 600);
    assert_eq!(store.history[0].rating, rated(Measure::Tension, Some(8), None));
    // The same twice in saved text: one session, both ratings.
    let text = r#"{"version":2,"history":[
        {"start":1,"offset":0,"routine":"r","seconds":5,"finished":false,"measure":"sleep","before":4},
        {"start":1,"offset":0,"routine":"r","seconds":9,"finished":true,"measure":"sleep","after":7}]}"#;
    let store = Store::load(Some(text), None).store;
    assert_eq!(store.history.len(), 1);
    assert_eq!(store.history[0].seconds, 9);
    assert_eq!(store.history[0].rating, rated(Measure::Sleep, Some(4), Some(7)));
}

#[test]
fn the_measure_chosen_here_stays_and_otherwise_comes_from_the_file() {
    let mut there = Store::default();
    there.settings.measure = Some(Measure::Sleep);
    let file = ExportFile {
        exported_ms: None,
        data: there,
    };
    let here = sample(); // follows foot pain
    assert_eq!(
        merge(here.clone(), &file).settings.measure,
        Some(Measure::FootPain)
    );
    let none = Store::default();
    let p = plan(&none, &file);
    assert_eq!(p.measure, Some(Measure::Sleep));
    assert!(!p.settings_changed);
    assert_eq!(
        p.describe(),
        ["Asks about sleep before and after each routine, as chosen in the file."]
    );
    assert_eq!(merge(none, &file).settings.measure, Some(Measure::Sleep));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn joining_keeps_every_rating_here_and_fills_in_from_the_other(
        here in arb_rating(), other in arb_rating()
    ) {
        let joined = Rating::join(here, other);
        match (here, other) {
            (Some(h), _) => {
                let j = joined.unwrap();
                prop_assert_eq!(j.measure, h.measure);
                prop_assert!(h.before.is_none() || j.before == h.before);
                prop_assert!(h.after.is_none() || j.after == h.after);
                if let Some(o) = other.filter(|o| o.measure == h.measure) {
                    prop_assert_eq!(j.before, h.before.or(o.before));
                    prop_assert_eq!(j.after, h.after.or(o.after));
                }
            }
            (None, o) => prop_assert_eq!(joined, o),
        }
    }

    #[test]
    fn an_import_never_loses_a_rating_on_either_side(a in arb_store(), b in arb_store()) {
        let merged = merge(a.clone(), &ExportFile { exported_ms: None, data: b.clone() });
        let find = |s: &Session| merged.history.iter().find(|m| m.key() == s.key()).unwrap();
        for s in &a.history {
            prop_assert_eq!(find(s).rating, Rating::join(s.rating, b.history.iter().find(|o| o.key() == s.key()).and_then(|o| o.rating)));
        }
        for s in &b.history {
            if !a.history.iter().any(|h| h.key() == s.key()) {
                prop_assert_eq!(find(s).rating, s.rating);
            }
        }
    }
}
