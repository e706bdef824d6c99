import createMDX from '@next/mdx';
import { ensureLessonRoutes } from './scripts/lesson-routes.mjs';

ensureLessonRoutes();

/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'export',
  trailingSlash: false,
  pageExtensions: ['ts', 'tsx', 'md', 'mdx'],
  images: { unoptimized: true },
  poweredByHeader: false,
  reactStrictMode: true,
};

// Turbopack wants remark/rehype plugins named as strings with JSON options.
const withMDX = createMDX({
  options: {
    remarkPlugins: [['remark-math', {}]],
    rehypePlugins: [['rehype-katex', { strict: true, throwOnError: true, output: 'htmlAndMathml' }]],
  },
});

export default withMDX(nextConfig);
