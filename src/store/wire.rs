//! The JSON shape of the store (version 2, and reading version 1), shared by the saved store and
//! the export file. Reading walks the JSON by hand, entry by entry, so one
//! bad entry costs that entry only and nothing can panic.

use super::{Problem, Rating, Session, Store, MAX_TEXT, VERSION};
use crate::applies::Applies;
use crate::content::{RoutineStep, Side};
use crate::own_routine::OwnRoutine;
use crate::settings::{Measure, Settings, Sound};
use serde::Serialize;
use serde_json::{Map, Value};

/// The body of a store or export file, and how much of it was left out.
pub(crate) struct Body {
    pub store: Store,
    pub bad_routines: usize,
    pub bad_sessions: usize,
    pub bad_settings: bool,
}

impl Body {
    /// Whether anything was left out.
    pub fn partial(&self) -> bool {
        self.bad_routines > 0 || self.bad_sessions > 0 || self.bad_settings
    }

    pub fn problem(&self) -> Problem {
        Problem::PartlyUnreadable {
            routines: self.bad_routines,
            sessions: self.bad_sessions,
            settings: self.bad_settings,
        }
    }
}

/// Parses text as a JSON object, within the length limit.
pub(crate) fn object(text: &str) -> Result<Map<String, Value>, Problem> {
    if text.len() > MAX_TEXT {
        return Err(Problem::TooLong);
    }
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(map)) => Ok(map),
        _ => Err(Problem::Unreadable),
    }
}

/// The `version` field: a whole number from 1.
pub(crate) fn version(map: &Map<String, Value>) -> Option<u64> {
    map.get("version")?.as_u64().filter(|v| *v >= 1)
}

/// Reads saved store text.
pub(crate) fn decode_store(text: &str) -> (Store, Option<Problem>) {
    let map = match object(text) {
        Ok(map) => map,
        Err(problem) => return (Store::default(), Some(problem)),
    };
    let Some(version) = version(&map) else {
        return (Store::default(), Some(Problem::Unreadable));
    };
    let body = read_body(&map, version);
    let problem = if version > VERSION {
        Some(Problem::Newer { version })
    } else if body.partial() {
        Some(body.problem())
    } else {
        None
    };
    (body.store, problem)
}

/// Reads settings, routines and history from an object of this `version`
/// (1 has no ratings: their fields are ignored, as unknown ones are).
pub(crate) fn read_body(map: &Map<String, Value>, version: u64) -> Body {
    let (settings, bad_settings) = match map.get("settings") {
        None => (Settings::default(), false),
        Some(value) => read_settings(value, version),
    };
    let (routines, bad_routines) = read_list(map.get("routines"), read_routine);
    let (history, bad_sessions) = read_list(map.get("history"), |v| read_session(v, version));
    let store = Store {
        settings,
        routines,
        history,
    }
    .normalize();
    Body {
        store,
        bad_routines,
        bad_sessions,
        bad_settings,
    }
}

/// Reads every entry of a list; a missing list is empty, a list that is
/// not one counts as one bad entry.
fn read_list<T>(value: Option<&Value>, read: impl Fn(&Value) -> Option<T>) -> (Vec<T>, usize) {
    match value {
        None => (Vec::new(), 0),
        Some(Value::Array(items)) => {
            let read: Vec<T> = items.iter().filter_map(read).collect();
            let bad = items.len() - read.len();
            (read, bad)
        }
        Some(_) => (Vec::new(), 1),
    }
}

fn read_settings(value: &Value, version: u64) -> (Settings, bool) {
    let mut settings = Settings::default();
    let Some(map) = value.as_object() else {
        return (settings, true);
    };
    let mut bad = false;
    if let Some(sound) = map.get("sound") {
        // A sound a newer version added: the default, quietly.
        match sound.as_str() {
            Some(code) => settings.sound = sound_from(code).unwrap_or_default(),
            None => bad = true,
        }
    }
    let mut vibrate = true;
    for (field, target) in [
        ("manual", &mut settings.manual),
        ("safety_seen", &mut settings.safety_seen),
        ("vibrate", &mut vibrate),
        ("cues", &mut settings.cues),
        ("reader", &mut settings.reader),
    ] {
        if let Some(value) = map.get(field) {
            match value.as_bool() {
                Some(flag) => *target = flag,
                None => bad = true,
            }
        }
    }
    settings.no_vibrate = !vibrate;
    if let Some(value) = map.get("exported") {
        match value.as_i64() {
            Some(ms) => settings.exported_ms = Some(ms),
            None => bad = true,
        }
    }
    if let Some(value) = map.get("measure").filter(|_| version >= 2) {
        // A measure a newer version added: none, quietly.
        match value.as_str() {
            Some(code) => settings.measure = Measure::from_code(code),
            None => bad = true,
        }
    }
    if let Some(value) = map.get("applies") {
        // Conditions a newer version added: left out, quietly.
        match value.as_array() {
            Some(ids) if ids.iter().all(Value::is_string) => {
                settings.applies = Applies::of(ids.iter().filter_map(Value::as_str));
            }
            _ => bad = true,
        }
    }
    (settings, bad)
}

fn sound_from(code: &str) -> Option<Sound> {
    Sound::ALL.into_iter().find(|s| sound_code(*s) == code)
}

fn sound_code(sound: Sound) -> &'static str {
    match sound {
        Sound::Chime => "chime",
        Sound::Voice => "voice",
        Sound::Both => "both",
        Sound::Silent => "silent",
    }
}

fn text(map: &Map<String, Value>, field: &str) -> Option<String> {
    map.get(field)?.as_str().map(str::to_string)
}

fn number<T: TryFrom<i64> + TryFrom<u64>>(map: &Map<String, Value>, field: &str) -> Option<T> {
    let value = map.get(field)?;
    if let Some(n) = value.as_u64() {
        <T as TryFrom<u64>>::try_from(n).ok()
    } else {
        <T as TryFrom<i64>>::try_from(value.as_i64()?).ok()
    }
}

fn read_routine(value: &Value) -> Option<OwnRoutine> {
    let map = value.as_object()?;
    let steps = match map.get("steps") {
        None => Vec::new(),
        Some(steps) => steps
            .as_array()?
            .iter()
            .map(read_step)
            .collect::<Option<Vec<_>>>()?,
    };
    Some(OwnRoutine {
        id: text(map, "id")?,
        name: text(map, "name")?,
        steps,
    })
}

fn read_step(value: &Value) -> Option<RoutineStep> {
    let map = value.as_object()?;
    Some(RoutineStep {
        side: match map.get("side")?.as_str()? {
            "left" => Side::Left,
            "right" => Side::Right,
            _ => return None,
        },
        zone: text(map, "zone")?,
        technique: text(map, "technique")?,
        seconds: number(map, "seconds")?,
    })
}

fn read_session(value: &Value, version: u64) -> Option<Session> {
    let map = value.as_object()?;
    let rating = if version >= 2 { read_rating(map)? } else { None };
    Some(Session {
        start_ms: number(map, "start")?,
        offset_min: number::<i32>(map, "offset").filter(|o| o.abs() <= 24 * 60)?,
        routine_id: text(map, "routine")?,
        routine_name: text(map, "name").unwrap_or_default(),
        seconds: number(map, "seconds")?,
        finished: map.get("finished")?.as_bool()?,
        rating,
    })
}

/// A session's rating: `None` (outer) if it cannot be read, which leaves
/// the session out; `Some(None)` if there is none, or it is about a measure
/// this version does not know.
fn read_rating(map: &Map<String, Value>) -> Option<Option<Rating>> {
    let score = |field| match map.get(field) {
        None | Some(Value::Null) => Some(None),
        Some(value) => value
            .as_u64()
            .filter(|v| *v <= u64::from(super::rating::MAX_RATING))
            .map(|v| Some(v as u8)),
    };
    let (before, after) = (score("before")?, score("after")?);
    let measure = match map.get("measure") {
        None | Some(Value::Null) if before.is_none() && after.is_none() => return Some(None),
        None | Some(Value::Null) => return None,
        Some(value) => Measure::from_code(value.as_str()?),
    };
    Some(match measure {
        Some(measure) if before.is_some() || after.is_some() => Some(Rating {
            measure,
            before,
            after,
        }),
        _ => None,
    })
}

#[derive(Serialize)]
struct WireFile<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    format: Option<&'a str>,
    version: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    exported: Option<i64>,
    settings: WireSettings,
    routines: Vec<WireRoutine<'a>>,
    history: Vec<WireSession<'a>>,
}

#[derive(Serialize)]
struct WireSettings {
    sound: &'static str,
    manual: bool,
    safety_seen: bool,
    vibrate: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    cues: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    reader: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    exported: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    measure: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    applies: Vec<&'static str>,
}

#[derive(Serialize)]
struct WireRoutine<'a> {
    id: &'a str,
    name: &'a str,
    steps: Vec<WireStep<'a>>,
}

#[derive(Serialize)]
struct WireStep<'a> {
    side: &'static str,
    zone: &'a str,
    technique: &'a str,
    seconds: u32,
}

#[derive(Serialize)]
struct WireSession<'a> {
    start: i64,
    offset: i32,
    routine: &'a str,
    name: &'a str,
    seconds: u32,
    finished: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    measure: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    before: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    after: Option<u8>,
}

impl<'a> WireSession<'a> {
    fn of(s: &'a Session) -> WireSession<'a> {
        WireSession {
            start: s.start_ms,
            offset: s.offset_min,
            routine: &s.routine_id,
            name: &s.routine_name,
            seconds: s.seconds,
            finished: s.finished,
            measure: s.rating.map(|r| r.measure.code()),
            before: s.rating.and_then(|r| r.before),
            after: s.rating.and_then(|r| r.after),
        }
    }
}

/// One session as JSON: the checkpoint of a routine under way.
pub(crate) fn encode_session(s: &Session) -> String {
    serde_json::to_string(&WireSession::of(s)).unwrap_or_default()
}

/// A session written by [`encode_session`], if it is one.
pub(crate) fn decode_session(text: &str) -> Option<Session> {
    if text.len() > 4096 {
        return None;
    }
    read_session(&serde_json::from_str(text).ok()?, VERSION)
}

/// Writes the store in the current version; with `export`, the export
/// file's marker and the time it was made (Unix ms).
pub(crate) fn encode(store: &Store, export: Option<(&str, i64)>) -> String {
    let file = WireFile {
        format: export.map(|(format, _)| format),
        version: VERSION,
        exported: export.map(|(_, at)| at),
        settings: WireSettings {
            sound: sound_code(store.settings.sound),
            manual: store.settings.manual,
            safety_seen: store.settings.safety_seen,
            vibrate: !store.settings.no_vibrate,
            cues: store.settings.cues,
            reader: store.settings.reader,
            exported: store.settings.exported_ms,
            measure: store.settings.measure.map(Measure::code),
            applies: store.settings.applies.ids().collect(),
        },
        routines: store
            .routines
            .iter()
            .map(|r| WireRoutine {
                id: &r.id,
                name: &r.name,
                steps: r
                    .steps
                    .iter()
                    .map(|s| WireStep {
                        side: s.side.slug(),
                        zone: &s.zone,
                        technique: &s.technique,
                        seconds: s.seconds,
                    })
                    .collect(),
            })
            .collect(),
        history: store.history.iter().map(WireSession::of).collect(),
    };
    // Serialising these plain structs to a string cannot fail.
    serde_json::to_string(&file).unwrap_or_default()
}
