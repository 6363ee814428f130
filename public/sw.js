// Foot Map's service worker: keeps the app working offline, and keeps a
// page that is already open working across a new deploy.
//
// - Pages are fetched fresh when online. A network answer that is not a
//   good one (an error status from a bad deploy, no answer within
//   NETWORK_WAIT_MS, or no network) gives way to the cached page.
// - The app's page becomes the offline copy only whole: a network answer
//   for it replaces the copy kept only if every file it names is in one of
//   this app's caches or can be fetched now with a good answer (which is
//   then kept too). A page from a deploy still being uploaded names files
//   the host does not have yet; it is shown, but the copy kept stays.
// - Other files have content hashes in their names, so a cached copy is
//   always right: they come from the cache, and from the network only once.
//   Only good answers are cached: an ok status and a Content-Type that
//   fits the file's name (see `fits`). A host that answers a missing file
//   with the app's page (single-page-app rewrites) would otherwise have
//   HTML kept, and served for good, as code; such an answer is not given
//   to the page as the file either, so the page says its code could not be
//   downloaded, and the next visit asks the host again.
// - Each deploy has its own cache. Updates: the release build (.ci/build)
//   stamps VERSION with a hash of the deploy, so every deploy has a new
//   sw.js; the browser installs it on the next visit, which caches the new
//   files (refusing to install from a bad answer, as above) and takes over.
//   A page opened before keeps running on the files it loaded and may
//   still ask for more of them (the code of a page opened for the first
//   time), which the host no longer has: so an earlier deploy's cache is
//   kept until no page of that deploy is open, and every file is looked
//   for in all of this app's caches. A page counts as of this deploy if it
//   was loaded through this worker, or if it asks for a hashed file only
//   this deploy has (in this deploy's cache and in no earlier one): a file
//   unchanged between deploys has the same name in both, and says nothing
//   of the page that asks for it. Any other page is taken to be of an
//   earlier deploy.
// - It touches only its own caches: their names carry this worker's scope,
//   so another app, or another copy of Foot Map under another path of the
//   same site, keeps its own.
const VERSION = 'dev';
const PREFIX = `foot-map ${self.registration.scope} `;
const CACHE = PREFIX + VERSION;
// The code of the pages downloaded when first opened (routines, reading,
// history): no page names these files, so the build lists them here.
const LATER = [];
// Each other language's words and content (wasm parts), by the language's
// code in its page's name (`index.es.html`); the build lists them here too.
const LANGUAGE_PARTS = {};
// How long a page's network answer may take before the cached copy is used.
const NETWORK_WAIT_MS = 4000;

// Pages of this deploy, by client id: loaded through this worker, or
// asking for a file only this deploy has. A page not listed is taken to be
// of an earlier deploy. (Forgotten if the browser stops the worker; then
// earlier caches are kept a little longer, never removed early.)
const current = new Set();

// The Content-Type scripts and styles must be served with (browsers
// refuse others). A file of another kind may have any type but HTML (a
// host's rewrite; hosts differ on the types of .wasm or .webmanifest),
// unless its name is a page's (a zone's details, zone/*.html) or has no
// ending.
const TYPES = {
  js: /javascript/,
  css: /^text\/css\b/,
};

// Whether `response`'s Content-Type fits the name of the file at `url`.
function fits(url, response) {
  const type = (response.headers.get('Content-Type') || '').toLowerCase();
  const ending = (new URL(url).pathname.match(/\.(\w+)$/) || [])[1];
  if (!ending || ending === 'html') return true;
  const wanted = TYPES[ending];
  return wanted ? wanted.test(type) : !type.startsWith('text/html');
}

// The file at `url` fetched afresh, or an error if the answer is not a
// good one (an error status, or a Content-Type that does not fit: see
// `fits`), as `cache.addAll` refuses a bad status.
async function fetchGood(url) {
  const answer = await fetch(url, { cache: 'no-cache' });
  if (!answer.ok) throw new Error(`${url} answered ${answer.status}`);
  if (!fits(url, answer)) throw new Error(`${url} answered ${answer.headers.get('Content-Type')}`);
  return answer;
}

// Every file an app page names by a relative URL, by full URL: links, and
// the script and wasm named inside the loader script. (Minified HTML may
// leave attribute values unquoted, so match file names, not attributes.)
function named(html) {
  return [...html.matchAll(/[\w./-]+\.(?:js|wasm|css|svg|png|ico|webmanifest)\b/g)]
    .map((m) => m[0])
    .filter((url) => !url.startsWith('/') && !url.startsWith('//'))
    .map((url) => new URL(url, self.location).href);
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const page = await fetch('./', { cache: 'no-cache' });
    // A bad answer (a 503 during a deploy) must never become the offline app.
    if (!page.ok) throw new Error(`the page answered ${page.status}`);
    const linked = named(await page.clone().text());
    // (By full URL: `./a.js` and `a.js` are one file.)
    // The app page and words of the language of each page open now, the
    // one that registered this worker among them: a reader's first visit
    // fetched those before there was a worker to keep them, and offline the
    // app would otherwise start in English.
    const open = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    const codes = new Set(open
      .map((client) => (new URL(client.url).pathname.match(/\/index\.([a-z]{2})\.html$/) || [])[1])
      .filter((code) => code && LANGUAGE_PARTS[code]));
    const pages = await Promise.all([...codes].map(async (code) => {
      const file = `index.${code}.html`;
      const answer = await fetch(file, { cache: 'no-cache' });
      if (!answer.ok) throw new Error(`${file} answered ${answer.status}`);
      return [file, answer];
    }));
    const own = [...codes].flatMap((code) => LANGUAGE_PARTS[code]);
    const urls = [...linked, ...LATER, ...own].map((url) => new URL(url, self.location).href);
    // Every file fetched before any is kept: one bad answer (an error
    // status, or HTML from a host's rewrite under a code file's name)
    // fails the install, and the worker before stays in charge.
    const files = await Promise.all([...new Set(urls)].map(async (url) => [url, await fetchGood(url)]));
    const cache = await caches.open(CACHE);
    for (const [url, answer] of files) await cache.put(url, answer);
    await cache.put('./', page);
    for (const [file, answer] of pages) await cache.put(file, answer);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    await self.clients.claim();
    await retire();
  })());
});

// Caches being removed, which no lookup opens meanwhile.
const retiring = new Set();

// Removes this app's caches of earlier deploys once no page of theirs is
// open: every open page is known to be of this deploy.
async function retire() {
  const pages = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  if (pages.some((page) => !current.has(page.id))) return;
  for (const key of await caches.keys()) {
    if (key.startsWith(PREFIX) && key !== CACHE && !retiring.has(key)) {
      retiring.add(key);
      await caches.delete(key);
    }
  }
}

// `promise`'s value, or `fallback` after `ms`: a lookup in the caches must
// never hold up a page, whatever the browser's storage is doing.
function within(promise, ms, fallback) {
  return Promise.race([promise, new Promise((resolve) => setTimeout(() => resolve(fallback), ms))]);
}
const MISS = { hit: undefined, name: undefined };

// The file from this app's caches, the current deploy's first, and the
// name of the cache it came from. (A copy whose type does not fit its
// name, which a worker before these rules may have kept, is passed over.)
async function cached(request) {
  const url = typeof request === 'string' ? new URL(request, self.location).href : request.url;
  const names = (await caches.keys()).filter((key) => key.startsWith(PREFIX) && !retiring.has(key));
  names.sort((a, b) => (a === CACHE ? -1 : b === CACHE ? 1 : 0));
  for (const name of names) {
    const hit = await (await caches.open(name)).match(request);
    if (hit && fits(url, hit)) return { hit, name };
  }
  return { hit: undefined, name: undefined };
}

// Whether no earlier cache of this app holds the file: then only this
// deploy has it. (By `cacheName`, which opens no cache: opening one being
// removed would make it again, empty.)
async function onlyHere(request) {
  for (const key of await caches.keys()) {
    if (!key.startsWith(PREFIX) || key === CACHE || retiring.has(key)) continue;
    if (await caches.match(request, { cacheName: key })) return false;
  }
  return true;
}

// Makes `page`, a network answer for the app page kept under `key`, the
// offline copy, if every file it names can be had: from one of this app's
// caches (copied into this deploy's, which is the last to be removed), or
// fetched now with a good answer (then kept). If any cannot, the page is of
// a deploy still being uploaded (or a broken one): offline, it would not
// start, so the copy kept before stays.
async function keep(key, page) {
  const files = await Promise.all(named(await page.clone().text()).map(async (url) => {
    const { hit, name } = await within(cached(url), 3000, MISS);
    if (hit) return { url, answer: hit, copy: name !== CACHE };
    const answer = await within(fetchGood(url).catch(() => undefined), 60000, undefined);
    return answer && { url, answer, copy: true };
  }));
  if (files.some((file) => !file)) return;
  const cache = await caches.open(CACHE);
  for (const { url, answer, copy } of files) if (copy) await cache.put(url, answer);
  await cache.put(key, page);
}

// A file named with its content's hash (by Trunk or the split), which no
// two deploys share unless it is the same file.
const HASHED = /-[0-9a-f]{16}(?:_bg)?\.(?:js|wasm|css)$/;

// The network's answer, or undefined after `ms` or on a network error.
function network(request, ms) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    fetch(request).then(
      (response) => { clearTimeout(timer); resolve(response); },
      () => { clearTimeout(timer); resolve(undefined); },
    );
  });
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    if (event.resultingClientId) current.add(event.resultingClientId);
    event.respondWith((async () => {
      const response = await network(request, NETWORK_WAIT_MS);
      // Only the app's own page is kept, in each language, each under its
      // own address (the English as the folder itself); the pages of text
      // the build also writes (safety.html and so on) are for reading
      // without it. Offline, a language's page not kept yet is the
      // English one, which the app then shows in the reader's language.
      const path = new URL(request.url).pathname;
      const root = new URL('./', self.location).pathname;
      const file = path === root ? 'index.html' : path.startsWith(root) ? path.slice(root.length) : '';
      const app = /^index(\.[a-z]{2})?\.html$/.test(file);
      const key = file === 'index.html' ? './' : file;
      if (response && response.ok) {
        // Shown as it is; kept only whole (see `keep`).
        if (app) event.waitUntil(keep(key, response.clone()));
        return response;
      }
      const look = (what) => within(cached(what), 3000, MISS);
      const fallback = app ? (await look(key)).hit || (await look('./')).hit : (await look(request)).hit;
      return fallback || response || Response.error();
    })());
    event.waitUntil(retire());
    return;
  }
  event.respondWith((async () => {
    const { hit, name } = await within(cached(request), 3000, MISS);
    // A page that asks for code only this deploy has is of this deploy.
    // (Not a file an earlier deploy has too: an old page asks for it as
    // well, and may still need the rest of its own deploy's cache.)
    const client = event.clientId;
    if (hit && name === CACHE && client && !current.has(client) && HASHED.test(new URL(request.url).pathname)) {
      event.waitUntil(within(onlyHere(request), 3000, false).then((only) => {
        if (only) current.add(client);
      }));
    }
    if (hit) return hit;
    const response = await network(request, 60000);
    if (response && response.ok) {
      // HTML under a code file's name (a host's rewrite of a file it does
      // not have yet) is neither kept nor given to the page as the file.
      if (!fits(request.url, response)) return Response.error();
      const copy = response.clone();
      event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
    }
    return response || Response.error();
  })());
});
