import { ModelConfigError, countParams, modelSummary, parseModelConfigText } from '@/lib/models';
import type { ModelSpec, ParamCounts } from '@/lib/models/types';
import { groupDigits } from '@/lib/units';

/** Longest config.json text accepted: 1,000,000 characters (real ones are 1–5 kB; a multimodal wrapper stays far below). */
export const CONFIG_MAX_CHARS = 1_000_000;

/**
 * Largest config.json file accepted for upload, in bytes: 1,000,000 (1 MB). A UTF-8 file
 * has at least as many bytes as characters, so a file under this cap never exceeds
 * {@link CONFIG_MAX_CHARS}; checking `File.size` first means an oversized file is
 * refused before it is read into the page (a 4 MB file used to freeze it for seconds).
 */
export const CONFIG_MAX_FILE_BYTES = CONFIG_MAX_CHARS;

/**
 * Checks an uploaded file's size before it is read: null when it may be read, else the
 * message to show next to the upload field.
 *
 * @example checkConfigFileSize('config.json', 4_000_000) // 'config.json is 4,000,000 bytes; a config.json is a few thousand (at most 1,000,000 bytes, 1 MB, accepted). Nothing was read.'
 * @example checkConfigFileSize('config.json', 1_422) // null
 */
export function checkConfigFileSize(fileName: string, sizeBytes: number): string | null {
  if (sizeBytes <= CONFIG_MAX_FILE_BYTES) return null;
  return `${fileName} is ${groupDigits(sizeBytes)} bytes; a config.json is a few thousand (at most ${groupDigits(CONFIG_MAX_FILE_BYTES)} bytes, 1 MB, accepted). Nothing was read.`;
}

/** A pasted or uploaded config.json, read: the model, or a message naming the key at fault. */
export type ConfigReading =
  | { ok: true; spec: ModelSpec; summary: string; params: ParamCounts; name: string }
  | { ok: false; field: string; message: string };

/**
 * Reads a config.json the reader pasted or uploaded, never throwing: empty text and
 * text over {@link CONFIG_MAX_CHARS} get their own messages, anything else goes to
 * lib/models `parseModelConfigText`, whose `ModelConfigError` names the key at fault
 * ("num_hidden_layers is required: …"; "config" for the whole text, e.g. invalid JSON).
 *
 * @example readConfigText('{"model_type": "llama"}') // { ok: false, field: 'hidden_size', message: 'hidden_size is required: …' }
 * @example readConfigText(JSON.stringify(getModel('llama-3.1-8b').config)).ok // true
 */
export function readConfigText(text: string): ConfigReading {
  if (text.trim() === '') {
    return { ok: false, field: 'config', message: "Paste a model's config.json here, or upload the file." };
  }
  if (text.length > CONFIG_MAX_CHARS) {
    return {
      ok: false,
      field: 'config',
      message: `config.json is ${groupDigits(text.length)} characters; a real one is a few thousand (at most ${groupDigits(CONFIG_MAX_CHARS)} accepted).`,
    };
  }
  try {
    const spec = parseModelConfigText(text);
    return {
      ok: true,
      spec,
      summary: modelSummary(spec),
      params: countParams(spec),
      name: `Your config.json (${spec.modelType})`,
    };
  } catch (error) {
    if (error instanceof ModelConfigError) return { ok: false, field: error.field, message: error.message };
    return {
      ok: false,
      field: 'config',
      message: `config.json could not be read: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/**
 * The parameter line under a pasted config: total (the text model), active per token
 * when it differs (MoE), and, for multimodal checkpoints, the vision tower and projector
 * that `countParams` reports beside the text model (lib/models `ParamCounts.vision`).
 *
 * @example configParamsLine({ total: 27_009_346_304, active: 27_009_346_304, vision: { tower: 416_866_032, projector: 6_194_304 } } as ParamCounts)
 *   // '27,009,346,304 parameters. The checkpoint also holds a vision tower of 416,866,032 and a projector of 6,194,304 parameters, which this calculator does not size.'
 */
export function configParamsLine(params: Pick<ParamCounts, 'total' | 'active' | 'vision'>): string {
  const active = params.active !== params.total ? `, ${groupDigits(params.active)} active per token` : '';
  const vision = params.vision
    ? ` The checkpoint also holds a vision tower of ${groupDigits(params.vision.tower)} and a projector of ${groupDigits(params.vision.projector)} parameters, which this calculator does not size.`
    : '';
  return `${groupDigits(params.total)} parameters${active}.${vision}`;
}
