/**
 * A `config.json` that cannot describe a model we can count. `field` is the
 * config key at fault (dotted for nested keys, e.g. "text_config.hidden_size";
 * "config" for the whole object), so a form can show the message beside it.
 *
 * @example
 * try { parseModelConfig({ model_type: 'llama' }); }
 * catch (e) { (e as ModelConfigError).field } // "hidden_size"
 */
export class ModelConfigError extends Error {
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.name = 'ModelConfigError';
    this.field = field;
  }
}
