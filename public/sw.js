// Foot Map's service worker: keeps the app working offline.
// Pages are fetched fresh when online and come from the cache when not.
// Other files have content hashes in their names, so a cached copy is
// always right: they are served from the cache and fetched only once.
//
// Updates: the release build (.ci/build) stamps VERSION with a hash of the
// deploy, so every deploy has a new sw.js. The browser installs it on the
// next visit; it caches the new files, takes over, and deletes the caches
// of earlier deploys with their old files. A page that is already open
// keeps running on the files it loaded: nothing reloads it, so a routine
// under way is never interrupted.
const VERSION = 'dev';
const CACHE = `foot-map-${VERSION}`;
// The code of the pages downloaded when first opened (routines, reading,
// history): no page names these files, so the build lists them here.
const LATER = [];

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const page = await fetch('./', { cache: 'no-cache' });
    const html = await page.clone().text();
    await cache.put('./', page);
    // Every file the page names by a relative URL: links, and the script
    // and wasm named inside the loader script. (Minified HTML may leave
    // attribute values unquoted, so match file names, not attributes.)
    const linked = [...html.matchAll(/[\w./-]+\.(?:js|wasm|css|svg|png|ico|webmanifest)\b/g)]
      .map((m) => m[0])
      .filter((url) => !url.startsWith('/') && !url.startsWith('//'));
    // (By full URL: `./a.js` and `a.js` are one file, and addAll refuses
    // a list that names a file twice.)
    const urls = [...linked, ...LATER].map((url) => new URL(url, self.location).href);
    await cache.addAll([...new Set(urls)]);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request)
        .then((response) => {
          // Only the app's own page is kept; the pages of text the build
          // also writes (safety.html and so on) are for reading without it.
          const path = new URL(request.url).pathname;
          const root = new URL('./', self.location).pathname;
          if (response.ok && (path === root || path === `${root}index.html`)) {
            const copy = response.clone();
            event.waitUntil(caches.open(CACHE).then((cache) => cache.put('./', copy)));
          }
          return response;
        })
        .catch(() => caches.match('./')),
    );
    return;
  }
  event.respondWith(
    caches.match(request).then((cached) => cached || fetch(request).then((response) => {
      if (response.ok) {
        const copy = response.clone();
        event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
      }
      return response;
    })),
  );
});
