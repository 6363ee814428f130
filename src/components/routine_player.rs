//! The player for one routine: the get-ready countdown, the step under
//! way with its instructions and controls, the summary at the end, and the
//! list of steps.

use crate::applies::Limit;
use crate::components::calendar_reminder::CalendarReminder;
use crate::components::handout::Handout;
use crate::components::motion::MotionIcon;
use crate::components::rating_questions::{AfterQuestion, BeforeQuestion, MeasurePicker};
use crate::components::rich::{rich, Inset};
use crate::components::safety::SafetyNote;
use crate::components::sound_settings::SoundSettings;
use crate::components::{reveal_when_shown, CollectAny};
use crate::content::{content, whole, Caution, Pressure, Routine, RoutineStep};
use crate::format;
use crate::route::Route;
use crate::state::player::{keep, step_words, Player};
use crate::state::Nav;
use crate::state::Saved;
use crate::text::{count, fill, get, key};
use crate::timer::{clock, Action, Status};
use leptos::prelude::*;

/// The player for one routine: countdown, instructions, controls, steps.
#[component]
pub fn RoutinePlayer(
    routine: &'static Routine,
    /// More controls for this routine (an own routine's Edit and Share),
    /// shown with the reminder under Start and under the summary.
    #[prop(optional, into)]
    actions: Option<ViewFn>,
) -> impl IntoView {
    let player = expect_context::<Player>();
    // What the person said applies to them leaves out the zones it rules
    // out; the leg check is still asked if the routine as written works
    // the legs.
    let ask_legs = content().works_legs(routine);
    let adapted = expect_context::<Saved>()
        .applies_untracked()
        .adapt(&whole().cautions, routine);
    let left_out = adapted.left_out;
    let routine = if left_out.is_empty() {
        routine
    } else {
        keep(adapted.routine)
    };
    player.load(routine);
    let snapshot = player.snapshot_memo();
    // Opened, the routine's title is at the top and has focus, so the
    // next Tab reaches what comes first: the safety note, then Start.
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move || {
        if let Some(h) = heading.get() {
            request_animation_frame(move || crate::browser::reveal::reveal(&h, &h));
        }
    });
    let status = move || snapshot.get().status;

    view! {
        <div class="player" data-testid="player" data-status=move || status_name(status())>
            <p class="eyebrow">
                {rich(
                    get(key::PLAYER_EYEBROW),
                    vec![
                        (
                            "routines_link",
                            Inset::Link {
                                href: "#routines".into(),
                                class: Some("back"),
                                text: get(key::NAV_ROUTINES).into(),
                            },
                        ),
                        ("duration", Inset::Plain(format::duration(routine.steps.iter().map(|s| s.seconds).sum()))),
                        ("safety_link", Inset::link("#safety", get(key::NAV_SAFETY))),
                    ],
                )}
            </p>
            <h2 id="routine-title" tabindex="-1" node_ref=heading>{routine.name.clone()}</h2>
            <p class="visually-hidden" aria-live="polite">{move || player.announcement()}</p>
            {move || match status() {
                Status::Idle => {
                    view! { <Intro routine ask_legs left_out=left_out.clone() actions=actions.clone() /> }.into_any()
                }
                Status::Finished => view! { <Summary routine actions=actions.clone() /> }.into_any(),
                _ => view! { <Now routine /> }.into_any(),
            }}
            <SoundSettings />
            <p class="measure-setting">
                <MeasurePicker />
            </p>
            <StepList routine />
            <Handout routine />
        </div>
    }
}

/// Before starting: what the routine is, and Start; before a first
/// routine, the safety note comes first, and before every routine that
/// works the legs, every time, a plain question about the signs of a clot.
/// "No" starts; "Yes" shows the clot caution instead, and nothing starts.
#[component]
fn Intro(
    routine: &'static Routine,
    /// Whether the routine as written works the legs.
    ask_legs: bool,
    /// The steps left out for what the person said applies to them.
    left_out: Vec<(RoutineStep, &'static Caution)>,
    /// More controls for this routine, beside the reminder.
    actions: Option<ViewFn>,
) -> impl IntoView {
    let player = expect_context::<Player>();
    // Changes once at most: other settings changing leave the button alone.
    let safety_seen = Memo::new(move |_| player.settings().safety_seen);
    let nothing_left = routine.steps.is_empty();
    // Whether the leg check was answered "yes".
    let signs = RwSignal::new(false);
    let start = move || player.act(Action::Start);
    let leg_check = move || {
        ask_legs.then(|| {
            view! {
                <p class="leg-check" data-testid="leg-check">
                    {whole().safety.leg_check.clone()}
                    " "
                    <a href="#safety">{get(key::PLAYER_SIGNS_LINK)}</a>
                </p>
            }
            .into_any()
        })
    };
    let yes = move || {
        ask_legs.then(|| {
            view! {
                <button type="button" class="big" data-testid="leg-check-yes" on:click=move |_| signs.set(true)>
                    {get(key::PLAYER_YES)}
                </button>
            }
            .into_any()
        })
    };
    view! {
        <p>
            {if routine.summary.is_empty() {
                fill(
                    key::PLAYER_OWN_SUMMARY,
                    &[
                        ("steps", &count(key::COUNTS_STEPS, routine.steps.len() as u64, &[])),
                        ("duration", &format::duration(routine.steps.iter().map(|s| s.seconds).sum())),
                    ],
                )
            } else {
                routine.summary.clone()
            }}
        </p>
        {left_out_note(&left_out)}
        {move || {
            if nothing_left {
                view! { <p class="applied stop" data-testid="nothing-left">{get(key::PLAYER_NOTHING_LEFT)}</p> }.into_any()
            } else if signs.get() {
                view! { <ClotSigns signs /> }.into_any()
            } else if safety_seen.get() {
                view! {
                    <BeforeQuestion />
                    {leg_check()}
                    <button type="button" class="primary big" data-testid="start" on:click=move |_| start()>
                        {get(if ask_legs { key::PLAYER_NO_START } else { key::PLAYER_START })}
                    </button>
                    {yes()}
                }
                    .into_any()
            } else {
                view! {
                    <section class="safety-gate" data-testid="safety-gate" aria-labelledby="gate-title">
                        <h3 id="gate-title">{get(key::PLAYER_GATE_TITLE)}</h3>
                        <SafetyNote compact=true />
                        <BeforeQuestion />
                        {leg_check()}
                        <button
                            type="button"
                            class="primary big"
                            data-testid="start"
                            on:click=move |_| {
                                player.mark_safety_seen();
                                start();
                            }
                        >
                            {get(if ask_legs { key::PLAYER_READ_NO_START } else { key::PLAYER_READ_START })}
                        </button>
                        {yes()}
                    </section>
                }
                    .into_any()
            }
        }}
        // Under Start: a reminder is wanted when choosing a routine.
        <StartActions routine actions />
        <p class="small keys-hint">
            {fill(key::PLAYER_KEYS_HINT, &[("seconds", &(crate::state::player::GET_READY_MS / 1000))])}
        </p>
    }
}

/// Which steps were left out, and for which of the conditions the person
/// said apply to them, one line per condition; nothing if none was.
fn left_out_note(left_out: &[(RoutineStep, &'static Caution)]) -> Option<AnyView> {
    if left_out.is_empty() {
        return None;
    }
    let mut lines: Vec<(&'static Caution, Vec<String>)> = Vec::new();
    for (step, caution) in left_out {
        let name = crate::state::player::step_zone(step).full_name(content());
        match lines.iter_mut().find(|(c, _)| c.id == caution.id) {
            Some((_, names)) if names.contains(&name) => {}
            Some((_, names)) => names.push(name),
            None => lines.push((caution, vec![name])),
        }
    }
    Some(
        view! {
            <div class="applied" data-testid="left-out">
                {lines
                    .into_iter()
                    .map(|(caution, names)| {
                        let who = caution.who.clone().unwrap_or_default();
                        view! {
                            <p data-caution=caution.id.clone()>
                                {fill(key::PLAYER_LEFT_OUT, &[("who", &who), ("zones", &names.join(", "))])}
                            </p>
                        }
                    })
                    .collect_any()}
                <p class="small">
                    <a href="#safety">{get(key::PLAYER_CHANGE_APPLIES)}</a>
                </p>
            </div>
        }
        .into_any(),
    )
}

/// What a "yes" to the leg check shows: the clot caution, in place of
/// Start, with a way back to the question for a wrong tap.
#[component]
fn ClotSigns(signs: RwSignal<bool>) -> impl IntoView {
    let caution = whole().cautions.iter().find(|c| c.id == "dvt");
    view! {
        <section class="leg-stop" data-testid="leg-check-stop" role="alert">
            <h3>{caution.map(|c| c.title.clone())}</h3>
            <p>{caution.map(|c| c.text.clone())}</p>
            <p>
                {rich(
                    get(key::PLAYER_LEGS_STOP),
                    vec![("safety_link", Inset::link("#safety", get(key::PLAYER_LEGS_STOP_LINK)))],
                )}
            </p>
            <p>
                <a href="#routines">{get(key::PLAYER_BACK_TO_ROUTINES)}</a>
                {get(key::COMMON_SEPARATOR)}
                <button type="button" class="quiet" data-testid="leg-check-back" on:click=move |_| signs.set(false)>
                    {get(key::PLAYER_TAPPED_YES)}
                </button>
            </p>
        </section>
    }
}

/// While under way: the step, a countdown ring, what comes next, controls.
#[component]
fn Now(routine: &'static Routine) -> impl IntoView {
    let player = expect_context::<Player>();
    let snapshot = player.snapshot_memo();
    // The step alone changes only at step changes, not every second.
    let step_index = Memo::new(move |_| snapshot.get().step);
    let step = move || {
        step_index
            .get()
            .and_then(|i| routine.steps.get(i).map(|s| (i, s)))
    };
    let total_ms: u64 = routine.steps.iter().map(|s| u64::from(s.seconds) * 1000).sum();
    // The ring: a circle whose dash shrinks as the step runs out.
    let circumference = 2.0 * std::f32::consts::PI * 52.0;
    let dash_offset = move || {
        let done = snapshot.get().progress.clamp(0.0, 1.0);
        crate::map::geometry::number(circumference * done)
    };
    let paused = move || snapshot.get().status == Status::Paused;
    let get_ready = move || snapshot.get().status == Status::GetReady;
    // "Now the right foot.", on the first step on another foot or leg.
    let switch = move || crate::state::player::side_switch_at(routine, step_index.get()?);
    // Once shown, the countdown and controls come into view and the main
    // control takes focus: the Start button that had it is gone.
    let block = NodeRef::<leptos::html::Div>::new();
    let main_control = NodeRef::<leptos::html::Button>::new();
    reveal_when_shown(block, main_control);

    view! {
        <div class="now" class:is-paused=paused node_ref=block>
            <p class="step-count">
                {move || match (snapshot.get().status, step()) {
                    (Status::GetReady, _) => get(key::PLAYER_GET_READY).to_string(),
                    (Status::Paused, Some((i, _))) => {
                        fill(key::PLAYER_PAUSED_STEP, &[("number", &(i + 1)), ("total", &routine.steps.len())])
                    }
                    (_, Some((i, _))) => fill(key::PLAYER_STEP, &[("number", &(i + 1)), ("total", &routine.steps.len())]),
                    _ => String::new(),
                }}
            </p>
            <p class="switch" data-testid="switch">{switch}</p>
            <h3 class="step-zone" data-testid="step-zone">
                {move || step().map(|(_, s)| crate::state::player::step_zone(s).full_name(content()))}
            </h3>
            <div class="ring-wrap">
                <svg class="countdown-ring" viewBox="0 0 120 120" aria-hidden="true">
                    <circle class="ring-track" cx="60" cy="60" r="52" />
                    <circle
                        class="ring-left"
                        cx="60"
                        cy="60"
                        r="52"
                        stroke-dasharray=crate::map::geometry::number(circumference)
                        stroke-dashoffset=dash_offset
                    />
                </svg>
                <div class="countdown" role="timer" data-testid="countdown" data-step=move || {
                    snapshot.get().step.map(|i| i.to_string()).unwrap_or_default()
                }>
                    {move || clock(snapshot.get().remaining_ms)}
                </div>
            </div>
            <Controls main=main_control />
            <p class="up-next">
                {move || {
                    let next = if get_ready() { step().map(|(i, _)| i) } else { step().map(|(i, _)| i + 1) };
                    match next.and_then(|i| routine.steps.get(i)) {
                        Some(s) if !get_ready() => fill(key::PLAYER_NEXT, &[("step", &step_words(s))]),
                        Some(_) => String::new(),
                        None => get(key::PLAYER_LAST_STEP).into(),
                    }
                }}
            </p>
            <div class="overall" aria-hidden="true">
                <div class="overall-bar" style:width=move || format!("{}%", (snapshot.get().overall * 100.0) as u32)></div>
            </div>
            <p class="small overall-text">
                {move || {
                    let done = (snapshot.get().overall * total_ms as f32) as u64;
                    fill(key::PLAYER_PROGRESS, &[("done", &clock(done)), ("total", &clock(total_ms))])
                }}
            </p>
            {move || step().map(|(_, s)| view! { <Instructions step=s /> })}
        </div>
    }
}

/// The zone's steps for the technique a routine step asks for.
#[component]
fn Instructions(step: &'static crate::content::RoutineStep) -> impl IntoView {
    // The numbered how-to travels apart from the map's content.
    let zone = crate::state::player::step_zone(step).content(whole());
    let method = zone.methods.iter().find(|m| m.technique == step.technique);
    // Light pressure where what the person said applies to them asks it.
    let light = expect_context::<Saved>()
        .applies_untracked()
        .limit(&whole().cautions, &step.zone);
    let technique = content()
        .technique(&step.technique)
        .map(|t| t.name.clone())
        .unwrap_or_default();
    // Lighter than written: why, in the words of the condition's caution.
    let lightened = match (light, method) {
        (Limit::Light(caution), Some(m)) if m.pressure != Pressure::Light => Some(view! {
            <p class="applied" data-testid="step-applied" data-caution=caution.id.clone()>
                <strong>{caution.who.clone()}</strong>
                " "
                {caution.brief.clone()}
            </p>
        }),
        _ => None,
    };
    view! {
        <div class="instructions">
            <div class="method-head">
                <p class="technique">
                    <strong>{technique}</strong>
                    {method.map(|m| format!("{}{}", get(key::COMMON_SEPARATOR), light.pressure(m.pressure).label()))}
                </p>
                <MotionIcon technique=step.technique.as_str() />
            </div>
            {lightened}
            // Open at first; folded away by those who know the move.
            <details class="how" open=true>
                <summary>{get(key::PLAYER_HOW)}</summary>
                <ol class="steps" data-testid="how-steps">
                    {method
                        .map(|m| m.steps.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_any())}
                </ol>
            </details>
        </div>
    }
}

/// Back, pause or resume, next and stop: big enough for oily fingers.
#[component]
fn Controls(
    /// Set to the pause and resume button, the one focus goes to.
    main: NodeRef<leptos::html::Button>,
) -> impl IntoView {
    let player = expect_context::<Player>();
    let paused = move || player.snapshot().status == Status::Paused;
    view! {
        <div class="controls">
            <button type="button" data-testid="previous" aria-label=get(key::PLAYER_PREVIOUS_LABEL) on:click=move |_| player.act(Action::Previous)>
                "◀◀"
            </button>
            <button
                type="button"
                class="primary"
                data-testid="pause"
                node_ref=main
                on:click=move |_| player.act(if paused() { Action::Resume } else { Action::Pause })
            >
                {move || get(if paused() { key::COMMON_RESUME } else { key::COMMON_PAUSE })}
            </button>
            <button type="button" data-testid="next" aria-label=get(key::PLAYER_NEXT_LABEL) on:click=move |_| player.act(Action::Next)>
                "▶▶"
            </button>
            <button type="button" data-testid="stop" on:click=move |_| player.act(Action::Stop)>
                {get(key::PLAYER_STOP)}
            </button>
        </div>
        // For anyone who cannot see the countdown (which screen readers do
        // not read out every second): the time left, said once, on request.
        <button type="button" class="quiet time-left" data-testid="time-left" aria-keyshortcuts="T" on:click=move |_| player.tell_time_left()>
            {get(key::PLAYER_TIME_LEFT)}
        </button>
        // Shown as well, until the next step (the live region says it).
        {move || {
            player
                .time_left_shown()
                .map(|text| view! { <p class="time-left-said" data-testid="time-left-said" aria-hidden="true">{text}</p> })
        }}
    }
}

/// The reminder and any more controls for `routine`, in a row.
#[component]
fn StartActions(routine: &'static Routine, actions: Option<ViewFn>) -> impl IntoView {
    view! {
        <div class="start-actions">
            {actions.map(|a| a.run())}
            <CalendarReminder routine />
        </div>
    }
}

/// At the end: what was done.
#[component]
fn Summary(routine: &'static Routine, actions: Option<ViewFn>) -> impl IntoView {
    let player = expect_context::<Player>();
    let nav = expect_context::<Nav>();
    let summary = player.summary();
    let headline = get(if summary.early {
        key::PLAYER_STOPPED_EARLY
    } else {
        key::PLAYER_ALL_DONE
    });
    let minutes = (summary.worked_ms + 30_000) / 60_000;
    let text = fill(
        if summary.early {
            key::PLAYER_SUMMARY_EARLY
        } else {
            key::PLAYER_SUMMARY_DONE
        },
        &[
            ("completed", &summary.completed),
            ("total", &summary.steps),
            (
                "duration",
                &if minutes == 0 {
                    format::duration((summary.worked_ms / 1000) as u32)
                } else {
                    format::duration(minutes as u32 * 60)
                },
            ),
        ],
    );
    // Focus goes to the headline, which reads the summary's sentence with
    // it (the buttons are not read as part of it).
    let heading = NodeRef::<leptos::html::H3>::new();
    Effect::new(move || {
        if let Some(h) = heading.get() {
            request_animation_frame(move || crate::browser::reveal::reveal(&h, &h));
        }
    });
    view! {
        <div class="summary" data-testid="summary">
            <h3 id="summary-title" tabindex="-1" node_ref=heading aria-describedby="summary-text">
                {headline}
            </h3>
            <p id="summary-text">{text}</p>
            <AfterQuestion />
            <div class="controls">
                <button type="button" class="primary" data-testid="start" on:click=move |_| player.act(Action::Start)>
                    {get(key::PLAYER_START_AGAIN)}
                </button>
                <button type="button" on:click=move |_| nav.go(Route::Routines)>
                    {get(key::PLAYER_OTHER_ROUTINES)}
                </button>
            </div>
            // And after it, when a routine has just done some good.
            <StartActions routine actions />
            <p class="small">
                <a href="#history">{get(key::PLAYER_PRACTICE_LINK)}</a>
            </p>
        </div>
    }
}

/// Every step, each a button that jumps there.
#[component]
fn StepList(routine: &'static Routine) -> impl IntoView {
    let player = expect_context::<Player>();
    let under_way = Memo::new(move |_| {
        matches!(
            player.snapshot().status,
            Status::GetReady | Status::Running | Status::Paused
        )
    });
    let current = Memo::new(move |_| under_way.get().then(|| player.snapshot().step).flatten());
    view! {
        <details class="step-list" open=true>
            <summary>{count(key::PLAYER_ALL_STEPS, routine.steps.len() as u64, &[])}</summary>
            // A step starts nothing: a routine begins only through its
            // start, after the safety note and the leg check.
            <p class="small" hidden=move || under_way.get()>
                {get(key::PLAYER_JUMP_HINT)}
            </p>
            <ol>
                {routine
                    .steps
                    .iter()
                    .enumerate()
                    .map(|(i, s)| {
                        let is_current = move || current.get() == Some(i);
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="step-button"
                                    class:is-current=is_current
                                    aria-current=move || is_current().then_some("step")
                                    disabled=move || !under_way.get()
                                    on:click=move |_| player.act(Action::Jump(i))
                                >
                                    <span>{step_words(s)}</span>
                                    <span class="small">{format::duration(s.seconds)}</span>
                                </button>
                            </li>
                        }
                    })
                    .collect_any()}
            </ol>
        </details>
    }
}

fn status_name(status: Status) -> &'static str {
    match status {
        Status::Idle => "idle",
        Status::GetReady => "get-ready",
        Status::Running => "running",
        Status::Paused => "paused",
        Status::Finished => "finished",
    }
}
