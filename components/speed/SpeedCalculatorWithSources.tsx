import { gpuSourceTitles } from '@/lib/speed-ui/sourceTitles';
import { SpeedCalculator, type SpeedCalculatorProps } from './SpeedCalculator';

/**
 * The speed calculator with the titles of its GPU sources filled in on the server,
 * so the client bundle does not carry the sources list. Registered for MDX as
 * `SpeedCalculator`; takes the same props.
 */
export function SpeedCalculatorWithSources(props: Omit<SpeedCalculatorProps, 'sourceTitles'>) {
  return <SpeedCalculator {...props} sourceTitles={gpuSourceTitles()} />;
}
