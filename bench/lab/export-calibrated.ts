/**
 * Quantizes the lab model with lib/lab's calibrated methods (GPTQ 4/3, AWQ 4/3, SmoothQuant W8A8; the
 * calibration text is lib/lab/data/kjv-calibration.json) and writes every method's dequantized linear weights
 * and smoothing factors as one F32 safetensors file, for `eval.py --dequantized`, which evaluates exactly those
 * weights with its own forward pass. Prints how long each method took.
 *
 *   npx tsx bench/lab/export-calibrated.ts /tmp/calibrated.safetensors [public/lab/kjv-lab.safetensors]
 *   python3 bench/lab/eval.py --weights public/lab/kjv-lab.safetensors \
 *     --dequantized /tmp/calibrated.safetensors --out lib/lab/fixtures/calibrated-lab.json
 *
 * Tensor names: `<method id>:<layer name>` ([out, in]) and `<method id>:<layer name>:smoothing` ([in]).
 * Metadata `methods`: JSON {id: {label, actQuant, calibration, seconds}}.
 */
import { writeFileSync, readFileSync } from 'node:fs';
import { CALIBRATED_QUANTIZERS, quantizeModelCalibrated } from '../../lib/lab/calibrated';
import { linearLayers, loadLabModel } from '../../lib/lab/model';
import { encodeText } from '../../lib/lab/tokenizer';

const out = process.argv[2];
const weightsPath = process.argv[3] ?? 'public/lab/kjv-lab.safetensors';
if (!out) throw new Error('usage: npx tsx bench/lab/export-calibrated.ts OUT.safetensors [weights.safetensors]');

const model = loadLabModel(new Uint8Array(readFileSync(weightsPath)));
const calibration = encodeText(
  (JSON.parse(readFileSync('lib/lab/data/kjv-calibration.json', 'utf8')) as { text: string }).text,
);

const tensors: { name: string; shape: number[]; data: Float32Array }[] = [];
const methods: Record<string, { label: string; actQuant: string | null; calibration: string; seconds: number }> = {};
for (const q of CALIBRATED_QUANTIZERS) {
  const t0 = performance.now();
  const qm = quantizeModelCalibrated(model, q, calibration);
  const seconds = (performance.now() - t0) / 1000;
  let actQuant: string | null = null;
  for (const layer of linearLayers(qm)) {
    tensors.push({ name: `${q.id}:${layer.name}`, shape: [layer.outFeatures, layer.inFeatures], data: layer.weight });
    if (layer.smoothing)
      tensors.push({ name: `${q.id}:${layer.name}:smoothing`, shape: [layer.inFeatures], data: layer.smoothing });
    actQuant = layer.actQuant ?? actQuant;
  }
  methods[q.id] = { label: q.label, actQuant, calibration: q.calibration, seconds: Number(seconds.toFixed(2)) };
  console.log(`${q.id}: quantized in ${seconds.toFixed(2)} s (Node ${process.version})`);
}

// safetensors: 8-byte little-endian header length, JSON header padded with spaces to 8 bytes, raw F32 data.
const header: Record<string, unknown> = {};
let offset = 0;
for (const t of tensors) {
  header[t.name] = { dtype: 'F32', shape: t.shape, data_offsets: [offset, offset + 4 * t.data.length] };
  offset += 4 * t.data.length;
}
header.__metadata__ = {
  methods: JSON.stringify(methods),
  weights: weightsPath,
  calibration: 'lib/lab/data/kjv-calibration.json',
};
const json = new TextEncoder().encode(JSON.stringify(header));
const headerBytes = new Uint8Array(Math.ceil(json.length / 8) * 8).fill(0x20);
headerBytes.set(json);
const bytes = new Uint8Array(8 + headerBytes.length + offset);
new DataView(bytes.buffer).setUint32(0, headerBytes.length, true);
bytes.set(headerBytes, 8);
let p = 8 + headerBytes.length;
for (const t of tensors) {
  // Little-endian float32, −0 written as +0 (as eval.py hashes it).
  bytes.set(new Uint8Array(t.data.map((v) => v + 0).buffer), p);
  p += 4 * t.data.length;
}
writeFileSync(out, bytes);
console.log(`wrote ${out}: ${tensors.length} tensors, ${bytes.length} bytes`);
