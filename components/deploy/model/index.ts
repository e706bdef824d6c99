/** View logic of the deployment planner: parsing the $/GPU-hour field, number wording, the tensor-parallel note. */
export { parseDollarsPerHour, MIN_DOLLARS_PER_GPU_HOUR, MAX_DOLLARS_PER_GPU_HOUR } from './parseDollarsPerHour';
export type { DollarsPerHourInput } from './parseDollarsPerHour';
export { tensorParallelText } from './tensorParallelText';
