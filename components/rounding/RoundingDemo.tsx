'use client';

import { useId, useMemo, useState } from 'react';
import * as Tabs from '@radix-ui/react-tabs';
import { explainWeight, sampleWeights } from '@/lib/quant';
import { formatCount } from '@/lib/units';
import {
  BLOCK_SIZES,
  blockValue,
  DISTRIBUTIONS,
  histogram,
  levelsForBlock,
  levelsInRange,
  METHOD_LABELS,
  parseRoundingState,
  pickWeights,
  readPastedWeights,
  ROUNDING_DEFAULTS,
  ROUNDING_FIELD_LABELS,
  ROUNDING_METHODS,
  ROUNDING_NUMBER_RULES,
  runMethod,
  withOneOutlier,
  type MethodRun,
  type RoundingStateText,
} from './model';
import { NumberField } from '@/components/ui/NumberField';
import { SelectField } from '@/components/ui/SelectField';
import { useUrlState } from '@/components/ui/useUrlState';
import './RoundingDemo.css';
import { prefixed } from '@/components/ui/prefixed';
import { ShareQr } from '@/components/share/ShareQr';

const styles = prefixed('rd');

const DEFAULTS: RoundingStateText = { ...ROUNDING_DEFAULTS };
const { n: N_RULE, seed: SEED_RULE, of: OF_RULE, os: OS_RULE } = ROUNDING_NUMBER_RULES;
const BINS = 40;

/** Everything the results show, computed from one valid set-up. */
interface Results {
  runs: MethodRun[];
  x: Float32Array;
  picks: number[];
  blockSize: number | null;
}

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
  // The paste box says what is wrong only once it has been typed in or left: an empty box is not yet an error.
  const [pasteTouched, setPasteTouched] = useState(false);
  const ids = useId();

  // Every field validated (typed or from a shared link): a value the menus do not offer is an error by its field.
  const st = useMemo(() => parseRoundingState(s), [s]);
  const { n, seed, outlierFraction: of, outlierScale: os, dist, blockSize, spike } = st;
  const method = st.method ?? ROUNDING_METHODS[0];

  const weights = useMemo((): { x: Float32Array | null; pasteError: string | null } => {
    if (usePaste) {
      const r = readPastedWeights(pasted);
      return { x: r.x, pasteError: r.error };
    }
    if (n === null || seed === null || of === null || os === null || dist === null)
      return { x: null, pasteError: null };
    try {
      let x = sampleWeights({ n, distribution: dist, seed, outlierFraction: of, outlierScale: os });
      if (spike) x = withOneOutlier(x, 10);
      return { x, pasteError: null };
    } catch {
      return { x: null, pasteError: null };
    }
  }, [usePaste, pasted, n, seed, of, os, dist, spike]);

  const current = useMemo((): Results | null => {
    const x = weights.x;
    if (!x || blockSize === undefined) return null;
    try {
      return { runs: ROUNDING_METHODS.map((m) => runMethod(m, x, blockSize)), x, picks: pickWeights(x), blockSize };
    } catch {
      return null;
    }
  }, [weights.x, blockSize]);

  // The last valid results stay on screen, marked stale, while a field is invalid (React's
  // "state from previous renders" pattern: set during render, only when it changed).
  const [lastGood, setLastGood] = useState<Results | null>(null);
  if (current !== null && current !== lastGood) setLastGood(current);
  const shown = current ?? lastGood;
  const stale = current === null && shown !== null;
  // The fields at fault, by label, for the message by the results.
  const waitingForPaste = usePaste && !pasteTouched && pasted.trim() === '';
  const pasteError = waitingForPaste ? null : weights.pasteError;
  const faulty = [
    ...(usePaste
      ? pasteError
        ? ['Your weights']
        : []
      : (['dist', 'n', 'seed', 'of', 'os'] as const).filter((k) => st.errors[k]).map((k) => ROUNDING_FIELD_LABELS[k])),
    ...(st.errors.block ? [ROUNDING_FIELD_LABELS.block] : []),
  ];

  return (
    <section className={`widget ${styles.demo}`} aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`} className={styles.title}>
        Rounding demo: quantize weights and read them back
      </h2>
      <div className="widget-controls">
        <SelectField
          label={ROUNDING_FIELD_LABELS.dist}
          value={usePaste ? 'paste' : s.dist}
          error={usePaste ? undefined : st.errors.dist}
          onChange={(v) => {
            if (v === 'paste') setUsePaste(true);
            else {
              setUsePaste(false);
              set({ dist: v });
            }
          }}
        >
          {!usePaste && st.errors.dist ? <NotOffered value={s.dist} /> : null}
          {DISTRIBUTIONS.map((d) => (
            <option key={d.id} value={d.id}>
              {d.label}
            </option>
          ))}
          <option value="paste">Paste your own numbers</option>
        </SelectField>
        {usePaste ? (
          <div className={`field ${styles.paste}`}>
            <label htmlFor={`${ids}-paste`}>Your weights (commas, spaces or newlines; up to 4,096)</label>
            <textarea
              id={`${ids}-paste`}
              rows={4}
              value={pasted}
              onChange={(e) => {
                setPasteTouched(true);
                setPasted(e.target.value);
              }}
              onBlur={() => setPasteTouched(true)}
              aria-invalid={pasteError !== null}
              aria-describedby={`${ids}-paste-hint${pasteError ? ` ${ids}-paste-err` : ''}`}
            />
            <p className="field-hint" id={`${ids}-paste-hint`}>
              Pasted numbers stay in this tab: they are not put in the page link.
            </p>
            {pasteError ? (
              <p className="field-error" id={`${ids}-paste-err`} role="alert">
                {pasteError}
              </p>
            ) : null}
          </div>
        ) : (
          <>
            <NumberField
              label="Number of weights"
              text={s.n}
              onText={(t) => set({ n: t })}
              rule={N_RULE}
              hint="64 to 4,096"
            />
            <NumberField label="Seed" text={s.seed} onText={(t) => set({ seed: t })} rule={SEED_RULE} />
            <NumberField
              label="Outlier fraction"
              text={s.of}
              onText={(t) => set({ of: t })}
              rule={OF_RULE}
              inputMode="decimal"
              hint="0 to 0.5"
            />
            <NumberField
              label="Outlier scale"
              text={s.os}
              onText={(t) => set({ os: t })}
              rule={OS_RULE}
              inputMode="decimal"
              hint="× for outliers"
            />
          </>
        )}
        <SelectField
          label={ROUNDING_FIELD_LABELS.block}
          value={s.block}
          error={st.errors.block}
          onChange={(v) => set({ block: v })}
        >
          {st.errors.block ? <NotOffered value={s.block} /> : null}
          {BLOCK_SIZES.map((b) => (
            <option key={String(b)} value={blockValue(b)}>
              {b === null ? 'Per tensor (one scale)' : `${b} weights`}
            </option>
          ))}
        </SelectField>
      </div>
      {!usePaste ? (
        <div className={styles.presets}>
          <button type="button" aria-pressed={spike} onClick={() => set({ spike: spike ? '0' : '1' })}>
            {spike ? 'Remove the outlier' : 'Add one outlier'}
          </button>
          <button type="button" onClick={() => set({ spike: '1', block: 'tensor', m: 'int8-absmax' })}>
            Outlier, per tensor
          </button>
          <button type="button" onClick={() => set({ spike: '1', block: '64', m: 'int8-absmax' })}>
            Outlier, block 64
          </button>
        </div>
      ) : null}
      <ShareQr
        path={`/tools/rounding?${new URLSearchParams(s).toString()}`}
        open={shareQr}
        note={usePaste ? 'pasted numbers are not in the link' : undefined}
      />

      {stale && waitingForPaste ? (
        <p className={styles.staleNote} role="status">
          These results are for the last set-up: paste your numbers above to see theirs.
        </p>
      ) : stale ? (
        <p className={styles.staleNote} role="status">
          Stale: these results are for the last valid set-up. Fix {faulty.join(', ') || 'the field marked above'} (see
          the message by the field) to update them.
        </p>
      ) : null}
      {st.errors.m ? (
        <p className="field-error" role="alert" id={`${ids}-m-err`}>
          {st.errors.m} Showing {METHOD_LABELS[method]}.
        </p>
      ) : null}
      {shown ? (
        <div className={stale ? styles.stale : undefined} data-stale={stale ? 'true' : undefined}>
          <Tabs.Root value={method} onValueChange={(v) => set({ m: v })}>
            <Tabs.List className={styles.tabs} aria-label="Quantization method">
              {ROUNDING_METHODS.map((m) => (
                <Tabs.Trigger key={m} value={m} className={styles.tab}>
                  {METHOD_LABELS[m]}
                </Tabs.Trigger>
              ))}
            </Tabs.List>
            {shown.runs.map((run) => (
              <Tabs.Content key={run.method} value={run.method} className={styles.panel}>
                <MethodPanel run={run} x={shown.x} picks={shown.picks} blockSize={shown.blockSize} />
              </Tabs.Content>
            ))}
          </Tabs.Root>
          <h3 className={styles.h3}>All methods on these {formatCount(shown.x.length)} weights</h3>
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Block size comparison">
            <table className="table">
              <caption className={styles.caption}>
                Block size: {shown.blockSize === null ? 'per tensor' : shown.blockSize}. Lower RMSE and higher SQNR are
                better. Bits per weight count float32 scales (and the zero point for affine), as these quantizers store
                them; GPTQ/AWQ checkpoints store fp16 scales, so INT4 group 128 there is 4.156, not 4.281.
              </caption>
              <thead>
                <tr>
                  <th scope="col">Method</th>
                  <th scope="col" className="num">
                    RMSE
                  </th>
                  <th scope="col" className="num">
                    Max error
                  </th>
                  <th scope="col" className="num">
                    SQNR
                  </th>
                  <th scope="col" className="num">
                    Bits / weight
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.runs.map((r) => (
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
        </div>
      ) : waitingForPaste ? (
        <p className="field-hint" role="status">
          Paste your numbers above to see the results.
        </p>
      ) : (
        <p className="field-error" role="status">
          Fix {faulty.join(', ') || 'the fields above'} (see the message by the field) to see the results.
        </p>
      )}
    </section>
  );
}

/** The selected option for a value from a link that the menu does not offer, so the select is never blank. */
function NotOffered({ value }: { value: string }) {
  return (
    <option value={value} disabled>
      Not offered: {value.length > 24 ? `${value.slice(0, 24)}…` : value}
    </option>
  );
}

function MethodPanel({
  run,
  x,
  picks,
  blockSize,
}: {
  run: MethodRun;
  x: Float32Array;
  picks: number[];
  blockSize: number | null;
}) {
  const label = METHOD_LABELS[run.method];
  const hist = histogram(x, run.result.dequantized, BINS);
  const bigBlock = blockSize === null ? 0 : Math.floor((picks[0] ?? 0) / blockSize);
  const levels = levelsForBlock(run.result, bigBlock);
  const W = 640;
  const H = 200;
  const bw = W / BINS;
  const xOf = (v: number) => ((v - hist.min) / (hist.max - hist.min || 1)) * W;
  // Only the levels inside the weights' range fit the chart: a per-tensor grid reaches past it (see levelsInRange).
  const drawn = levelsInRange(levels, hist.min, hist.max);
  const used = new Set<number>();
  for (let i = 0; i < x.length; i++) used.add(run.result.dequantized[i]!);
  const overhead = run.bitsPerWeight - (run.method === 'int8-absmax' || run.method === 'int8-affine' ? 8 : 4);
  return (
    <div>
      <div className={styles.stats} role="status" aria-live="polite">
        <p>
          <span className={styles.statLabel}>{label} RMSE</span>{' '}
          <strong data-testid="rmse">{sig(run.stats.rmse)}</strong>
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
          <span className={styles.muted}>(incl. {overhead.toFixed(3)} for float32 scales)</span>
        </p>
      </div>
      <figure className={styles.figure}>
        <svg
          viewBox={`0 -4 ${W} ${H + 28}`}
          className={styles.svg}
          role="img"
          aria-label={`Histogram of ${formatCount(x.length)} original weights (bars) and their ${label} reconstructions (dots), from ${sig(hist.min)} to ${sig(hist.max)}; ${levels.length} representable levels in the block, ${drawn.length} of them within that range drawn as ticks; ${used.size} distinct values used.`}
        >
          {drawn.map((l, i) => (
            <line key={i} x1={xOf(l)} x2={xOf(l)} y1={H} y2={H + 10} className={styles.level} />
          ))}
          {hist.original.map((c, i) => (
            <rect
              key={i}
              x={i * bw + 1}
              width={bw - 2}
              y={H - (c / hist.maxCount) * H}
              height={(c / hist.maxCount) * H}
              className={styles.bar}
            />
          ))}
          {hist.dequantized.map((c, i) =>
            c > 0 ? (
              <circle key={i} cx={i * bw + bw / 2} cy={H - (c / hist.maxCount) * H} r={3.5} className={styles.dot} />
            ) : null,
          )}
          <line x1={0} x2={W} y1={H} y2={H} className={styles.axis} />
          <text x={0} y={H + 20} className={styles.tick}>
            {sig(hist.min)}
          </text>
          <text x={W} y={H + 20} textAnchor="end" className={styles.tick}>
            {sig(hist.max)}
          </text>
        </svg>
        <figcaption className={styles.muted}>
          Bars: original weights. Dots: the same weights after {label} round-trip. Ticks under the axis: the{' '}
          {levels.length} values block {bigBlock} can represent
          {blockSize === null ? ' (one grid for the whole tensor)' : ' (the block holding the largest weight)'}
          {drawn.length < levels.length
            ? `; the ${formatCount(drawn.length)} within the weights' range are drawn, the other ${formatCount(levels.length - drawn.length)} lie beyond it`
            : ''}
          .
        </figcaption>
      </figure>
      <details>
        <summary>Histogram as a table</summary>
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Histogram as a table">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Bin from</th>
                <th scope="col" className="num">
                  Original
                </th>
                <th scope="col" className="num">
                  Dequantized
                </th>
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
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Weights explained">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Weight #</th>
              <th scope="col" className="num">
                Value
              </th>
              <th scope="col" className="num">
                Scale
              </th>
              <th scope="col">Stored code</th>
              <th scope="col" className="num">
                Read back
              </th>
              <th scope="col" className="num">
                Error
              </th>
            </tr>
          </thead>
          <tbody>
            {picks.map((i) => {
              const e = explainWeight(x, i, run.result);
              let code: string;
              if (e.method === 'int8-absmax') code = `round(${sig(e.scaled, 4)}) = ${e.code}`;
              else if (e.method === 'affine')
                code = `clamp(round(${sig(e.scaled, 4)}) + ${e.zeroPoint}, 0, ${e.maxCode}) = ${e.code}`;
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
