//! Tests of the person's own before-and-after: the sentence, the medians
//! and the weekly points.

use super::*;
use crate::clock::DAY_MS;
use crate::store::Rating;
use proptest::prelude::*;

const HOUR: i64 = 3_600_000;
/// Monday 2026-11-23 00:00 UTC.
const MONDAY: i64 = 1_795_392_000_000;

fn rated_session(start_ms: i64, measure: Measure, before: Option<u8>, after: Option<u8>) -> Session {
    Session {
        start_ms,
        offset_min: 0,
        routine_id: "relax-10".into(),
        routine_name: "10-minute relaxation".into(),
        seconds: 600,
        finished: true,
        rating: Some(Rating {
            measure,
            before,
            after,
        }),
    }
}

/// One foot-pain session a day from `MONDAY`, rated as given.
fn days(ratings: &[(u8, u8)]) -> Vec<Session> {
    ratings
        .iter()
        .enumerate()
        .map(|(i, &(b, a))| rated_session(MONDAY + i as i64 * DAY_MS, Measure::FootPain, Some(b), Some(a)))
        .collect()
}

fn sentence(ratings: &[(u8, u8)]) -> String {
    summary(&days(ratings), Measure::FootPain).sentence
}

#[test]
fn the_monday_constant_is_a_monday() {
    let t = crate::clock::LocalTime::at(MONDAY, 0);
    assert_eq!((t.year, t.month, t.day, t.weekday, t.hour), (2026, 11, 23, 0, 0));
}

#[test]
fn twelve_sessions_two_points_lower_in_one_sentence() {
    let mut ratings = vec![(6, 4); 7];
    ratings.extend([(7, 7), (8, 2), (5, 4), (3, 3), (9, 1)]);
    let s = summary(&days(&ratings), Measure::FootPain);
    assert_eq!(s.count, 12);
    assert_eq!(s.median_drop, Some(Points::from_halves(4)));
    assert_eq!(
        s.sentence,
        "Over 12 sessions your foot pain was 2 points lower after than before (median)."
    );
}

#[test]
fn fewer_than_five_rated_sessions_show_no_trend() {
    assert_eq!(
        sentence(&[]),
        "No rated sessions yet: the chart fills in as you go."
    );
    assert_eq!(
        sentence(&[(8, 2)]),
        "1 rated session so far: the chart needs 5 to show a pattern, so 4 more to go."
    );
    assert_eq!(
        sentence(&[(8, 2), (7, 3), (6, 1)]),
        "3 rated sessions so far: the chart needs 5 to show a pattern, so 2 more to go."
    );
    assert!(sentence(&[(8, 2); 4]).starts_with("4 rated sessions so far"));
    assert!(sentence(&[(8, 2); 5]).starts_with("Over 5 sessions"));
    // The median is still there for those who want it; only the sentence
    // holds back.
    assert_eq!(
        summary(&days(&[(8, 2)]), Measure::FootPain).median_drop,
        Some(Points::from_halves(12))
    );
}

#[test]
fn no_change_higher_after_and_half_points_are_said_plainly() {
    assert_eq!(
        sentence(&[(5, 5), (4, 6), (6, 4), (3, 3), (7, 7)]),
        "Over 5 sessions your foot pain was no different after than before (median)."
    );
    assert_eq!(
        sentence(&[(4, 5); 5]),
        "Over 5 sessions your foot pain was 1 point higher after than before (median)."
    );
    assert_eq!(
        sentence(&[(2, 5), (2, 5), (2, 4), (2, 4), (2, 4), (2, 5)]),
        "Over 6 sessions your foot pain was 2.5 points higher after than before (median)."
    );
    assert_eq!(
        sentence(&[(5, 4), (5, 3), (5, 4), (5, 3), (5, 4), (5, 3)]),
        "Over 6 sessions your foot pain was 1.5 points lower after than before (median)."
    );
    assert_eq!(
        sentence(&[(5, 5), (5, 4), (5, 5), (5, 4), (5, 5), (5, 4)]),
        "Over 6 sessions your foot pain was half a point lower after than before (median)."
    );
}

#[test]
fn each_measure_is_named_in_its_own_words() {
    let of = |measure| {
        let history: Vec<Session> = (0..5)
            .map(|i| rated_session(MONDAY + i * DAY_MS, measure, Some(4), Some(6)))
            .collect();
        summary(&history, measure).sentence
    };
    assert_eq!(
        of(Measure::Tension),
        "Over 5 sessions your tension was 2 points higher after than before (median)."
    );
    assert_eq!(
        of(Measure::TiredLegs),
        "Over 5 sessions the tiredness in your legs was 2 points higher after than before (median)."
    );
    assert_eq!(
        of(Measure::Sleep),
        "Over 5 sessions your sleep rating was 2 points higher the night after than the night before (median)."
    );
}

#[test]
fn large_counts_have_thousands_separators() {
    let ratings = vec![(6, 3); 1234];
    assert_eq!(
        sentence(&ratings),
        "Over 1,234 sessions your foot pain was 3 points lower after than before (median)."
    );
}

#[test]
fn only_sessions_rated_before_and_after_about_the_measure_count() {
    let mut history = days(&[(6, 4)]);
    history.push(rated_session(MONDAY + 1, Measure::FootPain, Some(6), None));
    history.push(rated_session(MONDAY + 2, Measure::FootPain, None, Some(1)));
    history.push(rated_session(MONDAY + 3, Measure::Tension, Some(9), Some(0)));
    history.push(Session {
        rating: None,
        ..days(&[(0, 0)])[0].clone()
    });
    let r = rated(&history, Measure::FootPain);
    assert_eq!(r.len(), 1);
    assert_eq!((r[0].before, r[0].after, r[0].drop()), (6, 4, 2));
    assert_eq!(summary(&history, Measure::Tension).count, 1);
    assert_eq!(summary(&history, Measure::Sleep).count, 0);
}

#[test]
fn weekly_points_are_the_medians_of_each_local_week_monday_first() {
    let week = 7 * DAY_MS;
    let mut history = vec![
        // Week of 23 November: three sessions.
        rated_session(MONDAY + HOUR, Measure::FootPain, Some(6), Some(3)),
        rated_session(MONDAY + DAY_MS, Measure::FootPain, Some(8), Some(4)),
        rated_session(
            MONDAY + 6 * DAY_MS + 23 * HOUR,
            Measure::FootPain,
            Some(7),
            Some(2),
        ),
        // Not counted: rated before only.
        rated_session(MONDAY + 2 * DAY_MS, Measure::FootPain, Some(0), None),
        // Two weeks later (a gap): two sessions, medians of two.
        rated_session(MONDAY + 2 * week, Measure::FootPain, Some(5), Some(4)),
        rated_session(MONDAY + 2 * week + DAY_MS, Measure::FootPain, Some(6), Some(1)),
    ];
    // Sunday 23:30 UTC is Monday 00:30 in UTC+1: the next week.
    let mut late = rated_session(MONDAY + week - HOUR / 2, Measure::FootPain, Some(9), Some(9));
    late.offset_min = 60;
    history.push(late);
    history.sort_by_key(|s| s.start_ms);
    let points = weekly(&history, Measure::FootPain);
    let first = points[0].week;
    assert_eq!(
        points,
        [
            WeekPoint {
                week: first,
                monday: (2026, 11, 23),
                sessions: 3,
                before: Points::from_halves(14),
                after: Points::from_halves(6),
            },
            WeekPoint {
                week: first + 1,
                monday: (2026, 11, 30),
                sessions: 1,
                before: Points::from_halves(18),
                after: Points::from_halves(18),
            },
            WeekPoint {
                week: first + 2,
                monday: (2026, 12, 7),
                sessions: 2,
                before: Points::from_halves(11),
                after: Points::from_halves(5),
            },
        ]
    );
    assert_eq!(points[2].before.value(), 5.5);
    assert_eq!(points[2].before.number(), "5.5");
    assert!(weekly(&history, Measure::Sleep).is_empty());
}

#[test]
fn points_are_written_as_people_write_them() {
    let n = |h| Points::from_halves(h).number();
    assert_eq!([n(0), n(1), n(2), n(3), n(20)], ["0", "0.5", "1", "1.5", "10"]);
    assert_eq!([n(-1), n(-2), n(-3)], ["-0.5", "-1", "-1.5"]);
}

#[test]
fn last_nights_sleep_is_asked_about_the_latest_session_of_yesterday() {
    let tuesday_morning = MONDAY + DAY_MS + 8 * HOUR;
    let evening = rated_session(MONDAY + 21 * HOUR, Measure::Sleep, Some(4), None);
    let earlier = rated_session(MONDAY + 9 * HOUR, Measure::Sleep, Some(5), None);
    let history = vec![earlier.clone(), evening.clone()];
    assert_eq!(night_to_rate(&history, tuesday_morning, 0), Some(&evening));
    // The same evening: the night has not come yet.
    assert_eq!(night_to_rate(&history, MONDAY + 22 * HOUR, 0), None);
    // Two days later: too long ago to say.
    assert_eq!(night_to_rate(&history, tuesday_morning + DAY_MS, 0), None);
    // Answered already, or rated about something else: not asked.
    let answered = rated_session(MONDAY + 21 * HOUR, Measure::Sleep, Some(4), Some(7));
    assert_eq!(
        night_to_rate(&[earlier.clone(), answered], tuesday_morning, 0),
        None
    );
    let tension = rated_session(MONDAY + 21 * HOUR, Measure::Tension, Some(4), None);
    assert_eq!(night_to_rate(&[earlier, tension], tuesday_morning, 0), None);
    // Skipped before: asked about the night all the same.
    let unrated = Session {
        rating: None,
        ..evening
    };
    assert_eq!(
        night_to_rate(std::slice::from_ref(&unrated), tuesday_morning, 0),
        Some(&unrated)
    );
}

fn arb_history() -> impl Strategy<Value = Vec<Session>> {
    let score = prop::option::of(0u8..=10);
    prop::collection::vec(
        (
            any::<i64>(),
            -1440i32..=1440,
            prop::sample::select(Measure::ALL.to_vec()),
            score.clone(),
            score,
        ),
        0..40,
    )
    .prop_map(|entries| {
        entries
            .into_iter()
            .map(|(start, offset, measure, before, after)| Session {
                offset_min: offset,
                ..rated_session(start, measure, before, after)
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn any_history_summarises_and_the_median_lies_between_the_extremes(
        history in arb_history(),
        measure in prop::sample::select(Measure::ALL.to_vec()),
        now in any::<i64>(),
    ) {
        let s = summary(&history, measure);
        let drops: Vec<i32> = rated(&history, measure).iter().map(Rated::drop).collect();
        prop_assert_eq!(s.count, drops.len());
        prop_assert!(s.sentence.ends_with('.'));
        match s.median_drop {
            None => prop_assert!(drops.is_empty()),
            Some(m) => {
                let (lo, hi) = (drops.iter().min().unwrap(), drops.iter().max().unwrap());
                prop_assert!(2 * lo <= m.halves() && m.halves() <= 2 * hi);
            }
        }
        let points = weekly(&history, measure);
        prop_assert_eq!(points.iter().map(|p| p.sessions).sum::<usize>(), drops.len());
        for p in &points {
            prop_assert!((0..=20).contains(&p.before.halves()));
            prop_assert!((0..=20).contains(&p.after.halves()));
        }
        let _ = night_to_rate(&history, now, 0);
    }
}
