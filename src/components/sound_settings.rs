//! How a routine sounds and paces itself: chime, voice, buzz, and whether
//! each step waits for Next.

use crate::components::CollectAny;
use crate::settings::{Settings, Sound};
use crate::state::player::Player;
use crate::text::{get, key};
use leptos::prelude::*;

/// Sound and pacing settings, saved for next time.
#[component]
pub fn SoundSettings() -> impl IntoView {
    let player = expect_context::<Player>();
    view! {
        <fieldset class="settings">
            <legend>{get(key::SOUND_LEGEND)}</legend>
            <div class="segmented">
                {Sound::ALL
                    .into_iter()
                    .map(|sound| {
                        view! {
                            <button
                                type="button"
                                aria-pressed=move || (player.settings().sound == sound).to_string()
                                disabled=move || !player.abilities().allows(sound)
                                on:click=move |_| player.set_sound(sound)
                            >
                                {sound.label()}
                            </button>
                        }
                    })
                    .collect_any()}
            </div>
            // What each chime means, for someone listening, not looking.
            <p class="small" data-testid="chimes-explained">{get(key::SOUND_CHIMES_EXPLAINED)}</p>
            {move || {
                player
                    .abilities()
                    .limits()
                    .into_iter()
                    .map(|limit| view! { <p class="small limit" data-testid="limit">{limit}</p> })
                    .collect_any()
            }}
            {check(player, "manual", |s| s.manual, Player::set_manual, get(key::SOUND_MANUAL))}
            {check(player, "reader", |s| s.reader, Player::set_reader, get(key::SOUND_READER))}
            {check(player, "cues", |s| s.cues, Player::set_cues, get(key::SOUND_CUES))}
            {move || {
                player
                    .abilities()
                    .vibrate
                    .then(|| check(player, "vibrate", |s| !s.no_vibrate, Player::set_vibrate, get(key::SOUND_VIBRATE)))
            }}
        </fieldset>
    }
}

/// One setting ticked on (`on` reads it) or off (`set` saves it).
fn check(
    player: Player,
    testid: &'static str,
    on: fn(Settings) -> bool,
    set: fn(Player, bool),
    label: &'static str,
) -> impl IntoView {
    view! {
        <label class="check">
            <input
                type="checkbox"
                data-testid=testid
                prop:checked=move || on(player.settings())
                on:change=move |ev| set(player, event_target_checked(&ev))
            />
            " "
            {label}
        </label>
    }
}
