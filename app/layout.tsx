import fs from 'node:fs';
import path from 'node:path';
import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import './globals.css';

export const metadata: Metadata = {
  title: { default: '4-bit or 8-bit? Deploying a 70B LLM', template: '%s · 4-bit or 8-bit?' },
  description:
    'Learn, practise and teach the trade-off between 4-bit and 8-bit quantization for a 70B LLM: precision, memory, method, speed and cost — every number computed live and cited.',
  icons: { icon: '/favicon.svg' },
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#111418' },
  ],
};

/** The theme script's text, read at build time (the layout renders on the server only). */
const THEME_SCRIPT = fs.readFileSync(path.join(process.cwd(), 'components', 'theme', 'theme-script.js'), 'utf8');

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <head>
        {/* The stored light/dark choice, applied before first paint (components/theme/theme-script.js says why).
            Inline, so no request blocks the first paint; the CSP allows exactly this text by its SHA-256. */}
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <nav aria-label="Main" className="site-nav">
            <Link href="/" className="brand">
              4-bit or 8-bit?
            </Link>
            <ul>
              <li>
                <Link href="/lessons">Lessons</Link>
              </li>
              <li>
                <Link href="/tools">Calculators</Link>
              </li>
              <li>
                <Link href="/practice">Practice</Link>
              </li>
              <li>
                <Link href="/interview">Mock interview</Link>
              </li>
              <li>
                <Link href="/cheatsheet">Cheat sheet</Link>
              </li>
              <li>
                <Link href="/glossary">Glossary</Link>
              </li>
              <li>
                <Link href="/sources">Sources</Link>
              </li>
            </ul>
          </nav>
          <div className="site-tools">
            {/* A plain GET form: it works without JavaScript, and /search loads the index only when it is used. */}
            <form role="search" aria-label="Site" action="/search" method="get" className="site-search">
              <label htmlFor="site-search-q" className="sr-only">
                Search the site
              </label>
              <input id="site-search-q" type="search" name="q" maxLength={200} placeholder="Search" />
              <button type="submit">Search</button>
            </form>
            <div className="theme-switch">
              <label htmlFor="theme-select">Theme</label>
              <select id="theme-select" defaultValue="system">
                <option value="system">System</option>
                <option value="light">Light</option>
                <option value="dark">Dark</option>
              </select>
            </div>
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>Every number on this site is computed by its open library or cited to a paper, datasheet or config.</p>
        </footer>
      </body>
    </html>
  );
}
