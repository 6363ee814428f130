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
use leptos::prelude::*;

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
            <h2>"Your practice"</h2>
            <p class="small">
                "Every routine you finish or stop is noted here, on this device only. "
                "The article suggests at least ten minutes a session, anywhere from every day to once a week."
            </p>
            <Week now_ms offset_min />
            <p class="streak" data-testid="streak">
                {move || {
                    let weeks = saved.with(|s| history::weeks_in_a_row(&s.history, now_ms, offset_min));
                    match weeks {
                        0 if empty() => "Finish or stop a routine and it shows here.".to_string(),
                        0 => "No session this week or last: any routine starts a new run of weeks.".to_string(),
                        1 => "1 week in a row with at least one session.".to_string(),
                        n => format!("{n} weeks in a row with at least one session."),
                    }
                }}
            </p>
            <crate::components::own_record::OwnRecord />
            <h3>"Recent sessions"</h3>
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
        <h3>{move || format!("This week: {} min", total())}</h3>
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
                            <span class="mins">{move || format!("{} min", value())}</span>
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
    let given = [("before", rating.before), ("after", rating.after)]
        .into_iter()
        .filter_map(|(when, value)| Some(format!("{} {when}", value?)))
        .collect::<Vec<_>>()
        .join(", ");
    format!(" · {} {given}", rating.measure.label().to_lowercase())
}

/// The latest sessions, newest first, each with Delete; and Delete all,
/// asked twice.
#[component]
fn Recent() -> impl IntoView {
    let saved = expect_context::<Saved>();
    let confirming = RwSignal::new(false);
    // The session deleted last, until it is put back or another goes.
    let deleted = RwSignal::new(None::<Session>);
    let count = move || saved.with(|s| s.history.len());
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
                            {format!("Deleted the session of {}. ", format::when(session.local_start()))}
                            <button type="button" on:click=undo>
                                "Undo"
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
                            let label = format!("Delete the session of {when}");
                            view! {
                                <li data-testid="session">
                                    <span>
                                        <strong>{session.routine_name.clone()}</strong>
                                        <span class="small">
                                            {format!(
                                                "{when} · {done}{}{}",
                                                if session.finished { "" } else { " · stopped early" },
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
                                        "Delete"
                                    </button>
                                </li>
                            }
                        })
                        .collect_any()
                })
            }}
        </ul>
        {move || {
            let n = count();
            if n == 0 {
                None
            } else if confirming.get() {
                Some(
                    view! {
                        <div class="confirm" role="group" aria-label="Delete all history">
                            <p>{format!("Delete all {n} sessions from this device? This cannot be undone.")}</p>
                            <button
                                type="button"
                                data-testid="delete-all-yes"
                                on:click=move |_| {
                                    saved.apply(saved.with_untracked(|s| s.clear_history()));
                                    confirming.set(false);
                                    deleted.set(None);
                                }
                            >
                                "Delete all"
                            </button>
                            <button type="button" class="quiet" on:click=move |_| confirming.set(false)>
                                "Keep them"
                            </button>
                        </div>
                    }
                        .into_any(),
                )
            } else {
                Some(
                    view! {
                        <button type="button" class="quiet" data-testid="delete-all" on:click=move |_| confirming.set(true)>
                            "Delete all history"
                        </button>
                    }
                        .into_any(),
                )
            }
        }}
    }
}
