//! The person's own routines on the routines page: new, edit, duplicate,
//! share and delete with undo, and the button that copies a guided
//! routine to make it one's own.

use crate::browser::{self, share_sheet::Sent};
use crate::components::rich::{rich, Inset};
use crate::components::CollectAny;
use crate::content::{content, Routine};
use crate::format;
use crate::own_routine::OwnRoutine;
use crate::route::{self, Route};
use crate::share;
use crate::state::editor::Editor;
use crate::state::saved::Saved;
use crate::store::{Change, Deleted};
use crate::text::{count, fill, get, key};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A new routine id, free in the saved routines.
pub(crate) fn new_id(saved: Saved) -> String {
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
            fill(key::OWN_DEFAULT_NAME, &[("number", &(count + 1))]),
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
            <h2 id="own-title">{get(key::OWN_TITLE)}</h2>
            <p class="small">
                {move || {
                    if empty() {
                        format!("{} ", get(key::OWN_EMPTY_INTRO))
                    } else {
                        String::new()
                    }
                }}
                {rich(get(key::OWN_KEPT_INTRO), vec![("history_link", Inset::link("#history", get(key::NAV_HISTORY)))])}
            </p>
            <button type="button" class="primary" data-testid="new-routine" on:click=new_routine>
                {get(key::OWN_NEW_ROUTINE)}
            </button>
            {move || {
                deleted
                    .get()
                    .map(|d| {
                        view! {
                            <p class="undo" role="status" data-testid="undo">
                                {fill(key::OWN_DELETED, &[("name", &d.routine.name)])}
                                " "
                                <button type="button" on:click=undo>
                                    {get(key::COMMON_UNDO)}
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
    let meta = fill(
        key::OWN_CARD_META,
        &[
            ("duration", &format::duration(routine.total_seconds())),
            (
                "steps",
                &count(key::COUNTS_STEPS, routine.steps.len() as u64, &[]),
            ),
        ],
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
            });
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
                {(!runnable).then(|| view! { <span class="small">{get(key::OWN_NEEDS_CHANGE)}</span> })}
            </a>
            <div class="card-actions">
                <button type="button" data-testid="edit" on:click=edit>
                    {get(key::OWN_EDIT)}
                </button>
                <button type="button" data-testid="duplicate" on:click=duplicate>
                    {get(key::OWN_DUPLICATE)}
                </button>
                <ShareButton routine />
                <button type="button" data-testid="delete" on:click=delete>
                    {get(key::COMMON_DELETE)}
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
            {fill(key::OWN_COPY, &[("name", &routine.name)])}
        </button>
    }
}

/// Shares a routine by link, and shows the link whatever became of it.
#[component]
pub(crate) fn ShareButton(routine: OwnRoutine) -> impl IntoView {
    let result = RwSignal::new(None::<(String, String)>);
    let share = move |_| match share::fragment(&routine) {
        Err(error) => result.set(Some((error.message(), String::new()))),
        Ok(fragment) => {
            let url = crate::browser::location::page_url(&fragment);
            let title = routine.name.clone();
            spawn_local(async move {
                let said = match browser::share_sheet::send(&title, &url).await {
                    Sent::Shared => key::SHARE_SHARED,
                    Sent::Cancelled => key::SHARE_CANCELLED,
                    Sent::Copied => key::SHARE_COPIED,
                    Sent::Failed => key::SHARE_FAILED,
                };
                result.set(Some((get(said).into(), url)));
            });
        }
    };
    view! {
        <button type="button" data-testid="share" on:click=share>
            {get(key::SHARE_SHARE)}
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
                                            aria-label=get(key::SHARE_LINK_LABEL)
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
    crate::browser::focus::select_text(&ev);
}
