import * as lesson from '@/content/lessons/memory.mdx';
import { presentRoute } from '../presentRoute';

const { metadata, PresentPage } = presentRoute('memory', lesson);
export { metadata };
export default PresentPage;
