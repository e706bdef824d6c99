import type { MDXComponents } from 'mdx/types';
import { Callout } from './Callout';
import {
  AccuracyLab,
  DecisionChecklist,
  DeploymentPlanner,
  GroupSizeExplorer,
  MemoryCalculator,
  MethodLab,
  RoundingDemo,
  VllmLogCheck,
} from '../islands/widgets';
import { Cite } from './Cite';
import { Term } from './Term';
import { Quiz } from '../quiz/Quiz';
import { WeightBytes } from './WeightBytes';
import {
  BatchCostRatio,
  DecodeRate,
  FitVerdict,
  GgufTypesThatFit,
  KvPerSequence,
  KvPoolTokens,
  MaxBatch,
  MaxBitsToFit,
  PrefillTime,
  TensorCores,
  UsableMemory,
  VllmUtilization,
} from '../deploy/DeployFigures';
import { DecisionSpoken, DecisionVerdict } from '../decision/DecisionFigures';
import { SpeedCalculatorWithSources } from '../speed/SpeedCalculatorWithSources';
import { DecodeSpeed } from '../speed/DecodeSpeed';
import { CrossoverBatch } from '../speed/CrossoverBatch';
import { SpeedupCeiling } from '../speed/SpeedupCeiling';
import { ExpertsTouched, KvIntensity, RidgePoint, WeightIntensity } from '../speed/RidgePoint';
import { GpuFigure } from '../speed/GpuFigure';
import { OvertakeBatch } from '../speed/OvertakeBatch';
import { TensorCoreTable } from '../speed/TensorCoreTable';
import { MeasuredVsModel } from '../speed/MeasuredVsModel';
import { KernelPathTable } from '../speed/KernelPathTable';
import { OperatorShare, PerGpuThroughputRatio, PrefillBound } from '../speed/OperatorFigures';
import { DecodeExampleTable } from '../speed/DecodeExampleTable';
import { CeilingTable } from '../speed/CeilingTable';
import {
  BitsPerWeight,
  GpuMemory,
  KvAttentionTable,
  KvBytesPerToken,
  KvCacheBytes,
  MemoryExampleTable,
  MemoryFit,
  MemoryMaxBatch,
  MemoryTerm,
  MemoryTotal,
  ParamCount,
  VllmTokenBudget,
  WeightFormatTable,
} from '../memory/MemoryFigures';
import { Verdict } from '../factcheck/Verdict';
import { Nf4Levels } from '../rounding/Nf4Levels';
import { ClaimSummaryTable } from '../factcheck/ClaimSummaryTable';
import { Notes, Slide } from '../present/markers';
import {
  AccuracyNoise,
  AllReducePerLayer,
  AllReduceTable,
  ItlBatchTable,
  KvBitsTable,
  MmluQuestions,
  MoeBytesTable,
} from '../topics/TopicFigures';

/** Components every lesson can use without importing them. */
export const lessonComponents = {
  Callout,
  Cite,
  Term,
  Quiz,
  WeightBytes,
  DeploymentPlanner,
  FitVerdict,
  MaxBatch,
  KvPoolTokens,
  KvPerSequence,
  VllmUtilization,
  UsableMemory,
  TensorCores,
  MaxBitsToFit,
  GgufTypesThatFit,
  DecodeRate,
  BatchCostRatio,
  PrefillTime,
  DecisionChecklist,
  DecisionVerdict,
  DecisionSpoken,
  SpeedCalculator: SpeedCalculatorWithSources,
  DecodeSpeed,
  CrossoverBatch,
  SpeedupCeiling,
  RidgePoint,
  WeightIntensity,
  KvIntensity,
  ExpertsTouched,
  GpuFigure,
  OvertakeBatch,
  TensorCoreTable,
  MeasuredVsModel,
  KernelPathTable,
  OperatorShare,
  PrefillBound,
  PerGpuThroughputRatio,
  DecodeExampleTable,
  CeilingTable,
  MemoryCalculator,
  VllmLogCheck,
  GroupSizeExplorer,
  MethodLab,
  AccuracyLab,
  KvBytesPerToken,
  KvCacheBytes,
  ParamCount,
  GpuMemory,
  MemoryTotal,
  MemoryTerm,
  MemoryFit,
  MemoryMaxBatch,
  WeightFormatTable,
  KvAttentionTable,
  MemoryExampleTable,
  BitsPerWeight,
  VllmTokenBudget,
  Verdict,
  RoundingDemo,
  Nf4Levels,
  ClaimSummaryTable,
  Slide,
  Notes,
  KvBitsTable,
  AllReducePerLayer,
  AllReduceTable,
  MoeBytesTable,
  AccuracyNoise,
  MmluQuestions,
  ItlBatchTable,
} satisfies MDXComponents;
