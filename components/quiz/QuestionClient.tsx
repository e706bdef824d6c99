'use client';

import { useId, useState } from 'react';
import './quiz.css';
import { prefixed } from '@/components/ui/prefixed';

const styles = prefixed('qz');

/** One option, as plain text (island props are JSON). */
export interface QuestionOption {
  content: string;
  correct: boolean;
  explanation: string;
}

/** Answer checking for one question: pick, check, see every option explained. */
export function QuestionClient({ prompt, options }: { prompt: string; options: QuestionOption[] }) {
  const id = useId();
  const multiple = options.filter((o) => o.correct).length > 1;
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const [checked, setChecked] = useState(false);
  const right = checked && options.every((o, i) => o.correct === picked.has(i));

  const toggle = (i: number) => {
    setChecked(false);
    setPicked((p) => {
      if (!multiple) return new Set([i]);
      const n = new Set(p);
      if (n.has(i)) n.delete(i);
      else n.add(i);
      return n;
    });
  };

  return (
    <fieldset className={styles.question}>
      <legend className={styles.prompt}>{prompt}{multiple ? <span className={styles.hint}> (choose all that apply)</span> : null}</legend>
      <ul className={styles.options}>
        {options.map((o, i) => {
          const state = checked && picked.has(i) ? (o.correct ? 'right' : 'wrong') : checked && o.correct ? 'missed' : '';
          return (
            <li key={i} className={state ? styles[state] : undefined}>
              <label className={styles.option}>
                <input
                  type={multiple ? 'checkbox' : 'radio'}
                  name={`${id}-q`}
                  checked={picked.has(i)}
                  onChange={() => toggle(i)}
                />
                <span>{o.content}</span>
              </label>
              {checked && (picked.has(i) || o.correct) && o.explanation ? (
                <p className={styles.explanation}>
                  <strong>{o.correct ? 'Correct answer. ' : 'Not this one. '}</strong>
                  {o.explanation}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      <div className={styles.actions}>
        <button type="button" className={styles.check} onClick={() => setChecked(true)} disabled={picked.size === 0}>
          Check answer
        </button>
        <p role="status" aria-live="polite" className={checked ? (right ? styles.ok : styles.bad) : undefined}>
          {checked ? (right ? 'Right.' : 'Not quite — see the explanations.') : ''}
        </p>
      </div>
    </fieldset>
  );
}
