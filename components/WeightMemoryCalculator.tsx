'use client';

import { useId, useState } from 'react';
import { MODELS, countParams } from '@/lib/models';
import { FORMATS } from '@/lib/formats';
import { weightBytes } from '@/lib/sizing';
import { formatBytesBoth, formatCount, formatNumber } from '@/lib/units';

/**
 * Weight memory for a catalog model in a chosen format. Wiring only: every
 * number comes from lib/ (countParams, weightBytes).
 */
export function WeightMemoryCalculator({ initialModel = 'llama-3.1-70b', initialFormat = 'int8-w8a16' }: { initialModel?: string; initialFormat?: string }) {
  const id = useId();
  const [modelId, setModelId] = useState(initialModel);
  const [formatId, setFormatId] = useState(initialFormat);
  const entry = MODELS.find((m) => m.id === modelId) ?? MODELS[0]!;
  const params = countParams(entry.spec);
  const w = weightBytes(entry.spec, formatId);
  const headingId = `${id}-h`;

  return (
    <section className="widget" aria-labelledby={headingId}>
      <h3 id={headingId}>Weight memory calculator</h3>
      <div className="widget-controls">
        <div className="field">
          <label htmlFor={`${id}-model`}>Model</label>
          <select id={`${id}-model`} value={modelId} onChange={(e) => setModelId(e.target.value)}>
            {MODELS.map((m) => (
              <option key={m.id} value={m.id}>{m.name}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-format`}>Weight format</label>
          <select id={`${id}-format`} value={formatId} onChange={(e) => setFormatId(e.target.value)}>
            {FORMATS.map((f) => (
              <option key={f.id} value={f.id}>{f.name}</option>
            ))}
          </select>
        </div>
      </div>
      <div className="result" role="status" aria-live="polite">
        <p className="result-big">{formatBytesBoth(w.bytes)}</p>
        <p>
          {formatCount(params.total)} parameters: {formatCount(w.quantizedParams)} at {formatNumber(w.bitsPerWeight, 4)} bits
          {w.sixteenBitParams > 0 ? <> and {formatCount(w.sixteenBitParams)} (embedding and output head) kept at 16 bits</> : null}.
        </p>
      </div>
    </section>
  );
}
