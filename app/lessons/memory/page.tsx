import * as lesson from '@/content/lessons/memory.mdx';
import { lessonRoute } from '../lessonRoute';

const { metadata, LessonPage } = lessonRoute('memory', lesson);
export { metadata };
export default LessonPage;
