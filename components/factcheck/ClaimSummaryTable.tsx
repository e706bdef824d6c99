import { CHECKED_CLAIMS } from '@/content/claims';
import { Verdict } from './Verdict';

/** The summary at the top of the fact-check lesson: claim → verdict → link to its section. Server component. */
export function ClaimSummaryTable() {
  return (
    <div className="table-wrap" role="region" aria-label="Verdicts at a glance" tabIndex={0}>
      <table className="table">
        <caption>Every claim of the post and its verdict</caption>
        <thead>
          <tr>
            <th scope="col">Claim</th>
            <th scope="col">Verdict</th>
          </tr>
        </thead>
        <tbody>
          {CHECKED_CLAIMS.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <a href={`#${c.id}`}>{c.claim}</a>
              </th>
              <td>
                <Verdict value={c.verdict} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
