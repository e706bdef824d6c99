'use client';

import { useId, type ReactNode } from 'react';

/** A labelled native `<select>` with an optional hint and the message of a bad value next to it. */
export function SelectField({
  label,
  value,
  onChange,
  onFocus,
  error,
  hint,
  className = 'field',
  children,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Called when the select gets focus (a pointer press focuses it too): for options worth computing only on use. */
  onFocus?: () => void;
  error?: string;
  hint?: ReactNode;
  /** Class of the wrapper; `field` by default. */
  className?: string;
  children: ReactNode;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-err` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onFocus={onFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      >
        {children}
      </select>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-err`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
