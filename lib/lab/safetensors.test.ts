import { describe, expect, it } from 'vitest';
import { encodeSafetensorsF16, parseSafetensors } from './safetensors';

const withHeader = (header: unknown, dataBytes = 0): Uint8Array => {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(8 + json.length + dataBytes);
  new DataView(out.buffer).setUint32(0, json.length, true);
  out.set(json, 8);
  return out;
};

describe('encodeSafetensorsF16 / parseSafetensors', () => {
  it('round-trips tensors and metadata, with the header padded to a multiple of 8 (safetensors README)', () => {
    const bytes = encodeSafetensorsF16(
      [
        { name: 'a', shape: [2, 2], data: [1, -2, 0.5, 65504] },
        { name: 'b', shape: [3], data: [0.1, 0, -0] },
      ],
      { config: '{"x":1}', note: 'é' },
    );
    const n = new DataView(bytes.buffer).getUint32(0, true);
    expect(n % 8).toBe(0);
    const f = parseSafetensors(bytes);
    expect(f.metadata).toEqual({ config: '{"x":1}', note: 'é' });
    expect(Array.from(f.tensors.get('a')!.data)).toEqual([1, -2, 0.5, 65504]);
    expect(f.tensors.get('a')!.shape).toEqual([2, 2]);
    expect(f.tensors.get('b')!.data[0]).toBe(0.0999755859375); // 0.1 to the nearest fp16: 1638/16384
    expect(bytes.length).toBe(8 + n + 2 * 7);
  });

  it('reads F32 tensors too', () => {
    const bytes = withHeader({ x: { dtype: 'F32', shape: [1], data_offsets: [0, 4] } }, 4);
    new DataView(bytes.buffer).setFloat32(bytes.length - 4, 1.5, true);
    expect(Array.from(parseSafetensors(bytes).tensors.get('x')!.data)).toEqual([1.5]);
  });

  it('rejects truncated and malformed files with a message naming the problem', () => {
    const good = encodeSafetensorsF16([{ name: 'w', shape: [4], data: [1, 2, 3, 4] }]);
    expect(() => parseSafetensors(good.subarray(0, 5))).toThrow(
      'weights file is truncated: 5 bytes, fewer than the 8-byte header length',
    );
    expect(() => parseSafetensors(good.subarray(0, 20))).toThrow(
      /weights file is truncated: its header needs \d+ bytes, the file has 20/,
    );
    expect(() => parseSafetensors(good.subarray(0, good.length - 1))).toThrow(
      'weights file is truncated: tensor w ends at data byte 8, the file has 7 data bytes',
    );
    const huge = new Uint8Array(16);
    new DataView(huge.buffer).setUint32(4, 1, true);
    expect(() => parseSafetensors(huge)).toThrow(/header length 4294967296 bytes is too large/);
    const notJson = withHeader({});
    notJson[8] = 0x7b + 1;
    expect(() => parseSafetensors(notJson)).toThrow(/header is not valid UTF-8 JSON/);
    expect(() => parseSafetensors(withHeader([]))).toThrow('weights file header must be a JSON object');
    expect(() => parseSafetensors(withHeader({ w: { dtype: 'BF16', shape: [1], data_offsets: [0, 2] } }, 2))).toThrow(
      'tensor w: dtype must be F16 or F32 (got BF16)',
    );
    expect(() => parseSafetensors(withHeader({ w: { dtype: 'F16', shape: [-1], data_offsets: [0, 2] } }, 2))).toThrow(
      'tensor w: shape must be a list of non-negative integers',
    );
    expect(() => parseSafetensors(withHeader({ w: { dtype: 'F16', shape: [2], data_offsets: [0] } }, 4))).toThrow(
      'tensor w: data_offsets must be two non-negative integers',
    );
    expect(() => parseSafetensors(withHeader({ w: { dtype: 'F16', shape: [2], data_offsets: [0, 2] } }, 4))).toThrow(
      'tensor w: data_offsets [0, 2] hold 2 bytes, shape [2] needs 4',
    );
    expect(() => parseSafetensors(withHeader({ __metadata__: { a: 1 } }))).toThrow(
      'weights file __metadata__.a must be a string',
    );
    expect(() => parseSafetensors([1, 2] as unknown as Uint8Array)).toThrow(TypeError);
  });

  it('refuses to encode a tensor whose data does not fill its shape', () => {
    expect(() => encodeSafetensorsF16([{ name: 'w', shape: [2, 2], data: [1] }])).toThrow(
      'tensor w: shape [2, 2] needs 4 values, got 1',
    );
  });
});
