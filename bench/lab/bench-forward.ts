/**
 * Times lib/lab's forward pass in Node on a model of the shipped size (a seeded random model with the "lab"
 * preset's shapes: 2.1 M parameters, d 256, 3 blocks, context 256): evaluation of the first 1,025 tokens of
 * the held-out slice (1,024 predictions, 4 windows) at fp16 and in every built-in format, and 200 tokens of
 * greedy generation with the KV cache. Best of `--reps` runs (default 3).
 *
 *   npx tsx bench/lab/bench-forward.ts [--reps 3]
 */
import heldout from '../../lib/lab/data/kjv-heldout.json';
import { randomModelBytes } from '../../lib/lab/fixtures/random-model';
import {
  BUILTIN_QUANTIZERS,
  continuePrompt,
  encodeText,
  evaluateTokens,
  loadLabModel,
  parameterCount,
  quantizeModel,
} from '../../lib/lab';

const repsArg = process.argv.indexOf('--reps');
const reps = repsArg > 0 ? Number(process.argv[repsArg + 1]) : 3;
const bytes = randomModelBytes(1, {
  vocab_size: 256,
  context_tokens: 256,
  d_model: 256,
  n_layers: 3,
  n_heads: 4,
  d_mlp: 768,
  norm_eps: 1e-5,
});
const model = loadLabModel(bytes);
const tokens = encodeText(heldout.text).subarray(0, 1025);
const best = (f: () => void): number => {
  let b = Infinity;
  for (let r = 0; r < reps; r++) {
    const t = performance.now();
    f();
    b = Math.min(b, performance.now() - t);
  }
  return b;
};
console.log(`model: ${parameterCount(model.config)} parameters, file ${bytes.length} bytes; node ${process.version}`);
console.log(`fp16: ${best(() => evaluateTokens(model, tokens)).toFixed(0)} ms per 1,024 predictions`);
for (const q of BUILTIN_QUANTIZERS) {
  let qm = model;
  const tq = best(() => (qm = quantizeModel(model, q)));
  console.log(
    `${q.id}: quantize ${tq.toFixed(0)} ms, evaluate ${best(() => evaluateTokens(qm, tokens)).toFixed(0)} ms per 1,024 predictions`,
  );
}
console.log(
  `generate: ${best(() => continuePrompt(model, 'And God said', { maxNewTokens: 200, mode: 'greedy' })).toFixed(0)} ms per 200 tokens`,
);
