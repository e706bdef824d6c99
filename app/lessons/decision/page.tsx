import * as lesson from '@/content/lessons/decision.mdx';
import { lessonRoute } from '../lessonRoute';

const { metadata, LessonPage } = lessonRoute('decision', lesson);
export { metadata };
export default LessonPage;
