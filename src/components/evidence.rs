//! Claims and their evidence: the card that shows a claim honestly
//! wherever it appears, the list of benefits, one benefit with its zones,
//! and the page that explains the labels and lists every source.

use crate::components::CollectAny;
use crate::content::{content, Claim, Label, Side};
use crate::route::{self, Route, ZoneKey};
use leptos::prelude::*;

/// A claimed benefit: marked as a claim, with its evidence label, one
/// sentence on why, and its sources.
#[component]
pub fn ClaimCard(
    claim: &'static Claim,
    /// Link the title to the benefit's own page.
    #[prop(optional)]
    linked: bool,
) -> impl IntoView {
    let sources = content()
        .sources_for(&claim.sources)
        .map(|s| s.short())
        .collect::<Vec<_>>()
        .join("; ");
    let title = if linked {
        view! {
            <a class="claim-title" href=format!("#{}", route::fragment(Route::Benefit(&claim.id)))>
                {claim.title.clone()}
            </a>
        }
        .into_any()
    } else {
        view! { <span class="claim-title">{claim.title.clone()}</span> }.into_any()
    };
    view! {
        <li class="claim" data-claim=claim.id.clone()>
            <div class="claim-head">
                <span class="claim-mark">"Claim"</span>
                {title}
                {content().label(&claim.evidence).map(|label| view! { <EvidenceBadge label /> })}
            </div>
            <p class="claim-why">{claim.why.clone()}</p>
            <p class="claim-sources">
                "Sources: " {sources} " · " <a href="#evidence">"About the labels"</a>
            </p>
        </li>
    }
}

/// The evidence grade as a badge: text, not colour alone, says the grade.
#[component]
pub fn EvidenceBadge(label: &'static Label) -> impl IntoView {
    view! { <span class=format!("evidence evidence-{}", label.rank)>{label.name.clone()}</span> }
}

/// Every claimed benefit, strongest evidence first.
#[component]
pub fn BenefitList() -> impl IntoView {
    let c = content();
    view! {
        <div class="benefits">
            <h2>"Claimed benefits"</h2>
            <p class="small">
                "What the source article claims for foot and leg massage, each with how good the evidence is. "
                "Pick one to see the zones it is claimed for light up on the map."
            </p>
            {c
                .labels
                .iter()
                .map(|label| {
                    let claims: Vec<&'static Claim> = c.claims.iter().filter(|cl| cl.evidence == label.id).collect();
                    (!claims.is_empty())
                        .then(|| {
                            view! {
                                <h3>{label.name.clone()}</h3>
                                <ul class="claims">
                                    {claims.into_iter().map(|claim| view! { <ClaimCard claim linked=true /> }).collect_any()}
                                </ul>
                            }
                        })
                })
                .collect_any()}
        </div>
    }
}

/// One benefit: the claim, its evidence, and the zones it is claimed for.
#[component]
pub fn BenefitPage(claim: &'static Claim) -> impl IntoView {
    let c = content();
    let zones: Vec<_> = c.zones.iter().filter(|z| claim.zones.contains(&z.id)).collect();
    let count = zones.len();
    view! {
        <div class="benefit" data-testid="benefit" data-benefit=claim.id.clone()>
            <p class="eyebrow">
                <a href="#benefits">"Claimed benefits"</a>
            </p>
            <h2>{claim.title.clone()}</h2>
            <p>{claim.claimed.clone()}</p>
            <ul class="claims">
                <ClaimCard claim />
            </ul>
            <h3>{format!("Zones it is claimed for ({count})")}</h3>
            <p class="small">"These are lit on the map with a dotted pattern. Choose one for how to massage it."</p>
            <ul class="zone-links">
                {zones
                    .into_iter()
                    .map(|zone| {
                        view! {
                            <li>
                                <span>{zone.name.clone()}</span>
                                {Side::BOTH
                                    .into_iter()
                                    .map(|side| {
                                        let key = ZoneKey { side, zone: &zone.id };
                                        view! {
                                            <a
                                                href=format!("#{}", route::fragment(Route::Zone(key)))
                                                aria-label=key.full_name(c)
                                            >
                                                {side.title()}
                                            </a>
                                        }
                                    })
                                    .collect_any()}
                            </li>
                        }
                    })
                    .collect_any()}
            </ul>
        </div>
    }
}

/// What the labels mean, every source, and why reflexology is a tradition.
#[component]
pub fn EvidencePage() -> impl IntoView {
    let c = content();
    view! {
        <div class="evidence-page" data-testid="evidence-page">
            <h2>"How good is the evidence?"</h2>
            <p>
                "Every benefit in Foot Map is a claim from a consumer article. Each carries one of these labels, "
                "given after reading the research summarised below."
            </p>
            <dl class="labels">
                {c
                    .labels
                    .iter()
                    .map(|label| {
                        view! {
                            <dt>
                                <EvidenceBadge label />
                            </dt>
                            <dd>{label.meaning.clone()}</dd>
                        }
                    })
                    .collect_any()}
            </dl>
            <h3>"Traditional reflexology"</h3>
            <p>{c.reflexology.note.clone()}</p>
            <h3>"Sources"</h3>
            <ol class="sources">
                {c
                    .sources
                    .iter()
                    .map(|s| {
                        view! {
                            <li id=format!("source-{}", s.id)>
                                {format!("{} ({}). {} ", s.authors, s.year, s.title)}
                                <em>{s.journal.clone()}</em>
                                {format!(" {}. ", s.citation)}
                                <span class="small">{s.finding.clone()}</span>
                            </li>
                        }
                    })
                    .collect_any()}
            </ol>
        </div>
    }
}
