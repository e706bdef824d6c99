import { describe, expect, it } from 'vitest';
import { getModel } from '@/lib/models';
import {
  checkConfigFileSize,
  configParamsLine,
  CONFIG_MAX_CHARS,
  CONFIG_MAX_FILE_BYTES,
  readConfigText,
} from './config';

const llama8b = getModel('llama-3.1-8b').config;

describe('readConfigText(text)', () => {
  it('reads a real config.json (Llama-3.1-8B, as in the catalog): 8,030,261,248 params (docs/provenance.md §7)', () => {
    const r = readConfigText(JSON.stringify(llama8b, null, 2));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.params.total).toBe(8_030_261_248);
    expect(r.summary).toBe('32 layers, 32 heads, 8 KV heads (GQA), head_dim 128');
    expect(r.name).toBe('Your config.json (llama)');
  });
  it('reads a trimmed config with only the keys that shape the model', () => {
    const {
      model_type,
      hidden_size,
      num_hidden_layers,
      num_attention_heads,
      num_key_value_heads,
      intermediate_size,
      vocab_size,
      max_position_embeddings,
    } = llama8b as Record<string, unknown>;
    const r = readConfigText(
      JSON.stringify({
        model_type,
        hidden_size,
        num_hidden_layers,
        num_attention_heads,
        num_key_value_heads,
        intermediate_size,
        vocab_size,
        max_position_embeddings,
      }),
    );
    expect(r.ok && r.params.total).toBe(8_030_261_248);
  });
  it('names the missing key (num_hidden_layers)', () => {
    const { num_hidden_layers: _drop, ...rest } = llama8b as Record<string, unknown>;
    void _drop;
    const r = readConfigText(JSON.stringify(rest));
    expect(r).toMatchObject({ ok: false, field: 'num_hidden_layers' });
    expect(!r.ok && r.message).toMatch(/^num_hidden_layers is required/);
  });
  it('says invalid JSON is invalid JSON, on the whole config', () => {
    const r = readConfigText('{"model_type": "llama",');
    expect(r).toMatchObject({ ok: false, field: 'config' });
    expect(!r.ok && r.message).toMatch(/^config\.json is not valid JSON/);
  });
  it('asks for a config when the text is empty, and refuses absurdly long text', () => {
    expect(readConfigText('  \n')).toMatchObject({
      ok: false,
      field: 'config',
      message: expect.stringMatching(/^Paste a model's config\.json/),
    });
    expect(readConfigText(' '.repeat(CONFIG_MAX_CHARS) + '{}')).toMatchObject({
      ok: false,
      field: 'config',
      message: expect.stringMatching(/characters/),
    });
  });
  it('never throws, whatever the text', () => {
    for (const text of [
      'null',
      '[]',
      '42',
      '"x"',
      '{"model_type": 3}',
      '{"model_type":"llama","hidden_size":-1}',
      '\u0000',
    ]) {
      const r = readConfigText(text);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.message.length).toBeGreaterThan(0);
    }
  });
});

describe('checkConfigFileSize(name, bytes)', () => {
  it('refuses a file over 1 MB before it is read, naming its size and the cap', () => {
    // The probe's 4 MB upload was read into the textarea (2.3 s freeze) and only then rejected.
    expect(checkConfigFileSize('big.json', 4_000_000)).toBe(
      'big.json is 4,000,000 bytes; a config.json is a few thousand (at most 1,000,000 bytes, 1 MB, accepted). Nothing was read.',
    );
    expect(checkConfigFileSize('big.json', CONFIG_MAX_FILE_BYTES + 1)).not.toBeNull();
  });

  it('accepts real configs (Llama-3.1-8B config.json is 1–2 kB) up to the cap, which never lets text past CONFIG_MAX_CHARS', () => {
    expect(checkConfigFileSize('config.json', JSON.stringify(getModel('llama-3.1-8b').config).length)).toBeNull();
    expect(checkConfigFileSize('config.json', CONFIG_MAX_FILE_BYTES)).toBeNull();
    // UTF-8 uses at least one byte per character.
    expect(CONFIG_MAX_FILE_BYTES).toBeLessThanOrEqual(CONFIG_MAX_CHARS);
  });
});

describe('configParamsLine(params)', () => {
  it('names the vision tower and projector of a multimodal checkpoint beside the text model (Gemma-3-27B-it: hub total 27,432,406,640 = 27,009,346,304 + 416,866,032 + 6,194,304)', () => {
    const line = configParamsLine({
      total: 27_009_346_304,
      active: 27_009_346_304,
      vision: { tower: 416_866_032, projector: 6_194_304 },
    });
    expect(line).toBe(
      '27,009,346,304 parameters. The checkpoint also holds a vision tower of 416,866,032 and a projector of 6,194,304 parameters, which this calculator does not size.',
    );
    expect(27_009_346_304 + 416_866_032 + 6_194_304).toBe(27_432_406_640);
  });
  it('gives active parameters for MoE and nothing more for a text-only dense model', () => {
    expect(configParamsLine({ total: 30_532_122_624, active: 3_353_032_704 })).toBe(
      '30,532,122,624 parameters, 3,353,032,704 active per token.',
    );
    expect(configParamsLine({ total: 14_659_507_200, active: 14_659_507_200 })).toBe('14,659,507,200 parameters.');
  });
});
