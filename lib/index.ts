/**
 * The domain library. Pure TypeScript: no React, no DOM, no fs, no UI wording. Every number a
 * page shows comes from one of these modules (or a catalog entry that carries its source).
 * Feature view logic lives beside its widget in `components/<feature>/model/`; build-time
 * parsing of content lives in `content/build/`.
 *
 * - units    — unit-branded number types, GB vs GiB, every number formatter
 * - quant    — INT8 absmax, affine zero-point, NF4/FP4 block-wise, double quantization, error stats, sample weights
 * - models   — Hugging Face config.json parsing, parameter counts, KV cache per token, the model catalog
 * - formats  — weight and KV formats, bits per weight (one rule, any scale width), GGUF file types
 * - hardware — GPU catalog (memory, bandwidth, dense tensor-core peaks, interconnect), kernel paths
 * - sizing   — inference memory as vLLM budgets it, fit, tensor-parallel rules, weight budget
 * - perf     — per-operator decode/prefill model (ceiling and calibrated), cost per million tokens
 * - deploy   — deployment rows composed from sizing and perf
 * - decision — the 4-bit vs 8-bit recommendation for a set of constraints
 * - practice — the learning engine: question types, grading, scheduling, progress, generators, interview
 * - sources  — every citation used on the site
 * - evaluation — noise on a benchmark accuracy, flips between a baseline and a quantized model
 */
export * as units from './units';
export * as quant from './quant';
export * as models from './models';
export * as formats from './formats';
export * as hardware from './hardware';
export * as sizing from './sizing';
export * as perf from './perf';
export * as deploy from './deploy';
export * as decision from './decision';
export * as practice from './practice';
export * as sources from './sources';
export * as evaluation from './evaluation';
