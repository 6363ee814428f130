use super::*;

const S: u64 = 1000;

/// Three steps of 10, 20 and 30 seconds, with a 5-second get-ready.
fn timer() -> Timer {
    Timer::new(vec![10 * S, 20 * S, 30 * S], 5 * S)
}

fn at(t: &Timer, now: u64) -> (Status, Option<usize>, u64) {
    let s = t.snapshot(now);
    (s.status, s.step, s.remaining_ms)
}

#[test]
fn a_new_timer_is_idle_until_started() {
    let mut t = timer();
    assert_eq!(at(&t, 0), (Status::Idle, None, 0));
    t.apply(Action::Pause, 0);
    t.apply(Action::Next, 0);
    assert_eq!(at(&t, 100 * S), (Status::Idle, None, 0));
}

#[test]
fn start_counts_down_get_ready_then_runs_each_step_in_turn() {
    let mut t = timer();
    t.apply(Action::Start, 1000);
    assert_eq!(at(&t, 1000), (Status::GetReady, Some(0), 5 * S));
    assert_eq!(at(&t, 3500), (Status::GetReady, Some(0), 2500));
    assert_eq!(at(&t, 6000), (Status::Running, Some(0), 10 * S));
    assert_eq!(at(&t, 16 * S - 1), (Status::Running, Some(0), 1));
    assert_eq!(at(&t, 16 * S), (Status::Running, Some(1), 20 * S));
    assert_eq!(at(&t, 36 * S), (Status::Running, Some(2), 30 * S));
    assert_eq!(at(&t, 66 * S), (Status::Finished, None, 0));
}

#[test]
fn snapshot_does_not_change_the_timer_but_tick_does() {
    let mut t = timer();
    t.apply(Action::Start, 0);
    let _ = t.snapshot(100 * S);
    assert_eq!(t.next_change_at(), Some(5 * S));
    t.apply(Action::Tick, 20 * S);
    assert_eq!(t.next_change_at(), Some(35 * S));
}

#[test]
fn without_get_ready_the_first_step_begins_at_once() {
    let mut t = Timer::new(vec![10 * S], 0);
    t.apply(Action::Start, 0);
    assert_eq!(at(&t, 0), (Status::Running, Some(0), 10 * S));
}

#[test]
fn pause_freezes_the_countdown_and_resume_continues_it() {
    let mut t = timer();
    t.apply(Action::Start, 0);
    t.apply(Action::Pause, 8 * S); // 3 s into step 0
    assert_eq!(at(&t, 8 * S), (Status::Paused, Some(0), 7 * S));
    assert_eq!(at(&t, 500 * S), (Status::Paused, Some(0), 7 * S));
    t.apply(Action::Resume, 500 * S);
    assert_eq!(at(&t, 500 * S), (Status::Running, Some(0), 7 * S));
    assert_eq!(at(&t, 507 * S), (Status::Running, Some(1), 20 * S));
}

#[test]
fn pause_during_get_ready_keeps_the_countdown() {
    let mut t = timer();
    t.apply(Action::Start, 0);
    t.apply(Action::Pause, 2 * S);
    assert_eq!(at(&t, 60 * S), (Status::Paused, Some(0), 3 * S));
    t.apply(Action::Resume, 60 * S);
    assert_eq!(at(&t, 62 * S), (Status::GetReady, Some(0), S));
    assert_eq!(at(&t, 63 * S), (Status::Running, Some(0), 10 * S));
}

#[test]
fn a_pause_asked_after_a_step_boundary_lands_on_the_new_step() {
    // The clock was late: the pause arrives 2 s after step 0 ended (15 s).
    let mut t = timer();
    t.apply(Action::Start, 0);
    t.apply(Action::Pause, 17 * S);
    assert_eq!(at(&t, 17 * S), (Status::Paused, Some(1), 18 * S));
    t.apply(Action::Resume, 100 * S);
    assert_eq!(at(&t, 118 * S), (Status::Running, Some(2), 30 * S));
}

#[test]
fn many_pauses_add_up_without_drift() {
    let mut t = Timer::new(vec![60 * S], 0);
    t.apply(Action::Start, 0);
    let mut now = 0;
    for _ in 0..50 {
        now += 1000; // run 1 s
        t.apply(Action::Pause, now);
        now += 7_777; // paused a while
        t.apply(Action::Resume, now);
    }
    assert_eq!(at(&t, now), (Status::Running, Some(0), 10 * S));
    assert_eq!(at(&t, now + 10 * S), (Status::Finished, None, 0));
}

#[test]
fn next_and_previous_move_between_steps_and_restart_the_step() {
    let mut t = timer();
    t.apply(Action::Start, 0);
    t.apply(Action::Next, S); // skips the get-ready
    assert_eq!(at(&t, S), (Status::Running, Some(0), 10 * S));
    t.apply(Action::Next, 4 * S);
    assert_eq!(at(&t, 4 * S), (Status::Running, Some(1), 20 * S));
    t.apply(Action::Previous, 9 * S);
    assert_eq!(at(&t, 9 * S), (Status::Running, Some(0), 10 * S));
    t.apply(Action::Previous, 10 * S);
    assert_eq!(
        at(&t, 10 * S),
        (Status::Running, Some(0), 10 * S),
        "previous on the first step restarts it"
    );
}

#[test]
fn next_on_the_last_step_finishes() {
    let mut t = timer();
    t.apply(Action::StartAt(2), 0);
    assert_eq!(at(&t, 0), (Status::GetReady, Some(2), 5 * S));
    t.apply(Action::Next, 6 * S);
    assert_eq!(at(&t, 6 * S).0, Status::Finished);
    let summary = t.summary();
    assert!(!summary.early);
    assert_eq!(summary.worked_ms, S);
    assert_eq!(summary.completed, 0);
}

#[test]
fn next_while_paused_moves_on_and_stays_paused() {
    let mut t = timer();
    t.apply(Action::Start, 0);
    t.apply(Action::Pause, 6 * S);
    t.apply(Action::Next, 7 * S);
    assert_eq!(at(&t, 50 * S), (Status::Paused, Some(1), 20 * S));
    t.apply(Action::Previous, 51 * S);
    assert_eq!(at(&t, 51 * S), (Status::Paused, Some(0), 10 * S));
    t.apply(Action::Jump(2), 52 * S);
    assert_eq!(at(&t, 52 * S), (Status::Paused, Some(2), 30 * S));
    t.apply(Action::Next, 53 * S);
    assert_eq!(at(&t, 53 * S).0, Status::Finished);
}

#[test]
fn jump_goes_to_any_step_and_is_clamped_to_the_routine() {
    let mut t = timer();
    t.apply(Action::Start, 0);
    t.apply(Action::Jump(1), 2 * S);
    assert_eq!(at(&t, 2 * S), (Status::Running, Some(1), 20 * S));
    t.apply(Action::Jump(99), 3 * S);
    assert_eq!(at(&t, 3 * S), (Status::Running, Some(2), 30 * S));
    // From idle, a jump starts the routine there, after the get-ready.
    let mut t = timer();
    t.apply(Action::Jump(1), 0);
    assert_eq!(at(&t, 0), (Status::GetReady, Some(1), 5 * S));
}

#[test]
fn stop_ends_early_with_a_summary_of_what_was_done() {
    let mut t = timer();
    t.apply(Action::Start, 0);
    t.apply(Action::Stop, 20 * S); // step 0 done, 5 s into step 1
    assert_eq!(at(&t, 20 * S).0, Status::Finished);
    assert_eq!(
        t.summary(),
        Summary {
            worked_ms: 15 * S,
            completed: 1,
            steps: 3,
            early: true
        }
    );
    t.apply(Action::Reset, 21 * S);
    assert_eq!(at(&t, 21 * S).0, Status::Idle);
    assert_eq!(t.summary().worked_ms, 0);
}

#[test]
fn finishing_on_schedule_counts_every_step_as_done() {
    let mut t = timer();
    t.apply(Action::Start, 0);
    t.apply(Action::Tick, 1_000 * S);
    assert_eq!(
        t.summary(),
        Summary {
            worked_ms: 60 * S,
            completed: 3,
            steps: 3,
            early: false
        }
    );
    // Starting again begins afresh.
    t.apply(Action::Start, 2_000 * S);
    assert_eq!(at(&t, 2_000 * S).0, Status::GetReady);
    assert_eq!(t.summary().worked_ms, 0);
}

#[test]
fn a_clock_that_jumps_ahead_lands_on_the_scheduled_step() {
    // A tab frozen for 17 s, across the end of step 0: the next call
    // shows step 1, 8 s in (it began at 15 s), with 12 s left.
    let mut t = timer();
    t.apply(Action::Start, 0);
    t.apply(Action::Tick, 6 * S);
    t.apply(Action::Tick, 23 * S);
    assert_eq!(at(&t, 23 * S), (Status::Running, Some(1), 12 * S));
    assert_eq!(t.next_change_at(), Some(35 * S));
}

#[test]
fn a_clock_that_jumps_back_never_adds_time_or_panics() {
    let mut t = timer();
    t.apply(Action::Start, 100 * S);
    t.apply(Action::Tick, 110 * S); // 5 s into step 0
    t.apply(Action::Pause, 50 * S); // the clock went backwards
    let s = t.snapshot(40 * S);
    assert_eq!(s.status, Status::Paused);
    assert!(s.remaining_ms <= 10 * S);
    t.apply(Action::Resume, 0);
    t.apply(Action::Tick, 0);
    assert!(t.snapshot(0).remaining_ms <= 10 * S);
}

#[test]
fn in_manual_mode_a_step_waits_at_zero_for_next() {
    let mut t = timer();
    t.set_manual(true, 0);
    t.apply(Action::Start, 0);
    t.apply(Action::Tick, 100 * S);
    assert_eq!(at(&t, 100 * S), (Status::Running, Some(0), 0));
    assert_eq!(t.next_change_at(), None);
    t.apply(Action::Next, 100 * S);
    assert_eq!(at(&t, 100 * S), (Status::Running, Some(1), 20 * S));
    // Switching back to automatic moves on from the schedule.
    t.set_manual(false, 130 * S);
    assert_eq!(at(&t, 130 * S), (Status::Running, Some(2), 20 * S));
}

#[test]
fn progress_runs_from_zero_to_one() {
    let mut t = timer();
    t.apply(Action::Start, 0);
    let s = t.snapshot(5 * S + 5 * S);
    assert!((s.progress - 0.5).abs() < 1e-6);
    assert!((s.overall - 5.0 / 60.0).abs() < 1e-6);
    assert_eq!(t.snapshot(0).overall, 0.0);
    t.apply(Action::Tick, 1_000 * S);
    assert_eq!(t.snapshot(1_000 * S).overall, 1.0);
}

#[test]
fn an_empty_routine_finishes_at_once() {
    let mut t = Timer::new(vec![], 5 * S);
    t.apply(Action::Start, 0);
    assert_eq!(at(&t, 0).0, Status::Finished);
}

#[test]
fn the_clock_face_rounds_up_to_whole_seconds() {
    assert_eq!(clock(0), "0:00");
    assert_eq!(clock(1), "0:01");
    assert_eq!(clock(59_001), "1:00");
    assert_eq!(clock(600_000), "10:00");
    assert_eq!(clock(61_000), "1:01");
}

#[test]
fn cues_come_halfway_and_ten_seconds_before_the_end_of_long_steps_only() {
    // A minute: halfway at 30 s left, ten seconds left at 10 s.
    assert_eq!(cue_passed(60_000, 30_400, 29_900), Some(Cue::Halfway));
    assert_eq!(cue_passed(60_000, 10_200, 9_800), Some(Cue::TenLeft));
    assert_eq!(cue_passed(60_000, 29_900, 28_900), None, "once only");
    assert_eq!(cue_passed(60_000, 45_000, 44_000), None);
    // Exactly on the moment counts, once.
    assert_eq!(cue_passed(60_000, 30_001, 30_000), Some(Cue::Halfway));
    assert_eq!(cue_passed(60_000, 30_000, 29_000), None);
    // Short steps: no halfway under 40 s, nothing under 25 s.
    assert_eq!(cue_passed(30_000, 15_500, 14_500), None);
    assert_eq!(cue_passed(30_000, 10_500, 9_500), Some(Cue::TenLeft));
    assert_eq!(cue_passed(20_000, 10_500, 9_500), None);
    // Long past (a page frozen for a minute): not given late.
    assert_eq!(cue_passed(120_000, 70_000, 5_000), None);
    // Both passed at once, in time: the later one.
    assert_eq!(cue_passed(40_000, 21_000, 10_000), Some(Cue::TenLeft));
}

#[test]
fn the_track_stands_where_the_timer_is() {
    let mut t = timer();
    assert_eq!(t.track_ms(0), None, "idle: no track");
    t.apply(Action::Start, 1000);
    assert_eq!(t.track_ms(1000), Some(0));
    assert_eq!(t.track_ms(3500), Some(2500));
    // The first step begins 5 s in; the second 15 s in.
    assert_eq!(t.track_ms(9 * S), Some(8 * S));
    t.apply(Action::Next, 9 * S);
    assert_eq!(t.track_ms(9 * S), Some(15 * S), "next: the next step's start");
    t.apply(Action::Pause, 12 * S);
    assert_eq!(t.track_ms(50 * S), Some(18 * S), "paused: stays");
    t.apply(Action::Resume, 50 * S);
    t.apply(Action::Previous, 51 * S);
    assert_eq!(
        t.track_ms(51 * S),
        Some(5 * S),
        "previous: the step before, from its start"
    );
    t.apply(Action::Jump(2), 52 * S);
    t.apply(Action::Next, 53 * S);
    assert_eq!(t.track_ms(53 * S), Some(65 * S), "finished: the end");
    t.apply(Action::StartAt(2), 60 * S);
    assert_eq!(
        t.track_ms(60 * S),
        Some(30 * S),
        "a countdown before step 3 ends where it begins"
    );
    assert_eq!(t.track_ms(65 * S), Some(35 * S));
    t.apply(Action::Stop, 70 * S);
    assert_eq!(t.track_ms(70 * S), None, "stopped: no track");
}
