'use client';

import { useId, useMemo, useState } from 'react';
import * as Tabs from '@radix-ui/react-tabs';
import { explainWeight, sampleWeights, type WeightDistribution } from '@/lib/quant';
import { formatCount } from '@/lib/units';
import {
  BLOCK_SIZES,
  histogram,
  levelsForBlock,
  METHOD_LABELS,
  pickWeights,
  readPastedWeights,
  ROUNDING_METHODS,
  runMethod,
  withOneOutlier,
  type MethodRun,
  type RoundingMethodId,
} from '@/lib/rounding-ui';
import { NumberField, numberOrNull } from '@/components/ui/NumberField';
import { useUrlState } from '@/components/ui/useUrlState';
import './RoundingDemo.css';
import { prefixed } from '@/components/ui/prefixed';
import { ShareQr } from '@/components/share/ShareQr';

const styles = prefixed('rd');

const DEFAULTS = { dist: 'gaussian', n: '1024', seed: '1', of: '0', os: '10', block: 'tensor', spike: '0', m: 'int8-absmax' };
const N_RULE = { label: 'Number of weights', min: 64, max: 4096, integer: true };
const SEED_RULE = { label: 'Seed', min: 0, max: 2 ** 31 - 1, integer: true };
const OF_RULE = { label: 'Outlier fraction', min: 0, max: 0.5 };
const OS_RULE = { label: 'Outlier scale', min: 1, max: 1000 };
const BINS = 40;

/** Significant-figure formatting for tiny weights (never NaN: callers pass finite numbers). */
function sig(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return '—';
  if (x === 0) return '0';
  return Math.abs(x) >= 1e-3 && Math.abs(x) < 1e4 ? String(Number(x.toPrecision(digits))) : x.toExponential(digits - 1);
}

function sqnr(run: MethodRun): string {
  return run.stats.sqnrDb === null ? 'exact' : `${run.stats.sqnrDb.toFixed(1)} dB`;
}

/**
 * `syncUrl` mirrors the set-up in the query string (the /tools/rounding page);
 * `shareQr` shows the set-up's QR code open (on slides) instead of collapsed.
 */
export function RoundingDemo({ syncUrl = false, shareQr = false }: { syncUrl?: boolean; shareQr?: boolean }) {
  const [s, set] = useUrlState(DEFAULTS, syncUrl);
  const [pasted, setPasted] = useState('');
  const [usePaste, setUsePaste] = useState(false);
  const ids = useId();

  const n = numberOrNull(s.n, N_RULE);
  const seed = numberOrNull(s.seed, SEED_RULE);
  const of = numberOrNull(s.of, OF_RULE);
  const os = numberOrNull(s.os, OS_RULE);
  const blockSize = s.block === 'tensor' ? null : Number(s.block);
  const method: RoundingMethodId = (ROUNDING_METHODS as readonly string[]).includes(s.m) ? (s.m as RoundingMethodId) : 'int8-absmax';

  const weights = useMemo((): { x: Float32Array | null; pasteError: string | null } => {
    if (usePaste) {
      const r = readPastedWeights(pasted);
      return { x: r.x, pasteError: r.error };
    }
    if (n === null || seed === null || of === null || os === null) return { x: null, pasteError: null };
    const dist = (['gaussian', 'laplace', 'student-t'].includes(s.dist) ? s.dist : 'gaussian') as WeightDistribution;
    try {
      let x = sampleWeights({ n, distribution: dist, seed, outlierFraction: of, outlierScale: os });
      if (s.spike === '1') x = withOneOutlier(x, 10);
      return { x, pasteError: null };
    } catch {
      return { x: null, pasteError: null };
    }
  }, [usePaste, pasted, n, seed, of, os, s.dist, s.spike]);

  const runs = useMemo(() => {
    const x = weights.x;
    if (!x || (blockSize !== null && !Number.isInteger(blockSize))) return null;
    try {
      return ROUNDING_METHODS.map((m) => runMethod(m, x, blockSize));
    } catch {
      return null;
    }
  }, [weights.x, blockSize]);

  const picks = useMemo(() => (weights.x ? pickWeights(weights.x) : []), [weights.x]);

  return (
    <section className={`widget ${styles.demo}`} aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`} className={styles.title}>Rounding demo: quantize weights and read them back</h2>
      <div className="widget-controls">
        <div className="field">
          <label htmlFor={`${ids}-dist`}>Distribution</label>
          <select
            id={`${ids}-dist`}
            value={usePaste ? 'paste' : s.dist}
            onChange={(e) => {
              if (e.target.value === 'paste') setUsePaste(true);
              else {
                setUsePaste(false);
                set({ dist: e.target.value });
              }
            }}
          >
            <option value="gaussian">Gaussian</option>
            <option value="laplace">Laplace</option>
            <option value="student-t">Student-t (5 dof)</option>
            <option value="paste">Paste your own numbers</option>
          </select>
        </div>
        {usePaste ? (
          <div className={`field ${styles.paste}`}>
            <label htmlFor={`${ids}-paste`}>Your weights (commas, spaces or newlines; up to 4,096)</label>
            <textarea
              id={`${ids}-paste`}
              rows={4}
              value={pasted}
              onChange={(e) => setPasted(e.target.value)}
              aria-invalid={weights.pasteError !== null}
              aria-describedby={`${ids}-paste-hint${weights.pasteError ? ` ${ids}-paste-err` : ''}`}
            />
            <p className="field-hint" id={`${ids}-paste-hint`}>Pasted numbers stay in this tab: they are not put in the page link.</p>
            {weights.pasteError ? (
              <p className="field-error" id={`${ids}-paste-err`} role="alert">{weights.pasteError}</p>
            ) : null}
          </div>
        ) : (
          <>
            <NumberField label="Number of weights" text={s.n} onText={(t) => set({ n: t })} rule={N_RULE} hint="64 to 4,096" />
            <NumberField label="Seed" text={s.seed} onText={(t) => set({ seed: t })} rule={SEED_RULE} />
            <NumberField label="Outlier fraction" text={s.of} onText={(t) => set({ of: t })} rule={OF_RULE} inputMode="decimal" hint="0 to 0.5" />
            <NumberField label="Outlier scale" text={s.os} onText={(t) => set({ os: t })} rule={OS_RULE} inputMode="decimal" hint="× for outliers" />
          </>
        )}
        <div className="field">
          <label htmlFor={`${ids}-block`}>Block (group) size</label>
          <select id={`${ids}-block`} value={s.block} onChange={(e) => set({ block: e.target.value })}>
            {BLOCK_SIZES.map((b) => (
              <option key={String(b)} value={b === null ? 'tensor' : String(b)}>
                {b === null ? 'Per tensor (one scale)' : `${b} weights`}
              </option>
            ))}
          </select>
        </div>
      </div>
      {!usePaste ? (
        <div className={styles.presets}>
          <button type="button" aria-pressed={s.spike === '1'} onClick={() => set({ spike: s.spike === '1' ? '0' : '1' })}>
            {s.spike === '1' ? 'Remove the outlier' : 'Add one outlier'}
          </button>
          <button type="button" onClick={() => set({ spike: '1', block: 'tensor', m: 'int8-absmax' })}>Outlier, per tensor</button>
          <button type="button" onClick={() => set({ spike: '1', block: '64', m: 'int8-absmax' })}>Outlier, block 64</button>
        </div>
      ) : null}
      <ShareQr path={`/tools/rounding?${new URLSearchParams(s).toString()}`} open={shareQr} note={usePaste ? 'pasted numbers are not in the link' : undefined} />

      {runs && weights.x ? (
        <>
          <Tabs.Root value={method} onValueChange={(v) => set({ m: v })}>
            <Tabs.List className={styles.tabs} aria-label="Quantization method">
              {ROUNDING_METHODS.map((m) => (
                <Tabs.Trigger key={m} value={m} className={styles.tab}>
                  {METHOD_LABELS[m]}
                </Tabs.Trigger>
              ))}
            </Tabs.List>
            {runs.map((run) => (
              <Tabs.Content key={run.method} value={run.method} className={styles.panel}>
                <MethodPanel run={run} x={weights.x!} picks={picks} blockSize={blockSize} />
              </Tabs.Content>
            ))}
          </Tabs.Root>
          <h3 className={styles.h3}>All methods on these {formatCount(weights.x.length)} weights</h3>
          <div className="table-wrap">
            <table className="table">
              <caption className={styles.caption}>
                Block size: {blockSize === null ? 'per tensor' : blockSize}. Lower RMSE and higher SQNR are better.
              </caption>
              <thead>
                <tr>
                  <th scope="col">Method</th>
                  <th scope="col" className="num">RMSE</th>
                  <th scope="col" className="num">Max error</th>
                  <th scope="col" className="num">SQNR</th>
                  <th scope="col" className="num">Bits / weight</th>
                </tr>
              </thead>
              <tbody>
                {runs.map((r) => (
                  <tr key={r.method}>
                    <th scope="row">{METHOD_LABELS[r.method]}</th>
                    <td className="num">{sig(r.stats.rmse)}</td>
                    <td className="num">{sig(r.stats.maxAbsError)}</td>
                    <td className="num">{sqnr(r)}</td>
                    <td className="num">{r.bitsPerWeight.toFixed(3)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p className="field-error" role="status">Fix the fields above to see the results.</p>
      )}
    </section>
  );
}

function MethodPanel({ run, x, picks, blockSize }: { run: MethodRun; x: Float32Array; picks: number[]; blockSize: number | null }) {
  const label = METHOD_LABELS[run.method];
  const hist = histogram(x, run.result.dequantized, BINS);
  const bigBlock = blockSize === null ? 0 : Math.floor((picks[0] ?? 0) / blockSize);
  const levels = levelsForBlock(run.result, bigBlock);
  const W = 640;
  const H = 200;
  const bw = W / BINS;
  const xOf = (v: number) => ((v - hist.min) / (hist.max - hist.min || 1)) * W;
  const used = new Set<number>();
  for (let i = 0; i < x.length; i++) used.add(run.result.dequantized[i]!);
  const overhead = run.bitsPerWeight - (run.method === 'int8-absmax' || run.method === 'int8-affine' ? 8 : 4);
  return (
    <div>
      <div className={styles.stats} role="status" aria-live="polite">
        <p>
          <span className={styles.statLabel}>{label} RMSE</span> <strong data-testid="rmse">{sig(run.stats.rmse)}</strong>
        </p>
        <p>
          <span className={styles.statLabel}>MSE</span> <strong>{sig(run.stats.mse)}</strong>
        </p>
        <p>
          <span className={styles.statLabel}>SQNR</span> <strong>{sqnr(run)}</strong>
        </p>
        <p>
          <span className={styles.statLabel}>Max error</span> <strong>{sig(run.stats.maxAbsError)}</strong>
        </p>
        <p>
          <span className={styles.statLabel}>Bits per weight</span> <strong>{run.bitsPerWeight.toFixed(3)}</strong>{' '}
          <span className={styles.muted}>(incl. {overhead.toFixed(3)} for scales)</span>
        </p>
      </div>
      <figure className={styles.figure}>
        <svg viewBox={`0 0 ${W} ${H + 20}`} className={styles.svg} role="img" aria-label={`Histogram of ${formatCount(x.length)} original weights (bars) and their ${label} reconstructions (dots), from ${sig(hist.min)} to ${sig(hist.max)}; ${levels.length} representable levels in the block drawn as ticks; ${used.size} distinct values used.`}>
          {levels.map((l, i) => (
            <line key={i} x1={xOf(l)} x2={xOf(l)} y1={H} y2={H + 10} className={styles.level} />
          ))}
          {hist.original.map((c, i) => (
            <rect key={i} x={i * bw + 1} width={bw - 2} y={H - (c / hist.maxCount) * H} height={(c / hist.maxCount) * H} className={styles.bar} />
          ))}
          {hist.dequantized.map((c, i) =>
            c > 0 ? <circle key={i} cx={i * bw + bw / 2} cy={H - (c / hist.maxCount) * H} r={3.5} className={styles.dot} /> : null,
          )}
          <line x1={0} x2={W} y1={H} y2={H} className={styles.axis} />
          <text x={0} y={H + 20} className={styles.tick}>{sig(hist.min)}</text>
          <text x={W} y={H + 20} textAnchor="end" className={styles.tick}>{sig(hist.max)}</text>
        </svg>
        <figcaption className={styles.muted}>
          Bars: original weights. Dots: the same weights after {label} round-trip. Ticks under the axis: the {levels.length} values block{' '}
          {bigBlock} can represent{blockSize === null ? ' (one grid for the whole tensor)' : ' (the block holding the largest weight)'}.
        </figcaption>
      </figure>
      <details>
        <summary>Histogram as a table</summary>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Bin from</th>
                <th scope="col" className="num">Original</th>
                <th scope="col" className="num">Dequantized</th>
              </tr>
            </thead>
            <tbody>
              {hist.original.map((c, i) => (
                <tr key={i}>
                  <td className="num">{sig(hist.min + i * hist.width)}</td>
                  <td className="num">{c}</td>
                  <td className="num">{hist.dequantized[i]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <h3 className={styles.h3}>The arithmetic for three weights</h3>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Weight #</th>
              <th scope="col" className="num">Value</th>
              <th scope="col" className="num">Scale</th>
              <th scope="col">Stored code</th>
              <th scope="col" className="num">Read back</th>
              <th scope="col" className="num">Error</th>
            </tr>
          </thead>
          <tbody>
            {picks.map((i) => {
              const e = explainWeight(x, i, run.result);
              let code: string;
              if (e.method === 'int8-absmax') code = `round(${sig(e.scaled, 4)}) = ${e.code}`;
              else if (e.method === 'affine') code = `clamp(round(${sig(e.scaled, 4)}) + ${e.zeroPoint}, 0, ${e.maxCode}) = ${e.code}`;
              else code = `${sig(e.normalized, 4)} → level ${sig(e.level, 4)} (code ${e.codeBits})`;
              return (
                <tr key={i}>
                  <td>{i}</td>
                  <td className="num">{sig(e.value, 4)}</td>
                  <td className="num">{sig(e.scale, 4)}</td>
                  <td>{code}</td>
                  <td className="num">{sig(e.dequantized, 4)}</td>
                  <td className="num">{sig(e.error, 3)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
