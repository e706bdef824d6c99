import * as lesson from '@/content/lessons/decision.mdx';
import { presentRoute } from '../presentRoute';

const { metadata, PresentPage } = presentRoute('decision', lesson);
export { metadata };
export default PresentPage;
