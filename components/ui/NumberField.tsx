'use client';

import { useId } from 'react';
import { parseNumberInput, type NumberRule } from './model';

/**
 * A labelled text field for a number. Keeps the raw text (so a half-typed
 * value is not clobbered) and shows lib's validation message next to it.
 * The parent owns `text`; `parseNumberInput` tells it whether the value is usable.
 */
export function NumberField({
  label,
  text,
  onText,
  rule,
  hint,
  inputMode = 'numeric',
}: {
  label: string;
  text: string;
  onText: (text: string) => void;
  rule: Omit<NumberRule, 'label'>;
  hint?: string;
  inputMode?: 'numeric' | 'decimal';
}) {
  const id = useId();
  const parsed = parseNumberInput(text, { ...rule, label });
  const describedBy =
    [hint ? `${id}-hint` : null, parsed.ok ? null : `${id}-err`].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode={inputMode}
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(e) => onText(e.target.value)}
        aria-invalid={!parsed.ok}
        aria-describedby={describedBy}
      />
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {parsed.ok ? null : (
        <p className="field-error" id={`${id}-err`} role="alert">
          {parsed.error}
        </p>
      )}
    </div>
  );
}

/** Reads a NumberField's value, or null when the text is not valid. */
export function numberOrNull(text: string, rule: NumberRule): number | null {
  const parsed = parseNumberInput(text, rule);
  return parsed.ok ? parsed.value : null;
}
