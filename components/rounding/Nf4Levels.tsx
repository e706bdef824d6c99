import { NF4_CODEBOOK } from '@/lib/quant';

/** Server component: the 16 NF4 levels from lib/quant's NF4_CODEBOOK, as a table. */
export function Nf4Levels() {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label="The 16 NF4 levels">
      <table className="table">
        <caption>
          The 16 NF4 levels (bitsandbytes NF4 codebook), multiplied by each block&apos;s absmax on read-back
        </caption>
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col" className="num">
              Level
            </th>
          </tr>
        </thead>
        <tbody>
          {NF4_CODEBOOK.map((l, i) => (
            <tr key={i}>
              <td>
                <code>{i.toString(2).padStart(4, '0')}</code>
              </td>
              <td className="num">{l.toFixed(4)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
