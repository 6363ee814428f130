// Foot Map's service worker: keeps the app working offline, and keeps a
// page that is already open working across a new deploy.
//
// - Pages are fetched fresh when online. A network answer that is not a
//   good one (an error status from a bad deploy, no answer within
//   NETWORK_WAIT_MS, or no network) gives way to the cached page.
// - Other files have content hashes in their names, so a cached copy is
//   always right: they come from the cache, and from the network only once.
//   Only good answers are cached.
// - Each deploy has its own cache. Updates: the release build (.ci/build)
//   stamps VERSION with a hash of the deploy, so every deploy has a new
//   sw.js; the browser installs it on the next visit, which caches the new
//   files (refusing to install from a bad answer) and takes over. A page
//   opened before keeps running on the files it loaded and may still ask
//   for more of them (the code of a page opened for the first time), which
//   the host no longer has: so an earlier deploy's cache is kept until no
//   page of that deploy is open, and every file is looked for in all of
//   this app's caches.
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

// Pages loaded through this worker (so of this deploy), by client id. A
// page not listed was opened before this worker took over: of an earlier
// deploy. (Forgotten if the browser stops the worker; then earlier caches
// are kept a little longer, never removed early.)
const current = new Set();

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const page = await fetch('./', { cache: 'no-cache' });
    // A bad answer (a 503 during a deploy) must never become the offline app.
    if (!page.ok) throw new Error(`the page answered ${page.status}`);
    const html = await page.clone().text();
    // Every file the page names by a relative URL: links, and the script
    // and wasm named inside the loader script. (Minified HTML may leave
    // attribute values unquoted, so match file names, not attributes.)
    const linked = [...html.matchAll(/[\w./-]+\.(?:js|wasm|css|svg|png|ico|webmanifest)\b/g)]
      .map((m) => m[0])
      .filter((url) => !url.startsWith('/') && !url.startsWith('//'));
    // (By full URL: `./a.js` and `a.js` are one file, and addAll refuses
    // a list that names a file twice. It also refuses any bad answer.)
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
    const cache = await caches.open(CACHE);
    await cache.addAll([...new Set(urls)]);
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
// open: every open page was loaded through this worker.
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
// name of the cache it came from.
async function cached(request) {
  const names = (await caches.keys()).filter((key) => key.startsWith(PREFIX) && !retiring.has(key));
  names.sort((a, b) => (a === CACHE ? -1 : b === CACHE ? 1 : 0));
  for (const name of names) {
    const hit = await (await caches.open(name)).match(request);
    if (hit) return { hit, name };
  }
  return { hit: undefined, name: undefined };
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
        if (app) {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(key, copy)));
        }
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
    // A page that asks for this deploy's own code is of this deploy.
    if (hit && name === CACHE && event.clientId && HASHED.test(new URL(request.url).pathname)) {
      current.add(event.clientId);
    }
    if (hit) return hit;
    const response = await network(request, 60000);
    if (response && response.ok) {
      const copy = response.clone();
      event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
    }
    return response || Response.error();
  })());
});
