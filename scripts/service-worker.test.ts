import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';

/**
 * public/sw.js run in a Node VM against small fakes of what a browser gives a service worker (self, caches, fetch,
 * clients), so its install/activate/message/fetch behaviour is checked without a browser. The e2e test
 * (e2e/offline.spec.ts) checks the real thing in Chromium.
 */
const ORIGIN = 'http://127.0.0.1:3100';
const SOURCE = fs
  .readFileSync(path.resolve(__dirname, '../public/sw.js'), 'utf8')
  .replace('__OFFLINE_BUILD_ID__', 'B2');

class FakeCache {
  entries = new Map<string, Response>();
  private key(req: string | Request, ignoreSearch = false) {
    const url = new URL(typeof req === 'string' ? req : req.url, ORIGIN);
    return ignoreSearch ? url.pathname : url.pathname + url.search;
  }
  async match(req: string | Request, opts?: { ignoreSearch?: boolean }) {
    const want = this.key(req, opts?.ignoreSearch);
    for (const [k, v] of this.entries) {
      const key = opts?.ignoreSearch ? new URL(k, ORIGIN).pathname : k;
      if (key === want) return v.clone();
    }
    return undefined;
  }
  async put(req: string | Request, res: Response) {
    this.entries.set(this.key(req), res);
  }
}

function worker(network: (url: string) => Promise<Response>) {
  const listeners = new Map<string, (e: unknown) => void>();
  const stores = new Map<string, FakeCache>();
  const caches = {
    open: async (name: string) => {
      if (!stores.has(name)) stores.set(name, new FakeCache());
      return stores.get(name)!;
    },
    keys: async () => [...stores.keys()],
    delete: async (name: string) => stores.delete(name),
    match: async (req: string | Request, opts?: { ignoreSearch?: boolean }) => {
      for (const c of stores.values()) {
        const hit = await c.match(req, opts);
        if (hit) return hit;
      }
      return undefined;
    },
  };
  let claimed = false;
  const self = {
    addEventListener: (type: string, fn: (e: unknown) => void) => listeners.set(type, fn),
    skipWaiting: () => undefined,
    clients: { claim: async () => void (claimed = true) },
    location: new URL(`${ORIGIN}/sw.js`),
  };
  const fetchFake = (input: string | Request) =>
    network(new URL(typeof input === 'string' ? input : input.url, ORIGIN).pathname);
  vm.runInNewContext(SOURCE, { self, caches, fetch: fetchFake, URL, Response, Request, String, Array, Promise });
  /** Dispatches an event; resolves once everything it handed to waitUntil/respondWith has settled. */
  const dispatch = async (type: string, init: Record<string, unknown> = {}) => {
    const pending: Promise<unknown>[] = [];
    let response: Promise<Response> | undefined;
    listeners.get(type)!({
      ...init,
      waitUntil: (p: Promise<unknown>) => pending.push(p),
      respondWith: (p: Promise<Response>) => (response = p),
    });
    await Promise.all(pending);
    return response ? await response : undefined;
  };
  return { stores, dispatch, claimed: () => claimed, caches };
}

/** A FetchEvent's request as the worker reads it (Node's Request cannot have mode 'navigate'). */
const req = (url: string, mode = 'cors') => ({ method: 'GET', url, mode }) as unknown as Request;
const ok = (body: string) => Promise.resolve(new Response(body, { status: 200 }));
const offline = () => Promise.reject(new TypeError('Failed to fetch'));

/** Sends { type: 'offline-deck', slug } with a reply port, as the island does; resolves to the reply. */
async function ask(w: ReturnType<typeof worker>, slug: unknown) {
  const channel = new MessageChannel();
  const reply = new Promise((resolve) => (channel.port1.onmessage = (e) => resolve(e.data)));
  await w.dispatch('message', { data: { type: 'offline-deck', slug }, ports: [channel.port2] });
  const data = await reply;
  channel.port1.close();
  return data;
}

describe('public/sw.js', () => {
  it("activation deletes other builds' offline caches, keeps others, and takes control", async () => {
    const w = worker(offline);
    await w.caches.open('offline-B1');
    await w.caches.open('offline-B2');
    await w.caches.open('someone-else');
    await w.dispatch('activate');
    expect([...w.stores.keys()].sort()).toEqual(['offline-B2', 'someone-else']);
    expect(w.claimed()).toBe(true);
  });

  it('stores every file on the deck list, then serves the deck and its modules with the network off', async () => {
    const list = { version: 'B2', deck: '/present/memory', urls: ['/present/memory', '/_islands/client-A.js'] };
    const w = worker((url) => (url === '/_offline/memory.json' ? ok(JSON.stringify(list)) : ok(`body of ${url}`)));
    expect(await ask(w, 'memory')).toEqual({ ok: true, count: 2 });
    expect([...w.stores.get('offline-B2')!.entries.keys()].sort()).toEqual([
      '/_islands/client-A.js',
      '/_offline/memory.json',
      '/present/memory',
    ]);

    const off = worker(offline);
    for (const [name, store] of w.stores) (await off.caches.open(name)).entries = store.entries;
    const page = await off.dispatch('fetch', {
      request: req(`${ORIGIN}/present/memory?view=presenter`, 'navigate'),
    });
    expect(await page!.text()).toBe('body of /present/memory');
    const js = await off.dispatch('fetch', { request: req(`${ORIGIN}/_islands/client-A.js`) });
    expect(await js!.text()).toBe('body of /_islands/client-A.js');
    // A request it does not handle is left to the browser.
    expect(await off.dispatch('fetch', { request: req(`${ORIGIN}/practice`) })).toBeUndefined();
  });

  it('a list from another build, a bad slug or a file that will not download: a reply saying so', async () => {
    const stale = worker(() => ok(JSON.stringify({ version: 'B1', urls: [] })));
    expect(await ask(stale, 'memory')).toEqual({
      ok: false,
      message: 'a newer version of the site is installing; reload the page',
    });
    expect(await ask(stale, '../secrets')).toEqual({ ok: false, message: 'no such deck' });
    const list = { version: 'B2', urls: ['/present/memory', '/_islands/gone.js'] };
    const broken = worker((url) =>
      url === '/_offline/memory.json'
        ? ok(JSON.stringify(list))
        : url.endsWith('gone.js')
          ? Promise.resolve(new Response('', { status: 404 }))
          : ok('x'),
    );
    expect(await ask(broken, 'memory')).toEqual({ ok: false, message: '1 of 2 files could not be stored' });
  });

  it('offline with nothing stored: the list cannot be fetched, and a page navigation fails as the browser would', async () => {
    const w = worker(offline);
    expect(await ask(w, 'memory')).toEqual({
      ok: false,
      message: 'the list of files for this deck could not be fetched',
    });
    const res = await w.dispatch('fetch', {
      request: req(`${ORIGIN}/present/memory`, 'navigate'),
    });
    expect(res!.type).toBe('error');
  });
});
