import { gpuSourceTitles } from './model/sourceTitles';
import type { SpeedCalculatorProps } from './SpeedCalculator';
import { SpeedCalculator } from '../islands/widgets';

/**
 * The speed calculator with the titles of its GPU sources filled in on the server,
 * so the client bundle does not carry the sources list. Registered for MDX as
 * `SpeedCalculator`; takes the same props.
 */
export function SpeedCalculatorWithSources(props: Omit<SpeedCalculatorProps, 'sourceTitles'>) {
  return <SpeedCalculator {...props} sourceTitles={gpuSourceTitles()} />;
}
