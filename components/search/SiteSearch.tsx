'use client';

import { useEffect, useId, useMemo, useState } from 'react';
import type MiniSearch from 'minisearch';
import {
  MAX_RESULTS,
  normalizeQuery,
  runSearch,
  SEARCH_KIND_LABEL,
  SEARCH_OPTIONS,
  type SearchDoc,
  type StoredResult,
} from './model/search';
import './SiteSearch.css';
import { prefixed } from '@/components/ui/prefixed';

const styles = prefixed('ss');

/** Where the build writes the index (app/search-index.json/route.ts). */
export const SEARCH_INDEX_URL = '/search-index.json';

type Status = 'idle' | 'loading' | 'ready' | 'error';

/** Loads MiniSearch (its own chunk) and the index, once; the promise is shared by every call. */
let loading: Promise<MiniSearch<SearchDoc>> | null = null;
function loadIndex(): Promise<MiniSearch<SearchDoc>> {
  loading ??= Promise.all([
    import('minisearch'),
    fetch(SEARCH_INDEX_URL).then((r) => {
      if (!r.ok) throw new Error(`${SEARCH_INDEX_URL}: HTTP ${r.status}`);
      return r.text();
    }),
  ]).then(([m, json]) => m.default.loadJSON<SearchDoc>(json, SEARCH_OPTIONS));
  loading.catch(() => (loading = null));
  return loading;
}

/**
 * The site search (/search): a labelled search field whose code (MiniSearch) and index (built at build time from
 * the lessons, bank, glossary and sources) load only when the field is focused or the page opens with `?q=`.
 * Results link to lesson sections, questions on /practice, glossary anchors and sources. The query is kept in the
 * URL (`?q=`), so a search can be shared and Back returns to it.
 */
export function SiteSearch() {
  const id = useId();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<Status>('idle');
  const [index, setIndex] = useState<MiniSearch<SearchDoc> | null>(null);

  const start = () => {
    if (index || status === 'loading') return;
    setStatus('loading');
    loadIndex().then(
      (loaded) => {
        setIndex(loaded);
        setStatus('ready');
      },
      (err: unknown) => {
        console.warn('Search index did not load', err);
        setStatus('error');
      },
    );
  };

  // Read ?q= after hydration (the server HTML has an empty field), and search it at once.
  useEffect(() => {
    const q = normalizeQuery(new URLSearchParams(window.location.search).get('q') ?? '');
    if (q) {
      // The URL is only readable after hydration (the server HTML has no query), as in ShareQr and DeckController.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setQuery(q);
      start();
    }
    // Runs once, on mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const q = normalizeQuery(query);
  useEffect(() => {
    const url = q ? `${window.location.pathname}?q=${encodeURIComponent(q)}` : window.location.pathname;
    window.history.replaceState(window.history.state, '', url);
  }, [q]);

  const results = useMemo((): StoredResult[] => (index ? runSearch(index, q) : []), [index, q]);

  let message = '';
  if (status === 'loading') message = 'Loading the search index…';
  else if (status === 'error') message = 'The search index did not load. Check the connection and try again.';
  else if (status === 'ready' && q)
    message = results.length
      ? `${results.length}${results.length === MAX_RESULTS ? ' or more' : ''} result${results.length === 1 ? '' : 's'} for “${q}”.`
      : `Nothing found for “${q}”. Try fewer or shorter words.`;

  return (
    <div className={styles.widget}>
      <form
        role="search"
        aria-label="Search the site"
        action="/search"
        method="get"
        onSubmit={(e) => e.preventDefault()}
      >
        <label htmlFor={`${id}-q`} className={styles.label}>
          Search lessons, questions, glossary and sources
        </label>
        <input
          id={`${id}-q`}
          className={styles.input}
          type="search"
          name="q"
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          value={query}
          onFocus={start}
          onChange={(e) => {
            setQuery(e.target.value);
            start();
          }}
        />
      </form>
      <p role="status" className={styles.status}>
        {message}
      </p>
      {results.length ? (
        <ol className={styles.results} aria-label="Results">
          {results.map((r) => (
            <li key={r.id}>
              <a href={r.url} className={styles.title}>
                {r.title}
              </a>
              <span className={styles.meta}>
                <span className={styles.kind}>{SEARCH_KIND_LABEL[r.kind] ?? r.kind}</span>
                {r.context ? ` · ${r.context}` : ''}
              </span>
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
