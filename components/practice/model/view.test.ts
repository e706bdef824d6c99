import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createProgress } from '@/lib/practice/progress';
import { buildQueue, recordAnswer } from '@/lib/practice/schedule';
import { LEVELS, TOPICS } from '@/lib/practice/types';
import {
  ALL_FILTER,
  aheadKeys,
  bankEntries,
  DEFAULT_PREFS,
  filterCounts,
  filterKeys,
  introductionOrder,
  isTypingTarget,
  mistakeKeys,
  parsePrefs,
  percentText,
  readLinkFilter,
  seenBarWidth,
  queueSummary,
  serializePrefs,
  shortcutFor,
} from './view';

const T0 = new Date('2025-03-01T12:00:00.000Z');
const MIN = 60_000;
const qs = [
  { id: 'a', factor: 'memory', level: 'junior', type: 'single' },
  { id: 'b', factor: 'memory', level: 'senior', type: 'open' },
  { id: 'c', factor: 'speed', level: 'mid', type: 'numeric' },
  { id: 'd', factor: 'kv-cache', level: 'mid', type: 'numeric' },
] as const;
const templates = [{ id: 'weights-memory', title: 'Weights memory', factor: 'memory', level: 'junior' }] as const;
const entries = bankEntries(qs, templates);

describe('bankEntries / filterKeys / filterCounts', () => {
  it('lists bank questions then templates as gen:<template> keys', () => {
    expect(entries.map((e) => e.key)).toEqual(['a', 'b', 'c', 'd', 'gen:weights-memory']);
    expect(entries[4]).toMatchObject({ generated: true, label: 'Weights memory', factor: 'memory' });
  });

  it('filters by topic and level; everything selected keeps everything', () => {
    expect(filterKeys(entries, ALL_FILTER)).toHaveLength(5);
    expect(filterKeys(entries, { topics: ['memory'], levels: ['junior'] })).toEqual(['a', 'gen:weights-memory']);
    expect(filterKeys(entries, { topics: [], levels: [...LEVELS] })).toEqual([]);
  });

  it('counts per topic under the selected levels and per level under the selected topics', () => {
    const c = filterCounts(entries, { topics: ['memory'], levels: ['junior', 'mid'] });
    expect(c.topics.memory).toBe(2);
    expect(c.topics.speed).toBe(1);
    expect(c.topics['kv-cache']).toBe(1);
    expect(c.topics.cost).toBe(0);
    expect(c.levels).toEqual({ junior: 2, mid: 0, senior: 1 });
  });

  it('property: the filtered keys are exactly the entries whose topic and level are selected', () => {
    fc.assert(
      fc.property(fc.subarray([...TOPICS]), fc.subarray([...LEVELS]), (topics, levels) => {
        const keys = filterKeys(entries, { topics, levels });
        const counts = filterCounts(entries, { topics, levels });
        const sumTopics = topics.reduce((s, t) => s + counts.topics[t], 0);
        expect(keys.length).toBe(sumTopics);
        for (const e of entries)
          expect(keys.includes(e.key)).toBe(topics.includes(e.factor) && levels.includes(e.level));
      }),
    );
  });
});

describe('readLinkFilter (/practice?factor=…&level=…&type=…)', () => {
  it('the scorecard link ?factor=memory keeps memory and the topics the interview scores as memory (kv-cache)', () => {
    const { filter, ignored } = readLinkFilter('?factor=memory');
    expect(filter).toEqual({ topics: ['memory', 'kv-cache'], levels: ['junior', 'mid', 'senior'] });
    expect(ignored).toEqual([]);
    expect(filterKeys(entries, filter!)).toEqual(['a', 'b', 'd', 'gen:weights-memory']);
  });

  it('narrows by level and type too, with comma lists, case-insensitively', () => {
    const { filter } = readLinkFilter('?factor=Memory,speed&level=mid&type=numeric');
    expect(filter).toEqual({ topics: ['memory', 'speed', 'kv-cache', 'serving'], levels: ['mid'], types: ['numeric'] });
    expect(filterKeys(entries, filter!)).toEqual(['c', 'd']);
    expect(filterKeys(entries, readLinkFilter('?type=open').filter!)).toEqual(['b']);
    // Templates generate numeric questions unless they say otherwise.
    expect(filterKeys(entries, readLinkFilter('?type=numeric&level=junior').filter!)).toEqual(['gen:weights-memory']);
    expect(readLinkFilter('?factor=kv-cache').filter?.topics).toEqual(['kv-cache']);
  });

  it('no filter parameter, or only unknown values: no filter, and the unknown values are listed', () => {
    expect(readLinkFilter('')).toEqual({ filter: null, ignored: [] });
    expect(readLinkFilter('?q=mem-70b-fp8-size')).toEqual({ filter: null, ignored: [] });
    expect(readLinkFilter('?factor=vibes&level=expert')).toEqual({
      filter: null,
      ignored: ['factor=vibes', 'level=expert'],
    });
    expect(readLinkFilter('?factor=speed&type=essay').ignored).toEqual(['type=essay']);
  });

  it('property: never throws, and every entry kept matches each dimension the link set', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (search) => {
        const { filter } = readLinkFilter(search);
        if (filter)
          for (const k of filterKeys(entries, filter))
            expect(entries.some((e) => e.key === k && filter.levels.includes(e.level))).toBe(true);
      }),
    );
  });
});

describe('introductionOrder', () => {
  it('junior first, then mid, then senior; topics take turns within a level', () => {
    const e = bankEntries(
      [
        { id: 'm1', factor: 'memory', level: 'mid', type: 'single' },
        { id: 'm2', factor: 'memory', level: 'mid', type: 'single' },
        { id: 's1', factor: 'speed', level: 'mid', type: 'single' },
        { id: 'p1', factor: 'precision', level: 'senior', type: 'single' },
        { id: 'k1', factor: 'kv-cache', level: 'junior', type: 'single' },
      ],
      [],
    );
    expect(introductionOrder(e).map((x) => x.key)).toEqual(['k1', 'm1', 's1', 'm2', 'p1']);
  });
  it('property: a permutation of the entries', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ factor: fc.constantFrom(...TOPICS), level: fc.constantFrom(...LEVELS) })),
        (rows) => {
          const e = bankEntries(
            rows.map((r, i) => ({ id: `q${i}`, type: 'single' as const, ...r })),
            [],
          );
          expect(
            introductionOrder(e)
              .map((x) => x.key)
              .sort(),
          ).toEqual(e.map((x) => x.key).sort());
        },
      ),
    );
  });
});

describe('queueSummary', () => {
  it('says how many are due and how many new are left', () => {
    expect(queueSummary({ learning: ['a'], review: ['b'], new: ['c'], reviewDueTotal: 1 }).text).toBe(
      '2 due, 1 new left today',
    );
  });
  it('mentions reviews held back by the daily cap', () => {
    const s = queueSummary({ learning: [], review: ['b'], new: [], reviewDueTotal: 4 });
    expect(s).toMatchObject({ due: 1, newLeft: 0, overCap: 3 });
    expect(s.text).toContain('3 more reviews wait for tomorrow');
  });
  it('matches buildQueue for a new learner (daily new cap 10)', () => {
    const p = createProgress(T0, 'learner0001');
    const many = Array.from({ length: 15 }, (_, i) => `q${i}`);
    expect(queueSummary(buildQueue(p, { candidates: many, now: T0 })).text).toBe('0 due, 10 new left today');
  });
});

describe('aheadKeys / mistakeKeys', () => {
  it('practise ahead: answered cards not yet due (soonest first), then new cards past the cap', () => {
    let p = createProgress(T0, 'learner0001');
    p = { ...p, settings: { ...p.settings, dailyNewCap: 2 } };
    p = recordAnswer(p, { questionId: 'a', factor: 'memory', correct: true, hintsUsed: 0, rating: 4 }, T0); // due in days
    p = recordAnswer(p, { questionId: 'b', factor: 'memory', correct: true, hintsUsed: 0, rating: 3 }, T0); // due in 10 min
    const now = new Date(T0.getTime() + MIN);
    // New cap (2) is used up, so c and d are beyond today's queue.
    expect(buildQueue(p, { candidates: ['a', 'b', 'c', 'd'], now }).new).toEqual([]);
    expect(aheadKeys(p, ['a', 'b', 'c', 'd'], now)).toEqual(['b', 'a', 'c', 'd']);
  });

  it('mistakes: wrong answers only, and only keys that still exist', () => {
    let p = createProgress(T0, 'learner0001');
    p = recordAnswer(p, { questionId: 'a', factor: 'memory', correct: false, hintsUsed: 0 }, T0);
    p = recordAnswer(p, { questionId: 'b', factor: 'memory', correct: true, hintsUsed: 0 }, T0);
    p = recordAnswer(p, { questionId: 'gone', factor: 'memory', correct: false, hintsUsed: 0 }, T0);
    expect(mistakeKeys(p, new Set(['a', 'b']))).toEqual(['a']);
  });
});

describe('prefs', () => {
  it('round-trips', () => {
    const prefs = { filter: { topics: ['memory' as const], levels: ['mid' as const] }, shortcuts: false };
    expect(parsePrefs(serializePrefs(prefs))).toEqual(prefs);
  });
  it('falls back to the defaults for missing, corrupted or odd data and drops unknown values', () => {
    expect(parsePrefs(null)).toEqual(DEFAULT_PREFS);
    expect(parsePrefs('{not json')).toEqual(DEFAULT_PREFS);
    expect(parsePrefs('[1]')).toEqual(DEFAULT_PREFS);
    expect(parsePrefs('{"filter":{"topics":["memory","nope"],"levels":7},"shortcuts":"yes"}')).toEqual({
      filter: { topics: ['memory'], levels: [...LEVELS] },
      shortcuts: true,
    });
  });
  it('property: never throws on any string', () => {
    fc.assert(fc.property(fc.string(), (s) => void parsePrefs(s)));
  });
});

describe('shortcuts', () => {
  const body = { tagName: 'BODY' };
  it('maps keys to actions', () => {
    expect(shortcutFor({ key: '1' }, body)).toEqual({ kind: 'grade', rating: 1 });
    expect(shortcutFor({ key: '4' }, body)).toEqual({ kind: 'grade', rating: 4 });
    expect(shortcutFor({ key: 'h' }, body)).toEqual({ kind: 'hint' });
    expect(shortcutFor({ key: 'N' }, body)).toEqual({ kind: 'next' });
    expect(shortcutFor({ key: 'u' }, body)).toEqual({ kind: 'undo' });
    expect(shortcutFor({ key: '?' }, body)).toEqual({ kind: 'help' });
    expect(shortcutFor({ key: 'x' }, body)).toBeUndefined();
    expect(shortcutFor({ key: '5' }, body)).toBeUndefined();
  });
  it('never fires while typing or with a modifier', () => {
    expect(shortcutFor({ key: '3' }, { tagName: 'INPUT', type: 'text' })).toBeUndefined();
    expect(shortcutFor({ key: '3' }, { tagName: 'input' })).toBeUndefined();
    expect(shortcutFor({ key: 'h' }, { tagName: 'TEXTAREA' })).toBeUndefined();
    expect(shortcutFor({ key: 'h' }, { tagName: 'DIV', isContentEditable: true })).toBeUndefined();
    expect(shortcutFor({ key: '3', ctrlKey: true }, body)).toBeUndefined();
    // On a radio button or checkbox there is nothing to type: shortcuts work.
    expect(isTypingTarget({ tagName: 'INPUT', type: 'radio' })).toBe(false);
    expect(shortcutFor({ key: '3' }, { tagName: 'INPUT', type: 'checkbox' })).toEqual({ kind: 'grade', rating: 3 });
  });
});

describe('percentText', () => {
  it('rounds; a dash when nothing was answered', () => {
    expect(percentText(2 / 3, true)).toBe('67%');
    expect(percentText(0, false)).toBe('–');
    expect(percentText(Number.NaN, true)).toBe('–');
  });
});

describe('seenBarWidth', () => {
  it('is the seen share of a topic as a CSS percentage, clamped, 0% for an empty topic', () => {
    // Hand-checked: 3 of 24 = 12.5% → 13%.
    expect(seenBarWidth({ seen: 3, total: 24 })).toBe('13%');
    expect(seenBarWidth({ seen: 0, total: 0 })).toBe('0%');
    expect(seenBarWidth({ seen: 30, total: 24 })).toBe('100%');
  });
});
