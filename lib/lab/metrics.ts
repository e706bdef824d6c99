import { forward } from './forward';
import type { LabModel } from './model';

/**
 * Perplexity, flip rate and KL divergence of the lab model on a text, the
 * same computation as `bench/lab/labmodel.py` (`windows`, `eval_logprobs`,
 * `metrics`), so that its numbers can be checked against PyTorch.
 */

/** A window of the evaluated tokens: inputs tokens[start … end), each predicting the token after it. */
export interface EvalWindow {
  readonly start: number;
  readonly end: number;
}

/**
 * Non-overlapping windows: n tokens give n − 1 predictions (of tokens 1 … n−1),
 * cut into windows of at most `contextTokens` inputs; window w feeds tokens
 * [w·C, min((w+1)·C, n−1)). Each prediction sees only the earlier tokens of
 * its own window, so the first of each window sees one token and the last
 * C of them; cheaper than a sliding window (one forward per C predictions)
 * and gives a higher perplexity than one would (Hugging Face Transformers
 * docs, "Perplexity of fixed-length models", compare both strategies).
 *
 * @example evaluationWindows(600, 256) // [{start: 0, end: 256}, {start: 256, end: 512}, {start: 512, end: 599}]
 * @throws {RangeError} if nTokens < 2 or contextTokens is not a positive integer
 */
export function evaluationWindows(nTokens: number, contextTokens: number): EvalWindow[] {
  if (!Number.isInteger(nTokens) || nTokens < 2)
    throw new RangeError(`the text must have at least 2 tokens to predict one (got ${nTokens})`);
  if (!Number.isInteger(contextTokens) || contextTokens < 1)
    throw new RangeError(`contextTokens must be a positive integer (got ${contextTokens})`);
  const out: EvalWindow[] = [];
  for (let s = 0; s < nTokens - 1; s += contextTokens)
    out.push({ start: s, end: Math.min(s + contextTokens, nTokens - 1) });
  return out;
}

/** A model's predictions on a text: what `compareToReference` needs. */
export interface TokenEvaluation {
  /** Next-token predictions made: tokens.length − 1. */
  readonly predictions: number;
  readonly vocabSize: number;
  /** log p(next token = v) at each prediction, natural log, [predictions, vocabSize] row-major, float64. */
  readonly logProbs: Float64Array;
  /** The most likely next token at each prediction (the lowest id on a tie, like torch.argmax). */
  readonly argmax: Int32Array;
  /** −mean log p(actual next token), in nats per token (per byte). */
  readonly meanNllNats: number;
  /** exp(meanNllNats). */
  readonly perplexity: number;
}

/**
 * log-softmax of one row of logits, in float64:
 * log p_v = z_v − max z − log Σ_u exp(z_u − max z).
 */
export function logSoftmaxRow(
  logits: Float32Array,
  offset: number,
  V: number,
  out: Float64Array,
  outOffset: number,
): void {
  let max = -Infinity;
  for (let v = 0; v < V; v++) max = Math.max(max, logits[offset + v] as number);
  let sum = 0;
  for (let v = 0; v < V; v++) sum += Math.exp((logits[offset + v] as number) - max);
  const lse = max + Math.log(sum);
  for (let v = 0; v < V; v++) out[outOffset + v] = (logits[offset + v] as number) - lse;
}

/**
 * Evaluates `model` on `tokens` (non-overlapping windows, see
 * `evaluationWindows`): perplexity = exp(−(1/N) Σ log p(x_{t+1} | window's x_{≤t}))
 * over the N = n − 1 predictions, plus every distribution for
 * `compareToReference`. `onWindow(done, total)` reports progress.
 *
 * Cost: about 2 × (linear parameters + vocab·d) + 4·d·(mean context) FLOP per token.
 */
export function evaluateTokens(
  model: LabModel,
  tokens: ArrayLike<number>,
  onWindow?: (done: number, total: number) => void,
): TokenEvaluation {
  const V = model.config.vocabSize;
  const wins = evaluationWindows(tokens.length, model.config.contextTokens);
  const n = tokens.length - 1;
  const logProbs = new Float64Array(n * V);
  const argmax = new Int32Array(n);
  let nll = 0;
  wins.forEach((w, k) => {
    const input = Array.prototype.slice.call(tokens, w.start, w.end) as number[];
    const logits = forward(model, input);
    for (let t = 0; t < w.end - w.start; t++) {
      const row = w.start + t;
      logSoftmaxRow(logits, t * V, V, logProbs, row * V);
      let best = 0;
      for (let v = 1; v < V; v++)
        if ((logProbs[row * V + v] as number) > (logProbs[row * V + best] as number)) best = v;
      argmax[row] = best;
      nll -= logProbs[row * V + (tokens[row + 1] as number)] as number;
    }
    onWindow?.(k + 1, wins.length);
  });
  const meanNllNats = nll / n;
  return { predictions: n, vocabSize: V, logProbs, argmax, meanNllNats, perplexity: Math.exp(meanNllNats) };
}

/** How a quantized model's predictions differ from the full-precision model's on the same tokens. */
export interface ReferenceComparison {
  /** Positions whose most likely next token changed. */
  readonly flips: number;
  /**
   * flips / predictions. Adapted from Dutta et al., "Accuracy is Not All You
   * Need" (arXiv 2407.09141, NeurIPS 2024), who count benchmark answers that
   * change from correct to incorrect or back between the baseline and the
   * compressed model, and show that flips correlate with KL divergence. Here
   * the "answer" is the most likely next token at each position of the text,
   * and any change counts, whether or not either token is the actual next one.
   */
  readonly flipRate: number;
  /** Mean over positions of KL(P_ref ‖ P) = Σ_v p_ref,v (log p_ref,v − log p_v), in nats per token. */
  readonly klMeanNats: number;
}

/**
 * Flip rate and mean KL divergence of `evaluation` against `reference` (both
 * from `evaluateTokens` on the same tokens).
 *
 * @throws {RangeError} if the two were not made on the same number of predictions and vocabulary
 */
export function compareToReference(evaluation: TokenEvaluation, reference: TokenEvaluation): ReferenceComparison {
  if (evaluation.predictions !== reference.predictions || evaluation.vocabSize !== reference.vocabSize) {
    throw new RangeError(
      `the evaluation (${evaluation.predictions} predictions) and the reference (${reference.predictions}) must be on the same tokens`,
    );
  }
  const V = reference.vocabSize;
  const n = reference.predictions;
  let flips = 0;
  let kl = 0;
  for (let t = 0; t < n; t++) {
    if (evaluation.argmax[t] !== reference.argmax[t]) flips++;
    const o = t * V;
    for (let v = 0; v < V; v++) {
      const lp = reference.logProbs[o + v] as number;
      kl += Math.exp(lp) * (lp - (evaluation.logProbs[o + v] as number));
    }
  }
  return { flips, flipRate: flips / n, klMeanNats: kl / n };
}
