//! A routine's track (`track::Plan`) played by a media element of its own,
//! which goes on with the screen off or the page frozen: the file is built
//! in the page (a `Blob` from one shared piece of silence and the few
//! pieces that sound), and the element is played, paused and moved here.
//! Safe where the browser lacks any of it: `load` says it could not, and
//! the player keeps to the page's own chimes.

use super::{call, global, property, window};
use crate::track::Plan;
use js_sys::{Array, Object, Reflect, Uint8Array};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};

/// Samples a piece: a second of track.
const PIECE: usize = crate::track::SAMPLE_RATE as usize;

/// The silence of unsigned 8-bit PCM.
const SILENCE: u8 = 128;

/// A position that has not moved for this long while playing is stuck.
const STUCK_AFTER_MS: u64 = 1_500;

struct Loaded {
    element: JsValue,
    url: JsValue,
    /// The last position seen, and when (page clock), to tell a track that
    /// plays from one that is stuck.
    seen: (u64, u64),
}

thread_local! {
    /// A pending [`unload_after`].
    static LATER: RefCell<Option<gloo_timers::callback::Timeout>> = const { RefCell::new(None) };
    static LOADED: RefCell<Option<Loaded>> = const { RefCell::new(None) };
    /// Set when a track failed to load or play: the page's chimes take
    /// over for the page's lifetime.
    static FAILED: RefCell<bool> = const { RefCell::new(false) };
}

/// Whether this browser can build a track and play it, and none has failed.
pub fn available() -> bool {
    let has = |name: &str| global(name).is_some_and(|c| c.is_function());
    has("Blob") && has("HTMLAudioElement") && url_api("createObjectURL").is_some() && !failed()
}

fn url_api(method: &str) -> Option<JsValue> {
    let url = global("URL")?;
    property(&url, method).map(|_| url)
}

/// Builds `plan`'s track and loads it into a new media element, in place
/// of any loaded before. False if it could not be done.
pub fn load(plan: &Plan) -> bool {
    unload();
    // For .ci/bench: how long building the track takes.
    super::mark("track-start");
    let built = build(plan).and_then(|blob| {
        let url = call(&url_api("createObjectURL")?, "createObjectURL", &[blob])?;
        let element: JsValue = window()?.document()?.create_element("audio").ok()?.into();
        Reflect::set(&element, &"preload".into(), &"auto".into()).ok()?;
        Reflect::set(&element, &"src".into(), &url).ok()?;
        Some(Loaded {
            element,
            url,
            seen: (u64::MAX, 0),
        })
    });
    let loaded = built.is_some();
    super::mark("track-ready");
    LOADED.with(|l| *l.borrow_mut() = built);
    if !loaded {
        FAILED.with(|f| *f.borrow_mut() = true);
    }
    loaded
}

/// The WAV file as a `Blob`: its header, then a second at a time, the
/// silent seconds all one shared array.
fn build(plan: &Plan) -> Option<JsValue> {
    // (One way into JS arrays, `Uint8Array::from`: each other one would
    // add to the glue every first visit downloads.)
    let parts = Array::new();
    parts.push(&Uint8Array::from(&plan.header()[..]));
    let silence = Uint8Array::from(&[SILENCE; PIECE][..]);
    let mut buffer = vec![0u8; PIECE];
    let total = plan.samples();
    let mut from = 0;
    while from < total {
        let size = PIECE.min(total - from);
        let piece = &mut buffer[..size];
        if plan.render(from, piece) || size < PIECE {
            parts.push(&Uint8Array::from(&piece[..]));
        } else {
            parts.push(&silence);
        }
        from += size;
    }
    let options = Object::new();
    Reflect::set(&options, &"type".into(), &"audio/wav".into()).ok()?;
    let class: js_sys::Function = global("Blob")?.dyn_into().ok()?;
    Reflect::construct(&class, &Array::of2(&parts, &options)).ok()
}

/// Lets the loaded track go, and the memory it holds.
pub fn unload() {
    LATER.with(|l| l.borrow_mut().take());
    if let Some(loaded) = LOADED.with(|l| l.borrow_mut().take()) {
        call(&loaded.element, "pause", &[]);
        call(&loaded.element, "removeAttribute", &["src".into()]);
        call(&loaded.element, "load", &[]);
        if let Some(url) = url_api("revokeObjectURL") {
            call(&url, "revokeObjectURL", &[loaded.url]);
        }
    }
}

/// Whether a track is loaded.
pub fn loaded() -> bool {
    LOADED.with(|l| l.borrow().is_some())
}

/// Lets go of a loaded track its element could not play (a file it could
/// not read): the page's chimes take over for the page's lifetime. True if
/// that happened.
fn failed() -> bool {
    if with_element(|e| property(e, "error").is_some()) == Some(true) {
        FAILED.with(|f| *f.borrow_mut() = true);
        unload();
    }
    FAILED.with(|f| *f.borrow())
}

fn with_element<T>(f: impl FnOnce(&JsValue) -> T) -> Option<T> {
    LOADED.with(|l| l.borrow().as_ref().map(|loaded| f(&loaded.element)))
}

/// Plays from `at_ms` (the track is moved only if it stands elsewhere,
/// and played only if paused).
pub fn play_from(at_ms: u64, now_ms: u64) {
    move_to(at_ms);
    if paused() {
        play(at_ms, now_ms);
    }
}

/// Plays the end from `at_ms`, unless the track has already reached it
/// (it is never moved back over a cue it has played).
pub fn finish_from(at_ms: u64, now_ms: u64) {
    let reached = with_element(|e| seconds(e, "currentTime").unwrap_or(0.0) * 1000.0 + 30.0 >= at_ms as f64);
    if reached == Some(false) {
        move_to(at_ms);
        if paused() {
            play(at_ms, now_ms);
        }
    }
}

fn play(at_ms: u64, now_ms: u64) {
    if let Some(Ok(promise)) = with_element(|e| call(e, "play", &[]))
        .flatten()
        .map(|p| p.dyn_into::<js_sys::Promise>())
    {
        wasm_bindgen_futures::spawn_local(async move {
            // Refused (not allowed, or a file it cannot play): the page's
            // chimes take over. A play cut short by a pause is no failure.
            if let Err(error) = wasm_bindgen_futures::JsFuture::from(promise).await {
                let name = property(&error, "name").and_then(|n| n.as_string());
                if name.as_deref() != Some("AbortError") {
                    FAILED.with(|f| *f.borrow_mut() = true);
                    unload();
                }
            }
        });
    }
    LOADED.with(|l| {
        if let Some(loaded) = l.borrow_mut().as_mut() {
            loaded.seen = (at_ms, now_ms);
        }
    });
}

/// Pauses at `at_ms`.
pub fn pause_at(at_ms: u64) {
    with_element(|e| call(e, "pause", &[]));
    move_to(at_ms);
}

/// Moves the track to `at_ms` unless it is within 30 ms of it already.
fn move_to(at_ms: u64) {
    with_element(|e| {
        let now = seconds(e, "currentTime").unwrap_or(-1.0);
        if (now * 1000.0 - at_ms as f64).abs() > 30.0 {
            let _ = Reflect::set(e, &"currentTime".into(), &(at_ms as f64 / 1000.0).into());
        }
    });
}

fn seconds(element: &JsValue, name: &str) -> Option<f64> {
    property(element, name)?.as_f64().filter(|s| s.is_finite())
}

/// Lets the track go after `ms`, once what it still plays has played.
pub fn unload_after(ms: u32) {
    let later = gloo_timers::callback::Timeout::new(ms, unload);
    LATER.with(|l| *l.borrow_mut() = Some(later));
}

/// Whether a loaded track is paused (by the page, or by the browser when
/// it froze the page or gave the sound to a call).
fn paused() -> bool {
    with_element(|e| property(e, "paused").and_then(|p| p.as_bool()) != Some(false)).unwrap_or(false)
}

/// Where the track stands, in ms, while it is playing and moving; `None`
/// when it is paused (by the page or by the browser), stuck or gone.
/// `now_ms` is the page's clock, to tell a stuck track.
pub fn playing_at(now_ms: u64) -> Option<u64> {
    LOADED.with(|l| {
        let mut l = l.borrow_mut();
        let loaded = l.as_mut()?;
        let paused = property(&loaded.element, "paused").and_then(|p| p.as_bool()) != Some(false);
        let ended = property(&loaded.element, "ended").and_then(|p| p.as_bool()) == Some(true);
        if paused || ended {
            return None;
        }
        let at = (seconds(&loaded.element, "currentTime")? * 1000.0).max(0.0) as u64;
        let (last, since) = loaded.seen;
        if at != last {
            loaded.seen = (at, now_ms);
        } else if now_ms.saturating_sub(since) > STUCK_AFTER_MS {
            return None;
        }
        Some(at)
    })
}
