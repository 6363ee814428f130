//! "Remind me": a repeating event for one routine, on the days and at the
//! time a person chooses, as a calendar file they open to add it. An
//! installed web app cannot schedule its own notifications, and every
//! calendar reads this file (`crate::calendar` writes it).

use crate::browser::{files, wall_clock};
use crate::calendar::{self, Reminder};
use crate::clock::LocalTime;
use crate::content::Routine;
use crate::format;
use crate::route::{self, Route};
use crate::text::{fill, get, key};
use leptos::prelude::*;

/// A folded form under a routine: days, a time, and the calendar file.
#[component]
pub fn CalendarReminder(routine: &'static Routine) -> impl IntoView {
    // Today alone to start with: the article suggests anywhere from every
    // day to once a week, and a person who ticks another day means one
    // more, not four reminders a week.
    let (now, offset) = wall_clock();
    let mut today = [false; 7];
    today[usize::from(LocalTime::at(now, offset).weekday) % 7] = true;
    let days = RwSignal::new(today);
    let time = RwSignal::new(String::from("19:30"));
    let said = RwSignal::new(None::<String>);
    let download = move |_| {
        let (hour, minute) = parse_time(&time.get_untracked()).unwrap_or((99, 99));
        let url = crate::browser::location::page_url(&route::fragment(Route::Routine(&routine.id)));
        let reminder = Reminder {
            routine_name: &routine.name,
            url: &url,
            minutes: routine.minutes.max(1),
            days: days.get_untracked(),
            hour,
            minute,
        };
        let (now, offset) = wall_clock();
        said.set(Some(match calendar::ics(&reminder, now, offset) {
            Err(error) => error.message().into(),
            Ok(text) => {
                let name = calendar::file_name(&routine.name);
                if files::download(&name, &text, "text/calendar") {
                    fill(key::REMINDER_SAVED, &[("file", &name)])
                } else {
                    get(key::REMINDER_CANNOT_SAVE).into()
                }
            }
        }));
    };
    view! {
        <details class="calendar-reminder" data-testid="calendar-reminder">
            <summary>{get(key::REMINDER_SUMMARY)}</summary>
            <fieldset class="days">
                <legend>{get(key::REMINDER_DAYS_LEGEND)}</legend>
                {(0..7u8)
                    .map(|day| {
                        let i = usize::from(day);
                        view! {
                            <label class="day">
                                <input
                                    type="checkbox"
                                    prop:checked=move || days.get()[i]
                                    on:change=move |ev| days.update(|d| d[i] = event_target_checked(&ev))
                                />
                                {format::weekday(day)}
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <label class="at">
                {get(key::REMINDER_AT)}
                " "
                <input type="time" prop:value=move || time.get() on:input=move |ev| time.set(event_target_value(&ev)) />
            </label>
            <button type="button" data-testid="calendar-file" on:click=download>
                {get(key::REMINDER_DOWNLOAD)}
            </button>
            {move || said.get().map(|text| view! { <p class="small" role="status" data-testid="calendar-said">{text}</p> })}
        </details>
    }
}

/// "19:30" as (19, 30); `None` for anything else.
fn parse_time(text: &str) -> Option<(u8, u8)> {
    let (hour, minute) = text.split_once(':')?;
    Some((hour.parse().ok()?, minute.get(..2)?.parse().ok()?))
}
