//! Small text formats shared by the views: durations, clock times and
//! numbers, in the words and separators of the language in use.

use crate::clock::LocalTime;
use crate::text::{count, fill, get, key, Key};

const DAYS: [Key; 7] = [
    key::DATE_MON,
    key::DATE_TUE,
    key::DATE_WED,
    key::DATE_THU,
    key::DATE_FRI,
    key::DATE_SAT,
    key::DATE_SUN,
];
const MONTHS: [Key; 12] = [
    key::DATE_JAN,
    key::DATE_FEB,
    key::DATE_MAR,
    key::DATE_APR,
    key::DATE_MAY,
    key::DATE_JUN,
    key::DATE_JUL,
    key::DATE_AUG,
    key::DATE_SEP,
    key::DATE_OCT,
    key::DATE_NOV,
    key::DATE_DEC,
];

/// A weekday's short name, Monday being 0.
pub fn weekday(day: u8) -> &'static str {
    get(DAYS[usize::from(day) % 7])
}

/// A month's short name, January being 1.
fn month(month: u8) -> &'static str {
    get(MONTHS[usize::from(month.clamp(1, 12)) - 1])
}

/// When a session started, as a person says it: "Sat 21 Nov, 18:05".
pub fn when(t: LocalTime) -> String {
    fill(
        key::DATE_WHEN,
        &[
            ("weekday", &weekday(t.weekday)),
            ("day", &t.day),
            ("month", &month(t.month)),
            ("time", &format!("{:02}:{:02}", t.hour, t.minute)),
        ],
    )
}

/// A day of the year, short: "23 Nov".
pub fn day_month(day: u8, month_number: u8) -> String {
    fill(
        key::DATE_DAY_MONTH,
        &[("day", &day), ("month", &month(month_number))],
    )
}

/// A suggested duration in words: "45 seconds", "1 minute", "1 min 30 s".
pub fn duration(seconds: u32) -> String {
    match (seconds / 60, seconds % 60) {
        (0, s) => count(key::DURATION_SECONDS, s.into(), &[]),
        (m, 0) => count(key::DURATION_MINUTES, m.into(), &[]),
        (m, s) => fill(key::DURATION_MINUTES_SECONDS, &[("minutes", &m), ("seconds", &s)]),
    }
}

/// What a person hears when they ask for the time left: "1 min 20 s left
/// in this step, 6 minutes left in the routine." Both are rounded up to the
/// second, so "0 seconds" is never said while time remains.
pub fn time_left(step_ms: u64, routine_ms: u64) -> String {
    let up = |ms: u64| u32::try_from(ms.div_ceil(1000)).unwrap_or(u32::MAX);
    fill(
        key::SPOKEN_TIME_LEFT,
        &[
            ("step_time", &duration(up(step_ms))),
            ("routine_time", &duration(up(routine_ms))),
        ],
    )
}

/// 12345 as "12,345" (in German "12.345").
pub fn thousands(n: usize) -> String {
    grouped(&n.to_string())
}

/// A number rounded to at most `places` decimals, without trailing zeros:
/// 1.5 as "1.5" (in German "1,5"), 2.0 as "2", 12345.25 as "12,345.25".
pub fn decimal(value: f64, places: usize) -> String {
    let text = format!("{:.*}", places, value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let fraction = fraction.trim_end_matches('0');
    let zero = whole.bytes().all(|b| b == b'0') && fraction.is_empty();
    let sign = if value < 0.0 && !zero { "-" } else { "" };
    let point = if fraction.is_empty() {
        ""
    } else {
        get(key::FORMAT_DECIMAL_POINT)
    };
    format!("{sign}{}{point}{fraction}", grouped(whole))
}

/// Digits with the thousands separator between groups of three.
fn grouped(digits: &str) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(get(key::FORMAT_THOUSANDS_SEPARATOR));
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_time_left_is_said_rounded_up_for_the_step_and_the_routine() {
        assert_eq!(
            time_left(79_200, 360_000),
            "1 min 20 s left in this step, 6 minutes left in the routine."
        );
        assert_eq!(
            time_left(1, 1),
            "1 second left in this step, 1 second left in the routine."
        );
        assert_eq!(
            time_left(0, 0),
            "0 seconds left in this step, 0 seconds left in the routine."
        );
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration(45), "45 seconds");
        assert_eq!(duration(60), "1 minute");
        assert_eq!(duration(120), "2 minutes");
        assert_eq!(duration(90), "1 min 30 s");
    }

    #[test]
    fn numbers_are_grouped_and_decimals_trimmed() {
        assert_eq!(thousands(12_345), "12,345");
        assert_eq!(thousands(999), "999");
        assert_eq!(decimal(1.5, 1), "1.5");
        assert_eq!(decimal(2.0, 1), "2");
        assert_eq!(decimal(-0.5, 1), "-0.5");
        assert_eq!(decimal(-0.04, 1), "0");
        assert_eq!(decimal(1_234_567.25, 2), "1,234,567.25");
    }

    #[test]
    fn session_times_read_naturally() {
        // 2026-11-21 17:05 UTC was a Saturday; in UTC+1 it was 18:05.
        let t = LocalTime::at(1_795_280_700_000, 60);
        assert_eq!(when(t), "Sat 21 Nov, 18:05");
        assert_eq!(weekday(6), "Sun");
    }
}
