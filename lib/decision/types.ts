import type { ComputeDtype } from '../hardware/types';
import type { Bytes, Tokens } from '../units';

/** Interactive traffic where each user waits for tokens, or batch traffic where total tokens per GPU-hour matter. */
export type Workload = 'latency' | 'throughput';

/** How much task accuracy may drop: 'none' = no measurable loss; 'small' = about a point on the task metric is acceptable. */
export type AccuracyTolerance = 'none' | 'small';

/** The reader's situation, as the checklist asks for it. */
export interface DecisionConstraints {
  /** Catalog model id (default "llama-3.1-70b"). */
  model?: string;
  /** GPU catalog id, e.g. "h100-sxm". */
  gpu: string;
  /** GPUs available for one replica (tensor parallel); must divide the attention heads. */
  gpuCount: number;
  workload: Workload;
  accuracyTolerance: AccuracyTolerance;
  /** Whether there is time and data to evaluate the quantised model on the real task before launch. */
  evaluationBudget: boolean;
  /** Whether calibration text representative of the task exists (GPTQ/AWQ and static INT8 activations use it). */
  calibrationData: boolean;
  /** Tokens per sequence (prompt + output) the KV cache must hold. */
  contextTokens: Tokens;
  /** Sequences served at once. */
  concurrency: number;
  /** Fraction of GPU memory the engine may fill (default vLLM's 0.92). */
  memoryUtilization?: number;
  /** Price of one GPU-hour in dollars; when given, throughput candidates also get $ per million tokens. */
  dollarsPerGpuHour?: number;
}

/** The metric the recommendation optimises: tokens per GPU-second for throughput work, per-token latency for latency work. */
export type DecisionMetric = 'tokens-per-gpu-second' | 'seconds-per-token';

/** The formats the checklist chooses between. */
export type CandidateId = 'bf16' | 'fp8-w8a8' | 'int8-w8a8' | 'int8-w8a16' | 'int4-g128';

/** One candidate format checked against the reader's GPUs and load (all from lib/sizing and lib/perf). */
export interface CandidateCheck {
  formatId: CandidateId;
  label: string;
  weightsBytes: Bytes;
  /** `concurrency` sequences of `contextTokens` fit on the GPUs given. */
  fits: boolean;
  /** Most sequences of `contextTokens` that fit (0 when not even one). */
  maxConcurrent: number;
  /** Roofline decode speed per sequence at min(concurrency, maxConcurrent); null when nothing fits. */
  decodeTokensPerSecondPerSequence: number | null;
  /** Batch where the weight GEMMs turn compute-bound: independent of the context (Infinity when never); null when nothing fits. */
  crossoverBatch: number | null;
  /**
   * Share of the decode step's ceiling time spent in attention over the KV cache, at min(concurrency, maxConcurrent),
   * in [0, 1]; memory-bound at any batch, it dilutes what the weight format gains. null when nothing fits.
   */
  attentionShare: number | null;
  /** The dtype the matmuls run in on this GPU (after any fallback). */
  computeDtype: ComputeDtype;
  /** Smallest tensor-parallel size (≤ 8) that holds the load; null when 8 is not enough. */
  gpusNeeded: number | null;
  /** The fit verdict at `concurrency` with its margin band (lib/sizing). */
  verdict: 'fits' | 'tight' | 'does-not-fit';
  /** Throughput metric: decode tokens per second per GPU at the largest batch that fits (`maxConcurrent`); null when nothing fits. */
  tokensPerGpuSecond: number | null;
  /** $ per million tokens at that rate, when a GPU price was given; null otherwise or when nothing fits. */
  dollarsPerMillionTokens: number | null;
  /** Latency metric: seconds per decode step (per token each user sees) at the requested concurrency; null when it does not fit. */
  secondsPerTokenAtConcurrency: number | null;
  /** Allowed by the accuracy constraints (tolerance, evaluation budget, tensor cores). */
  eligible: boolean;
}

/** A citation attached to a reason: an id in lib/sources and a short label. */
export interface ReasonSource {
  id: string;
  label: string;
}

/** One reason behind the recommendation. */
export interface Reason {
  text: string;
  /** 'computed': a lib/ calculation on the reader's inputs; 'cited': a published result (see `sources`). */
  basis: 'computed' | 'cited';
  sources: ReasonSource[];
}

/** An option not chosen, and why. */
export interface Alternative {
  formatId: CandidateId;
  label: string;
  why: string;
}

/** What the checklist recommends, why, and what to say. */
export interface Decision {
  recommendation: { formatId: CandidateId; label: string };
  alternatives: Alternative[];
  reasons: Reason[];
  /** A 4–6 sentence answer to say in the interview, built from the inputs. */
  spokenAnswer: string;
  hardware: {
    gpuName: string;
    lowBitDtypes: ComputeDtype[];
    /** Low-bit dtypes whose catalog figure is marked 'unverified' (lib/hardware gpuFigureStatus): say so on the page. */
    unverifiedDtypes: ComputeDtype[];
    fp8TensorCores: boolean;
    int8TensorCores: boolean;
  };
  candidates: CandidateCheck[];
  /** Set when the recommended format does not hold `concurrency` sequences on the GPUs given. */
  shortfall: null | { maxConcurrent: number; gpusNeeded: number | null };
  /** The memory utilisation the fits were computed at. */
  memoryUtilization: number;
  /** What the recommendation optimises, from the workload. */
  metric: DecisionMetric;
  /** Why the winner wins, in one sentence with both numbers. */
  winnerReason: string;
}
