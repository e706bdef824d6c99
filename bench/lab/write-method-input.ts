/**
 * Writes the method-lab fixture input (`lib/quant/fixtures/method-input.ts`) as JSON with
 * base64 float32 arrays, for `make_method_fixtures.py`:
 *   npx tsx bench/lab/write-method-input.ts .ref/method-input.json
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { float32Bytes, methodFixtureInput } from '../../lib/quant/fixtures/method-input';

const path = process.argv[2] ?? 'method-input.json';
const { weights, calibration } = methodFixtureInput();
const w = float32Bytes(weights);
const x = float32Bytes(calibration);
const sha = createHash('sha256').update(w).update(x).digest('hex');
writeFileSync(
  path,
  JSON.stringify({
    rows: weights.rows,
    cols: weights.cols,
    tokens: calibration.rows,
    sha256: sha,
    w: Buffer.from(w).toString('base64'),
    x: Buffer.from(x).toString('base64'),
  }),
);
console.log(
  `wrote ${path}: W ${weights.rows}×${weights.cols}, X ${calibration.rows}×${calibration.cols}, sha256 ${sha}`,
);
