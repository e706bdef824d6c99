import * as lesson from '@/content/lessons/deployment.mdx';
import { lessonRoute } from '../lessonRoute';

const { metadata, LessonPage } = lessonRoute('deployment', lesson);
export { metadata };
export default LessonPage;
