'use client';

import { useId, useMemo, useState } from 'react';
import { sampleWeights, WEIGHT_DISTRIBUTIONS, type WeightDistribution } from '@/lib/quant';
import { chartScale, groupBitsPerWeight, groupSizeGrid, GROUP_SIZES, GRID_METHODS, type GridMethod } from './model';
import { formatNumber, groupDigits } from '@/lib/units';
import { NumberField, numberOrNull } from '@/components/ui/NumberField';
import { SelectField } from '@/components/ui/SelectField';
import './GroupSizeExplorer.css';
import { prefixed } from '@/components/ui/prefixed';

const styles = prefixed('gs');

const N_WEIGHTS = 4096;
const SEED_RULE = { label: 'Seed', min: 0, max: 4294967295, integer: true };
const OUTLIER_RULE = { label: 'Outlier share', min: 0, max: 10, unit: '%' };
const METHOD_LABEL: Record<GridMethod, string> = { int2: 'INT2', int3: 'INT3', int4: 'INT4', int8: 'INT8', nf4: 'NF4' };
const METHOD_COLOR: Record<GridMethod, string> = {
  int2: 'var(--bad)',
  int3: 'var(--warn)',
  int4: 'var(--accent)',
  int8: 'var(--ok)',
  nf4: 'var(--c-kv)',
};
const DIST_LABEL: Record<WeightDistribution, string> = {
  gaussian: 'Gaussian',
  laplace: 'Laplace (heavier tails)',
  'student-t': 'Student-t, 5 d.o.f. (heaviest tails)',
};
const groupLabel = (g: number | null) => (g === null ? 'per tensor' : `g${g}`);
const W = 420;
const H = 220;

/** Round-to-nearest error vs group size for 2/3/4/8-bit affine and NF4, on sampled weights. */
export function GroupSizeExplorer() {
  const headingId = useId();
  const [dist, setDist] = useState<WeightDistribution>('gaussian');
  const [seedText, setSeedText] = useState('1');
  const [outlierText, setOutlierText] = useState('0.5');
  const [method, setMethod] = useState<GridMethod>('int4');
  const [groupKey, setGroupKey] = useState('128');
  const seed = numberOrNull(seedText, SEED_RULE);
  const outlierPct = numberOrNull(outlierText, OUTLIER_RULE);
  const group = groupKey === 'tensor' ? null : Number(groupKey);

  const cells = useMemo(() => {
    if (seed === null || outlierPct === null) return null;
    try {
      return groupSizeGrid(
        sampleWeights({ n: N_WEIGHTS, distribution: dist, seed, outlierFraction: outlierPct / 100 }),
      );
    } catch {
      return null;
    }
  }, [dist, seed, outlierPct]);

  const get = (m: GridMethod, g: number | null) => cells?.find((c) => c.method === m && c.groupSize === g);
  const db = (v: number | null | undefined) => (v === null || v === undefined ? 'exact' : `${formatNumber(v, 1)} dB`);
  const sel = get(method, group);
  const scale = cells
    ? chartScale(
        GROUP_SIZES.length,
        cells.map((c) => c.sqnrDb ?? 0),
        { width: W, height: H, left: 44, right: 30 },
      )
    : null;
  const summary = cells
    ? `SQNR in dB by group size (per tensor, g256, g128, g64, g32): ${GRID_METHODS.map((m) => `${METHOD_LABEL[m]} ${GROUP_SIZES.map((g) => formatNumber(get(m, g)?.sqnrDb ?? 0, 1)).join(', ')}`).join('; ')}.`
    : '';

  return (
    <section className="widget" aria-labelledby={headingId}>
      <h3 id={headingId}>Group size explorer</h3>
      <p className="field-hint">
        {groupDigits(N_WEIGHTS)} sampled weights (std 0.02), rounded to nearest with no calibration data. Outliers are
        10× the std.
      </p>
      <div className="widget-controls">
        <SelectField label="Distribution" value={dist} onChange={(v) => setDist(v as WeightDistribution)}>
          {WEIGHT_DISTRIBUTIONS.map((d) => (
            <option key={d} value={d}>
              {DIST_LABEL[d]}
            </option>
          ))}
        </SelectField>
        <NumberField label="Seed" text={seedText} onText={setSeedText} rule={SEED_RULE} />
        <NumberField
          label="Outlier share"
          text={outlierText}
          onText={setOutlierText}
          rule={OUTLIER_RULE}
          hint="percent of weights, 0–10"
          inputMode="decimal"
        />
        <SelectField label="Bit width" value={method} onChange={(v) => setMethod(v as GridMethod)}>
          {GRID_METHODS.map((m) => (
            <option key={m} value={m}>
              {m === 'nf4' ? 'NF4 (4-bit, absmax)' : `${METHOD_LABEL[m]} (affine, zero-point)`}
            </option>
          ))}
        </SelectField>
        <SelectField label="Group size" value={groupKey} onChange={setGroupKey}>
          {GROUP_SIZES.map((g) => (
            <option key={String(g)} value={g === null ? 'tensor' : String(g)}>
              {groupLabel(g)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="result" role="status" aria-live="polite" aria-label="Result">
        {cells && sel ? (
          <p>
            <strong>
              {METHOD_LABEL[method]}, {groupLabel(group)}:
            </strong>{' '}
            SQNR {db(sel.sqnrDb)}, RMSE {formatNumber(sel.rmse * 1000, 3)}×10⁻³, storage{' '}
            {groupBitsPerWeight(method, group, N_WEIGHTS).formula} bits per weight (
            {method === 'nf4'
              ? 'a float32 absmax per block, as bitsandbytes stores it'
              : 'an fp16 scale and a zero point per group, as GPTQ/AWQ checkpoints store them'}
            )
            {group === null
              ? ` (per tensor over ${groupDigits(N_WEIGHTS)} weights; a real 8192×8192 matrix makes it ≈ 0)`
              : ''}
            .
          </p>
        ) : (
          <p>Fix the highlighted field to see results.</p>
        )}
      </div>
      {cells && scale ? (
        <>
          <svg className={styles.chart} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
            {scale.yTicks.map((t) => (
              <g key={t}>
                <line className={styles.axis} x1={44} x2={W - 30} y1={scale.y(t)} y2={scale.y(t)} />
                <text className={styles.tick} x={38} y={scale.y(t) + 4} textAnchor="end">
                  {t}
                </text>
              </g>
            ))}
            {GROUP_SIZES.map((g, i) => (
              <text key={String(g)} className={styles.tick} x={scale.x(i)} y={H - 8} textAnchor="middle">
                {groupLabel(g)}
              </text>
            ))}
            <text className={styles.tick} x={4} y={12}>
              dB
            </text>
            {GRID_METHODS.map((m) => (
              <polyline
                key={m}
                fill="none"
                stroke={METHOD_COLOR[m]}
                strokeWidth={m === method ? 3 : 1.5}
                strokeDasharray={m === 'nf4' ? '5 3' : undefined}
                points={GROUP_SIZES.map((g, i) => `${scale.x(i)},${scale.y(get(m, g)?.sqnrDb ?? 0)}`).join(' ')}
              />
            ))}
          </svg>
          <ul className={styles.legend} aria-hidden="true">
            {GRID_METHODS.map((m) => (
              <li key={m}>
                <span className={styles.swatch} style={{ background: METHOD_COLOR[m] }} />
                {METHOD_LABEL[m]}
                {m === 'nf4' ? ' (dashed)' : ''}
              </li>
            ))}
          </ul>
          <div className="table-wrap" tabIndex={0} role="region" aria-label="SQNR and bits per weight by group size">
            <table className="table">
              <caption>SQNR (higher is better) and stored bits per weight, by group size</caption>
              <thead>
                <tr>
                  <th scope="col">Format</th>
                  {GROUP_SIZES.map((g) => (
                    <th key={String(g)} scope="col" className="num">
                      {groupLabel(g)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {GRID_METHODS.map((m) => (
                  <tr key={m}>
                    <th scope="row">{METHOD_LABEL[m]}</th>
                    {GROUP_SIZES.map((g) => {
                      const c = get(m, g);
                      return (
                        <td key={String(g)} className={`num ${m === method && g === group ? styles.selected : ''}`}>
                          {db(c?.sqnrDb)}
                          <br />
                          <span className={styles.bits}>{formatNumber(c?.bits.totalBits ?? 0, 3)} bits</span>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
