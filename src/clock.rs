//! Local calendar time from a Unix time and an offset, without the
//! browser: dates and clock times for the history, file names and
//! statistics. Weeks start on Monday.

pub(crate) const DAY_MS: i64 = 86_400_000;

/// Days since 1970-01-01 (a Thursday) at `ms` with this offset.
pub(crate) fn local_day(ms: i64, offset_min: i32) -> i64 {
    ms.saturating_add(i64::from(offset_min) * 60_000)
        .div_euclid(DAY_MS)
}

/// The Monday-first week number of a day count (week 0 holds 1970-01-01).
pub(crate) fn week_of(day: i64) -> i64 {
    (day + 3).div_euclid(7)
}

/// 0 for Monday to 6 for Sunday.
pub(crate) fn weekday_of(day: i64) -> u8 {
    (day + 3).rem_euclid(7) as u8
}

/// A moment as a local calendar date and clock time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalTime {
    pub year: i64,
    /// 1 to 12.
    pub month: u8,
    /// 1 to 31.
    pub day: u8,
    /// 0 for Monday to 6 for Sunday.
    pub weekday: u8,
    pub hour: u8,
    pub minute: u8,
}

impl LocalTime {
    /// The local date and time at `ms` (Unix, UTC) with this offset.
    pub fn at(ms: i64, offset_min: i32) -> LocalTime {
        let local = ms.saturating_add(i64::from(offset_min) * 60_000);
        let day = local.div_euclid(DAY_MS);
        let minutes = local.rem_euclid(DAY_MS) / 60_000;
        let (year, month, day_of_month) = civil_from_days(day);
        LocalTime {
            year,
            month,
            day: day_of_month,
            weekday: weekday_of(day),
            hour: (minutes / 60) as u8,
            minute: (minutes % 60) as u8,
        }
    }
}

/// Year, month and day of a count of days since 1970-01-01 (Howard
/// Hinnant's algorithm, proleptic Gregorian).
pub(crate) fn civil_from_days(days: i64) -> (i64, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}
