import * as lesson from '@/content/lessons/precision.mdx';
import { presentRoute } from '../presentRoute';

const { metadata, PresentPage } = presentRoute('precision', lesson);
export { metadata };
export default PresentPage;
