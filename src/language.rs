//! The languages Foot Map speaks, and which one a reader gets: the one
//! they chose, else the first of their browser's preferred languages that
//! Foot Map speaks, else English. Pure logic, tested natively; the browser
//! bridge hands it `navigator.languages`.

/// A language of the page, its content and its voice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Language {
    English,
    Spanish,
    German,
}

impl Language {
    /// Every language, English first (the one the others are checked
    /// against).
    pub const ALL: [Language; 3] = [Language::English, Language::Spanish, Language::German];

    /// Its BCP 47 code, as in `lang` attributes and the content folders
    /// (`src/content/es/`).
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Spanish => "es",
            Language::German => "de",
        }
    }

    /// Its name in itself, as a language switcher lists it.
    pub fn own_name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::Spanish => "Español",
            Language::German => "Deutsch",
        }
    }

    /// The language a tag names ("es", "es-MX", "DE-at"): its primary
    /// subtag, in any case; `None` for one Foot Map does not speak.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let primary = tag.trim().split(['-', '_']).next()?;
        Language::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(primary))
    }

    /// The language for a reader: `chosen` if they chose one, else the
    /// first of `preferred` (the browser's languages, most preferred
    /// first) that Foot Map speaks, else English.
    pub fn for_reader<'a>(
        chosen: Option<Language>,
        preferred: impl IntoIterator<Item = &'a str>,
    ) -> Language {
        chosen
            .or_else(|| preferred.into_iter().find_map(Language::from_tag))
            .unwrap_or(Language::English)
    }
}

static IN_USE: std::sync::OnceLock<Language> = std::sync::OnceLock::new();

impl Language {
    /// The language this page is in: chosen once, before anything is
    /// drawn ([`Language::begin`]); English until then.
    pub fn in_use() -> Language {
        IN_USE.get().copied().unwrap_or(Language::English)
    }

    /// Makes `self` the language of this page. Once: false if one was
    /// chosen already.
    pub fn begin(self) -> bool {
        IN_USE.set(self).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_tag_names_its_language_whatever_its_region_or_case() {
        assert_eq!(Language::from_tag("es"), Some(Language::Spanish));
        assert_eq!(Language::from_tag("es-MX"), Some(Language::Spanish));
        assert_eq!(Language::from_tag("DE-at"), Some(Language::German));
        assert_eq!(Language::from_tag("de_CH"), Some(Language::German));
        assert_eq!(Language::from_tag(" en-GB "), Some(Language::English));
        assert_eq!(Language::from_tag("fr-FR"), None);
        // A language whose code merely starts like one spoken here.
        assert_eq!(Language::from_tag("est"), None);
        assert_eq!(Language::from_tag(""), None);
    }

    #[test]
    fn a_reader_gets_their_choice_else_their_first_spoken_preference_else_english() {
        let german_swiss = ["fr-CH", "de-CH", "en"];
        assert_eq!(Language::for_reader(None, german_swiss), Language::German);
        assert_eq!(
            Language::for_reader(Some(Language::Spanish), german_swiss),
            Language::Spanish
        );
        assert_eq!(Language::for_reader(None, ["ja", "fr"]), Language::English);
        assert_eq!(Language::for_reader(None, []), Language::English);
    }

    #[test]
    fn codes_read_back() {
        for language in Language::ALL {
            assert_eq!(Language::from_tag(language.code()), Some(language));
        }
    }

    proptest! {
        // `navigator.languages` is outside input: any text at all.
        #[test]
        fn any_preferences_give_a_language_without_panicking(tags in proptest::collection::vec(".{0,20}", 0..6)) {
            let language = Language::for_reader(None, tags.iter().map(String::as_str));
            let expected = tags.iter().find_map(|t| Language::from_tag(t)).unwrap_or(Language::English);
            prop_assert_eq!(language, expected);
        }
    }
}
