'use client';

import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import {
  attemptOf,
  buildQueue,
  formatInterval,
  generatorSeed,
  LEVELS,
  parseGeneratedId,
  previewIntervals,
  RATING_LABELS,
  ratingFor,
  recordAnswer,
  scheduleKey,
  TOPICS,
  undoLastAnswer,
  withSettings,
  type PracticeSettings,
  type Progress,
  type Question,
  type ReviewRating,
} from '@/lib/practice';
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
import {
  AnkiExportPanel,
  FiltersPanel,
  GradeButtons,
  ProgressTable,
  SaveRestorePanel,
  SettingsPanel,
  ShortcutsPanel,
} from './PracticePanels';
import { capState, cramKeys, initialFlow, practiceReducer, type CapState, type Session } from './model/session';
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

/** Builds a generated question (lib/practice/generators, loaded with the bank as its own chunk). */
type GenerateQuestion = (templateId: string, seed: string) => Question;

interface Bank {
  questions: Question[];
  templates: TemplateInfo[];
  generate: GenerateQuestion;
  byId: Map<string, Question>;
  entries: BankEntry[];
  known: Set<string>;
}

type LoadState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; bank: Bank };

function toBank(data: unknown, generate: GenerateQuestion): Bank {
  const d = data as { questions?: unknown; templates?: unknown } | null;
  if (!d || !Array.isArray(d.questions) || !Array.isArray(d.templates))
    throw new Error('the file has no question list');
  const questions = d.questions as Question[];
  const templates = d.templates as TemplateInfo[];
  const entries = introductionOrder(bankEntries(questions, templates));
  return {
    questions,
    templates,
    generate,
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
      return { question: bank.generate(templateId, seed) };
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
  /** The session flow (what is practised, the question on screen, the answer waiting for a rating): model/session. */
  const [flow, dispatch] = useReducer(practiceReducer, undefined, () => initialFlow(Date.now()));
  const { session, currentKey, graded, flash } = flow;
  const now = useMemo(() => new Date(flow.nowMs), [flow.nowMs]);
  const [helpOpen, setHelpOpen] = useState(false);
  const cardRef = useRef<HTMLDivElement>(null);
  const filtersRef = useRef<HTMLDetailsElement>(null);
  const settingsRef = useRef<HTMLDetailsElement>(null);
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

  // The bank (again after Retry), and the generators in parallel: they pull in the model, format, GPU and
  // sources catalogs, so they are their own chunk rather than part of the page's first JavaScript.
  useEffect(() => {
    let cancelled = false;
    const generators = import('@/lib/practice/generators').catch((e: unknown) => {
      throw new Error(`the question generators did not load (${e instanceof Error ? e.message : String(e)})`);
    });
    const data = fetch(bankUrl).then((res) => {
      if (!res.ok) throw new Error(`the server answered ${res.status}`);
      return res.json() as Promise<unknown>;
    });
    Promise.all([data, generators])
      .then(([d, g]) => {
        if (!cancelled) setLoad({ status: 'ready', bank: toBank(d, g.generateQuestion) });
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

  // Start once the bank, progress and prefs are in: a deep link (?q=id) or today's queue.
  useEffect(() => {
    if (started.current || !bank || !progress || !prefs || !filter) return;
    started.current = true;
    const q = new URLSearchParams(window.location.search).get('q');
    const s: Session = q ? { mode: 'single', id: q.trim() } : { mode: 'queue' };
    dispatch({ type: 'start', session: s, progress, candidates: filterKeys(bank.entries, filter), nowMs: Date.now() });
    setReady(true);
  }, [bank, progress, prefs, filter]);

  // While nothing is due, look again every 30 s (learning steps fall due within minutes).
  const queueRef = useRef<{ progress: Progress | null; candidates: readonly string[] }>({
    progress: null,
    candidates: [],
  });
  useEffect(() => {
    queueRef.current = { progress, candidates };
  });
  useEffect(() => {
    if (!ready || currentKey !== undefined) return;
    const id = window.setInterval(() => {
      const { progress: p, candidates: c } = queueRef.current;
      if (p) dispatch({ type: 'poll', progress: p, candidates: c, nowMs: Date.now() });
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
    dispatch({ type: 'start', session: s, progress: p, candidates: cands, nowMs: Date.now() });
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
    if (!graded || !question || !progress || !bank || session.mode === 'cram') return;
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
    if (session.mode === 'single') window.history.replaceState(null, '', urlWithout(['q']));
    dispatch({
      type: 'rated',
      progress: next,
      candidates,
      nowMs: t.getTime(),
      flash: `Recorded: ${RATING_LABELS[rating]}${interval ? `, next review in ${interval}` : ''}.`,
    });
    focusCard();
  };

  /** Cram: nothing is recorded; the next question. */
  const cramNext = () => {
    if (!graded || session.mode !== 'cram') return;
    dispatch({ type: 'cramNext' });
    focusCard();
  };

  const undo = () => {
    if (!progress?.undo) return;
    const key = progress.undo.key;
    const p = undoLastAnswer(progress);
    save(p);
    dispatch({ type: 'undone', key });
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
      if (!graded || session.mode === 'cram') return;
      rate(action.rating);
    } else if (action.kind === 'next') {
      if (!graded || suggested === undefined) return;
      if (session.mode === 'cram') cramNext();
      else rate(suggested);
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
    dispatch({ type: 'filtered', progress, candidates: filterKeys(bank.entries, saved), nowMs: Date.now() });
  };

  /** Settings: validated again, saved through the progress store; today's queue is rebuilt with the new caps. */
  const saveSettings = (s: PracticeSettings): string | undefined => {
    if (!progress) return 'Progress is not loaded yet.';
    const r = withSettings(progress, s);
    if (!r.ok) return 'A value is out of range.';
    const failed = save(r.progress);
    dispatch({ type: 'filtered', progress: r.progress, candidates, nowMs: Date.now() });
    return failed;
  };

  const openDetails = (d: HTMLDetailsElement | null) => {
    if (!d) return;
    d.open = true;
    d.querySelector<HTMLElement>('summary')?.focus();
  };

  const openFilters = () => openDetails(filtersRef.current);

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
                {session.mode === 'mistakes'
                  ? 'Mistakes deck'
                  : session.mode === 'cram'
                    ? 'Keep going (cram, not recorded)'
                    : 'Practising ahead'}
                : {Math.min(session.index + 1, session.keys.length)} of {session.keys.length}
                {session.mode === 'cram' ? ' · answers here do not change when questions come due' : ''}
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
                  onGraded={(r: CardResult) => dispatch({ type: 'graded', result: r })}
                />
                {graded && session.mode === 'cram' ? (
                  <div className={styles.grade}>
                    <p className={styles.gradeTitle}>Not recorded: this is a cram answer, so no review date changes.</p>
                    <button
                      type="button"
                      className={styles.primary}
                      onClick={cramNext}
                      aria-keyshortcuts={prefs.shortcuts ? 'N' : undefined}
                    >
                      Next cram question
                    </button>
                  </div>
                ) : graded && suggested !== undefined ? (
                  <GradeButtons previews={previews} suggested={suggested} onRate={rate} shortcuts={prefs.shortcuts} />
                ) : null}
              </>
            ) : (
              <DoneState
                mode={session.mode}
                candidates={candidates.length}
                nextDueIn={queue?.nextDue ? formatInterval(Date.parse(queue.nextDue) - now.getTime()) : undefined}
                cap={queue ? capState(progress, candidates, queue, now.getTime()) : undefined}
                cram={flow.cram}
                onCram={() =>
                  startSession({ mode: 'cram', keys: cramKeys(progress, candidates, Date.now()), index: 0 })
                }
                onSettings={() => openDetails(settingsRef.current)}
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
          <SettingsPanel
            key={`${progress.learnerSeed}|${progress.createdAt}`}
            settings={progress.settings}
            onSave={saveSettings}
            detailsRef={settingsRef}
          />
          <ShortcutsPanel
            enabled={prefs.shortcuts}
            onToggle={(on) => savePrefs({ ...prefs, shortcuts: on })}
            open={helpOpen}
            onOpenChange={setHelpOpen}
          />
          <AnkiExportPanel questions={bank.questions} mistakes={mistakes} />
          <SaveRestorePanel
            progress={progress}
            onReplace={(p, message) => {
              const error = save(p, true);
              if (error) return error;
              dispatch({ type: 'flash', text: message });
              startSession({ mode: 'queue' }, p);
              return undefined;
            }}
          />
        </div>
      </div>
    </div>
  );
}

const DAY_MS = 86_400_000;

function DoneState({
  mode,
  candidates,
  nextDueIn,
  cap,
  cram,
  onCram,
  onSettings,
  mistakes,
  onAhead,
  onMistakes,
  onQueue,
  onFilters,
}: {
  mode: Session['mode'];
  candidates: number;
  nextDueIn: string | undefined;
  /** Why today's queue is empty (the daily caps), when known. */
  cap: CapState | undefined;
  /** The cram session's tally. */
  cram: { answered: number; right: number };
  onCram: () => void;
  onSettings: () => void;
  mistakes: number;
  onAhead: () => void;
  onMistakes: () => void;
  onQueue: () => void;
  onFilters: () => void;
}) {
  if (mode === 'cram') {
    return (
      <div className={styles.done}>
        <h2>Nothing more to cram</h2>
        <p>
          You went through every question your filters allow: {cram.right} of {cram.answered} right. None of these
          answers was recorded, so your review dates are as they were.
        </p>
        <div className={styles.inlineButtons}>
          <button type="button" className={styles.primary} onClick={onQueue}>
            Back to today’s queue
          </button>
        </div>
      </div>
    );
  }
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
  const soon = cap?.nextDueInMs !== undefined && cap.nextDueInMs < DAY_MS;
  return (
    <div className={styles.done}>
      <h2>Done for today</h2>
      {cap?.newCapReached && cap.newCap === 0 ? (
        <p>
          New questions are paused: your daily limit for them is 0 (Settings). {cap.newHeldBack} unseen questions wait.
          {nextDueIn ? ` Your next review is due in ${nextDueIn}${soon ? '; it appears here then.' : '.'}` : ''}
        </p>
      ) : cap?.newCapReached ? (
        <p>
          You have had today’s {cap.newCap} new {cap.newCap === 1 ? 'question' : 'questions'}: {cap.newCap} new a day
          keeps reviews manageable, since each new question comes back for several reviews in its first days.{' '}
          {cap.newHeldBack} more wait for the coming days.
          {nextDueIn ? ` Your next review is due in ${nextDueIn}${soon ? '; it appears here then.' : '.'}` : ''}
        </p>
      ) : (
        <p>
          Nothing is due now and no new questions are left for today.
          {nextDueIn ? ` The next review falls due in ${nextDueIn}${soon ? '; it appears here then.' : '.'}` : ''}
        </p>
      )}
      {cap && cap.reviewsHeldBack > 0 ? (
        <p>
          {cap.reviewsHeldBack} more {cap.reviewsHeldBack === 1 ? 'review waits' : 'reviews wait'} for tomorrow: you
          reached the daily limit of {cap.reviewCap} reviews.
        </p>
      ) : null}
      <p>
        <strong>Keep going</strong> shows more questions now, as a cram: its answers are not recorded and move no review
        date. <strong>Practise ahead</strong> records your answers and reschedules those questions.
      </p>
      <div className={styles.inlineButtons}>
        <button type="button" className={styles.primary} onClick={onCram}>
          Keep going (cram, not recorded)
        </button>
        <button type="button" className={styles.secondary} onClick={onAhead}>
          Practise ahead
        </button>
        <button type="button" className={styles.secondary} onClick={onMistakes}>
          Mistakes deck ({mistakes})
        </button>
        <button type="button" className={styles.secondary} onClick={onFilters}>
          Change filters
        </button>
        <button type="button" className={styles.secondary} onClick={onSettings}>
          Change daily limits
        </button>
      </div>
    </div>
  );
}
