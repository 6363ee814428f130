//! The person's practice: minutes on each day of this week, weeks in a row
//! with a session, and recent sessions, each of which can be deleted.
//! Counted in weeks, not days, as the article suggests anywhere from every
//! day to once a week; nothing here scolds a gap.

use crate::browser::wall_clock;
use crate::clock::LocalTime;
use crate::components::CollectAny;
use crate::format;
use crate::history;
use crate::state::saved::Saved;
use crate::store::{Change, Session};
use crate::text::{count, fill, get, key};
use leptos::prelude::*;

/// A session's routine as the history names it: a built-in routine by
/// its name in the page's language, one's own by the name it had then.
fn name_of(session: &Session) -> &str {
    crate::content::content()
        .routine(&session.routine_id)
        .map_or(&session.routine_name, |routine| &routine.name)
}

/// How many recent sessions the list shows.
const RECENT: usize = 10;

/// The history page.
#[component]
pub fn HistoryPage() -> impl IntoView {
    let saved = expect_context::<Saved>();
    let (now_ms, offset_min) = wall_clock();
    let empty = move || saved.with(|s| s.history.is_empty());

    view! {
        <div class="history" data-testid="history">
            <h2>{get(key::HISTORY_TITLE)}</h2>
            <p class="small">{get(key::HISTORY_INTRO)}</p>
            <Week now_ms offset_min />
            <p class="streak" data-testid="streak">
                {move || {
                    let weeks = saved.with(|s| history::weeks_in_a_row(&s.history, now_ms, offset_min));
                    match weeks {
                        0 if empty() => get(key::HISTORY_STREAK_EMPTY).to_string(),
                        0 => get(key::HISTORY_STREAK_NONE).to_string(),
                        n => count(key::HISTORY_STREAK, u64::from(n), &[]),
                    }
                }}
            </p>
            <crate::components::own_record::OwnRecord />
            <h3>{get(key::HISTORY_RECENT)}</h3>
            <Recent />
            <crate::components::data::YourData />
        </div>
    }
}

/// Minutes of massage on each day of this week, Monday first, as bars
/// with the figures written beneath.
#[component]
fn Week(now_ms: i64, offset_min: i32) -> impl IntoView {
    let saved = expect_context::<Saved>();
    let today = LocalTime::at(now_ms, offset_min).weekday;
    let minutes = Memo::new(move |_| saved.with(|s| history::week_minutes(&s.history, now_ms, offset_min)));
    let total = move || minutes.get().iter().sum::<u32>();
    view! {
        <h3>{move || fill(key::HISTORY_WEEK_TOTAL, &[("minutes", &total())])}</h3>
        <ol class="week" data-testid="week">
            {(0..7u8)
                .map(|day| {
                    let value = move || minutes.get()[usize::from(day)];
                    // Bars scale to the longest day, but never below ten
                    // minutes, so one short session does not fill the chart.
                    let height = move || {
                        let top = minutes.get().into_iter().max().unwrap_or(0).max(10);
                        format!("{}%", value() * 100 / top)
                    };
                    view! {
                        <li class:is-today=day == today>
                            <span class="bar-box" aria-hidden="true">
                                <span class="bar" style:height=height></span>
                            </span>
                            <span class="day">{format::weekday(day)}</span>
                            <span class="mins">{move || fill(key::HISTORY_DAY_MINUTES, &[("minutes", &value())])}</span>
                        </li>
                    }
                })
                .collect_any()}
        </ol>
    }
}

/// A session's ratings, as " · foot pain 6 before, 3 after" (empty if
/// it has none).
fn rated(session: &Session) -> String {
    let Some(rating) = session.rating else {
        return String::new();
    };
    let measure = rating.measure.label_in_text();
    let given = match (rating.before, rating.after) {
        (Some(before), Some(after)) => fill(
            key::HISTORY_RATED_BOTH,
            &[("measure", &measure), ("before", &before), ("after", &after)],
        ),
        (Some(before), None) => fill(
            key::HISTORY_RATED_BEFORE,
            &[("measure", &measure), ("before", &before)],
        ),
        (None, Some(after)) => fill(
            key::HISTORY_RATED_AFTER,
            &[("measure", &measure), ("after", &after)],
        ),
        (None, None) => return String::new(),
    };
    format!("{}{given}", get(key::COMMON_SEPARATOR))
}

/// The latest sessions, newest first, each with Delete; and Delete all,
/// asked twice.
#[component]
fn Recent() -> impl IntoView {
    let saved = expect_context::<Saved>();
    let confirming = RwSignal::new(false);
    // The session deleted last, until it is put back or another goes.
    let deleted = RwSignal::new(None::<Session>);
    let sessions = move || saved.with(|s| s.history.len());
    let undo = move |_| {
        if let Some(session) = deleted.get_untracked() {
            saved.apply(Change::RecordSession(session));
        }
        deleted.set(None);
    };
    view! {
        {move || {
            deleted
                .get()
                .map(|session| {
                    view! {
                        <p class="undo" role="status" data-testid="session-undo">
                            {fill(key::HISTORY_DELETED, &[("when", &format::when(session.local_start()))])}
                            " "
                            <button type="button" on:click=undo>
                                {get(key::COMMON_UNDO)}
                            </button>
                        </p>
                    }
                })
        }}
        <ul class="sessions" data-testid="sessions">
            {move || {
                saved.with(|s| {
                    history::recent(&s.history, RECENT)
                        .into_iter()
                        .map(|session| {
                            let kept = session.clone();
                            let when = format::when(session.local_start());
                            let done = format::duration(session.seconds);
                            let label = fill(key::HISTORY_DELETE_LABEL, &[("when", &when)]);
                            let meta = if session.finished {
                                key::HISTORY_SESSION_META
                            } else {
                                key::HISTORY_SESSION_META_STOPPED
                            };
                            view! {
                                <li data-testid="session">
                                    <span>
                                        <strong>{name_of(session).to_string()}</strong>
                                        <span class="small">
                                            {format!(
                                                "{}{}",
                                                fill(meta, &[("when", &when), ("duration", &done)]),
                                                rated(session),
                                            )}
                                        </span>
                                    </span>
                                    <button
                                        type="button"
                                        class="quiet"
                                        aria-label=label
                                        on:click=move |_| {
                                            saved.apply(Change::DeleteSession(kept.key()));
                                            deleted.set(Some(kept.clone()));
                                        }
                                    >
                                        {get(key::COMMON_DELETE)}
                                    </button>
                                </li>
                            }
                        })
                        .collect_any()
                })
            }}
        </ul>
        {move || {
            let n = sessions();
            if n == 0 {
                None
            } else if confirming.get() {
                Some(
                    view! {
                        <div class="confirm" role="group" aria-label=get(key::HISTORY_DELETE_ALL_HISTORY)>
                            <p>{count(key::HISTORY_DELETE_ALL_CONFIRM, n as u64, &[])}</p>
                            <button
                                type="button"
                                data-testid="delete-all-yes"
                                on:click=move |_| {
                                    saved.apply(saved.with_untracked(|s| s.clear_history()));
                                    confirming.set(false);
                                    deleted.set(None);
                                }
                            >
                                {get(key::HISTORY_DELETE_ALL)}
                            </button>
                            <button type="button" class="quiet" on:click=move |_| confirming.set(false)>
                                {get(key::HISTORY_KEEP)}
                            </button>
                        </div>
                    }
                        .into_any(),
                )
            } else {
                Some(
                    view! {
                        <button type="button" class="quiet" data-testid="delete-all" on:click=move |_| confirming.set(true)>
                            {get(key::HISTORY_DELETE_ALL_HISTORY)}
                        </button>
                    }
                        .into_any(),
                )
            }
        }}
    }
}
