import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getFormat } from '@/lib/formats';
import { getGpu } from '@/lib/hardware';
import { getModel } from '@/lib/models';
import { lessonComponents } from '@/components/mdx/registry';
import { lessonSlugs } from './lessons';

/**
 * MDX is not type-checked, so a typo in `<WeightBytes format="int4-g12" />` would surface only as a build error
 * (or, for a prop a widget reads loosely, as a wrong number). This test reads every lesson and checks each catalog
 * id a component is given — model, weight format, GPU — and each component name against the MDX component map,
 * so the mistake fails `npm test` with the lesson, the line and the value named.
 */
const ID_PROPS: Record<string, (id: string) => unknown> = {
  model: getModel,
  format: getFormat,
  weights: getFormat,
  gpu: getGpu,
};

const LOWERCASE_HTML = /^[a-z]/;

function lessonText(slug: string): string {
  return fs.readFileSync(path.join(process.cwd(), 'content', 'lessons', `${slug}.mdx`), 'utf8');
}

describe('catalog ids and component names in the lessons', () => {
  for (const slug of lessonSlugs()) {
    it(`${slug}.mdx names only models, formats and GPUs that exist`, () => {
      const lines = lessonText(slug).split('\n');
      const bad: string[] = [];
      lines.forEach((line, i) => {
        for (const tag of line.matchAll(/<([A-Z][A-Za-z0-9]*)\b([^>]*)>?/g)) {
          for (const attr of tag[2]!.matchAll(/\b([a-zA-Z]+)="([^"]*)"/g)) {
            const check = ID_PROPS[attr[1]!];
            if (!check) continue;
            try {
              check(attr[2]!);
            } catch (e) {
              bad.push(`line ${i + 1}: <${tag[1]} ${attr[1]}="${attr[2]}">: ${(e as Error).message}`);
            }
          }
        }
      });
      expect(bad, `content/lessons/${slug}.mdx`).toEqual([]);
    });

    it(`${slug}.mdx uses only components the MDX map provides`, () => {
      const known = new Set(Object.keys(lessonComponents));
      const unknown = [...lessonText(slug).matchAll(/<([A-Za-z][A-Za-z0-9]*)[\s/>]/g)]
        .map((m) => m[1]!)
        .filter((name) => !LOWERCASE_HTML.test(name) && !known.has(name));
      expect([...new Set(unknown)], `content/lessons/${slug}.mdx`).toEqual([]);
    });
  }

  it('the check itself rejects a typo', () => {
    expect(() => getFormat('int4-g12')).toThrow();
    expect(() => getGpu('h100-sx')).toThrow();
    expect(() => getModel('llama-3.1-7b')).toThrow();
  });
});
