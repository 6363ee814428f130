//! Small text formats shared by the views: durations, clock times and
//! counts.

use crate::clock::LocalTime;

const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A weekday's short name, Monday being 0.
pub fn weekday(day: u8) -> &'static str {
    DAYS[usize::from(day) % 7]
}

/// When a session started, as a person says it: "Sat 21 Nov, 18:05".
pub fn when(t: LocalTime) -> String {
    format!(
        "{} {} {}, {:02}:{:02}",
        weekday(t.weekday),
        t.day,
        MONTHS[usize::from(t.month.clamp(1, 12)) - 1],
        t.hour,
        t.minute
    )
}

/// A day of the year, short: "23 Nov".
pub fn day_month(day: u8, month: u8) -> String {
    format!("{day} {}", MONTHS[usize::from(month.clamp(1, 12)) - 1])
}

/// A suggested duration in words: "45 seconds", "1 minute", "1 min 30 s".
pub fn duration(seconds: u32) -> String {
    match (seconds / 60, seconds % 60) {
        (0, 1) => "1 second".into(),
        (0, s) => format!("{s} seconds"),
        (1, 0) => "1 minute".into(),
        (m, 0) => format!("{m} minutes"),
        (m, s) => format!("{m} min {s} s"),
    }
}

/// What a person hears when they ask for the time left: "1 min 20 s left
/// in this step, 6 minutes in the routine." Both are rounded up to the
/// second, so "0 seconds" is never said while time remains.
pub fn time_left(step_ms: u64, routine_ms: u64) -> String {
    let up = |ms: u64| u32::try_from(ms.div_ceil(1000)).unwrap_or(u32::MAX);
    format!(
        "{} left in this step, {} in the routine.",
        duration(up(step_ms)),
        duration(up(routine_ms))
    )
}

/// 12345 as "12,345".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
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
            "1 min 20 s left in this step, 6 minutes in the routine."
        );
        assert_eq!(
            time_left(1, 1),
            "1 second left in this step, 1 second in the routine."
        );
        assert_eq!(
            time_left(0, 0),
            "0 seconds left in this step, 0 seconds in the routine."
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
    fn session_times_read_naturally() {
        // 2026-11-21 17:05 UTC was a Saturday; in UTC+1 it was 18:05.
        let t = LocalTime::at(1_795_280_700_000, 60);
        assert_eq!(when(t), "Sat 21 Nov, 18:05");
        assert_eq!(weekday(6), "Sun");
    }
}
