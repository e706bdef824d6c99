'use client';

import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import './question-card.css';
import { prefixed } from '@/components/ui/prefixed';
import {
  gradeChoice,
  gradeOpen,
  gradeOrdering,
  type ChoiceGrade,
  type OpenGrade,
  type OrderingGrade,
} from '@/lib/practice/grade';
import { gradeNumeric, type NumericGrade } from '@/lib/practice/numeric';
import { displayOrder } from '@/lib/practice/shuffle';
import {
  byteUnitNote,
  choiceVerdict,
  formatAcceptedRange,
  formatAnswerValue,
  hintButtonLabel,
  instructionFor,
  moveAnnouncement,
  moveItem,
  openVerdict,
  optionMark,
  orderingVerdict,
  unitSuffix,
  type MarkTone,
} from '@/lib/practice/feedback';
import { acceptedRange } from '@/lib/practice/numeric';
import type { ChoiceQuestion, NumericQuestion, OpenQuestion, OrderingQuestion, RichText } from '@/lib/practice/types';
import type { ReportedAnswer } from './model/report';
import type { CardResult, QuestionCardProps } from './QuestionCard.types';
import { ReportProblem } from './ReportProblem';
import { useSharedState } from '@/components/present/useSharedState';
import { isBoolean } from '@/components/present/model/sync';

const s = prefixed('qc');

/** Graded result a body reports; the card adds the question id and the hints used. */
type BodyResult = Omit<CardResult, 'questionId' | 'hintsUsed'>;

interface BodyProps {
  /** Unique id prefix for this card's elements. */
  base: string;
  room: boolean;
  /** Room mode: whether the answer is revealed (shared with the deck's other windows), and its toggle. */
  revealed: boolean;
  toggleReveal: () => void;
  learnerSeed: string;
  attempt: number;
  hints: ReactNode;
  report: (r: BodyResult) => void;
  /** Tells the card what the learner has entered so far (for "Report a problem"). */
  track: (a: ReportedAnswer) => void;
}

const MARK_SYMBOL: Record<MarkTone, string> = { right: '✓', wrong: '✗', missed: '→', neutral: '·' };

function Html({
  html,
  as: Tag = 'div',
  id,
  className,
}: {
  html: string;
  as?: 'div' | 'span';
  id?: string;
  className?: string;
}) {
  return <Tag id={id} className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}

function cx(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(' ');
}

/** The visible text of an element as a screen reader gets it (KaTeX's hidden HTML and TeX source left out). */
function spokenText(el: HTMLElement | null): string {
  if (!el) return '';
  const copy = el.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('[aria-hidden="true"], annotation').forEach((n) => n.remove());
  return copy.textContent ?? '';
}

/** Moves focus to the element with this id after the next render (focus follows moved or replaced controls). */
function useFocusAfterRender(): (id: string) => void {
  const pending = useRef<string | null>(null);
  useEffect(() => {
    if (pending.current) {
      document.getElementById(pending.current)?.focus();
      pending.current = null;
    }
  });
  return (id) => {
    pending.current = id;
  };
}

/**
 * One question of any type, graded with lib/practice: the learner answers and
 * checks (`mode: 'check'`), or in a room the presenter reveals the answer
 * (`mode: 'room'`). Contract: ./QuestionCard.types.ts. Option order is
 * `displayOrder(question, learnerSeed, attempt)`; a new question, seed or attempt
 * starts a fresh card.
 */
export function QuestionCard(props: QuestionCardProps) {
  return <Card key={`${props.question.id}|${props.learnerSeed}|${props.attempt}|${props.mode}`} {...props} />;
}

function Card({ question: q, learnerSeed, attempt, mode, headingLevel = 3, position, onGraded }: QuestionCardProps) {
  const base = `qc-${q.id.replace(/[^A-Za-z0-9_-]/g, '-')}-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const [hintsShown, setHintsShown] = useState(0);
  const [answer, setAnswer] = useState<ReportedAnswer>({ kind: 'none' });
  const [outcome, setOutcome] = useState<'right' | 'wrong' | 'not checked'>('not checked');
  const focusLater = useFocusAfterRender();
  const room = mode === 'room';
  // On a slide deck the reveal is shared: the presenter reveals, the audience window shows it (item 9).
  const [revealed, setRevealed] = useSharedState(room ? `quiz:${q.id}:revealed` : null, false, isBoolean);
  const Heading = `h${headingLevel}` as 'h2' | 'h3' | 'h4';
  const ids = { heading: `${base}-heading`, prompt: `${base}-prompt`, instruction: `${base}-instruction` };

  const showHint = () => {
    const next = Math.min(hintsShown + 1, q.hints.length);
    setHintsShown(next);
    // The button goes away with the last hint: focus that hint instead of losing focus.
    if (next === q.hints.length) focusLater(`${base}-hint-${next - 1}`);
  };

  const hints =
    q.hints.length === 0 ? null : (
      <div className={s.hints}>
        <ol className={s.hintList} aria-live="polite">
          {q.hints.slice(0, hintsShown).map((h, i) => (
            <li key={i} id={`${base}-hint-${i}`} tabIndex={-1} className={s.hint}>
              <strong className={s.hintLabel}>
                Hint {i + 1} of {q.hints.length}
              </strong>
              <Html html={h.html} />
            </li>
          ))}
        </ol>
        {hintsShown < q.hints.length ? (
          <button type="button" className={s.secondary} onClick={showHint}>
            {hintButtonLabel(hintsShown, q.hints.length)}
          </button>
        ) : null}
      </div>
    );

  const body: BodyProps = {
    base,
    room,
    revealed,
    toggleReveal: () => setRevealed((r) => !r),
    learnerSeed,
    attempt,
    hints,
    report: (r) => {
      setOutcome(r.correct ? 'right' : 'wrong');
      onGraded?.({ questionId: q.id, hintsUsed: hintsShown, ...r });
    },
    track: (a) => {
      setAnswer(a);
      setOutcome('not checked');
    },
  };

  return (
    <div className={s.card} data-question-id={q.id}>
      <fieldset
        className={s.fieldset}
        aria-labelledby={`${ids.heading} ${ids.prompt}`}
        aria-describedby={ids.instruction}
      >
        <Heading id={ids.heading} className={s.heading}>
          {position ? `Question ${position.n} of ${position.total}` : 'Question'}
        </Heading>
        <Html id={ids.prompt} className={s.prompt} html={q.prompt.html} />
        <p id={ids.instruction} className={s.instruction}>
          {instructionFor(q.type, mode, q.type === 'numeric' ? q.answer.unit : undefined)}
        </p>
        {q.type === 'single' || q.type === 'multiple' || q.type === 'flaw' ? (
          <ChoiceBody q={q} {...body} />
        ) : q.type === 'numeric' ? (
          <NumericBody q={q} {...body} />
        ) : q.type === 'ordering' ? (
          <OrderingBody q={q} {...body} />
        ) : (
          <OpenBody q={q} {...body} />
        )}
      </fieldset>
      {q.sourceLinks && q.sourceLinks.length > 0 ? (
        <p className={s.sources}>
          Sources:{' '}
          {q.sourceLinks.map((l, i) => (
            <span key={l.href}>
              {i > 0 ? ', ' : ''}
              <a href={l.href} title={l.title}>
                {l.label}
              </a>
            </span>
          ))}
        </p>
      ) : null}
      <ReportProblem question={q} answer={answer} outcome={outcome} />
    </div>
  );
}

/** The row under the answer: Check (or Reveal in a room), and the status line. */
function Actions({
  room,
  revealed,
  onReveal,
  onCheck,
  checkLabel = 'Check answer',
  message,
  tone,
  extra,
}: {
  room: boolean;
  revealed: boolean;
  onReveal: () => void;
  onCheck?: () => void;
  checkLabel?: string;
  message: string;
  tone?: 'ok' | 'bad';
  extra?: ReactNode;
}) {
  return (
    <div className={s.actions}>
      {extra}
      {room ? (
        <button type="button" className={s.primary} onClick={onReveal}>
          {revealed ? 'Hide answer' : 'Reveal answer'}
        </button>
      ) : onCheck ? (
        <button type="button" className={s.primary} onClick={onCheck}>
          {checkLabel}
        </button>
      ) : null}
      {room ? null : (
        <p role="status" className={cx(s.status, tone === 'ok' && s.ok, tone === 'bad' && s.bad)}>
          {message}
        </p>
      )}
    </div>
  );
}

function Explain({ label = 'Explanation', text }: { label?: string; text: RichText | undefined }) {
  if (!text || !text.html) return null;
  return (
    <div className={s.explain}>
      <p className={s.explainLabel}>{label}</p>
      <Html html={text.html} />
    </div>
  );
}

function Mark({ tone, label }: { tone: MarkTone; label: string }) {
  return (
    <strong className={cx(s.mark, s[`mark-${tone}`])}>
      <span aria-hidden="true">{MARK_SYMBOL[tone]} </span>
      {label}
    </strong>
  );
}

function ChoiceBody({
  q,
  base,
  room,
  revealed,
  toggleReveal,
  learnerSeed,
  attempt,
  hints,
  report,
  track,
}: BodyProps & { q: ChoiceQuestion }) {
  const order = displayOrder(q, learnerSeed, attempt);
  const [selected, setSelected] = useState<number[]>([]);
  const [grade, setGrade] = useState<ChoiceGrade | null>(null);
  const [message, setMessage] = useState('');
  const multiple = q.type === 'multiple';
  const flaw = q.type === 'flaw';
  const showFeedback = room ? revealed : grade !== null;

  const choose = (i: number, on: boolean) => {
    setGrade(null);
    setMessage('');
    const next = multiple ? (on ? [...selected.filter((x) => x !== i), i] : selected.filter((x) => x !== i)) : [i];
    setSelected(next);
    track({ kind: 'choice', selected: next });
  };
  const check = () => {
    if (selected.length === 0) {
      setGrade(null);
      setMessage(flaw ? 'Choose a step first.' : 'Choose an answer first.');
      return;
    }
    const g = gradeChoice(
      q,
      [...selected].sort((a, b) => a - b),
    );
    setGrade(g);
    setMessage(choiceVerdict(g, q.type));
    report({ correct: g.correct });
  };
  const List = flaw ? 'ol' : 'ul';

  return (
    <>
      <List className={cx(s.options, flaw && s.steps)}>
        {order.map((i) => {
          const o = q.options[i];
          if (!o) return null;
          const mark = showFeedback
            ? optionMark({ type: q.type, correct: o.correct, selected: !room && selected.includes(i), answered: !room })
            : null;
          return (
            <li key={i} className={cx(s.option, mark && s[mark.tone])}>
              <label className={s.optionLabel}>
                <input
                  type={multiple ? 'checkbox' : 'radio'}
                  name={`${base}-choice`}
                  value={String(i)}
                  checked={selected.includes(i)}
                  disabled={room}
                  onChange={(e) => choose(i, e.currentTarget.checked)}
                />
                <span className={s.optionText}>
                  {flaw ? <span className={s.stepNo}>Step {i + 1}. </span> : null}
                  <Html as="span" html={o.text.html} />
                </span>
              </label>
              {mark ? (
                <div className={s.feedback}>
                  <Mark tone={mark.tone} label={mark.label} />
                  <Html html={o.explanation.html} />
                </div>
              ) : null}
            </li>
          );
        })}
      </List>
      {hints}
      <Actions
        room={room}
        revealed={revealed}
        onReveal={toggleReveal}
        onCheck={check}
        message={message}
        tone={grade ? (grade.correct ? 'ok' : 'bad') : undefined}
      />
      {showFeedback ? <Explain text={q.explain} /> : null}
    </>
  );
}

function NumericBody({
  q,
  base,
  room,
  revealed,
  toggleReveal,
  hints,
  report,
  track,
}: BodyProps & { q: NumericQuestion }) {
  const [text, setText] = useState('');
  const [grade, setGrade] = useState<NumericGrade | null>(null);
  const unit = q.answer.unit;
  const note = byteUnitNote(unit);
  const range = formatAcceptedRange(q.answer, q.tolerance);
  const { halfWidth } = acceptedRange(q.answer, q.tolerance);
  const ids = { input: `${base}-answer`, note: `${base}-note`, error: `${base}-error` };
  const invalid = grade?.status === 'invalid' ? grade.error : null;
  const graded = grade?.status === 'graded' ? grade : null;

  const check = () => {
    const g = gradeNumeric(q, text);
    setGrade(g);
    if (g.status === 'graded') report({ correct: g.correct });
  };
  const message = graded ? (graded.correct ? 'Right.' : 'Not quite — see the worked solution.') : '';
  const answerLine = (
    <p className={s.answerLine}>
      <strong>Answer: {range.answer}.</strong> Accepted: {range.range} ({range.tolerance}).
    </p>
  );

  return (
    <>
      {room ? (
        note ? (
          <p className={s.note}>{note}</p>
        ) : null
      ) : (
        <div className={s.numeric}>
          <label htmlFor={ids.input} className={s.fieldLabel}>
            Your answer{unit === 'none' ? '' : ` (${unit})`}
          </label>
          <div className={s.inputRow}>
            <input
              id={ids.input}
              type="text"
              inputMode="text"
              autoComplete="off"
              spellCheck={false}
              className={s.input}
              value={text}
              aria-invalid={invalid ? true : undefined}
              aria-describedby={[note ? ids.note : '', invalid ? ids.error : ''].filter(Boolean).join(' ') || undefined}
              onChange={(e) => {
                setText(e.currentTarget.value);
                setGrade(null);
                track({ kind: 'numeric', text: e.currentTarget.value });
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  check();
                }
              }}
            />
            {unit === 'none' ? null : <span className={s.unit}>{unitSuffix(unit).trim()}</span>}
          </div>
          {note ? (
            <p id={ids.note} className={s.note}>
              {note}
            </p>
          ) : null}
          {invalid ? (
            <p id={ids.error} className={s.error} role="alert">
              {invalid}
            </p>
          ) : null}
        </div>
      )}
      {hints}
      <Actions
        room={room}
        revealed={revealed}
        onReveal={toggleReveal}
        onCheck={check}
        message={message}
        tone={graded ? (graded.correct ? 'ok' : 'bad') : undefined}
      />
      {graded ? (
        <div className={s.result}>
          <p className={s.answerLine}>
            <Mark
              tone={graded.correct ? 'right' : 'wrong'}
              label={graded.correct ? 'Your answer — right' : 'Your answer — wrong'}
            />{' '}
            You answered {formatAnswerValue(graded.parsed.value, 0)}
            {unitSuffix(graded.parsed.unit)}
            {graded.parsed.unit !== unit ? ` = ${formatAnswerValue(graded.value, halfWidth)}${unitSuffix(unit)}` : ''}
            {graded.parsed.unitAssumed && unit !== 'none' ? ` (read as ${unit})` : ''}.
          </p>
          {answerLine}
          {graded.diagnosis ? (
            <p className={s.diagnosis}>
              <strong>Likely slip:</strong> {graded.diagnosis}
            </p>
          ) : null}
          <Explain label="Worked solution" text={q.explain} />
        </div>
      ) : null}
      {room && revealed ? (
        <div className={s.result}>
          {answerLine}
          <Explain label="Worked solution" text={q.explain} />
        </div>
      ) : null}
    </>
  );
}

function OrderingBody({
  q,
  base,
  room,
  revealed,
  toggleReveal,
  learnerSeed,
  attempt,
  hints,
  report,
  track,
}: BodyProps & { q: OrderingQuestion }) {
  const [order, setOrder] = useState<number[]>(() => displayOrder(q, learnerSeed, attempt));
  const [grade, setGrade] = useState<OrderingGrade | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const focusLater = useFocusAfterRender();
  const n = order.length;
  const itemId = (item: number) => `${base}-item-${item}`;

  const move = (pos: number, delta: -1 | 1) => {
    const to = pos + delta;
    const item = order[pos];
    if (item === undefined || to < 0 || to >= n) return;
    const next = moveItem(order, pos, delta);
    setOrder(next);
    setGrade(null);
    track({ kind: 'ordering', order: next });
    focusLater(`${base}-${delta < 0 ? 'up' : 'down'}-${item}`);
    setAnnouncement(moveAnnouncement(spokenText(document.getElementById(itemId(item))), to + 1, n));
  };
  const check = () => {
    track({ kind: 'ordering', order });
    const g = gradeOrdering(q, order);
    setGrade(g);
    report({ correct: g.correct });
  };
  const showAnswer = room ? revealed : grade !== null;
  const message = grade ? orderingVerdict(grade) : '';

  return (
    <>
      <ol className={s.order}>
        {order.map((item, pos) => {
          const text = q.items[item];
          if (!text) return null;
          const inPlace = grade ? grade.inPlace[pos] === true : null;
          return (
            <li key={item} className={cx(s.orderItem, inPlace === true && s.right, inPlace === false && s.wrong)}>
              <Html as="span" id={itemId(item)} className={s.itemText} html={text.html} />
              {room ? null : (
                <span className={s.moves}>
                  {([-1, 1] as const).map((delta) => {
                    const dir = delta < 0 ? 'up' : 'down';
                    const stuck = delta < 0 ? pos === 0 : pos === n - 1;
                    return (
                      <button
                        key={dir}
                        type="button"
                        id={`${base}-${dir}-${item}`}
                        className={s.move}
                        aria-labelledby={`${base}-${dir}-${item}-label ${itemId(item)}`}
                        aria-disabled={stuck ? true : undefined}
                        onClick={() => move(pos, delta)}
                      >
                        <span aria-hidden="true">{delta < 0 ? '↑' : '↓'} </span>
                        <span id={`${base}-${dir}-${item}-label`}>{delta < 0 ? 'Move up' : 'Move down'}</span>
                      </button>
                    );
                  })}
                </span>
              )}
              {inPlace !== null ? (
                <span className={s.orderMark}>
                  <Mark
                    tone={inPlace ? 'right' : 'wrong'}
                    label={inPlace ? 'In the right place' : `Belongs at position ${item + 1}`}
                  />
                </span>
              ) : null}
            </li>
          );
        })}
      </ol>
      <div className={s.srOnly} aria-live="polite">
        {announcement}
      </div>
      {hints}
      <Actions
        room={room}
        revealed={revealed}
        onReveal={toggleReveal}
        onCheck={check}
        message={message}
        tone={grade ? (grade.correct ? 'ok' : 'bad') : undefined}
      />
      {showAnswer ? (
        <div className={s.result}>
          <p className={s.explainLabel}>The correct order</p>
          <ol className={s.correctOrder}>
            {q.items.map((it, i) => (
              <li key={i}>
                <Html as="span" html={it.html} />
              </li>
            ))}
          </ol>
          <Explain text={q.explain} />
        </div>
      ) : null}
    </>
  );
}

function OpenBody({ q, base, room, revealed, toggleReveal, hints, report, track }: BodyProps & { q: OpenQuestion }) {
  const [text, setText] = useState('');
  const [rubricShown, setRubricShown] = useState(false);
  const [ticked, setTicked] = useState<boolean[]>(() => q.rubric.map(() => false));
  const [grade, setGrade] = useState<OpenGrade | null>(null);
  const focusLater = useFocusAfterRender();
  const ids = { answer: `${base}-open`, rubric: `${base}-rubric` };

  const showRubric = () => {
    setRubricShown(true);
    focusLater(`${ids.rubric}-0`);
  };
  const score = () => {
    const g = gradeOpen(q, ticked);
    setGrade(g);
    report({ correct: g.correct, score: g.score });
  };

  if (room) {
    return (
      <>
        {hints}
        <Actions room revealed={revealed} onReveal={toggleReveal} message="" />
        {revealed ? (
          <div className={s.result}>
            <p className={s.explainLabel}>What a strong answer says</p>
            <ul className={s.rubricList}>
              {q.rubric.map((r, i) => (
                <li key={i}>
                  <Html as="span" html={r.html} />
                </li>
              ))}
            </ul>
            <Explain label="Model answer" text={q.model} />
            <Explain text={q.explain} />
          </div>
        ) : null}
      </>
    );
  }

  return (
    <>
      <div className={s.numeric}>
        <label htmlFor={ids.answer} className={s.fieldLabel}>
          Your answer (optional: for yourself, it is not sent anywhere)
        </label>
        <textarea
          id={ids.answer}
          className={s.textarea}
          rows={4}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            track({ kind: 'open', text: e.currentTarget.value, ticked });
          }}
        />
      </div>
      {hints}
      {rubricShown ? (
        <fieldset className={s.rubric}>
          <legend className={s.fieldLabel}>Rubric: tick the points your answer made</legend>
          <ul className={s.options}>
            {q.rubric.map((r, i) => (
              <li key={i} className={s.option}>
                <label className={s.optionLabel}>
                  <input
                    type="checkbox"
                    id={`${ids.rubric}-${i}`}
                    checked={ticked[i] === true}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      const next = ticked.map((t, j) => (j === i ? on : t));
                      setTicked(next);
                      setGrade(null);
                      track({ kind: 'open', text, ticked: next });
                    }}
                  />
                  <Html as="span" className={s.optionText} html={r.html} />
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
      <Actions
        room={false}
        revealed={false}
        onReveal={() => undefined}
        onCheck={rubricShown ? score : undefined}
        checkLabel="Score my answer"
        message={grade ? openVerdict(grade) : ''}
        tone={grade ? (grade.correct ? 'ok' : 'bad') : undefined}
        extra={
          rubricShown ? null : (
            <button type="button" className={s.primary} onClick={showRubric}>
              Show the rubric
            </button>
          )
        }
      />
      {grade ? (
        <div className={s.result}>
          <Explain label="Model answer" text={q.model} />
          <Explain text={q.explain} />
        </div>
      ) : null}
    </>
  );
}
