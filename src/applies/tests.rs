use super::*;
use crate::content::whole;
use proptest::prelude::*;

fn cautions() -> &'static [Caution] {
    &whole().cautions
}

/// Any set of the conditions, as a bit mask over [`CONDITIONS`].
fn any_applies() -> impl Strategy<Value = Applies> {
    (0u16..(1 << CONDITIONS.len())).prop_map(|bits| {
        Applies::of(
            CONDITIONS
                .iter()
                .enumerate()
                .filter(|(i, _)| bits & (1 << i) != 0)
                .map(|(_, id)| *id),
        )
    })
}

#[test]
fn the_conditions_are_exactly_the_cautions_a_person_can_choose() {
    let choosable: Vec<&str> = cautions()
        .iter()
        .filter(|c| c.who.is_some())
        .map(|c| c.id.as_str())
        .collect();
    let mut listed = CONDITIONS.to_vec();
    listed.sort_unstable();
    let mut found = choosable.clone();
    found.sort_unstable();
    assert_eq!(
        listed, found,
        "applies::CONDITIONS and the cautions with a `who` differ"
    );
}

#[test]
fn nothing_chosen_changes_nothing() {
    for zone in &whole().zones {
        assert_eq!(
            Applies::NONE.limit(cautions(), &zone.id),
            Limit::Open,
            "{}",
            zone.id
        );
    }
    for routine in &whole().routines {
        let adapted = Applies::NONE.adapt(cautions(), routine);
        assert_eq!(adapted.routine.steps, routine.steps, "{}", routine.id);
        assert_eq!(adapted.routine.minutes, routine.minutes, "{}", routine.id);
        assert!(adapted.left_out.is_empty());
    }
}

#[test]
fn numb_feet_turn_the_heel_to_light_pressure() {
    let numb = Applies::NONE.with("diabetes", true);
    let limit = numb.limit(cautions(), "heel");
    assert!(
        matches!(limit, Limit::Light(c) if c.id == "diabetes"),
        "{limit:?}"
    );
    assert_eq!(limit.pressure(Pressure::Firm), Pressure::Light);
    assert_eq!(Limit::Open.pressure(Pressure::Firm), Pressure::Firm);
}

#[test]
fn a_clot_under_treatment_takes_the_legs_out_of_a_routine_and_clearing_it_puts_them_back() {
    let legs = whole()
        .routines
        .iter()
        .find(|r| whole().works_legs(r))
        .expect("a routine works the legs");
    let clot = Applies::NONE.with("clot-now", true);
    let adapted = clot.adapt(cautions(), legs);
    assert!(!adapted.left_out.is_empty());
    assert!(adapted.left_out.iter().all(|(_, c)| c.id == "clot-now"));
    assert!(adapted.routine.steps.len() < legs.steps.len());
    let cleared = clot.with("clot-now", false);
    assert_eq!(cleared, Applies::NONE);
    assert_eq!(cleared.adapt(cautions(), legs).routine.steps, legs.steps);
}

#[test]
fn ids_read_back_and_unknown_ones_are_left_out() {
    let set = Applies::of(["pregnancy", "no-such-condition", "diabetes"]);
    assert_eq!(set.ids().collect::<Vec<_>>(), ["diabetes", "pregnancy"]);
    assert_eq!(Applies::of(set.ids()), set);
}

proptest! {
    #[test]
    fn a_zone_is_ruled_out_by_a_chosen_stop_and_lightened_by_a_chosen_care(applies in any_applies()) {
        for zone in &whole().zones {
            let reaching = |severity: Severity| {
                cautions().iter().any(|c| {
                    c.who.is_some() && applies.has(&c.id) && c.severity == severity && c.reaches(&zone.id)
                })
            };
            let limit = applies.limit(cautions(), &zone.id);
            match limit {
                Limit::Out(c) => {
                    prop_assert_eq!(c.severity, Severity::Stop);
                    prop_assert!(applies.has(&c.id) && c.reaches(&zone.id));
                }
                Limit::Light(c) => {
                    prop_assert!(!reaching(Severity::Stop));
                    prop_assert_eq!(c.severity, Severity::Care);
                    prop_assert!(applies.has(&c.id) && c.reaches(&zone.id));
                }
                Limit::Open => {
                    prop_assert!(!reaching(Severity::Stop) && !reaching(Severity::Care));
                }
            }
        }
    }

    #[test]
    fn a_routine_keeps_exactly_the_steps_not_ruled_out_in_order(applies in any_applies()) {
        for routine in &whole().routines {
            let adapted = applies.adapt(cautions(), routine);
            let expected: Vec<&RoutineStep> = routine
                .steps
                .iter()
                .filter(|s| !matches!(applies.limit(cautions(), &s.zone), Limit::Out(_)))
                .collect();
            prop_assert_eq!(adapted.routine.steps.iter().collect::<Vec<_>>(), expected);
            prop_assert_eq!(adapted.routine.steps.len() + adapted.left_out.len(), routine.steps.len());
            prop_assert_eq!(&adapted.routine.id, &routine.id);
        }
    }

    #[test]
    fn saved_ids_read_back_as_the_same_set(applies in any_applies()) {
        prop_assert_eq!(Applies::of(applies.ids()), applies);
    }
}
