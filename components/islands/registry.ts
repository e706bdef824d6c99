import type { ComponentType } from 'react';
import { MemoryCalculator } from '../memory/MemoryCalculator';
import { SpeedCalculator } from '../speed/SpeedCalculator';
import { RoundingDemo } from '../rounding/RoundingDemo';
import { GroupSizeExplorer } from '../methods/GroupSizeExplorer';
import { MethodLab } from '../methods/MethodLab';
import { AccuracyLab } from '../accuracy/AccuracyLab';
import { DeploymentPlanner } from '../deploy/DeploymentPlanner';
import { DecisionChecklist } from '../decision/DecisionChecklist';
import { QuizClient } from '../quiz/QuizClient';
import { DeckController } from '../present/DeckController';
import { InterviewApp } from '../interview/InterviewApp';
import { PracticeApp } from '../practice/PracticeApp';
import { VllmLogCheck } from '../memory/VllmLogCheck';
import { SiteSearch } from '../search/SiteSearch';
import { OfflineStatus } from '../offline/OfflineStatus';

/** One interactive widget the browser hydrates: everything the server, the build and the browser need to know. */
export interface IslandSpec {
  /** The client component: rendered into the page's HTML by Next, hydrated over it in the browser. */
  // The props of each widget are typed by `island(name)` from this component; here any props go.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  Component: ComponentType<any>;
  /**
   * Where the browser bundle imports `Component` from: a module path from the repository root, without extension,
   * and its export name. scripts/islands.mjs makes one chunk per island from these; islands.test.ts checks that
   * the module really exports `Component` under `exportName`.
   */
  module: string;
  exportName: string;
  /** What the page says beside the widget when JavaScript is off (in a <noscript>). */
  needsJs: string;
}

const OFF = 'which is off or blocked in this browser';

/**
 * Every island, registered once. Pages use the wrappers `island(name)` makes (components/islands/widgets.tsx);
 * the island bundle (scripts/islands.mjs) imports this module to make one lazily loaded chunk per widget.
 * To add a widget: write a client component, add an entry here, and export `island('its-name')` from widgets.tsx.
 */
export const ISLANDS = {
  'memory-calculator': {
    Component: MemoryCalculator,
    module: 'components/memory/MemoryCalculator',
    exportName: 'MemoryCalculator',
    needsJs: `This calculator needs JavaScript, ${OFF}: the figures below are for its default set-up and the fields do not respond.`,
  },
  'speed-calculator': {
    Component: SpeedCalculator,
    module: 'components/speed/SpeedCalculator',
    exportName: 'SpeedCalculator',
    needsJs: `This calculator needs JavaScript, ${OFF}: the figures below are for its default set-up and the fields do not respond.`,
  },
  'rounding-demo': {
    Component: RoundingDemo,
    module: 'components/rounding/RoundingDemo',
    exportName: 'RoundingDemo',
    needsJs: `This demo needs JavaScript, ${OFF}: the results below are for its default set-up and the fields do not respond.`,
  },
  'group-size-explorer': {
    Component: GroupSizeExplorer,
    module: 'components/methods/GroupSizeExplorer',
    exportName: 'GroupSizeExplorer',
    needsJs: `This explorer needs JavaScript, ${OFF}: what is shown is its default set-up and the controls do not respond.`,
  },
  'method-lab': {
    Component: MethodLab,
    module: 'components/methods/MethodLab',
    exportName: 'MethodLab',
    needsJs: `This lab needs JavaScript, ${OFF}: it quantizes a layer in your browser, so no results are shown and the controls do not respond.`,
  },
  'accuracy-lab': {
    Component: AccuracyLab,
    module: 'components/accuracy/AccuracyLab',
    exportName: 'AccuracyLab',
    needsJs: `This lab needs JavaScript, ${OFF}: it runs a small model in your browser, so only the precomputed numbers below are shown and the controls do not respond.`,
  },
  'deployment-planner': {
    Component: DeploymentPlanner,
    module: 'components/deploy/DeploymentPlanner',
    exportName: 'DeploymentPlanner',
    needsJs: `This planner needs JavaScript, ${OFF}: the figures below are for its default set-up and the fields do not respond.`,
  },
  'decision-checklist': {
    Component: DecisionChecklist,
    module: 'components/decision/DecisionChecklist',
    exportName: 'DecisionChecklist',
    needsJs: `This checklist needs JavaScript, ${OFF}: the verdict below is for its default answers and the fields do not respond.`,
  },
  quiz: {
    Component: QuizClient,
    module: 'components/quiz/QuizClient',
    exportName: 'QuizClient',
    needsJs: `Checking answers needs JavaScript, ${OFF}. The questions are here to read, but the buttons do not respond.`,
  },
  'deck-controller': {
    Component: DeckController,
    module: 'components/present/DeckController',
    exportName: 'DeckController',
    needsJs: `The slide controls need JavaScript, ${OFF}. Turn it on for this site to present; the lesson pages work without it.`,
  },
  interview: {
    Component: InterviewApp,
    module: 'components/interview/InterviewApp',
    exportName: 'InterviewApp',
    needsJs: `The mock interview needs JavaScript, ${OFF}. Turn it on for this site to run the interview; the lessons work without it.`,
  },
  'practice-app': {
    Component: PracticeApp,
    module: 'components/practice/PracticeApp',
    exportName: 'PracticeApp',
    needsJs: `Practice needs JavaScript, ${OFF}, so the question bank cannot load. Turn it on for this site; the lessons work without it.`,
  },
  'vllm-log-check': {
    Component: VllmLogCheck,
    module: 'components/memory/VllmLogCheck',
    exportName: 'VllmLogCheck',
    needsJs: `Checking a log needs JavaScript, ${OFF}: the field and the Compare button do not respond.`,
  },
  'site-search': {
    Component: SiteSearch,
    module: 'components/search/SiteSearch',
    exportName: 'SiteSearch',
    needsJs: `Search needs JavaScript, ${OFF}. The lessons, the glossary and the sources list are linked from the menu.`,
  },
  'offline-status': {
    Component: OfflineStatus,
    module: 'components/offline/OfflineStatus',
    exportName: 'OfflineStatus',
    needsJs: `Keeping this deck for offline use needs JavaScript, ${OFF}.`,
  },
} as const satisfies Record<string, IslandSpec>;

export type IslandName = keyof typeof ISLANDS;
