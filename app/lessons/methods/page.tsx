import * as lesson from '@/content/lessons/methods.mdx';
import { lessonRoute } from '../lessonRoute';

const { metadata, LessonPage } = lessonRoute('methods', lesson);
export { metadata };
export default LessonPage;
