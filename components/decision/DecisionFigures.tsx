import { decideQuantization, type DecisionConstraints } from '@/lib/decision';

/**
 * Inline, build-time output of lib/decision for a fixed scenario (server components:
 * no client JS). Props mirror `DecisionConstraints`.
 */
type Props = Omit<DecisionConstraints, 'evaluationBudget' | 'calibrationData'> & {
  evaluationBudget?: boolean;
  calibrationData?: boolean;
};

function decide(p: Props) {
  return decideQuantization({
    ...p,
    evaluationBudget: p.evaluationBudget ?? true,
    calibrationData: p.calibrationData ?? true,
  });
}

/** The recommended format's label, e.g. "FP8 W8A8". */
export function DecisionVerdict(props: Props) {
  return <strong>{decide(props).recommendation.label}</strong>;
}

/** The spoken answer lib/decision builds for the scenario, as a quotation. */
export function DecisionSpoken(props: Props) {
  return (
    <blockquote className="callout">
      <p>{decide(props).spokenAnswer}</p>
    </blockquote>
  );
}
