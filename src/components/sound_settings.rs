//! How a routine sounds and paces itself: chime, voice, buzz, and whether
//! each step waits for Next.

use crate::components::CollectAny;
use crate::settings::Sound;
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
            {move || {
                player
                    .abilities()
                    .limits()
                    .into_iter()
                    .map(|limit| view! { <p class="small limit" data-testid="limit">{limit}</p> })
                    .collect_any()
            }}
            <label class="check">
                <input
                    type="checkbox"
                    prop:checked=move || player.settings().manual
                    on:change=move |ev| player.set_manual(event_target_checked(&ev))
                />
                " "
                {get(key::SOUND_MANUAL)}
            </label>
            <label class="check">
                <input
                    type="checkbox"
                    data-testid="reader"
                    prop:checked=move || player.settings().reader
                    on:change=move |ev| player.set_reader(event_target_checked(&ev))
                />
                " "
                {get(key::SOUND_READER)}
            </label>
            <label class="check">
                <input
                    type="checkbox"
                    data-testid="cues"
                    prop:checked=move || player.settings().cues
                    on:change=move |ev| player.set_cues(event_target_checked(&ev))
                />
                " "
                {get(key::SOUND_CUES)}
            </label>
            {move || {
                player
                    .abilities()
                    .vibrate
                    .then(|| {
                        view! {
                            <label class="check">
                                <input
                                    type="checkbox"
                                    data-testid="vibrate"
                                    prop:checked=move || !player.settings().no_vibrate
                                    on:change=move |ev| player.set_vibrate(event_target_checked(&ev))
                                />
                                " "
                                {get(key::SOUND_VIBRATE)}
                            </label>
                        }
                    })
            }}
        </fieldset>
    }
}
