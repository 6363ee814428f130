//! Consistency rules for the content, so an editing mistake fails a test
//! with a readable sentence instead of showing a broken page.

use super::types::{Basis, Content, Severity};
use std::collections::HashSet;

/// Every inconsistency in the content, one sentence each; empty when sound.
pub fn problems(content: &Content) -> Vec<String> {
    let mut out = Vec::new();
    let zones = unique_ids(&mut out, "zone", content.zones.iter().map(|z| z.id.as_str()));
    let techniques = unique_ids(
        &mut out,
        "technique",
        content.techniques.iter().map(|t| t.id.as_str()),
    );
    let labels = unique_ids(&mut out, "label", content.labels.iter().map(|l| l.id.as_str()));
    let sources = unique_ids(&mut out, "source", content.sources.iter().map(|s| s.id.as_str()));
    let claims = unique_ids(&mut out, "claim", content.claims.iter().map(|c| c.id.as_str()));
    let cautions = unique_ids(
        &mut out,
        "caution",
        content.cautions.iter().map(|c| c.id.as_str()),
    );
    unique_ids(&mut out, "advice", content.advice.iter().map(|a| a.id.as_str()));
    unique_ids(
        &mut out,
        "routine",
        content.routines.iter().map(|r| r.id.as_str()),
    );

    if !content.labels.windows(2).all(|pair| pair[0].rank < pair[1].rank) {
        out.push("evidence labels must be listed from rank 0 (strongest) upwards".into());
    }

    let mut used_techniques = HashSet::new();
    for zone in &content.zones {
        let at = format!("zone `{}`", zone.id);
        blank(&mut out, &at, "name", &zone.name);
        plain_letters(&mut out, &at, &zone.name);
        blank(&mut out, &at, "location", &zone.location);
        if zone.methods.is_empty() {
            out.push(format!("{at} has no methods"));
        }
        for method in &zone.methods {
            used_techniques.insert(method.technique.as_str());
            if !techniques.contains(method.technique.as_str()) {
                out.push(format!("{at} uses unknown technique `{}`", method.technique));
            }
            if method.seconds == 0 {
                out.push(format!("{at} suggests 0 seconds of `{}`", method.technique));
            }
            if method.steps.is_empty() {
                out.push(format!("{at} has no steps for `{}`", method.technique));
            }
            for step in &method.steps {
                blank(&mut out, &at, "step", step);
            }
        }
    }
    for technique in &content.techniques {
        plain_letters(
            &mut out,
            &format!("technique `{}`", technique.id),
            &technique.name,
        );
        if !used_techniques.contains(technique.id.as_str()) {
            out.push(format!("technique `{}` is used by no zone", technique.id));
        }
    }

    let charted: HashSet<&str> = content
        .zones
        .iter()
        .filter(|z| z.reflexology.is_some())
        .map(|z| z.id.as_str())
        .collect();
    let mut claimed_zones = HashSet::new();
    for claim in &content.claims {
        let at = format!("claim `{}`", claim.id);
        blank(&mut out, &at, "title", &claim.title);
        blank(&mut out, &at, "claimed", &claim.claimed);
        blank(&mut out, &at, "why", &claim.why);
        if !labels.contains(claim.evidence.as_str()) {
            out.push(format!("{at} has undefined evidence label `{}`", claim.evidence));
        }
        if claim.sources.is_empty() {
            // Saying plainly that no trials were found beats citing reviews
            // that say nothing about the claim.
            if claim.evidence != "none" {
                out.push(format!(
                    "{at} names no source; only a claim labelled `none` (no trials found) may"
                ));
            }
        } else {
            known(&mut out, &at, "source", &claim.sources, &sources);
            on_topic(&mut out, content, &at, &claim.id, &claim.sources);
        }
        let mut linked = HashSet::new();
        for link in &claim.links {
            let at = format!("{at} ({} link)", link.basis.slug());
            blank(&mut out, &at, "how", &link.how);
            known(&mut out, &at, "zone", &link.zones, &zones);
            for zone in &link.zones {
                if !linked.insert(zone.as_str()) {
                    out.push(format!("{at} ties zone `{zone}` to the claim twice"));
                }
                if link.basis == Basis::Chart && !charted.contains(zone.as_str()) {
                    out.push(format!(
                        "{at} cites a reflexology chart for zone `{zone}`, which has no chart label in zones.toml"
                    ));
                }
            }
        }
        claimed_zones.extend(linked);
    }
    for zone in &content.zones {
        if !claimed_zones.contains(zone.id.as_str()) {
            out.push(format!("zone `{}` has no claimed benefit", zone.id));
        }
    }

    for caution in &content.cautions {
        let at = format!("caution `{}`", caution.id);
        blank(&mut out, &at, "text", &caution.text);
        if (!caution.zones.is_empty() || caution.who.is_some()) && caution.brief.is_none() {
            out.push(format!(
                "{at} names zones or a condition (`who`) but has no `brief`"
            ));
        }
        for (field, value) in [("brief", &caution.brief), ("who", &caution.who)] {
            if let Some(value) = value {
                blank(&mut out, &at, field, value);
            }
        }
        for zone in &caution.zones {
            if !zones.contains(zone.as_str()) {
                out.push(format!("{at} names unknown zone `{zone}`"));
            }
        }
        for source in &caution.sources {
            if !sources.contains(source.as_str()) {
                out.push(format!("{at} names unknown source `{source}`"));
            }
        }
        on_topic(&mut out, content, &at, &caution.id, &caution.sources);
        conditions(&mut out, content, caution);
    }
    for source in &content.sources {
        let at = format!("source `{}`", source.id);
        if source.topics.is_empty() {
            out.push(format!("{at} lists no topics"));
        }
        for topic in &source.topics {
            let known = claims.contains(topic.as_str())
                || cautions.contains(topic.as_str())
                || ["safety", "reflexology"].contains(&topic.as_str());
            if !known {
                out.push(format!(
                    "{at} lists topic `{topic}`, which is no claim, caution, `safety` or `reflexology`"
                ));
            }
        }
    }
    on_topic(
        &mut out,
        content,
        "the safety note",
        "safety",
        &content.safety.sources,
    );
    on_topic(
        &mut out,
        content,
        "the reflexology note",
        "reflexology",
        &content.reflexology.sources,
    );
    blank(
        &mut out,
        "the safety note",
        "leg_check",
        &content.safety.leg_check,
    );
    known(
        &mut out,
        "the safety note",
        "source",
        &content.safety.sources,
        &sources,
    );
    known(
        &mut out,
        "the reflexology note",
        "source",
        &content.reflexology.sources,
        &sources,
    );

    for routine in &content.routines {
        let at = format!("routine `{}`", routine.id);
        if routine.steps.is_empty() {
            out.push(format!("{at} has no steps"));
        }
        let total: u32 = routine.steps.iter().map(|s| s.seconds).sum();
        if total != routine.minutes * 60 {
            out.push(format!(
                "{at} says {} minutes but its steps add up to {total} seconds",
                routine.minutes
            ));
        }
        for (i, step) in routine.steps.iter().enumerate() {
            let at = format!("{at} step {}", i + 1);
            match content.zones.iter().find(|z| z.id == step.zone) {
                None => out.push(format!("{at} names unknown zone `{}`", step.zone)),
                Some(zone) if !zone.methods.iter().any(|m| m.technique == step.technique) => {
                    out.push(format!(
                        "{at} uses `{}`, which zone `{}` has no steps for",
                        step.technique, zone.id
                    ))
                }
                Some(_) => {}
            }
            if step.seconds == 0 {
                out.push(format!("{at} lasts 0 seconds"));
            }
        }
    }
    out
}

/// A source may back only what it studied: each cited source must list
/// the citing claim's or caution's id (or the note's name) in its topics.
fn on_topic(out: &mut Vec<String>, content: &Content, at: &str, topic: &str, ids: &[String]) {
    for source in content.sources.iter().filter(|s| ids.contains(&s.id)) {
        if !source.topics.iter().any(|t| t == topic) {
            out.push(format!(
                "{at} cites `{}`, whose topics ({}) do not include `{topic}`",
                source.id,
                source.topics.join(", ")
            ));
        }
    }
}

/// One condition, one instruction: every "do not massage" caution names
/// the conditions it covers, each in its own words, and no "take care"
/// caution lists or mentions one of them (which would tell a person with
/// it to go ahead gently).
fn conditions(out: &mut Vec<String>, content: &Content, caution: &super::types::Caution) {
    let at = format!("caution `{}`", caution.id);
    let words = |c: &super::types::Caution| format!("{} {}", c.title, c.text).to_ascii_lowercase();
    let own = words(caution);
    for condition in &caution.conditions {
        if !own.contains(&condition.to_ascii_lowercase()) {
            out.push(format!(
                "{at} lists condition “{condition}”, which its title and text do not mention"
            ));
        }
    }
    if caution.severity != Severity::Stop {
        return;
    }
    if caution.conditions.is_empty() {
        out.push(format!(
            "{at} says do not massage but lists no conditions it covers"
        ));
    }
    for care in content.cautions.iter().filter(|c| c.severity == Severity::Care) {
        let text = words(care);
        for condition in &caution.conditions {
            let named = condition.to_ascii_lowercase();
            if text.contains(&named) || care.conditions.iter().any(|c| c.eq_ignore_ascii_case(condition)) {
                out.push(format!(
                    "caution `{}` gives care advice for “{condition}”, which {at} says not to massage at all",
                    care.id
                ));
            }
        }
    }
}

fn unique_ids<'a>(out: &mut Vec<String>, kind: &str, ids: impl Iterator<Item = &'a str>) -> HashSet<&'a str> {
    let mut seen = HashSet::new();
    for id in ids {
        let well_formed = !id.is_empty()
            && id.split('-').all(|word| {
                !word.is_empty() && word.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            });
        if !well_formed {
            out.push(format!(
                "{kind} id `{id}` is not lower-case words joined by hyphens"
            ));
        }
        if !seen.insert(id) {
            out.push(format!("{kind} id `{id}` is used twice"));
        }
    }
    seen
}

fn blank(out: &mut Vec<String>, at: &str, field: &str, text: &str) {
    if text.trim().is_empty() {
        out.push(format!("{at} has an empty {field}"));
    }
}

fn known(out: &mut Vec<String>, at: &str, kind: &str, ids: &[String], valid: &HashSet<&str>) {
    if ids.is_empty() {
        out.push(format!("{at} names no {kind}"));
    }
    for id in ids {
        if !valid.contains(id.as_str()) {
            out.push(format!("{at} names unknown {kind} `{id}`"));
        }
    }
}

/// Names that the app lower-cases inside sentences ("Right foot – heel",
/// "thumb walking") must be plain ASCII: the app carries no Unicode case
/// tables, which would add about 7 KB to the download.
fn plain_letters(out: &mut Vec<String>, at: &str, name: &str) {
    if !name.is_ascii() {
        out.push(format!(
            "{at} has a name with letters outside plain ASCII: “{name}”"
        ));
    }
}
