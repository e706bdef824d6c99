'use client';

import { useEffect, useId, useReducer, useRef, useState } from 'react';
import './interview.css';
import { prefixed } from '@/components/ui/prefixed';
import {
  addInterviewRecord,
  createInterview,
  interviewRecord,
  OPENING_QUESTION_ID,
  scoreInterview,
  secondsLeft,
  TOPIC_FACTOR,
} from '@/lib/practice/interview';
import type { InterviewRecord } from '@/lib/practice/progress';
import { readProgress, updateProgress, type StoreWrite } from '@/lib/practice/progress-store';
import { browserStorage } from '@/components/practice/storage';
import { UnreadableNotice } from '@/components/practice/UnreadableNotice';
import {
  advance,
  currentItem,
  elapsedSeconds,
  parseSavedRun,
  startRun,
  type InterviewRun,
} from '@/lib/practice/interview-run';
import { downloadText } from '@/components/practice/storage';
import { initialInterviewFlow, interviewReducer } from './model/interviewFlow';
import { scorecardFileName, scorecardMarkdown } from './model/scorecardExport';
import {
  CLOCK_ANNOUNCEMENTS,
  clockView,
  FACTOR_LABELS,
  FACTOR_LESSON,
  formatClock,
  formatPercent,
  parseSecondsOverride,
  practiceHref,
  summarizeRecord,
  timeLimits,
  TIMER_MODE_LABELS,
  TIMER_MODES,
  weakestFactor,
  type TimerMode,
} from './model/interviewView';
import { FACTORS, type OpenQuestion } from '@/lib/practice/types';

const styles = prefixed('iv');

/** sessionStorage key of the interview in progress (so a reload picks it up). */
const RUN_STORAGE_KEY = 'quant-70b:interview-run';
const FOLLOW_UP_CHOICES = [4, 5, 6] as const;
const PAST_SHOWN = 5;
const TICK_MS = 250;

/** The one clock the interview reads (Playwright's page.clock fakes it in e2e). Only called from effects and event handlers. */
function clockNowMs(): number {
  return Date.now();
}

/** The scorecard's line about saving, for the store's answer. */
function saveMessageFor(r: StoreWrite): string {
  if (r.ok) return 'Saved to your progress in this browser.';
  if (r.reason === 'unreadable') {
    return 'This scorecard was not saved: the progress already saved in this browser could not be read, so it is left untouched. Download it from the notice above, or replace it to save this scorecard.';
  }
  return 'This scorecard could not be saved (browser storage is blocked or full). It is shown below but will not appear in your history.';
}

/** Where focus goes after the next render (by element id), so keyboard and screen-reader users follow each step. */
type FocusTarget = 'start' | 'question' | 'grade' | 'scorecard';

export interface InterviewAppProps {
  /** The opener and the open questions the interview can draw (see interviewQuestions), compacted. */
  questions: OpenQuestion[];
}

/** The timed mock interview: start screen → questions (clock, notes, rubric, model answer) → scorecard. */
export function InterviewApp({ questions }: InterviewAppProps) {
  const uid = useId();
  const ids = {
    start: `${uid}-start`,
    question: `${uid}-question`,
    grade: `${uid}-grade`,
    scorecard: `${uid}-scorecard`,
    followUps: `${uid}-followups`,
    notes: `${uid}-notes`,
    timerLabel: `${uid}-timer-label`,
    review: `${uid}-review`,
  };
  const byId = new Map(questions.map((q) => [q.id, q]));

  /** Screens and the run in progress: model/interviewFlow. */
  const [flow, dispatch] = useReducer(interviewReducer, undefined, () => initialInterviewFlow(clockNowMs()));
  const { view, nowMs: now, resumed, runsStarted } = flow;
  const [followUps, setFollowUps] = useState<number>(5);
  const [timerMode, setTimerMode] = useState<TimerMode>('standard');
  const [override, setOverride] = useState<{ seconds: number | null; note: string | null }>({
    seconds: null,
    note: null,
  });
  const [past, setPast] = useState<InterviewRecord[]>([]);
  const [learnerSeed, setLearnerSeed] = useState('learner');
  const [notice, setNotice] = useState<string | null>(null);
  /** Saved progress that could not be read whole: never overwritten until the learner chooses to replace it. */
  const [unreadable, setUnreadable] = useState<{ notice: string; discarded: string; replaced: boolean } | null>(null);
  const [storageError, setStorageError] = useState<string | null>(null);
  const focusNext = useRef<FocusTarget | null>(null);

  // After hydration: the URL override, saved progress and an interview in progress (browser-only state).
  useEffect(() => {
    const o = parseSecondsOverride(new URLSearchParams(window.location.search).get('seconds'));
    const read = readProgress(browserStorage, new Date());
    const loadedError =
      read.status === 'blocked'
        ? 'Saved progress cannot be read in this browser (storage is blocked), so past scorecards are not shown and this one will not be saved. The interview itself works.'
        : null;
    const loadedNotice = read.status === 'ok' ? (read.notice ?? null) : null;
    const records = read.status === 'blocked' ? [] : read.progress.interviews;
    const seed = read.status === 'blocked' ? 'learner' : read.progress.learnerSeed;
    let saved: InterviewRun | null = null;
    try {
      const lengths = Object.fromEntries(questions.map((q) => [q.id, q.rubric.length]));
      saved = parseSavedRun(window.sessionStorage.getItem(RUN_STORAGE_KEY), lengths);
    } catch {
      saved = null;
    }
    // Browser storage and the URL only exist after hydration; reading them once here is the intended use.
    /* eslint-disable react-hooks/set-state-in-effect */
    setOverride(o);
    setPast(records);
    setLearnerSeed(seed);
    setNotice(loadedNotice);
    setStorageError(loadedError);
    if (read.status === 'unreadable')
      setUnreadable({ notice: read.notice, discarded: read.discarded, replaced: false });
    if (saved) dispatch({ type: 'resume', run: saved, nowMs: clockNowMs() });
    /* eslint-enable react-hooks/set-state-in-effect */
  }, [questions]);

  // Keep the interview in progress in sessionStorage; drop it once finished or abandoned.
  useEffect(() => {
    try {
      if (view.kind === 'question') window.sessionStorage.setItem(RUN_STORAGE_KEY, JSON.stringify(view.run));
      else window.sessionStorage.removeItem(RUN_STORAGE_KEY);
    } catch {
      // Not resumable after a reload; nothing else depends on it.
    }
  }, [view]);

  // The clock: read it a few times a second while answering (the time shown is a difference of readings, not a tick count).
  const answering = view.kind === 'question' && view.run.step === 'answer';
  useEffect(() => {
    if (!answering) return;
    const tick = () => dispatch({ type: 'clock', nowMs: clockNowMs() });
    const timer = window.setInterval(tick, TICK_MS);
    document.addEventListener('visibilitychange', tick);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', tick);
    };
  }, [answering]);

  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    document.getElementById(ids[target])?.focus();
  });

  /** Moves focus to `focus` after the next render, then applies the step. */
  const go = (action: Parameters<typeof dispatch>[0], focus: FocusTarget) => {
    focusNext.current = focus;
    dispatch(action);
  };

  const limits = timeLimits(timerMode, override.seconds);

  const begin = () => {
    const t = clockNowMs();
    const seed = `${learnerSeed}-${past.length}-${runsStarted}`;
    const session = createInterview(questions, {
      seed,
      now: new Date(t),
      followUps,
      openingSeconds: limits.openingSeconds,
      followUpSeconds: limits.followUpSeconds,
    });
    go({ type: 'begin', run: startRun(session, limits.timed, t), nowMs: t }, 'question');
  };

  const finish = (run: InterviewRun) => {
    const card = scoreInterview(run.session, run.answers);
    const record = interviewRecord(run.session, card, new Date());
    if (storageError) {
      go(
        {
          type: 'finish',
          run,
          card,
          record,
          saved: false,
          saveMessage: 'This scorecard was not saved: browser storage is not available.',
        },
        'scorecard',
      );
      return;
    }
    const r = saveRecord(record, unreadable?.replaced ? unreadable.discarded : undefined);
    go({ type: 'finish', run, card, record, saved: r.ok, saveMessage: saveMessageFor(r) }, 'scorecard');
  };

  /** Adds the record to saved progress through the store (which refuses to overwrite progress it could not read). */
  const saveRecord = (record: InterviewRecord, replaceUnreadable: string | undefined): StoreWrite => {
    const r = updateProgress(
      browserStorage,
      (p) => addInterviewRecord(p, record),
      new Date(),
      replaceUnreadable === undefined ? {} : { replaceUnreadable },
    );
    if (r.ok) setPast(r.progress.interviews);
    return r;
  };

  /** The learner chose to replace unreadable progress: from now on (and for a scorecard not yet saved) it may be overwritten. */
  const replaceUnreadable = () => {
    if (!unreadable) return;
    setUnreadable({ ...unreadable, replaced: true });
    if (view.kind === 'scorecard' && !view.saved) {
      const r = saveRecord(view.record, unreadable.discarded);
      dispatch({ type: 'saved', saved: r.ok, saveMessage: saveMessageFor(r) });
    }
  };

  const banner = (
    <>
      {unreadable ? (
        <UnreadableNotice
          notice={unreadable.notice}
          discarded={unreadable.discarded}
          replaced={unreadable.replaced}
          replaceLabel={
            view.kind === 'scorecard' && !view.saved
              ? 'Replace it and save this scorecard…'
              : 'Replace it and save from now on…'
          }
          onReplace={replaceUnreadable}
        />
      ) : null}
      {notice ? (
        <p className={styles.notice} role="status">
          {notice}
        </p>
      ) : null}
      {storageError ? (
        <p className={styles.notice} role="status">
          {storageError}
        </p>
      ) : null}
    </>
  );

  if (view.kind === 'start') {
    const shown = past.slice(-PAST_SHOWN).reverse();
    return (
      <section className={styles.app} aria-labelledby={ids.start}>
        {banner}
        <h2 id={ids.start} tabIndex={-1} className={styles.heading}>
          How the interview runs
        </h2>
        <ol className={styles.steps}>
          <li>
            An opening question — <em>“4-bit or 8-bit for a 70B model serving trading signals?”</em> — then {followUps}{' '}
            follow-up questions (senior level where the bank has them) spread over the five factors: precision, memory,
            method, speed and cost.
          </li>
          <li>
            {limits.timed
              ? `A countdown for each: ${formatClock(limits.openingSeconds)} for the opener, ${formatClock(limits.followUpSeconds)} per follow-up. When time is up you are flagged as over time, not cut off.`
              : 'No countdown: the time you take is shown and kept on the scorecard.'}
          </li>
          <li>Answer aloud, as you would in the room, or type notes — writing is optional.</li>
          <li>Then grade yourself: tick each rubric point your answer made, and read the model answer.</li>
          <li>At the end, a scorecard shows points per factor, the time per question, and what to revise.</li>
        </ol>

        <div className={styles.options}>
          <div className="field">
            <label htmlFor={ids.followUps}>Follow-up questions</label>
            <select
              id={ids.followUps}
              value={String(followUps)}
              onChange={(e) => setFollowUps(Number(e.currentTarget.value))}
            >
              {FOLLOW_UP_CHOICES.map((n) => (
                <option key={n} value={String(n)}>
                  {n}
                </option>
              ))}
            </select>
          </div>
          <fieldset className={styles.group}>
            <legend>Timer</legend>
            {TIMER_MODES.map((m) => (
              <label key={m} className={styles.choice}>
                <input
                  type="radio"
                  name={`${uid}-timer`}
                  value={m}
                  checked={timerMode === m}
                  onChange={() => setTimerMode(m)}
                />
                <span>{TIMER_MODE_LABELS[m]}</span>
              </label>
            ))}
          </fieldset>
        </div>
        {override.note ? <p className={styles.notice}>{override.note}</p> : null}
        {override.seconds !== null && timerMode !== 'off' ? (
          <p className={styles.note}>This link sets {formatClock(override.seconds)} per question (mm:ss).</p>
        ) : null}
        <button type="button" className={styles.primary} onClick={begin}>
          Start interview
        </button>

        <h2 className={styles.heading}>Past scorecards</h2>
        {shown.length === 0 ? (
          <p className={styles.note}>None yet: finished interviews are saved in this browser.</p>
        ) : (
          <ul className={styles.past}>
            {shown.map((r, i) => {
              const s = summarizeRecord(r);
              return (
                <li key={`${r.finishedAt}-${i}`}>
                  {s.day}: {s.made} of {s.possible} points{s.percent === null ? '' : ` (${s.percent}%)`}
                  {s.weakest ? `, weakest: ${FACTOR_LABELS[s.weakest]}` : ''}
                </li>
              );
            })}
            {past.length > PAST_SHOWN ? (
              <li className={styles.note}>…and {past.length - PAST_SHOWN} earlier.</li>
            ) : null}
          </ul>
        )}
      </section>
    );
  }

  if (view.kind === 'scorecard') {
    const { run, card, saveMessage } = view;
    const weak = weakestFactor(card);
    return (
      <section className={styles.app} aria-labelledby={ids.scorecard}>
        {banner}
        <h2 id={ids.scorecard} tabIndex={-1} className={styles.heading}>
          Scorecard
        </h2>
        <p className={styles.total}>
          Total: {card.total.made} of {card.total.possible} rubric points ({formatPercent(card.total)})
        </p>
        {saveMessage ? (
          <p className={saveMessage.startsWith('Saved') ? styles.note : styles.notice} role="status">
            {saveMessage}
          </p>
        ) : null}
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Rubric points by factor">
          <table className="table">
            <caption className={styles.caption}>Rubric points by factor</caption>
            <thead>
              <tr>
                <th scope="col">Factor</th>
                <th scope="col" className="num">
                  Made
                </th>
                <th scope="col" className="num">
                  Possible
                </th>
                <th scope="col" className="num">
                  Share
                </th>
              </tr>
            </thead>
            <tbody>
              {FACTORS.map((f) => (
                <tr key={f}>
                  <th scope="row">{FACTOR_LABELS[f]}</th>
                  <td className="num">{card.byFactor[f].made}</td>
                  <td className="num">{card.byFactor[f].possible}</td>
                  <td className="num">
                    {card.byFactor[f].possible === 0 ? 'not asked' : formatPercent(card.byFactor[f])}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Total</th>
                <td className="num">{card.total.made}</td>
                <td className="num">{card.total.possible}</td>
                <td className="num">{formatPercent(card.total)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
        {weak ? (
          <div className={styles.weak}>
            <p>
              Weakest factor: <strong>{FACTOR_LABELS[weak]}</strong> ({card.byFactor[weak].made} of{' '}
              {card.byFactor[weak].possible} points, {formatPercent(card.byFactor[weak])}).
            </p>
            <ul>
              <li>
                <a href={FACTOR_LESSON[weak]}>Revise the {FACTOR_LABELS[weak].toLowerCase()} lesson</a>
              </li>
              <li>
                <a href={practiceHref(weak)}>Practise {FACTOR_LABELS[weak].toLowerCase()} questions</a>
              </li>
            </ul>
          </div>
        ) : null}
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Points and time per question">
          <table className="table">
            <caption className={styles.caption}>Points and time per question</caption>
            <thead>
              <tr>
                <th scope="col">Question</th>
                <th scope="col" className="num">
                  Points
                </th>
                <th scope="col" className="num">
                  {run.timed ? 'Time used / limit' : 'Time used'}
                </th>
              </tr>
            </thead>
            <tbody>
              {card.perQuestion.map((pq, k) => {
                const item = run.session.items[k];
                const answer = run.answers[k];
                return (
                  <tr key={pq.questionId}>
                    <th scope="row">{questionLabel(k, byId.get(pq.questionId))}</th>
                    <td className="num">
                      {pq.made} of {pq.possible}
                    </td>
                    <td className="num">
                      {formatClock(answer?.elapsedSeconds ?? 0)}
                      {run.timed ? ` / ${formatClock(item?.timeLimitSeconds ?? 0)}` : null}
                      {run.timed && pq.overtime ? (
                        <>
                          <br />
                          <span className={styles.overtimeTag}>over time</span>
                        </>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <section className={styles.review} aria-labelledby={ids.review}>
          <h3 id={ids.review}>Your notes and the model answers</h3>
          {card.perQuestion.map((pq, k) => {
            const q = byId.get(pq.questionId);
            const answer = run.answers[k];
            return (
              <article key={pq.questionId} className={styles.reviewItem}>
                <h4>
                  {k + 1}. {questionLabel(k, q)} · {pq.made} of {pq.possible} points
                </h4>
                {q ? <div className={styles.prompt} dangerouslySetInnerHTML={{ __html: q.prompt.html }} /> : null}
                <div className={styles.reviewCols}>
                  <div>
                    <h5>Your notes</h5>
                    {answer?.notes ? (
                      <p className={styles.notesText}>{answer.notes}</p>
                    ) : (
                      <p className={styles.note}>No notes written.</p>
                    )}
                    {q ? (
                      <>
                        <h5>Rubric</h5>
                        <ul className={styles.reviewRubric}>
                          {q.rubric.map((r, i) => (
                            <li key={i}>
                              <span aria-hidden="true">{answer?.ticked[i] ? '☑' : '☐'} </span>
                              <span className="sr-only">{answer?.ticked[i] ? 'Made: ' : 'Not made: '}</span>
                              <span dangerouslySetInnerHTML={{ __html: r.html }} />
                            </li>
                          ))}
                        </ul>
                      </>
                    ) : null}
                  </div>
                  {q ? (
                    <div>
                      <h5>Model answer</h5>
                      <div dangerouslySetInnerHTML={{ __html: q.model.html }} />
                    </div>
                  ) : null}
                </div>
              </article>
            );
          })}
        </section>
        <div className={styles.actions} data-print="hide">
          <button type="button" className={styles.secondary} onClick={() => window.print()}>
            Print scorecard
          </button>
          <button
            type="button"
            className={styles.secondary}
            onClick={() => {
              const finishedAt = view.record.finishedAt;
              downloadText(
                scorecardFileName(finishedAt),
                scorecardMarkdown({ run, card, questions: byId, finishedAt, labelOf: questionLabel }),
                'text/markdown;charset=utf-8',
              );
            }}
          >
            Download as Markdown
          </button>
        </div>
        <div className={styles.actions} data-print="hide">
          <button type="button" className={styles.primary} onClick={begin}>
            Try another interview
          </button>

          <button type="button" className={styles.secondary} onClick={() => go({ type: 'toStart' }, 'start')}>
            Change options
          </button>
        </div>
      </section>
    );
  }

  // A question.
  const { run } = view;
  const item = currentItem(run);
  const q = byId.get(item.questionId);
  const total = run.session.items.length;
  const last = run.index === total - 1;
  const left = secondsLeft(
    item,
    new Date(run.questionStartedAtMs),
    new Date(run.step === 'answer' ? Math.max(now, run.questionStartedAtMs) : (run.doneAtMs ?? now)),
  );
  const clock = clockView(left, item.timeLimitSeconds);
  const used = elapsedSeconds(run, run.step === 'answer' ? Math.max(now, run.questionStartedAtMs) : now);
  const ticks = run.ticked.filter(Boolean).length;

  return (
    <section className={styles.app} aria-labelledby={ids.question}>
      {banner}
      {resumed ? (
        <p className={styles.note} role="status">
          Picked up your interview where you left it.
        </p>
      ) : null}
      {run.index === 0 && run.session.notice ? <p className={styles.notice}>{run.session.notice}</p> : null}
      <div className={styles.top}>
        <h2 id={ids.question} tabIndex={-1} className={styles.heading}>
          Question {run.index + 1} of {total}
        </h2>
        <p className={styles.kind}>{questionLabel(run.index, q)}</p>
      </div>
      {q ? (
        <div className={styles.prompt} dangerouslySetInnerHTML={{ __html: q.prompt.html }} />
      ) : (
        <p className={styles.notice}>This question is missing from the page.</p>
      )}

      <div className={`${styles.clock} ${run.timed && clock.overtime ? styles.over : ''}`}>
        {run.timed ? (
          <>
            <span id={ids.timerLabel} className={styles.clockLabel}>
              {clock.overtime ? 'Over time by' : 'Time left'}
            </span>
            <span role="timer" aria-live="off" aria-labelledby={ids.timerLabel} className={styles.clockTime}>
              {clock.text}
            </span>
            {clock.overtime ? (
              <strong className={styles.overtimeTag}>Over time — finish your point, you are not cut off</strong>
            ) : null}
          </>
        ) : (
          <>
            <span id={ids.timerLabel} className={styles.clockLabel}>
              Time used
            </span>
            <span role="timer" aria-live="off" aria-labelledby={ids.timerLabel} className={styles.clockTime}>
              {formatClock(used)}
            </span>
          </>
        )}
        {run.step === 'grade' ? <span className={styles.clockLabel}>(stopped)</span> : null}
      </div>
      <p className="sr-only" aria-live="polite">
        {run.timed && run.step === 'answer' && clock.announce ? CLOCK_ANNOUNCEMENTS[clock.announce] : ''}
      </p>

      <div className="field">
        <label htmlFor={ids.notes}>Your answer or notes (optional)</label>
        <textarea
          id={ids.notes}
          rows={5}
          value={run.notes}
          onChange={(e) => dispatch({ type: 'notes', text: e.currentTarget.value })}
        />
      </div>

      {run.step === 'answer' ? (
        <div className={styles.actions}>
          <button
            type="button"
            className={styles.primary}
            onClick={() => go({ type: 'stop', nowMs: clockNowMs() }, 'grade')}
          >
            I’m done — grade myself
          </button>
        </div>
      ) : (
        <>
          <fieldset className={styles.rubric}>
            <legend id={ids.grade} tabIndex={-1}>
              Tick each point your answer made
            </legend>
            <p className={styles.note}>
              Time used: {formatClock(used)}
              {run.timed
                ? ` of ${formatClock(item.timeLimitSeconds)}${used > item.timeLimitSeconds ? ' — over time' : ''}`
                : ''}
              .
            </p>
            <ul className={styles.points}>
              {(q?.rubric ?? []).map((r, i) => (
                <li key={i}>
                  <label className={styles.choice}>
                    <input
                      type="checkbox"
                      checked={run.ticked[i] ?? false}
                      onChange={(e) => dispatch({ type: 'tick', index: i, on: e.currentTarget.checked })}
                    />
                    <span dangerouslySetInnerHTML={{ __html: r.html }} />
                  </label>
                </li>
              ))}
            </ul>
            <p className={styles.note}>
              {ticks} of {run.ticked.length} points ticked.
            </p>
          </fieldset>
          <div className={styles.actions}>
            <button
              type="button"
              className={styles.secondary}
              aria-expanded={run.modelShown}
              onClick={() => dispatch({ type: 'toggleModel' })}
            >
              {run.modelShown ? 'Hide model answer' : 'Show model answer'}
            </button>
          </div>
          {run.modelShown && q ? (
            <section className={styles.model} aria-label="Model answer">
              <h3>Model answer</h3>
              <div dangerouslySetInnerHTML={{ __html: q.model.html }} />
            </section>
          ) : null}
          <div className={styles.actions}>
            <button
              type="button"
              className={styles.primary}
              onClick={() => {
                const t = clockNowMs();
                const r = advance(run, t);
                if (r.finished) finish(r.run);
                else go({ type: 'advanced', run: r.run, nowMs: t }, 'question');
              }}
            >
              {last ? 'Finish — see my scorecard' : 'Next question'}
            </button>
          </div>
        </>
      )}
      <p className={styles.quit}>
        <button type="button" className={styles.link} onClick={() => go({ type: 'toStart' }, 'start')}>
          Quit this interview
        </button>{' '}
        (nothing is saved)
      </p>
    </section>
  );
}

/** "Opening question" or "Follow-up 2 · Speed (serving)". */
function questionLabel(index: number, q: OpenQuestion | undefined): string {
  if (index === 0 || q?.id === OPENING_QUESTION_ID) return 'Opening question';
  if (!q) return `Follow-up ${index}`;
  const f = TOPIC_FACTOR[q.factor];
  return `Follow-up ${index} · ${FACTOR_LABELS[f]}${q.factor !== f ? ` (${q.factor})` : ''}`;
}
