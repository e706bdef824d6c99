import * as lesson from '@/content/lessons/precision.mdx';
import { lessonRoute } from '../lessonRoute';

const { metadata, LessonPage } = lessonRoute('precision', lesson);
export { metadata };
export default LessonPage;
