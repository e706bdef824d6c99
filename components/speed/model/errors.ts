import type { SpeedField } from './urlState';

/**
 * The calculator field a lib/ error message is about, from the field name lib puts
 * first ("batch must be …", "gpuCount must divide …", "weights: Unknown weight format …"),
 * so the message can be shown next to that field. null when it names none of them.
 *
 * @example libErrorField('gpuCount must divide the model\'s 64 attention heads (got 3)') // 'gpus'
 * @example libErrorField('something else') // null
 */
export function libErrorField(message: string): SpeedField | null {
  const rules: ReadonlyArray<[RegExp, SpeedField]> = [
    [/^gpuCount\b/, 'gpus'],
    [/^batch(es)?\b/, 'batch'],
    [/^(contextTokens|promptTokens)\b/, 'context'],
    [/^kvBits\b/, 'kv'],
    [/^weights\b/, 'weights'],
    [/^model\b/, 'model'],
    [/^gpu\b/, 'gpu'],
  ];
  for (const [pattern, field] of rules) if (pattern.test(message)) return field;
  return null;
}
