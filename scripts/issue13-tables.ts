/**
 * Prints issue 13's closing-note tables from the tests' own data, so the note cannot drift from
 * what the tests check:
 *
 *   1. architectures: total parameters computed (lib/models countParams, vision tower + projector
 *      and stored extras included) vs published, active, KV bytes per token (BF16, vLLM's
 *      per-layer page size), source — rows of lib/models/testPublishedTotals.ts;
 *   2. GGUF files: computed (lib/formats ggufFileSize) vs published size and error — rows of
 *      lib/formats/testGgufPublishedSizes.ts.
 *
 * Usage: npx tsx scripts/issue13-tables.ts
 */
import { ggufFileSize, type GgufFileType } from '../lib/formats/ggufFileType';
import { PUBLISHED_GGUF_GB } from '../lib/formats/testGgufPublishedSizes';
import { countParams, getModel, kvCacheBytesPerToken, parseModelConfig } from '../lib/models';
import { PUBLISHED_TOTALS } from '../lib/models/testPublishedTotals';
import { groupDigits } from '../lib/units';

const pct = (ours: number, published: number) => `${((ours / published - 1) * 100).toFixed(3)} %`;

console.log('| Model | Total computed | Published | Difference | Active | KV bytes/token (BF16) | Source |');
console.log('|---|---:|---:|---:|---:|---:|---|');
for (const row of PUBLISHED_TOTALS) {
  const spec = parseModelConfig(row.config);
  const c = countParams(spec);
  const vision = c.vision ? c.vision.tower + c.vision.projector : 0;
  const computed = c.total + vision + (row.computedExtra ?? 0);
  const parts = [
    vision ? `incl. vision ${groupDigits(vision)}` : '',
    row.extraNote ? `incl. ${row.extraNote} ${groupDigits(row.computedExtra ?? 0)}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const diff = computed === row.publishedTotal ? 'exact' : pct(computed, row.publishedTotal);
  console.log(
    `| ${row.model} | ${groupDigits(computed)}${parts ? ` (${parts})` : ''} | ${groupDigits(row.publishedTotal)} | ${diff} | ${groupDigits(c.active)} | ${groupDigits(kvCacheBytesPerToken(spec, { bits: 16 }))} | ${row.source} |`,
  );
}

console.log('');
console.log('| File | Computed (GB) | Published (GB) | Error |');
console.log('|---|---:|---:|---:|');
for (const { model, rows } of PUBLISHED_GGUF_GB) {
  const spec = getModel(model).spec;
  for (const [fileType, gb] of Object.entries(rows) as Array<[GgufFileType, number]>) {
    const ours = ggufFileSize(spec, fileType).totalBytes;
    console.log(`| ${model} ${fileType} | ${(ours / 1e9).toFixed(2)} | ${gb.toFixed(2)} | ${pct(ours, gb * 1e9)} |`);
  }
}
