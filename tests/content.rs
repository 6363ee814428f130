//! The content is complete and consistent, and matches the map.

use foot_map::content::{self, content, View};
use foot_map::map;
use std::collections::BTreeSet;

#[test]
fn the_content_files_parse() {
    content::parse().unwrap();
}

#[test]
fn the_content_has_no_inconsistencies() {
    let problems = content::problems(content());
    assert!(problems.is_empty(), "content problems:\n{}", problems.join("\n"));
}

#[test]
fn every_map_zone_has_content_and_every_content_zone_is_on_the_map() {
    let drawn: BTreeSet<&str> = View::ALL
        .iter()
        .flat_map(|v| map::art(*v).regions.iter().map(|r| r.zone))
        .collect();
    let written: BTreeSet<&str> = content().zones.iter().map(|z| z.id.as_str()).collect();
    assert_eq!(
        drawn.difference(&written).collect::<Vec<_>>(),
        Vec::<&&str>::new(),
        "drawn zones without content"
    );
    assert_eq!(
        written.difference(&drawn).collect::<Vec<_>>(),
        Vec::<&&str>::new(),
        "content zones not on the map"
    );
}

#[test]
fn each_zone_is_drawn_once_in_the_view_its_content_names() {
    for zone in &content().zones {
        let views: Vec<View> = View::ALL
            .into_iter()
            .filter(|v| map::art(*v).regions.iter().any(|r| r.zone == zone.id))
            .collect();
        assert_eq!(views, vec![zone.view], "zone `{}`", zone.id);
        let regions = map::art(zone.view)
            .regions
            .iter()
            .filter(|r| r.zone == zone.id)
            .count();
        assert_eq!(regions, 1, "zone `{}` has one region", zone.id);
    }
}

#[test]
fn the_map_has_at_least_twenty_zones_per_foot_and_every_toe() {
    assert!(content().zones.len() >= 20);
    for toe in ["big-toe", "second-toe", "third-toe", "fourth-toe", "little-toe"] {
        assert!(content().zones.iter().any(|z| z.id == toe), "{toe} is a zone");
    }
}

#[test]
fn every_claim_from_the_article_is_carried() {
    // The fourteen claims of the source article, plus the two the evidence
    // section splits out (relaxation in general, cortisol on its own).
    let ids: BTreeSet<&str> = content().claims.iter().map(|c| c.id.as_str()).collect();
    for id in [
        "circulation",
        "lymph",
        "injury",
        "stress",
        "muscles",
        "posture",
        "swelling",
        "pms",
        "sleep",
        "joint-pain",
        "tension",
        "mood",
        "energy",
        "flexibility",
        "relaxing",
        "cortisol",
    ] {
        assert!(ids.contains(id), "claim `{id}` is in claims.toml");
    }
}

#[test]
fn the_practical_advice_is_carried() {
    let text: String = content()
        .advice
        .iter()
        .map(|a| format!("{} {} ", a.title, a.text).to_lowercase())
        .collect();
    for topic in [
        "oil",
        "heating pad",
        "massager",
        "10 minutes",
        "week",
        "therapist",
        "reflexologist",
    ] {
        assert!(text.contains(topic), "the advice mentions {topic}");
    }
}

#[test]
fn steps_are_short_enough_to_read_at_a_glance() {
    for zone in &content().zones {
        for method in &zone.methods {
            assert!((1..=6).contains(&method.steps.len()), "zone `{}`", zone.id);
            for step in &method.steps {
                assert!(
                    step.chars().count() <= 140,
                    "zone `{}` step is long: {step}",
                    zone.id
                );
            }
        }
    }
}

#[test]
fn a_zone_lists_its_claims_best_supported_first_and_stop_cautions_first() {
    let c = content();
    for zone in &c.zones {
        let ranks: Vec<u8> = c
            .claims_for(&zone.id)
            .iter()
            .map(|claim| c.label(&claim.evidence).unwrap().rank)
            .collect();
        assert!(
            ranks.windows(2).all(|p| p[0] <= p[1]),
            "zone `{}`: {ranks:?}",
            zone.id
        );
        let expected = c.claims.iter().filter(|cl| cl.zones.contains(&zone.id)).count();
        assert_eq!(
            ranks.len(),
            expected,
            "zone `{}` shows every claim made for it",
            zone.id
        );
        let stops: Vec<bool> = c
            .cautions_for(&zone.id)
            .iter()
            .map(|caution| caution.severity == content::Severity::Stop)
            .collect();
        assert!(stops.windows(2).all(|p| p[0] >= p[1]), "zone `{}`", zone.id);
    }
}

#[test]
fn the_routines_the_brief_asks_for_exist_with_their_lengths() {
    let minutes = |id: &str| content().routines.iter().find(|r| r.id == id).map(|r| r.minutes);
    assert_eq!(minutes("relax-10"), Some(10), "a 10-minute relaxation routine");
    assert_eq!(minutes("quick-3"), Some(3), "a 3-minute quick reset");
    assert_eq!(
        minutes("full-20"),
        Some(20),
        "a 20-minute full foot and leg routine"
    );
    assert!(minutes("sleep-15").is_some(), "a sleep wind-down");
    assert!(
        minutes("circulation-12").is_some(),
        "a circulation and swelling routine"
    );
    for r in &content().routines {
        let total: u32 = r.steps.iter().map(|s| s.seconds).sum();
        assert_eq!(
            total,
            r.minutes * 60,
            "routine `{}` adds up to its stated length",
            r.id
        );
    }
}

#[test]
fn the_circulation_routine_works_from_the_toes_up_the_leg_on_each_side() {
    let c = content();
    let routine = c.routines.iter().find(|r| r.id == "circulation-12").unwrap();
    for side in content::Side::BOTH {
        let parts: Vec<content::Part> = routine
            .steps
            .iter()
            .filter(|s| s.side == side)
            .map(|s| c.zones.iter().find(|z| z.id == s.zone).unwrap().part)
            .collect();
        let first_leg = parts
            .iter()
            .position(|p| *p == content::Part::Leg)
            .expect("it reaches the leg");
        assert!(first_leg > 0, "it starts on the foot");
        assert!(
            parts[first_leg..].iter().all(|p| *p == content::Part::Leg),
            "once on the leg it stays there"
        );
    }
}

#[test]
fn every_claim_has_a_defined_label_a_reason_and_a_source() {
    let c = content();
    for claim in &c.claims {
        assert!(
            c.label(&claim.evidence).is_some(),
            "claim `{}` has a defined label",
            claim.id
        );
        assert!(
            claim.why.split_whitespace().count() >= 6,
            "claim `{}` says why",
            claim.id
        );
        assert!(!claim.sources.is_empty(), "claim `{}` has a source", claim.id);
        assert!(
            c.sources_for(&claim.sources).count() == claim.sources.len(),
            "claim `{}`",
            claim.id
        );
    }
}

#[test]
fn every_caution_is_attached_to_zones_that_exist() {
    let c = content();
    let zones: BTreeSet<&str> = c.zones.iter().map(|z| z.id.as_str()).collect();
    for caution in &c.cautions {
        for zone in &caution.zones {
            assert!(
                zones.contains(zone.as_str()),
                "caution `{}` names `{zone}`",
                caution.id
            );
        }
    }
    // The traditional "avoid in pregnancy" points carry their caution.
    let pregnancy: Vec<&str> = c
        .cautions
        .iter()
        .filter(|x| x.text.to_lowercase().contains("pregnan") || x.title.to_lowercase().contains("pregnan"))
        .flat_map(|x| x.zones.iter().map(String::as_str))
        .collect();
    assert!(
        pregnancy.contains(&"inner-shin") && pregnancy.contains(&"inner-ankle"),
        "{pregnancy:?}"
    );
}

#[test]
fn short_citations_name_first_authors_year_and_journal() {
    let c = content();
    let one = c.source("ernst-2009").unwrap().short();
    assert!(one.starts_with("Ernst E, 2009, "), "{one}");
    let two = c.source("oleson-1993").unwrap().short();
    assert!(two.starts_with("Oleson T and Flocco W, 1993"), "{two}");
    let many = c.source("wang-2020").unwrap().short();
    assert!(many.starts_with("Wang W-L et al., 2020"), "{many}");
}

#[test]
fn a_zone_name_outside_plain_ascii_is_reported() {
    // The app lower-cases zone names inside sentences without Unicode tables.
    let mut edited = content().clone();
    edited.zones[0].name = "Großer Zeh".into();
    let problems = content::problems(&edited);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("outside plain ASCII") && p.contains("Großer Zeh")),
        "{problems:?}"
    );
}
