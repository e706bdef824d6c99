import { Cite } from '@/components/mdx/Cite';
import { getFormat } from '@/lib/formats/getFormat';
import { GPUS } from '@/lib/hardware/catalog';
import { vllmKernelPath, type KernelPath } from '@/lib/hardware/kernelPath';
import type { Gpu, GpuArchitecture } from '@/lib/hardware/types';
import './tables.css';
import { prefixed } from '@/components/ui/prefixed';

const tableStyles = prefixed('st');

/** The formats of the table, in the order a reader meets them: 16-bit, 8-bit W8A8, then the 4-bit paths. */
const FORMATS = ['bf16', 'fp8-w8a8', 'int8-w8a8', 'int4-g128-sym', 'w4a8-fp8', 'nvfp4', 'mxfp4'] as const;

/** GPU generations, oldest NVIDIA first, AMD last. */
const GENERATIONS: ReadonlyArray<{ arch: GpuArchitecture; label: string }> = [
  { arch: 'turing', label: 'Turing' },
  { arch: 'ampere', label: 'Ampere' },
  { arch: 'ada', label: 'Ada' },
  { arch: 'hopper', label: 'Hopper' },
  { arch: 'blackwell', label: 'Blackwell' },
  { arch: 'cdna3', label: 'CDNA 3' },
];

const MARK: Record<KernelPath['support'], string> = {
  native: '',
  fallback: '† ',
  unsupported: '✗ ',
  'other-engine': '‡ ',
};

/** One GPU per generation: the first of that architecture in the catalog (lib/hardware GPUS). */
function representatives(): Array<{ label: string; gpu: Gpu }> {
  return GENERATIONS.flatMap(({ arch, label }) => {
    const gpu = GPUS.find((g) => g.architecture === arch);
    return gpu ? [{ label, gpu }] : [];
  });
}

/**
 * Which vLLM kernel runs each weight format on each GPU generation (lib/hardware
 * `vllmKernelPath`), one representative GPU per architecture: "which kernel runs my
 * GPTQ model on an H100?". † marks a fallback (it runs, but not as the format
 * intends, e.g. FP8 weight-only on Ampere), ✗ a pair vLLM refuses. Each cell's note
 * is its title and a numbered footnote under the table, with the note's sources.
 * Server component: a static table, no client JavaScript.
 */
export function KernelPathTable() {
  const gpus = representatives();
  const notes: Array<{ text: string; sources: readonly string[] }> = [];
  // A note that names its GPU ("L40S 48GB has no FP4 tensor cores…") is the same note in every column: one footnote.
  const noteText = (path: KernelPath, gpu: Gpu) => path.note.split(gpu.name).join('This GPU');
  const noteNumber = (path: KernelPath, gpu: Gpu): number | null => {
    const text = noteText(path, gpu);
    if (text === '') return null;
    const i = notes.findIndex((n) => n.text === text);
    if (i >= 0) return i + 1;
    notes.push({ text, sources: path.sources });
    return notes.length;
  };
  const rows = FORMATS.map((id) => ({
    id,
    name: getFormat(id).name,
    cells: gpus.map(({ gpu }) => {
      const path = vllmKernelPath(id, gpu);
      return { gpu, path, note: noteNumber(path, gpu) };
    }),
  }));
  return (
    <>
      <div
        className="table-wrap"
        tabIndex={0}
        role="region"
        aria-label="vLLM kernel by weight format and GPU generation"
      >
        <table className="table">
          <caption className="sr-only">
            The vLLM kernel that runs each weight format on one GPU of each generation; † fallback, ✗ not supported
          </caption>
          <thead>
            <tr>
              <th scope="col">Format</th>
              {gpus.map(({ label, gpu }) => (
                <th key={gpu.id} scope="col">
                  {label} <span className="muted">({gpu.name})</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.name}</th>
                {r.cells.map(({ gpu, path, note }) => (
                  <td key={gpu.id} title={path.note || undefined}>
                    {MARK[path.support]}
                    {path.support === 'unsupported' ? 'not supported' : path.kernel}
                    {note !== null ? (
                      <sup>
                        <a href={`#kernel-note-${note}`} aria-label={`note ${note}`}>
                          {note}
                        </a>
                      </sup>
                    ) : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className={`muted ${tableStyles.note}`}>
        One GPU per generation, the first of its architecture in the site’s catalog. † runs, but not as the format
        intends (the math falls back to 16 bits); ✗ vLLM refuses the pair. The rule behind each cell is lib/hardware’s{' '}
        <code>vllmKernelPath</code>.
      </p>
      <ol className={`muted ${tableStyles.note}`} aria-label="Notes to the kernel table">
        {notes.map((n, i) => (
          <li key={n.text} id={`kernel-note-${i + 1}`}>
            {n.text}
            {n.sources.map((s) => (
              <Cite key={s} id={s} />
            ))}
          </li>
        ))}
      </ol>
    </>
  );
}
