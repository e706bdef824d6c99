import { expectNoAxeViolationsLightAndDark, test, expect } from './fixtures';

/**
 * Issue 15's bar: axe clean on every page at 390 px (a phone) and 1280 px, light and dark. Every page at 390 px here;
 * at 1280 px the pages no other spec runs axe on (the lessons, tools, practice, interview, cheat sheet, decks,
 * glossary, post and search pages each have axe in light and dark in their own spec). Widget pages are checked once
 * their islands are live: the hydrated DOM is what a visitor uses.
 */
const PAGES = [
  '/',
  '/lessons',
  '/lessons/precision',
  '/lessons/memory',
  '/lessons/methods',
  '/lessons/speed',
  '/lessons/deployment',
  '/lessons/decision',
  '/lessons/fact-check',
  '/tools',
  '/tools/memory',
  '/tools/speed',
  '/tools/rounding',
  '/tools/methods',
  '/tools/accuracy',
  '/practice',
  '/interview',
  '/cheatsheet',
  '/sources',
  '/glossary',
  '/the-post',
  '/search',
  '/present/memory',
] as const;

/** Pages whose only axe check at desktop width is this spec. */
const DESKTOP_ONLY_HERE = ['/lessons', '/tools', '/sources'] as const;

for (const width of [390, 1280]) {
  test.describe(`axe at ${width} px, light and dark`, () => {
    test.use({ viewport: { width, height: width === 390 ? 844 : 800 } });
    for (const route of width === 390 ? PAGES : DESKTOP_ONLY_HERE) {
      test(route, async ({ page, consoleErrors }) => {
        test.slow(); // the long lessons take axe a while on two CPU cores
        await page.goto(route); // brings every displayed island to life (e2e/fixtures.ts)
        await expectNoAxeViolationsLightAndDark(page);
        expect(consoleErrors).toEqual([]);
      });
    }
  });
}
