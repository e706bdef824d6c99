import type { Metadata } from 'next';
import Link from 'next/link';
import { verdictLabel } from '@/content/claims';
import { quotedClaims } from '@/content/thePost';

export const metadata: Metadata = {
  title: 'The post: what it claims, and the verdicts',
  description:
    'The widely shared "4-bit or 8-bit?" interview answer that every lesson on this site checks: each claim quoted briefly, with a link to its verdict.',
};

export default function ThePostPage() {
  const claims = quotedClaims();
  return (
    <div className="prose">
      <h1>The post: what it claims, and the verdicts</h1>
      <p className="lede">
        Every lesson on this site argues with one widely shared interview-prep post (&ldquo;You&apos;re in a GenAI
        Engineer interview… should we use 4-bit or 8-bit quantization?&rdquo;), which answers with five factors. Below,
        each claim that the <Link href="/lessons/fact-check">fact-check lesson</Link> examines, quoted as the post words
        it and in the post&apos;s order, with its verdict.
      </p>
      <p className="muted">
        We quote only the lines we check; the post itself is not reproduced here. It circulated widely as advice for a
        GenAI engineer interview.
      </p>
      <ol className="the-post">
        {claims.map(({ quote, claim }) => (
          <li key={claim.id}>
            <blockquote>
              <p>{quote}</p>
            </blockquote>
            <p>
              <Link className="post-verdict" href={`/lessons/fact-check#${claim.id}`}>
                <span className="sr-only">Fact-check of “{claim.claim}”: </span>
                {verdictLabel(claim.verdict)}
              </Link>{' '}
              <span className="muted">— {claim.claim}</span>
            </p>
          </li>
        ))}
      </ol>
      <p>
        Read the verdicts with their sources in the <Link href="/lessons/fact-check">fact-check lesson</Link>, or the
        site&apos;s own answer on the <Link href="/">home page</Link>.
      </p>
    </div>
  );
}
