import createMDX from '@next/mdx';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'export',
  trailingSlash: false,
  pageExtensions: ['ts', 'tsx', 'md', 'mdx'],
  images: { unoptimized: true },
  poweredByHeader: false,
  reactStrictMode: true,
  // Inline each page's CSS into its HTML: on a slow mobile link, three render-blocking
  // stylesheet requests cost more than the bytes (Lighthouse on /lessons/memory: FCP 2.1 s).
  experimental: { inlineCss: true },
};

// Turbopack wants remark/rehype plugins named as strings with JSON options.
const withMDX = createMDX({
  options: {
    remarkPlugins: [['remark-math', {}]],
    rehypePlugins: [
      ['rehype-katex', { strict: true, throwOnError: true, output: 'htmlAndMathml' }],
      // Display math focusable, with a role and a label (an absolute path: @next/mdx resolves plugin names from
      // each .mdx file's folder, not from the project root).
      [path.join(path.dirname(fileURLToPath(import.meta.url)), 'scripts/rehype-scroll-regions.mjs'), {}],
    ],
  },
});

export default withMDX(nextConfig);
