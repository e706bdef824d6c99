// Each lesson gets its own tiny route files, app/lessons/<slug>/page.tsx and its slides
// app/present/<slug>/page.tsx, that import its MDX statically (see app/lessons/lessonRoute.tsx
// for why). This writes any that are missing; next.config.mjs calls it, so adding
// content/lessons/<slug>.mdx is all an author does.
import fs from 'node:fs';
import path from 'node:path';

export function ensureLessonRoutes(root = process.cwd()) {
  const dir = path.join(root, 'content', 'lessons');
  const written = [];
  for (const file of fs.readdirSync(dir)) {
    if (!file.endsWith('.mdx')) continue;
    const slug = file.slice(0, -4);
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug))
      throw new Error(`content/lessons/${file}: lesson file names must be kebab-case`);
    const route = path.join(root, 'app', 'lessons', slug, 'page.tsx');
    if (!fs.existsSync(route)) {
      fs.mkdirSync(path.dirname(route), { recursive: true });
      fs.writeFileSync(
        route,
        `import * as lesson from '@/content/lessons/${slug}.mdx';
import { lessonRoute } from '../lessonRoute';

const { metadata, LessonPage } = lessonRoute('${slug}', lesson);
export { metadata };
export default LessonPage;
`,
      );
      written.push(route);
    }
    const slides = path.join(root, 'app', 'present', slug, 'page.tsx');
    if (!fs.existsSync(slides)) {
      fs.mkdirSync(path.dirname(slides), { recursive: true });
      fs.writeFileSync(
        slides,
        `import * as lesson from '@/content/lessons/${slug}.mdx';
import { presentRoute } from '../presentRoute';

const { metadata, PresentPage } = presentRoute('${slug}', lesson);
export { metadata };
export default PresentPage;
`,
      );
      written.push(slides);
    }
  }
  return written;
}
