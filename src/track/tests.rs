use super::*;
use proptest::prelude::*;

/// The samples of a WAV file this module wrote, after checking its header.
fn samples(wav: &[u8]) -> &[u8] {
    assert_eq!(&wav[0..4], b"RIFF");
    assert_eq!(&wav[8..16], b"WAVEfmt ");
    let u16_at = |i: usize| u16::from_le_bytes([wav[i], wav[i + 1]]);
    let u32_at = |i: usize| u32::from_le_bytes([wav[i], wav[i + 1], wav[i + 2], wav[i + 3]]);
    assert_eq!(u32_at(4) as usize, wav.len() - 8, "the RIFF size");
    assert_eq!((u16_at(20), u16_at(22)), (1, 1), "PCM, mono");
    assert_eq!(u32_at(24), SAMPLE_RATE);
    assert_eq!(u16_at(34), 8);
    assert_eq!(&wav[36..40], b"data");
    assert_eq!(u32_at(40) as usize, wav.len() - 44);
    &wav[44..]
}

/// Where sound starts after at least 100 ms of silence, in ms: what a
/// listener hears as a cue.
fn onsets(samples: &[u8]) -> Vec<u64> {
    let quiet_for = sample_at(100);
    let mut found = Vec::new();
    let mut quiet = quiet_for;
    for (i, &s) in samples.iter().enumerate() {
        if s.abs_diff(128) > 2 {
            if quiet >= quiet_for {
                found.push(i as u64 * 1000 / u64::from(SAMPLE_RATE));
            }
            quiet = 0;
        } else {
            quiet += 1;
        }
    }
    found
}

fn plan(seconds: &[u64], sides: &[usize], in_step: bool) -> Plan {
    Plan {
        get_ready_ms: 5_000,
        steps: seconds
            .iter()
            .enumerate()
            .map(|(i, s)| Step {
                ms: s * 1000,
                other_side: sides.contains(&i),
            })
            .collect(),
        in_step,
    }
}

#[test]
fn a_cue_sounds_at_each_step_the_other_side_and_the_end() {
    let plan = plan(&[30, 45, 30], &[2], true);
    let sounds: Vec<(u64, Sound)> = plan.cues().iter().map(|c| (c.at_ms, c.sound)).collect();
    assert_eq!(
        sounds,
        vec![
            (5_000, Sound::Step),
            (25_000, Sound::TenLeft),
            (35_000, Sound::Step),
            (57_500, Sound::Halfway),
            (70_000, Sound::TenLeft),
            (80_000, Sound::OtherSide),
            (100_000, Sound::TenLeft),
            (110_000, Sound::Finish),
        ]
    );
    // Without the cues inside steps: the steps and the end.
    let plain = Plan {
        in_step: false,
        ..plan
    };
    assert_eq!(plain.cues().len(), 4);
}

#[test]
fn each_cue_is_heard_within_twenty_ms_of_its_time() {
    let plan = plan(&[30, 45, 30, 60], &[2], true);
    let heard = onsets(samples(&plan.wav()));
    let due: Vec<u64> = plan.cues().iter().map(|c| c.at_ms).collect();
    assert_eq!(heard.len(), due.len(), "heard {heard:?}, due {due:?}");
    for (h, d) in heard.iter().zip(&due) {
        assert!(h.abs_diff(*d) <= 20, "heard at {h} ms, due at {d} ms");
    }
}

#[test]
fn every_built_in_routine_is_heard_on_time_and_fits_in_ten_megabytes() {
    let content = crate::content::content();
    for routine in &content.routines {
        let keys: Vec<_> = routine
            .steps
            .iter()
            .map(|s| crate::route::ZoneKey::of_step(s, content).unwrap())
            .collect();
        let plan = Plan {
            get_ready_ms: 5_000,
            steps: routine
                .steps
                .iter()
                .enumerate()
                .map(|(i, s)| Step {
                    ms: u64::from(s.seconds) * 1000,
                    other_side: i > 0 && crate::route::side_switch(keys[i - 1], keys[i], content).is_some(),
                })
                .collect(),
            in_step: true,
        };
        let wav = plan.wav();
        assert!(wav.len() < 10_000_000, "{}: {} bytes", routine.id, wav.len());
        let heard = onsets(samples(&wav));
        let due: Vec<u64> = plan.cues().iter().map(|c| c.at_ms).collect();
        assert_eq!(heard.len(), due.len(), "{}", routine.id);
        for (h, d) in heard.iter().zip(&due) {
            assert!(
                h.abs_diff(*d) <= 20,
                "{}: heard at {h} ms, due at {d} ms",
                routine.id
            );
        }
    }
}

#[test]
fn the_position_is_the_step_under_way() {
    let plan = plan(&[30, 45], &[], false);
    assert_eq!(plan.position(0), Position::GetReady { left_ms: 5_000 });
    assert_eq!(
        plan.position(5_000),
        Position::Step {
            index: 0,
            left_ms: 30_000
        }
    );
    assert_eq!(plan.position(34_999), Position::Step { index: 0, left_ms: 1 });
    assert_eq!(
        plan.position(35_000),
        Position::Step {
            index: 1,
            left_ms: 45_000
        }
    );
    assert_eq!(plan.position(80_000), Position::Finished);
}

fn plans(max_steps: usize, max_seconds: u64) -> impl Strategy<Value = Plan> {
    (
        0..10_000u64,
        prop::collection::vec((2..=max_seconds / 5, any::<bool>()), 1..=max_steps),
        any::<bool>(),
    )
        .prop_map(|(get_ready_ms, steps, in_step)| Plan {
            get_ready_ms,
            steps: steps
                .into_iter()
                .map(|(fives, other_side)| Step {
                    ms: fives * 5_000,
                    other_side,
                })
                .collect(),
            in_step,
        })
}

proptest! {
    #[test]
    fn cues_come_in_time_order_one_per_step_and_one_at_the_end(plan in plans(60, 600)) {
        let cues = plan.cues();
        prop_assert!(cues.windows(2).all(|w| w[0].at_ms <= w[1].at_ms));
        let starts = cues.iter().filter(|c| matches!(c.sound, Sound::Step | Sound::OtherSide)).count();
        prop_assert_eq!(starts, plan.steps.len());
        prop_assert_eq!(cues.last().map(|c| (c.at_ms, c.sound)), Some((plan.length_ms(), Sound::Finish)));
        for cue in &cues {
            prop_assert!(plan.start_of(cue.step) <= cue.at_ms);
            if !plan.in_step {
                prop_assert!(!matches!(cue.sound, Sound::Halfway | Sound::TenLeft));
            }
        }
    }

    #[test]
    fn the_position_at_each_step_start_is_that_step(plan in plans(60, 600)) {
        for (index, step) in plan.steps.iter().enumerate() {
            let start = plan.start_of(index);
            prop_assert_eq!(plan.position(start), Position::Step { index, left_ms: step.ms });
            prop_assert_eq!(plan.position(start + step.ms - 1), Position::Step { index, left_ms: 1 });
        }
        prop_assert_eq!(plan.position(plan.length_ms()), Position::Finished);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn a_rendered_track_is_heard_on_time(plan in plans(6, 60)) {
        let wav = plan.wav();
        let heard = onsets(samples(&wav));
        let due: Vec<u64> = plan.cues().iter().map(|c| c.at_ms).collect();
        prop_assert_eq!(heard.len(), due.len(), "heard {:?}, due {:?}", heard, due);
        for (h, d) in heard.iter().zip(&due) {
            prop_assert!(h.abs_diff(*d) <= 20);
        }
    }
}
