use super::*;
use crate::content::content;

fn zone(id: &str) -> &'static Zone {
    content().zone(id).expect("known zone")
}

fn step(side: Side, zone: &str, technique: &str, seconds: u32) -> RoutineStep {
    RoutineStep {
        side,
        zone: zone.into(),
        technique: technique.into(),
        seconds,
    }
}

fn built() -> OwnRoutine {
    OwnRoutine::new("my-1", "Evening")
        .reduce(EditAction::AddZone {
            side: Side::Left,
            zone: zone("heel"),
        })
        .reduce(EditAction::AddZone {
            side: Side::Left,
            zone: zone("big-toe"),
        })
}

#[test]
fn adding_a_zone_uses_its_first_technique_and_suggested_time() {
    let r = built();
    let heel = &zone("heel").methods[0];
    assert_eq!(
        r.steps[0],
        step(Side::Left, "heel", &heel.technique, heel.seconds)
    );
    assert_eq!(r.steps[1].zone, "big-toe");
    assert_eq!(
        r.total_seconds(),
        heel.seconds + zone("big-toe").methods[0].seconds
    );
    assert!(r.problems(content()).is_empty(), "{:?}", r.problems(content()));
}

#[test]
fn times_move_in_five_second_steps_within_bounds() {
    let r = built().reduce(EditAction::SetSeconds { step: 0, seconds: 7 });
    assert_eq!(r.steps[0].seconds, 5);
    let r = r.reduce(EditAction::Shorter(0));
    assert_eq!(r.steps[0].seconds, 5, "never below 5");
    let r = r.reduce(EditAction::Longer(0)).reduce(EditAction::Longer(0));
    assert_eq!(r.steps[0].seconds, 15);
    let r = r.reduce(EditAction::SetSeconds {
        step: 0,
        seconds: 10_000,
    });
    assert_eq!(r.steps[0].seconds, 600);
    let r = r.reduce(EditAction::Longer(0));
    assert_eq!(r.steps[0].seconds, 600, "never above 600");
    let r = r.reduce(EditAction::SetSeconds { step: 0, seconds: 43 });
    assert_eq!(r.steps[0].seconds, 45, "rounded to the nearest 5");
}

#[test]
fn steps_move_up_and_down_and_out_of_range_moves_do_nothing() {
    let r = built();
    let up = r.clone().reduce(EditAction::MoveUp(1));
    assert_eq!(up.steps[0].zone, "big-toe");
    assert_eq!(up.clone().reduce(EditAction::MoveUp(0)), up);
    let down = up.clone().reduce(EditAction::MoveDown(0));
    assert_eq!(down, r);
    assert_eq!(r.clone().reduce(EditAction::MoveDown(1)), r);
    assert_eq!(r.clone().reduce(EditAction::MoveDown(99)), r);
    assert_eq!(r.clone().reduce(EditAction::Remove(99)), r);
    assert_eq!(r.clone().reduce(EditAction::Mirror(99)), r);
    assert_eq!(r.clone().reduce(EditAction::Longer(99)), r);
    let moved = r.clone().reduce(EditAction::Move { from: 0, to: 99 });
    assert_eq!(moved, up);
    assert_eq!(moved.reduce(EditAction::Move { from: 1, to: 0 }), r);
}

#[test]
fn mirroring_copies_to_the_other_side_right_after() {
    let r = built().reduce(EditAction::Mirror(0));
    assert_eq!(r.steps.len(), 3);
    assert_eq!(r.steps[1], mirror(&r.steps[0]));
    assert_eq!(r.steps[1].side, Side::Right);
    let all = built().reduce(EditAction::MirrorAll);
    assert_eq!(all.steps.len(), 4);
    assert!(all.steps[2..].iter().all(|s| s.side == Side::Right));
    assert_eq!(all.total_seconds(), 2 * built().total_seconds());
}

#[test]
fn removing_and_clearing() {
    let r = built().reduce(EditAction::Remove(0));
    assert_eq!(r.steps.len(), 1);
    assert_eq!(r.steps[0].zone, "big-toe");
    assert!(r.reduce(EditAction::Clear).steps.is_empty());
}

#[test]
fn a_routine_never_grows_past_the_step_limit() {
    let mut r = OwnRoutine::new("my-1", "Long");
    for _ in 0..100 {
        r = r.reduce(EditAction::AddZone {
            side: Side::Right,
            zone: zone("shin"),
        });
    }
    assert_eq!(r.steps.len(), MAX_STEPS);
    let r = r.reduce(EditAction::Mirror(0)).reduce(EditAction::MirrorAll);
    assert_eq!(r.steps.len(), MAX_STEPS);
}

#[test]
fn problems_name_each_mistake() {
    let mut r = OwnRoutine::new("my-1", "  ");
    assert_eq!(
        r.problems(content()),
        vec![RoutineProblem::NoName, RoutineProblem::NoSteps]
    );
    r.name = "x".repeat(MAX_NAME + 1);
    r.steps = vec![
        step(Side::Left, "elbow", "kneading", 30),
        step(Side::Left, "heel", "massage-gun", 30),
        step(Side::Left, "big-toe", "long-strokes", 30),
        step(Side::Left, "heel", "knuckle-press", 33),
        step(Side::Left, "heel", "knuckle-press", 0),
        step(Side::Left, "heel", "knuckle-press", 605),
    ];
    let problems = r.problems(content());
    assert_eq!(problems[0], RoutineProblem::NameTooLong);
    assert!(problems.contains(&RoutineProblem::UnknownZone {
        step: 1,
        zone: "elbow".into()
    }));
    assert!(problems.contains(&RoutineProblem::UnknownTechnique {
        step: 2,
        technique: "massage-gun".into()
    }));
    assert!(problems.contains(&RoutineProblem::TechniqueNotForZone {
        step: 3,
        zone: "big-toe".into(),
        technique: "long-strokes".into()
    }));
    for (number, seconds) in [(4, 33), (5, 0), (6, 605)] {
        assert!(problems.contains(&RoutineProblem::BadSeconds {
            step: number,
            seconds
        }));
    }
    for p in &problems {
        assert!(p.message().ends_with('.'), "{}", p.message());
    }
    assert!(problems[1].message().contains("elbow"));
    r.steps = vec![step(Side::Left, "heel", "knuckle-press", 30); MAX_STEPS + 1];
    r.name = "Fine".into();
    assert_eq!(
        r.problems(content()),
        vec![RoutineProblem::TooManySteps(MAX_STEPS + 1)]
    );
}

#[test]
fn every_built_in_routine_copies_into_a_valid_own_routine() {
    for routine in &crate::content::whole().routines {
        let own = OwnRoutine::copy_of(routine, "my-copy");
        assert_eq!(own.steps, routine.steps);
        assert!(own.name.ends_with(" (my copy)"));
        assert!(
            own.problems(content()).is_empty(),
            "{}: {:?}",
            routine.id,
            own.problems(content())
        );
        let back = own.to_routine();
        assert_eq!(back.minutes, routine.minutes);
        assert_eq!(back.steps, routine.steps);
    }
}

#[test]
fn every_zones_first_method_makes_a_valid_step() {
    for z in &content().zones {
        let r = OwnRoutine::new("my-1", "One").reduce(EditAction::AddZone {
            side: Side::Left,
            zone: z,
        });
        assert!(r.problems(content()).is_empty(), "{}", z.id);
    }
}

#[test]
fn new_ids_are_own_ids_and_avoid_taken_ones() {
    let id = new_id(1_763_740_800_000, |_| false);
    assert!(is_own_id(&id), "{id}");
    let second = new_id(1_763_740_800_000, |taken| taken == id);
    assert_eq!(second, format!("{id}-2"));
    assert!(is_own_id(&second));
    assert!(is_own_id(&new_id(0, |_| false)));
    assert!(is_own_id(&new_id(u64::MAX, |_| false)));
    assert!(!is_own_id("relax-10"));
    assert!(!is_own_id("my-"));
    assert!(!is_own_id("my-Bad"));
}

#[test]
fn names_are_tidied_and_copy_names_stay_short() {
    let r = OwnRoutine::new("my-1", "  Even\u{7}ing \n").tidy();
    assert_eq!(r.name, "Evening");
    let long = copy_name(&"a".repeat(MAX_NAME), " (copy)");
    assert_eq!(long.chars().count(), MAX_NAME);
    assert!(long.ends_with(" (copy)"));
}
