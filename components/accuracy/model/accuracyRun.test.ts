import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AccuracyMessage, AccuracyRequest } from './accuracyLab';
import { createState, handleRequest, type Fetcher } from './accuracyRun';

/** The committed 0.1 M-parameter test model and its PyTorch fixture (lib/lab/fixtures, bench/lab/README.md). */
const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'lib', 'lab', 'fixtures');
const tinyBytes = new Uint8Array(readFileSync(path.join(FIXTURES, 'tiny-kjv.safetensors')));
const tinyFixture = JSON.parse(readFileSync(path.join(FIXTURES, 'parity-tiny.json'), 'utf8')) as {
  results: Record<string, { perplexity: number; flips?: number }>;
};

/** Serves `bytes` in 3 chunks with a Content-Length, counting the downloads. */
function serve(bytes: Uint8Array, counter = { n: 0 }): Fetcher {
  return async () => {
    counter.n++;
    const third = Math.ceil(bytes.length / 3);
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (let o = 0; o < bytes.length; o += third) c.enqueue(bytes.slice(o, o + third));
        c.close();
      },
    });
    return new Response(body, { headers: { 'content-length': String(bytes.length) } });
  };
}

async function run(request: AccuracyRequest, fetcher: Fetcher, state = createState()) {
  const messages: AccuracyMessage[] = [];
  await handleRequest(state, request, (m) => messages.push(m), fetcher);
  return { messages, state };
}

describe('handleRequest', () => {
  it('downloads with progress once, then evaluates as the PyTorch fixture says', async () => {
    const counter = { n: 0 };
    const fetcher = serve(tinyBytes, counter);
    const req: AccuracyRequest = { type: 'evaluate', id: 1, modelUrl: '/m', formats: ['fp16', 'int4-g128'] };
    const { messages, state } = await run(req, fetcher);
    const downloads = messages.filter((m) => m.type === 'progress' && m.phase === 'download');
    expect(downloads.length).toBe(3);
    expect(downloads.at(-1)).toMatchObject({ fraction: 1, bytes: tinyBytes.length });
    const rows = messages.filter((m) => m.type === 'row');
    expect(rows.map((m) => m.type === 'row' && m.format)).toEqual(['fp16', 'int4-g128']);
    for (const m of rows) {
      if (m.type !== 'row') continue;
      const want = tinyFixture.results[m.format]!;
      expect(Math.abs(m.result.perplexity - want.perplexity) / want.perplexity).toBeLessThan(1e-6);
      expect(m.result.flips).toBe(want.flips ?? 0);
      expect(m.result.predictions).toBe(1024);
    }
    expect(messages.at(-1)).toEqual({ type: 'done', id: 1 });
    // Same worker, same URL: no second download.
    await run({ ...req, id: 2, formats: ['nf4'] }, fetcher, state);
    expect(counter.n).toBe(1);
  });

  it('continues a prompt at fp16 and in a format', async () => {
    const req: AccuracyRequest = {
      type: 'generate',
      id: 3,
      modelUrl: '/m',
      prompt: 'And God said',
      format: 'int2-g128',
      maxNewTokens: 20,
    };
    const { messages } = await run(req, serve(tinyBytes));
    const c = messages.find((m) => m.type === 'continuation');
    expect(c).toMatchObject({ type: 'continuation', id: 3, format: 'int2-g128' });
    if (c?.type === 'continuation') {
      expect(new TextEncoder().encode(c.reference).length).toBeGreaterThan(0);
      expect(c.quantized.length).toBeGreaterThan(0);
    }
    expect(messages.at(-1)).toEqual({ type: 'done', id: 3 });
  });

  it('ends in one clear error: a failed download, a 404, a file that is not a model, an unknown format', async () => {
    const failing: Fetcher = async () => {
      throw new TypeError('Failed to fetch');
    };
    const cases: [Fetcher, RegExp, string[]][] = [
      [failing, /Could not download the model \(\/m\): Failed to fetch/, ['fp16']],
      [async () => new Response('gone', { status: 404 }), /server answered 404/, ['fp16']],
      [serve(new Uint8Array(64)), /not a lab model/, ['fp16']],
      [serve(tinyBytes), /Unknown format "int5"/, ['int5']],
    ];
    for (const [fetcher, message, formats] of cases) {
      const { messages } = await run({ type: 'evaluate', id: 9, modelUrl: '/m', formats }, fetcher);
      const last = messages.at(-1)!;
      expect(last.type).toBe('error');
      expect(last.type === 'error' && last.message).toMatch(message);
      expect(messages.filter((m) => m.type === 'error' || m.type === 'done').length).toBe(1);
    }
  });
});
