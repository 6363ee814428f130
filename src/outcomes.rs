//! A person's own before-and-after: for the measure they follow, the
//! sessions rated both before and after, the median change, one honest
//! sentence about it, and the weekly points of a chart. Weeks start on
//! Monday, in local time; each session counts in the week it started, by
//! the offset saved with it.
//!
//! The median of (before − after) is used rather than the mean: one very
//! bad or very good day moves it little. It is exact to the half point.

use crate::clock::{civil_from_days, local_day, week_of};
use crate::format::{decimal, thousands};
use crate::settings::Measure;
use crate::store::{Moment, Session};
use crate::text::{count, fill, get, key, Key};
use std::collections::BTreeMap;

/// Fewer rated sessions than this show no trend: the sentence says so.
pub const TOO_FEW: usize = 5;

/// A number of points on the 0-to-10 scale, exact to the half (the median
/// of an even count of whole numbers).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Points {
    halves: i32,
}

impl Points {
    /// `halves` half points.
    pub fn from_halves(halves: i32) -> Points {
        Points { halves }
    }

    /// Twice the value: exact.
    pub fn halves(self) -> i32 {
        self.halves
    }

    /// The value, for drawing.
    pub fn value(self) -> f64 {
        f64::from(self.halves) / 2.0
    }

    /// The number as a person writes it: "2", "1.5", "0.5", "-1" (with the
    /// language's decimal point: "1,5" in German).
    pub fn number(self) -> String {
        decimal(self.value(), 1)
    }

    /// How many points, without the sign: "half a point", "1 point",
    /// "1.5 points".
    fn amount(self) -> String {
        match self.halves.unsigned_abs() {
            1 => get(key::OUTCOMES_POINTS_HALF).into(),
            halves if halves % 2 == 0 => count(key::OUTCOMES_POINTS, u64::from(halves / 2), &[]),
            _ => fill(
                key::OUTCOMES_POINTS_DECIMAL,
                &[("number", &Points::from_halves(self.halves.abs()).number())],
            ),
        }
    }
}

/// The median of whole numbers, exact to the half; `None` for none.
fn median(mut values: Vec<i32>) -> Option<Points> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let mid = values.len() / 2;
    let halves = if values.len() % 2 == 1 {
        2 * values[mid]
    } else {
        values[mid - 1] + values[mid]
    };
    Some(Points::from_halves(halves))
}

/// One session rated both before and after.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rated<'a> {
    pub session: &'a Session,
    pub before: u8,
    pub after: u8,
}

impl Rated<'_> {
    /// Before minus after: positive when the rating fell.
    pub fn drop(&self) -> i32 {
        i32::from(self.before) - i32::from(self.after)
    }
}

/// The sessions rated both before and after about `measure`, in the
/// history's order (oldest first).
pub fn rated(history: &[Session], measure: Measure) -> Vec<Rated<'_>> {
    history
        .iter()
        .filter_map(|session| {
            let rating = session.rating.filter(|r| r.measure == measure)?;
            let (before, after) = rating.both()?;
            Some(Rated {
                session,
                before,
                after,
            })
        })
        .collect()
}

/// What the person's own record says, in numbers and in one sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub measure: Measure,
    /// Sessions rated both before and after.
    pub count: usize,
    /// The median of (before − after): positive when the rating was lower
    /// after. `None` without rated sessions.
    pub median_drop: Option<Points>,
    /// One sentence for the history page; with fewer than [`TOO_FEW`]
    /// rated sessions it says there are too few to see a pattern.
    pub sentence: String,
}

/// The summary of `history` for `measure`.
pub fn summary(history: &[Session], measure: Measure) -> Summary {
    let rated = rated(history, measure);
    let count = rated.len();
    let median_drop = median(rated.iter().map(Rated::drop).collect());
    let sentence = match median_drop {
        None => get(key::OUTCOMES_NONE_YET).to_string(),
        Some(_) if count < TOO_FEW => crate::text::count(
            key::OUTCOMES_TOO_FEW,
            count as u64,
            &[("needed", &TOO_FEW), ("more", &(TOO_FEW - count))],
        ),
        Some(drop) => fill(
            wording(measure, drop.halves.signum()),
            &[("count", &thousands(count)), ("points", &drop.amount())],
        ),
    };
    Summary {
        measure,
        count,
        median_drop,
        sentence,
    }
}

/// The sentence for `measure` whose median fell (`sign` 1), rose (-1) or
/// stayed (0); it has `{count}` and, unless it stayed, `{points}`.
fn wording(measure: Measure, sign: i32) -> Key {
    match (measure, sign) {
        (Measure::FootPain, 0) => key::OUTCOMES_FOOT_PAIN_SAME,
        (Measure::FootPain, 1) => key::OUTCOMES_FOOT_PAIN_LOWER,
        (Measure::FootPain, _) => key::OUTCOMES_FOOT_PAIN_HIGHER,
        (Measure::Tension, 0) => key::OUTCOMES_TENSION_SAME,
        (Measure::Tension, 1) => key::OUTCOMES_TENSION_LOWER,
        (Measure::Tension, _) => key::OUTCOMES_TENSION_HIGHER,
        (Measure::TiredLegs, 0) => key::OUTCOMES_TIRED_LEGS_SAME,
        (Measure::TiredLegs, 1) => key::OUTCOMES_TIRED_LEGS_LOWER,
        (Measure::TiredLegs, _) => key::OUTCOMES_TIRED_LEGS_HIGHER,
        (Measure::Sleep, 0) => key::OUTCOMES_SLEEP_SAME,
        (Measure::Sleep, 1) => key::OUTCOMES_SLEEP_LOWER,
        (Measure::Sleep, _) => key::OUTCOMES_SLEEP_HIGHER,
    }
}

/// One week of the chart: the median rating before and after, over the
/// sessions of that week rated both before and after.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekPoint {
    /// The week's number: consecutive weeks differ by one, so a chart can
    /// leave a gap for weeks without a point.
    pub week: i64,
    /// The week's Monday: year, month (1 to 12), day.
    pub monday: (i64, u8, u8),
    /// Rated sessions that week (at least one).
    pub sessions: usize,
    pub before: Points,
    pub after: Points,
}

/// The chart's points, one per local week with a rated session, oldest
/// first. Weeks without one have no point (the chart leaves a gap).
pub fn weekly(history: &[Session], measure: Measure) -> Vec<WeekPoint> {
    let mut weeks: BTreeMap<i64, (Vec<i32>, Vec<i32>)> = BTreeMap::new();
    for r in rated(history, measure) {
        let week = week_of(local_day(r.session.start_ms, r.session.offset_min));
        let (before, after) = weeks.entry(week).or_default();
        before.push(i32::from(r.before));
        after.push(i32::from(r.after));
    }
    weeks
        .into_iter()
        .filter_map(|(week, (before, after))| {
            Some(WeekPoint {
                week,
                monday: civil_from_days(week * 7 - 3),
                sessions: before.len(),
                before: median(before)?,
                after: median(after)?,
            })
        })
        .collect()
}

/// The session whose night is to be rated now, for someone who follows
/// their sleep: the latest session started on the local day before today
/// (`now_ms` with `offset_min`), if it has no "after" rating yet and is not
/// rated about something else. A skipped question is not saved: the page
/// remembers it, so the night is asked about once.
pub fn night_to_rate(history: &[Session], now_ms: i64, offset_min: i32) -> Option<&Session> {
    let yesterday = local_day(now_ms, offset_min) - 1;
    let last = history
        .iter()
        .filter(|s| local_day(s.start_ms, s.offset_min) == yesterday)
        .max_by_key(|s| s.start_ms)?;
    match last.rating {
        Some(r) if r.measure != Measure::Sleep || r.at(Moment::After).is_some() => None,
        _ => Some(last),
    }
}

#[cfg(test)]
mod tests;
