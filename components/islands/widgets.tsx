/**
 * The interactive widgets as islands (see ./island.tsx), under the names pages and the MDX registry use.
 * Each is registered once, in ./registry.ts; a name here that is not registered fails typecheck.
 */
import { island } from './island';

export const MemoryCalculator = island('memory-calculator');
export const SpeedCalculator = island('speed-calculator');
export const RoundingDemo = island('rounding-demo');
export const GroupSizeExplorer = island('group-size-explorer');
export const MethodLab = island('method-lab');
export const AccuracyLab = island('accuracy-lab');
export const DeploymentPlanner = island('deployment-planner');
export const DecisionChecklist = island('decision-checklist');
export const Quiz = island('quiz');
export const DeckController = island('deck-controller');
export const Interview = island('interview');
export const PracticeApp = island('practice-app');
export const VllmLogCheck = island('vllm-log-check');
export const SiteSearch = island('site-search');
export const OfflineStatus = island('offline-status');
