// The service worker: makes the release app work offline after the first visit.
//
// It precaches every file of the release build at install time and answers the app's own GET
// requests from that cache, so the app, its data (bundled in the wasm) and any deep link work
// with no network. The file list and the build id are not written by hand: scripts/precache.mjs
// (a Trunk post_build hook, release builds only) replaces the two placeholders below with the
// real built file names and a hash of their contents. A changed build therefore means a changed
// sw.js, which is how the browser notices an update.
//
// Updates never take over on their own: the new worker waits until the page asks it to
// (sw-register.js shows "A new version is available — Reload" and posts SKIP_WAITING on click),
// so one tab never runs a mix of two builds.

const BUILD_ID = "__BUILD_ID__";
/** Paths relative to this script (the dist/ root); "./" is index.html. */
const PRECACHE = ["__PRECACHE__"];

// Caches are per origin, and two copies of the app may live under different sub-paths of one
// origin, so a cache name carries the scope as well as the build id.
const PREFIX = "immunotimeline-";
const SUFFIX = `@${self.registration.scope}`;
const CACHE = `${PREFIX}${BUILD_ID}${SUFFIX}`;
const INDEX = new URL("./", self.registration.scope).href;

self.addEventListener("install", (event) => {
  // cache: "reload" skips the HTTP cache, so a stale index.html can never be precached. A file
  // whose name carries its content's hash cannot be stale, so it may come from the HTTP cache:
  // the page has usually just downloaded it, and the wasm is most of the build. Trunk writes the
  // 64-bit hash in hex without leading zeros (`name-2e0827462b3b9.js`), so up to 16 digits; at
  // least 8 keeps `icon-192.png` out (a hash that short has a chance of 1 in 4 billion).
  // addAll rejects on any non-2xx response, which fails the install and keeps the previous
  // build (the empty cache of the failed one is removed).
  const hashed = /-[0-9a-f]{8,16}(_bg)?\.[a-z]+$/;
  const requests = PRECACHE.map(
    (path) => new Request(path, { cache: hashed.test(path) ? "default" : "reload" }),
  );
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(requests))
      .catch(async (error) => {
        await caches.delete(CACHE);
        throw error;
      }),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      const old = names.filter((n) => n.startsWith(PREFIX) && n.endsWith(SUFFIX) && n !== CACHE);
      await Promise.all(old.map((name) => caches.delete(name)));
      // Controls the tab of the first visit, so it works offline without a reload. On an update
      // the open tabs change controller anyway (skipWaiting) and reload themselves.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data?.type === "SKIP_WAITING") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(respond(request));
});

/** Cache first; a navigation to any URL in scope gets the app (index.html, query ignored). */
async function respond(request) {
  const cache = await caches.open(CACHE);
  if (request.mode === "navigate") {
    const hit = (await cache.match(request, { ignoreSearch: true })) ?? (await cache.match(INDEX));
    if (hit) return hit.redirected ? new Response(hit.body, hit) : hit;
  } else {
    const hit = await cache.match(request);
    if (hit) return hit;
  }
  // Not part of this build (or the cache was cleared by the browser): try the network.
  return fetch(request);
}
