//! Each language all through: a reader whose browser prefers Spanish or
//! German sees and hears every page and state in it, with nothing left in
//! English but the sources' published titles (marked `lang="en"`) and
//! names; downloads that language's words and no other's; and can change
//! language from any page, the choice kept for the next visit.

mod language_check;
mod support;

use language_check::{check, english_in, english_only, go, languages, prefers};
use serde_json::json;
use support::{DESKTOP, PHONE, STATUS};

/// Six rated sessions, as someone who has used the app for weeks, and a
/// routine of their own.
const USED: &str = r#"{"version":2,"settings":{"safety_seen":true,"measure":"foot-pain"},"history":[
{"start":1794247200000,"offset":60,"routine":"quick-3","name":"3-minute quick reset","seconds":180,"finished":true,"measure":"foot-pain","before":6,"after":3},
{"start":1794420000000,"offset":60,"routine":"quick-3","name":"3-minute quick reset","seconds":180,"finished":true,"measure":"foot-pain","before":7,"after":4},
{"start":1794852000000,"offset":60,"routine":"quick-3","name":"3-minute quick reset","seconds":180,"finished":true,"measure":"foot-pain","before":5,"after":3},
{"start":1795030000000,"offset":60,"routine":"quick-3","name":"3-minute quick reset","seconds":100,"finished":false,"measure":"foot-pain","before":6,"after":2},
{"start":1795456800000,"offset":60,"routine":"quick-3","name":"3-minute quick reset","seconds":180,"finished":true,"measure":"foot-pain","before":8,"after":5},
{"start":1795629600000,"offset":60,"routine":"quick-3","name":"3-minute quick reset","seconds":180,"finished":true,"measure":"foot-pain","before":4,"after":4}],
"routines":[{"id":"my-1","name":"Noche","steps":[{"side":"left","zone":"heel","technique":"thumb-walking","seconds":60}]}]}"#;

#[tokio::test]
async fn every_page_and_state_is_in_the_readers_language() {
    let mut found = Vec::new();
    for language in languages() {
        let known = english_only(language);
        let (server, browser) = support::session_with(PHONE, "", &[&prefers(language)]).await;
        check(&browser, language, &known, "map", &mut found).await;

        browser.click_zone("left-heel").await;
        browser.wait_for("[data-testid=zone-details] h2").await;
        check(&browser, language, &known, "zone details", &mut found).await;

        for (fragment, testid) in [
            ("benefits", ".benefits .claims"),
            ("evidence", "evidence-page"),
            ("safety", "safety-page"),
            ("routines", "new-routine"),
        ] {
            go(&browser, fragment, testid).await;
            check(&browser, language, &known, fragment, &mut found).await;
        }
        let claim = &foot_map::content::content().claims[0].id;
        go(&browser, &format!("benefit={claim}"), "[data-testid=benefit] h2").await;
        check(&browser, language, &known, "a benefit", &mut found).await;

        // A first routine: the safety note comes first.
        browser.with_saved(r#"{"version":2}"#).await;
        go(&browser, "routine=quick-3", "safety-gate").await;
        check(
            &browser,
            language,
            &known,
            "the safety note before a first routine",
            &mut found,
        )
        .await;

        // A routine: its settings and the question before, get ready,
        // running with cues, then its summary and the question after.
        browser
            .with_saved(r#"{"version":2,"settings":{"safety_seen":true,"cues":true,"measure":"tension"}}"#)
            .await;
        go(&browser, "routine=quick-3", "rate-before").await;
        check(&browser, language, &known, "a routine, before", &mut found).await;
        browser
            .js("document.querySelector('[data-testid=rate-before] .scale button').click()")
            .await;
        browser.start_routine("quick-3").await;
        check(&browser, language, &known, "get ready", &mut found).await;
        browser.press("next").await;
        browser.wait_for_js(STATUS, json!("running")).await;
        tokio::time::sleep(std::time::Duration::from_millis(1200)).await;
        check(&browser, language, &known, "running", &mut found).await;
        browser
            .js("[...document.querySelectorAll('.step-button')].at(-1).click()")
            .await;
        browser.press("next").await;
        browser.wait_for_js(STATUS, json!("finished")).await;
        browser.wait_for("[data-testid=rate-after]").await;
        check(&browser, language, &known, "a routine, finished", &mut found).await;
        browser
            .js("document.querySelector('[data-testid=rate-after] .scale button').click()")
            .await;
        browser.wait_for("[data-testid=rate-given]").await;
        check(&browser, language, &known, "a rating given", &mut found).await;
        let said = browser.js("return window.__said").await;
        for utterance in said.as_array().unwrap() {
            let (text, lang) = (utterance[0].as_str().unwrap(), &utterance[1]);
            // The language's voice: its code, or its code and a region
            // (Brazilian Portuguese asks for "pt-BR").
            let primary = lang.as_str().and_then(|l| l.split('-').next());
            if primary != Some(language) {
                found.push(format!("{language}: “{text}” was said in {lang}"));
            }
            for english in english_in(text, &known) {
                found.push(format!("{language} spoken: {english}"));
            }
        }
        assert!(
            !said.as_array().unwrap().is_empty(),
            "{language}: the routine spoke"
        );

        // The person's own: a routine, the editor, a shared one, history.
        browser.with_saved(USED).await;
        go(&browser, "routines", "own-routine").await;
        check(&browser, language, &known, "routines, with one's own", &mut found).await;
        go(&browser, "edit=my-1", "editor").await;
        check(&browser, language, &known, "the editor", &mut found).await;
        let mut shared = foot_map::own_routine::OwnRoutine::new("my-2", "Pies cansados");
        shared.steps = foot_map::content::whole()
            .routine("quick-3")
            .unwrap()
            .steps
            .clone();
        let link = foot_map::share::fragment(&shared).unwrap();
        go(&browser, &link, "shared").await;
        check(&browser, language, &known, "a shared routine", &mut found).await;
        go(&browser, "history", "own-sentence").await;
        check(&browser, language, &known, "history", &mut found).await;

        // What goes wrong: a broken link, a broken share link, data from a
        // newer version.
        go(&browser, "zone=nowhere", "link-notice").await;
        check(&browser, language, &known, "a broken link", &mut found).await;
        go(&browser, "share=1.broken", "link-notice").await;
        check(&browser, language, &known, "a broken share link", &mut found).await;
        browser.with_saved(r#"{"version":99}"#).await;
        browser.wait_for("[data-testid=saved-notice]").await;
        check(&browser, language, &known, "newer saved data", &mut found).await;

        // The first screen the build wrote in this language, as a search
        // engine or a reader without the app's code finds it.
        browser
            .client
            .goto(&format!("{}index.{language}.html", server.url("")))
            .await
            .unwrap();
        check(
            &browser,
            language,
            &known,
            "the pre-rendered first screen",
            &mut found,
        )
        .await;
        browser.close().await;
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[tokio::test]
async fn a_reader_downloads_only_their_own_languages_words() {
    for (tag, own, other) in [
        ("es-MX", Some("es"), "de"),
        ("de-AT", Some("de"), "es"),
        ("pt-BR", Some("pt"), "fr"),
        ("en-GB", None, "es"),
    ] {
        let (server, browser) = support::session_with(DESKTOP, "zone=left-heel", &[&prefers(tag)]).await;
        browser.wait_for("[data-testid=zone-details] h2").await;
        let wasm: Vec<String> = server
            .served()
            .into_iter()
            .map(|s| s.path)
            .filter(|p| p.ends_with(".wasm"))
            .collect();
        let names = wasm.join(" ");
        assert!(!names.contains(&format!("split_lang_{other}")), "{tag}: {names}");
        if let Some(own) = own {
            assert!(names.contains(&format!("split_lang_{own}-")), "{tag}: {names}");
            assert!(
                names.contains(&format!("split_lang_{own}_apart")),
                "{tag}: {names}"
            );
        } else {
            assert!(!names.contains("split_lang_de"), "{tag}: {names}");
        }
        browser.close().await;
    }
}

#[tokio::test]
async fn the_language_is_changed_from_any_page_and_kept() {
    let (server, browser) = support::session_with(PHONE, "safety", &[&prefers("es-ES")]).await;
    // Sent from the English address to the Spanish page, the place kept.
    assert_eq!(
        browser
            .js("return location.pathname.split('/').pop() + location.hash")
            .await,
        json!("index.es.html#safety")
    );
    assert_eq!(
        browser.js("return document.documentElement.lang").await,
        json!("es")
    );
    assert_eq!(
        browser
            .js("return document.querySelector('[data-testid=languages] [aria-pressed=true]').lang")
            .await,
        json!("es")
    );
    // Each language's page is named for search engines by its whole address.
    let base = server.url("");
    assert_eq!(
        browser
            .js("return [...document.querySelectorAll('link[hreflang]')].map(l => l.hreflang + ' ' + l.getAttribute('href'))")
            .await,
        json!(foot_map::language::Language::ALL
            .into_iter()
            .map(|l| match l.code() {
                "en" => format!("en {base}"),
                code => format!("{code} {base}index.{code}.html"),
            })
            .chain([format!("x-default {base}")])
            .collect::<Vec<_>>())
    );
    // Deutsch, from the foot of the page: the same page, now in German.
    browser
        .js("document.querySelector('[data-testid=languages] button[lang=de]').click()")
        .await;
    browser
        .wait_for_js(
            "return location.pathname.split('/').pop() + location.hash",
            json!("index.de.html#safety"),
        )
        .await;
    browser.wait_for("[data-testid=safety-page]").await;
    assert_eq!(
        browser.js("return document.documentElement.lang").await,
        json!("de")
    );
    // Kept: the English address of another page opens in German too.
    browser.open(&server.url("evidence")).await;
    assert_eq!(
        browser
            .js("return location.pathname.split('/').pop() + location.hash")
            .await,
        json!("index.de.html#evidence")
    );
    assert_eq!(
        browser.js("return document.documentElement.lang").await,
        json!("de")
    );
    // English is a choice too, at its own address, and kept over the
    // browser's Spanish.
    browser
        .js("document.querySelector('[data-testid=languages] button[lang=en]').click()")
        .await;
    browser
        .wait_for_js(
            "return location.pathname.split('/').pop() + location.hash",
            json!("index.en.html#evidence"),
        )
        .await;
    browser.open(&server.url("")).await;
    assert_eq!(
        browser.js("return document.documentElement.lang").await,
        json!("en")
    );
    // A page whose address names its language is in it, whatever was
    // chosen: a link to the Spanish page (a search result) opens in Spanish.
    browser
        .open(&format!("{}index.es.html#routines", server.url("")))
        .await;
    assert_eq!(
        browser.js("return document.documentElement.lang").await,
        json!("es")
    );
    let violations = browser.axe_violations().await;
    assert!(violations.is_empty(), "{violations:#?}");
    browser.close().await;
}

#[tokio::test]
async fn with_no_voice_for_the_language_the_sound_settings_say_so_and_offer_chimes() {
    // The browser speaks, but only English.
    let voices =
        "if (window.speechSynthesis) speechSynthesis.getVoices = () => [{ lang: 'en-US', name: 'US' }];";
    let (_server, browser) = support::session_with(DESKTOP, "", &[&prefers("de-DE"), voices]).await;
    browser
        .with_saved(r#"{"version":2,"settings":{"safety_seen":true,"sound":"both"}}"#)
        .await;
    go(&browser, "routine=quick-3", "start").await;
    browser
        .wait_for_text(
            "[data-testid=limit]",
            "Dieser Browser hat keine deutsche Stimme: nur Töne.",
        )
        .await;
    let voice_buttons = browser
        .js("return [...document.querySelectorAll('.settings .segmented button')].map(b => b.disabled)")
        .await;
    assert_eq!(
        voice_buttons,
        json!([false, true, true, false]),
        "chime and silent only"
    );
    browser.start_routine("quick-3").await;
    browser.press("next").await;
    browser.wait_for_js(STATUS, json!("running")).await;
    assert_eq!(
        browser.js("return window.__said").await,
        json!([]),
        "nothing said in an English voice"
    );
    browser.close().await;
}

#[tokio::test]
async fn after_a_first_visit_in_spanish_the_app_works_offline_in_spanish() {
    let (server, browser) = support::session_with(PHONE, "", &[&prefers("es-ES")]).await;
    browser.wait_for_service_worker().await;

    // Offline, the English address of a zone: sent to the Spanish page,
    // which opens in Spanish, words, content and all.
    server.set_offline(true);
    browser.open(&server.url("zone=left-heel")).await;
    assert_eq!(
        browser
            .js("return location.pathname.split('/').pop() + location.hash")
            .await,
        json!("index.es.html#zone=left-heel")
    );
    browser
        .wait_for_text("[data-testid=zone-details] h2", "Talón")
        .await;
    let known = english_only("es");
    let mut found = Vec::new();
    check(&browser, "es", &known, "offline, a zone", &mut found).await;
    // And the pages whose words come later, which this visit never opened.
    for (fragment, shown) in [("history", "history"), ("evidence", "evidence-page")] {
        go(&browser, fragment, shown).await;
        check(
            &browser,
            "es",
            &known,
            &format!("offline, {fragment}"),
            &mut found,
        )
        .await;
    }
    server.set_offline(false);
    assert!(found.is_empty(), "{}", found.join("\n"));
    browser.close().await;
}

#[tokio::test]
async fn a_language_that_cannot_be_downloaded_leaves_the_page_in_english_and_says_so() {
    // An English reader, with the app kept for offline use; offline, they
    // choose Español, which was never downloaded.
    let (server, browser) = support::session_with(PHONE, "zone=left-heel", &[]).await;
    browser.wait_for_service_worker().await;
    server.set_offline(true);
    browser
        .js("document.querySelector('[data-testid=languages] button[lang=es]').click()")
        .await;
    browser
        .wait_for_js(
            "return location.pathname.split('/').pop() + location.hash",
            json!("index.es.html#zone=left-heel"),
        )
        .await;
    // The words did not come: the app works in English, and says why.
    browser
        .wait_for_text("[data-testid=language-notice]", "Español could not be downloaded")
        .await;
    assert_eq!(
        browser.js("return document.documentElement.lang").await,
        json!("en")
    );
    assert_eq!(browser.details_title().await.as_deref(), Some("Heel"));
    assert_eq!(
        browser
            .js("return [...document.querySelectorAll('[data-testid=language-notice] [lang=es]')].map(e => e.textContent)")
            .await,
        json!(["Español", "Español"]),
        "the language's name is marked as Spanish, for voices"
    );
    let violations = browser.axe_violations().await;
    assert!(violations.is_empty(), "{violations:#?}");

    // Online again, the notice's Reload opens the page in Spanish, as
    // chosen.
    server.set_offline(false);
    browser.press("reload").await;
    browser
        .wait_for_text("[data-testid=zone-details] h2", "Talón")
        .await;
    assert_eq!(
        browser.js("return document.documentElement.lang").await,
        json!("es")
    );
    assert!(browser.text("[data-testid=language-notice]").await.is_none());
    browser.close().await;
}
