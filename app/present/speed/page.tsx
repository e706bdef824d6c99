import * as lesson from '@/content/lessons/speed.mdx';
import { presentRoute } from '../presentRoute';

const { metadata, PresentPage } = presentRoute('speed', lesson);
export { metadata };
export default PresentPage;
