import { decodeHalfArray, encodeHalf } from './fp16';

/**
 * The lab's weights file: the safetensors format (huggingface/safetensors,
 * README "Format"), which `bench/lab/train.py` writes:
 *
 *   bytes 0–7      N, the header length, unsigned 64-bit little-endian
 *   bytes 8…8+N    UTF-8 JSON: { name: { dtype, shape, data_offsets: [begin, end] }, …,
 *                                "__metadata__": { key: string } }
 *   then           the tensors' bytes, little-endian; data_offsets count from here
 *
 * Only the dtypes the lab uses are read: F16 (2 bytes) and F32 (4 bytes).
 * Everything a damaged or foreign file can get wrong is checked, with a
 * message naming it: the length, the JSON, each entry's dtype, shape and
 * offsets (inside the data, matching shape × dtype size).
 */
export interface SafetensorsFile {
  /** `__metadata__`: string keys and values (empty if the file has none). */
  readonly metadata: Readonly<Record<string, string>>;
  /** Each tensor, decoded to float32, in the order of the header. */
  readonly tensors: ReadonlyMap<
    string,
    { readonly dtype: 'F16' | 'F32'; readonly shape: readonly number[]; readonly data: Float32Array }
  >;
}

const DTYPE_BYTES = { F16: 2, F32: 4 } as const;
/** A header larger than this is not a lab file (the lab's is about 2 KB). */
export const MAX_HEADER_BYTES = 1 << 20;

/**
 * Parses a safetensors file.
 *
 * @throws {RangeError} naming what is wrong: too short, header length past the end, bad JSON, an unknown dtype,
 *   a shape that is not a list of non-negative integers, offsets outside the data or not matching the shape.
 */
export function parseSafetensors(bytes: Uint8Array): SafetensorsFile {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('weights file must be a Uint8Array');
  if (bytes.length < 8)
    throw new RangeError(`weights file is truncated: ${bytes.length} bytes, fewer than the 8-byte header length`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const high = view.getUint32(4, true);
  const n = view.getUint32(0, true);
  if (high !== 0 || n > MAX_HEADER_BYTES)
    throw new RangeError(`weights file header length ${high * 2 ** 32 + n} bytes is too large: not a lab weights file`);
  if (8 + n > bytes.length)
    throw new RangeError(`weights file is truncated: its header needs ${8 + n} bytes, the file has ${bytes.length}`);
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + n)));
  } catch (e) {
    throw new RangeError(`weights file header is not valid UTF-8 JSON (${(e as Error).message})`);
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header))
    throw new RangeError('weights file header must be a JSON object');
  const dataStart = 8 + n;
  const dataBytes = bytes.length - dataStart;
  const metadata: Record<string, string> = {};
  const tensors = new Map<string, { dtype: 'F16' | 'F32'; shape: number[]; data: Float32Array }>();
  for (const [name, entry] of Object.entries(header as Record<string, unknown>)) {
    if (name === '__metadata__') {
      if (typeof entry !== 'object' || entry === null)
        throw new RangeError('weights file __metadata__ must be an object of strings');
      for (const [k, v] of Object.entries(entry)) {
        if (typeof v !== 'string') throw new RangeError(`weights file __metadata__.${k} must be a string`);
        metadata[k] = v;
      }
      continue;
    }
    const e = entry as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
    if (e.dtype !== 'F16' && e.dtype !== 'F32')
      throw new RangeError(`tensor ${name}: dtype must be F16 or F32 (got ${String(e.dtype)})`);
    const shape = e.shape;
    if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) {
      throw new RangeError(`tensor ${name}: shape must be a list of non-negative integers`);
    }
    const offsets = e.data_offsets;
    if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every((o) => Number.isInteger(o) && o >= 0)) {
      throw new RangeError(`tensor ${name}: data_offsets must be two non-negative integers`);
    }
    const [begin, end] = offsets as [number, number];
    const count = (shape as number[]).reduce((a, b) => a * b, 1);
    const width = DTYPE_BYTES[e.dtype];
    if (end < begin || end - begin !== count * width) {
      throw new RangeError(
        `tensor ${name}: data_offsets [${begin}, ${end}] hold ${end - begin} bytes, shape [${shape.join(', ')}] needs ${count * width}`,
      );
    }
    if (end > dataBytes)
      throw new RangeError(
        `weights file is truncated: tensor ${name} ends at data byte ${end}, the file has ${dataBytes} data bytes`,
      );
    const data =
      e.dtype === 'F16'
        ? decodeHalfArray(bytes, dataStart + begin, count)
        : decodeFloat32(bytes, dataStart + begin, count);
    tensors.set(name, { dtype: e.dtype, shape: shape as number[], data });
  }
  return { metadata, tensors };
}

function decodeFloat32(bytes: Uint8Array, at: number, count: number): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = view.getFloat32(at + 4 * i, true);
  return out;
}

/**
 * Writes tensors as an F16 safetensors file (values rounded to fp16, ties to
 * even), the layout `bench/lab/labmodel.py` `save_safetensors` writes: header
 * padded with spaces to a multiple of 8 bytes, tensors back to back in the
 * given order. Used by tests to make small models.
 */
export function encodeSafetensorsF16(
  tensors: ReadonlyArray<{ name: string; shape: readonly number[]; data: ArrayLike<number> }>,
  metadata: Record<string, string> = {},
): Uint8Array {
  const header: Record<string, unknown> = {};
  let offset = 0;
  for (const t of tensors) {
    const count = t.shape.reduce((a, b) => a * b, 1);
    if (count !== t.data.length)
      throw new RangeError(
        `tensor ${t.name}: shape [${t.shape.join(', ')}] needs ${count} values, got ${t.data.length}`,
      );
    header[t.name] = { dtype: 'F16', shape: t.shape, data_offsets: [offset, offset + 2 * count] };
    offset += 2 * count;
  }
  header.__metadata__ = metadata;
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headerBytes = new Uint8Array(Math.ceil(json.length / 8) * 8).fill(0x20); // pad with spaces to a multiple of 8
  headerBytes.set(json);
  const out = new Uint8Array(8 + headerBytes.length + offset);
  const view = new DataView(out.buffer);
  view.setUint32(0, headerBytes.length, true);
  out.set(headerBytes, 8);
  let p = 8 + headerBytes.length;
  for (const t of tensors) {
    for (let i = 0; i < t.data.length; i++, p += 2) view.setUint16(p, encodeHalf(t.data[i] as number), true);
  }
  return out;
}
