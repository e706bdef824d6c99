import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';

const SOURCE = fs.readFileSync(path.join(process.cwd(), 'components', 'theme', 'theme-script.js'), 'utf8');

/** A minimal browser for components/theme/theme-script.js: <html> attributes and classes, one <select>, localStorage, events. */
function browser({
  stored,
  storageThrows = false,
  readyState = 'loading',
}: {
  stored?: string;
  storageThrows?: boolean;
  readyState?: string;
}) {
  const attrs = new Map<string, string>();
  const classes = new Set<string>();
  const store = new Map<string, string>(stored === undefined ? [] : [['quant70b-theme', stored]]);
  const listeners: Record<string, Array<(e: unknown) => void>> = {};
  const selectListeners: Array<() => void> = [];
  const select = { value: 'system', addEventListener: (_: string, f: () => void) => selectListeners.push(f) };
  const guard = () => {
    if (storageThrows) throw new DOMException('denied', 'SecurityError');
  };
  const window = {
    localStorage: {
      getItem: (k: string) => (guard(), store.get(k) ?? null),
      setItem: (k: string, v: string) => (guard(), store.set(k, v)),
      removeItem: (k: string) => (guard(), store.delete(k)),
    },
    addEventListener: (type: string, f: (e: unknown) => void) => (listeners[type] ??= []).push(f),
  };
  const document = {
    readyState,
    documentElement: {
      setAttribute: (k: string, v: string) => attrs.set(k, v),
      removeAttribute: (k: string) => attrs.delete(k),
      classList: { add: (c: string) => classes.add(c) },
    },
    getElementById: (id: string) => (id === 'theme-select' ? select : null),
    addEventListener: (type: string, f: (e: unknown) => void) => (listeners[type] ??= []).push(f),
  };
  vm.runInNewContext(SOURCE, { window, document });
  const fire = (type: string, e: unknown = {}) => (listeners[type] ?? []).forEach((f) => f(e));
  return {
    theme: () => attrs.get('data-theme'),
    classes,
    store,
    select,
    fire,
    choose: (v: string) => {
      select.value = v;
      selectListeners.forEach((f) => f());
    },
  };
}

describe('components/theme/theme-script.js (the theme switch, run before first paint)', () => {
  it('applies a stored light or dark choice at once, before the DOM is parsed, and marks <html> for the CSS', () => {
    const b = browser({ stored: 'dark' });
    expect(b.theme()).toBe('dark');
    expect(b.classes.has('theme-js')).toBe(true);
    expect(browser({ stored: 'light' }).theme()).toBe('light');
  });

  it('follows the system (no attribute) when nothing, or something unknown, is stored', () => {
    expect(browser({}).theme()).toBeUndefined();
    expect(browser({ stored: '<script>' }).theme()).toBeUndefined();
  });

  it('shows the stored choice in the select once the DOM is ready, and saves a new one', () => {
    const b = browser({ stored: 'light' });
    expect(b.select.value).toBe('system');
    b.fire('DOMContentLoaded');
    expect(b.select.value).toBe('light');
    b.choose('dark');
    expect(b.theme()).toBe('dark');
    expect(b.store.get('quant70b-theme')).toBe('dark');
    b.choose('system');
    expect(b.theme()).toBeUndefined();
    expect(b.store.has('quant70b-theme')).toBe(false);
  });

  it('wires the select at once when the script runs after parsing', () => {
    const b = browser({ stored: 'dark', readyState: 'complete' });
    expect(b.select.value).toBe('dark');
  });

  it('follows a choice made in another tab', () => {
    const b = browser({});
    b.fire('DOMContentLoaded');
    b.store.set('quant70b-theme', 'dark');
    b.fire('storage', { key: 'quant70b-theme' });
    expect(b.theme()).toBe('dark');
    expect(b.select.value).toBe('dark');
    b.fire('storage', { key: 'other-key' });
    expect(b.theme()).toBe('dark');
  });

  it('never throws when storage is blocked: the system theme, and a choice that applies without being saved', () => {
    const b = browser({ storageThrows: true });
    expect(b.theme()).toBeUndefined();
    b.fire('DOMContentLoaded');
    b.choose('dark');
    expect(b.theme()).toBe('dark');
  });
});
