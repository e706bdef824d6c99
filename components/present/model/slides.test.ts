import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { continuedTitle, INTRO_TITLE, planSlides, slideLabel, type SlideItem } from './slides';

const h2 = (title: string): SlideItem => ({ kind: 'heading', level: 2, title });
const h3 = (title: string): SlideItem => ({ kind: 'heading', level: 3, title });
const p: SlideItem = { kind: 'content' };
const notes: SlideItem = { kind: 'notes' };
const marker = (title: string | null = null): SlideItem => ({ kind: 'marker', title });
const quiz: SlideItem = { kind: 'block', title: 'Check yourself' };

/** Compact view of a plan: [title, items] per slide. */
const view = (items: SlideItem[]) => planSlides(items).slides.map((s) => [s.title, s.items]);

describe('planSlides', () => {
  it('splits at every ## and makes an introduction of what comes first', () => {
    // Shape of content/lessons/memory.mdx: claim + truth callouts, then ## sections.
    expect(view([p, p, h2('Four terms'), p, p, h2('Weights'), p])).toEqual([
      [INTRO_TITLE, [0, 1]],
      ['Four terms', [2, 3, 4]],
      ['Weights', [5, 6]],
    ]);
  });

  it('splits at ### and remembers the section it belongs to', () => {
    // Shape of content/lessons/speed.mdx: "## Worked example" … "### Where 8-bit wins".
    const plan = planSlides([h2('Worked example'), p, h3('Where 8-bit wins'), p]);
    expect(plan.slides.map((s) => [s.title, s.sectionTitle, s.items])).toEqual([
      ['Worked example', null, [0, 1]],
      ['Where 8-bit wins', 'Worked example', [2, 3]],
    ]);
  });

  it('keeps ### with its ## when nothing stands between them', () => {
    expect(view([h2('Capacity'), h3('The A100 claim'), p])).toEqual([['Capacity', [0, 1, 2]]]);
  });

  it('gives the quiz its own slide, unless the slide so far is only its heading', () => {
    // memory.mdx: the quiz follows the interview questions → own slide.
    expect(view([h2('What interviewers ask next'), p, quiz, h2('Sources'), p])).toEqual([
      ['What interviewers ask next', [0, 1]],
      ['Check yourself', [2]],
      ['Sources', [3, 4]],
    ]);
    // fact-check.mdx: "## Check yourself" then the quiz → one slide.
    expect(view([h2('Check yourself'), quiz])).toEqual([['Check yourself', [0, 1]]]);
    expect(planSlides([quiz]).slides[0]).toMatchObject({ headingSource: 'block', headingItem: 0 });
  });

  it('splits at <Slide /> markers, titled by the author or "(continued)"', () => {
    expect(
      view([marker('The claim'), p, marker('What is true'), p, h2('Try it'), p, marker(), p, marker(), p]),
    ).toEqual([
      ['The claim', [0, 1]],
      ['What is true', [2, 3]],
      ['Try it', [4, 5]],
      ['Try it (continued)', [6, 7]],
      ['Try it (continued)', [8, 9]],
    ]);
    expect(continuedTitle('A (continued)')).toBe('A (continued)');
    const s = planSlides([marker('The claim'), p]).slides[0]!;
    expect(s.headingSource).toBe('generated');
    expect(s.headingItem).toBeNull();
  });

  it('drops a marker with nothing after it, keeping its items on a neighbour', () => {
    // A marker right before a heading makes no empty slide; the marker index rides along.
    expect(view([h2('A'), p, marker('X'), h2('B'), p])).toEqual([
      ['A', [0, 1]],
      ['B', [2, 3, 4]],
    ]);
    expect(planSlides([h2('A'), p, marker('X')]).slides).toHaveLength(1);
    expect(planSlides([h2('A'), p, marker('X')]).slides[0]!.items).toEqual([0, 1, 2]);
    // The heading of B is still B's heading, even though the marker comes first.
    expect(planSlides([h2('A'), p, marker('X'), h2('B'), p]).slides[1]!.headingItem).toBe(3);
  });

  it('puts notes on the slide they are in; leading notes on the title slide', () => {
    const plan = planSlides([notes, p, notes, h2('A'), notes, p]);
    expect(plan.titleSlideItems).toEqual([0]);
    expect(plan.slides.map((s) => s.items)).toEqual([
      [1, 2],
      [3, 4, 5],
    ]);
  });

  it('names the offending item when a heading has no text', () => {
    expect(() => planSlides([p, h2('  ')])).toThrow(/item 1: heading has no text/);
    expect(() => planSlides([{ kind: 'block', title: '' }])).toThrow(/item 0: block has no title/);
  });

  const item = fc.oneof(
    fc.constant<SlideItem>(p),
    fc.constant<SlideItem>(notes),
    fc.constant<SlideItem>(quiz),
    fc
      .string({ minLength: 1, maxLength: 8 })
      .filter((s) => s.trim() !== '')
      .map(h2),
    fc
      .string({ minLength: 1, maxLength: 8 })
      .filter((s) => s.trim() !== '')
      .map(h3),
    fc
      .option(
        fc.string({ minLength: 1, maxLength: 8 }).filter((s) => s.trim() !== ''),
        { nil: null },
      )
      .map(marker),
  );

  it('places every item exactly once, in order, and makes no empty slide (property)', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), (items) => {
        const plan = planSlides(items);
        const placed = [...plan.titleSlideItems, ...plan.slides.flatMap((s) => s.items)];
        expect(placed).toEqual(items.map((_, i) => i));
        for (const s of plan.slides) {
          // Every slide shows something: content, a quiz, or a real heading.
          expect(s.items.some((i) => ['content', 'block', 'heading'].includes(items[i]!.kind))).toBe(true);
          expect(s.title.trim()).not.toBe('');
          if (s.headingItem !== null) {
            expect(s.items).toContain(s.headingItem);
            expect(['heading', 'block']).toContain(items[s.headingItem]!.kind);
          } else expect(s.headingSource).toBe('generated');
        }
      }),
    );
  });

  it('starts a slide at every ## (property)', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), (items) => {
        const plan = planSlides(items);
        const headingItems = new Set(plan.slides.map((s) => s.headingItem));
        items.forEach((it, i) => {
          if (it.kind === 'heading' && it.level === 2) expect(headingItems.has(i)).toBe(true);
        });
      }),
    );
  });
});

describe('slideLabel', () => {
  it('reads "n of N: title"', () => {
    expect(slideLabel(3, 12, 'KV cache')).toBe('3 of 12: KV cache');
  });
  it('rejects numbers outside the deck', () => {
    expect(() => slideLabel(0, 3, 'x')).toThrow(/slideNumber/);
    expect(() => slideLabel(4, 3, 'x')).toThrow(/slideNumber/);
    expect(() => slideLabel(1, 0, 'x')).toThrow(/slideCount/);
  });
});
