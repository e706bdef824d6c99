/*
 * Light/dark theme switch (issue 15 item 22). Inlined into <head> on every page by app/layout.tsx, so it runs before
 * the body is painted: it applies the visitor's stored choice at once (no flash of the other theme) and marks
 * <html> so the CSS shows the switch, which stays hidden without JavaScript. It cannot be an island: islands hydrate
 * after first paint and only on pages with widgets. The CSP allows this exact text by its SHA-256 (serve.json):
 * change a character and update the hash there (scripts/serve-config.test.ts prints the mismatch).
 *
 * Three states: "system" (no data-theme attribute: the CSS follows prefers-color-scheme), "light" and "dark"
 * (data-theme on <html>). The choice is kept in localStorage under "quant70b-theme"; other tabs follow it.
 * Storage that throws (disabled, private mode) falls back to "system" and never breaks the page.
 */
(function () {
  var KEY = 'quant70b-theme';
  var root = document.documentElement;

  function read() {
    try {
      var v = window.localStorage.getItem(KEY);
      return v === 'light' || v === 'dark' ? v : 'system';
    } catch {
      return 'system';
    }
  }

  function write(v) {
    try {
      if (v === 'system') window.localStorage.removeItem(KEY);
      else window.localStorage.setItem(KEY, v);
    } catch {
      /* Not saved: the choice still applies to this page. */
    }
  }

  function apply(v) {
    if (v === 'light' || v === 'dark') root.setAttribute('data-theme', v);
    else root.removeAttribute('data-theme');
  }

  function select() {
    return document.getElementById('theme-select');
  }

  apply(read());
  root.classList.add('theme-js');

  function wire() {
    var s = select();
    if (!s) return;
    s.value = read();
    s.addEventListener('change', function () {
      var v = s.value === 'light' || s.value === 'dark' ? s.value : 'system';
      write(v);
      apply(v);
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', wire);
  else wire();

  window.addEventListener('storage', function (e) {
    if (e.key !== KEY && e.key !== null) return;
    var v = read();
    apply(v);
    var s = select();
    if (s) s.value = v;
  });
})();
