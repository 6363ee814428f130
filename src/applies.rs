//! "What applies to me": the lasting conditions a person may tell the app
//! (the cautions with a `who`), kept on this device only, and what they do
//! to a zone. A chosen "stop" caution rules out the zones it reaches; a
//! chosen "care" caution turns them to light pressure. Nothing chosen
//! changes nothing, and nothing is ever inferred from anything else.

use crate::content::{Caution, Pressure, Routine, RoutineStep, Severity};

/// The conditions a person can choose, by caution id, in the order the
/// list shows them. Saved by these ids (`settings.applies`), so the order
/// may change; `tests/content.rs` checks that the cautions with a `who`
/// are exactly these.
pub const CONDITIONS: [&str; 13] = [
    "diabetes",
    "blood-thinners",
    "clot-now",
    "clot-risk",
    "phlebitis",
    "varicose-veins",
    "poor-circulation",
    "pregnancy",
    "osteoporosis",
    "heart-disease",
    "cancer-lymphoedema",
    "joint-replacement",
    "big-toe-joint",
];

/// A set of [`CONDITIONS`], as bits in their order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Applies(u16);

impl Applies {
    /// Nothing chosen.
    pub const NONE: Applies = Applies(0);

    /// The set of these ids; ids this version does not know are left out.
    pub fn of<'a>(ids: impl IntoIterator<Item = &'a str>) -> Applies {
        ids.into_iter().fold(Applies::NONE, |set, id| set.with(id, true))
    }

    /// The chosen ids, in [`CONDITIONS`] order.
    pub fn ids(self) -> impl Iterator<Item = &'static str> {
        CONDITIONS
            .into_iter()
            .enumerate()
            .filter(move |(i, _)| self.0 & (1 << i) != 0)
            .map(|(_, id)| id)
    }

    pub fn has(self, id: &str) -> bool {
        bit(id).is_some_and(|b| self.0 & b != 0)
    }

    /// This set with `id` chosen (`on`) or not.
    pub fn with(self, id: &str, on: bool) -> Applies {
        match bit(id) {
            Some(b) if on => Applies(self.0 | b),
            Some(b) => Applies(self.0 & !b),
            None => self,
        }
    }

    /// Both sets together.
    pub fn union(self, other: Applies) -> Applies {
        Applies(self.0 | other.0)
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// What the chosen conditions do to `zone` (a content zone id), given
    /// every caution: ruled out if any chosen "stop" caution reaches it,
    /// else light pressure if any chosen "care" caution does.
    pub fn limit<'a>(self, cautions: &'a [Caution], zone: &str) -> Limit<'a> {
        let chosen = || {
            cautions
                .iter()
                .filter(move |c| c.who.is_some() && self.has(&c.id) && c.reaches(zone))
        };
        if let Some(c) = chosen().find(|c| c.severity == Severity::Stop) {
            Limit::Out(c)
        } else if let Some(c) = chosen().next() {
            Limit::Light(c)
        } else {
            Limit::Open
        }
    }
}

impl Applies {
    /// `routine` for this person: without the steps on zones the chosen
    /// conditions rule out, and which steps were left out and why. The
    /// name, id and summary stay; the minutes are the steps' own.
    pub fn adapt<'a>(self, cautions: &'a [Caution], routine: &Routine) -> Adapted<'a> {
        let mut kept = Vec::new();
        let mut left_out = Vec::new();
        for step in &routine.steps {
            match self.limit(cautions, &step.zone) {
                Limit::Out(caution) => left_out.push((step.clone(), caution)),
                _ => kept.push(step.clone()),
            }
        }
        let seconds: u32 = kept.iter().map(|s| s.seconds).sum();
        Adapted {
            routine: Routine {
                steps: kept,
                minutes: seconds.div_ceil(60),
                ..routine.clone()
            },
            left_out,
        }
    }
}

/// A routine as a person's chosen conditions allow it.
#[derive(Debug, Clone)]
pub struct Adapted<'a> {
    /// The routine without the steps ruled out.
    pub routine: Routine,
    /// The steps left out, each with the caution that rules it out.
    pub left_out: Vec<(RoutineStep, &'a Caution)>,
}

fn bit(id: &str) -> Option<u16> {
    CONDITIONS.iter().position(|c| *c == id).map(|i| 1 << i)
}

/// What a person's chosen conditions do to one zone.
#[derive(Debug, Clone, Copy)]
pub enum Limit<'a> {
    /// Nothing chosen reaches it.
    Open,
    /// Light pressure only, because of this caution.
    Light(&'a Caution),
    /// Not to be massaged, because of this caution.
    Out(&'a Caution),
}

/// The same limit for the same caution (cautions are known by id).
impl PartialEq for Limit<'_> {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Limit::Open, Limit::Open) => true,
            (Limit::Light(a), Limit::Light(b)) | (Limit::Out(a), Limit::Out(b)) => a.id == b.id,
            _ => false,
        }
    }
}

impl<'a> Limit<'a> {
    /// The pressure to use where `pressure` is written: light under a
    /// light-pressure limit, as written otherwise.
    pub fn pressure(self, pressure: Pressure) -> Pressure {
        match self {
            Limit::Light(_) => Pressure::Light,
            _ => pressure,
        }
    }
}

#[cfg(test)]
mod tests;
