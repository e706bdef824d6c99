/**
 * The public API of the site's library. Pure TypeScript: no React, no DOM.
 * Every number a page shows comes from one of these modules (or a catalog
 * entry that carries its source).
 *
 * - units    — GB vs GiB, unit-branded number types, display formatting
 * - input    — parsing what people type into calculator fields
 * - quant    — NF4/FP4 block-wise, INT8 absmax, affine zero-point, double quantization, error stats, sample weights
 * - models   — Hugging Face config.json parsing, parameter counts, KV cache per token, the model catalog
 * - formats  — weight formats with bits per weight including scale overhead
 * - hardware — GPU catalog (memory, bandwidth, dense tensor-core peaks) with sources
 * - sizing   — inference memory: weights + KV cache + activations + overhead; fit on N GPUs
 * - perf     — roofline decode/prefill time, crossover batch, cost per million tokens
 * - sources  — every citation used on the site
 * - evaluation — noise on a benchmark accuracy, flips between a baseline and a quantized model
 */
export * from './units';
export * from './input';
export * from './quant';
export * from './models';
export * from './formats';
export * from './hardware';
export * from './sizing';
export * from './perf';
export * from './sources';
export * from './evaluation';
