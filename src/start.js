// Starts Foot Map's WebAssembly. Plain JavaScript, because the platform
// gives no other way to decide when a module starts. Trunk hashes this
// file (.ci/build minifies it). The element this reads the built files'
// names from is filled in by the release build's pre-render program
// (src/shell.rs), or under `trunk serve` written by Trunk's
// `pattern_script` (Trunk.toml):
// <link id="app-code" rel="modulepreload" href="<glue>.js" data-wasm="<app>_bg.wasm">.
//
// Why not at once: the pre-rendered page is already the first screen.
// Starting the app replaces that markup in one long task (about 90 ms on
// the build machine, several times that on a slow phone), which blocks a
// reader who is only looking. A first visit therefore fetches and compiles
// the wasm once the whole first screen is on screen, and starts it on the
// first click, key or link followed (not on `pointerdown`: a compiled app
// can start before the finger lifts, and the tap's click would then land
// on markup that is gone); the pre-start script in index.html keeps a zone
// chosen meanwhile, and this focuses and presses again whatever control
// was focused or pressed. A returning visit (a link to a page, saved data,
// or a page the service worker serves) starts at once, as does a page with
// nothing pre-rendered (the development server).
// The pages in other languages (`hreflang`) are named by relative
// addresses, so that any sub-path works without a rebuild; search engines
// want them whole, so they are made whole here, from this page's address.
var alternates = document.querySelectorAll("link[hreflang]");
for (var i = 0; i < alternates.length; i++) alternates[i].setAttribute("href", alternates[i].href);
var code = document.getElementById("app-code");
var glue = code.href, wasm = code.getAttribute("data-wasm");
var root = document.documentElement, wanted = "a[href], button, [tabindex]";
var intents = ["click", "keydown", "hashchange"];
var compiled, started, focused = -1, pressed = -1;
function module() {
  return compiled || (compiled = fetch(wasm).then(function (response) {
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
  import(glue).then(function (bindings) {
    return bindings.default({ module_or_path: module() });
  }).then(function () {
    // The app mounts once the reader's words have come too (a split part
    // of their own), in the task that removes the pre-rendered markup.
    if (!document.getElementById("prerendered")) return again();
    var watch = new MutationObserver(function () {
      if (document.getElementById("prerendered")) return;
      watch.disconnect();
      again();
    });
    watch.observe(document.body, { childList: true });
  }, function (error) {
    if (typeof WebAssembly === "object" && error instanceof WebAssembly.RuntimeError) throw error;
    root.classList.add("failed");
  });
}
// Focuses and presses again, in the app's markup, what was focused or
// pressed in the pre-rendered one.
function again() {
  var now = document.body.querySelectorAll(wanted);
  if (now[focused] && (!document.activeElement || document.activeElement === document.body)) now[focused].focus();
  if (now[pressed]) now[pressed].click();
}
addEventListener("focusin", function (event) { var at = place(event.target); if (at >= 0) focused = at; }, true);
addEventListener("click", function (event) {
  var at = place(event.target.closest && event.target.closest("button"));
  if (at >= 0) pressed = at;
}, true);
// Nothing pre-rendered (the development server) also starts at once.
var returning = !!document.getElementById("loading") || location.hash.length > 1 || !!(navigator.serviceWorker && navigator.serviceWorker.controller);
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
