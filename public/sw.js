/* Offline decks (issue 15 item 21): the service worker of /present/ pages. A static file (public/sw.js, served as
   /sw.js, so CSP script-src 'self' allows it and worker-src falls back to that), registered with scope /present/ by
   the offline-status island (components/offline/OfflineStatus.tsx) on deck pages only.
   - When a deck asks (a message { type: 'offline-deck', slug } with a reply port), it reads the deck's list,
     /_offline/<slug>.json, written at build time by scripts/offline-build.mjs (the page, its fonts, every island
     module it may load), and stores each URL not stored yet in the cache "offline-<build id>"; it replies
     { ok: true, count } or { ok: false, message }.
   - Pages (navigations): network first, the stored copy when the network fails (query ignored: ?view=presenter
     is the same HTML). Build assets (/_islands/, /_next/static/, /_offline/, /favicon.svg): the stored copy first,
     else the network. Anything else is left to the browser.
   - The build stamps its id below (so a new build is a new worker); on activation every other build's cache is
     deleted. */
const BUILD_ID = '__OFFLINE_BUILD_ID__';
const CACHE = `offline-${BUILD_ID}`;
const CACHE_PREFIX = 'offline-';
const ASSET = /^\/(_islands\/|_next\/static\/|_offline\/|favicon\.svg$)/;
const SLUG = /^[a-z0-9-]{1,64}$/;

self.addEventListener('install', () => {
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((n) => n.startsWith(CACHE_PREFIX) && n !== CACHE).map((n) => caches.delete(n)));
      await self.clients.claim();
    })(),
  );
});

/** Stores one URL: fetched fresh, kept only if 200; a redirected response is stored as a plain copy (navigations refuse redirected ones). */
async function store(cache, url) {
  const res = await fetch(url, { cache: 'no-cache', credentials: 'same-origin' });
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  const copy = res.redirected
    ? new Response(await res.blob(), { status: res.status, statusText: res.statusText, headers: res.headers })
    : res;
  await cache.put(url, copy);
}

/** Makes one deck ready: its list, then every URL on it not stored yet. */
async function prepareDeck(slug) {
  if (typeof slug !== 'string' || !SLUG.test(slug)) return { ok: false, message: 'no such deck' };
  const cache = await caches.open(CACHE);
  const listUrl = `/_offline/${slug}.json`;
  let list;
  try {
    await store(cache, listUrl);
  } catch {
    // Offline already: a list stored on an earlier visit still says what is needed.
  }
  const stored = await cache.match(listUrl);
  if (!stored) return { ok: false, message: 'the list of files for this deck could not be fetched' };
  try {
    list = await stored.json();
  } catch {
    return { ok: false, message: 'the list of files for this deck is unreadable' };
  }
  if (!list || list.version !== BUILD_ID || !Array.isArray(list.urls))
    return { ok: false, message: 'a newer version of the site is installing; reload the page' };
  const urls = list.urls.filter((u) => typeof u === 'string' && u.startsWith('/') && !u.startsWith('//'));
  let missing = 0;
  for (const url of urls) {
    if (await cache.match(url)) continue;
    try {
      await store(cache, url);
    } catch {
      missing += 1;
    }
  }
  if (missing) return { ok: false, message: `${missing} of ${urls.length} files could not be stored` };
  return { ok: true, count: urls.length };
}

self.addEventListener('message', (event) => {
  const data = event.data;
  const port = event.ports && event.ports[0];
  if (!port || !data || data.type !== 'offline-deck') return;
  event.waitUntil(
    prepareDeck(data.slug).then(
      (reply) => port.postMessage(reply),
      (err) => port.postMessage({ ok: false, message: String((err && err.message) || err) }),
    ),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    event.respondWith(
      fetch(req).catch(async () => {
        const hit = await caches.match(url.pathname, { ignoreSearch: true });
        return hit || Response.error();
      }),
    );
    return;
  }
  if (!ASSET.test(url.pathname)) return;
  event.respondWith(caches.match(req, { ignoreSearch: true }).then((hit) => hit || fetch(req)));
});
