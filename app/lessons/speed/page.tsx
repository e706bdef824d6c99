import * as lesson from '@/content/lessons/speed.mdx';
import { lessonRoute } from '../lessonRoute';

const { metadata, LessonPage } = lessonRoute('speed', lesson);
export { metadata };
export default LessonPage;
