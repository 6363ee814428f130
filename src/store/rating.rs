//! A person's own rating of one session: the measure they follow (see
//! [`Measure`]), 0 to 10 before the routine and the same after it. Each
//! is asked once and never overwritten: a rating given is kept, and two
//! copies of one session (another tab, a checkpoint, an import) are joined
//! by taking each rating from whichever side has it.

use crate::settings::Measure;

/// The highest rating; the lowest is 0.
pub const MAX_RATING: u8 = 10;

/// When a rating was given: before the routine, or after it (for sleep,
/// the night before and the night after).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Moment {
    Before,
    After,
}

/// The ratings of one session, about one measure; at least one is there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rating {
    pub measure: Measure,
    /// 0 to [`MAX_RATING`], before the routine.
    pub before: Option<u8>,
    /// 0 to [`MAX_RATING`], after it.
    pub after: Option<u8>,
}

impl Rating {
    /// One rating; `None` if `value` is above [`MAX_RATING`].
    pub fn new(measure: Measure, moment: Moment, value: u8) -> Option<Rating> {
        (value <= MAX_RATING).then_some(Rating {
            measure,
            before: (moment == Moment::Before).then_some(value),
            after: (moment == Moment::After).then_some(value),
        })
    }

    /// The rating given at `moment`, if any.
    pub fn at(&self, moment: Moment) -> Option<u8> {
        match moment {
            Moment::Before => self.before,
            Moment::After => self.after,
        }
    }

    /// Both ratings, if both were given: (before, after).
    pub fn both(&self) -> Option<(u8, u8)> {
        Some((self.before?, self.after?))
    }

    /// `here` with `value` added at `moment`, unless that moment is rated
    /// already, the value is above [`MAX_RATING`], or `here` is about
    /// another measure: a rating is never asked twice nor overwritten.
    pub(crate) fn add(here: Option<Rating>, measure: Measure, moment: Moment, value: u8) -> Option<Rating> {
        let Some(mut rating) = here else {
            return Rating::new(measure, moment, value);
        };
        if rating.measure != measure || rating.at(moment).is_some() || value > MAX_RATING {
            return Some(rating);
        }
        match moment {
            Moment::Before => rating.before = Some(value),
            Moment::After => rating.after = Some(value),
        }
        Some(rating)
    }

    /// Two copies of one session's rating as one: `here`'s ratings are kept,
    /// and `other`'s taken where `here` has none. A rating about another
    /// measure than `here`'s is left out (the two are not comparable).
    pub(crate) fn join(here: Option<Rating>, other: Option<Rating>) -> Option<Rating> {
        match (here, other) {
            (Some(mut a), Some(b)) if a.measure == b.measure => {
                a.before = a.before.or(b.before);
                a.after = a.after.or(b.after);
                Some(a)
            }
            (Some(a), _) => Some(a),
            (None, b) => b,
        }
    }
}

#[cfg(test)]
mod tests;
