'use client';

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import {
  attemptOf,
  buildQueue,
  formatInterval,
  generatorSeed,
  LEVELS,
  nextInQueue,
  parseGeneratedId,
  previewIntervals,
  RATING_LABELS,
  ratingFor,
  recordAnswer,
  scheduleKey,
  TOPICS,
  undoLastAnswer,
  type Progress,
  type Question,
  type ReviewRating,
} from '@/lib/practice';
import { generateQuestion } from '@/lib/practice/generators';
import { readProgress, writeProgress } from '@/lib/practice/progress-store';
import {
  aheadKeys,
  bankEntries,
  filterKeys,
  introductionOrder,
  LEVEL_LABELS,
  mistakeKeys,
  parsePrefs,
  PREFS_STORAGE_KEY,
  queueSummary,
  readLinkFilter,
  serializePrefs,
  shortcutFor,
  TOPIC_LABELS,
  type BankEntry,
  type LinkFilter,
  type PracticeFilter,
  type PracticePrefs,
  type TemplateInfo,
} from './model/view';
import { prefixed } from '@/components/ui/prefixed';
import { QuestionCard } from './QuestionCard';
import type { CardResult } from './QuestionCard.types';
import { FiltersPanel, GradeButtons, ProgressTable, SaveRestorePanel, ShortcutsPanel } from './PracticePanels';
import { BLOCKED_READ_MESSAGE, browserStorage, readStorage, writeMessage, writeStorage } from './storage';
import { UnreadableNotice } from './UnreadableNotice';
import './practice.css';

const styles = prefixed('pr');

/** The page's URL without the named query parameters (the rest, e.g. a deep-link filter, is kept). */
function urlWithout(names: readonly string[]): string {
  const params = new URLSearchParams(window.location.search);
  for (const n of names) params.delete(n);
  const q = params.toString();
  return `${window.location.pathname}${q ? `?${q}` : ''}`;
}

const LINK_FILTER_PARAMS = ['factor', 'level', 'type'] as const;

/** "Memory, KV cache · Mid · numeric": what a deep link filters to, in words. */
function linkFilterText(f: PracticeFilter): string {
  const parts: string[] = [];
  if (f.topics.length < TOPICS.length) parts.push(f.topics.map((t) => TOPIC_LABELS[t] ?? t).join(', '));
  if (f.levels.length < LEVELS.length) parts.push(f.levels.map((l) => LEVEL_LABELS[l] ?? l).join(', '));
  if (f.types) parts.push(`${f.types.join(', ')} questions`);
  return parts.join(' · ');
}

interface Bank {
  questions: Question[];
  templates: TemplateInfo[];
  byId: Map<string, Question>;
  entries: BankEntry[];
  known: Set<string>;
}

type LoadState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; bank: Bank };

/** What is being practised: today's queue, a fixed list (practise ahead, mistakes), or one deep-linked question. */
type Session =
  { mode: 'queue' } | { mode: 'ahead' | 'mistakes'; keys: string[]; index: number } | { mode: 'single'; id: string };

function toBank(data: unknown): Bank {
  const d = data as { questions?: unknown; templates?: unknown } | null;
  if (!d || !Array.isArray(d.questions) || !Array.isArray(d.templates))
    throw new Error('the file has no question list');
  const questions = d.questions as Question[];
  const templates = d.templates as TemplateInfo[];
  const entries = introductionOrder(bankEntries(questions, templates));
  return {
    questions,
    templates,
    byId: new Map(questions.map((q) => [q.id, q])),
    entries,
    known: new Set(entries.map((e) => e.key)),
  };
}

/** The question for a key: a bank id, a `gen:<template>` key (next draw for this learner) or a full generated id. */
function questionFor(bank: Bank, progress: Progress, key: string): { question: Question } | { error: string } {
  const q = bank.byId.get(key);
  if (q) return { question: q };
  const parsed = parseGeneratedId(key);
  const templateKey = /^gen:([a-z0-9-]+)$/.exec(key);
  const templateId = parsed?.templateId ?? templateKey?.[1];
  if (templateId && bank.templates.some((t) => t.id === templateId)) {
    try {
      const seed = parsed?.seed ?? generatorSeed(progress.learnerSeed, attemptOf(progress, `gen:${templateId}`));
      return { question: generateQuestion(templateId, seed) };
    } catch (e) {
      return { error: `This generated question could not be built (${(e as Error).message}).` };
    }
  }
  return { error: `There is no question with the id “${key}” in the bank. It may have been renamed or removed.` };
}

/**
 * `/practice`: the question bank drilled with spaced repetition (FSRS). Fetches the
 * bank from `bankUrl`, keeps progress in localStorage, and renders each question with
 * the shared `QuestionCard`.
 */
export function PracticeApp({ bankUrl }: { bankUrl: string }) {
  const [load, setLoad] = useState<LoadState>({ status: 'loading' });
  const [loadNonce, setLoadNonce] = useState(0);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [prefs, setPrefs] = useState<PracticePrefs | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** Saved progress that could not be read whole: kept in storage until the learner chooses to replace it. */
  const [unreadable, setUnreadable] = useState<{ notice: string; discarded: string; replaced: boolean } | null>(null);
  const [storageError, setStorageError] = useState<string | null>(null);
  const [session, setSession] = useState<Session>({ mode: 'queue' });
  const [currentKey, setCurrentKey] = useState<string | undefined>(undefined);
  const [graded, setGraded] = useState<CardResult | null>(null);
  const [flash, setFlash] = useState('');
  const [helpOpen, setHelpOpen] = useState(false);
  const [now, setNow] = useState(() => new Date());
  const cardRef = useRef<HTMLDivElement>(null);
  const filtersRef = useRef<HTMLDetailsElement>(null);
  const started = useRef(false);
  const [ready, setReady] = useState(false);
  /** A filter from the link (`?factor=memory&level=…&type=…`): used for this visit instead of the saved one, until the learner changes filters. */
  const [linkFilter, setLinkFilter] = useState<LinkFilter | null>(null);

  // Saved progress and preferences: localStorage exists only in the browser, after mount.
  useEffect(() => {
    const r = readProgress(browserStorage, new Date());
    const rawPrefs = readStorage(PREFS_STORAGE_KEY);
    /* eslint-disable react-hooks/set-state-in-effect -- one read of an external store on mount */
    if (r.status === 'blocked') setStorageError(BLOCKED_READ_MESSAGE);
    setProgress(r.progress);
    if (r.status === 'unreadable') setUnreadable({ notice: r.notice, discarded: r.discarded, replaced: false });
    else if (r.status === 'ok' && r.notice) setNotice(r.notice);
    setPrefs(parsePrefs(rawPrefs.ok ? rawPrefs.value : null));
    const fromLink = readLinkFilter(window.location.search);
    if (fromLink.filter || fromLink.ignored.length > 0) setLinkFilter(fromLink);
    /* eslint-enable react-hooks/set-state-in-effect */
  }, []);

  // The bank (again after Retry).
  useEffect(() => {
    let cancelled = false;
    fetch(bankUrl)
      .then((res) => {
        if (!res.ok) throw new Error(`the server answered ${res.status}`);
        return res.json() as Promise<unknown>;
      })
      .then((data) => {
        if (!cancelled) setLoad({ status: 'ready', bank: toBank(data) });
      })
      .catch((e: unknown) => {
        if (!cancelled) setLoad({ status: 'error', message: e instanceof Error ? e.message : String(e) });
      });
    return () => {
      cancelled = true;
    };
  }, [bankUrl, loadNonce]);

  const bank = load.status === 'ready' ? load.bank : null;
  const filter = linkFilter?.filter ?? prefs?.filter;
  const candidates = useMemo(() => (bank && filter ? filterKeys(bank.entries, filter) : []), [bank, filter]);
  const queue = useMemo(
    () => (progress ? buildQueue(progress, { candidates, now }) : null),
    [progress, candidates, now],
  );
  const mistakes = useMemo(() => (progress && bank ? mistakeKeys(progress, bank.known) : []), [progress, bank]);

  /** The key to show next in a session. */
  const pick = useCallback((p: Progress, s: Session, cands: readonly string[], t: Date): string | undefined => {
    if (s.mode === 'queue') return nextInQueue(buildQueue(p, { candidates: cands, now: t }));
    if (s.mode === 'single') return s.id;
    return s.keys[s.index];
  }, []);

  // Start once the bank, progress and prefs are in: a deep link (?q=id) or today's queue.
  useEffect(() => {
    if (started.current || !bank || !progress || !prefs || !filter) return;
    started.current = true;
    const q = new URLSearchParams(window.location.search).get('q');
    const s: Session = q ? { mode: 'single', id: q.trim() } : { mode: 'queue' };
    setSession(s);
    setCurrentKey(pick(progress, s, filterKeys(bank.entries, filter), new Date()));
    setReady(true);
  }, [bank, progress, prefs, filter, pick]);

  // While nothing is due, look again every 30 s (learning steps fall due within minutes).
  const queueRef = useRef<{ progress: Progress | null; candidates: readonly string[]; session: Session }>({
    progress: null,
    candidates: [],
    session: { mode: 'queue' },
  });
  useEffect(() => {
    queueRef.current = { progress, candidates, session };
  });
  useEffect(() => {
    if (!ready || currentKey !== undefined) return;
    const id = window.setInterval(() => {
      const t = new Date();
      const { progress: p, candidates: c, session: s } = queueRef.current;
      setNow(t);
      if (p && s.mode === 'queue') {
        const next = nextInQueue(buildQueue(p, { candidates: c, now: t }));
        if (next !== undefined) setCurrentKey(next);
      }
    }, 30_000);
    return () => window.clearInterval(id);
  }, [ready, currentKey]);

  /**
   * Keeps `p` and saves it through the progress store, which refuses to overwrite saved
   * data it could not read until the learner chose to replace it (`replace`: an import or
   * a reset is that choice too). Returns the message when nothing was saved.
   */
  const save = useCallback(
    (p: Progress, replace = false): string | undefined => {
      const acknowledged = unreadable && (unreadable.replaced || replace) ? unreadable.discarded : undefined;
      const r = writeProgress(browserStorage, p, acknowledged === undefined ? {} : { replaceUnreadable: acknowledged });
      const message = writeMessage(r);
      // An answer is kept for this visit even when it cannot be saved; an import or reset that
      // cannot be saved changes nothing (the panel says so).
      if (r.ok || !replace) setProgress(p);
      setStorageError(message ?? null);
      if (r.ok && acknowledged !== undefined && unreadable && !unreadable.replaced)
        setUnreadable({ ...unreadable, replaced: true });
      return message;
    },
    [unreadable],
  );

  const savePrefs = (p: PracticePrefs) => {
    setPrefs(p);
    const err = writeStorage(PREFS_STORAGE_KEY, serializePrefs(p));
    if (err) setStorageError(err);
  };

  const focusCard = () => {
    window.requestAnimationFrame(() => cardRef.current?.focus());
  };

  const startSession = (s: Session, p: Progress | null = progress, cands: readonly string[] = candidates) => {
    if (!p) return;
    setSession(s);
    setGraded(null);
    const t = new Date();
    setNow(t);
    setCurrentKey(pick(p, s, cands, t));
    if (s.mode !== 'single' && new URLSearchParams(window.location.search).has('q')) {
      window.history.replaceState(null, '', urlWithout(['q']));
    }
    focusCard();
  };

  const current = useMemo(
    () => (bank && progress && currentKey !== undefined ? questionFor(bank, progress, currentKey) : null),
    [bank, progress, currentKey],
  );
  const question = current && 'question' in current ? current.question : null;
  const attempt =
    question && progress
      ? attemptOf(progress, question.id.startsWith('gen:') ? scheduleKey(question.id) : question.id)
      : 0;
  const suggested = graded ? ratingFor(graded) : undefined;
  const previews = useMemo(
    () =>
      graded && question && progress
        ? previewIntervals(
            progress.items[scheduleKey(question.id)]?.card,
            new Date(),
            progress.settings.desiredRetention,
          )
        : [],
    [graded, question, progress],
  );

  const rate = (rating: ReviewRating) => {
    if (!graded || !question || !progress || !bank) return;
    const t = new Date();
    const next = recordAnswer(
      progress,
      {
        questionId: question.id,
        factor: question.factor,
        correct: graded.correct,
        hintsUsed: graded.hintsUsed,
        rating,
      },
      t,
    );
    save(next);
    const interval = previews.find((p) => p.rating === rating)?.intervalLabel;
    setFlash(`Recorded: ${RATING_LABELS[rating]}${interval ? `, next review in ${interval}` : ''}.`);
    setGraded(null);
    setNow(t);
    let s = session;
    if (s.mode === 'single') {
      s = { mode: 'queue' };
      window.history.replaceState(null, '', urlWithout(['q']));
    } else if (s.mode !== 'queue') s = { ...s, index: s.index + 1 };
    setSession(s);
    setCurrentKey(pick(next, s, candidates, t));
    focusCard();
  };

  const undo = () => {
    if (!progress?.undo) return;
    const key = progress.undo.key;
    const p = undoLastAnswer(progress);
    save(p);
    setGraded(null);
    setFlash('Last answer undone: answer it again.');
    if (session.mode === 'ahead' || session.mode === 'mistakes')
      setSession({ ...session, index: Math.max(0, session.index - 1) });
    setCurrentKey(key);
    focusCard();
  };

  const clickHint = () => {
    const buttons = cardRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? [];
    for (const b of buttons) {
      if (!b.disabled && /hint/i.test(b.textContent ?? '')) {
        b.click();
        return;
      }
    }
  };

  // Keyboard shortcuts: the handler sees the latest state through a ref.
  const keyHandler = useRef<(e: KeyboardEvent) => void>(() => {});
  const onKey = (e: KeyboardEvent) => {
    if (!prefs?.shortcuts || e.defaultPrevented || e.repeat) return;
    const target = e.target instanceof HTMLElement ? e.target : null;
    const action = shortcutFor(e, {
      tagName: target?.tagName ?? 'BODY',
      type: target instanceof HTMLInputElement ? target.type : undefined,
      isContentEditable: target?.isContentEditable ?? false,
    });
    if (!action) return;
    if (action.kind === 'grade') {
      if (!graded) return;
      rate(action.rating);
    } else if (action.kind === 'next') {
      if (!graded || suggested === undefined) return;
      rate(suggested);
    } else if (action.kind === 'hint') {
      if (graded) return;
      clickHint();
    } else if (action.kind === 'undo') {
      if (!progress?.undo) return;
      undo();
    } else {
      setHelpOpen((o) => !o);
    }
    e.preventDefault();
  };
  // Layout effect: updated in the same commit as the DOM, so a key pressed as soon as
  // the grade buttons appear already sees the graded state.
  useLayoutEffect(() => {
    keyHandler.current = onKey;
  });
  useEffect(() => {
    const h = (e: KeyboardEvent) => keyHandler.current(e);
    document.addEventListener('keydown', h);
    return () => document.removeEventListener('keydown', h);
  }, []);

  /** A change in the filters panel: saved, and it replaces a filter from the link (which leaves the URL). */
  const setFilter = (f: PracticeFilter) => {
    if (!prefs || !progress || !bank) return;
    const saved: PracticeFilter = { topics: f.topics, levels: f.levels };
    savePrefs({ ...prefs, filter: saved });
    if (linkFilter) {
      setLinkFilter(null);
      window.history.replaceState(null, '', urlWithout(LINK_FILTER_PARAMS));
    }
    if (session.mode === 'queue' && !graded) {
      const t = new Date();
      setNow(t);
      setCurrentKey(pick(progress, session, filterKeys(bank.entries, saved), t));
    }
  };

  const openFilters = () => {
    const d = filtersRef.current;
    if (!d) return;
    d.open = true;
    d.querySelector<HTMLElement>('summary')?.focus();
  };

  // ── render ──
  if (load.status === 'loading' || !progress || !prefs) {
    return (
      <div className={styles.app}>
        <p role="status" className={styles.loading}>
          Loading the question bank…
        </p>
      </div>
    );
  }
  if (load.status === 'error' || !bank) {
    return (
      <div className={styles.app}>
        <div role="alert" className={styles.error}>
          <p>
            The question bank could not be loaded ({load.status === 'error' ? load.message : 'unknown error'}). Check
            your connection and try again.
          </p>
          <button
            type="button"
            className={styles.primary}
            onClick={() => {
              setLoad({ status: 'loading' });
              setLoadNonce((n) => n + 1);
            }}
          >
            Retry
          </button>
        </div>
      </div>
    );
  }

  const summary = queue ? queueSummary(queue) : null;
  const templateTitle = (key: string) => bank.templates.find((t) => `gen:${t.id}` === scheduleKey(key))?.title;

  return (
    <div className={styles.app}>
      {unreadable ? (
        <UnreadableNotice
          notice={unreadable.notice}
          discarded={unreadable.discarded}
          replaced={unreadable.replaced}
          replaceLabel="Replace it and save from now on…"
          onReplace={() => {
            setUnreadable({ ...unreadable, replaced: true });
            const r = writeProgress(browserStorage, progress, { replaceUnreadable: unreadable.discarded });
            setStorageError(writeMessage(r) ?? null);
          }}
        />
      ) : null}
      {notice ? (
        <div role="status" className={styles.notice}>
          <p>{notice}</p>
          <div className={styles.inlineButtons}>
            <button type="button" className={styles.secondary} onClick={() => setNotice(null)}>
              Dismiss
            </button>
          </div>
        </div>
      ) : null}
      {linkFilter ? (
        <div role="status" className={styles.notice}>
          {linkFilter.filter ? (
            <p>
              Filtered by the link: {linkFilterText(linkFilter.filter)} ({candidates.length} questions and generators).
            </p>
          ) : null}
          {linkFilter.ignored.length > 0 ? (
            <p>Not understood in the link, so ignored: {linkFilter.ignored.join(', ')}.</p>
          ) : null}
          {linkFilter.filter ? (
            <div className={styles.inlineButtons}>
              <button type="button" className={styles.secondary} onClick={() => setFilter(prefs.filter)}>
                Use my saved filters instead
              </button>
            </div>
          ) : null}
        </div>
      ) : null}
      {storageError ? (
        <p role="alert" className={styles.error}>
          {storageError}
        </p>
      ) : null}

      <div className={styles.layout}>
        <div className={styles.main}>
          <div className={styles.toolbar}>
            <div className={styles.modes} role="group" aria-label="What to practise">
              <button
                type="button"
                aria-pressed={session.mode === 'queue' || session.mode === 'single'}
                onClick={() => startSession({ mode: 'queue' })}
              >
                Today’s queue
              </button>
              <button
                type="button"
                aria-pressed={session.mode === 'mistakes'}
                onClick={() => startSession({ mode: 'mistakes', keys: mistakes, index: 0 })}
              >
                Mistakes ({mistakes.length})
              </button>
              <button
                type="button"
                aria-pressed={session.mode === 'ahead'}
                onClick={() =>
                  startSession({
                    mode: 'ahead',
                    keys: progress ? aheadKeys(progress, candidates, new Date()) : [],
                    index: 0,
                  })
                }
              >
                Practise ahead
              </button>
            </div>
            <p className={styles.summary}>
              <strong>{summary?.text}</strong>
            </p>
          </div>

          <div className={styles.current} ref={cardRef} tabIndex={-1} aria-label="Current question">
            {session.mode !== 'queue' && session.mode !== 'single' ? (
              <p className={styles.context}>
                {session.mode === 'mistakes' ? 'Mistakes deck' : 'Practising ahead'}:{' '}
                {Math.min(session.index + 1, session.keys.length)} of {session.keys.length}
              </p>
            ) : null}
            {current && 'error' in current ? (
              <div role="alert" className={styles.error}>
                <p>{current.error}</p>
                <button type="button" className={styles.primary} onClick={() => startSession({ mode: 'queue' })}>
                  Go to today’s queue
                </button>
              </div>
            ) : question ? (
              <>
                <p className={styles.context}>
                  {TOPIC_LABELS[question.factor] ?? question.factor} · {LEVEL_LABELS[question.level] ?? question.level}{' '}
                  ·{' '}
                  {templateTitle(question.id) ? (
                    `generated: ${templateTitle(question.id)}`
                  ) : (
                    <span className={styles.id}>{question.id}</span>
                  )}
                </p>
                <QuestionCard
                  key={`${question.id}|${attempt}`}
                  question={question}
                  learnerSeed={progress.learnerSeed}
                  attempt={attempt}
                  mode="check"
                  headingLevel={2}
                  onGraded={(r) => setGraded((g) => g ?? r)}
                />
                {graded && suggested !== undefined ? (
                  <GradeButtons previews={previews} suggested={suggested} onRate={rate} shortcuts={prefs.shortcuts} />
                ) : null}
              </>
            ) : (
              <DoneState
                mode={session.mode}
                candidates={candidates.length}
                nextDueIn={queue?.nextDue ? formatInterval(Date.parse(queue.nextDue) - now.getTime()) : undefined}
                mistakes={mistakes.length}
                onAhead={() =>
                  startSession({ mode: 'ahead', keys: aheadKeys(progress, candidates, new Date()), index: 0 })
                }
                onMistakes={() => startSession({ mode: 'mistakes', keys: mistakes, index: 0 })}
                onQueue={() => startSession({ mode: 'queue' })}
                onFilters={openFilters}
              />
            )}
          </div>
          <div className={styles.after}>
            <p role="status" className={styles.flash}>
              {flash}
            </p>
            <button
              type="button"
              className={styles.secondary}
              onClick={undo}
              disabled={!progress.undo}
              aria-keyshortcuts={prefs.shortcuts ? 'U' : undefined}
            >
              Undo last answer
            </button>
          </div>
        </div>

        <div className={styles.side}>
          <ProgressTable progress={progress} entries={bank.entries} now={now} />
          <FiltersPanel
            entries={bank.entries}
            filter={filter ?? prefs.filter}
            onChange={setFilter}
            detailsRef={filtersRef}
            matching={candidates.length}
          />
          <ShortcutsPanel
            enabled={prefs.shortcuts}
            onToggle={(on) => savePrefs({ ...prefs, shortcuts: on })}
            open={helpOpen}
            onOpenChange={setHelpOpen}
          />
          <SaveRestorePanel
            progress={progress}
            onReplace={(p, message) => {
              const error = save(p, true);
              if (error) return error;
              setFlash(message);
              startSession({ mode: 'queue' }, p);
              return undefined;
            }}
          />
        </div>
      </div>
    </div>
  );
}

function DoneState({
  mode,
  candidates,
  nextDueIn,
  mistakes,
  onAhead,
  onMistakes,
  onQueue,
  onFilters,
}: {
  mode: Session['mode'];
  candidates: number;
  nextDueIn: string | undefined;
  mistakes: number;
  onAhead: () => void;
  onMistakes: () => void;
  onQueue: () => void;
  onFilters: () => void;
}) {
  if (mode === 'mistakes' || mode === 'ahead') {
    return (
      <div className={styles.done}>
        <h2>
          {mode === 'mistakes'
            ? mistakes === 0
              ? 'No mistakes to drill'
              : 'Mistakes deck done'
            : 'Nothing more to practise ahead'}
        </h2>
        <p>
          {mode === 'mistakes' && mistakes === 0
            ? 'Every question you have answered, you last got right.'
            : 'You went through the whole list.'}
        </p>
        <div className={styles.inlineButtons}>
          <button type="button" className={styles.primary} onClick={onQueue}>
            Back to today’s queue
          </button>
        </div>
      </div>
    );
  }
  if (candidates === 0) {
    return (
      <div className={styles.done}>
        <h2>No questions match your filters</h2>
        <p>Tick at least one topic and one level.</p>
        <button type="button" className={styles.primary} onClick={onFilters}>
          Change filters
        </button>
      </div>
    );
  }
  return (
    <div className={styles.done}>
      <h2>Done for today</h2>
      <p>
        Nothing is due now and no new questions are left for today.
        {nextDueIn ? ` The next review falls due in ${nextDueIn}.` : ''} Come back tomorrow, or:
      </p>
      <div className={styles.inlineButtons}>
        <button type="button" className={styles.primary} onClick={onAhead}>
          Practise ahead
        </button>
        <button type="button" className={styles.secondary} onClick={onMistakes}>
          Mistakes deck ({mistakes})
        </button>
        <button type="button" className={styles.secondary} onClick={onFilters}>
          Change filters
        </button>
      </div>
    </div>
  );
}
