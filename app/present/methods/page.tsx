import * as lesson from '@/content/lessons/methods.mdx';
import { presentRoute } from '../presentRoute';

const { metadata, PresentPage } = presentRoute('methods', lesson);
export { metadata };
export default PresentPage;
