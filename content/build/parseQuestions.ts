/**
 * Parser and validator for the question bank's markdown form
 * (`content/questions/README.md` is the specification). Build time only: it renders
 * markdown and KaTeX (`./markdown`), so the client never imports it.
 *
 * Errors are collected, not thrown: every problem in a file is reported as
 * `file:line: message`, and a question with an error is left out of `questions`.
 */
import { SOURCES } from '@/lib/sources/catalog';
import { renderInlineMarkdown, renderMarkdown } from './markdown';
import {
  EXTRA_TOPICS,
  FACTORS,
  LEVELS,
  QUESTION_TYPES,
  type ChoiceOption,
  type Level,
  type Quantity,
  type Question,
  type QuestionType,
  type RichText,
  type Tolerance,
  type Topic,
} from '@/lib/practice/types';
import { UNIT_SYMBOLS, isUnitSymbol, unitDef, type UnitSymbol } from '@/lib/practice/units';

/** One problem found in a bank file. `line` is 1-based. */
export interface BankError {
  file: string;
  line: number;
  message: string;
}

/** `file:line: message`, the form editors and CI logs link to. */
export function formatBankError(e: BankError): string {
  return `${e.file}:${e.line}: ${e.message}`;
}

export interface ParseOptions {
  /** Slugs of the site's lessons (`content/lessons/*.mdx`), for `lesson:<slug>` sources. */
  lessonSlugs: readonly string[];
  /** Valid source ids; defaults to every id in `lib/sources/catalog.ts` SOURCES. */
  sourceIds?: readonly string[];
}

export interface ParseResult {
  questions: Question[];
  errors: BankError[];
}

/** Question ids: lowercase letters, digits and single hyphens ("kv-bytes-gqa-70b"). */
export const QUESTION_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const META_KEYS = ['type', 'factor', 'level', 'tags', 'source', 'pin'] as const;
type MetaKey = (typeof META_KEYS)[number];
const BODY_KEYS = ['answer', 'tolerance', 'order', 'rubric', 'model', 'hint', 'explain'] as const;
type BodyKey = (typeof BODY_KEYS)[number];

const OPTION_RE = /^- \[([ xX])\](?:\s+(.*))?$/;
const BODY_KEY_RE = new RegExp(`^(${BODY_KEYS.join('|')}):(?:\\s+(.*))?$`);
const META_RE = /^([A-Za-z][\w-]*):(?:\s+(.*))?$/;
const ORDER_ITEM_RE = /^\d+[.)]\s+(.*)$/;
const BULLET_RE = /^[-*]\s+(.*)$/;
const FENCE_RE = /^\s*(```|~~~)/;
const MAX_HINTS = 3;

/** A multi-line value with the line it started on (for error messages). */
interface Field {
  line: number;
  lines: string[];
}

interface RawOption {
  line: number;
  correct: boolean;
  text: Field;
  explanation?: Field;
}

interface RawBody {
  options: RawOption[];
  order?: { line: number; items: Field[] };
  rubric?: { line: number; points: Field[] };
  single: Partial<Record<'answer' | 'tolerance' | 'model' | 'explain', Field>>;
  hints: Field[];
}

function fieldText(f: Field): string {
  const lines = [...f.lines];
  while (lines.length > 0 && lines[lines.length - 1]?.trim() === '') lines.pop();
  return lines.join('\n').trim();
}

/** Strips up to `n` leading spaces (continuation indent), keeping deeper indentation for nested markdown. */
function dedent(line: string, n: number): string {
  let i = 0;
  while (i < n && i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  return line.slice(i);
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] ?? 0;
}

/** ` (did you mean "x"?)` when a candidate is close enough, else ''. */
function suggest(word: string, candidates: Iterable<string>): string {
  let best = '';
  let bestD = Infinity;
  for (const c of candidates) {
    const d = levenshtein(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== '' && bestD <= Math.max(2, Math.floor(word.length / 3)) ? ` (did you mean "${best}"?)` : '';
}

/**
 * Reads a number as authors write it: `39.8`, `1,234,567`, `1_000`, `3.9e10`, `-2`.
 * Commas must group thousands (so `39,8` is rejected rather than read as 398).
 * Returns undefined when the text is not such a number.
 * @example parseAuthorNumber('1,234.5') // 1234.5
 */
export function parseAuthorNumber(text: string): number | undefined {
  const t = text.trim();
  if (!/^[+-]?(?:\d{1,3}(?:,\d{3})+|\d[\d_]*)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(t) || !/\d/.test(t)) return undefined;
  if (/^[+-]?(?:[eE]|\.?$)/.test(t)) return undefined;
  const v = Number(t.replace(/[,_]/g, ''));
  return Number.isFinite(v) ? v : undefined;
}

/** Splits `39.8 GB` / `12%` into number text and unit text. */
function splitQuantity(text: string): { num: string; unit: string } {
  const m = /^([+-]?[\d.,_]*\d(?:[eE][+-]?\d+)?)\s*(.*)$/.exec(text.trim());
  if (!m) return { num: text.trim(), unit: '' };
  return { num: m[1] ?? '', unit: (m[2] ?? '').trim() };
}

function parseQuantity(text: string, what: string): { ok: true; value: Quantity } | { ok: false; message: string } {
  if (text.trim() === '')
    return { ok: false, message: `${what} is empty; write a number and a unit, e.g. \`${what}: 39.8 GB\`` };
  const { num, unit } = splitQuantity(text);
  const value = parseAuthorNumber(num);
  if (value === undefined) {
    return {
      ok: false,
      message: `${what}: "${text.trim()}" does not start with a number (use a dot for decimals, commas only between thousands)`,
    };
  }
  if (unit === '') {
    return {
      ok: false,
      message: `${what}: missing unit after ${num} (one of ${UNIT_SYMBOLS.join(', ')}; write \`none\` for a pure number)`,
    };
  }
  if (!isUnitSymbol(unit)) {
    return {
      ok: false,
      message: `${what}: unknown unit "${unit}"${suggest(unit, UNIT_SYMBOLS)}; allowed: ${UNIT_SYMBOLS.join(', ')}`,
    };
  }
  return { ok: true, value: { value, unit } };
}

/**
 * Parses one bank file. Never throws: problems are returned as `errors`
 * (all of them, not just the first), and questions with problems are omitted.
 * Checks ids (format, unique within the file; across files see `parseQuestionBank`),
 * metadata (type, factor, level, tags, source ids, pin), option counts and marks,
 * per-option explanations, numeric answers/tolerances/units, ordering items, open
 * rubric/model, hints (≤ 3), and that every piece of markdown and math renders.
 *
 * @example
 * parseQuestionFile('## q\ntype: open\nfactor: cost\nlevel: senior\nsource: lesson:decision\n\nWhy?\n\nrubric:\n- a\nmodel: b\n',
 *   'x.md', { lessonSlugs: ['decision'] }).questions[0]?.id // 'q'
 */
export function parseQuestionFile(text: string, fileName: string, options: ParseOptions): ParseResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const errors: BankError[] = [];
  const questions: Question[] = [];
  const sourceIds = new Set(options.sourceIds ?? SOURCES.map((s) => s.id));
  const lessonSlugs = new Set(options.lessonSlugs);
  const seen = new Map<string, number>();

  // Split at `## ` headings outside code fences.
  const starts: number[] = [];
  let inFence = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] ?? '';
    if (FENCE_RE.test(l)) inFence = !inFence;
    else if (!inFence && /^##(?:\s|$)/.test(l)) starts.push(i);
  }
  if (starts.length === 0) {
    errors.push({ file: fileName, line: 1, message: 'no questions: a question starts with a `## id` heading' });
  }

  for (let s = 0; s < starts.length; s++) {
    const begin = starts[s] ?? 0;
    const end = starts[s + 1] ?? lines.length;
    const q = parseBlock(lines, begin, end, { fileName, sourceIds, lessonSlugs, errors });
    if (q === undefined) continue;
    const prev = seen.get(q.id);
    if (prev !== undefined) {
      errors.push({ file: fileName, line: begin + 1, message: `duplicate id "${q.id}" (first used on line ${prev})` });
      continue;
    }
    seen.set(q.id, begin + 1);
    questions.push(q);
  }
  errors.sort((a, b) => a.line - b.line);
  return { questions, errors };
}

interface BlockContext {
  fileName: string;
  sourceIds: ReadonlySet<string>;
  lessonSlugs: ReadonlySet<string>;
  errors: BankError[];
}

function parseBlock(lines: readonly string[], begin: number, end: number, ctx: BlockContext): Question | undefined {
  const { fileName } = ctx;
  const errorsBefore = ctx.errors.length;
  const err = (line0: number, message: string) => ctx.errors.push({ file: fileName, line: line0 + 1, message });
  const headingLine = begin;
  const id = (lines[begin] ?? '').replace(/^##/, '').trim();
  if (id === '') err(begin, 'missing question id after `## `');
  else if (!QUESTION_ID_PATTERN.test(id)) {
    err(begin, `invalid id "${id}": use lowercase letters, digits and single hyphens (e.g. kv-bytes-gqa-70b)`);
  }

  // ── metadata ──
  let i = begin + 1;
  while (i < end && (lines[i] ?? '').trim() === '') i++;
  const meta = new Map<MetaKey, { value: string; line: number }>();
  while (i < end) {
    const l = lines[i] ?? '';
    if (l.trim() === '') break;
    const m = META_RE.exec(l);
    if (!m) {
      err(
        i,
        meta.size === 0
          ? 'expected `key: value` metadata lines (type, factor, level, source) right after the `## id` heading'
          : 'expected a `key: value` metadata line, or a blank line before the prompt',
      );
      i++;
      break;
    }
    const key = (m[1] ?? '').toLowerCase();
    const value = (m[2] ?? '').trim();
    if (!(META_KEYS as readonly string[]).includes(key)) {
      err(i, `unknown metadata key "${m[1]}"${suggest(key, META_KEYS)}; allowed: ${META_KEYS.join(', ')}`);
    } else if (meta.has(key as MetaKey)) {
      err(i, `duplicate metadata key "${key}"`);
    } else {
      meta.set(key as MetaKey, { value, line: i });
    }
    i++;
  }

  const metaField = (key: MetaKey) => meta.get(key);
  const type = checkEnum(metaField('type'), 'type', QUESTION_TYPES, headingLine, err) as QuestionType | undefined;
  const factor = checkEnum(metaField('factor'), 'factor', [...FACTORS, ...EXTRA_TOPICS], headingLine, err) as
    Topic | undefined;
  const level = checkEnum(metaField('level'), 'level', LEVELS, headingLine, err) as Level | undefined;
  const tagsField = metaField('tags');
  const tags = tagsField
    ? tagsField.value
        .split(',')
        .map((t) => t.trim())
        .filter((t) => t !== '')
    : [];
  const sources: string[] = [];
  const sourceField = metaField('source');
  if (!sourceField || sourceField.value === '') {
    err(
      sourceField?.line ?? headingLine,
      'missing `source:` (ids from lib/sources/catalog.ts and/or lesson:<slug>; at least one)',
    );
  } else {
    for (const raw of sourceField.value.split(',')) {
      const sid = raw.trim();
      if (sid === '') {
        err(sourceField.line, 'empty source id in `source:` (stray comma?)');
      } else if (sid.startsWith('lesson:')) {
        const slug = sid.slice('lesson:'.length);
        if (!ctx.lessonSlugs.has(slug)) {
          err(
            sourceField.line,
            `unknown lesson "${slug}" in source "${sid}"${suggest(slug, ctx.lessonSlugs)}; lessons: ${[...ctx.lessonSlugs].join(', ')}`,
          );
        } else sources.push(sid);
      } else if (!ctx.sourceIds.has(sid)) {
        err(
          sourceField.line,
          `unknown source id "${sid}" (not in lib/sources/catalog.ts)${suggest(sid, ctx.sourceIds)}`,
        );
      } else sources.push(sid);
    }
  }
  let pin = false;
  const pinField = metaField('pin');
  if (pinField) {
    if (pinField.value !== 'true' && pinField.value !== 'false')
      err(pinField.line, `pin must be "true" or "false" (got "${pinField.value}")`);
    pin = pinField.value === 'true';
    if (type !== undefined && type !== 'single' && type !== 'multiple' && type !== 'flaw') {
      err(pinField.line, `pin only applies to single and multiple questions (this one is ${type})`);
    }
  }

  // ── prompt ──
  while (i < end && (lines[i] ?? '').trim() === '') i++;
  const promptStart = i;
  let inFence = false;
  while (i < end) {
    const l = lines[i] ?? '';
    if (FENCE_RE.test(l)) inFence = !inFence;
    else if (!inFence && (OPTION_RE.test(l) || BODY_KEY_RE.test(l))) break;
    i++;
  }
  const prompt: Field = { line: promptStart, lines: lines.slice(promptStart, i) };
  if (fieldText(prompt) === '')
    err(
      promptStart < end ? promptStart : headingLine,
      'missing prompt: write the question text after the metadata and a blank line',
    );

  // ── body ──
  const body = parseBody(lines, i, end, err);

  // ── type-specific checks ──
  if (type !== undefined) checkBody(type, body, headingLine, err);
  else checkOptionExplanations(body, err); // still report what can be checked without a type
  if (body.hints.length > MAX_HINTS) {
    err(
      body.hints[MAX_HINTS]?.line ?? headingLine,
      `at most ${MAX_HINTS} hints (formula, numbers, answer); found ${body.hints.length}`,
    );
  }

  // ── render ──
  const render = (f: Field, what: string, inline = false): RichText => {
    const md = fieldText(f);
    try {
      return { md, html: inline ? renderInlineMarkdown(md) : renderMarkdown(md) };
    } catch (e) {
      err(f.line, `${what}: ${(e as Error).message}`);
      return { md, html: '' };
    }
  };
  // Render everything that was written, even in a broken question, so that every
  // markdown/math error is reported in the same run.
  const promptRich = render(prompt, 'prompt');
  const hints = body.hints.map((h, k) => render(h, `hint ${k + 1}`));
  const explainField = body.single.explain;
  const explain = explainField ? render(explainField, 'explain') : undefined;
  const options: ChoiceOption[] = body.options.map((o, k) => ({
    text: render(o.text, `option ${k + 1}`, true),
    explanation: render(o.explanation ?? { line: o.line, lines: [] }, `explanation of option ${k + 1}`),
    correct: o.correct,
  }));
  const items = (body.order?.items ?? []).map((f, k) => render(f, `order item ${k + 1}`, true));
  const rubric = (body.rubric?.points ?? []).map((f, k) => render(f, `rubric point ${k + 1}`, true));
  const model = body.single.model ? render(body.single.model, 'model') : undefined;

  if (ctx.errors.length > errorsBefore || type === undefined || factor === undefined || level === undefined)
    return undefined;
  const common = {
    id,
    factor,
    level,
    tags,
    sources,
    prompt: promptRich,
    hints,
    pin: pin || type === 'flaw',
    location: { file: fileName, line: headingLine + 1 },
  };
  const withExplain = explain ? { ...common, explain } : common;

  let q: Question;
  switch (type) {
    case 'single':
    case 'multiple':
    case 'flaw':
      q = { ...withExplain, type, options };
      break;
    case 'numeric': {
      const answer = parseQuantity(fieldText(body.single.answer ?? { line: 0, lines: [] }), 'answer');
      const tol = parseTolerance(body.single.tolerance, answer.ok ? answer.value.unit : undefined, err);
      if (!answer.ok || tol === undefined || explain === undefined) return undefined;
      q = { ...common, type, answer: answer.value, tolerance: tol, explain };
      break;
    }
    case 'ordering':
      if (explain === undefined) return undefined;
      q = { ...common, type, items, explain };
      break;
    case 'open':
      q = {
        ...withExplain,
        type,
        rubric,
        model: model ?? { md: '', html: '' },
      };
      break;
  }
  return ctx.errors.length > errorsBefore ? undefined : q;
}

function checkEnum(
  field: { value: string; line: number } | undefined,
  key: string,
  allowed: readonly string[],
  headingLine: number,
  err: (line: number, message: string) => void,
): string | undefined {
  if (!field) {
    err(headingLine, `missing \`${key}:\` (one of ${allowed.join(', ')})`);
    return undefined;
  }
  if (!allowed.includes(field.value)) {
    err(field.line, `invalid ${key} "${field.value}"${suggest(field.value, allowed)}; allowed: ${allowed.join(', ')}`);
    return undefined;
  }
  return field.value;
}

function parseTolerance(
  field: Field | undefined,
  answerUnit: UnitSymbol | undefined,
  err: (line: number, message: string) => void,
): Tolerance | undefined {
  if (!field) return undefined; // reported by checkBody
  const text = fieldText(field);
  const pct = /^(.*?)\s*%$/.exec(text);
  if (pct) {
    const v = parseAuthorNumber(pct[1] ?? '');
    if (v === undefined || v < 0 || v >= 100) {
      err(
        field.line,
        `tolerance: "${text}" must be a percentage from 0% to below 100% (relative), or a number with a unit (absolute)`,
      );
      return undefined;
    }
    return { kind: 'relative', fraction: v / 100 };
  }
  const q = parseQuantity(text, 'tolerance');
  if (!q.ok) {
    err(field.line, q.message);
    return undefined;
  }
  if (q.value.value < 0) {
    err(field.line, `tolerance must not be negative (got ${q.value.value})`);
    return undefined;
  }
  if (answerUnit !== undefined && unitDef(q.value.unit).dimension !== unitDef(answerUnit).dimension) {
    err(
      field.line,
      `tolerance unit ${q.value.unit} does not match the answer's unit ${answerUnit} (different kind of quantity)`,
    );
    return undefined;
  }
  return { kind: 'absolute', amount: q.value };
}

/** Reads options, `order:`/`rubric:` lists, and `key: value` fields (with indented continuations). */
function parseBody(
  lines: readonly string[],
  start: number,
  end: number,
  err: (line: number, message: string) => void,
): RawBody {
  const body: RawBody = { options: [], single: {}, hints: [] };
  /** The value that continuation lines extend, and how many spaces to strip from them. */
  let current: { field: Field; indent: number; free: boolean } | undefined;
  /** Which list `- ` / `1. ` lines belong to. */
  let list: 'order' | 'rubric' | undefined;
  let option: RawOption | undefined;
  let pendingBlank = false;
  let inFence = false;

  for (let i = start; i < end; i++) {
    const l = lines[i] ?? '';
    if (inFence) {
      if (current) current.field.lines.push(dedent(l, current.indent));
      if (FENCE_RE.test(l)) inFence = false;
      continue;
    }
    if (l.trim() === '') {
      pendingBlank = true;
      continue;
    }
    const indented = /^[ \t]/.test(l);
    const opt = !indented ? OPTION_RE.exec(l) : null;
    const key = !indented ? BODY_KEY_RE.exec(l) : null;

    if (opt) {
      list = undefined;
      option = { line: i, correct: opt[1] !== ' ', text: { line: i, lines: [opt[2] ?? ''] } };
      if ((opt[2] ?? '').trim() === '') err(i, 'option has no text after the checkbox');
      body.options.push(option);
      current = { field: option.text, indent: 2, free: false };
    } else if (key) {
      option = undefined;
      list = undefined;
      const k = key[1] as BodyKey;
      const value = key[2] ?? '';
      const field: Field = { line: i, lines: value === '' ? [] : [value] };
      if (k === 'order' || k === 'rubric') {
        if (value.trim() !== '')
          err(
            i,
            `\`${k}:\` takes no value on its line; put the ${k === 'order' ? 'items as a numbered list' : 'points as a bullet list'} on the next lines`,
          );
        if (body[k]) err(i, `duplicate \`${k}:\``);
        if (k === 'order') body.order = { line: i, items: [] };
        else body.rubric = { line: i, points: [] };
        list = k;
        current = undefined;
      } else if (k === 'hint') {
        body.hints.push(field);
        current = { field, indent: 2, free: value === '' };
      } else {
        if (body.single[k]) err(i, `duplicate \`${k}:\``);
        body.single[k] = field;
        current = { field, indent: 2, free: value === '' && (k === 'model' || k === 'explain') };
      }
    } else if (indented) {
      const t = l.trim();
      if (option && (t === ':' || t.startsWith(': '))) {
        const textLine = t.slice(1).trim();
        if (!option.explanation) option.explanation = { line: i, lines: [] };
        else if (pendingBlank) option.explanation.lines.push('');
        option.explanation.lines.push(textLine);
        current = { field: option.explanation, indent: Infinity, free: false };
      } else if (current) {
        if (pendingBlank) current.field.lines.push('');
        current.field.lines.push(dedent(l, current.indent));
      } else {
        err(i, 'indented line belongs to nothing: continuation lines follow an option, a list item or a `key:` line');
      }
    } else if (list === 'order' && ORDER_ITEM_RE.test(l)) {
      const field: Field = { line: i, lines: [ORDER_ITEM_RE.exec(l)?.[1] ?? ''] };
      body.order?.items.push(field);
      current = { field, indent: Infinity, free: false };
    } else if (list === 'rubric' && BULLET_RE.test(l)) {
      const field: Field = { line: i, lines: [BULLET_RE.exec(l)?.[1] ?? ''] };
      body.rubric?.points.push(field);
      current = { field, indent: Infinity, free: false };
    } else if (current?.free) {
      if (pendingBlank) current.field.lines.push('');
      current.field.lines.push(l);
    } else if (list === 'order') {
      err(i, '`order:` items must be a numbered list: `1. first step`');
    } else if (list === 'rubric') {
      err(i, '`rubric:` points must be a bullet list: `- point a strong answer makes`');
    } else {
      const m = META_RE.exec(l);
      err(
        i,
        m && !(BODY_KEYS as readonly string[]).includes(m[1] ?? '')
          ? `unknown key "${m[1]}"${suggest(m[1] ?? '', BODY_KEYS)}; after the prompt: options, ${BODY_KEYS.map((b) => `${b}:`).join(', ')}`
          : /^- \[/.test(l)
            ? 'malformed option: write `- [x] text` (correct) or `- [ ] text`'
            : 'unexpected text after the question body started; indent continuation lines by two spaces',
      );
    }
    if (current && FENCE_RE.test(l)) inFence = true;
    pendingBlank = false;
  }
  return body;
}

function checkOptionExplanations(body: RawBody, err: (line: number, message: string) => void): void {
  for (const [k, o] of body.options.entries()) {
    if (!o.explanation || fieldText(o.explanation) === '') {
      err(
        o.line,
        `option ${k + 1} has no explanation: add a line \`  : why it is right, or why it tempts and is wrong\``,
      );
    }
  }
}

function checkBody(
  type: QuestionType,
  body: RawBody,
  headingLine: number,
  err: (line: number, message: string) => void,
): void {
  const isChoice = type === 'single' || type === 'multiple' || type === 'flaw';
  const allowed: Record<QuestionType, readonly string[]> = {
    single: ['explain'],
    multiple: ['explain'],
    flaw: ['explain'],
    numeric: ['answer', 'tolerance', 'explain'],
    ordering: ['explain'],
    open: ['model', 'explain'],
  };
  for (const [k, f] of Object.entries(body.single)) {
    if (f && !allowed[type].includes(k)) err(f.line, `\`${k}:\` does not belong in a ${type} question`);
  }
  if (!isChoice && body.options.length > 0)
    err(body.options[0]?.line ?? headingLine, `options (\`- [ ]\`) do not belong in a ${type} question`);
  if (type !== 'ordering' && body.order) err(body.order.line, `\`order:\` does not belong in a ${type} question`);
  if (type !== 'open' && body.rubric) err(body.rubric.line, `\`rubric:\` does not belong in a ${type} question`);

  if (isChoice) {
    const n = body.options.length;
    const [min, max] = type === 'flaw' ? [2, 12] : [2, 6];
    const what = type === 'flaw' ? 'steps' : 'options';
    if (n < min || n > max)
      err(
        body.options[max]?.line ?? headingLine,
        `a ${type} question needs ${min}–${max} ${what} (\`- [ ]\` / \`- [x]\`); found ${n}`,
      );
    const correct = body.options.filter((o) => o.correct).length;
    if ((type === 'single' || type === 'flaw') && correct !== 1 && n > 0) {
      err(
        body.options[0]?.line ?? headingLine,
        type === 'flaw'
          ? `a flaw question marks exactly one step [x] (the wrong one); found ${correct}`
          : `a single question has exactly one [x]; found ${correct}`,
      );
    }
    if (type === 'multiple' && correct === 0 && n > 0)
      err(body.options[0]?.line ?? headingLine, 'a multiple question needs at least one [x]');
    checkOptionExplanations(body, err);
  }
  if (type === 'numeric') {
    if (!body.single.answer) err(headingLine, 'a numeric question needs `answer: <number> <unit>`');
    else {
      const a = parseQuantity(fieldText(body.single.answer), 'answer');
      if (!a.ok) err(body.single.answer.line, a.message);
    }
    if (!body.single.tolerance)
      err(headingLine, 'a numeric question needs `tolerance: <n>%` (relative) or `tolerance: <n> <unit>` (absolute)');
  }
  if (type === 'ordering') {
    const items = body.order?.items ?? [];
    if (!body.order)
      err(headingLine, 'an ordering question needs `order:` followed by a numbered list in the correct order');
    else if (items.length < 3)
      err(body.order.line, `an ordering question needs at least 3 items; found ${items.length}`);
    else if (items.length > 10)
      err(body.order.line, `an ordering question has at most 10 items; found ${items.length}`);
    const texts = items.map(fieldText);
    for (const [k, t] of texts.entries()) {
      if (t === '') err(items[k]?.line ?? headingLine, `order item ${k + 1} is empty`);
      else if (texts.indexOf(t) !== k)
        err(items[k]?.line ?? headingLine, `order item ${k + 1} repeats item ${texts.indexOf(t) + 1}`);
    }
  }
  if ((type === 'numeric' || type === 'ordering') && (!body.single.explain || fieldText(body.single.explain) === '')) {
    err(
      body.single.explain?.line ?? headingLine,
      `${type === 'ordering' ? 'an' : 'a'} ${type} question needs \`explain:\` with the worked answer`,
    );
  }
  if (type === 'open') {
    if (!body.rubric)
      err(
        headingLine,
        'an open question needs `rubric:` followed by a bullet list of the points a strong answer makes',
      );
    else if (body.rubric.points.length === 0) err(body.rubric.line, '`rubric:` has no points: add `- point` lines');
    for (const [k, p] of (body.rubric?.points ?? []).entries())
      if (fieldText(p) === '') err(p.line, `rubric point ${k + 1} is empty`);
    if (!body.single.model || fieldText(body.single.model) === '')
      err(body.single.model?.line ?? headingLine, 'an open question needs `model:` with a model answer');
  }
}

/**
 * Parses every bank file and checks that ids are unique across files.
 * @example parseQuestionBank([{ fileName: 'a.md', text }], { lessonSlugs }).errors // []
 */
export function parseQuestionBank(
  files: ReadonlyArray<{ fileName: string; text: string }>,
  options: ParseOptions,
): ParseResult {
  const questions: Question[] = [];
  const errors: BankError[] = [];
  const firstSeen = new Map<string, string>();
  for (const f of files) {
    const r = parseQuestionFile(f.text, f.fileName, options);
    errors.push(...r.errors);
    for (const q of r.questions) {
      const where = `${q.location?.file}:${q.location?.line}`;
      const prev = firstSeen.get(q.id);
      if (prev !== undefined) {
        errors.push({
          file: f.fileName,
          line: q.location?.line ?? 1,
          message: `duplicate id "${q.id}" (already used at ${prev})`,
        });
        continue;
      }
      firstSeen.set(q.id, where);
      questions.push(q);
    }
  }
  return { questions, errors };
}
