//! Property tests of every parser of outside input: URL fragments (any
//! link a person follows, and the guess at the code its page needs made
//! before the content that checks it has come) and saved settings (whatever local storage holds,
//! perhaps written by an older or newer version, or damaged). Each runs
//! 10,000 generated cases: nothing panics, valid values round-trip, and
//! unreadable saved text is kept aside, never overwritten.

use foot_map::content::{content, Side};
use foot_map::language::{href_in, on_site, read_file, Language};
use foot_map::route::{self, code_of_fragment, Code, Route, ZoneKey};
use foot_map::settings::{Settings, Sound};
use foot_map::store::Store;
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

fn config() -> ProptestConfig {
    ProptestConfig {
        // Failing cases found before are kept beside this file and re-run first.
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("regressions"))),
        ..ProptestConfig::with_cases(10_000)
    }
}

/// Every route the app can link to.
fn every_route() -> Vec<Route> {
    let c = content();
    let mut routes = vec![
        Route::Map,
        Route::Routines,
        Route::Benefits,
        Route::Evidence,
        Route::Safety,
        Route::History,
    ];
    for zone in &c.zones {
        for side in [Side::Left, Side::Right] {
            routes.push(Route::Zone(ZoneKey { side, zone: &zone.id }));
        }
    }
    routes.extend(c.routines.iter().map(|r| Route::Routine(&r.id)));
    routes.extend(c.claims.iter().map(|c| Route::Benefit(&c.id)));
    routes
}

/// A valid fragment, damaged: cut short, or with text inserted somewhere.
fn damaged_fragment() -> impl Strategy<Value = String> {
    let routes = every_route();
    (
        0..routes.len(),
        any::<prop::sample::Index>(),
        "\\PC{0,6}|[=#%&;-]{1,3}",
        any::<bool>(),
    )
        .prop_map(move |(i, at, junk, cut)| {
            let fragment = route::fragment(routes[i]);
            let chars: Vec<char> = fragment.chars().collect();
            let at = at.index(chars.len() + 1);
            if cut {
                chars[..at].iter().collect()
            } else {
                chars[..at]
                    .iter()
                    .chain(junk.chars().collect::<Vec<_>>().iter())
                    .chain(&chars[at..])
                    .collect()
            }
        })
}

/// What a reader is shown about a bad link: a sentence, not the raw input.
fn assert_readable_message(error: &route::LinkError) {
    let message = error.message();
    assert!(!message.is_empty());
    assert!(!message.chars().any(char::is_control), "{message:?}");
    assert!(message.chars().count() < 260, "{message:?}");
}

#[test]
fn every_route_round_trips_through_its_link() {
    for route in every_route() {
        let link = format!("#{}", route::fragment(route));
        assert_eq!(route::parse(&link, content()), Ok(route), "{link}");
    }
}

#[test]
fn every_link_the_app_writes_names_the_part_its_page_needs_before_the_content_is_here() {
    let mut routes = every_route();
    routes.extend([Route::Routine("my-1"), Route::Edit("my-1")]);
    for route in routes {
        let fragment = route::fragment(route);
        assert_eq!(code_of_fragment(&fragment), route.code(), "{fragment}");
        assert_eq!(
            code_of_fragment(&format!("#{fragment}")),
            route.code(),
            "#{fragment}"
        );
    }
    assert_eq!(code_of_fragment("#share=1.abc"), Some(Code::Routines));
    assert_eq!(code_of_fragment(""), None);
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn a_language_switch_never_leaves_the_site_whatever_the_last_path_part(
        last in "\\PC{0,80}|(https?|mailto|javascript|data|ftp):[ -.0-~]{0,40}\\.html|//[a-z.]{1,20}\\.html"
    ) {
        // Where a host answers any path with the app's page, the last part
        // of the address can be anything a link puts there (no "/": it is
        // the last part).
        let last = last.replace('/', "");
        let base = url::Url::parse("https://example.org/foot-map/").unwrap();
        for language in Language::ALL {
            let (english, _) = read_file(&last);
            let target = on_site(&href_in(&english, language));
            let url = base.join(&target).unwrap();
            prop_assert_eq!(url.origin(), base.origin(), "{} became {}", last, url);
            prop_assert!(url.path().starts_with("/foot-map/"), "{} became {}", last, url);
        }
    }

    #[test]
    fn any_fragment_parses_or_says_why_without_panicking(text in "\\PC{0,300}|[ -~]{0,300}") {
        match route::parse(&text, content()) {
            Ok(route) => prop_assert_eq!(route::parse(&route::fragment(route), content()), Ok(route)),
            Err(error) => assert_readable_message(&error),
        }
    }

    #[test]
    fn the_code_a_link_needs_is_guessed_from_its_shape_as_its_page_needs_it(
        text in "\\PC{0,300}|[ -~]{0,300}|(zone|routines?|edit|benefits?|evidence|safety|history|share)(=[a-z0-9-]{0,12})?"
    ) {
        // Whatever a link holds the guess never panics; wherever the link
        // opens a page, it names that page's part.
        let guess = code_of_fragment(&text);
        if let Ok(route) = route::parse(&text, content()) {
            prop_assert_eq!(guess, route.code());
        }
    }

    #[test]
    fn a_damaged_link_guesses_the_part_its_page_needs(text in damaged_fragment()) {
        let guess = code_of_fragment(&format!("#{text}"));
        if let Ok(route) = route::parse(&format!("#{text}"), content()) {
            prop_assert_eq!(guess, route.code());
        }
    }

    #[test]
    fn a_damaged_link_is_read_or_refused_with_a_reason(text in damaged_fragment()) {
        match route::parse(&format!("#{text}"), content()) {
            Ok(route) => prop_assert_eq!(route::fragment(route), text),
            Err(error) => assert_readable_message(&error),
        }
    }

    #[test]
    fn any_saved_settings_text_is_read_without_panicking(text in "\\PC{0,600}|[a-z=;01 ]{0,80}") {
        let (settings, problem) = Settings::decode(&text);
        // What was read saves and reads back the same.
        prop_assert_eq!(Settings::decode(&settings.encode()), (settings, None));
        if let Some(problem) = problem {
            prop_assert!(!problem.chars().any(char::is_control), "{:?}", problem);
            prop_assert!(problem.chars().count() < 200);
            // Upgrading it to the store hands the unreadable text back to be
            // kept aside (before anything is saved), and keeps what was read.
            let loaded = Store::load(None, Some(&text));
            prop_assert_eq!(loaded.keep_aside.as_deref(), Some(text.as_str()));
            prop_assert_eq!(loaded.store.settings, settings);
        }
    }

    #[test]
    fn valid_settings_round_trip_among_keys_from_newer_versions(
        sound in prop::sample::select(Sound::ALL.to_vec()),
        manual in any::<bool>(),
        safety_seen in any::<bool>(),
        extra in prop::collection::vec(("[a-z]{3,8}", "[a-z0-9]{0,6}"), 0..4),
    ) {
        let settings = Settings { sound, manual, safety_seen, no_vibrate: false, exported_ms: None, measure: None, cues: false, reader: false, applies: Default::default() };
        prop_assert_eq!(Settings::decode(&settings.encode()), (settings, None));
        let mut text = settings.encode();
        for (key, value) in extra.iter().filter(|(k, _)| !["sound", "manual", "safety"].contains(&k.as_str())) {
            text.push_str(&format!(";{key}={value}"));
        }
        prop_assert_eq!(Settings::decode(&text), (settings, None));
    }
}
