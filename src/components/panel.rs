//! The panel beside (or below) the map: a zone's details, a welcome with
//! practical advice, or the routines.

use crate::applies::Limit;
use crate::components::evidence::ClaimCard;
use crate::components::motion::MotionIcon;
use crate::components::rich::{rich, Inset};
use crate::components::safety::brief_line;
use crate::components::CollectAny;
use crate::content::{content, whole, Caution, Method, Severity};
use crate::format;
use crate::route::{self, Route, ZoneKey};
use crate::state::Nav;
use crate::text::{fill, get, key};
use leptos::prelude::*;

/// The panel: what the route asks for.
#[component]
pub fn Panel(
    /// Draws the pages beyond the map and the zones (routines, reading,
    /// history), whose code the page fetches on first use.
    page: fn(Route) -> AnyView,
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let route = Memo::new(move |_| nav.route());
    view! {
        // In the tab order: on wide screens it scrolls on its own, and keyboard
        // users scroll it with the arrow keys once it has focus.
        <aside id="details" class="panel" tabindex="0" aria-label=get(key::PAGE_DETAILS_LABEL)>
            <p class="visually-hidden" aria-live="polite">
                {move || match route.get() {
                    Route::Zone(k) => fill(key::PAGE_ZONE_SELECTED, &[("zone", &k.full_name(content()))]),
                    _ => String::new(),
                }}
            </p>
            {move || match route.get() {
                // Links to benefits not claimed are refused; this is a guard.
                Route::Benefit(id) if route::benefit(id, content()).is_none() => {
                    view! { <Welcome /> }.into_any()
                }
                Route::Map => view! { <Welcome /> }.into_any(),
                // A zone's details, routines, reading and history: code
                // fetched when first opened.
                other => page(other),
            }}
        </aside>
    }
}

/// Everything about one zone: where, how, what is claimed, what to watch.
/// Its text is apart from the map's ([`whole`]): its code is fetched when
/// a zone is first opened.
#[component]
pub fn ZoneDetails(key: ZoneKey) -> impl IntoView {
    let c = whole();
    let zone = key.content(c);
    let practice = expect_context::<Nav>().practice();
    // What the person said applies to them does to this zone.
    let limit = Memo::new(move |_| practice.applies().limit(&c.cautions, &zone.id));
    let side = key.limb(c);
    let claims = c.claims_for(&zone.id);
    // What limits the massage here comes first, before any pressure is
    // named: each caution that changes or rules out this zone, in a line.
    let limits: Vec<AnyView> = c
        .cautions_for(&zone.id)
        .into_iter()
        .filter_map(brief_line)
        .collect();
    // The zone's own cautions in full; the general ones, which every zone
    // shows, by their titles under what to do, so the zone's own stay in
    // view (the safety note has the whole of each).
    let (own, general): (Vec<_>, Vec<_>) = c
        .cautions_for(&zone.id)
        .into_iter()
        .partition(|x| !x.zones.is_empty());
    let (general_stop, general_care): (Vec<_>, Vec<_>) =
        general.into_iter().partition(|x| x.severity == Severity::Stop);

    view! {
        <article class="zone-details" data-testid="zone-details" data-zone=key.slug()>
            <p class="eyebrow">{side}</p>
            <h2 id="zone-title">{zone.name.clone()}</h2>
            <p class="location">{zone.location.clone()}</p>

            {move || applied(limit.get())}
            <section aria-labelledby="limits-title" class="care limits" data-testid="limits">
                <h3 id="limits-title">{get(key::ZONE_DETAILS_LIMITS_HEADING)}</h3>
                <ul class="cautions">{limits}</ul>
                <p class="small">
                    {get(key::ZONE_DETAILS_LIMITS_TODAY)}
                    " "
                    <a href="#safety" class="screen-only">{get(key::ZONE_DETAILS_LIMITS_TELL)}</a>
                </p>
            </section>

            <section aria-labelledby="how-title">
                <h3 id="how-title">{get(key::ZONE_DETAILS_HOW_HEADING)}</h3>
                {zone.methods.iter().map(|m| view! { <MethodCard method=m limit /> }).collect_any()}
            </section>

            <section aria-labelledby="claims-title">
                <h3 id="claims-title">{get(key::ZONE_DETAILS_CLAIMS_HEADING)}</h3>
                <p class="small">{get(key::ZONE_DETAILS_CLAIMS_INTRO)}</p>
                <ul class="claims">
                    {claims
                        .into_iter()
                        .map(|claim| {
                            let link = claim.link_for(&zone.id);
                            view! { <ClaimCard claim linked=true link /> }
                        })
                        .collect_any()}
                </ul>
                {zone
                    .reflexology
                    .clone()
                    .map(|area| {
                        view! {
                            <p class="tradition">
                                <span class="claim-mark">{get(key::ZONE_DETAILS_TRADITION_MARK)}</span>
                                " "
                                {rich(
                                    get(key::ZONE_DETAILS_TRADITION_TEXT),
                                    vec![
                                        ("area", Inset::Strong(area)),
                                        ("why_link", Inset::link("#evidence", get(key::ZONE_DETAILS_WHY_LINK))),
                                    ],
                                )}
                            </p>
                        }
                        .into_any()
                    })}
            </section>

            <section aria-labelledby="care-title" class="care">
                <h3 id="care-title">{get(key::ZONE_DETAILS_CARE_HEADING)}</h3>
                <ul class="cautions">
                    {own
                        .into_iter()
                        .map(|caution| {
                            let stop = caution.severity == Severity::Stop;
                            view! {
                                <li class:stop=stop>
                                    <strong>{caution.title.clone()}</strong>
                                    " "
                                    {caution.text.clone()}
                                </li>
                            }
                        })
                        .collect_any()}
                    <li>{c.safety.closing.clone()}</li>
                </ul>
                <p class="caution-group">{get(key::ZONE_DETAILS_GENERAL_STOP)}</p>
                <ul class="general" data-testid="general-stop">{titles(general_stop)}</ul>
                <p class="caution-group">{get(key::ZONE_DETAILS_GENERAL_CARE)}</p>
                <ul class="general" data-testid="general-care">{titles(general_care)}</ul>
                <p class="small screen-only">
                    <a href="#safety">{get(key::ZONE_DETAILS_FULL_SAFETY_LINK)}</a>
                </p>
            </section>
        </article>
    }
}

/// One technique for a zone, as numbered steps.
#[component]
fn MethodCard(method: &'static Method, limit: Memo<Limit<'static>>) -> impl IntoView {
    let technique = whole().technique(&method.technique);
    let name = technique.map(|t| t.name.clone()).unwrap_or_default();
    let summary = technique.map(|t| t.summary.clone()).unwrap_or_default();
    view! {
        <div class="method">
            <div class="method-head">
                <h4>{name}</h4>
                <MotionIcon technique=method.technique.as_str() />
            </div>
            <p class="meta">
                <span class="chip">{move || limit.get().pressure(method.pressure).label()}</span>
                <span class="chip">{fill(key::ZONE_DETAILS_ABOUT_DURATION, &[("duration", &format::duration(method.seconds))])}</span>
            </p>
            <p class="small">{summary}</p>
            <ol class="steps">
                {method.steps.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_any()}
            </ol>
        </div>
    }
}

/// What the person said applies to them does here, said first: leave
/// the zone alone, or light pressure only; nothing when nothing applies.
fn applied(limit: Limit<'static>) -> Option<AnyView> {
    let (text, caution, stop) = match limit {
        Limit::Open => return None,
        Limit::Out(c) => (key::ZONE_DETAILS_APPLIED_OUT, c, true),
        Limit::Light(c) => (key::ZONE_DETAILS_APPLIED_LIGHT, c, false),
    };
    let who = caution.who.clone().unwrap_or_default();
    Some(
        view! {
            <p class="applied" class:stop=stop data-testid="applied" data-caution=caution.id.clone()>
                <strong>{fill(text, &[("who", &who)])}</strong>
                " "
                {caution.brief.clone()}
            </p>
        }
        .into_any(),
    )
}

/// Shown when no zone is selected: how to start, and practical advice.
#[component]
fn Welcome() -> impl IntoView {
    view! {
        <div class="welcome">
            <h2>{get(key::WELCOME_TITLE)}</h2>
            <p>
                {rich(
                    get(key::WELCOME_TEXT),
                    vec![
                        ("routines_link", Inset::link("#routines", get(key::WELCOME_ROUTINES_LINK))),
                        ("benefits_link", Inset::link("#benefits", get(key::WELCOME_BENEFITS_LINK))),
                        ("safety_link", Inset::link("#safety", get(key::WELCOME_SAFETY_LINK))),
                    ],
                )}
            </p>
            <h3>{get(key::WELCOME_BEFORE_START)}</h3>
            <ul class="advice">
                {content()
                    .advice
                    .iter()
                    .map(|a| {
                        view! {
                            <li>
                                <strong>{a.title.clone()}</strong>
                                " "
                                {a.text.clone()}
                            </li>
                        }
                    })
                    .collect_any()}
            </ul>
        </div>
    }
}

/// The general cautions' titles, which every zone shows: the instruction
/// is the heading above them, and the safety note has the whole of each.
fn titles(cautions: Vec<&'static Caution>) -> Vec<AnyView> {
    cautions
        .into_iter()
        .map(|caution| {
            view! { <li class:stop=caution.severity == Severity::Stop>{caution.title.clone()}</li> }
        })
        .collect_any()
}
