//! Practice statistics from the history: minutes per day this week, recent
//! sessions, and weeks in a row with practice. Weeks start on Monday, in
//! local time. Each session counts on the local day it started, by the
//! offset saved with it; "this week" is by the offset passed in (now's).

use crate::clock::{local_day, week_of, weekday_of};
use crate::store::Session;

/// Seconds of massage on each day of the current week, Monday first.
/// `now_ms` and `offset_min` say which week is current.
pub fn week_seconds(history: &[Session], now_ms: i64, offset_min: i32) -> [u32; 7] {
    let this_week = week_of(local_day(now_ms, offset_min));
    let mut days = [0u32; 7];
    for session in history {
        let day = local_day(session.start_ms, session.offset_min);
        if week_of(day) == this_week {
            let slot = &mut days[usize::from(weekday_of(day))];
            *slot = slot.saturating_add(session.seconds);
        }
    }
    days
}

/// Minutes of massage on each day of the current week, Monday first, each
/// rounded to the nearest minute.
pub fn week_minutes(history: &[Session], now_ms: i64, offset_min: i32) -> [u32; 7] {
    week_seconds(history, now_ms, offset_min).map(|s| s.saturating_add(30) / 60)
}

/// The latest `count` sessions, newest first.
pub fn recent(history: &[Session], count: usize) -> Vec<&Session> {
    let mut sorted: Vec<&Session> = history.iter().collect();
    sorted.sort_by_key(|s| std::cmp::Reverse(s.start_ms));
    sorted.truncate(count);
    sorted
}

/// Weeks in a row with at least one session, counting back from the
/// current week. The current week counts if it has a session; if it has
/// none yet, the count starts from last week, so the week is not "lost"
/// before it is over.
pub fn weeks_in_a_row(history: &[Session], now_ms: i64, offset_min: i32) -> u32 {
    let weeks: std::collections::HashSet<i64> = history
        .iter()
        .map(|s| week_of(local_day(s.start_ms, s.offset_min)))
        .collect();
    let this_week = week_of(local_day(now_ms, offset_min));
    let mut week = if weeks.contains(&this_week) {
        this_week
    } else {
        this_week - 1
    };
    let mut streak = 0;
    while weeks.contains(&week) {
        streak += 1;
        week -= 1;
    }
    streak
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::{civil_from_days, LocalTime, DAY_MS};

    const HOUR: i64 = 3_600_000;

    /// Unix ms of a UTC date and time.
    fn utc(year: i64, month: u8, day: u8, hour: i64) -> i64 {
        // Days from civil, the inverse of civil_from_days, by search from a
        // known day: simple and plainly right for tests.
        let mut d = (year - 1970) * 365 + (year - 1969) / 4 - 400;
        while civil_from_days(d) != (year, month, day) {
            d += 1;
            assert!(d < 200_000, "date not found");
        }
        d * DAY_MS + hour * HOUR
    }

    fn session(start_ms: i64, offset_min: i32, seconds: u32) -> Session {
        Session {
            start_ms,
            offset_min,
            routine_id: "relax-10".into(),
            routine_name: "10-minute relaxation".into(),
            seconds,
            finished: true,
            rating: None,
        }
    }

    #[test]
    fn calendar_dates_are_right() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        let t = LocalTime::at(0, 0);
        assert_eq!((t.weekday, t.hour), (3, 0), "1970-01-01 was a Thursday");
        // 2026-11-21 16:42 UTC was a Saturday.
        let t = LocalTime::at(1_763_743_320_000 + 365 * DAY_MS, 0);
        assert_eq!((t.year, t.month, t.day, t.weekday), (2026, 11, 21, 5));
        assert_eq!((t.hour, t.minute), (16, 42));
        let leap = LocalTime::at(utc(2024, 2, 29, 12), 0);
        assert_eq!((leap.month, leap.day, leap.weekday), (2, 29, 3));
        let before = LocalTime::at(-1, 0);
        assert_eq!((before.year, before.month, before.day), (1969, 12, 31));
        assert_eq!((before.hour, before.minute), (23, 59));
    }

    #[test]
    fn offsets_move_a_session_to_its_local_day() {
        // 23:30 UTC on Sunday 2026-11-22 is 00:30 on Monday in UTC+1.
        let start = utc(2026, 11, 22, 23) + HOUR / 2;
        let t = LocalTime::at(start, 60);
        assert_eq!((t.day, t.weekday, t.hour, t.minute), (23, 0, 0, 30));
        let monday_noon = utc(2026, 11, 23, 12);
        assert_eq!(
            week_minutes(&[session(start, 60, 600)], monday_noon, 60),
            [10, 0, 0, 0, 0, 0, 0]
        );
        // In UTC it was last Sunday: not this week.
        assert_eq!(week_minutes(&[session(start, 0, 600)], monday_noon, 0), [0; 7]);
        // West of UTC: 02:00 UTC Tuesday is 21:00 Monday in UTC-5.
        let tuesday_early = utc(2026, 11, 24, 2);
        assert_eq!(
            week_minutes(&[session(tuesday_early, -300, 90)], monday_noon, -300),
            [2, 0, 0, 0, 0, 0, 0]
        );
    }

    #[test]
    fn minutes_per_day_add_up_within_the_week() {
        let wednesday = utc(2026, 11, 25, 9);
        let history = [
            session(wednesday, 0, 300),
            session(wednesday + HOUR, 0, 330),
            session(utc(2026, 11, 29, 22), 0, 1200),
            session(utc(2026, 11, 30, 8), 0, 600),
            session(utc(2026, 11, 22, 8), 0, 600),
        ];
        assert_eq!(
            week_minutes(&history, utc(2026, 11, 27, 10), 0),
            [0, 0, 11, 0, 0, 0, 20],
            "Monday 23 to Sunday 29 November; 630 s round to 11 minutes"
        );
        assert_eq!(week_seconds(&history, utc(2026, 11, 27, 10), 0)[2], 630);
    }

    #[test]
    fn weeks_cross_the_year_end() {
        // Monday 2026-12-28 to Sunday 2027-01-03 is one week.
        let history = [
            session(utc(2026, 12, 28, 9), 0, 600),
            session(utc(2027, 1, 3, 20), 0, 300),
        ];
        assert_eq!(
            week_minutes(&history, utc(2027, 1, 1, 12), 0),
            [10, 0, 0, 0, 0, 0, 5]
        );
        assert_eq!(weeks_in_a_row(&history, utc(2027, 1, 1, 12), 0), 1);
        assert_eq!(weeks_in_a_row(&history, utc(2027, 1, 6, 12), 0), 1);
        assert_eq!(weeks_in_a_row(&history, utc(2027, 1, 12, 12), 0), 0);
    }

    #[test]
    fn streaks_count_weeks_back_and_an_empty_current_week_does_not_break_them() {
        let weeks_ago = |n: i64| utc(2026, 11, 18, 10) - n * 7 * DAY_MS;
        let history = [
            session(weeks_ago(0), 0, 600),
            session(weeks_ago(1), 0, 600),
            session(weeks_ago(1) + HOUR, 0, 600),
            session(weeks_ago(2), 0, 600),
            session(weeks_ago(4), 0, 600),
        ];
        // Now: Monday 2026-11-23, an empty current week.
        let next_monday = utc(2026, 11, 23, 8);
        assert_eq!(weeks_in_a_row(&history, next_monday, 0), 3);
        // Now: the Friday of the week with the latest session.
        assert_eq!(weeks_in_a_row(&history, utc(2026, 11, 20, 8), 0), 3);
        // Two weeks without any: no streak.
        assert_eq!(weeks_in_a_row(&history, utc(2026, 12, 1, 8), 0), 0);
        assert_eq!(weeks_in_a_row(&[], next_monday, 0), 0);
    }

    #[test]
    fn the_week_boundary_is_monday_midnight_local() {
        // Sunday 23:59 and Monday 00:00 local, in UTC+2.
        let monday = utc(2026, 11, 23, 0) - 2 * HOUR;
        let history = [session(monday - 60_000, 120, 60), session(monday, 120, 120)];
        assert_eq!(week_minutes(&history, monday + HOUR, 120), [2, 0, 0, 0, 0, 0, 0]);
        assert_eq!(week_minutes(&history, monday - HOUR, 120), [0, 0, 0, 0, 0, 0, 1]);
        assert_eq!(weeks_in_a_row(&history, monday + HOUR, 120), 2);
    }

    #[test]
    fn recent_sessions_are_newest_first() {
        let history = [session(1, 0, 1), session(3, 0, 3), session(2, 0, 2)];
        let recent: Vec<i64> = recent(&history, 2).iter().map(|s| s.start_ms).collect();
        assert_eq!(recent, [3, 2]);
        assert_eq!(super::recent(&history, 10).len(), 3);
    }

    #[test]
    fn extreme_times_do_not_panic() {
        for ms in [i64::MIN, i64::MAX, 0, -1] {
            for offset in [-1440, 0, 1440] {
                let _ = LocalTime::at(ms, offset);
                let h = [session(ms, offset, u32::MAX), session(ms, offset, u32::MAX)];
                let _ = week_minutes(&h, ms, offset);
                let _ = weeks_in_a_row(&h, ms, offset);
            }
        }
    }
}
