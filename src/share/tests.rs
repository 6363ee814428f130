//! Tests of share links, and property tests of the link reader.

use super::*;
use crate::content::{content, Content};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use std::collections::HashSet;

/// A valid step for every (zone, technique) pair the content has.
fn valid_steps() -> Vec<RoutineStep> {
    content()
        .zones
        .iter()
        .flat_map(|z| {
            z.methods.iter().map(|m| RoutineStep {
                side: Side::Left,
                zone: z.id.clone(),
                technique: m.technique.clone(),
                seconds: m.seconds,
            })
        })
        .collect()
}

fn routine_of(name: &str, steps: Vec<RoutineStep>) -> OwnRoutine {
    OwnRoutine {
        id: "my-1".into(),
        name: name.into(),
        steps,
    }
}

fn twenty_steps() -> OwnRoutine {
    let steps = valid_steps()
        .into_iter()
        .cycle()
        .take(20)
        .enumerate()
        .map(|(i, mut s)| {
            s.side = Side::BOTH[i % 2];
            s.seconds = 600 - 5 * i as u32;
            s
        })
        .collect();
    routine_of("Evening wind-down for my feet!", steps)
}

fn read(link: &str) -> Result<Shared, ShareError> {
    parse_fragment(link, content()).expect("a share link")
}

#[test]
fn every_zone_and_technique_has_one_code() {
    for (table, ids, kind) in [
        (
            ZONE_CODES,
            content().zones.iter().map(|z| z.id.as_str()).collect::<Vec<_>>(),
            "zone",
        ),
        (
            TECHNIQUE_CODES,
            content().techniques.iter().map(|t| t.id.as_str()).collect(),
            "technique",
        ),
    ] {
        for id in ids {
            assert!(
                code_of(table, id).is_some(),
                "{kind} `{id}` has no share-link code: add one at the end of the {kind} codes in src/share.rs"
            );
        }
        let codes: HashSet<&str> = table.iter().map(|(c, _)| *c).collect();
        assert_eq!(codes.len(), table.len(), "{kind} codes are used twice");
        let targets: HashSet<&str> = table.iter().map(|(_, id)| *id).collect();
        assert_eq!(targets.len(), table.len(), "a {kind} has two codes");
        for code in codes {
            assert_eq!(code.len(), 2);
            assert!(code.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
        }
    }
}

#[test]
fn a_twenty_step_routine_with_a_thirty_character_name_fits_in_400_characters() {
    let routine = twenty_steps();
    assert_eq!(routine.name.chars().count(), 30);
    let link = fragment(&routine).unwrap();
    assert!(link.len() <= 400, "{} characters: {link}", link.len());
    // Even with a name of thirty four-byte letters.
    let wide = routine_of(&"🦶".repeat(30), routine.steps.clone());
    let link = fragment(&wide).unwrap();
    assert!(link.len() <= 400, "{} characters", link.len());
    assert_eq!(read(&link).unwrap().name, wide.name);
}

#[test]
fn links_round_trip_and_are_url_safe() {
    let routine = twenty_steps();
    let link = fragment(&routine).unwrap();
    assert!(link.starts_with("share=1."));
    assert!(link
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-_.=".contains(&b)));
    let shared = read(&format!("#{link}")).unwrap();
    assert_eq!(shared.name, routine.name);
    assert_eq!(shared.steps, routine.steps);
    let saved = shared.into_routine("my-2".into());
    assert_eq!(saved.steps, routine.steps);
    assert!(saved.problems(content()).is_empty());
}

#[test]
fn a_link_made_today_still_reads_after_the_content_grows() {
    let link = "share=1.RXZlbmluZw.hekpAObttcAQ.PA6";
    // Pinned: this exact text must keep decoding to these steps.
    let made = fragment(&routine_of(
        "Evening",
        vec![
            RoutineStep {
                side: Side::Left,
                zone: "heel".into(),
                technique: "knuckle-press".into(),
                seconds: 40,
            },
            RoutineStep {
                side: Side::Left,
                zone: "big-toe".into(),
                technique: "thumb-circles".into(),
                seconds: 45,
            },
        ],
    ))
    .unwrap();
    assert_eq!(
        made, link,
        "the link format changed: links already shared would break"
    );

    // The content gains zones and techniques, listed first.
    let mut grown: Content = content().clone();
    let mut zone = grown.zones[0].clone();
    zone.id = "knee".into();
    grown.zones.insert(0, zone);
    let mut technique = grown.techniques[0].clone();
    technique.id = "tapping".into();
    grown.techniques.insert(0, technique);
    let before = decode(made.strip_prefix(PREFIX).unwrap(), content()).unwrap();
    let after = decode(made.strip_prefix(PREFIX).unwrap(), &grown).unwrap();
    assert_eq!(before, after);
    assert_eq!(after.steps[0].zone, "heel");
}

#[test]
fn other_fragments_are_not_share_links() {
    assert_eq!(parse_fragment("#zone=left-heel", content()), None);
    assert_eq!(parse_fragment("", content()), None);
    assert_eq!(parse_fragment("#sharex=1", content()), None);
}

#[test]
fn cut_links_say_they_were_cut_short() {
    let link = fragment(&twenty_steps()).unwrap();
    for len in PREFIX.len()..link.len() {
        let error = read(&link[..len]).unwrap_err();
        assert_eq!(error, ShareError::CutShort, "cut at {len}");
        assert!(error.message().contains("cut short"));
    }
}

#[test]
fn changed_links_are_damaged() {
    let link = fragment(&twenty_steps()).unwrap();
    let mut bytes = link.into_bytes();
    let at = bytes.len() - 10;
    bytes[at] = if bytes[at] == b'A' { b'B' } else { b'A' };
    let error = read(std::str::from_utf8(&bytes).unwrap()).unwrap_err();
    assert_eq!(error, ShareError::Damaged);
    assert!(error.message().contains("damaged"));
}

/// A link with a correct check around any body, as a hostile or newer
/// maker could write.
fn signed(body: &str) -> String {
    let mut link = body.to_string();
    link.push('.');
    push_digits(&mut link, checksum(body), CHECK_LEN);
    format!("{PREFIX}{link}")
}

#[test]
fn well_made_links_with_wrong_contents_name_the_problem() {
    let name = base64(b"X");
    let cases = [
        (format!("1.{name}.zzkpAA"), ShareError::UnknownZone("zz".into())),
        (
            format!("1.{name}.hezzAA"),
            ShareError::UnknownTechnique("zz".into()),
        ),
        (
            format!("1.{name}.btlsAA"),
            ShareError::TechniqueNotForZone {
                zone: "big toe".into(),
                technique: "long strokes towards the heart".into(),
            },
        ),
        (format!("1.{name}."), ShareError::NoSteps),
        (format!("1.{name}.hekp__"), ShareError::Damaged),
        (format!("1.{name}.hekpA"), ShareError::Damaged),
        (format!("1.{}.hekpAA", base64(&[0xff, 0xfe])), ShareError::Damaged),
        (
            format!("1.{}.hekpAA", base64("n".repeat(61).as_bytes())),
            ShareError::NameTooLong,
        ),
        (
            format!("1.{name}.{}", "hekpAA".repeat(61)),
            ShareError::TooManySteps(61),
        ),
    ];
    for (body, expected) in cases {
        let error = read(&signed(&body)).unwrap_err();
        assert_eq!(error, expected, "{body}");
    }
    let message = read(&signed(&format!("1.{name}.zzkpAA"))).unwrap_err().message();
    assert!(
        message.contains("names a zone Foot Map does not know: “zz”"),
        "{message}"
    );
    assert_eq!(read("share=2.abc.def.ghi"), Err(ShareError::Newer("2".into())));
    assert_eq!(read("share=x.abc.def.ghi"), Err(ShareError::Damaged));
    assert_eq!(
        read(&format!("share={}", "A".repeat(MAX_LINK + 1))),
        Err(ShareError::TooLong)
    );
}

#[test]
fn names_are_cleaned_and_an_empty_one_gets_a_default() {
    let hostile = base64("  <b>\u{202e}\u{0}x\n ".as_bytes());
    let shared = read(&signed(&format!("1.{hostile}.hekpAA"))).unwrap();
    assert!(!shared.name.chars().any(char::is_control));
    // Shown as text, the markup is harmless; the mark that would show the
    // rest of the name backwards is gone.
    assert_eq!(shared.name, "<b>x");
    let shared = read(&signed("1..hekpAA")).unwrap();
    assert_eq!(shared.name, "Shared routine");
}

#[test]
fn routines_that_cannot_run_make_no_link() {
    assert_eq!(fragment(&routine_of("x", vec![])), Err(ShareError::NoSteps));
    let mut steps = valid_steps();
    steps[0].seconds = 7;
    assert_eq!(fragment(&routine_of("x", steps)), Err(ShareError::BadTime(7)));
    let mut steps = valid_steps();
    steps[0].zone = "elbow".into();
    assert_eq!(
        fragment(&routine_of("x", steps)),
        Err(ShareError::UnknownZone("elbow".into()))
    );
}

#[test]
fn base64_round_trips_and_refuses_other_spellings() {
    for len in 0..10 {
        let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 200) as u8).collect();
        assert_eq!(unbase64(&base64(&bytes)), Some(bytes));
    }
    assert_eq!(unbase64("A"), None);
    assert_eq!(unbase64("AB"), None, "non-zero spare bits");
    assert_eq!(unbase64("a+b/"), None);
}

fn arb_shareable() -> impl Strategy<Value = OwnRoutine> {
    let steps = valid_steps();
    let n = steps.len();
    (
        "\\PC{0,60}",
        prop::collection::vec((0..n, any::<bool>(), 1u32..=120), 1..=MAX_STEPS),
    )
        .prop_map(move |(name, picks)| {
            let steps = picks
                .into_iter()
                .map(|(i, right, fives)| RoutineStep {
                    side: if right { Side::Right } else { Side::Left },
                    seconds: fives * 5,
                    ..steps[i].clone()
                })
                .collect();
            routine_of(&name, steps)
        })
}

proptest! {
    // Failing cases found before are kept beside this file and re-run first.
    #![proptest_config(ProptestConfig {
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("regressions"))),
        ..ProptestConfig::with_cases(10_000)
    })]

    #[test]
    fn any_text_after_share_is_refused_or_read_without_panic(text in any::<String>()) {
        if let Some(Err(error)) = parse_fragment(&format!("#share={text}"), content()) {
            prop_assert!(!error.message().is_empty());
        }
    }

    #[test]
    fn link_shaped_text_is_refused_or_read_without_panic(
        body in "[0-9]{0,2}(\\.[A-Za-z0-9_-]{0,12}){0,5}"
    ) {
        let _ = read(&format!("share={body}"));
        if let Ok(shared) = decode(&signed(&body)[PREFIX.len()..], content()) {
            prop_assert!(!shared.steps.is_empty());
        }
    }

    #[test]
    fn shareable_routines_round_trip(routine in arb_shareable()) {
        let link = fragment(&routine).unwrap();
        prop_assert!(link.len() <= PREFIX.len() + MAX_LINK);
        let shared = read(&link).unwrap();
        prop_assert_eq!(&shared.steps, &routine.steps);
        let name = clean_name(&routine.name);
        if !name.is_empty() {
            prop_assert_eq!(shared.name, name);
        }
    }

    #[test]
    fn damaged_links_are_refused_without_panic(
        routine in arb_shareable(), how in any::<u8>(), at in any::<usize>(), byte in any::<u8>()
    ) {
        let link = fragment(&routine).unwrap();
        let damaged = crate::store::tests::damage(&link, how, at, byte);
        if let Some(result) = parse_fragment(&damaged, content()) {
            match result {
                // A change that keeps the link whole and the check right is
                // vanishingly rare; it must at least be a runnable routine.
                Ok(shared) => prop_assert!(
                    damaged == link || shared.into_routine("my-x".into()).problems(content()).iter()
                        .all(|p| matches!(p, crate::own_routine::RoutineProblem::NoName))
                ),
                Err(error) => {
                    if how % 4 == 0 {
                        prop_assert_eq!(error, ShareError::CutShort);
                    }
                }
            }
        }
    }
}
