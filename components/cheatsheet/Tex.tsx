import katex from 'katex';
import { focusableDisplayMath } from '@/components/ui/model/scrollRegion';

/**
 * KaTeX typeset at build time (server component, no client JS), with the same
 * options the lessons' rehype-katex uses: strict, throw on error, HTML + MathML
 * (the MathML is what screen readers read). The page must load katex.min.css.
 */
export function Tex({ tex, display = false, className }: { tex: string; display?: boolean; className?: string }) {
  const html = katex.renderToString(tex, {
    displayMode: display,
    throwOnError: true,
    strict: true,
    output: 'htmlAndMathml',
  });
  return display ? (
    <div className={className} dangerouslySetInnerHTML={{ __html: focusableDisplayMath(html) }} />
  ) : (
    <span className={className} dangerouslySetInnerHTML={{ __html: html }} />
  );
}
