import { awqSearchScales } from '../quant/awq';
import { gptqHessian, gptqQuantize } from '../quant/gptq';
import { matrix } from '../quant/matrix';
import { smoothQuant } from '../quant/smoothquant';
import { int8PerChannel, captureLinearInputs, quantizeModel, RTN_GROUP_SIZE } from './quantize-model';
import type { CalibrationInputs, LabQuantizer, LinearWeight } from './quantize-model';
import type { LabModel } from './model';

/**
 * The calibrated methods of the accuracy lab, each one lib/quant
 * implementation (the same code as the method lab), plugged into the lab
 * model's linear layers:
 *
 * - GPTQ (Frantar et al., arXiv 2210.17323): `gptqQuantize` with H = (2/n)·XᵀX from the layer's calibration
 *   inputs, asymmetric grid, group 128, dampening 1 % of mean(diag H), no act-order (the reference defaults of
 *   IST-DASLab/gptq `gptq.py`, commit 2d65066).
 * - AWQ (Lin et al., arXiv 2306.00978): `awqSearchScales`, 20-point grid over α, group 128; the layer computes
 *   with Q(W·diag(s))·diag(s)⁻¹, which equals folding s⁻¹ into the previous operator up to float32 rounding
 *   (mit-han-lab/llm-awq `auto_scale.py`, commit d6e797a; its clipping search is not included).
 * - SmoothQuant W8A8 (Xiao et al., arXiv 2211.10438), α = 0.5: `smoothQuant` on the layers that follow a norm
 *   (attn.qkv, mlp.fc), where the reference smooths (`smooth_ln_fcs`, mit-han-lab/smoothquant commit c61476d);
 *   attn.proj and mlp.proj are W8A8 without smoothing, as there. Every layer's input is INT8 per token.
 *
 * Where the calibration inputs come from, per method as in each reference:
 * GPTQ is sequential, block by block: block b is calibrated on the inputs it receives when blocks 0 … b−1 are
 * already quantized (`opt_sequential` in the GPTQ code: the four layers of a block share one forward of that
 * block at full precision). AWQ and SmoothQuant are one-shot, on the full-precision model's inputs (AWQ's search
 * does not quantize the model as it goes; SmoothQuant's `get_act_scales` runs the fp model).
 */

/**
 * Calibration tokens fed by default: 1,024 (4 windows of 256), about 19 MB of captured inputs, so the browser
 * stays light. More helps GPTQ, whose mlp.proj Hessian is 768 × 768. Measured with lib/lab on the lab model
 * (GPTQ INT4 g128, held-out slice of 1,024 predictions): 256 tokens KL 0.0406 nats, perplexity 2.8288;
 * 1,024: 0.0241, 2.8476; 4,096: 0.0168, 2.7773; 8,000: 0.0169, 2.8219. KL falls and settles; perplexity on
 * 1,024 predictions moves by ±0.03 either way, which is why the lab reports both.
 */
export const CALIBRATION_TOKENS = 1024;

/** How a calibrated quantizer's inputs are captured: from the full-precision model, or block by block (GPTQ). */
export type CalibrationMode = 'full-precision' | 'sequential';

/** A lab quantizer that needs calibration inputs, and where they are captured. */
export interface CalibratedQuantizer extends LabQuantizer {
  readonly needsCalibration: true;
  readonly calibration: CalibrationMode;
}

/** Whether `q` is one of the calibrated quantizers (it says where its calibration inputs come from). */
export function isCalibrated(q: LabQuantizer): q is CalibratedQuantizer {
  return q.needsCalibration && 'calibration' in q;
}

const toMatrix = (w: LinearWeight) => matrix(w.outFeatures, w.inFeatures, w.weight);
const inputsMatrix = (x: CalibrationInputs) => matrix(x.rows, x.inFeatures, x.x);
function required(cal: CalibrationInputs | undefined, w: LinearWeight): CalibrationInputs {
  if (!cal) throw new RangeError(`${w.name} needs calibration inputs`);
  if (cal.inFeatures !== w.inFeatures)
    throw new RangeError(`calibration inputs for ${w.name} have ${cal.inFeatures} features, not ${w.inFeatures}`);
  return cal;
}

/** GPTQ at `bits` bits, group 128 (sequential calibration). */
export function gptqQuantizer(bits: number): CalibratedQuantizer {
  return {
    id: `gptq${bits}-g${RTN_GROUP_SIZE}`,
    label: `GPTQ INT${bits}, group ${RTN_GROUP_SIZE}`,
    needsCalibration: true,
    calibration: 'sequential',
    quantizeLinear: (w, cal) => {
      const h = gptqHessian(inputsMatrix(required(cal, w)));
      const r = gptqQuantize(toMatrix(w), h, { bits, groupSize: RTN_GROUP_SIZE });
      return { weight: Float32Array.from(r.dequantized.data) };
    },
  };
}

/** AWQ at `bits` bits, group 128 (scale search on the full-precision model's inputs). */
export function awqQuantizer(bits: number): CalibratedQuantizer {
  return {
    id: `awq${bits}-g${RTN_GROUP_SIZE}`,
    label: `AWQ INT${bits}, group ${RTN_GROUP_SIZE}`,
    needsCalibration: true,
    calibration: 'full-precision',
    quantizeLinear: (w, cal) => {
      const r = awqSearchScales(toMatrix(w), inputsMatrix(required(cal, w)), { bits, groupSize: RTN_GROUP_SIZE });
      return { weight: Float32Array.from(r.dequantized.data) };
    },
  };
}

/** Layers SmoothQuant smooths: those whose input is a norm's output, so s⁻¹ folds into the norm's weight. */
const SMOOTHED = /\.(attn\.qkv|mlp\.fc)$/;

/** SmoothQuant W8A8 with migration strength `alpha` (default 0.5, the paper's §4 choice). */
export function smoothQuantQuantizer(alpha = 0.5): CalibratedQuantizer {
  return {
    id: 'smoothquant-w8a8',
    label: `SmoothQuant W8A8 (α = ${alpha})`,
    needsCalibration: true,
    calibration: 'full-precision',
    quantizeLinear: (w, cal) => {
      if (!SMOOTHED.test(w.name)) return { weight: int8PerChannel(w), actQuant: 'int8-per-token' };
      const r = smoothQuant(toMatrix(w), inputsMatrix(required(cal, w)), { alpha });
      return {
        weight: Float32Array.from(r.smoothedWeights.data),
        smoothing: r.smoothing,
        actQuant: 'int8-per-token',
      };
    },
  };
}

/** GPTQ 4 and 3 bits, AWQ 4 and 3 bits, SmoothQuant W8A8: the lab's calibrated methods. */
export const CALIBRATED_QUANTIZERS: readonly CalibratedQuantizer[] = [
  gptqQuantizer(4),
  gptqQuantizer(3),
  awqQuantizer(4),
  awqQuantizer(3),
  smoothQuantQuantizer(0.5),
];

/** Progress of `quantizeModelCalibrated`: layers quantized so far, of the model's total. */
export type CalibrationProgress = (layersDone: number, layersTotal: number) => void;

/**
 * `model` quantized with a calibrated method on `calibrationTokens` (the
 * first `maxTokens` + 1 of them are fed, in non-overlapping windows as in
 * evaluation). Full-precision mode: one capture of every layer's inputs on
 * `model`, then every layer quantized. Sequential mode (GPTQ): for block
 * b = 0, 1, …, capture the inputs on the model whose blocks before b are
 * already quantized, then quantize block b's four layers: nLayers forwards
 * over the calibration tokens instead of one.
 *
 * @throws {RangeError} if there are fewer than 2 calibration tokens, or a layer's quantizer fails
 */
export function quantizeModelCalibrated(
  model: LabModel,
  quantizer: CalibratedQuantizer,
  calibrationTokens: ArrayLike<number>,
  { maxTokens = CALIBRATION_TOKENS, onProgress }: { maxTokens?: number; onProgress?: CalibrationProgress } = {},
): LabModel {
  if (calibrationTokens.length < 2) throw new RangeError('calibration needs at least 2 tokens');
  const nBlocks = model.blocks.length;
  const total = nBlocks * 4;
  let done = 0;
  const counting: CalibratedQuantizer = {
    ...quantizer,
    quantizeLinear: (w, cal) => {
      const q = quantizer.quantizeLinear(w, cal);
      onProgress?.(++done, total);
      return q;
    },
  };
  if (quantizer.calibration === 'full-precision')
    return quantizeModel(model, counting, captureLinearInputs(model, calibrationTokens, { maxTokens }));
  let current = model;
  for (let b = 0; b < nBlocks; b++) {
    const cal = captureLinearInputs(current, calibrationTokens, { maxTokens });
    current = quantizeModel(current, counting, cal, { blocks: [b] });
  }
  return current;
}
