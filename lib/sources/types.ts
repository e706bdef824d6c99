/**
 * One entry of the site's sources list (the `/sources` page). Catalog figures point
 * here by `id` (see `Source` in lib/hardware/types.ts), so every number on the site
 * can be traced to a paper, datasheet, file or thread.
 */
export interface SourceEntry {
  /** Stable kebab-case id, e.g. "qlora-2305.14314", "nvidia-h100-datasheet", "hf-config-llama-3.1-70b". */
  id: string;
  title: string;
  /** Authors as printed ("Dettmers, Pagnoni, Holtzman, Zettlemoyer"); omitted for vendor pages and files. */
  authors?: string;
  year?: number;
  /** Where to read it. For repository files, pinned to the commit that was read where known. */
  url: string;
  /**
   * - `paper`: a paper (arXiv id in the id).
   * - `datasheet`: a vendor datasheet, product page or architecture whitepaper.
   * - `repo`: a source file or README in a public repository.
   * - `config`: a model's `config.json`.
   * - `blog`: a blog post or article.
   * - `model-card`: a Hugging Face model card.
   * - `issue`: a GitHub issue or pull-request thread (used for `nvidia-smi`/`rocm-smi`
   *   outputs pasted by users: the best public evidence of what the driver reports).
   * - `measurement`: a measurement made for this project; `url` documents the API or
   *   tool that was called, `usedFor` gives the command, machine and result.
   */
  kind: 'paper' | 'datasheet' | 'repo' | 'config' | 'blog' | 'model-card' | 'issue' | 'measurement';
  /** What the site takes from it, in one line. */
  usedFor: string;
}
