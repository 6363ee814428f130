//! The person's own evidence, on the history page: what they follow, one
//! honest sentence about their ratings before and after, a chart of them
//! week by week (drawn here, with the same numbers as a table for screen
//! readers), and what such a record cannot show.

use crate::components::rating_questions::MeasurePicker;
use crate::components::CollectAny;
use crate::format;
use crate::map::geometry::number;
use crate::outcomes::{self, WeekPoint, TOO_FEW};
use crate::settings::Measure;
use crate::state::{Ratings, Saved};
use crate::text::{fill, get, key};
use leptos::prelude::*;

/// "Does it help you?": the picker, the sentence, the chart, the caveat.
#[component]
pub fn OwnRecord() -> impl IntoView {
    let ratings = expect_context::<Ratings>();
    let saved = expect_context::<Saved>();
    view! {
        <section class="own-record" data-testid="own-record" aria-labelledby="own-record-title">
            <h3 id="own-record-title">{get(key::RECORD_TITLE)}</h3>
            <MeasurePicker />
            {move || match ratings.measure() {
                None => {
                    view! {
                        <p class="small">{get(key::RECORD_INTRO)}</p>
                    }
                        .into_any()
                }
                Some(measure) => {
                    let (summary, points) = saved
                        .with(|s| (outcomes::summary(&s.history, measure), outcomes::weekly(&s.history, measure)));
                    view! {
                        <p class="own-sentence" data-testid="own-sentence">{summary.sentence}</p>
                        {(summary.count >= TOO_FEW).then(|| view! { <Chart measure points /> })}
                        <p class="small caveat" data-testid="own-caveat">{get(key::RECORD_CAVEAT)}</p>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

// The chart's box, in SVG units: the plot and the margins for the labels.
const WIDTH: f32 = 320.0;
const HEIGHT: f32 = 150.0;
const LEFT: f32 = 26.0;
const RIGHT: f32 = 10.0;
const TOP: f32 = 8.0;
const BOTTOM: f32 = 22.0;

/// Before and after, week by week: two lines on a 0-to-10 scale, with a
/// gap for weeks without a rated session; and the same as a table.
#[component]
fn Chart(measure: Measure, points: Vec<WeekPoint>) -> impl IntoView {
    let (first, last) = match (points.first(), points.last()) {
        (Some(a), Some(b)) => (a.week, b.week),
        _ => (0, 0),
    };
    let x = move |week: i64| -> f32 {
        if last == first {
            (LEFT + WIDTH - RIGHT) / 2.0
        } else {
            LEFT + (week - first) as f32 / (last - first) as f32 * (WIDTH - LEFT - RIGHT)
        }
    };
    let y = |value: f64| -> f32 { TOP + (10.0 - value as f32) / 10.0 * (HEIGHT - TOP - BOTTOM) };
    // A line through one side's points, lifting the pen over missing weeks.
    let line = |side: fn(&WeekPoint) -> f64| -> String {
        let mut d = String::new();
        let mut previous = None;
        for p in &points {
            let pen = if previous == Some(p.week - 1) { 'L' } else { 'M' };
            d.push_str(&format!("{pen}{} {}", number(x(p.week)), number(y(side(p)))));
            previous = Some(p.week);
        }
        d
    };
    let before = line(|p| p.before.value());
    let after = line(|p| p.after.value());
    let dots = points
        .iter()
        .flat_map(|p| {
            [("dot-before", p.before.value()), ("dot-after", p.after.value())].map(|(class, v)| {
                view! { <circle class=class cx=number(x(p.week)) cy=number(y(v)) r="3.5" /> }
            })
        })
        .collect_any();
    let grid = [0.0, 5.0, 10.0]
        .into_iter()
        .map(|v| {
            let at = number(y(v));
            view! {
                <line class="grid" x1=number(LEFT) x2=number(WIDTH - RIGHT) y1=at.clone() y2=at.clone() />
                <text class="axis" x=number(LEFT - 6.0) y=number(y(v) + 4.0) text-anchor="end">
                    {v.to_string()}
                </text>
            }
        })
        .collect_any();
    let day = |p: &WeekPoint| format::day_month(p.monday.2, p.monday.1);
    let labels = match (points.first(), points.last()) {
        (Some(a), Some(b)) if a.week != b.week => {
            vec![(x(a.week), "start", day(a)), (x(b.week), "end", day(b))]
        }
        (Some(a), _) => vec![(x(a.week), "middle", day(a))],
        _ => Vec::new(),
    };
    let labels = labels
        .into_iter()
        .map(|(at, anchor, text)| {
            view! {
                <text class="axis" x=number(at) y=number(HEIGHT - 6.0) text-anchor=anchor>
                    {text}
                </text>
            }
        })
        .collect_any();
    let rows = points
        .iter()
        .map(|p| {
            view! {
                <tr>
                    <th scope="row">{fill(key::RECORD_WEEK_OF, &[("date", &day(p))])}</th>
                    <td>{p.sessions}</td>
                    <td>{p.before.number()}</td>
                    <td>{p.after.number()}</td>
                </tr>
            }
        })
        .collect_any();
    view! {
        <figure class="own-chart" data-testid="own-chart">
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") aria-hidden="true">
                {grid}
                <path class="line-before" d=before />
                <path class="line-after" d=after />
                {dots}
                {labels}
            </svg>
            <figcaption class="legend small" aria-hidden="true">
                <span class="key-before">{get(key::RECORD_BEFORE)}</span>
                <span class="key-after">{get(key::RECORD_AFTER)}</span>
                // Its own line, whole, when the three do not fit on one:
                // never a line that begins with the separator.
                <span class="legend-note">{get(key::RECORD_LEGEND_NOTE)}</span>
            </figcaption>
            // In a box of its own: a table grows to fit its cells, and would
            // widen the page, whatever width it is given.
            <div class="visually-hidden">
                <table data-testid="own-table">
                    <caption>{fill(key::RECORD_TABLE_CAPTION, &[("measure", &measure.label())])}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{get(key::RECORD_WEEK)}</th>
                            <th scope="col">{get(key::RECORD_SESSIONS)}</th>
                            <th scope="col">{get(key::RECORD_BEFORE)}</th>
                            <th scope="col">{get(key::RECORD_AFTER)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </figure>
    }
}
