import { BYTES_PER_GIB, BYTES_PER_MIB } from '../units';
import type { Tokens } from '../units';

/**
 * What a vLLM start-up log states about memory, read line by line.
 *
 * vLLM prints its start-up accounting with wording that changed between releases. The
 * phrases recognised, by quantity (each quoted from a published log; the tests in
 * `vllmLog.test.ts` replay them with their sources):
 *
 * | Quantity | vLLM ≤ 0.6.4 (V0) | v0.6.5 (V0) | v0.6.6 – 0.8 (V0) | V1 (0.7 – 0.19) |
 * |---|---|---|---|---|
 * | weights | "Loading model weights took 14.9888 GB" | "model weights take 14.96GiB" | "model weights take 21.21GiB;" | "Model loading took 14.99 GiB", "weights memory: 14.99GiB" |
 * | activation peak | "peak_torch_memory=17.98GiB" − weights | "PyTorch activation peak memory 1.26GiB" | "PyTorch activation peak memory takes 0.37GiB" | "torch peak memory increase: 1.89GiB" |
 * | non-torch | "non_torch_memory=0.35GiB" | "non_torch_memory 1.79GiB" | "non_torch_memory takes 0.20GiB" | "non-torch forward increase memory: 0.25GiB" |
 * | KV cache | "kv_cache_size=2.89GiB" | "available_kv_cache_memory 53.29GiB" | "the rest of the memory reserved for KV Cache is 1.57GiB" | "Available KV cache memory: 58.11 GiB" |
 * | KV tokens | "# GPU blocks: 1478" × block size | — | "# cuda blocks: 36184" × block size | "GPU KV cache size: 476,016 tokens" (early V1: "# GPU blocks: 1381") |
 * | concurrency | "Maximum concurrency for 29000 tokens per request: 0.82x" | | | "Maximum concurrency for 8,192 tokens per request: 58.11x" |
 *
 * Units: vLLM divides by 2^30 everywhere, so "GB" in "Loading model weights took
 * 14.9888 GB" is GiB too (`vllm/worker/model_runner.py`, `load_model`:
 * `self.model_memory_usage / float(2**30)` printed with "%.4f GB"). Every memory figure
 * is converted to bytes with the binary factor: bytes = GiB × 2^30 (MiB × 2^20).
 *
 * Block counts become tokens at 16 tokens per block, vLLM's default `--block-size` on
 * CUDA, unless the log prints another `block_size`. The logs bear it out: 1,478 blocks
 * × 16 = 23,648, the "maximum number of tokens that can be stored in KV cache (23648)"
 * of vllm-project/vllm issue #10517; 1,381 × 16 / 2,048 = 10.79, the "Maximum
 * concurrency … 10.79x" of PR #12569.
 *
 * Performance: the text is cut at {@link VLLM_LOG_MAX_CHARS} and each line at
 * {@link VLLM_LOG_MAX_LINE_CHARS}; every phrase is found with `indexOf` and every
 * number read by a bounded scanner (no regular expressions), so the work is linear in
 * the input: a fixed number of scans per line.
 */

/** The quantities a vLLM start-up log can state, per GPU (tokens and concurrency: for the whole engine). */
export type VllmLogQuantity =
  'weights' | 'activationPeak' | 'nonTorch' | 'kvCache' | 'kvTokens' | 'maxConcurrency' | 'requested' | 'cudaTotal';

/** The six quantities a start-up log is checked for; `missing` lists those not found. */
export const VLLM_LOG_CORE_QUANTITIES: readonly VllmLogQuantity[] = [
  'weights',
  'activationPeak',
  'nonTorch',
  'kvCache',
  'kvTokens',
  'maxConcurrency',
];

/** Largest input read: 2,000,000 characters (a start-up log is 100–200 kB; the rest is ignored). */
export const VLLM_LOG_MAX_CHARS = 2_000_000;

/** Longest line read: 20,000 characters (vLLM's engine-config line is about 3,400); the rest of a longer line is ignored. */
export const VLLM_LOG_MAX_LINE_CHARS = 20_000;

/** vLLM's default KV-cache block size on CUDA: 16 tokens per block (see the module comment for the log check). */
export const VLLM_DEFAULT_BLOCK_SIZE_TOKENS = 16;

/** One value read from the log, with the line it came from. */
export interface VllmLogValue {
  /** Bytes (memory quantities), tokens (`kvTokens`), or sequences (`maxConcurrency`). */
  value: number;
  /** The figure as printed: "14.99 GiB", "476,016 tokens", "58.11x". */
  printed: string;
  /** 1-based line number in the pasted text. */
  line: number;
  /** The line around the phrase that was read, at most ~200 characters. */
  excerpt: string;
  /** How the value was derived when the log does not print it directly ("1,478 blocks × 16 tokens"). */
  derived?: string;
  /** Different values other lines print for the same quantity (other workers, a restart), at most 8. */
  otherValues: number[];
}

/** The engine settings a log prints (engine-config line, "non-default args", defaulting messages). */
export interface VllmLogSettings {
  /** "0.19.0", "0.8.3rc2.dev224+g49c0d11ec". */
  version?: string;
  /** 'V0' when the log uses V0 wording or says "V0 LLM engine"; 'V1' when it says "V1 LLM engine". */
  engine?: 'V0' | 'V1';
  /** The model as given to vLLM: a Hugging Face repo id or a local path. */
  model?: string;
  /** "bfloat16", "float16", "float32", "auto" (torch. prefix removed). */
  dtype?: string;
  /** "fp8", "awq_marlin", "compressed-tensors"; absent when the log says None. */
  quantization?: string;
  /** "auto", "fp8", "fp8_e4m3". */
  kvCacheDtype?: string;
  tensorParallelSize?: number;
  maxModelLen?: Tokens;
  gpuMemoryUtilization?: number;
  maxNumSeqs?: number;
  maxNumBatchedTokens?: Tokens;
  blockSize?: number;
  /** "chunked_prefill_enabled=False" in a V0 engine-config line. */
  chunkedPrefill?: boolean;
}

/** A phrase that was found but whose number could not be read. */
export interface VllmLogUnreadable {
  quantity: VllmLogQuantity;
  line: number;
  excerpt: string;
}

/** Everything read from a log. Never contains NaN: a value that does not parse is not recorded. */
export interface VllmLogReading {
  quantities: Partial<Record<VllmLogQuantity, VllmLogValue>>;
  settings: VllmLogSettings;
  /** Core quantities ({@link VLLM_LOG_CORE_QUANTITIES}) not found, in that order. */
  missing: VllmLogQuantity[];
  /** Phrases found whose number was garbled. */
  unreadable: VllmLogUnreadable[];
  /** Lines read. */
  lineCount: number;
  /** True when the input was longer than {@link VLLM_LOG_MAX_CHARS} and its tail was ignored. */
  truncated: boolean;
  /** Lines longer than {@link VLLM_LOG_MAX_LINE_CHARS}, read up to that length. */
  longLines: number;
}

// ---------------------------------------------------------------------------
// Bounded scanners (no regular expressions: each reads at most a few dozen characters).

const MAX_NUMBER_CHARS = 24;
const MAX_TOKEN_CHARS = 200;

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

function skipChars(s: string, i: number, chars: string, max = 64): number {
  const end = Math.min(s.length, i + max);
  while (i < end && chars.includes(s[i]!)) i++;
  return i;
}

/** Skips `word` (and the spaces after it) when it starts at i. */
function skipWord(s: string, i: number, word: string): number {
  return s.startsWith(word, i) ? skipChars(s, i + word.length, ' \t') : i;
}

interface Scanned<T> {
  value: T;
  text: string;
  end: number;
}

/**
 * Reads a decimal number at i ("14.99", "476,016", "-1.5"), at most 24 characters;
 * null when there is none or it is not finite.
 */
function readNumber(s: string, i: number): Scanned<number> | null {
  let j = i;
  if (s[j] === '-') j++;
  const end = Math.min(s.length, i + MAX_NUMBER_CHARS);
  let digits = 0;
  let dots = 0;
  while (j < end) {
    const c = s[j]!;
    if (isDigit(c)) digits++;
    else if (c === '.') {
      if (!isDigit(s[j + 1] ?? '')) break; // a full stop after the number ("14.99GiB.")
      dots++;
    } else if (c !== ',' || !isDigit(s[j + 1] ?? '')) break;
    j++;
  }
  if (digits === 0 || dots > 1) return null;
  const text = s.slice(i, j);
  const value = Number(text.includes(',') ? text.replaceAll(',', '') : text);
  return Number.isFinite(value) ? { value, text, end: j } : null;
}

/** Reads a memory unit at i (after optional spaces): GiB and GB are 2^30 bytes (vLLM's "GB" is GiB), MiB and MB 2^20. */
function readUnit(s: string, i: number): Scanned<number> | null {
  const j = skipChars(s, i, ' \t', 4);
  for (const [unit, factor] of [
    ['GiB', BYTES_PER_GIB],
    ['GB', BYTES_PER_GIB],
    ['MiB', BYTES_PER_MIB],
    ['MB', BYTES_PER_MIB],
  ] as const) {
    if (s.startsWith(unit, j)) return { value: factor, text: unit, end: j + unit.length };
  }
  return null;
}

/** Reads "<number> <unit>" at i (after the separators ` :=(\t`) as bytes. */
function readBytes(s: string, i: number): Scanned<number> | null {
  const start = skipChars(s, i, ' \t:=(');
  const n = readNumber(s, start);
  if (!n) return null;
  const unit = readUnit(s, n.end);
  if (!unit) return null;
  return { value: n.value * unit.value, text: `${n.text} ${unit.text}`, end: unit.end };
}

/** Reads a bare token at i: letters, digits and `._+-/:` (a version, a dtype, a path), at most 200 characters. */
function readToken(s: string, i: number): string {
  const end = Math.min(s.length, i + MAX_TOKEN_CHARS);
  let j = i;
  while (j < end) {
    const c = s[j]!;
    const ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || '._+-/:@'.includes(c);
    if (!ok) break;
    j++;
  }
  return s.slice(i, j);
}

/** Reads a value after `key=` or `'key': `: a quoted string (to its closing quote) or a bare token. */
function readValue(s: string, i: number): string {
  const q = s[i];
  if (q === "'" || q === '"') {
    const close = s.indexOf(q, i + 1);
    const end = close === -1 ? Math.min(s.length, i + 1 + MAX_TOKEN_CHARS) : Math.min(close, i + 1 + MAX_TOKEN_CHARS);
    return s.slice(i + 1, end);
  }
  return readToken(s, i);
}

/** Position after `key=` where `key` starts the line or follows a space, comma or brace; -1 if absent. */
function findAssignment(s: string, key: string): number {
  const needle = `${key}=`;
  let i = s.indexOf(needle);
  while (i !== -1) {
    const before = i === 0 ? ' ' : s[i - 1]!;
    if (' ,{('.includes(before)) return i + needle.length;
    i = s.indexOf(needle, i + 1);
  }
  return -1;
}

/** Position after `'key': ` (Python dict repr, as in "non-default args: {…}"); -1 if absent. */
function findDictKey(s: string, key: string): number {
  const needle = `'${key}':`;
  const i = s.indexOf(needle);
  return i === -1 ? -1 : skipChars(s, i + needle.length, ' ');
}

function excerptAt(s: string, at: number): string {
  const start = Math.max(0, at - 60);
  const end = Math.min(s.length, at + 140);
  return `${start > 0 ? '…' : ''}${s.slice(start, end).trim()}${end < s.length ? '…' : ''}`;
}

function positiveInt(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = readNumber(text, 0);
  return n && Number.isInteger(n.value) && n.value > 0 && n.end === text.length ? n.value : undefined;
}

function fraction(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = readNumber(text, 0);
  return n && n.value > 0 && n.value <= 1 ? n.value : undefined;
}

// ---------------------------------------------------------------------------
// The reader.

interface Found {
  value: number;
  printed: string;
  at: number;
  derived?: string;
}

/** A phrase that introduces a quantity, and how to read the number after it (null: found but garbled). */
interface Phrase {
  quantity: VllmLogQuantity;
  key: string;
  /** Only on lines that also contain this text. */
  onlyWith?: string;
  /** Not on lines that contain this text. */
  notWith?: string;
  read: (line: string, after: number) => Omit<Found, 'at'> | null;
}

const bytesAfter = (line: string, after: number) => {
  const b = readBytes(line, after);
  return b ? { value: b.value, printed: b.text } : null;
};

/** "non_torch_memory takes 0.20GiB" / "non_torch_memory     1.79GiB" / (v0.6.4) "non_torch_memory=0.35GiB". */
const bytesAfterTakes = (line: string, after: number) =>
  bytesAfter(line, skipWord(line, skipChars(line, after, ' \t'), 'takes'));

const PHRASES: readonly Phrase[] = [
  { quantity: 'weights', key: 'Model loading took', read: bytesAfter },
  { quantity: 'weights', key: 'Loading model weights took', read: bytesAfter },
  { quantity: 'weights', key: 'weights memory:', read: bytesAfter },
  { quantity: 'weights', key: 'model weights take', read: bytesAfter },
  { quantity: 'activationPeak', key: 'torch peak memory increase:', read: bytesAfter },
  { quantity: 'activationPeak', key: 'PyTorch activation peak memory', read: bytesAfterTakes },
  { quantity: 'nonTorch', key: 'non-torch forward increase memory:', read: bytesAfter },
  { quantity: 'nonTorch', key: 'non_torch_memory', notWith: 'memory snapshot', read: bytesAfterTakes },
  { quantity: 'kvCache', key: 'Available KV cache memory:', read: bytesAfter },
  { quantity: 'kvCache', key: 'the rest of the memory reserved for KV Cache is', read: bytesAfter },
  { quantity: 'kvCache', key: 'available_kv_cache_memory', read: bytesAfter },
  { quantity: 'kvCache', key: 'kv_cache_size=', onlyWith: 'Memory profiling results', read: bytesAfter },
  {
    quantity: 'kvTokens',
    key: 'GPU KV cache size:',
    read: (line, after) => {
      const n = readNumber(line, skipChars(line, after, ' \t'));
      return n && n.value >= 0 && Number.isInteger(n.value) ? { value: n.value, printed: `${n.text} tokens` } : null;
    },
  },
  {
    quantity: 'maxConcurrency',
    key: 'Maximum concurrency for',
    read: (line, after) => {
      const perRequest = readNumber(line, skipChars(line, after, ' \t'));
      if (!perRequest) return null;
      const colon = line.indexOf(':', perRequest.end);
      if (colon === -1 || colon - perRequest.end > 40) return null;
      const x = readNumber(line, skipChars(line, colon + 1, ' \t'));
      return x && x.value >= 0 ? { value: x.value, printed: `${x.text}x`, derived: undefined } : null;
    },
  },
  { quantity: 'requested', key: 'worker requested memory:', read: bytesAfter },
  {
    quantity: 'requested',
    key: 'the current vLLM instance can use',
    read: (line, after) => {
      // "… can use total_gpu_memory (23.58GiB) x gpu_memory_utilization (0.99) = 23.35GiB" or "… can use    71.29GiB"
      const eq = line.indexOf('= ', after);
      return bytesAfter(line, eq === -1 ? after : eq + 1);
    },
  },
  { quantity: 'cudaTotal', key: 'total_gpu_memory', read: bytesAfter },
  { quantity: 'cudaTotal', key: 'total_memory=', onlyWith: 'memory snapshot', read: bytesAfter },
  {
    quantity: 'cudaTotal',
    key: 'Free memory on device (',
    read: (line, after) => {
      const slash = line.indexOf('/', after);
      return slash === -1 || slash - after > 30 ? null : bytesAfter(line, slash + 1);
    },
  },
];

/** "# GPU blocks: 1478, # CPU blocks: 2048" (V0), "# cuda blocks: 36184" (V0, v0.8), "# GPU blocks: 1381" (early V1). */
const BLOCK_KEYS = ['# GPU blocks:', '# cuda blocks:', '# CUDA blocks:'] as const;

/** Lines shorter than this state nothing ("# GPU blocks: 1" is 15 characters). */
const MIN_USEFUL_LINE_CHARS = 12;

/** The reader's state while it goes through the lines. */
interface ReaderState {
  found: Partial<Record<VllmLogQuantity, VllmLogValue>>;
  unreadable: VllmLogUnreadable[];
  settings: VllmLogSettings;
  /** Once-only lines already read: the engine config, the non-default args, a command line. */
  seen: { config: boolean; args: boolean; command: boolean };
  peakTorch: VllmLogValue | null;
  blocks: VllmLogValue | null;
}

function setOnce<K extends keyof VllmLogSettings>(
  settings: VllmLogSettings,
  key: K,
  value: VllmLogSettings[K] | undefined,
): void {
  if (value !== undefined && settings[key] === undefined) settings[key] = value;
}

function readVersion(line: string, st: ReaderState): void {
  // "vLLM API server version 0.9.0.1", the banner "█  version 0.19.0" (the engine line is read by readEngine).
  for (const key of ['API server version ', '█  version ']) {
    const at = line.indexOf(key);
    if (at !== -1) setOnce(st.settings, 'version', readToken(line, at + key.length) || undefined);
  }
}

function readEngine(line: string, st: ReaderState): void {
  // "Initializing a V1 LLM engine (v0.19.0) with config", "Initializing a V0 LLM engine (v0.8.3rc2…)", "Initializing an LLM engine (v0.6.4)".
  const at = line.indexOf('LLM engine (v');
  if (at !== -1) setOnce(st.settings, 'version', readToken(line, at + 'LLM engine (v'.length) || undefined);
  if (line.includes('V1 LLM engine')) setOnce(st.settings, 'engine', 'V1');
  else if (line.includes('V0 LLM engine') || line.includes('an LLM engine')) setOnce(st.settings, 'engine', 'V0');
}

function readConfigLine(line: string, st: ReaderState): void {
  // "… with config: model='…', …, dtype=torch.bfloat16, max_seq_len=8192, …, tensor_parallel_size=1, …".
  if (st.seen.config) return;
  st.seen.config = true;
  const s = st.settings;
  const get = (key: string) => {
    const at = findAssignment(line, key);
    return at === -1 ? undefined : readValue(line, at);
  };
  setOnce(s, 'model', get('model') || undefined);
  const dtype = get('dtype');
  setOnce(s, 'dtype', dtype ? dtype.replace('torch.', '') : undefined);
  const quantization = get('quantization');
  setOnce(s, 'quantization', quantization && quantization !== 'None' ? quantization : undefined);
  setOnce(s, 'kvCacheDtype', get('kv_cache_dtype') || undefined);
  setOnce(s, 'maxModelLen', positiveInt(get('max_seq_len')));
  setOnce(s, 'tensorParallelSize', positiveInt(get('tensor_parallel_size')));
  const chunked = get('chunked_prefill_enabled') ?? get('enable_chunked_prefill');
  setOnce(s, 'chunkedPrefill', chunked === 'True' ? true : chunked === 'False' ? false : undefined);
}

function readArgsLine(line: string, st: ReaderState): void {
  // "non-default args: {'model': 'meta-llama/…', 'max_model_len': 8192, 'gpu_memory_utilization': 0.95, …}".
  if (st.seen.args) return;
  st.seen.args = true;
  const s = st.settings;
  const get = (key: string) => {
    const at = findDictKey(line, key);
    return at === -1 ? undefined : readValue(line, at);
  };
  setOnce(s, 'model', get('model') || undefined);
  setOnce(s, 'maxModelLen', positiveInt(get('max_model_len')));
  setOnce(s, 'gpuMemoryUtilization', fraction(get('gpu_memory_utilization')));
  setOnce(s, 'tensorParallelSize', positiveInt(get('tensor_parallel_size')));
  setOnce(s, 'dtype', get('dtype') || undefined);
  setOnce(s, 'quantization', get('quantization') || undefined);
  setOnce(s, 'kvCacheDtype', get('kv_cache_dtype') || undefined);
  setOnce(s, 'maxNumSeqs', positiveInt(get('max_num_seqs')));
  setOnce(s, 'maxNumBatchedTokens', positiveInt(get('max_num_batched_tokens')));
  setOnce(s, 'blockSize', positiveInt(get('block_size')));
}

function readCommandLine(line: string, st: ReaderState): void {
  // A pasted command: "vllm serve <model> --max-model-len 2048 --gpu-memory-utilization 0.98 -tp 2".
  if (st.seen.command) return;
  st.seen.command = true;
  const s = st.settings;
  const serveAt = line.indexOf('vllm serve ');
  const model = readToken(line, skipChars(line, serveAt + 'vllm serve '.length, ' '));
  setOnce(s, 'model', model && !model.startsWith('-') ? model : undefined);
  const flag = (names: string[]) => {
    for (const name of names) {
      let at = line.indexOf(`${name} `, serveAt);
      if (at === -1) at = line.indexOf(`${name}=`, serveAt);
      if (at !== -1) return readToken(line, skipChars(line, at + name.length, ' ='));
    }
    return undefined;
  };
  setOnce(s, 'maxModelLen', positiveInt(flag(['--max-model-len'])));
  setOnce(s, 'gpuMemoryUtilization', fraction(flag(['--gpu-memory-utilization'])));
  setOnce(s, 'tensorParallelSize', positiveInt(flag(['--tensor-parallel-size', ' -tp'])));
  setOnce(s, 'dtype', flag(['--dtype']) || undefined);
  setOnce(s, 'quantization', flag(['--quantization', ' -q']) || undefined);
  setOnce(s, 'kvCacheDtype', flag(['--kv-cache-dtype']) || undefined);
  setOnce(s, 'maxNumSeqs', positiveInt(flag(['--max-num-seqs'])));
  setOnce(s, 'maxNumBatchedTokens', positiveInt(flag(['--max-num-batched-tokens'])));
  setOnce(s, 'blockSize', positiveInt(flag(['--block-size'])));
}

function readUtilization(line: string, st: ReaderState): void {
  // "gpu_memory_utilization (0.99)", "gpu_memory_utilization       0.90", "gpu_memory_utilization=0.90",
  // "Requested memory: 0.950000 (util)", "Desired GPU memory utilization is (0.95, 75.23 GiB)".
  if (st.settings.gpuMemoryUtilization !== undefined || line.includes('non-default args:')) return;
  for (const key of ['gpu_memory_utilization', 'Requested memory:', 'Desired GPU memory utilization is']) {
    const at = line.indexOf(key);
    if (at === -1) continue;
    const n = readNumber(line, skipChars(line, at + key.length, ' \t=(:'));
    setOnce(st.settings, 'gpuMemoryUtilization', n && n.value > 0 && n.value <= 1 ? n.value : undefined);
  }
}

function readScheduler(line: string, st: ReaderState): void {
  // "Defaulting max_num_batched_tokens to 8192 for …", "Chunked prefill is enabled with max_num_batched_tokens=2048.",
  // "Defaulting max_num_seqs to 1024 for …", "Using max model len 32768".
  if (line.includes('non-default args:')) return;
  const keys: ReadonlyArray<[string, 'maxNumBatchedTokens' | 'maxNumSeqs' | 'maxModelLen']> = [
    ['Defaulting max_num_batched_tokens to ', 'maxNumBatchedTokens'],
    ['max_num_batched_tokens=', 'maxNumBatchedTokens'],
    ['Defaulting max_num_seqs to ', 'maxNumSeqs'],
    ['Using max model len ', 'maxModelLen'],
  ];
  for (const [key, field] of keys) {
    const at = line.indexOf(key);
    if (at === -1) continue;
    const n = readNumber(line, at + key.length);
    setOnce(st.settings, field, n && Number.isInteger(n.value) && n.value > 0 ? n.value : undefined);
  }
}

function readV0Marks(line: string, st: ReaderState): void {
  // V0-only wording: "the rest of the memory reserved for KV Cache", "available_kv_cache_memory", "# CPU blocks:".
  if (
    line.includes('the rest of the memory reserved for KV Cache') ||
    line.includes('available_kv_cache_memory') ||
    line.includes('CPU blocks:')
  ) {
    setOnce(st.settings, 'engine', 'V0');
  }
}

function excerpted(line: string, lineNo: number, at: number, f: Omit<Found, 'at'>): VllmLogValue {
  return {
    value: f.value,
    printed: f.printed,
    line: lineNo,
    excerpt: excerptAt(line, at),
    otherValues: [],
    ...(f.derived ? { derived: f.derived } : {}),
  };
}

function readPhrase(p: Phrase, line: string, lineNo: number, st: ReaderState): void {
  const at = line.indexOf(p.key);
  if (at === -1) return;
  if (p.onlyWith && !line.includes(p.onlyWith)) return;
  if (p.notWith && line.includes(p.notWith)) return;
  const r = p.read(line, at + p.key.length);
  if (!r) {
    if (p.quantity !== 'requested' && p.quantity !== 'cudaTotal' && st.unreadable.length < 20) {
      st.unreadable.push({ quantity: p.quantity, line: lineNo, excerpt: excerptAt(line, at) });
    }
    return;
  }
  const existing = st.found[p.quantity];
  if (!existing) st.found[p.quantity] = excerpted(line, lineNo, at, r);
  else if (r.value !== existing.value && !existing.otherValues.includes(r.value) && existing.otherValues.length < 8)
    existing.otherValues.push(r.value);
}

function readPeakTorch(line: string, lineNo: number, st: ReaderState): void {
  // vLLM ≤ 0.6.4: "Memory profiling results: … peak_torch_memory=17.98GiB …" (it includes the weights).
  const at = line.indexOf('peak_torch_memory=');
  const b = at === -1 || st.peakTorch ? null : readBytes(line, at + 'peak_torch_memory='.length);
  if (b) st.peakTorch = excerpted(line, lineNo, at, { value: b.value, printed: b.text });
}

function readBlocks(line: string, lineNo: number, st: ReaderState): void {
  for (const key of BLOCK_KEYS) {
    const at = st.blocks ? -1 : line.indexOf(key);
    if (at === -1) continue;
    const n = readNumber(line, skipChars(line, at + key.length, ' \t'));
    if (n && Number.isInteger(n.value) && n.value >= 0)
      st.blocks = excerpted(line, lineNo, at, { value: n.value, printed: `${n.text} blocks` });
  }
}

type Handler = (line: string, lineNo: number, st: ReaderState) => void;

/**
 * Every phrase and setting is found through a trigger: a literal the line must contain. One
 * regular expression made only of these literals, joined by `|` (no quantifiers), finds
 * which triggers a line contains in a single pass; only their handlers run, each once.
 */
const TRIGGERS: ReadonlyArray<[string, Handler[]]> = (() => {
  const byKey = new Map<string, Handler[]>();
  const add = (key: string, h: Handler) => byKey.set(key, [...(byKey.get(key) ?? []), h]);
  for (const p of PHRASES) {
    // "the rest of the memory reserved for KV Cache is" is also a V0 mark: both hang on "KV Cache".
    add(p.key.startsWith('the rest of the memory') ? 'KV Cache' : p.key, (line, n, st) => readPhrase(p, line, n, st));
  }
  add('version', (line, _n, st) => readVersion(line, st));
  add('LLM engine', (line, _n, st) => readEngine(line, st));
  add('with config:', (line, _n, st) => readConfigLine(line, st));
  add('non-default args:', (line, _n, st) => readArgsLine(line, st));
  add('vllm serve ', (line, _n, st) => readCommandLine(line, st));
  add('utilization', (line, _n, st) => readUtilization(line, st));
  add('Requested memory:', (line, _n, st) => readUtilization(line, st));
  for (const key of ['max_num_batched_tokens', 'max_num_seqs', 'max model len'])
    add(key, (line, _n, st) => readScheduler(line, st));
  for (const key of ['KV Cache', 'available_kv_cache_memory', 'CPU blocks:'])
    add(key, (line, _n, st) => readV0Marks(line, st));
  add('Memory profiling results', readPeakTorch);
  for (const key of BLOCK_KEYS) add(key, readBlocks);
  return [...byKey.entries()];
})();

const escapeLiteral = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The triggers, longest first so that a longer literal wins where two start at the same place. */
const TRIGGER_RE = new RegExp(
  [...TRIGGERS]
    .sort((a, b) => b[0].length - a[0].length)
    .map(([key]) => escapeLiteral(key))
    .join('|'),
  'g',
);
const HANDLERS = new Map(TRIGGERS);

/**
 * Reads a vLLM start-up log: the memory quantities it states (per GPU, in bytes; KV
 * tokens and concurrency for the engine), the line each came from, the engine settings
 * it prints, and the core quantities it does not state.
 *
 *     bytes  = printed GiB × 2^30          (vLLM's "GB" is GiB; MiB × 2^20)
 *     tokens = "GPU KV cache size" N, or "# GPU blocks" × block_size (16 unless printed)
 *     activation peak (vLLM ≤ 0.6.4) = peak_torch_memory − weights
 *
 * The first line stating a quantity gives its value; different values on later lines
 * (one per tensor-parallel worker, or a restart) are kept in `otherValues`. A phrase
 * whose number is garbled is listed in `unreadable`, never read as NaN.
 *
 * Linear time: the input is cut at 2,000,000 characters and lines at 20,000; each line
 * is scanned once for the trigger literals (a regular expression of literals only), and
 * each trigger found runs its handler once, a few `indexOf` scans and bounded number reads.
 *
 * @example
 * readVllmLog('INFO … [gpu_worker.py:436] Available KV cache memory: 58.11 GiB').quantities.kvCache?.value
 * // 62_395_062_190 (58.11 × 2^30, rounded here for reading)
 */
export function readVllmLog(input: string): VllmLogReading {
  const truncated = input.length > VLLM_LOG_MAX_CHARS;
  const text = truncated ? input.slice(0, VLLM_LOG_MAX_CHARS) : input;
  const st: ReaderState = {
    found: {},
    unreadable: [],
    settings: {},
    seen: { config: false, args: false, command: false },
    peakTorch: null,
    blocks: null,
  };
  let lineCount = 0;
  let longLines = 0;
  const toRun = new Set<Handler>();

  let start = 0;
  for (;;) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    lineCount++;
    const lineNo = lineCount;
    const lineStart = start;
    start = end + 1;
    if (end - lineStart >= MIN_USEFUL_LINE_CHARS) {
      if (end - lineStart > VLLM_LOG_MAX_LINE_CHARS) longLines++;
      let line = text.slice(lineStart, Math.min(end, lineStart + VLLM_LOG_MAX_LINE_CHARS));
      if (line.endsWith('\r')) line = line.slice(0, -1);
      toRun.clear();
      TRIGGER_RE.lastIndex = 0;
      for (let m = TRIGGER_RE.exec(line); m !== null; m = TRIGGER_RE.exec(line)) {
        for (const h of HANDLERS.get(m[0]) ?? []) toRun.add(h);
      }
      for (const h of toRun) h(line, lineNo, st);
    }
    if (end >= text.length) break;
  }

  const { found, settings } = st;
  if (!found.kvTokens && st.blocks) {
    const blockSize = settings.blockSize ?? VLLM_DEFAULT_BLOCK_SIZE_TOKENS;
    const tokens = st.blocks.value * blockSize;
    found.kvTokens = {
      ...st.blocks,
      value: tokens,
      printed: `${tokens} tokens`,
      derived: `${st.blocks.printed} × ${blockSize} tokens per block`,
    };
  }
  if (!found.activationPeak && st.peakTorch && found.weights) {
    const bytes = st.peakTorch.value - found.weights.value;
    found.activationPeak = {
      ...st.peakTorch,
      value: bytes,
      printed: `${(bytes / BYTES_PER_GIB).toFixed(2)} GiB`,
      derived: `peak_torch_memory ${st.peakTorch.printed} − weights ${found.weights.printed}`,
    };
  }
  if (settings.maxModelLen === undefined && found.maxConcurrency) {
    // "Maximum concurrency for 8,192 tokens per request": the per-request length is max_model_len.
    const line = found.maxConcurrency.excerpt;
    const at = line.indexOf('Maximum concurrency for');
    const n = at === -1 ? null : readNumber(line, skipChars(line, at + 'Maximum concurrency for'.length, ' '));
    if (n && Number.isInteger(n.value) && n.value > 0) settings.maxModelLen = n.value;
  }

  return {
    quantities: found,
    settings,
    missing: VLLM_LOG_CORE_QUANTITIES.filter((q) => found[q] === undefined),
    unreadable: st.unreadable.filter((u) => found[u.quantity] === undefined),
    lineCount,
    truncated,
    longLines,
  };
}
