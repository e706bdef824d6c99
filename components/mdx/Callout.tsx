import type { ReactNode } from 'react';

/** A boxed aside. `kind="claim"` quotes the post being checked. */
export function Callout({
  kind = 'note',
  title,
  children,
}: {
  kind?: 'note' | 'claim' | 'truth';
  title?: string;
  children: ReactNode;
}) {
  const label = title ?? (kind === 'claim' ? 'The claim' : kind === 'truth' ? 'What is true' : 'Note');
  return (
    <aside className={`callout callout-${kind}`} aria-label={label}>
      <span className="callout-label">{label}</span>
      {children}
    </aside>
  );
}
