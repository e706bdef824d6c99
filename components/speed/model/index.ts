/**
 * Pure logic of the speed calculator and the speed lesson: chart scales, ticks and
 * paths, the chart's series and text alternative, the URL-state schema, display
 * formatting of times and rates, the datasheet figures a result rests on, and the
 * "show the work" lines. Every number comes from lib/perf, lib/sizing and the catalogs.
 */
export { formatCrossoverBatch } from './format';
export { logScale, powerOfTwoTicks, decadeDomain, logTicks, compactTickLabel, logSpacedBatches } from './scales';
export type { Scale, LogTick } from './scales';
export {
  CHART_FORMATS,
  CHART_FORMAT_LABELS,
  isChartFormat,
  SPEED_EXCLUDED_FORMATS,
  speedFormatGroups,
  speedFormatIds,
  MAX_GPUS_OFFERED,
  gpuCountOptions,
  nearestAllowedGpuCount,
  kvOptions,
} from './options';
export type { ChartFormat, FormatGroup } from './options';
export {
  SPEED_DEFAULTS,
  SPEED_FIELD_LABELS,
  BATCH_RULE,
  contextRule,
  parseSpeedState,
  speedStateQuery,
  speedStateFromQuery,
  toggleShownFormat,
} from './urlState';
export type { SpeedStateText, SpeedState, SpeedField } from './urlState';
export { CHART_BATCH_MIN, CHART_BATCH_MAX, chartLayout, buildSpeedChart, batchMarkerAt, chartSummary } from './chart';
export type { ChartLayout, ChartPoint, ChartSeries, SpeedChart, SpeedChartInput } from './chart';
export {
  DTYPE_LABELS,
  formatBandwidth,
  figuresUsed,
  ridgePoint,
  weightIntensity,
  kvAttentionIntensity,
  expertsTouched,
} from './figures';
export type { FigureUsed } from './figures';
export { decodeWork, prefillWork } from './work';
export type { WorkLine, WorkInput } from './work';
export { libErrorField } from './errors';
export { speedResults, computeSentence } from './results';
export type { SpeedResults, SpeedOutcome } from './results';
export { gpuSourceTitles } from './sourceTitles';
export { exampleRows, overtakeBatch } from './examples';
export type { ExampleRow, ExampleSetup } from './examples';
export { memoizeByKey } from './memo';
