import type { Metadata } from 'next';
import { SOURCES } from '@/lib/sources';

export const metadata: Metadata = {
  title: 'Sources',
  description:
    'Every paper, datasheet, repository file and model config this site cites, and what was taken from each.',
};

const KIND_LABEL: Record<string, string> = {
  paper: 'Papers',
  datasheet: 'Datasheets and vendor pages',
  repo: 'Repository files',
  config: 'Model configs',
  'model-card': 'Model cards',
  blog: 'Blog posts',
  issue: 'Issue threads (driver-reported memory and similar)',
  measurement: 'Our own measurements',
};

export default function SourcesPage() {
  const kinds = Object.keys(KIND_LABEL).filter((k) => SOURCES.some((s) => s.kind === k));
  return (
    <div className="prose">
      <h1>Sources</h1>
      <p className="lede">
        Every figure on this site is either computed by the site&apos;s library from the inputs below, or quoted from
        one of them. Each entry says what we took from it.
      </p>
      {kinds.map((kind) => (
        <section key={kind} aria-labelledby={`kind-${kind}`}>
          <h2 id={`kind-${kind}`}>{KIND_LABEL[kind]}</h2>
          <ul className="source-list">
            {SOURCES.filter((s) => s.kind === kind).map((s) => (
              <li key={s.id} id={s.id}>
                <a href={s.url} rel="noopener noreferrer">
                  {s.title}
                </a>
                {s.authors ? <> — {s.authors}</> : null}
                {s.year ? <> ({s.year})</> : null}
                <br />
                <span className="muted">Used for: {s.usedFor}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
