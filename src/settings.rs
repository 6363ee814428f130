//! The reader's settings and how they are saved: a short `key=value;` text
//! in local storage. Decoding never fails silently: anything unreadable is
//! reported so the page can say so, and the rest is still used.

use crate::applies::Applies;
use crate::text::{fill, get, key};

/// What the routine player says and plays at each step change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sound {
    /// A short chime only.
    Chime,
    /// The voice only.
    Voice,
    /// A chime, then the voice.
    #[default]
    Both,
    /// Nothing; the screen alone.
    Silent,
}

impl Sound {
    pub const ALL: [Sound; 4] = [Sound::Chime, Sound::Voice, Sound::Both, Sound::Silent];

    /// This setting with the voice left out: for a screen reader's user.
    pub fn without_voice(self) -> Sound {
        Sound::of(self.chimes(), false)
    }

    pub fn chimes(self) -> bool {
        matches!(self, Sound::Chime | Sound::Both)
    }

    pub fn speaks(self) -> bool {
        matches!(self, Sound::Voice | Sound::Both)
    }

    /// The word on the setting's button.
    pub fn label(self) -> &'static str {
        match self {
            Sound::Chime => get(key::SOUND_CHIME),
            Sound::Voice => get(key::SOUND_VOICE),
            Sound::Both => get(key::SOUND_BOTH),
            Sound::Silent => get(key::SOUND_SILENT),
        }
    }

    fn code(self) -> &'static str {
        match self {
            Sound::Chime => "chime",
            Sound::Voice => "voice",
            Sound::Both => "both",
            Sound::Silent => "silent",
        }
    }
}

impl Sound {
    /// The setting that plays exactly the chime and the voice given.
    fn of(chime: bool, voice: bool) -> Sound {
        match (chime, voice) {
            (true, true) => Sound::Both,
            (true, false) => Sound::Chime,
            (false, true) => Sound::Voice,
            (false, false) => Sound::Silent,
        }
    }
}

/// What this browser can do for a routine. Each is false where the API is
/// missing, or refused when it was tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Abilities {
    /// Web Audio, for the chimes.
    pub chime: bool,
    /// Speech synthesis, for the voice.
    pub speak: bool,
    /// A voice for the page's language (true until the browser's list of
    /// voices says otherwise): a voice for another language would read
    /// the cues with the wrong sounds.
    pub voice_in_language: bool,
    /// The screen wake lock.
    pub keep_awake: bool,
    /// Local storage, to keep settings for next time.
    pub save: bool,
    /// Vibration, for a buzz at each step change.
    pub vibrate: bool,
}

impl Abilities {
    /// A browser that has everything.
    pub const ALL: Abilities = Abilities {
        chime: true,
        speak: true,
        voice_in_language: true,
        keep_awake: true,
        save: true,
        vibrate: true,
    };

    /// What a routine really plays for the chosen setting: the parts of it
    /// this browser can play.
    pub fn sound(self, chosen: Sound) -> Sound {
        Sound::of(chosen.chimes() && self.chime, chosen.speaks() && self.voice())
    }

    /// Whether the cues can be spoken, in the page's language.
    fn voice(self) -> bool {
        self.speak && self.voice_in_language
    }

    /// Whether choosing `sound` would play all of it here.
    pub fn allows(self, sound: Sound) -> bool {
        self.sound(sound) == sound
    }

    /// What this browser cannot do, in plain sentences for the settings.
    pub fn limits(self) -> Vec<&'static str> {
        let mut limits = Vec::new();
        limits.push(match (self.chime, self.voice()) {
            (true, true) => "",
            (true, false) if self.speak => get(key::SOUND_NO_VOICE_IN_LANGUAGE),
            (true, false) => get(key::SOUND_NO_VOICE),
            (false, true) => get(key::SOUND_NO_CHIME),
            (false, false) => get(key::SOUND_NO_SOUND),
        });
        if !self.keep_awake {
            limits.push(get(key::SOUND_NO_WAKE_LOCK));
        }
        if !self.save {
            limits.push(get(key::SOUND_NO_STORAGE));
        }
        limits.retain(|l| !l.is_empty());
        limits
    }
}

/// Everything the app remembers between visits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Settings {
    pub sound: Sound,
    /// Routines wait at the end of each step for Next.
    pub manual: bool,
    /// The safety note was read before a first routine.
    pub safety_seen: bool,
    /// The person turned off the buzz at each step change (on by default,
    /// where the device can vibrate).
    pub no_vibrate: bool,
    /// Cues inside long steps: halfway, and ten seconds before the end
    /// (off unless chosen), in voice or chime as `sound` says.
    pub cues: bool,
    /// When everything was last exported from this browser (Unix ms), if
    /// ever: a gentle reminder to export follows from it.
    pub exported_ms: Option<i64>,
    /// What the person chose to rate before and after each routine; `None`
    /// (the default) asks nothing.
    pub measure: Option<Measure>,
    /// The person uses a screen reader, which says each change from the
    /// page: the app's own voice stays quiet, so nothing is said twice
    /// (the chimes stay).
    pub reader: bool,
    /// The lasting conditions the person said apply to them ("What
    /// applies to me"); none unless chosen.
    pub applies: Applies,
}

/// What a person may follow, rated 0 to 10 before and after a routine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Measure {
    /// How much the feet hurt (0 none, 10 the worst).
    FootPain,
    /// How tense the person feels (0 not at all, 10 very).
    Tension,
    /// How tired the legs feel (0 not at all, 10 very).
    TiredLegs,
    /// How well the person slept (0 very badly, 10 very well). "Before" is
    /// the night before the routine, asked before it; "after" is the night
    /// after, asked the next time the app opens.
    Sleep,
}

impl Measure {
    pub const ALL: [Measure; 4] = [
        Measure::FootPain,
        Measure::Tension,
        Measure::TiredLegs,
        Measure::Sleep,
    ];

    /// Its name in saved data and export files.
    pub fn code(self) -> &'static str {
        match self {
            Measure::FootPain => "foot-pain",
            Measure::Tension => "tension",
            Measure::TiredLegs => "tired-legs",
            Measure::Sleep => "sleep",
        }
    }

    /// The measure saved under this code.
    pub fn from_code(code: &str) -> Option<Measure> {
        Measure::ALL.into_iter().find(|m| m.code() == code)
    }

    /// Its name on the setting's button.
    pub fn label(self) -> &'static str {
        match self {
            Measure::FootPain => get(key::MEASURE_FOOT_PAIN),
            Measure::Tension => get(key::MEASURE_TENSION),
            Measure::TiredLegs => get(key::MEASURE_TIRED_LEGS),
            Measure::Sleep => get(key::MEASURE_SLEEP),
        }
    }

    /// Its name inside a sentence ("your foot pain" in English; German
    /// nouns keep their capital).
    pub fn label_in_text(self) -> &'static str {
        match self {
            Measure::FootPain => get(key::MEASURE_FOOT_PAIN_IN_TEXT),
            Measure::Tension => get(key::MEASURE_TENSION_IN_TEXT),
            Measure::TiredLegs => get(key::MEASURE_TIRED_LEGS_IN_TEXT),
            Measure::Sleep => get(key::MEASURE_SLEEP_IN_TEXT),
        }
    }

    /// The question asked, 0 to 10.
    pub fn question(self) -> &'static str {
        match self {
            Measure::FootPain => get(key::MEASURE_FOOT_PAIN_QUESTION),
            Measure::Tension => get(key::MEASURE_TENSION_QUESTION),
            Measure::TiredLegs => get(key::MEASURE_TIRED_LEGS_QUESTION),
            Measure::Sleep => get(key::MEASURE_SLEEP_QUESTION),
        }
    }

    /// What 0 and 10 mean.
    pub fn ends(self) -> (&'static str, &'static str) {
        match self {
            Measure::FootPain => (get(key::MEASURE_FOOT_PAIN_LOW), get(key::MEASURE_FOOT_PAIN_HIGH)),
            Measure::Tension => (get(key::MEASURE_TENSION_LOW), get(key::MEASURE_TENSION_HIGH)),
            Measure::TiredLegs => (
                get(key::MEASURE_TIRED_LEGS_LOW),
                get(key::MEASURE_TIRED_LEGS_HIGH),
            ),
            Measure::Sleep => (get(key::MEASURE_SLEEP_LOW), get(key::MEASURE_SLEEP_HIGH)),
        }
    }

    /// Whether the "after" question waits for the next visit (the night
    /// after the routine) instead of coming at its end.
    pub fn asked_next_visit(self) -> bool {
        self == Measure::Sleep
    }
}

/// The storage key.
pub const KEY: &str = "foot-map.settings";

/// The longest saved text worth reading.
const MAX_LEN: usize = 500;

impl Settings {
    /// The saved form: `sound=both;manual=0;safety=1`.
    pub fn encode(self) -> String {
        format!(
            "sound={};manual={};safety={}",
            self.sound.code(),
            u8::from(self.manual),
            u8::from(self.safety_seen)
        )
    }

    /// Reads the saved form. Unknown keys are ignored (a newer version may
    /// have written them); a value that cannot be read keeps its default and
    /// is reported in the error, alongside the settings that could be read.
    pub fn decode(text: &str) -> (Settings, Option<String>) {
        let mut settings = Settings::default();
        if text.len() > MAX_LEN {
            return (settings, Some(get(key::STORE_PROBLEM_SETTINGS_TOO_LONG).into()));
        }
        let mut unreadable = Vec::new();
        for pair in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
            let Some((key, value)) = pair.split_once('=') else {
                unreadable.push(pair);
                continue;
            };
            let ok = match key {
                "sound" => Sound::ALL
                    .into_iter()
                    .find(|s| s.code() == value)
                    .map(|s| settings.sound = s)
                    .is_some(),
                "manual" => flag(value).map(|v| settings.manual = v).is_some(),
                "safety" => flag(value).map(|v| settings.safety_seen = v).is_some(),
                _ => true,
            };
            if !ok {
                unreadable.push(pair);
            }
        }
        let error = (!unreadable.is_empty()).then(|| {
            let shown: String = unreadable
                .join("; ")
                .chars()
                .filter(|c| !c.is_control())
                .take(60)
                .collect();
            fill(key::STORE_PROBLEM_SETTINGS_PART, &[("shown", &shown)])
        });
        (settings, error)
    }
}

fn flag(value: &str) -> Option<bool> {
    match value {
        "1" => Some(true),
        "0" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip() {
        for sound in Sound::ALL {
            for manual in [false, true] {
                let s = Settings {
                    sound,
                    manual,
                    safety_seen: !manual,
                    no_vibrate: false,
                    ..Settings::default()
                };
                assert_eq!(Settings::decode(&s.encode()), (s, None));
            }
        }
    }

    #[test]
    fn nothing_saved_means_the_defaults() {
        assert_eq!(Settings::decode(""), (Settings::default(), None));
        assert_eq!(Settings::default().sound, Sound::Both);
    }

    #[test]
    fn unknown_keys_from_a_newer_version_are_ignored() {
        let (s, err) = Settings::decode("sound=voice;theme=dark;manual=1");
        assert_eq!(err, None);
        assert_eq!(s.sound, Sound::Voice);
        assert!(s.manual);
    }

    #[test]
    fn corrupted_values_are_reported_and_the_rest_is_kept() {
        let (s, err) = Settings::decode("sound=loud;manual=1;garbage\u{0}");
        assert_eq!(s.sound, Sound::Both, "an unreadable value keeps its default");
        assert!(s.manual, "readable values are kept");
        let err = err.expect("the problem is reported");
        assert!(err.contains("sound=loud"), "{err}");
        assert!(!err.contains('\u{0}'));
    }

    #[test]
    fn an_over_long_value_is_refused() {
        let (s, err) = Settings::decode(&"x".repeat(10_000));
        assert_eq!(s, Settings::default());
        assert!(err.is_some());
    }

    #[test]
    fn a_browser_that_cannot_speak_plays_chimes_only_and_says_so() {
        let mute = Abilities {
            speak: false,
            ..Abilities::ALL
        };
        assert_eq!(mute.sound(Sound::Both), Sound::Chime);
        assert_eq!(mute.sound(Sound::Voice), Sound::Silent);
        assert!(mute.allows(Sound::Chime) && !mute.allows(Sound::Voice));
        assert_eq!(mute.limits(), vec!["This browser cannot speak: chimes only."]);
    }

    #[test]
    fn a_browser_with_no_voice_for_the_language_plays_chimes_only_and_says_so() {
        let foreign = Abilities {
            voice_in_language: false,
            ..Abilities::ALL
        };
        assert_eq!(foreign.sound(Sound::Both), Sound::Chime);
        assert!(foreign.allows(Sound::Chime) && !foreign.allows(Sound::Voice));
        assert_eq!(
            foreign.limits(),
            vec!["This browser has no English voice: chimes only."]
        );
    }

    #[test]
    fn every_missing_ability_is_named_and_a_full_browser_has_no_limits() {
        assert!(Abilities::ALL.limits().is_empty());
        for sound in Sound::ALL {
            assert_eq!(Abilities::ALL.sound(sound), sound);
        }
        let none = Abilities {
            chime: false,
            speak: false,
            voice_in_language: false,
            keep_awake: false,
            save: false,
            vibrate: false,
        };
        assert_eq!(none.limits().len(), 3);
        assert!(none.limits()[0].contains("neither chime nor speak"));
        assert!(Sound::ALL.into_iter().all(|s| none.sound(s) == Sound::Silent));
        assert!(none.allows(Sound::Silent));
    }

    #[test]
    fn sound_modes_say_what_they_play() {
        assert!(Sound::Both.chimes() && Sound::Both.speaks());
        assert!(Sound::Chime.chimes() && !Sound::Chime.speaks());
        assert!(!Sound::Voice.chimes() && Sound::Voice.speaks());
        assert!(!Sound::Silent.chimes() && !Sound::Silent.speaks());
    }
}
