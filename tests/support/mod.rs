//! Test support for the browser tests and the load benchmark: a static file
//! server that hosts the release build under a sub-path and remembers every
//! request, and a headless Chromium driven through chromedriver.
#![allow(dead_code)]

use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A script giving the routine player's status (`idle`, `get-ready`,
/// `running`, `paused`, `finished`), or null where no player is shown.
pub const STATUS: &str = "return document.querySelector('[data-testid=player]')?.dataset.status ?? null";

/// A script telling whether the app has started (it marks `map-ready`
/// right after mounting).
pub const MAP_READY: &str = "return performance.getEntriesByName('map-ready').length > 0";

/// A script telling whether the app's wasm has been downloaded.
pub const WASM_FETCHED: &str = "return performance.getEntriesByType('resource') \
    .some((r) => r.name.endsWith('.wasm') && r.responseEnd > 0)";

/// A script giving the zone the details panel shows, or null.
pub const SHOWN_ZONE: &str =
    "return document.querySelector('[data-testid=zone-details]')?.dataset.zone ?? null";

/// The sub-path the app is served under, as a static host might.
pub const BASE: &str = "/foot-map/";

/// The release build, made by `bash .ci/build` (`.ci/test` runs it).
pub fn dist() -> PathBuf {
    let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join("dist");
    assert!(
        dist.join("index.html").is_file(),
        "no release build in {}: run `bash .ci/build` first (bash .ci/test does)",
        dist.display()
    );
    dist
}

/// A copy of the release build without the files at its top whose names
/// `leave_out` picks (the folders, such as `zone/`, are copied whole), as
/// when a host has lost them or the network fails just when they are asked
/// for.
pub fn dist_without(label: &str, leave_out: impl Fn(&str) -> bool) -> Scratch {
    let folder = Scratch::new(label);
    let copy = folder.path();
    for entry in std::fs::read_dir(dist()).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().into_string().unwrap();
        if entry.file_type().unwrap().is_dir() {
            copy_folder(&entry.path(), &copy.join(&name));
        } else if !leave_out(&name) {
            std::fs::copy(entry.path(), copy.join(&name)).unwrap();
        }
    }
    folder
}

/// Copies the files in `from` (a folder of files, such as `dist/zone/`)
/// into `to`, which it makes.
pub fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for file in std::fs::read_dir(from).unwrap() {
        let file = file.unwrap();
        std::fs::copy(file.path(), to.join(file.file_name())).unwrap();
    }
}

/// A folder of its own for one test or one browser, removed with
/// everything in it when dropped (a failing test included), so repeated
/// runs do not fill the disk.
pub struct Scratch(PathBuf);

impl Scratch {
    /// A new, empty folder in the system's temporary folder, named after
    /// `label`, this process and a counter.
    pub fn new(label: &str) -> Scratch {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!("foot-map-{label}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("a temporary folder can be made");
        Scratch(path)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        // A browser that was just stopped may still be closing its files.
        for _ in 0..20 {
            if std::fs::remove_dir_all(&self.0).is_ok() || !self.0.exists() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// A second deploy made from the first: every file named by a content hash
/// (those index.html names, and the code of pages opened later, which the
/// code names) gets a new name, every page and script names the new ones,
/// and the policy and the service worker's version are stamped again, as
/// `.ci/build` does. Returns its folder, the new names of the files
/// index.html names, and the old names of all the renamed files.
pub fn second_deploy(first: &Path) -> (Scratch, Vec<String>, Vec<String>) {
    second_deploy_keeping(first, |_| false)
}

/// [`second_deploy`], but the files `keep` picks keep their names (and
/// their contents), as a file unchanged between two builds does: its
/// hash, and so its name, is the same in both.
pub fn second_deploy_keeping(
    first: &Path,
    keep: impl Fn(&str) -> bool,
) -> (Scratch, Vec<String>, Vec<String>) {
    let folder = Scratch::new("deploy");
    let second = folder.path();
    let index = std::fs::read_to_string(first.join("index.html")).unwrap();
    let (mut named, mut renamed) = (Vec::new(), Vec::new());
    let mut files = Vec::new();
    for entry in std::fs::read_dir(first).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().into_string().unwrap();
        // The zones' details (zone/*.html) are fetched by a fixed name.
        if entry.file_type().unwrap().is_dir() {
            copy_folder(&entry.path(), &second.join(&name));
            continue;
        }
        // Pages (index.html, and the pages of text it links to) and the
        // service worker keep their names; the files they load are hashed.
        let in_index = index.contains(&name) && !name.ends_with(".svg");
        let code = name.ends_with(".js") || name.ends_with(".wasm");
        if !name.ends_with(".html") && name != "sw.js" && (in_index || code) && !keep(&name) {
            renamed.push(name.clone());
            if in_index {
                named.push(next_name(&name));
            }
        }
        files.push(name);
    }
    // Longest first, through placeholders, so that no name is renamed twice
    // or inside another.
    renamed.sort_by_key(|name| std::cmp::Reverse(name.len()));
    let rename = |text: &str| {
        let mut text = text.to_string();
        for (i, old) in renamed.iter().enumerate() {
            text = text.replace(old.as_str(), &format!("\u{0}{i}\u{0}"));
        }
        for (i, old) in renamed.iter().enumerate() {
            text = text.replace(&format!("\u{0}{i}\u{0}"), &next_name(old));
        }
        text
    };
    for name in &files {
        let new_name = if renamed.contains(name) {
            next_name(name)
        } else {
            name.clone()
        };
        if name.ends_with(".html") || (name.ends_with(".js") && name != "sw.js") {
            let text = std::fs::read_to_string(first.join(name)).unwrap();
            std::fs::write(second.join(&new_name), rename(&text)).unwrap();
        } else {
            std::fs::copy(first.join(name), second.join(&new_name)).unwrap();
        }
    }
    let stamp = Path::new(env!("CARGO_MANIFEST_DIR")).join(".ci/stamp.py");
    let status = std::process::Command::new("python3")
        .arg(stamp)
        .arg(second)
        .stdout(std::process::Stdio::null())
        .status()
        .expect("python3 runs the build's stamp step");
    assert!(status.success());
    (folder, named, renamed)
}

/// A file's name in the second deploy (the split loader and the languages'
/// parts keep the start of their names, by which the build finds them).
pub fn next_name(name: &str) -> String {
    match name.split_once('-') {
        Some((start, rest)) if start == "__wasm_split" || start.starts_with("split_") => {
            format!("{start}-next-{rest}")
        }
        _ => format!("next-{name}"),
    }
}

/// The cache names, and every URL cached, as the service worker keeps them.
pub const CACHED: &str = r#"const done = arguments[arguments.length - 1];
(async () => {
    const names = await caches.keys();
    const urls = [];
    for (const name of names) for (const r of await (await caches.open(name)).keys()) urls.push(r.url);
    return { names, urls };
})().then(done, e => done({ error: String(e) }));"#;

/// A request the server answered: path and status.
#[derive(Debug, Clone)]
pub struct Served {
    pub path: String,
    pub status: u16,
}

/// A static file server on a free loopback port, serving `dist/` under
/// [`BASE`]. It runs until the test process ends.
pub struct Server {
    pub port: u16,
    log: Arc<Mutex<Vec<Served>>>,
    offline: Arc<AtomicBool>,
    hold_wasm: Arc<AtomicBool>,
    /// Answers a missing file with the app's page, as hosts set up for
    /// single-page apps do.
    rewrite: Arc<AtomicBool>,
    root: Arc<Mutex<PathBuf>>,
}

impl Server {
    pub fn start() -> Server {
        Server::start_at(dist())
    }

    /// A server for the build in `root`.
    pub fn start_at(root: PathBuf) -> Server {
        let root = Arc::new(Mutex::new(root));
        let thread_root = Arc::clone(&root);
        let listener = TcpListener::bind("127.0.0.1:0").expect("a free loopback port");
        let port = listener.local_addr().unwrap().port();
        let log = Arc::new(Mutex::new(Vec::new()));
        let offline = Arc::new(AtomicBool::new(false));
        let hold_wasm = Arc::new(AtomicBool::new(false));
        let rewrite = Arc::new(AtomicBool::new(false));
        let thread_rewrite = Arc::clone(&rewrite);
        let thread_log = Arc::clone(&log);
        let thread_offline = Arc::clone(&offline);
        let thread_hold = Arc::clone(&hold_wasm);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                if thread_offline.load(Ordering::SeqCst) {
                    // As if the network were gone: no answer at all.
                    drop(stream);
                    continue;
                }
                let root = thread_root.lock().unwrap().clone();
                let log = Arc::clone(&thread_log);
                let hold = Arc::clone(&thread_hold);
                let rewrite = thread_rewrite.load(Ordering::SeqCst);
                std::thread::spawn(move || {
                    if let Some(served) = answer(stream, &root, &hold, rewrite) {
                        log.lock().unwrap().push(served);
                    }
                });
            }
        });
        Server {
            port,
            log,
            offline,
            hold_wasm,
            rewrite,
            root,
        }
    }

    /// Answers any missing file with the app's page (status 200), as a
    /// host set up for single-page apps does, or stops doing so.
    pub fn answer_missing_with_app_page(&self, on: bool) {
        self.rewrite.store(on, Ordering::SeqCst);
    }

    /// Serves the build in `root` from now on, as when a new version of
    /// the site is deployed.
    pub fn deploy(&self, root: PathBuf) {
        *self.root.lock().unwrap() = root;
    }

    /// Stops answering (or starts again), as when the network drops.
    pub fn set_offline(&self, offline: bool) {
        self.offline.store(offline, Ordering::SeqCst);
    }

    /// Holds back the WebAssembly (or lets it go): a page asking for it
    /// gets no answer until then, as on a slow network.
    pub fn hold_wasm(&self, hold: bool) {
        self.hold_wasm.store(hold, Ordering::SeqCst);
    }

    /// The app's address, with an optional fragment such as `zone=left-heel`.
    pub fn url(&self, fragment: &str) -> String {
        let hash = if fragment.is_empty() {
            String::new()
        } else {
            format!("#{fragment}")
        };
        format!("http://127.0.0.1:{}{BASE}{hash}", self.port)
    }

    /// Every request that did not succeed.
    pub fn failures(&self) -> Vec<Served> {
        self.log
            .lock()
            .unwrap()
            .iter()
            .filter(|s| s.status >= 400)
            .cloned()
            .collect()
    }

    /// Every request answered so far.
    pub fn served(&self) -> Vec<Served> {
        self.log.lock().unwrap().clone()
    }
}

fn answer(mut stream: TcpStream, root: &Path, hold_wasm: &AtomicBool, rewrite: bool) -> Option<Served> {
    let mut reader = BufReader::new(stream.try_clone().ok()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line).ok()?;
    // Read and ignore the headers.
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 || line == "\r\n" || line == "\n" {
            break;
        }
    }
    let path = request_line
        .split_whitespace()
        .nth(1)?
        .split(['?', '#'])
        .next()?
        .to_owned();
    while path.ends_with(".wasm") && hold_wasm.load(Ordering::SeqCst) {
        std::thread::sleep(Duration::from_millis(20));
    }
    let file = path.strip_prefix(BASE).and_then(|rest| {
        let rest = if rest.is_empty() { "index.html" } else { rest };
        let candidate = root.join(rest);
        (!rest.contains("..") && candidate.is_file()).then_some(candidate)
    });
    let file = file.or_else(|| rewrite.then(|| root.join("index.html")));
    let (status, body, kind) = match file {
        Some(file) => (200, std::fs::read(&file).ok()?, content_type(&file)),
        None => (404, b"not found".to_vec(), "text/plain"),
    };
    let reason = if status == 200 { "OK" } else { "Not Found" };
    let head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).ok()?;
    stream.write_all(&body).ok()?;
    Some(Served { path, status })
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or_default() {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript",
        "wasm" => "application/wasm",
        "css" => "text/css",
        "svg" => "image/svg+xml",
        "json" | "webmanifest" => "application/json",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}

/// A server for the release build and a browser showing it at `fragment`.
pub async fn session(size: (u32, u32), fragment: &str) -> (Server, Browser) {
    let server = Server::start();
    let browser = Browser::start(size).await;
    browser.open(&server.url(fragment)).await;
    (server, browser)
}

/// A server for the release build and a browser showing it at `fragment`,
/// with `scripts` run in every page before the app's own (to remove or
/// replace a browser API, or to listen for events from the start).
pub async fn session_with(size: (u32, u32), fragment: &str, scripts: &[&str]) -> (Server, Browser) {
    let server = Server::start();
    let browser = Browser::start(size).await;
    for script in scripts {
        browser.before_load(script).await;
    }
    browser.open(&server.url(fragment)).await;
    (server, browser)
}

/// A headless Chromium session; closes the browser and its driver on drop.
pub struct Browser {
    pub client: Client,
    driver: Child,
    /// chromedriver's port and the session's id, to end the session (and
    /// so quit Chromium) when a test ends without [`Browser::close`].
    port: u16,
    session: Option<String>,
    /// The temporary folder of chromedriver and Chromium (the profile and
    /// their other temporary files), removed after them: a driver that is
    /// stopped cannot clean up after itself.
    scratch: Scratch,
}

/// A script returning `path` of the saved store (`.history.length`), or
/// null where nothing is saved.
pub fn store(path: &str) -> String {
    format!("return JSON.parse(localStorage.getItem('foot-map.store') ?? 'null'){path}")
}

/// Window sizes a person uses.
pub const DESKTOP: (u32, u32) = (1280, 800);
pub const PHONE: (u32, u32) = (390, 844);

impl Browser {
    pub async fn start(size: (u32, u32)) -> Browser {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let scratch = Scratch::new("browser");
        let driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .env("TMPDIR", scratch.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver on PATH (bash .ci/setup installs it)");
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": "/usr/bin/chromium",
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--no-first-run",
                    "--disable-extensions", "--disable-sync", "--autoplay-policy=no-user-gesture-required",
                    "--js-flags=--expose-gc",
                    format!("--window-size={},{}", size.0, size.1),
                ]
            }),
        );
        caps.insert("goog:loggingPrefs".into(), json!({ "browser": "ALL" }));
        let deadline = Instant::now() + Duration::from_secs(20);
        let client = loop {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(connector)
                .capabilities(caps.clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await
            {
                Ok(client) => break client,
                Err(e) if Instant::now() > deadline => panic!("chromedriver did not start: {e}"),
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        };
        let session = client.session_id().await.ok().flatten();
        Browser {
            client,
            driver,
            port,
            session,
            scratch,
        }
    }

    /// Opens `url` and waits until the app has started (the pre-rendered
    /// map shows earlier, but is not yet the app's).
    pub async fn open(&self, url: &str) {
        self.client.goto(url).await.expect("page loads");
        // A first visit starts the app at the first key or press
        // (`src/start.js`): press Shift, as a person would
        // touch the page. A returning visit has started by itself.
        if self
            .js("return performance.getEntriesByName('map-ready').length")
            .await
            == json!(0)
        {
            self.press_key("Shift").await;
        }
        let deadline = Instant::now() + Duration::from_secs(20);
        while self.js(MAP_READY).await != json!(true) {
            assert!(Instant::now() < deadline, "the app never started at {url}");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Presses and releases `key` ("Shift", say) as the keyboard would: a
    /// trusted event, sent through the DevTools protocol.
    pub async fn press_key(&self, key: &str) {
        for kind in ["rawKeyDown", "keyUp"] {
            self.cdp("Input.dispatchKeyEvent", json!({ "type": kind, "key": key }))
                .await;
        }
    }

    /// Clicks the element `locator` finds (a WebDriver click).
    pub async fn click(&self, locator: Locator<'_>) {
        let element = self
            .client
            .find(locator)
            .await
            .unwrap_or_else(|e| panic!("{locator:?} is on the page: {e}"));
        element
            .click()
            .await
            .unwrap_or_else(|e| panic!("{locator:?} can be clicked: {e}"));
    }

    /// Presses the control with this `data-testid`, as a tap would.
    pub async fn press(&self, testid: &str) {
        self.js(&format!(
            "document.querySelector('[data-testid={testid}]').click()"
        ))
        .await;
    }

    /// Shows the routine `id`, presses Start (or Start again, after an
    /// earlier run's summary) and waits for the get-ready countdown.
    pub async fn start_routine(&self, id: &str) {
        self.js(&format!("location.hash = 'routine={id}'")).await;
        self.wait_for("[data-testid=start]").await;
        self.press("start").await;
        self.wait_for_js(STATUS, json!("get-ready")).await;
    }

    /// Runs the 3-minute routine to its end quickly: start, jump to the
    /// last step, then Next.
    pub async fn finish_quick_routine(&self) {
        self.start_routine("quick-3").await;
        self.press("next").await;
        self.wait_for_js(STATUS, json!("running")).await;
        tokio::time::sleep(Duration::from_millis(1200)).await;
        self.js("[...document.querySelectorAll('.step-button')].at(-1).click()")
            .await;
        self.press("next").await;
        self.wait_for_js(STATUS, json!("finished")).await;
    }

    /// Chooses what to rate before and after each routine (`measure`, its
    /// code, or "" for nothing) in the picker on the page, as a person does.
    pub async fn choose_measure(&self, measure: &str) {
        self.js(&format!(
            "const s = document.querySelector('[data-testid=measure]'); s.value = '{measure}'; \
             s.dispatchEvent(new Event('change'))"
        ))
        .await;
    }

    /// Replaces everything saved with `store` (the text of
    /// `foot-map.store`) and reloads, as a person returning with that data.
    pub async fn with_saved(&self, store: &str) {
        self.client
            .execute(
                "localStorage.clear(); localStorage.setItem('foot-map.store', arguments[0])",
                vec![json!(store)],
            )
            .await
            .expect("script runs");
        self.client.refresh().await.expect("the page reloads");
    }

    /// Picks the file at `path` in the "Import" file picker, as a person
    /// choosing it in the dialog.
    pub async fn pick_import(&self, path: &Path) {
        let input = self
            .client
            .find(Locator::Css("[data-testid=import]"))
            .await
            .expect("the file picker is on the page");
        input
            .send_keys(path.to_str().expect("a UTF-8 path"))
            .await
            .expect("a file is picked");
    }

    /// Runs JavaScript in the page and returns its result.
    pub async fn js(&self, script: &str) -> Value {
        self.client.execute(script, vec![]).await.expect("script runs")
    }

    /// The text of the first element matching `css` (as written, before
    /// CSS changes its case), or None.
    pub async fn text(&self, css: &str) -> Option<String> {
        let script = "return document.querySelector(arguments[0])?.textContent ?? null";
        let text = self.client.execute(script, vec![json!(css)]).await.ok()?;
        text.as_str().map(str::to_owned)
    }

    /// Waits until `css` matches an element whose text contains `text`.
    pub async fn wait_for_text(&self, css: &str, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let found = self.text(css).await;
            if found.as_deref().is_some_and(|t| t.contains(text)) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "`{css}` never showed “{text}”; it shows {found:?}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until `script` returns `expected`. A script that throws (what
    /// it reads is not on the page yet) is tried again, like one that
    /// returns something else, until the time is up.
    pub async fn wait_for_js(&self, script: &str, expected: Value) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let found = match self.client.execute(script, vec![]).await {
                Ok(found) if found == expected => return,
                Ok(found) => found.to_string(),
                Err(error) => format!("an error ({error})"),
            };
            assert!(
                Instant::now() < deadline,
                "`{script}` gave {found}, not {expected}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Clicks a zone as a person would: a real pointer click on a point
    /// where that zone is what the page shows (zones are clipped shapes, so
    /// the centre of their box may belong to a neighbour).
    pub async fn click_zone(&self, zone: &str) {
        let (x, y) = self
            .zone_point(zone, true)
            .await
            .unwrap_or_else(|| panic!("zone {zone} has a visible, clickable point"));
        self.click_at(x, y).await;
    }

    /// A point in the window where the page shows `zone`, scrolled into
    /// view first if `scroll`; `None` if no such point is in view.
    pub async fn zone_point(&self, zone: &str, scroll: bool) -> Option<(f64, f64)> {
        let point = self
            .client
            .execute(
                r#"const el = document.querySelector(`.zone[data-zone="${arguments[0]}"]`);
                if (!el) return null;
                if (arguments[1]) el.scrollIntoView({block: 'center'});
                const r = el.getBoundingClientRect();
                let best = null, bestScore = -1;
                for (let i = 1; i < 24; i++) for (let j = 1; j < 24; j++) {
                    const x = r.left + r.width * i / 24, y = r.top + r.height * j / 24;
                    if (document.elementFromPoint(x, y) !== el) continue;
                    // Prefer points with the zone on all sides, away from edges.
                    let score = 0;
                    for (const [dx, dy] of [[4,0],[-4,0],[0,4],[0,-4]])
                        if (document.elementFromPoint(x + dx, y + dy) === el) score++;
                    if (score > bestScore) { best = [x, y]; bestScore = score; }
                }
                return best;"#,
                vec![json!(zone), json!(scroll)],
            )
            .await
            .expect("script runs");
        Some((point[0].as_f64()?.round(), point[1].as_f64()?.round()))
    }

    /// A real pointer click at (`x`, `y`) in the window.
    pub async fn click_at(&self, x: f64, y: f64) {
        let mouse = MouseActions::new("mouse".into())
            .then(PointerAction::MoveTo { duration: None, x, y })
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_LEFT,
            })
            .then(PointerAction::Up {
                button: MOUSE_BUTTON_LEFT,
            });
        self.client
            .perform_actions(mouse)
            .await
            .expect("the click is performed");
    }

    /// Waits until the page has an element matching `css` (quoted with
    /// `'` inside the script, so `css` uses none).
    pub async fn wait_for(&self, css: &str) {
        self.wait_for_js(&format!("return !!document.querySelector('{css}')"), json!(true))
            .await;
    }

    /// Waits until the service worker controls the page: from then on the
    /// app is kept for offline use.
    pub async fn wait_for_service_worker(&self) {
        let controlled = r#"const done = arguments[arguments.length - 1];
            navigator.serviceWorker.ready.then(() => {
                if (navigator.serviceWorker.controller) return done(true);
                navigator.serviceWorker.addEventListener('controllerchange', () => done(true));
            });"#;
        let ready = self.client.execute_async(controlled, vec![]).await.unwrap();
        assert_eq!(ready, json!(true), "the service worker takes charge");
    }

    /// The heading of the details panel.
    pub async fn details_title(&self) -> Option<String> {
        self.text("[data-testid=zone-details] h2").await
    }

    /// The browser console's warnings and errors so far (drained).
    pub async fn console_problems(&self) -> Vec<String> {
        let entries = self
            .client
            .issue_cmd(BrowserLog)
            .await
            .expect("chromedriver gives logs");
        entries
            .as_array()
            .into_iter()
            .flatten()
            .filter(|e| matches!(e["level"].as_str(), Some("SEVERE" | "WARNING")))
            .map(|e| e["message"].as_str().unwrap_or_default().to_owned())
            .collect()
    }

    /// Asserts the page logged no warning or error and no request failed.
    pub async fn assert_clean(&self, server: &Server) {
        let problems = self.console_problems().await;
        assert!(problems.is_empty(), "console warnings or errors: {problems:#?}");
        assert!(
            server.failures().is_empty(),
            "failed requests: {:#?}",
            server.failures()
        );
    }

    /// Ends the session.
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // End the session first: chromedriver then quits Chromium and waits
        // for it (after `close`, it answers at once that there is none).
        if let (Some(id), Ok(mut stream)) = (&self.session, TcpStream::connect(("127.0.0.1", self.port))) {
            let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
            let request = format!(
                "DELETE /session/{id} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
            // The answer comes once the session has ended.
            if stream.write_all(request.as_bytes()).is_ok() {
                let _ = std::io::Read::read(&mut stream, &mut [0; 512]);
            }
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

impl Browser {
    /// Sends a Chrome DevTools Protocol command through chromedriver.
    pub async fn cdp(&self, cmd: &str, params: Value) -> Value {
        self.client
            .issue_cmd(Cdp(json!({ "cmd": cmd, "params": params })))
            .await
            .unwrap_or_else(|e| panic!("CDP {cmd}: {e}"))
    }

    /// Runs `script` in every page from the next navigation on, before the
    /// page's own scripts.
    pub async fn before_load(&self, script: &str) {
        self.cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": script }),
        )
        .await;
    }

    /// Shows pages as the browser would with a dark (or light) system theme.
    pub async fn set_dark(&self, dark: bool) {
        let scheme = if dark { "dark" } else { "light" };
        self.cdp(
            "Emulation.setEmulatedMedia",
            json!({ "features": [{ "name": "prefers-color-scheme", "value": scheme }] }),
        )
        .await;
    }

    /// The accessibility problems axe-core finds in the page as it is now,
    /// one line each: rule, impact and the elements concerned.
    pub async fn axe_violations(&self) -> Vec<String> {
        let tools = std::env::var("FOOT_MAP_TOOLS")
            .unwrap_or_else(|_| format!("{}/.cache/foot-map-tools", std::env::var("HOME").unwrap()));
        let source = std::fs::read_to_string(format!("{tools}/node_modules/axe-core/axe.min.js"))
            .expect("axe-core installed (bash .ci/setup installs it)");
        self.js(&format!("if (!window.axe) {{ {source} }} return true"))
            .await;
        let run = r#"const done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ['violations'] })
              .then(r => done(r.violations.map(v =>
                  `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(' ')).slice(0, 4).join(', ')}`)))
              .catch(e => done([`axe failed: ${e}`]));"#;
        let found = self.client.execute_async(run, vec![]).await.expect("axe runs");
        serde_json::from_value(found).expect("a list of violations")
    }

    /// Freezes the page for `time`, as a phone freezes a background tab,
    /// then lets it run again.
    pub async fn freeze_for(&self, time: Duration) {
        self.cdp("Page.setWebLifecycleState", json!({ "state": "frozen" }))
            .await;
        tokio::time::sleep(time).await;
        self.cdp("Page.setWebLifecycleState", json!({ "state": "active" }))
            .await;
    }

    /// The page's JS heap in use (bytes), after a garbage collection
    /// where the browser allows one: for the benchmarks.
    pub async fn heap(&self) -> f64 {
        let _ = self.js("window.gc && window.gc()").await;
        let metrics = self.cdp("Performance.getMetrics", json!({})).await;
        metrics["metrics"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|m| m["name"] == "JSHeapUsedSize")
            .and_then(|m| m["value"].as_f64())
            .unwrap_or(0.0)
    }

    /// Saves a screenshot to `$FOOT_MAP_SHOTS/NAME.png` when that variable
    /// is set; a way to look at states only a script can reach.
    pub async fn shot(&self, name: &str) {
        if let Ok(dir) = std::env::var("FOOT_MAP_SHOTS") {
            let png = self.client.screenshot().await.expect("screenshot");
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(Path::new(&dir).join(format!("{name}.png")), png).unwrap();
        }
    }
}

/// chromedriver's CDP passthrough (not part of W3C WebDriver).
#[derive(Debug)]
struct Cdp(Value);

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(&self, base: &url::Url, session: Option<&str>) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.0.to_string()))
    }
}

/// chromedriver's browser log endpoint (not part of W3C WebDriver).
#[derive(Debug)]
struct BrowserLog;

impl WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(&self, base: &url::Url, session: Option<&str>) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(json!({ "type": "browser" }).to_string()))
    }
}
