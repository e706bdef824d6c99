/**
 * The interactive widgets, each wrapped as an island (see ./island.tsx). Pages and the
 * MDX registry import widgets from here, never the client modules directly, so every
 * widget on the site is hydrated by the island bundle.
 */
import { island } from './island';
import { MemoryCalculator as MemoryCalculatorClient } from '../memory/MemoryCalculator';
import { SpeedCalculator as SpeedCalculatorClient } from '../speed/SpeedCalculator';
import { RoundingDemo as RoundingDemoClient } from '../rounding/RoundingDemo';
import { GroupSizeExplorer as GroupSizeExplorerClient } from '../methods/GroupSizeExplorer';
import { DeploymentPlanner as DeploymentPlannerClient } from '../deploy/DeploymentPlanner';
import { DecisionChecklist as DecisionChecklistClient } from '../decision/DecisionChecklist';
import { QuizClient } from '../quiz/QuizClient';
import { DeckController as DeckControllerClient } from '../present/DeckController';
import { InterviewApp } from '../interview/InterviewApp';
import { PracticeApp as PracticeAppClient } from '../practice/PracticeApp';
import { VllmLogCheck as VllmLogCheckClient } from '../memory/VllmLogCheck';

export const MemoryCalculator = island('memory-calculator', MemoryCalculatorClient);
export const SpeedCalculator = island('speed-calculator', SpeedCalculatorClient);
export const RoundingDemo = island('rounding-demo', RoundingDemoClient);
export const GroupSizeExplorer = island('group-size-explorer', GroupSizeExplorerClient);
export const DeploymentPlanner = island('deployment-planner', DeploymentPlannerClient);
export const DecisionChecklist = island('decision-checklist', DecisionChecklistClient);
export const Quiz = island('quiz', QuizClient);
export const DeckController = island('deck-controller', DeckControllerClient);
export const Interview = island('interview', InterviewApp);
export const PracticeApp = island('practice-app', PracticeAppClient);
export const VllmLogCheck = island('vllm-log-check', VllmLogCheckClient);
