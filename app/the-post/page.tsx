import type { Metadata } from 'next';
import Link from 'next/link';
import { verdictLabel } from '@/content/claims';
import { annotatedPost } from '@/content/thePost';

export const metadata: Metadata = {
  title: 'The post, in full',
  description:
    'The widely shared "4-bit or 8-bit?" interview answer that every lesson on this site checks, in full, with a link from each claim to its verdict.',
};

export default function ThePostPage() {
  const lines = annotatedPost();
  return (
    <div className="prose">
      <h1>The post, in full</h1>
      <p className="lede">
        Every lesson on this site argues with one widely shared interview-prep post. It is reproduced here once, in full
        and unedited, so that you can check it — not because it is right. Each claim that the{' '}
        <Link href="/lessons/fact-check">fact-check lesson</Link> examines links to its verdict there.
      </p>
      <p className="muted">
        Where it comes from: the post circulated widely as advice for a GenAI engineer interview; this is a plain-text
        transcription of it as it circulated, line breaks kept, emphasis lost.
      </p>
      <blockquote className="the-post">
        {lines.map((line, i) =>
          line.text === '' ? null : (
            <p key={i}>
              {line.text}
              {line.claim ? (
                <>
                  {' '}
                  <Link className="post-verdict" href={`/lessons/fact-check#${line.claim.id}`}>
                    <span className="sr-only">Fact-check of “{line.claim.claim}”: </span>
                    {verdictLabel(line.claim.verdict)}
                  </Link>
                </>
              ) : null}
            </p>
          ),
        )}
      </blockquote>
      <p>
        Read the verdicts with their sources in the <Link href="/lessons/fact-check">fact-check lesson</Link>, or the
        site&apos;s own answer on the <Link href="/">home page</Link>.
      </p>
    </div>
  );
}
