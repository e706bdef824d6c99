/**
 * Tells a just-hydrated widget what a visitor typed, ticked or chose in its server HTML before
 * the island's JavaScript arrived.
 *
 * Hydration keeps the DOM (same nodes, so focus and the typed text stay on screen), but React 19.3
 * does not tell the component: `initInput` in react-dom leaves the node's value alone while
 * hydrating and records it as already seen, so state keeps the server default, no onChange fires,
 * and the next render puts the default back. React has the fix behind a flag that stable builds
 * leave off (`enableHydrationChangeEvent`, facebook/react#33129). Until it ships, this module does
 * what that flag does: after the hydration commits, every control whose value differs from the
 * server's default gets one change event, dispatched so that React's onChange sees it.
 */

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** A control the visitor changed before hydration, and what it held then. */
export interface EarlyEdit {
  control: Control;
  value?: string;
  checked?: boolean;
}

function isToggle(c: Control): c is HTMLInputElement {
  return c instanceof HTMLInputElement && (c.type === 'checkbox' || c.type === 'radio');
}

/**
 * The controls in `root` whose state differs from the server HTML's defaults (value vs defaultValue,
 * checked vs defaultChecked, the selected option vs the one marked `selected`). Call it when the
 * hydration commits, before any re-render can put the defaults back.
 */
export function captureEdits(root: HTMLElement): EarlyEdit[] {
  const edits: EarlyEdit[] = [];
  for (const control of root.querySelectorAll<Control>('input, select, textarea')) {
    if (isToggle(control)) {
      if (control.checked !== control.defaultChecked) edits.push({ control, checked: control.checked });
    } else if (control instanceof HTMLSelectElement) {
      const initial = Math.max(
        0,
        [...control.options].findIndex((o) => o.defaultSelected),
      );
      if (control.selectedIndex !== initial) edits.push({ control, value: control.value });
    } else if (control.value !== control.defaultValue) {
      edits.push({ control, value: control.value });
    }
  }
  return edits;
}

/** The browser's own setter of `prop`, which React's value tracker does not see. */
function nativeSetter(c: Control, prop: 'value'): (this: Control, v: unknown) => void {
  const proto =
    c instanceof HTMLSelectElement
      ? HTMLSelectElement.prototype
      : c instanceof HTMLTextAreaElement
        ? HTMLTextAreaElement.prototype
        : HTMLInputElement.prototype;
  const set = Object.getOwnPropertyDescriptor(proto, prop)?.set;
  if (!set) throw new Error(`No native ${prop} setter on ${c.tagName}`);
  return set as (this: Control, v: unknown) => void;
}

/**
 * Replays `edits` as the visitor's own input: React fires onChange only when a node's value differs from
 * the one it last recorded, so each control is first set to its default through the node (React records
 * that), then to the visitor's value through the browser's setter (React does not), then sent the event.
 */
export function replayEdits(edits: readonly EarlyEdit[]): void {
  for (const { control: c, value, checked } of edits) {
    if (!c.isConnected) continue;
    if (checked !== undefined && isToggle(c)) {
      c.checked = !checked;
      c.click(); // toggles to `checked` and fires click/input/change, as the visitor's click did
    } else if (value !== undefined) {
      if (!(c instanceof HTMLSelectElement)) c.value = c.defaultValue;
      nativeSetter(c, 'value').call(c, value);
      c.dispatchEvent(new Event('input', { bubbles: true }));
      c.dispatchEvent(new Event('change', { bubbles: true }));
    }
  }
}
