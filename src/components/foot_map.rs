//! The clickable map: every view of both feet, each zone a button.

use crate::components::CollectAny;
use crate::content::{content, Side, View};
use crate::map::{self, geometry::number, geometry::polygon_path};
use crate::route::{Route, ZoneKey};
use crate::state::Nav;
use crate::text::{fill, get, key};
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

/// Space between the left and right drawing of a view, in drawing units.
pub const GAP: f32 = 24.0;
/// Room under the drawings for the "Left" and "Right" captions, as a share
/// of the drawing's height (views differ in size but show at one height).
pub const CAPTION: f32 = 0.085;
/// Text size as a share of the view's height: the same on screen in every view.
pub const FONT: f32 = 0.048;

/// The zones traditional reflexology charts assign a body part, numbered
/// for the map's markers and the legend.
fn reflexology_chart() -> impl Iterator<Item = (usize, &'static crate::content::Zone, &'static str)> {
    content()
        .zones
        .iter()
        .filter_map(|z| z.reflexology.as_deref().map(|area| (z, area)))
        .enumerate()
        .map(|(i, (zone, area))| (i + 1, zone, area))
}

/// All views of the feet. On wide screens they sit side by side; on narrow
/// ones a row of tabs switches between them.
#[component]
pub fn FootMap() -> impl IntoView {
    let nav = expect_context::<Nav>();
    // The map is one Tab stop: the zone last focused, else the selected
    // one, else the first; the arrow keys move between the zones.
    provide_context(TabStop(RwSignal::new(None)));
    // Whether the traditional reflexology chart is drawn over the map.
    let layer = RwSignal::new(false);
    let on_tab_key = move |ev: KeyboardEvent| {
        let i = View::ALL
            .iter()
            .position(|v| *v == nav.view.get_untracked())
            .unwrap_or(0);
        let next = match ev.key().as_str() {
            "ArrowRight" => (i + 1) % View::ALL.len(),
            "ArrowLeft" => (i + View::ALL.len() - 1) % View::ALL.len(),
            "Home" => 0,
            "End" => View::ALL.len() - 1,
            _ => return,
        };
        ev.prevent_default();
        nav.view.set(View::ALL[next]);
        crate::browser::focus::to_id(&format!("tab-{}", View::ALL[next].slug()));
    };

    view! {
        <section class="map" aria-labelledby="map-title">
            <h2 id="map-title" class="visually-hidden">{get(key::MAP_HEADING)}</h2>
            // Shared hatch pattern: highlighted zones get a pattern as well as
            // a colour, so the highlight does not rely on colour alone.
            <svg class="defs" aria-hidden="true" width="0" height="0">
                <defs>
                    <pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <rect class="hatch-bg" width="6" height="6" />
                        <path class="hatch-line" d="M0 0V6" />
                    </pattern>
                    <pattern id="dots" width="7" height="7" patternUnits="userSpaceOnUse">
                        <rect class="dots-bg" width="7" height="7" />
                        <circle class="dots-dot" cx="3.5" cy="3.5" r="1.6" />
                    </pattern>
                </defs>
            </svg>
            <div class="tabs" role="tablist" aria-label=get(key::MAP_VIEWS_LABEL) on:keydown=on_tab_key>
                {View::ALL
                    .into_iter()
                    .map(|view| {
                        let active = move || nav.view.get() == view;
                        view! {
                            <button
                                type="button"
                                role="tab"
                                id=format!("tab-{}", view.slug())
                                aria-controls=format!("view-{}", view.slug())
                                aria-selected=move || active().to_string()
                                tabindex=move || if active() { "0" } else { "-1" }
                                on:click=move |_| nav.view.set(view)
                            >
                                {view.short_title()}
                            </button>
                        }
                    })
                    .collect_any()}
            </div>
            <div class="views">
                {View::ALL.into_iter().map(|view| view! { <MapView view layer /> }).collect_any()}
            </div>
            <div class="map-tools">
                <p class="map-hint">{get(key::MAP_HINT)}</p>
                <button
                    type="button"
                    class="layer-toggle"
                    data-testid="reflexology-toggle"
                    aria-pressed=move || layer.get().to_string()
                    on:click=move |_| layer.update(|on| *on = !*on)
                >
                    {get(key::MAP_REFLEXOLOGY_TOGGLE)}
                </button>
            </div>
            {move || layer.get().then(|| view! { <ReflexologyLegend /> })}
            // The key to the printed chart; only on paper.
            <ol class="print-legend" aria-hidden="true">
                {content().zones.iter().map(|z| view! { <li>{z.name.clone()}</li> }).collect_any()}
            </ol>
        </section>
    }
}

/// One view: the left and right drawings side by side in one SVG.
#[component]
fn MapView(view: View, layer: RwSignal<bool>) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let art = map::art(view);
    let (w, h) = (art.width, art.height);
    let total_w = 2.0 * w + GAP;
    let total_h = h * (1.0 + CAPTION);
    let font = total_h * FONT;
    // The zone under the pointer and the one with keyboard focus.
    let pointed = Pointed {
        hovered: RwSignal::new(None),
        focused: RwSignal::new(None),
    };
    let slug = view.slug();

    // The name tag: SVG text with a halo, kept inside the drawing's width.
    let practice = nav.practice();
    let tag = move || {
        let current = practice
            .current_zone()
            .filter(|k| art.regions.iter().any(|r| r.zone == k.zone));
        let key = pointed
            .focused
            .get()
            .or_else(|| pointed.hovered.get())
            .or(current)?;
        let region = art.regions.iter().find(|r| r.zone == key.zone)?;
        // The zone's own name (the foot's is under it), on its own foot:
        // smaller if it would not fit there.
        let name = key.content(content()).name.clone();
        let chars = name.chars().count() as f32;
        let size = font.min(w / (chars * 0.56));
        let half = chars * size * 0.28;
        let (x, start) = on_foot(key.side, region.anchor.0, w);
        // (min and max: `clamp` would carry a panic's message for nothing.)
        let x = x.min(start + w - half).max(start + half);
        Some(
            view! {
                <text
                    class="tag"
                    x=number(x)
                    y=number(region.anchor.1)
                    font-size=number(size)
                    text-anchor="middle"
                    aria-hidden="true"
                >
                    {name}
                </text>
            }
            .into_any(),
        )
    };

    view! {
        // A div: a figure may not be a tab panel.
        <div
            class="view"
            class:is-active=move || nav.view.get() == view
            id=format!("view-{slug}")
            role="tabpanel"
            aria-labelledby=format!("tab-{slug}")
            data-view=slug
        >
            <p class="view-title">{view.title()}</p>
            <div class="drawing">
                <svg
                    viewBox=format!("0 0 {} {}", number(total_w), number(total_h))
                    role="group"
                    aria-label=view.title()
                >
                    {Side::BOTH
                        .into_iter()
                        .map(|side| {
                            let transform = match side {
                                Side::Left => format!("translate({} 0) scale(-1 1)", number(w)),
                                Side::Right => format!("translate({} 0)", number(w + GAP)),
                            };
                            let clip = format!("clip-{slug}-{}", side.slug());
                            let caption_x = match side {
                                Side::Left => w / 2.0,
                                Side::Right => w + GAP + w / 2.0,
                            };
                            view! {
                                <g transform=transform>
                                    <clipPath id=clip.clone()>
                                        <path d=art.outline />
                                    </clipPath>
                                    <path class="skin" d=art.outline />
                                    <g clip-path=format!("url(#{clip})")>
                                        {art
                                            .regions
                                            .iter()
                                            .map(|region| {
                                                let key = ZoneKey::parse(
                                                        &format!("{}-{}", side.slug(), region.zone),
                                                        content(),
                                                    )
                                                    .expect("every drawn zone has content");
                                                view! { <ZoneShape key d=polygon_path(region.points) pointed /> }
                                            })
                                            .collect_any()}
                                        <Rings side pointed art />
                                    </g>
                                    <path class="outline" d=art.outline />
                                    {art
                                        .details
                                        .iter()
                                        .map(|d| view! { <path class="detail" d=*d /> })
                                        .collect_any()}
                                </g>
                                <text
                                    class="side"
                                    x=number(caption_x)
                                    y=number(h * (1.0 + CAPTION * 0.75))
                                    font-size=number(font)
                                    text-anchor="middle"
                                >
                                    {side.title()}
                                </text>
                            }
                        })
                        .collect_any()}
                    // The move of a step under way (drawn by the practice).
                    {move || practice.motion_on_map(view)}
                    {tag}
                    {move || layer.get().then(|| markers(art, w, font, reflexology_chart().map(|(n, z, _)| (n, z)), "reflex-marker"))}
                    // On paper every zone carries its number in the key below.
                    {markers(art, w, font, content().zones.iter().enumerate().map(|(i, z)| (i + 1, z)), "print-marker")}
                </svg>
            </div>
        </div>
    }
}

/// Where `x` of a drawing of width `w` falls on `side`'s foot in a view,
/// and where that foot's drawing starts.
pub fn on_foot(side: Side, x: f32, w: f32) -> (f32, f32) {
    match side {
        Side::Left => (w - x, 0.0),
        Side::Right => (w + GAP + x, w + GAP),
    }
}

/// Numbered markers on both feet of a view, for the zones listed: the
/// reflexology chart's, or on paper every zone's.
fn markers(
    art: &'static map::geometry::ViewArt,
    w: f32,
    font: f32,
    zones: impl Iterator<Item = (usize, &'static crate::content::Zone)>,
    class: &'static str,
) -> impl IntoView {
    zones
        .filter_map(|(n, zone)| art.regions.iter().find(|r| r.zone == zone.id).map(|r| (n, r.anchor)))
        .flat_map(|(n, (x, y))| [(n, w - x, y), (n, w + GAP + x, y)])
        .map(|(n, x, y)| {
            view! {
                <g class=class aria-hidden="true">
                    <circle cx=number(x) cy=number(y) r=number(font * 0.8) />
                    <text x=number(x) y=number(y + font * 0.33) font-size=number(font * 0.9) text-anchor="middle">
                        {n.to_string()}
                    </text>
                </g>
            }
        })
        .collect_any()
}

/// The key to the reflexology markers, marked as a tradition.
#[component]
fn ReflexologyLegend() -> impl IntoView {
    view! {
        <aside class="reflex-note" data-testid="reflexology-note" aria-label=get(key::MAP_REFLEXOLOGY_LABEL)>
            <p>
                <span class="claim-mark">{get(key::MAP_TRADITION_MARK)}</span>
                " "
                {content().reflexology.note.clone()}
                " "
                <a href="#evidence">{get(key::MAP_SOURCES_LINK)}</a>
            </p>
            <ol class="reflex-legend">
                {reflexology_chart()
                    .map(|(n, zone, area)| {
                        view! {
                            <li value=n.to_string()>
                                <strong>{zone.name.clone()}</strong>
                                ": "
                                {area}
                            </li>
                        }
                    })
                    .collect_any()}
            </ol>
        </aside>
    }
}

/// The zone the map's one Tab stop is on, once one has had focus.
#[derive(Clone, Copy)]
struct TabStop(RwSignal<Option<ZoneKey>>);

/// Which zone of a view the pointer is over, and which has keyboard focus.
#[derive(Clone, Copy)]
struct Pointed {
    hovered: RwSignal<Option<ZoneKey>>,
    /// Set only for focus the browser shows (`:focus-visible`), not clicks.
    focused: RwSignal<Option<ZoneKey>>,
}

/// One zone: a button-like SVG shape.
#[component]
fn ZoneShape(
    /// The zone on its side.
    key: ZoneKey,
    /// Path data of the zone's region (clipped to the outline by the parent).
    d: String,
    /// The zone under the pointer or keyboard focus in this view.
    pointed: Pointed,
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let practice = nav.practice();
    let TabStop(stop) = expect_context::<TabStop>();
    // In the view shown: the zone last focused, else the one selected,
    // else the view's first.
    let is_stop = move || {
        let view = nav.view.get();
        let here = |k: &ZoneKey| k.content(content()).view == view;
        let chosen = stop.get().filter(here).or_else(|| nav.selected().filter(here));
        match chosen {
            Some(k) => k == key,
            None => {
                map::art(view).regions.first().is_some_and(|r| r.zone == key.zone) && key.side == Side::Left
            }
        }
    };
    let clear = move |signal: RwSignal<Option<ZoneKey>>| {
        signal.update(|p| {
            if *p == Some(key) {
                *p = None
            }
        })
    };
    // While a routine is being built, a zone picked adds a step.
    let select = move || {
        if !practice.pick(key) {
            nav.go(Route::Zone(key))
        }
    };
    let on_key = move |ev: KeyboardEvent| {
        let by = match ev.key().as_str() {
            "Enter" | " " => {
                ev.prevent_default();
                return select();
            }
            "ArrowRight" | "ArrowDown" => 1,
            "ArrowLeft" | "ArrowUp" => -1,
            "Home" => i32::MIN,
            "End" => i32::MAX,
            _ => return,
        };
        ev.prevent_default();
        crate::browser::focus::move_among(".zone", by);
    };
    view! {
        <path
            class="zone"
            class:is-selected=move || nav.is_selected(key)
            class:is-current=move || practice.current_zone() == Some(key)
            class:is-benefit=move || {
                nav.benefit()
                    .and_then(|id| crate::route::benefit(id, content()))
                    .is_some_and(|claim| claim.covers(key.zone))
            }
            class:is-planned=move || practice.plans(key)
            class:is-ruled-out=move || practice.rules_out(key)
            d=d
            role="button"
            tabindex=move || if is_stop() { "0" } else { "-1" }
            aria-label=move || {
                let name = key.full_name(content());
                if practice.rules_out(key) {
                    fill(crate::text::key::MAP_RULED_OUT, &[("zone", &name)])
                } else {
                    name
                }
            }
            aria-pressed=move || nav.is_selected(key).to_string()
            data-zone=key.slug()
            on:click=move |_| select()
            on:keydown=on_key
            on:pointerenter=move |_| pointed.hovered.set(Some(key))
            on:pointerleave=move |_| clear(pointed.hovered)
            on:focus=move |ev| {
                stop.set(Some(key));
                if crate::browser::focus::is_visible(&ev) {
                    pointed.focused.set(Some(key));
                }
            }
            on:blur=move |_| clear(pointed.focused)
        />
    }
}

/// Rings drawn over the zones for the selected, hovered and focused zone, so a
/// ring is never hidden under a neighbour's fill.
#[component]
fn Rings(side: Side, pointed: Pointed, art: &'static map::geometry::ViewArt) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let practice = nav.practice();
    let ring = move |key: Option<ZoneKey>, class: &'static str| {
        key.filter(|k| k.side == side).and_then(|k| {
            let region = art.regions.iter().find(|r| r.zone == k.zone)?;
            Some(view! { <path class=class d=polygon_path(region.points) /> }.into_any())
        })
    };
    view! {
        {move || ring(nav.selected(), "ring ring-selected")}
        {move || ring(practice.current_zone(), "ring ring-current")}
        {move || ring(pointed.hovered.get(), "ring ring-hovered")}
        {move || ring(pointed.focused.get(), "ring ring-focused")}
    }
}
