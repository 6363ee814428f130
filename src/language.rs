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
    French,
    /// Brazilian Portuguese (read by every reader of Portuguese).
    Portuguese,
}

impl Language {
    /// Every language, English first (the one the others are checked
    /// against).
    pub const ALL: [Language; 5] = [
        Language::English,
        Language::Spanish,
        Language::German,
        Language::French,
        Language::Portuguese,
    ];

    /// Its BCP 47 code, as in `lang` attributes and the content folders
    /// (`src/content/translations/es.toml`).
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Spanish => "es",
            Language::German => "de",
            Language::French => "fr",
            Language::Portuguese => "pt",
        }
    }

    /// The name of its split parts: `lang_es`, and the text apart
    /// `lang_es_apart` (see `split_points`). The build's scripts find each
    /// language's parts by this name in the built files, so they list no
    /// languages of their own.
    pub fn part(self) -> String {
        format!("lang_{}", self.code())
    }

    /// The language a voice is asked for: its code, but for Portuguese
    /// Brazil's (the words are Brazilian; a browser may have both voices).
    pub fn voice(self) -> &'static str {
        match self {
            Language::Portuguese => "pt-BR",
            other => other.code(),
        }
    }

    /// Its name in itself, as a language switcher lists it.
    pub fn own_name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::Spanish => "Español",
            Language::German => "Deutsch",
            Language::French => "Français",
            Language::Portuguese => "Português",
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

/// The name of `file` ("index.html", "zone/left-heel.html") in `language`:
/// the English name, or the language's code before the extension.
pub fn file_in(file: &str, language: Language) -> String {
    match (language, file.rsplit_once('.')) {
        (Language::English, _) | (_, None) => file.to_string(),
        (_, Some((stem, extension))) => format!("{stem}.{}.{extension}", language.code()),
    }
}

/// How a page links to `file` in `language`: the English first page is
/// the folder itself (`./`), as the app's own links name it.
pub fn href_in(file: &str, language: Language) -> String {
    match (file, language) {
        ("index.html", Language::English) => "./".to_string(),
        _ => file_in(file, language),
    }
}

/// The address that opens `file` in `language` whatever the reader chose
/// before or their browser prefers: the file the build wrote in that
/// language, and for the English first page `index.en.html`, as the folder
/// itself sends a reader on to their language. (So choosing English needs
/// no storage to hold.)
pub fn own_address(file: &str, language: Language) -> String {
    match (file, language) {
        ("index.html", Language::English) => format!("index.{}.html", language.code()),
        _ => file_in(file, language),
    }
}

/// `href` (from [`href_in`]) as an address that stays on this site: "./"
/// before it, so that a last path part such as "https:evil.example.html"
/// or "mailto:x.html" (a host may answer any path with the app's page) is
/// read as a file here, never as an address of its own.
pub fn on_site(href: &str) -> String {
    if href.starts_with("./") {
        href.to_string()
    } else {
        format!("./{href}")
    }
}

/// The last part of a page's address ("", "index.es.html", "safety.html")
/// read as the English file it is a translation of, and the language its
/// name gives, if any ("index.es.html" is Spanish; "index.html" names none).
pub fn read_file(last: &str) -> (String, Option<Language>) {
    // Only a plain file name is read as one: anything else ("..", "..\\",
    // "%2e%2e", which an address resolves as a step up out of the app's
    // folder) is the first page.
    let plain = !last.starts_with('.')
        && last
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'));
    let last = if last.is_empty() || !plain {
        "index.html"
    } else {
        last
    };
    if let Some((stem, extension)) = last.rsplit_once('.') {
        if let Some((stem, code)) = stem.rsplit_once('.') {
            if let Some(language) = Language::ALL.into_iter().find(|l| l.code() == code) {
                return (format!("{stem}.{extension}"), Some(language));
            }
        }
    }
    (last.to_string(), None)
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

    /// The language this reader asked for whose words could not be
    /// downloaded (offline, a language never opened online), so that the
    /// page is in English instead; `None` if nothing is missing.
    pub fn missing() -> Option<Language> {
        MISSING.get().copied()
    }

    /// Records that `self`'s words could not be downloaded. Once.
    pub fn mark_missing(self) {
        let _ = MISSING.set(self);
    }
}

static MISSING: std::sync::OnceLock<Language> = std::sync::OnceLock::new();

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn each_language_has_its_file_beside_the_english() {
        assert_eq!(file_in("index.html", Language::English), "index.html");
        assert_eq!(file_in("index.html", Language::Spanish), "index.es.html");
        assert_eq!(
            file_in("zone/left-heel.html", Language::German),
            "zone/left-heel.de.html"
        );
        assert_eq!(
            file_in("manifest.webmanifest", Language::German),
            "manifest.de.webmanifest"
        );
        assert_eq!(href_in("index.html", Language::English), "./");
        assert_eq!(own_address("index.html", Language::English), "index.en.html");
        assert_eq!(own_address("index.html", Language::German), "index.de.html");
        assert_eq!(own_address("safety.html", Language::English), "safety.html");
        assert_eq!(read_file("index.en.html").1, Some(Language::English));
        // Names an address would resolve out of the folder: the first page.
        for odd in ["..", "..\\", "%2e%2e", ".%2E", ".hidden.html", "a\\..\\b.html"] {
            assert_eq!(read_file(odd), ("index.html".into(), None), "{odd}");
        }
        assert_eq!(href_in("safety.html", Language::English), "safety.html");
    }

    #[test]
    fn a_pages_address_names_its_english_file_and_language() {
        assert_eq!(read_file(""), ("index.html".into(), None));
        assert_eq!(
            read_file("index.es.html"),
            ("index.html".into(), Some(Language::Spanish))
        );
        assert_eq!(
            read_file("safety.de.html"),
            ("safety.html".into(), Some(Language::German))
        );
        assert_eq!(read_file("safety.html"), ("safety.html".into(), None));
        assert_eq!(read_file("my.page.html"), ("my.page.html".into(), None));
        assert_eq!(read_file("index.it.html"), ("index.it.html".into(), None));
        for language in Language::ALL.into_iter().skip(1) {
            assert_eq!(
                read_file(&file_in("evidence.html", language)),
                ("evidence.html".into(), Some(language))
            );
        }
    }

    #[test]
    fn a_tag_names_its_language_whatever_its_region_or_case() {
        assert_eq!(Language::from_tag("es"), Some(Language::Spanish));
        assert_eq!(Language::from_tag("es-MX"), Some(Language::Spanish));
        assert_eq!(Language::from_tag("DE-at"), Some(Language::German));
        assert_eq!(Language::from_tag("de_CH"), Some(Language::German));
        assert_eq!(Language::from_tag(" en-GB "), Some(Language::English));
        assert_eq!(Language::from_tag("fr-FR"), Some(Language::French));
        assert_eq!(Language::from_tag("pt-BR"), Some(Language::Portuguese));
        assert_eq!(Language::from_tag("pt-PT"), Some(Language::Portuguese));
        // One Portuguese, Brazil's: its voice is asked for by name.
        assert_eq!(Language::Portuguese.voice(), "pt-BR");
        assert_eq!(Language::Spanish.voice(), "es");
        assert_eq!(Language::from_tag("it-IT"), None);
        // A language whose code merely starts like one spoken here.
        assert_eq!(Language::from_tag("est"), None);
        assert_eq!(Language::from_tag(""), None);
    }

    #[test]
    fn a_reader_gets_their_choice_else_their_first_spoken_preference_else_english() {
        let german_swiss = ["rm-CH", "de-CH", "en"];
        assert_eq!(Language::for_reader(None, german_swiss), Language::German);
        assert_eq!(
            Language::for_reader(Some(Language::Spanish), german_swiss),
            Language::Spanish
        );
        assert_eq!(Language::for_reader(None, ["ja", "it"]), Language::English);
        assert_eq!(Language::for_reader(None, ["ja", "fr"]), Language::French);
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
