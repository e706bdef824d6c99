import * as lesson from '@/content/lessons/fact-check.mdx';
import { presentRoute } from '../presentRoute';

const { metadata, PresentPage } = presentRoute('fact-check', lesson);
export { metadata };
export default PresentPage;
