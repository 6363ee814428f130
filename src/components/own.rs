//! The person's own routines: the list (new, edit, duplicate, share,
//! delete with undo), the editor beside the map, the player page for one
//! of them, and the preview of a routine opened from a share link.

use crate::app::Nav;
use crate::browser::{self, reveal, share::Sent};
use crate::components::routines::RoutinePlayer;
use crate::components::CollectAny;
use crate::content::{content, Routine};
use crate::editor::{zone_of, Editor};
use crate::format;
use crate::own_routine::{mirror, EditAction, OwnRoutine, MAX_NAME};
use crate::route::{self, Route};
use crate::saved::Saved;
use crate::share;
use crate::store::{Change, Deleted};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A new routine id, free in the saved routines.
fn new_id(saved: Saved) -> String {
    let now = browser::wall_clock().0.max(0) as u64;
    saved.with_untracked(|s| s.new_id(now))
}

/// "Your routines": a button to build one, and each with its actions.
#[component]
pub fn OwnRoutines() -> impl IntoView {
    let saved = expect_context::<Saved>();
    let editor = expect_context::<Editor>();
    let deleted = RwSignal::new(None::<Deleted>);
    let empty = move || saved.with(|s| s.routines.is_empty());
    let new_routine = move |_| {
        let count = saved.with_untracked(|s| s.routines.len());
        editor.open(OwnRoutine::new(
            new_id(saved),
            format!("My routine {}", count + 1),
        ));
    };
    let undo = move |_| {
        if let Some(d) = deleted.get_untracked() {
            saved.apply(Change::RestoreRoutine(d));
        }
        deleted.set(None);
    };
    view! {
        <section class="own-routines" aria-labelledby="own-title">
            <h2 id="own-title">"Your routines"</h2>
            <p class="small">
                {move || {
                    if empty() {
                        "Build your own from the map, or copy a guided routine below and change it. "
                    } else {
                        ""
                    }
                }}
                "Kept in this browser only: share one by link, or export them all from "
                <a href="#history">"History"</a>
                "."
            </p>
            <button type="button" class="primary" data-testid="new-routine" on:click=new_routine>
                "New routine"
            </button>
            {move || {
                deleted
                    .get()
                    .map(|d| {
                        view! {
                            <p class="undo" role="status" data-testid="undo">
                                {format!("Deleted “{}”. ", d.routine.name)}
                                <button type="button" on:click=undo>
                                    "Undo"
                                </button>
                            </p>
                        }
                    })
            }}
            <ul class="cards own-cards">
                {move || {
                    saved
                        .with(|s| s.routines.clone())
                        .into_iter()
                        .map(|routine| view! { <OwnCard routine deleted /> })
                        .collect_any()
                }}
            </ul>
        </section>
    }
}

/// One of the person's routines: open it to run it, or change it.
#[component]
fn OwnCard(routine: OwnRoutine, deleted: RwSignal<Option<Deleted>>) -> impl IntoView {
    let saved = expect_context::<Saved>();
    let editor = expect_context::<Editor>();
    let id = routine.id.clone();
    let href = format!("#{}", route::fragment(Route::Routine(route::intern(&id))));
    let meta = format!(
        "{} · {} steps",
        format::duration(routine.total_seconds()),
        routine.steps.len()
    );
    let runnable = routine.problems(content()).is_empty();
    let edit = {
        let routine = routine.clone();
        move |_| editor.resume(routine.clone())
    };
    let duplicate = {
        let id = id.clone();
        move |_| {
            saved.apply(Change::DuplicateRoutine {
                id: id.clone(),
                new_id: new_id(saved),
            })
        }
    };
    let delete = {
        let id = id.clone();
        move |_| {
            let deletion = saved.with_untracked(|s| s.deletion(&id));
            saved.apply(Change::DeleteRoutine { id: id.clone() });
            deleted.set(deletion);
        }
    };
    view! {
        <li class="own-card" data-testid="own-routine" data-id=id>
            <a class="card" href=href>
                <span class="card-title">{routine.name.clone()}</span>
                <span class="card-meta">{meta}</span>
                {(!runnable).then(|| view! { <span class="small">"Needs a change before it can run: edit it to see what."</span> })}
            </a>
            <div class="card-actions">
                <button type="button" data-testid="edit" on:click=edit>
                    "Edit"
                </button>
                <button type="button" data-testid="duplicate" on:click=duplicate>
                    "Duplicate"
                </button>
                <ShareButton routine />
                <button type="button" data-testid="delete" on:click=delete>
                    "Delete"
                </button>
            </div>
        </li>
    }
}

/// Copies a built-in routine to the person's own, on the editor.
#[component]
pub fn CopyButton(routine: &'static Routine) -> impl IntoView {
    let saved = expect_context::<Saved>();
    let editor = expect_context::<Editor>();
    view! {
        <button
            type="button"
            class="quiet copy"
            data-testid="copy-routine"
            on:click=move |_| editor.open(OwnRoutine::copy_of(routine, new_id(saved)))
        >
            {format!("Copy “{}” and change it", routine.name)}
        </button>
    }
}

/// Shares a routine by link, and shows the link whatever became of it.
#[component]
fn ShareButton(routine: OwnRoutine) -> impl IntoView {
    let result = RwSignal::new(None::<(String, String)>);
    let share = move |_| match share::fragment(&routine) {
        Err(error) => result.set(Some((error.message(), String::new()))),
        Ok(fragment) => {
            let url = page_url(&fragment);
            let title = routine.name.clone();
            spawn_local(async move {
                let said = match browser::share::send(&title, &url).await {
                    Sent::Shared => "Shared. The link:",
                    Sent::Cancelled => "Not shared. The link, if you want it:",
                    Sent::Copied => "Link copied: paste it into a message.",
                    Sent::Failed => "Copy this link and send it:",
                };
                result.set(Some((said.into(), url)));
            });
        }
    };
    view! {
        <button type="button" data-testid="share" on:click=share>
            "Share"
        </button>
        {move || {
            result
                .get()
                .map(|(said, url)| {
                    let has_link = !url.is_empty();
                    view! {
                        <p class="share-result" role="status" data-testid="share-result">
                            {said}
                            {has_link
                                .then(|| {
                                    view! {
                                        <input
                                            class="share-link"
                                            readonly=true
                                            data-testid="share-link"
                                            aria-label="Link to this routine"
                                            prop:value=url
                                            on:focus=select_all
                                        />
                                    }
                                })}
                        </p>
                    }
                })
        }}
    }
}

/// Selects a read-only field's text as it takes focus, ready to copy.
fn select_all(ev: leptos::ev::FocusEvent) {
    event_target::<web_sys::HtmlInputElement>(&ev).select();
}

/// This page's address with `fragment` in place of its own.
fn page_url(fragment: &str) -> String {
    let href = window().location().href().unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    format!("{base}#{fragment}")
}

/// The editor for routine `id`: a click on the map adds a step; each step
/// can change technique and time, move, be mirrored or removed.
#[component]
pub fn RoutineEditor(id: &'static str) -> impl IntoView {
    let saved = expect_context::<Saved>();
    let editor = expect_context::<Editor>();
    let nav = expect_context::<Nav>();
    let stored = saved.with_untracked(|s| s.routine(id).cloned());
    let is_new = stored.is_none();
    if editor.draft_for(id).is_none() {
        editor.put(stored.unwrap_or_else(|| OwnRoutine::new(id, "My routine")));
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
        let Some(draft) = editor.with(|d| d.clone().tidy()) else {
            return;
        };
        if !draft.problems(content()).is_empty() {
            tried.set(true);
            return;
        }
        saved.apply(Change::SaveRoutine(draft.clone()));
        editor.close();
        nav.go(Route::Routine(route::intern(&draft.id)));
    };
    let cancel = move |_| {
        editor.close();
        nav.go(Route::Routines);
    };
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move || {
        if heading.get().is_some() {
            reveal::focus_id("editor-title");
        }
    });

    view! {
        <div class="editor" data-testid="editor">
            <p class="eyebrow">
                <a href="#routines" class="back">"Routines"</a>
                " · your routine"
            </p>
            <h2 id="editor-title" tabindex="-1" node_ref=heading>
                {if is_new { "New routine" } else { "Edit routine" }}
            </h2>
            <p class="edit-total" data-testid="edit-total">
                {move || match count.get() {
                    0 => "No steps yet: choose a zone on the map.".to_string(),
                    1 => format!("1 step · {}", format::duration(total.get())),
                    n => format!("{n} steps · {}", format::duration(total.get())),
                }}
            </p>
            // Said to screen readers, and shown: on a phone the list of
            // steps is below the fold.
            <p class="edit-added" aria-live="polite">{move || editor.announcement()}</p>
            <p class="small">
                "Choose zones on the map in the order you want them: each adds a step with the zone’s first technique and its usual time. Change them below."
            </p>
            <label class="field">
                <span>"Name"</span>
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
                    "Repeat every step on the other side"
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
                    "Save"
                </button>
                <button type="button" data-testid="cancel-edit" on:click=cancel>
                    {if is_new { "Cancel" } else { "Discard changes" }}
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
            .unwrap_or_else(|| "A zone this version does not have".into())
    };
    let mirror_label = move || {
        step.with(|s| s.as_ref().map(mirror))
            .as_ref()
            .and_then(zone_of)
            .map(|k| format!("Mirror to the {}", k.limb(content()).to_lowercase()))
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
                        aria-label=format!("Step {number}: 5 seconds less")
                        on:click=move |_| act(EditAction::Shorter(i), None)
                    >
                        "−"
                    </button>
                    <span class="time" data-testid="step-time">
                        {move || step.with(|s| s.as_ref().map(|s| format::duration(s.seconds)))}
                    </span>
                    <button
                        type="button"
                        aria-label=format!("Step {number}: 5 seconds more")
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
                    aria-label=format!("Move step {number} up")
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
                    aria-label=format!("Move step {number} down")
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
                    aria-label=format!("Remove step {number}")
                    on:click=move |_| {
                        let left = count.get_untracked().saturating_sub(1);
                        let target = match left {
                            0 => "editor-title".to_string(),
                            n => format!("step-{}-remove", i.min(n - 1)),
                        };
                        act(EditAction::Remove(i), Some(target))
                    }
                >
                    "Remove"
                </button>
            </div>
        </li>
    }
}

/// The techniques the step's zone offers, the chosen one selected.
fn technique_select(i: usize, step: Option<(String, String)>) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let (zone_id, chosen) = step?;
    let zone = content().zones.iter().find(|z| z.id == zone_id)?;
    Some(view! {
        <select
            aria-label=format!("Technique for step {}", i + 1)
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

/// The player for one of the person's own routines, once the saved data
/// says it exists and can be run.
#[component]
pub fn OwnRoutinePage(id: &'static str) -> impl IntoView {
    let saved = expect_context::<Saved>();
    let editor = expect_context::<Editor>();
    // Read once: a session recorded meanwhile must not restart the player.
    let Some(own) = saved.with_untracked(|s| s.routine(id).cloned()) else {
        return view! {
            <div class="missing" data-testid="missing-routine">
                <h2>"Routine not found"</h2>
                <p>
                    "This routine is not saved in this browser: it may have been deleted, or made on another device. "
                    "To move a routine between devices, share it by link or export your routines from "
                    <a href="#history">"History"</a>
                    "."
                </p>
                <p>
                    <a href="#routines">"Your routines and the guided ones"</a>
                </p>
            </div>
        }
        .into_any();
    };
    let problems = own.problems(content());
    if !problems.is_empty() {
        return view! {
            <div class="missing" data-testid="problems">
                <h2>{own.name.clone()}</h2>
                <p>"This routine cannot run as it is:"</p>
                <ul class="problems">{problems.iter().map(|p| view! { <li>{p.message()}</li> }).collect_any()}</ul>
                <button type="button" class="primary" on:click=move |_| editor.open(own.clone())>
                    "Edit it"
                </button>
            </div>
        }
        .into_any();
    }
    let routine = crate::player::keep(own.to_routine());
    view! {
        <RoutinePlayer routine />
        <div class="card-actions own-actions">
            <button type="button" data-testid="edit" on:click={
                let own = own.clone();
                move |_| editor.resume(own.clone())
            }>
                "Edit this routine"
            </button>
            <ShareButton routine=own />
        </div>
    }
    .into_any()
}

/// A routine from a share link: its steps, its zones lit on the map, and
/// "Save to my routines". Nothing is saved before that.
#[component]
pub fn SharedPreview() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let saved = expect_context::<Saved>();
    let Some(shared) = nav.shared() else {
        return view! { <p>"This share link holds no routine."</p> }.into_any();
    };
    let total: u32 = shared.steps.iter().map(|s| s.seconds).sum();
    let name = shared.name.clone();
    let steps = shared.steps.clone();
    let save = move |_| {
        let routine = shared.clone().into_routine(new_id(saved));
        let id = route::intern(&routine.id);
        saved.apply(Change::AddRoutine(routine));
        nav.go(Route::Routine(id));
    };
    view! {
        <div class="shared" data-testid="shared">
            <p class="eyebrow">"A routine shared with you"</p>
            <h2>{name}</h2>
            <p>
                {format!("{} steps · {}. ", steps.len(), format::duration(total))}
                "Its zones are lit on the map. Nothing is saved until you choose to."
            </p>
            <div class="controls">
                <button type="button" class="primary" data-testid="save-shared" on:click=save>
                    "Save to my routines"
                </button>
                <a href="#routines">"Not now"</a>
            </div>
            <ol class="shared-steps">
                {steps
                    .iter()
                    .map(|s| {
                        let words = zone_of(s)
                            .map(|_| crate::player::step_words(s))
                            .unwrap_or_default();
                        view! {
                            <li>
                                <span>{words}</span>
                                " "
                                <span class="small">{format::duration(s.seconds)}</span>
                            </li>
                        }
                    })
                    .collect_any()}
            </ol>
        </div>
    }
    .into_any()
}
