//! The page around the app (`index.html`): where the build writes the
//! pre-rendered first screen. Pure text work, tested natively; the
//! rendering itself is `src/prerender.rs`.

/// `page` with its loading message (`<div id="loading">…</div>`, which
/// holds no other `div`) replaced by `app`, the first screen's markup.
/// `None` when the page has no loading message, or it was already
/// replaced.
pub fn insert(page: &str, app: &str) -> Option<String> {
    // Trunk's minifier may drop the quotes and reorder the attributes.
    let id = page.find("id=\"loading\"").or_else(|| page.find("id=loading"))?;
    let start = page[..id].rfind("<div")?;
    let end = start + page[start..].find("</div>")? + "</div>".len();
    Some(format!("{}{app}{}", &page[..start], &page[end..]))
}

/// `page` with Trunk's start-up script (which fetches and starts the wasm
/// at once) replaced by [`LOADER`], which starts it at the first sign of
/// use, and without the preload that would fetch the wasm before the first
/// paint. `None` when the page has no Trunk start-up script.
///
/// Why: the pre-rendered page is already the first screen. Starting the
/// app replaces that markup in one long task (about 90 ms on the build
/// machine, several times that on a slow phone), which blocks a reader who
/// is only looking. A first visit therefore fetches and compiles the wasm
/// once the whole first screen is on screen, and starts it on the first click, key or
/// link followed (not on `pointerdown`: a compiled app can start before
/// the finger lifts, and the tap's click would then land on markup that
/// is gone); the pre-start script in `index.html` keeps a zone chosen
/// meanwhile, and the loader focuses and presses again whatever control
/// was focused or pressed. A returning visit (a link to a page, saved
/// data, or a page the service worker serves) starts at once.
pub fn defer_start(page: &str) -> Option<String> {
    let open = page
        .find("<script type=module>")
        .or_else(|| page.find("<script type=\"module\">"))?;
    let close = open + page[open..].find("</script>")? + "</script>".len();
    let script = &page[open..close];
    let quoted = |after: &str| -> Option<&str> {
        let from = script.find(after)? + after.len();
        let quote = script[from..]
            .chars()
            .next()
            .filter(|c| *c == '\'' || *c == '"')?;
        let rest = &script[from + 1..];
        Some(&rest[..rest.find(quote)?])
    };
    let js = quoted("from ")?;
    let wasm = quoted("module_or_path: ")?;
    let loader = LOADER.replace("{js}", js).replace("{wasm}", wasm);
    let mut out = format!("{}{loader}{}", &page[..open], &page[close..]);
    // The wasm's preload link (`<link ... rel=preload ... .wasm ...>`).
    let mut from = 0;
    while let Some(at) = out[from..].find("<link").map(|i| from + i) {
        let end = at + out[at..].find('>')? + 1;
        let tag = &out[at..end];
        if tag.contains("preload") && !tag.contains("modulepreload") && tag.contains(".wasm") {
            out.replace_range(at..end, "");
        } else {
            from = end;
        }
    }
    Some(out)
}

/// The start-up script [`defer_start`] writes, with `{js}` and `{wasm}`
/// standing for the files Trunk named. Plain JavaScript: the platform
/// gives no other way to decide when a module starts.
pub const LOADER: &str = r#"<script type=module>import init from "{js}";
var root = document.documentElement, wanted = "a[href], button, [tabindex]";
var intents = ["click", "keydown", "hashchange"];
var compiled, started, focused = -1, pressed = -1;
function module() {
  return compiled || (compiled = fetch("{wasm}").then(function (response) {
    if (!response.ok) throw new Error(response.status + " for the app's code");
    return response.arrayBuffer();
  }).then(function (bytes) { return WebAssembly.compile(bytes); }).catch(function (error) {
    compiled = null;
    throw error;
  }));
}
function place(element) {
  var before = document.getElementById("prerendered");
  return element && before ? Array.prototype.indexOf.call(before.querySelectorAll(wanted), element) : -1;
}
function start() {
  if (started) return;
  started = true;
  intents.forEach(function (type) { removeEventListener(type, start, true); });
  root.classList.add("starting");
  init({ module_or_path: module() }).then(function () {
    var now = document.body.querySelectorAll(wanted);
    if (now[focused] && (!document.activeElement || document.activeElement === document.body)) now[focused].focus();
    if (now[pressed]) now[pressed].click();
  }, function (error) {
    if (typeof WebAssembly === "object" && error instanceof WebAssembly.RuntimeError) throw error;
    root.classList.add("failed");
  });
}
addEventListener("focusin", function (event) { var at = place(event.target); if (at >= 0) focused = at; }, true);
addEventListener("click", function (event) {
  var at = place(event.target.closest && event.target.closest("button"));
  if (at >= 0) pressed = at;
}, true);
var returning = location.hash.length > 1 || !!(navigator.serviceWorker && navigator.serviceWorker.controller);
try { returning = returning || localStorage.length > 0; } catch (error) {}
if (returning) start();
else {
  intents.forEach(function (type) { addEventListener(type, start, { capture: true, passive: true }); });
  // Fetched once the whole first screen is on screen, so that nothing
  // competes with it: when the largest paint after the page's load is
  // reported (the welcome text may paint a frame after the rest, and a
  // frame shows some time after it is drawn), or a second after the load
  // if none comes. A page never painted, in a background tab, fetches on use.
  var fetched = false, loadedAt = -1;
  var fetchNow = function () {
    if (fetched) return;
    fetched = true;
    setTimeout(function () { module().catch(function () {}); });
  };
  var loaded = function () {
    loadedAt = performance.now();
    setTimeout(function () { requestAnimationFrame(fetchNow); }, 1000);
  };
  if ((window.PerformanceObserver && PerformanceObserver.supportedEntryTypes || []).indexOf("largest-contentful-paint") >= 0) {
    new PerformanceObserver(function (list) {
      var entries = list.getEntries();
      if (loadedAt >= 0 && entries[entries.length - 1].startTime >= loadedAt) fetchNow();
    }).observe({ type: "largest-contentful-paint", buffered: true });
  }
  if (document.readyState === "complete") loaded();
  else addEventListener("load", loaded);
}
</script>"#;

/// The pages of text that the build also writes as pages of their own
/// (`routines.html` and so on), so they can be read without the app and
/// found by search engines: file, the route's fragment, and title.
pub const TEXT_PAGES: [(&str, &str, &str); 4] = [
    ("routines.html", "routines", "Guided routines"),
    ("benefits.html", "benefits", "Claimed benefits"),
    ("evidence.html", "evidence", "Evidence and sources"),
    ("safety.html", "safety", "Safety"),
];

/// `page` (the built `index.html`, before [`insert`]) as the page of text
/// whose route's fragment is `fragment`: `app` in place of the loading
/// message, marked with `data-page` so that the app, when it starts there,
/// shows the same page, and `title` first in the `<title>`.
pub fn text_page(page: &str, app: &str, fragment: &str, title: &str) -> Option<String> {
    let page = insert(page, app)?;
    let wrapper = page
        .find("id=\"prerendered\"")
        .map(|at| (at, "id=\"prerendered\"".len()))
        .or_else(|| page.find("id=prerendered").map(|at| (at, "id=prerendered".len())))?;
    let marked = format!(
        "{} data-page=\"{fragment}\"{}",
        &page[..wrapper.0 + wrapper.1],
        &page[wrapper.0 + wrapper.1..]
    );
    let open = marked.find("<title>")? + "<title>".len();
    Some(format!("{}{title} – {}", &marked[..open], &marked[open..]))
}

/// The folder, beside `index.html`, of each zone's details as the panel
/// shows them (`zone/left-heel.html`): the pre-start script in
/// `index.html` fetches the one for a zone tapped before the app has
/// started and shows it at once, so a first tap is answered without the
/// wasm. Fragments, not pages: the app itself renders them at build time.
pub const ZONE_DIR: &str = "zone";

/// What the details panel (`<aside id="details" …>`, which holds no other
/// `aside`) contains in `app`, the app's rendered markup. `None` when
/// there is no such panel.
pub fn panel_contents(app: &str) -> Option<&str> {
    let id = app.find("id=\"details\"")?;
    let start = app[..id].rfind("<aside")?;
    let open = start + app[start..].find('>')? + 1;
    let close = open + app[open..].find("</aside>")?;
    Some(&app[open..close])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_page_is_marked_with_its_route_and_titled() {
        let page = "<head><title>Foot Map – a guide</title></head><body><div id=prerendered><div id=loading>…</div></div></body>";
        assert_eq!(
            text_page(page, "SAFETY", "safety", "Safety").as_deref(),
            Some("<head><title>Safety – Foot Map – a guide</title></head><body><div id=prerendered data-page=\"safety\">SAFETY</div></body>")
        );
        // Every text page is a route the app knows, by the same fragment.
        for (file, fragment, _) in TEXT_PAGES {
            assert_eq!(file, format!("{fragment}.html"));
            let route = crate::route::read(&format!("#{fragment}"), crate::content::content());
            let (route, _) = route.unwrap_or_else(|e| panic!("{fragment}: {e:?}"));
            assert_eq!(crate::route::fragment(route), fragment);
        }
    }

    const TRUNK: &str = "<head><script type=module>import init, * as bindings from './app-1f.js';\nconst wasm = await init({ module_or_path: './app-1f_bg.wasm' });\nwindow.wasmBindings = bindings;</script><link crossorigin href=./app-1f.js rel=modulepreload><link as=fetch crossorigin href=./app-1f_bg.wasm rel=preload type=application/wasm></head><body></body>";

    #[test]
    fn the_start_up_script_waits_for_use_and_names_the_built_files() {
        let out = defer_start(TRUNK).unwrap();
        assert!(out.contains(r#"import init from "./app-1f.js";"#));
        assert!(out.contains(r#"fetch("./app-1f_bg.wasm")"#));
        // Trunk's own start, and the wasm's preload, are gone; the small
        // JavaScript module is still preloaded.
        assert!(!out.contains("await init("));
        assert!(!out.contains("rel=preload"));
        assert!(out.contains("rel=modulepreload"));
        assert_eq!(out.matches("<script").count(), 1);
        assert!(out.ends_with("</head><body></body>"));
        // No placeholder left, and done once.
        assert!(!out.contains("{js}") && !out.contains("{wasm}"));
        assert_eq!(defer_start(&out), None);
    }

    #[test]
    fn a_page_without_trunks_script_is_left_alone() {
        assert_eq!(
            defer_start("<head></head><body><div id=loading></div></body>"),
            None
        );
        // A module script without the names the loader needs.
        assert_eq!(defer_start("<script type=module>console.log(1)</script>"), None);
    }

    #[test]
    fn the_loading_message_is_replaced_by_the_app() {
        let page = r#"<body><div id="prerendered"><div id="loading" class="loading"><p>Loading…</p></div></div><div id="fatal"></div></body>"#;
        let out = insert(page, "<div class=\"app\">map</div>").unwrap();
        assert_eq!(
            out,
            r#"<body><div id="prerendered"><div class="app">map</div></div><div id="fatal"></div></body>"#
        );
        // Done once: a second run finds nothing to replace.
        assert_eq!(insert(&out, "x"), None);
    }

    #[test]
    fn a_minified_page_is_understood() {
        let page = "<body><div id=prerendered><div class=loading id=loading><p>Loading…</div></div>";
        assert_eq!(
            insert(page, "APP").as_deref(),
            Some("<body><div id=prerendered>APP</div>")
        );
    }

    #[test]
    fn the_details_panels_contents_are_found_in_the_apps_markup() {
        let app = r#"<div class="app"><main><svg></svg><aside id="details" class="panel" tabindex="0"><p>Left heel selected</p><article>HOW</article></aside></main><footer></footer></div>"#;
        assert_eq!(
            panel_contents(app),
            Some("<p>Left heel selected</p><article>HOW</article>")
        );
        assert_eq!(
            panel_contents("<div class=\"app\"><aside class=\"other\"></aside></div>"),
            None
        );
        assert_eq!(panel_contents("<aside id=\"details\">unclosed"), None);
    }
}
