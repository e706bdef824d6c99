import type { MDXComponents } from 'mdx/types';
import { lessonComponents } from '@/components/mdx/registry';

/** The one component map for MDX: lessons use these widgets without imports. */
export function useMDXComponents(components: MDXComponents): MDXComponents {
  return { ...lessonComponents, ...components };
}
