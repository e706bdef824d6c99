import * as lesson from '@/content/lessons/deployment.mdx';
import { presentRoute } from '../presentRoute';

const { metadata, PresentPage } = presentRoute('deployment', lesson);
export { metadata };
export default PresentPage;
