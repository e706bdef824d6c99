// rehype plugin, run after rehype-katex on every lesson (next.config.mjs): makes each KaTeX display block — the one
// kind of horizontally scrolling box that markdown produces — reachable by keyboard and named for screen readers:
// tabIndex 0 (WCAG 2.1.1; axe rule scrollable-region-focusable), role "group" and the label "Equation". The visible
// focus ring and the CSS-only scroll cue come from app/globals.css (.katex-display). Tables in lessons are JSX and
// carry these attributes where they are written (`<div className="table-wrap" tabIndex={0} role="region" …>`).

/** The class KaTeX gives a display-mode formula's outer element (katex/src/buildTree.js, `katex-display`). */
export const KATEX_DISPLAY_CLASS = 'katex-display';

/** The accessible name each display formula gets; its MathML (read by screen readers) follows inside. */
export const EQUATION_LABEL = 'Equation';

/** Whether a hast element's className list includes `name` (hast keeps classes as an array of strings). */
function hasClass(node, name) {
  const cls = node.properties?.className;
  return Array.isArray(cls) ? cls.includes(name) : typeof cls === 'string' && cls.split(/\s+/).includes(name);
}

/**
 * Marks every KaTeX display element of a hast tree focusable, with a role and a label; returns how many it marked.
 * Attributes already set are kept. Pure apart from mutating `tree`, as rehype plugins do.
 */
export function markScrollRegions(tree) {
  let marked = 0;
  const walk = (node) => {
    if (node.type === 'element' && hasClass(node, KATEX_DISPLAY_CLASS)) {
      node.properties = {
        tabIndex: 0,
        role: 'group',
        ariaLabel: EQUATION_LABEL,
        ...node.properties,
      };
      marked += 1;
      return; // nothing scrollable nests inside a formula
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(tree);
  return marked;
}

/** The plugin: `rehypePlugins: [..., 'rehype-katex', '<abs path>/scripts/rehype-scroll-regions.mjs']`. */
export default function rehypeScrollRegions() {
  return (tree) => {
    markScrollRegions(tree);
  };
}
