import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { hasSource } from '@/lib/sources';
import { GLOSSARY, glossaryTerm } from './glossary';
import { Term } from '@/components/mdx/Term';

const LESSON_DIR = path.join(process.cwd(), 'content', 'lessons');

/** Every `<Term id="…">` in the lessons, with the lesson it is in. */
function termUses(): Array<{ lesson: string; id: string }> {
  return fs
    .readdirSync(LESSON_DIR)
    .filter((f) => f.endsWith('.mdx'))
    .flatMap((f) =>
      [...fs.readFileSync(path.join(LESSON_DIR, f), 'utf8').matchAll(/<Term\s+id="([^"]*)"/g)].map((m) => ({
        lesson: f,
        id: m[1]!,
      })),
    );
}

describe('glossary data', () => {
  it('has unique ids that are valid lowercase HTML ids, and unique terms', () => {
    const ids = GLOSSARY.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
    const terms = GLOSSARY.map((t) => t.term.toLowerCase());
    expect(new Set(terms).size).toBe(terms.length);
  });

  it('gives every term a definition of a sentence or more', () => {
    for (const t of GLOSSARY) {
      expect(t.definition.length, t.id).toBeGreaterThan(60);
      expect(t.definition, t.id).toMatch(/[.!?]$/);
    }
  });

  it('cites sources that exist in lib/sources, or says why there is none', () => {
    for (const t of GLOSSARY) {
      for (const id of t.sources) expect(hasSource(id), `${t.id} cites ${id}`).toBe(true);
      if (t.sources.length === 0) expect(t.noSourceReason?.length ?? 0, t.id).toBeGreaterThan(20);
      else expect(t.noSourceReason, t.id).toBeUndefined();
    }
  });

  it('covers the terms issue 15 asks for', () => {
    // Issue 15 item 14 lists these; the brief adds the rest.
    for (const id of ['w4a16', 'w8a8', 'w4a8', 'fp8-e4m3', 'nf4', 'int4-g128', 'sqnr', 'gqa', 'mla', 'moe']) {
      expect(glossaryTerm(id), id).toBeDefined();
    }
    for (const id of ['kv-cache', 'roofline', 'ridge-point', 'ptq', 'qat', 'gptq', 'awq', 'smoothquant', 'fsrs']) {
      expect(glossaryTerm(id), id).toBeDefined();
    }
    for (const id of ['ttft', 'itl-tpot', 'goodput', 'tensor-parallelism']) expect(glossaryTerm(id), id).toBeDefined();
  });
});

describe('<Term> in the lessons', () => {
  it('uses only ids the glossary has', () => {
    const uses = termUses();
    expect(uses.length).toBeGreaterThan(0);
    for (const { lesson, id } of uses) expect(glossaryTerm(id), `${lesson}: <Term id="${id}">`).toBeDefined();
  });

  it('links each term at most once per lesson (its first use)', () => {
    const seen = new Set<string>();
    for (const { lesson, id } of termUses()) {
      const key = `${lesson}#${id}`;
      expect(seen.has(key), `${lesson} links ${id} twice`).toBe(false);
      seen.add(key);
    }
  });

  it('renders a plain link to the glossary anchor, and throws on an unknown id', () => {
    expect(renderToStaticMarkup(createElement(Term, { id: 'w4a16' }, 'weight-only 4-bit'))).toBe(
      '<a class="term" href="/glossary#w4a16">weight-only 4-bit</a>',
    );
    expect(renderToStaticMarkup(createElement(Term, { id: 'gqa' }))).toBe(
      '<a class="term" href="/glossary#gqa">GQA</a>',
    );
    expect(() => renderToStaticMarkup(createElement(Term, { id: 'no-such-term' }, 'x'))).toThrow(
      /no-such-term.*content\/glossary/,
    );
  });
});
