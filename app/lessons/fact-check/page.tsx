import * as lesson from '@/content/lessons/fact-check.mdx';
import { lessonRoute } from '../lessonRoute';

const { metadata, LessonPage } = lessonRoute('fact-check', lesson);
export { metadata };
export default LessonPage;
