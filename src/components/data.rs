//! "Your data": export everything to one file, and import such a file
//! after a preview of what it will add or change.

use crate::browser::{files, wall_clock};
use crate::components::{reveal_when_shown, CollectAny};
use crate::export::{self, ExportFile};
use crate::state::saved::Saved;
use crate::store::{self, Change};
use crate::text::{fill, get, key};
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
            fill(key::DATA_EXPORTED, &[("file", &name)])
        } else {
            get(key::DATA_CANNOT_SAVE).into()
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
                    said.set(Some(get(key::DATA_UNREADABLE).into()));
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
                    get(key::DATA_IMPORTED).into()
                } else {
                    get(key::DATA_NOT_IMPORTED).into()
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
            <h3 id="data-title">{get(key::DATA_TITLE)}</h3>
            <p class="small">{get(key::DATA_INTRO)}</p>
            {move || {
                saved
                    .persisted()
                    .map(|kept| {
                        view! {
                            <p class="small" data-testid="persisted">
                                {if kept { get(key::DATA_KEPT) } else { get(key::DATA_MAY_CLEAR) }}
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
                    {get(key::DATA_EXPORT)}
                </button>
                <label class="button">
                    {get(key::DATA_IMPORT_FILE)}
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
                                    <strong>{get(key::DATA_PLAN_HEADING)}</strong>
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
                                        {get(key::DATA_IMPORT)}
                                    </button>
                                    <button type="button" on:click=move |_| pending.set(None)>
                                        {get(key::COMMON_CANCEL)}
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
        store::ExportDue::Never => get(key::DATA_REMINDER_NEVER),
        store::ExportDue::Stale => get(key::DATA_REMINDER_STALE),
    })
}
