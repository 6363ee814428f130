//! "Your data": export everything to one file, and import such a file
//! after a preview of what it will add or change.

use crate::browser::{files, wall_clock};
use crate::components::{reveal_when_shown, CollectAny};
use crate::export::{self, ExportFile};
use crate::state::saved::Saved;
use crate::store::{self, Change};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

/// Export and import, with what happened said in the page.
#[component]
pub fn YourData() -> impl IntoView {
    let saved = expect_context::<Saved>();
    // What the last export or import did, or why it could not.
    let said = RwSignal::new(None::<String>);
    // A file read and checked, waiting for the person to confirm.
    let pending = RwSignal::new(None::<(ExportFile, Vec<String>)>);
    let export = move |_| {
        let (now, offset) = wall_clock();
        let text = saved.with_untracked(|s| export::export(s, now));
        let name = export::file_name(now, offset);
        said.set(Some(if files::download(&name, &text, "application/json") {
            saved.apply(Change::Exported(now));
            format!("Exported as “{name}”, in your downloads.")
        } else {
            "This browser cannot save files, so nothing was exported.".into()
        }));
    };
    let pick = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().map(JsValue::from) else {
            return;
        };
        pending.set(None);
        spawn_local(async move {
            // (Three bytes at most for each character the limit counts.)
            let text = files::read_text(&input, 3 * export::MAX_CHARS).await;
            // The same file can be picked again after a change.
            files::forget_pick(&input);
            let text = match text {
                Ok(text) => text,
                Err(files::ReadError::NoFile) => return,
                Err(files::ReadError::TooLarge) => {
                    said.set(Some(
                        export::ImportError::OverLimit(export::Limit::Size).message(),
                    ));
                    return;
                }
                Err(files::ReadError::Unreadable) => {
                    said.set(Some(
                        "This browser could not read that file. Nothing was changed.".into(),
                    ));
                    return;
                }
            };
            match export::read(&text) {
                Ok(file) => {
                    let plan = saved.with_untracked(|s| export::plan(s, &file));
                    said.set(None);
                    pending.set(Some((file, plan.describe())));
                }
                Err(error) => said.set(Some(error.message())),
            }
        });
    };
    let confirm = move |_| {
        if let Some((file, _)) = pending.get_untracked() {
            saved.apply_saved_or_not_at_all(Change::Import(file), move |imported| {
                said.try_set(Some(if imported {
                    "Imported.".into()
                } else {
                    "Not imported: this browser has no room to save what the file adds (its storage for the site is full, or saving is blocked). Nothing was changed.".into()
                }));
            });
        }
        pending.set(None);
    };

    // A preview appears below the buttons: bring it into view, its
    // Import button focused.
    let plan_block = NodeRef::<leptos::html::Div>::new();
    let plan_button = NodeRef::<leptos::html::Button>::new();
    reveal_when_shown(plan_block, plan_button);
    view! {
        <section class="your-data" aria-labelledby="data-title">
            <h3 id="data-title">"Your data"</h3>
            <p class="small">
                "Your routines, history and settings are kept in this browser only. "
                "Export them to one file to keep a copy or to move them to another device, and import that file there."
            </p>
            {move || {
                saved
                    .persisted()
                    .map(|kept| {
                        view! {
                            <p class="small" data-testid="persisted">
                                {if kept {
                                    "This browser keeps them until you clear its site data."
                                } else {
                                    "This browser may clear them on its own, for example after some weeks without a visit: an export keeps a copy."
                                }}
                            </p>
                        }
                    })
            }}
            {move || {
                let (now, _) = wall_clock();
                saved
                    .with(|s| reminder(s, now))
                    .map(|text| view! { <p class="reminder" data-testid="export-reminder">{text}</p> })
            }}
            <div class="controls">
                <button type="button" data-testid="export" on:click=export>
                    "Export"
                </button>
                <label class="button">
                    "Import a file"
                    <input
                        type="file"
                        class="visually-hidden"
                        accept=".json,application/json"
                        data-testid="import"
                        on:change=pick
                    />
                </label>
            </div>
            {move || {
                pending
                    .get()
                    .map(|(_, lines)| {
                        view! {
                            <div class="import-plan" data-testid="import-plan" role="status" node_ref=plan_block>
                                <p>
                                    <strong>"This file:"</strong>
                                </p>
                                <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_any()}</ul>
                                <div class="controls">
                                    <button
                                        type="button"
                                        class="primary"
                                        data-testid="confirm-import"
                                        node_ref=plan_button
                                        on:click=confirm
                                    >
                                        "Import"
                                    </button>
                                    <button type="button" on:click=move |_| pending.set(None)>
                                        "Cancel"
                                    </button>
                                </div>
                            </div>
                        }
                    })
            }}
            {move || said.get().map(|text| view! { <p class="data-said" role="status" data-testid="data-said">{text}</p> })}
        </section>
    }
}

/// The reminder's sentence, if one is due.
fn reminder(store: &store::Store, now_ms: i64) -> Option<&'static str> {
    store.export_due(now_ms).map(|due| match due {
        store::ExportDue::Never => "Not exported yet: an export is the only copy outside this browser.",
        store::ExportDue::Stale => {
            "Last exported more than four weeks ago: an export now keeps a copy of what changed since."
        }
    })
}
