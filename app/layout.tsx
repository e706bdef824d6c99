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

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
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
                <Link href="/sources">Sources</Link>
              </li>
            </ul>
          </nav>
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
