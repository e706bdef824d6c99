/**
 * Practice engine: question types, grading, shuffling, scheduling (FSRS), saved
 * progress and the mock interview. Everything here is pure and light enough for the
 * client bundle (the heaviest import is ts-fsrs, plus zod for progress).
 *
 * Build-time only (not exported here, to keep micromark and KaTeX out of the
 * client): `content/build/parseQuestions` (bank parser/validator) and `content/build/markdown`;
 * `content/build/buildBank` re-exports them.
 * Parametric questions: `lib/practice/generators` (pulls in the model, format and
 * GPU catalogs, so import it only where questions are generated).
 */
export * from './types';
export {
  UNIT_SYMBOLS,
  UNITS,
  findUnit,
  unitDef,
  isUnitSymbol,
  describeDimension,
  type Dimension,
  type UnitDef,
  type UnitSymbol,
} from './units';
export {
  parseNumericAnswer,
  gradeNumeric,
  withinTolerance,
  acceptedRange,
  TOLERANCE_EDGE_SLACK,
  type NumericGrade,
  type ParsedAnswer,
  type ParseAnswerResult,
} from './numeric';
export {
  gradeChoice,
  gradeOrdering,
  gradeOpen,
  OPEN_PASS_FRACTION,
  type ChoiceGrade,
  type OrderingGrade,
  type OpenGrade,
} from './grade';
export { hashString, seededPrng, randomInt, seededPermutation, shuffleKey, displayOrder } from './shuffle';
export { GENERATOR_SEED_PATTERN, generatedId, parseGeneratedId, generatorSeed } from './ids';
export {
  review,
  previewIntervals,
  formatInterval,
  retrievability,
  ratingFor,
  scheduleKey,
  recordAnswer,
  undoLastAnswer,
  attemptOf,
  buildQueue,
  nextInQueue,
  mistakesDeck,
  progressByFactor,
  RATINGS,
  RATING_LABELS,
  LEECH_LAPSES,
  MAX_INTERVAL_DAYS,
  type ReviewRating,
  type IntervalPreview,
  type AnswerRecord,
  type QueueOptions,
  type Queue,
  type MistakeEntry,
  type FactorProgress,
} from './schedule';
export {
  PROGRESS_VERSION,
  PROGRESS_APP_ID,
  PROGRESS_STORAGE_KEY,
  DEFAULT_SETTINGS,
  LEARNER_SEED_PATTERN,
  progressSchema,
  progressV1Schema,
  cardStateSchema,
  itemProgressSchema,
  interviewRecordSchema,
  settingsSchema,
  localDay,
  newLearnerSeed,
  createProgress,
  emptyCardState,
  loadProgress,
  rollDay,
  serializeProgress,
  exportProgress,
  exportFileName,
  importProgress,
  type Progress,
  type ProgressV1,
  type CardState,
  type ItemProgress,
  type InterviewRecord,
  type PracticeSettings,
  SETTINGS_BOUNDS,
  withSettings,
  type LoadResult,
  type ImportResult,
} from './progress';
export {
  readProgress,
  writeProgress,
  updateProgress,
  storageFailureOf,
  type KeyValueStorage,
  type StorageFailure,
  type StoreRead,
  type StoreWrite,
  type WriteOptions,
} from './progress-store';
export {
  OPENING_QUESTION_ID,
  OPENING_RUBRIC_FACTORS,
  TOPIC_FACTOR,
  DEFAULT_OPENING_SECONDS,
  DEFAULT_FOLLOW_UP_SECONDS,
  createInterview,
  secondsLeft,
  scoreInterview,
  interviewRecord,
  addInterviewRecord,
  type InterviewItem,
  type InterviewSession,
  type InterviewOptions,
  type InterviewAnswer,
  type Score,
  type Scorecard,
} from './interview';
export { compactQuestion } from './compact';
