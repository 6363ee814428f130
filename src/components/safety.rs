//! The safety note: when not to massage, when to take care, and that this
//! is no diagnosis. Shown as its own page and before a first routine.

use crate::components::applies::AppliesPicker;
use crate::components::evidence::citations;
use crate::components::rich::{rich, Inset};
use crate::components::CollectAny;
use crate::content::{whole, Caution, Severity};
use crate::text::{get, key};
use leptos::prelude::*;

/// The safety note; `compact` (the sheet before a first routine) gives
/// each caution's one-sentence brief where it has one, and no citations.
#[component]
pub fn SafetyNote(#[prop(optional)] compact: bool) -> impl IntoView {
    let c = whole();
    let list = move |severity: Severity| {
        c.cautions
            .iter()
            .filter(move |caution| caution.severity == severity)
            .map(|caution| {
                view! {
                    <li class:stop=severity == Severity::Stop data-caution=caution.id.clone()>
                        <strong>{caution.title.clone()}</strong>
                        " "
                        {match (compact, &caution.brief) {
                            (true, Some(brief)) => view! { {brief.clone()} }.into_any(),
                            (true, None) => view! { {caution.text.clone()} }.into_any(),
                            (false, _) => view! { {caution.text.clone()} {cited(&caution.sources)} }.into_any(),
                        }}
                    </li>
                }
            })
            .collect_any()
    };
    let sources = Inset::Views(citations(c.sources_for(&c.safety.sources)));
    view! {
        <div class="safety-note">
            <p>{c.safety.intro.clone()}</p>
            <h3>{get(key::SAFETY_STOP_HEADING)}</h3>
            <ul class="cautions">{list(Severity::Stop)}</ul>
            <h3>{get(key::SAFETY_CARE_HEADING)}</h3>
            <ul class="cautions">{list(Severity::Care)}</ul>
            <p>
                <strong>{c.safety.closing.clone()}</strong>
            </p>
            {compact.then(|| view! { <p><a href="#safety">{get(key::SAFETY_READ_FULL)}</a></p> }.into_any())}
            <p class="small">{rich(get(key::SAFETY_SOURCES), vec![("sources", sources)])}</p>
        </div>
    }
}

/// A caution in one line: the condition in plain words (else its title)
/// and its one-sentence brief; nothing for a caution without a brief. How
/// a zone's first block and the printed routine list what limits the
/// massage.
pub(crate) fn brief_line(caution: &'static Caution) -> Option<AnyView> {
    let brief = caution.brief.clone()?;
    let name = caution.who.clone().unwrap_or_else(|| caution.title.clone());
    Some(
        view! {
            <li class:stop=caution.severity == Severity::Stop data-caution=caution.id.clone()>
                <strong>{name}</strong>
                " "
                {brief}
            </li>
        }
        .into_any(),
    )
}

/// " (Smith CA et al., 2017, ...)" for a caution that cites sources.
fn cited(ids: &'static [String]) -> Option<impl IntoView> {
    (!ids.is_empty()).then(|| view! { " (" {citations(whole().sources_for(ids))} ")" })
}

/// The safety page.
#[component]
pub fn SafetyPage() -> impl IntoView {
    view! {
        <div data-testid="safety-page">
            <h2>{get(key::SAFETY_TITLE)}</h2>
            <AppliesPicker />
            <SafetyNote />
        </div>
    }
}
