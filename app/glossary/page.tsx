import type { Metadata } from 'next';
import { GLOSSARY } from '@/content/glossary';
import { getSource, shortSourceLabel } from '@/lib/sources';

export const metadata: Metadata = {
  title: 'Glossary',
  description:
    'W4A16, W8A8, FP8, NF4, GPTQ, AWQ, KV cache, roofline, TTFT and the other terms the lessons use, each defined in a few lines with its source.',
};

export default function GlossaryPage() {
  const terms = [...GLOSSARY].sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }));
  return (
    <div className="prose">
      <h1>Glossary</h1>
      <p className="lede">
        The terms the lessons use, in a few lines each, with the paper, datasheet or file that defines them. A term
        linked in a lesson leads here.
      </p>
      <dl className="glossary">
        {terms.map((t) => (
          <div key={t.id} className="glossary-entry">
            <dt id={t.id}>
              <dfn>{t.term}</dfn>
              {t.expansion ? <span className="muted"> ({t.expansion})</span> : null}
            </dt>
            <dd>
              <p>{t.definition}</p>
              {t.aliases?.length ? <p className="muted">Also: {t.aliases.join(', ')}.</p> : null}
              {t.sources.length ? (
                <p className="glossary-sources">
                  Source{t.sources.length > 1 ? 's' : ''}:{' '}
                  {t.sources.map((id, i) => (
                    <span key={id}>
                      {i > 0 ? ', ' : ''}
                      <a href={`/sources#${id}`} title={getSource(id).title}>
                        {shortSourceLabel(id)}
                      </a>
                    </span>
                  ))}
                </p>
              ) : (
                <p className="glossary-sources muted">No source listed: {t.noSourceReason}</p>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
