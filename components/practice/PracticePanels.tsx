'use client';

import { useId, useRef, useState, type RefObject } from 'react';
import {
  createProgress,
  exportFileName,
  exportProgress,
  importProgress,
  LEVELS,
  progressByFactor,
  localDay,
  SETTINGS_BOUNDS,
  TOPICS,
  type IntervalPreview,
  type PracticeSettings,
  type Progress,
  type Question,
  type ReviewRating,
} from '@/lib/practice';
import { ANKI_IMPORT_SETTINGS, ANKI_SITE_TAG, ankiDeck, ankiFileName } from './model/anki';
import {
  parseSettingsForm,
  SETTINGS_LABELS,
  settingsForm,
  type SettingsField,
  type SettingsForm,
} from './model/settings';
import {
  filterCounts,
  LEVEL_LABELS,
  percentText,
  seenBarWidth,
  SHORTCUTS,
  TOPIC_LABELS,
  type BankEntry,
  type PracticeFilter,
} from './model/view';
import { prefixed } from '@/components/ui/prefixed';
import { downloadText } from './storage';
import './practice.css';

const styles = prefixed('pr');

/** The four FSRS grade buttons, each with the interval it would schedule; the suggestion is marked. */
export function GradeButtons({
  previews,
  suggested,
  onRate,
  shortcuts,
}: {
  previews: IntervalPreview[];
  suggested: ReviewRating;
  onRate: (r: ReviewRating) => void;
  shortcuts: boolean;
}) {
  const headingId = useId();
  return (
    <div className={styles.grade} role="group" aria-labelledby={headingId}>
      <p id={headingId} className={styles.gradeTitle}>
        How well did you know it? <span className={styles.muted}>The next review is shown on each button.</span>
      </p>
      <div className={styles.gradeButtons}>
        {previews.map((p) => {
          const isSuggested = p.rating === suggested;
          return (
            <button
              key={p.rating}
              type="button"
              className={`${styles.gradeButton} ${isSuggested ? styles.suggested : ''}`}
              onClick={() => onRate(p.rating)}
              aria-keyshortcuts={shortcuts ? String(p.rating) : undefined}
            >
              <span className={styles.gradeLabel}>
                {shortcuts ? <kbd>{p.rating}</kbd> : null} {p.label}
              </span>
              <span className={styles.gradeInterval}>in {p.intervalLabel}</span>
              {isSuggested ? <span className={styles.gradeSuggested}>suggested</span> : null}
            </button>
          );
        })}
      </div>
    </div>
  );
}

/** Seen, accuracy and due per topic, as a table with text and a bar for the share seen. */
export function ProgressTable({
  progress,
  entries,
  now,
}: {
  progress: Progress;
  entries: readonly BankEntry[];
  now: Date;
}) {
  const byFactor = progressByFactor(progress, entries, now);
  return (
    <section className={styles.panel} aria-labelledby="pr-progress-h">
      <h2 id="pr-progress-h">Progress by topic</h2>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Progress per topic">
        <table className={`table ${styles.table}`}>
          <caption className="sr-only">Questions seen, share of answers right, and reviews due now, per topic</caption>
          <thead>
            <tr>
              <th scope="col">Topic</th>
              <th scope="col" className="num">
                Seen
              </th>
              <th scope="col" className="num">
                Right
              </th>
              <th scope="col" className="num">
                Due
              </th>
            </tr>
          </thead>
          <tbody>
            {TOPICS.map((t) => {
              const f = byFactor[t];
              if (!f) return null;
              return (
                <tr key={t}>
                  <th scope="row">
                    {TOPIC_LABELS[t]}
                    <span className={styles.bar} aria-hidden="true">
                      <span style={{ width: seenBarWidth(f) }} />
                    </span>
                  </th>
                  <td className="num">
                    {f.seen} / {f.total}
                  </td>
                  <td className="num">{percentText(f.accuracy, f.seen > 0)}</td>
                  <td className="num">{f.due}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Topic and level checkboxes with counts. */
export function FiltersPanel({
  entries,
  filter,
  onChange,
  detailsRef,
  matching,
}: {
  entries: readonly BankEntry[];
  filter: PracticeFilter;
  onChange: (f: PracticeFilter) => void;
  detailsRef: RefObject<HTMLDetailsElement | null>;
  matching: number;
}) {
  const counts = filterCounts(entries, filter);
  const toggle = <T extends string>(list: readonly T[], all: readonly T[], value: T): T[] =>
    list.includes(value) ? list.filter((x) => x !== value) : all.filter((x) => x === value || list.includes(x));
  return (
    <details className={`${styles.panel} ${styles.filters}`} ref={detailsRef}>
      <summary>
        <h2>Filters</h2>{' '}
        <span className={styles.muted}>
          ({matching} of {entries.length} questions and generators)
        </span>
      </summary>
      <fieldset>
        <legend>Topics</legend>
        <div className={styles.checks}>
          {TOPICS.map((t) => (
            <label key={t}>
              <input
                type="checkbox"
                checked={filter.topics.includes(t)}
                onChange={() => onChange({ ...filter, topics: toggle(filter.topics, TOPICS, t) })}
              />
              {TOPIC_LABELS[t]} <span className={styles.muted}>({counts.topics[t]})</span>
            </label>
          ))}
        </div>
        <div className={styles.inlineButtons}>
          <button type="button" className={styles.link} onClick={() => onChange({ ...filter, topics: [...TOPICS] })}>
            All topics
          </button>
          <button type="button" className={styles.link} onClick={() => onChange({ ...filter, topics: [] })}>
            No topics
          </button>
        </div>
      </fieldset>
      <fieldset>
        <legend>Levels</legend>
        <div className={styles.checks}>
          {LEVELS.map((l) => (
            <label key={l}>
              <input
                type="checkbox"
                checked={filter.levels.includes(l)}
                onChange={() => onChange({ ...filter, levels: toggle(filter.levels, LEVELS, l) })}
              />
              {LEVEL_LABELS[l]} <span className={styles.muted}>({counts.levels[l]})</span>
            </label>
          ))}
        </div>
      </fieldset>
    </details>
  );
}

/** The shortcut list and the on/off checkbox. */
export function ShortcutsPanel({
  enabled,
  onToggle,
  open,
  onOpenChange,
}: {
  enabled: boolean;
  onToggle: (on: boolean) => void;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  return (
    <details
      className={styles.panel}
      open={open}
      onToggle={(e) => {
        const isOpen = (e.currentTarget as HTMLDetailsElement).open;
        if (isOpen !== open) onOpenChange(isOpen);
      }}
    >
      <summary>
        <h2>Keyboard shortcuts</h2> <span className={styles.muted}>({enabled ? 'on' : 'off'})</span>
      </summary>
      <label className={styles.toggle}>
        <input type="checkbox" checked={enabled} onChange={(e) => onToggle(e.currentTarget.checked)} />
        Use keyboard shortcuts
      </label>
      <dl className={styles.keys}>
        {SHORTCUTS.map((s) => (
          <div key={s.keys}>
            <dt>
              {s.keys.split(' ').map((k) => (
                <kbd key={k}>{k}</kbd>
              ))}
            </dt>
            <dd>{s.does}</dd>
          </div>
        ))}
      </dl>
      <p className={styles.muted}>Shortcuts do nothing while you type in a text field.</p>
    </details>
  );
}

/**
 * Export, import (with a confirmation: import replaces) and reset (with a confirmation).
 * `onReplace` saves and returns undefined, or the reason nothing was saved (storage full or
 * blocked): then the panel reports the failure instead of a success.
 */
export function SaveRestorePanel({
  progress,
  onReplace,
}: {
  progress: Progress;
  onReplace: (p: Progress, message: string) => string | undefined;
}) {
  const fileId = useId();
  const errorId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [error, setError] = useState('');
  const [message, setMessage] = useState('');
  const [pending, setPending] = useState<{ progress: Progress; name: string; notice?: string } | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const answered = (p: Progress) => Object.keys(p.items).length;

  const onFile = async (file: File | undefined) => {
    setError('');
    setMessage('');
    setPending(null);
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch {
      setError('The file could not be read.');
      return;
    }
    const r = importProgress(text, new Date());
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setPending({ progress: r.progress, name: file.name, ...(r.notice ? { notice: r.notice } : {}) });
  };

  const clearFile = () => {
    if (fileRef.current) fileRef.current.value = '';
  };

  return (
    <section className={styles.panel} aria-labelledby="pr-save-h">
      <h2 id="pr-save-h">Save and restore</h2>
      <p className={styles.muted}>
        Progress is saved in this browser only. Export it to keep a copy or move it to another device.
      </p>
      <div className={styles.inlineButtons}>
        <button
          type="button"
          className={styles.secondary}
          onClick={() => {
            const now = new Date();
            downloadText(exportFileName(now), exportProgress(progress, now));
            setMessage(`Exported ${answered(progress)} answered questions to ${exportFileName(now)}.`);
            setError('');
          }}
        >
          Export progress
        </button>
      </div>
      <div className="field">
        <label htmlFor={fileId}>Import progress from a file</label>
        <input
          id={fileId}
          ref={fileRef}
          type="file"
          accept=".json,application/json"
          aria-describedby={error ? errorId : undefined}
          aria-invalid={error ? true : undefined}
          onChange={(e) => void onFile(e.currentTarget.files?.[0])}
        />
        {error ? (
          <p id={errorId} className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      {pending ? (
        <div className={styles.confirm} role="group" aria-label="Confirm import">
          <p>
            Replace your current progress ({answered(progress)} questions answered) with the one in {pending.name} (
            {answered(pending.progress)} questions answered)?
          </p>
          <div className={styles.inlineButtons}>
            <button
              type="button"
              className={styles.primary}
              onClick={() => {
                const failed = onReplace(
                  pending.progress,
                  `Imported ${pending.name}: ${answered(pending.progress)} questions answered.${pending.notice ? ` ${pending.notice}` : ''}`,
                );
                if (failed) {
                  setError(`${pending.name} was not imported. ${failed}`);
                  setMessage('');
                } else setMessage(`Imported ${pending.name}.`);
                setPending(null);
                clearFile();
              }}
            >
              Replace progress
            </button>
            <button
              type="button"
              className={styles.secondary}
              onClick={() => {
                setPending(null);
                clearFile();
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      <div className={styles.inlineButtons}>
        {confirmReset ? (
          <div className={styles.confirm} role="group" aria-label="Confirm reset">
            <p>
              Delete every answer and review date saved in this browser? This cannot be undone; export first to keep a
              copy.
            </p>
            <div className={styles.inlineButtons}>
              <button
                type="button"
                className={styles.danger}
                onClick={() => {
                  const failed = onReplace(createFresh(), 'Progress reset: you start from scratch.');
                  setConfirmReset(false);
                  if (failed) {
                    setError(`Progress was not reset. ${failed}`);
                    setMessage('');
                  } else setMessage('Progress reset.');
                }}
              >
                Yes, reset progress
              </button>
              <button type="button" className={styles.secondary} onClick={() => setConfirmReset(false)}>
                Cancel
              </button>
            </div>
          </div>
        ) : (
          <button type="button" className={styles.secondary} onClick={() => setConfirmReset(true)}>
            Reset progress…
          </button>
        )}
      </div>
      <p role="status" className={styles.ok}>
        {message}
      </p>
    </section>
  );
}

function createFresh(): Progress {
  return createProgress(new Date());
}

/**
 * Settings: the daily caps and the retention target, native number inputs with a
 * hint and an error each. `onSave` validates again, saves through the progress store
 * and returns undefined, or the sentence saying why nothing was saved.
 */
export function SettingsPanel({
  settings,
  onSave,
  detailsRef,
}: {
  settings: PracticeSettings;
  onSave: (s: PracticeSettings) => string | undefined;
  detailsRef: RefObject<HTMLDetailsElement | null>;
}) {
  const uid = useId();
  const [form, setForm] = useState<SettingsForm>(() => settingsForm(settings));
  const [errors, setErrors] = useState<Partial<SettingsForm>>({});
  const [message, setMessage] = useState('');
  const [failure, setFailure] = useState('');
  const fields: readonly SettingsField[] = ['dailyNewCap', 'dailyReviewCap', 'desiredRetention'];
  const bounds = (f: SettingsField) =>
    f === 'desiredRetention'
      ? { min: SETTINGS_BOUNDS.desiredRetention.min * 100, max: SETTINGS_BOUNDS.desiredRetention.max * 100, step: 1 }
      : { min: SETTINGS_BOUNDS[f].min, max: SETTINGS_BOUNDS[f].max, step: 1 };
  return (
    <details className={styles.panel} ref={detailsRef}>
      <summary>
        <h2>Settings</h2> <span className={styles.muted}>(daily limits, retention target)</span>
      </summary>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setMessage('');
          setFailure('');
          const r = parseSettingsForm(form);
          if (!r.ok) {
            setErrors(r.errors);
            return;
          }
          setErrors({});
          const failed = onSave(r.settings);
          if (failed) setFailure(`Settings not saved. ${failed}`);
          else setMessage('Settings saved.');
        }}
      >
        {fields.map((f) => {
          const b = bounds(f);
          return (
            <div className="field" key={f}>
              <label htmlFor={`${uid}-${f}`}>{SETTINGS_LABELS[f].label}</label>
              <input
                id={`${uid}-${f}`}
                type="number"
                inputMode={f === 'desiredRetention' ? 'decimal' : 'numeric'}
                min={b.min}
                max={b.max}
                step={b.step}
                value={form[f]}
                aria-invalid={errors[f] ? true : undefined}
                aria-describedby={`${uid}-${f}-hint${errors[f] ? ` ${uid}-${f}-error` : ''}`}
                onChange={(e) => setForm({ ...form, [f]: e.currentTarget.value.slice(0, 32) })}
              />
              <p id={`${uid}-${f}-hint`} className={styles.muted}>
                {SETTINGS_LABELS[f].hint}
              </p>
              {errors[f] ? (
                <p id={`${uid}-${f}-error`} className="field-error" role="alert">
                  {errors[f]}
                </p>
              ) : null}
            </div>
          );
        })}
        <div className={styles.inlineButtons}>
          <button type="submit" className={styles.secondary}>
            Save settings
          </button>
        </div>
      </form>
      {failure ? (
        <p role="alert" className="field-error">
          {failure}
        </p>
      ) : null}
      <p role="status" className={styles.ok}>
        {message}
      </p>
    </details>
  );
}

/**
 * Anki export: the whole bank, or the questions in one's mistakes deck, as a text file
 * Anki imports (`ankiDeck`), with the import settings spelled out.
 */
export function AnkiExportPanel({
  questions,
  mistakes,
}: {
  questions: readonly Question[];
  mistakes: readonly string[];
}) {
  const [message, setMessage] = useState('');
  const byId = new Map(questions.map((q) => [q.id, q]));
  const mistakeQuestions = mistakes.flatMap((k) => byId.get(k) ?? []);
  const generatedMistakes = mistakes.length - mistakeQuestions.length;
  const download = (kind: 'bank' | 'mistakes') => {
    const list = kind === 'bank' ? questions : mistakeQuestions;
    const now = new Date();
    const name = ankiFileName(kind, localDay(now));
    downloadText(
      name,
      ankiDeck(list, window.location.origin, kind === 'mistakes' ? ['mistake'] : []),
      'text/plain;charset=utf-8',
    );
    setMessage(`Downloaded ${name}: ${list.length} ${list.length === 1 ? 'note' : 'notes'}.`);
  };
  return (
    <section className={styles.panel} aria-labelledby="pr-anki-h">
      <h2 id="pr-anki-h">Export to Anki</h2>
      <p className={styles.muted}>
        A text file Anki imports: one note per question (Front, Back, Tags). Its schedule in Anki is separate from this
        page’s.
      </p>
      <div className={styles.inlineButtons}>
        <button type="button" className={styles.secondary} onClick={() => download('bank')}>
          Download the bank for Anki ({questions.length})
        </button>
        <button
          type="button"
          className={styles.secondary}
          disabled={mistakeQuestions.length === 0}
          onClick={() => download('mistakes')}
        >
          Download my mistakes for Anki ({mistakeQuestions.length})
        </button>
      </div>
      {generatedMistakes > 0 ? (
        <p className={styles.muted}>
          Generated questions in your mistakes ({generatedMistakes}) are left out: their numbers change on every draw.
        </p>
      ) : null}
      <details>
        <summary>How to import it into Anki</summary>
        <p>
          In Anki: File → Import, choose the file. Anki 2.1.55 and later read these settings from the file’s first
          lines; check them (and set them by hand in older versions):
        </p>
        <ul>
          {ANKI_IMPORT_SETTINGS.map((s) => (
            <li key={s.setting}>
              <strong>{s.setting}:</strong> {s.value}
            </li>
          ))}
        </ul>
        <p className={styles.muted}>Every note is tagged {ANKI_SITE_TAG}, with its topic and level as tags too.</p>
      </details>
      <p role="status" className={styles.ok}>
        {message}
      </p>
    </section>
  );
}
