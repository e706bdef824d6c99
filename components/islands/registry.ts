import type { ComponentType } from 'react';

/**
 * Every island the browser can mount, by name: a lazy import of the client component,
 * so a page downloads only the widgets it shows. Used by the island bundle
 * (components/islands/client.ts, built by scripts/islands.mjs), never by Next.
 * Add a line here when you wrap a new widget with `island(name, Component)`.
 */
// The props of each widget are checked where `island()` wraps it; here any props go.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loader = () => Promise<ComponentType<any>>;

export const ISLANDS = {
  'memory-calculator': () => import('../memory/MemoryCalculator').then((m) => m.MemoryCalculator),
  'speed-calculator': () => import('../speed/SpeedCalculator').then((m) => m.SpeedCalculator),
  'rounding-demo': () => import('../rounding/RoundingDemo').then((m) => m.RoundingDemo),
  'group-size-explorer': () => import('../methods/GroupSizeExplorer').then((m) => m.GroupSizeExplorer),
  'deployment-planner': () => import('../deploy/DeploymentPlanner').then((m) => m.DeploymentPlanner),
  'decision-checklist': () => import('../decision/DecisionChecklist').then((m) => m.DecisionChecklist),
  'quiz': () => import('../quiz/QuizClient').then((m) => m.QuizClient),
  'deck-controller': () => import('../present/DeckController').then((m) => m.DeckController),
  'interview': () => import('../interview/InterviewApp').then((m) => m.InterviewApp),
  'practice-app': () => import('../practice/PracticeApp').then((m) => m.PracticeApp),
  'vllm-log-check': () => import('../memory/VllmLogCheck').then((m) => m.VllmLogCheck),
} satisfies Record<string, Loader>;

export type IslandName = keyof typeof ISLANDS;
