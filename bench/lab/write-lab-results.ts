/**
 * The accuracy lab's precomputed table: every format and method evaluated by lib/lab in Node on the same
 * held-out slice the browser uses (the first 1,025 tokens of lib/lab/data/kjv-heldout.json), written to
 * components/accuracy/model/lab-results.json so the page shows numbers before the learner runs anything.
 * components/accuracy/model/labResults.test.ts checks the file against the PyTorch fixtures (which
 * lib/lab/parity.test.ts and calibrated.test.ts check against lib/lab) and the model's SHA-256.
 *
 *   npx tsx bench/lab/write-lab-results.ts
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { CALIBRATED_QUANTIZERS, isCalibrated, quantizeModelCalibrated } from '../../lib/lab/calibrated';
import { compareToReference, evaluateTokens } from '../../lib/lab/metrics';
import { loadLabModel } from '../../lib/lab/model';
import { BUILTIN_QUANTIZERS, quantizeModel } from '../../lib/lab/quantize-model';
import { encodeText } from '../../lib/lab/tokenizer';

const WEIGHTS = 'public/lab/kjv-lab.safetensors';
const TOKENS = 1025;
const bytes = new Uint8Array(readFileSync(WEIGHTS));
const model = loadLabModel(bytes);
const read = (f: string) => encodeText((JSON.parse(readFileSync(f, 'utf8')) as { text: string }).text);
const tokens = read('lib/lab/data/kjv-heldout.json').subarray(0, TOKENS);
const calibration = read('lib/lab/data/kjv-calibration.json');

const round = (x: number) => Number(x.toPrecision(9));
const fp16 = evaluateTokens(model, tokens);
const results: Record<string, { perplexity: number; flips: number; klMeanNats: number; seconds: number }> = {
  fp16: { perplexity: round(fp16.perplexity), flips: 0, klMeanNats: 0, seconds: 0 },
};
for (const q of [...BUILTIN_QUANTIZERS, ...CALIBRATED_QUANTIZERS]) {
  const t0 = performance.now();
  const qm = isCalibrated(q) ? quantizeModelCalibrated(model, q, calibration) : quantizeModel(model, q);
  const ev = evaluateTokens(qm, tokens);
  const cmp = compareToReference(ev, fp16);
  const seconds = (performance.now() - t0) / 1000;
  results[q.id] = {
    perplexity: round(ev.perplexity),
    flips: cmp.flips,
    klMeanNats: round(cmp.klMeanNats),
    seconds: Number(seconds.toFixed(1)),
  };
  console.log(q.id, results[q.id]);
}
const out = {
  about:
    'Computed by lib/lab (bench/lab/write-lab-results.ts) on public/lab/kjv-lab.safetensors; seconds = quantize + evaluate in Node on the dev VM.',
  weightsSha256: createHash('sha256').update(bytes).digest('hex'),
  tokens: TOKENS,
  predictions: fp16.predictions,
  results,
};
writeFileSync('components/accuracy/model/lab-results.json', JSON.stringify(out, null, 1) + '\n');
console.log('wrote components/accuracy/model/lab-results.json');
