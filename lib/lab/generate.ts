import { createPrng } from '../quant/prng';
import { createKvCache, forward, type KvCache } from './forward';
import type { LabModel } from './model';
import { decodeTokens, encodeText } from './tokenizer';

/** Options for `continuePrompt`. */
export interface ContinueOptions {
  /** Tokens (bytes) to generate: 1 to 2,048. */
  maxNewTokens: number;
  /** 'greedy': always the most likely token; 'sample': draw from softmax(logits / temperature). */
  mode: 'greedy' | 'sample';
  /** For 'sample': > 0; 1 samples the model's own distribution, lower is closer to greedy. Default 1. */
  temperature?: number;
  /** For 'sample': the PRNG seed (lib/quant `createPrng`), so a continuation can be reproduced. Default 0. */
  seed?: number;
}

/** A prompt's continuation. */
export interface Continuation {
  /** The generated text only (the prompt not repeated); invalid UTF-8 shows as "�". */
  readonly text: string;
  readonly tokens: Uint8Array;
}

/**
 * The index of the largest value (the first one on a tie, like torch.argmax).
 *
 * @example argmaxRow(Float32Array.of(1, 3, 3), 0, 3) // 1
 */
export function argmaxRow(logits: Float32Array, offset: number, n: number): number {
  let best = 0;
  for (let v = 1; v < n; v++) if ((logits[offset + v] as number) > (logits[offset + best] as number)) best = v;
  return best;
}

/**
 * Continues `prompt` token by token. The prompt is read once, then each new
 * token costs one position of the forward pass: the keys and values of
 * earlier positions are reused from a KV cache. When the cache is full (the
 * model's context, 256 tokens for the lab model), it is rebuilt from the
 * last half-context of tokens and generation goes on (a sliding window,
 * re-read every C/2 tokens). A prompt longer than the context keeps its last
 * C/2 tokens. An empty prompt starts from a newline, the corpus's line separator.
 *
 * Sampling: p_v = softmax(z / temperature)_v, then the first v whose
 * cumulative probability exceeds u ~ U(0, 1) from `createPrng(seed)`.
 *
 * @throws {RangeError} for a bad maxNewTokens, mode, temperature or seed
 */
export function continuePrompt(model: LabModel, prompt: string, options: ContinueOptions): Continuation {
  const { maxNewTokens, mode, temperature = 1, seed = 0 } = options;
  if (!Number.isInteger(maxNewTokens) || maxNewTokens < 1 || maxNewTokens > 2048)
    throw new RangeError(`maxNewTokens must be an integer from 1 to 2048 (got ${maxNewTokens})`);
  if (mode !== 'greedy' && mode !== 'sample')
    throw new RangeError(`mode must be 'greedy' or 'sample' (got ${String(mode)})`);
  if (!(typeof temperature === 'number' && temperature > 0 && temperature <= 100))
    throw new RangeError(`temperature must be a number above 0 and at most 100 (got ${temperature})`);
  if (!(Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff))
    throw new RangeError(`seed must be an integer from 0 to 4294967295 (got ${seed})`);
  const { contextTokens: C, vocabSize: V } = model.config;
  const keep = Math.max(1, Math.floor(C / 2));
  const rng = createPrng(seed);
  const probs = new Float64Array(V);

  let history = Array.from(encodeText(prompt.length > 0 ? prompt : '\n'));
  if (history.length > C) history = history.slice(-keep);
  let cache: KvCache = createKvCache(model);
  let logits = forward(model, history, cache);
  let row = history.length - 1;
  const out = new Uint8Array(maxNewTokens);
  for (let k = 0; k < maxNewTokens; k++) {
    const off = row * V;
    let next: number;
    if (mode === 'greedy') next = argmaxRow(logits, off, V);
    else {
      let max = -Infinity;
      for (let v = 0; v < V; v++) max = Math.max(max, logits[off + v] as number);
      let sum = 0;
      for (let v = 0; v < V; v++) sum += probs[v] = Math.exp(((logits[off + v] as number) - max) / temperature);
      const u = rng.nextOpenUnit() * sum;
      let acc = 0;
      next = V - 1;
      for (let v = 0; v < V; v++) {
        acc += probs[v] as number;
        if (acc > u) {
          next = v;
          break;
        }
      }
    }
    out[k] = next;
    history.push(next);
    if (k === maxNewTokens - 1) break;
    if (cache.length === C) {
      history = history.slice(-keep);
      cache = createKvCache(model);
      logits = forward(model, history, cache);
      row = history.length - 1;
    } else {
      logits = forward(model, [next], cache);
      row = 0;
    }
  }
  return { text: decodeTokens(out), tokens: out };
}
