//! The editor beside the map for one of the person's own routines: its
//! name, and its steps with their zones, techniques and times.

use crate::browser::reveal;
use crate::components::rich::{rich, Inset};
use crate::components::CollectAny;
use crate::content::{content, Part, Side};
use crate::format;
use crate::own_routine::{mirror, EditAction, OwnRoutine, MAX_NAME};
use crate::state::editor::{zone_of, Editor};
use crate::state::saved::Saved;
use crate::state::Nav;
use crate::text::{self, fill, get, key};
use leptos::prelude::*;

/// The editor for routine `id`: a click on the map adds a step; each step
/// can change technique and time, move, be mirrored or removed.
#[component]
pub fn RoutineEditor(id: &'static str) -> impl IntoView {
    let saved = expect_context::<Saved>();
    let editor = expect_context::<Editor>();
    let _nav = expect_context::<Nav>();
    let stored = saved.with_untracked(|s| s.routine(id).cloned());
    let is_new = stored.is_none();
    if editor.draft_for(id).is_none() {
        editor.put(stored.unwrap_or_else(|| OwnRoutine::new(id, get(key::EDITOR_DEFAULT_NAME))));
    }
    let count = Memo::new(move |_| editor.with(|d| d.steps.len()).unwrap_or(0));
    let total = Memo::new(move |_| editor.with(|d| d.total_seconds()).unwrap_or(0));
    // Problems show once a save was refused, and update as they are fixed.
    let tried = RwSignal::new(false);
    let problems = move || {
        if !tried.get() {
            return Vec::new();
        }
        editor
            .with(|d| d.clone().tidy().problems(content()))
            .unwrap_or_default()
    };
    let save = move |_| {
        if editor.save().is_err() {
            tried.set(true);
        }
    };
    let cancel = move |_| editor.cancel();
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move || {
        if heading.get().is_some() {
            reveal::focus_id("editor-title");
        }
    });

    view! {
        <div class="editor" data-testid="editor">
            <p class="eyebrow">
                {rich(
                    get(key::EDITOR_EYEBROW),
                    vec![(
                        "routines_link",
                        Inset::Link {
                            href: "#routines".into(),
                            class: Some("back"),
                            text: get(key::NAV_ROUTINES).into(),
                        },
                    )],
                )}
            </p>
            // The routine's name once it has one.
            <h2 id="editor-title" tabindex="-1" node_ref=heading>
                {move || {
                    editor
                        .with(|d| d.name.trim().to_string())
                        .filter(|name| !name.is_empty())
                        .unwrap_or_else(|| {
                            get(if is_new { key::EDITOR_NEW_TITLE } else { key::EDITOR_EDIT_TITLE }).to_string()
                        })
                }}
            </h2>
            <p class="edit-total" data-testid="edit-total">
                {move || match count.get() {
                    0 => get(key::EDITOR_NO_STEPS).to_string(),
                    n => {
                        fill(
                            key::EDITOR_TOTAL,
                            &[
                                ("steps", &text::count(key::COUNTS_STEPS, n as u64, &[])),
                                ("duration", &format::duration(total.get())),
                            ],
                        )
                    }
                }}
            </p>
            // Said to screen readers, and shown: on a phone the list of
            // steps is below the fold.
            <p class="edit-added" aria-live="polite">{move || editor.announcement()}</p>
            <p class="small">{get(key::EDITOR_INTRO)}</p>
            <label class="field">
                <span>{get(key::EDITOR_NAME_LABEL)}</span>
                <input
                    type="text"
                    data-testid="routine-name"
                    maxlength=MAX_NAME.to_string()
                    prop:value=move || editor.with(|d| d.name.clone()).unwrap_or_default()
                    on:input=move |ev| editor.edit(EditAction::Rename(event_target_value(&ev)))
                />
            </label>
            <ol class="edit-steps" data-testid="edit-steps">
                <For each=move || 0..count.get() key=|i| *i children=move |i| view! { <EditStep i count /> } />
            </ol>
            <div class="controls edit-all">
                <button
                    type="button"
                    disabled=move || count.get() == 0
                    on:click=move |_| editor.edit(EditAction::MirrorAll)
                >
                    {get(key::EDITOR_MIRROR_ALL)}
                </button>
            </div>
            {move || {
                let problems = problems();
                (!problems.is_empty())
                    .then(|| {
                        view! {
                            <ul class="problems" role="alert" data-testid="problems">
                                {problems.iter().map(|p| view! { <li>{p.message()}</li> }).collect_any()}
                            </ul>
                        }
                    })
            }}
            <div class="controls">
                <button type="button" class="primary" data-testid="save-routine" on:click=save>
                    {get(key::EDITOR_SAVE)}
                </button>
                <button type="button" data-testid="cancel-edit" on:click=cancel>
                    {get(if is_new { key::COMMON_CANCEL } else { key::EDITOR_DISCARD })}
                </button>
            </div>
        </div>
    }
}

/// One step on the editor. Rows are kept by position, so the buttons a
/// person is using stay in place while the steps change under them.
#[component]
fn EditStep(i: usize, count: Memo<usize>) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let number = i + 1;
    let step = Memo::new(move |_| editor.with(|d| d.steps.get(i).cloned()).flatten());
    let key = Memo::new(move |_| step.with(|s| s.as_ref().and_then(zone_of)));
    let zone_and_technique =
        Memo::new(move |_| step.with(|s| s.as_ref().map(|s| (s.zone.clone(), s.technique.clone()))));
    let name = move || {
        key.get()
            .map(|k| k.full_name(content()))
            .unwrap_or_else(|| get(key::EDITOR_UNKNOWN_ZONE).into())
    };
    let mirror_label = move || {
        step.with(|s| s.as_ref().map(mirror))
            .as_ref()
            .and_then(zone_of)
            .map(|k| {
                get(match (k.side, k.content(content()).part) {
                    (Side::Left, Part::Foot) => key::EDITOR_MIRROR_TO_LEFT_FOOT,
                    (Side::Right, Part::Foot) => key::EDITOR_MIRROR_TO_RIGHT_FOOT,
                    (Side::Left, Part::Leg) => key::EDITOR_MIRROR_TO_LEFT_LEG,
                    (Side::Right, Part::Leg) => key::EDITOR_MIRROR_TO_RIGHT_LEG,
                })
            })
            .unwrap_or_default()
    };
    let is_last = move || i + 1 >= count.get();
    let act = move |action: EditAction, focus: Option<String>| {
        editor.edit(action);
        if let Some(id) = focus {
            reveal::focus_id(&id);
        }
    };
    view! {
        <li class="edit-step" data-testid="edit-step">
            <p class="edit-step-name">{name}</p>
            <div class="edit-row">
                {move || technique_select(i, zone_and_technique.get())}
                <span class="edit-time">
                    <button
                        type="button"
                        aria-label=fill(key::EDITOR_SHORTER_LABEL, &[("number", &number)])
                        on:click=move |_| act(EditAction::Shorter(i), None)
                    >
                        "−"
                    </button>
                    <span class="time" data-testid="step-time">
                        {move || step.with(|s| s.as_ref().map(|s| format::duration(s.seconds)))}
                    </span>
                    <button
                        type="button"
                        aria-label=fill(key::EDITOR_LONGER_LABEL, &[("number", &number)])
                        data-testid="longer"
                        on:click=move |_| act(EditAction::Longer(i), None)
                    >
                        "+"
                    </button>
                </span>
            </div>
            <div class="edit-row edit-tools">
                <button
                    type="button"
                    id=format!("step-{i}-up")
                    aria-label=fill(key::EDITOR_MOVE_UP_LABEL, &[("number", &number)])
                    disabled=i == 0
                    on:click=move |_| {
                        // The moved step's own button, or Down once it is first.
                        let target = if i > 1 { format!("step-{}-up", i - 1) } else { "step-0-down".to_string() };
                        act(EditAction::MoveUp(i), Some(target))
                    }
                >
                    "↑"
                </button>
                <button
                    type="button"
                    id=format!("step-{i}-down")
                    aria-label=fill(key::EDITOR_MOVE_DOWN_LABEL, &[("number", &number)])
                    disabled=is_last
                    on:click=move |_| {
                        let target = if i + 2 < count.get_untracked() {
                            format!("step-{}-down", i + 1)
                        } else {
                            format!("step-{}-up", i + 1)
                        };
                        act(EditAction::MoveDown(i), Some(target))
                    }
                >
                    "↓"
                </button>
                <button type="button" data-testid="mirror" on:click=move |_| act(EditAction::Mirror(i), None)>
                    {mirror_label}
                </button>
                <button
                    type="button"
                    id=format!("step-{i}-remove")
                    data-testid="remove"
                    aria-label=fill(key::EDITOR_REMOVE_LABEL, &[("number", &number)])
                    on:click=move |_| {
                        let left = count.get_untracked().saturating_sub(1);
                        let target = match left {
                            0 => "editor-title".to_string(),
                            n => format!("step-{}-remove", i.min(n - 1)),
                        };
                        act(EditAction::Remove(i), Some(target))
                    }
                >
                    {get(key::EDITOR_REMOVE)}
                </button>
            </div>
        </li>
    }
}

/// The techniques the step's zone offers, the chosen one selected.
fn technique_select(i: usize, step: Option<(String, String)>) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let (zone_id, chosen) = step?;
    let zone = content().zone(&zone_id)?;
    Some(view! {
        <select
            aria-label=fill(key::EDITOR_TECHNIQUE_LABEL, &[("number", &(i + 1))])
            data-testid="step-technique"
            on:change=move |ev| {
                editor.edit(EditAction::SetTechnique {
                    step: i,
                    technique: event_target_value(&ev),
                })
            }
        >
            {zone
                .methods
                .iter()
                .map(|m| {
                    let name = content().technique(&m.technique).map(|t| t.name.clone()).unwrap_or_default();
                    view! {
                        <option value=m.technique.clone() selected=m.technique == chosen>
                            {name}
                        </option>
                    }
                })
                .collect_any()}
        </select>
    })
}
