//! Claims and their evidence: the card that shows a claim honestly
//! wherever it appears, the list of benefits, one benefit with its zones,
//! and the page that explains the labels and lists every source.

use crate::components::rich::{rich, Inset};
use crate::components::CollectAny;
use crate::content::{content, whole, Claim, Label, Side, Source, ZoneLink};
use crate::route::{self, Route, ZoneKey};
use crate::text::{fill, get, key, pieces, Piece};
use leptos::prelude::*;

/// The title of the second consumer article the claims come from, as
/// published (it names no author, date or sources).
const SECOND_ARTICLE: &str = "The Benefits of Foot Massage: Relieve Stress and Boost Your Health";

/// A claimed benefit: marked as a claim, with its evidence label, one
/// sentence on why, and its sources.
#[component]
pub fn ClaimCard(
    claim: &'static Claim,
    /// Link the title to the benefit's own page.
    #[prop(optional)]
    linked: bool,
    /// Shown in a zone's details: why the claim is tied to that zone.
    #[prop(optional_no_strip)]
    link: Option<&'static ZoneLink>,
) -> impl IntoView {
    let sources = if claim.sources.is_empty() {
        Inset::Plain(get(key::SOURCES_NONE).to_string())
    } else {
        Inset::Views(citations(whole().sources_for(&claim.sources)))
    };
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
                <span class="claim-mark">{get(key::CLAIM_MARK)}</span>
                {title}
                {content().label(&claim.evidence).map(|label| view! { <EvidenceBadge label /> })}
            </div>
            <p class="claim-why">{claim.why.clone()}</p>
            {link.map(|link| view! { <LinkBasis link /> }.into_any())}
            <p class="claim-sources">
                {rich(get(key::CLAIM_SOURCES), vec![("sources", sources)])}
                {get(key::COMMON_SEPARATOR)}
                <a href="#evidence">{get(key::CLAIM_ABOUT_LABELS)}</a>
            </p>
        </li>
    }
}

/// Short citations of `sources` ("Ernst E, 2009, Medical Journal of
/// Australia; …"), each journal's published name marked as English.
pub(crate) fn citations<'a>(sources: impl Iterator<Item = &'a Source>) -> Vec<AnyView> {
    let mut out = Vec::new();
    for (i, source) in sources.enumerate() {
        if i > 0 {
            out.push("; ".into_any());
        }
        out.extend(rich(
            get(key::SOURCES_SHORT),
            vec![
                ("authors", Inset::Plain(source.who())),
                ("year", Inset::Plain(source.year.to_string())),
                ("journal", Inset::English(source.journal.clone())),
            ],
        ));
    }
    out
}

/// Why a claim is tied to a zone: where the massage acts, or a
/// reflexology chart, marked as tradition wherever it appears.
#[component]
fn LinkBasis(link: &'static ZoneLink) -> impl IntoView {
    view! {
        <p class="claim-basis" data-basis=link.basis.slug()>
            {pieces(get(key::CLAIM_WHY_AREA))
                .into_iter()
                .map(|piece| match piece {
                    Piece::Slot("basis") => view! { <strong class="basis">{link.basis.label()}</strong> }.into_any(),
                    Piece::Slot("how") => link.how.clone().into_any(),
                    Piece::Slot(other) => format!("{{{other}}}").into_any(),
                    Piece::Text(text) => text.into_any(),
                })
                .collect_any()}
        </p>
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
    let c = whole();
    view! {
        <div class="benefits">
            <h2>{get(key::BENEFITS_TITLE)}</h2>
            <p class="small">{rich(get(key::BENEFITS_INTRO), vec![("title", Inset::English(SECOND_ARTICLE.into()))])}</p>
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

/// One benefit: the claim, its evidence, and the zones it is tied to,
/// grouped by why.
#[component]
pub fn BenefitPage(claim: &'static Claim) -> impl IntoView {
    let c = whole();
    let count: usize = claim.links.iter().map(|l| l.zones.len()).sum();
    view! {
        <div class="benefit" data-testid="benefit" data-benefit=claim.id.clone()>
            <p class="eyebrow">
                <a href="#benefits">{get(key::BENEFITS_TITLE)}</a>
            </p>
            <h2>{claim.title.clone()}</h2>
            <p>{claim.claimed.clone()}</p>
            <ul class="claims">
                <ClaimCard claim />
            </ul>
            <h3>{fill(key::BENEFITS_ZONES_HEADING, &[("count", &count)])}</h3>
            {if claim.links.is_empty() {
                view! {
                    <p class="small">{get(key::BENEFITS_NO_ZONES)}</p>
                }
                    .into_any()
            } else {
                view! {
                    <p class="small">{get(key::BENEFITS_ZONES_INTRO)}</p>
                }
                    .into_any()
            }}
            {claim
                .links
                .iter()
                .map(|link| {
                    view! {
                        <section class="basis-group" data-basis=link.basis.slug()>
                            <h4 class="basis">{link.basis.label()}</h4>
                            <p class="small">{format!("{}.", capitalised(&link.how))}</p>
                            <ul class="zone-links">
                                {c
                                    .zones
                                    .iter()
                                    .filter(|z| link.zones.contains(&z.id))
                                    .map(|zone| {
                                        view! {
                                            <li data-basis=link.basis.slug()>
                                                <span>{zone.name.clone()}</span>
                                                {Side::BOTH
                                                    .into_iter()
                                                    .map(|side| {
                                                        let key = ZoneKey { side, zone: &zone.id };
                                                        view! {
                                                            // Named by the words it shows, then the zone.
                                                            <a
                                                                href=format!("#{}", route::fragment(Route::Zone(key)))
                                                                aria-label=fill(
                                                                    key::BENEFITS_ZONE_LINK,
                                                                    &[("side", &side.title()), ("zone", &zone.name)],
                                                                )
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
                        </section>
                    }
                })
                .collect_any()}
        </div>
    }
}

/// The phrase with its first letter in capitals (content is plain ASCII
/// at the start of a phrase; other text is left alone).
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

/// What the labels mean, every source, and why reflexology is a tradition.
#[component]
pub fn EvidencePage() -> impl IntoView {
    let c = whole();
    view! {
        <div class="evidence-page" data-testid="evidence-page">
            <h2>{get(key::EVIDENCE_TITLE)}</h2>
            <p>{get(key::EVIDENCE_INTRO)}</p>
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
            <h3>{get(key::EVIDENCE_REFLEXOLOGY_HEADING)}</h3>
            <p>{c.reflexology.note.clone()}</p>
            <h3>{get(key::EVIDENCE_SOURCES_HEADING)}</h3>
            <ol class="sources">
                {c
                    .sources
                    .iter()
                    .map(|s| {
                        view! {
                            <li id=format!("source-{}", s.id)>
                                // Titles and journals as published, in English:
                                // marked so, for voices and translators.
                                {format!("{} ({}). ", s.authors, s.year)}
                                // One click to the record: its DOI or PubMed
                                // page, where one was found and checked.
                                {match &s.link {
                                    Some(link) => view! { <a href=link.clone() lang="en">{s.title.clone()}</a> }.into_any(),
                                    None => view! { <span lang="en">{s.title.clone()}</span> }.into_any(),
                                }}
                                " "
                                <em lang="en">{s.journal.clone()}</em>
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
