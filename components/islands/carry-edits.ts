/**
 * Carries what a visitor typed or ticked into a widget's server HTML across the
 * moment the island renders over it (the render replaces the server's nodes, so an
 * early edit and focus would otherwise be lost on a slow connection).
 *
 * Controls are matched by their position among the island's inputs, selects and
 * textareas, and only when the rendered widget has the same controls in the same
 * order (tag and type) as the server HTML did; otherwise nothing is replayed, so
 * an edit can never land in the wrong field.
 */

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

interface Edit {
  index: number;
  checked?: boolean;
  value?: string;
}

export interface EarlyEdits {
  signature: string;
  edits: Edit[];
  focusIndex: number;
}

function controlsOf(root: HTMLElement): Control[] {
  return [...root.querySelectorAll<Control>('input, select, textarea')];
}

function signatureOf(controls: Control[]): string {
  return controls.map((c) => `${c.tagName}:${c instanceof HTMLInputElement ? c.type : ''}`).join('|');
}

function isToggle(c: Control): c is HTMLInputElement {
  return c instanceof HTMLInputElement && (c.type === 'checkbox' || c.type === 'radio');
}

/** What differs from the server HTML's defaults in `root`, and which control has focus. */
export function captureEdits(root: HTMLElement): EarlyEdits {
  const controls = controlsOf(root);
  const edits: Edit[] = [];
  controls.forEach((c, index) => {
    if (isToggle(c)) {
      if (c.checked !== c.defaultChecked) edits.push({ index, checked: c.checked });
    } else if (c instanceof HTMLSelectElement) {
      const initial = [...c.options].findIndex((o) => o.defaultSelected);
      if (c.selectedIndex !== Math.max(0, initial)) edits.push({ index, value: c.value });
    } else if (c.value !== c.defaultValue) {
      edits.push({ index, value: c.value });
    }
  });
  const focusIndex = controls.findIndex((c) => c === document.activeElement);
  return { signature: signatureOf(controls), edits, focusIndex };
}

/** Sets a value the way typing does, so the widget's input/change handlers see it. */
function setValue(c: Control, value: string): void {
  const proto = c instanceof HTMLSelectElement ? HTMLSelectElement.prototype : c instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(c, value);
  c.dispatchEvent(new Event('input', { bubbles: true }));
  c.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Replays `early` onto the rendered widget in `root` (see the module comment for when it does nothing). */
export function replayEdits(root: HTMLElement, early: EarlyEdits): void {
  if (early.edits.length === 0 && early.focusIndex < 0) return;
  const controls = controlsOf(root);
  if (signatureOf(controls) !== early.signature) return;
  for (const edit of early.edits) {
    const c = controls[edit.index];
    if (!c) continue;
    if (edit.checked !== undefined && isToggle(c)) {
      if (c.checked !== edit.checked) c.click();
    } else if (edit.value !== undefined && c.value !== edit.value) {
      setValue(c, edit.value);
    }
  }
  if (early.focusIndex >= 0) controls[early.focusIndex]?.focus();
}
