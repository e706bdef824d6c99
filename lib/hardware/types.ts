import type { Bytes, BytesPerSecond } from '../units';

/** Matmul data types a tensor core may run. */
export type ComputeDtype = 'fp32' | 'tf32' | 'bf16' | 'fp16' | 'fp8' | 'int8' | 'int4' | 'fp4';

/** Where a catalog figure comes from, and how sure we are of it. */
export interface Source {
  /** Id of an entry in the site's sources list (`SOURCES` in lib/sources), e.g. "nvidia-h100-datasheet". */
  id: string;
  /** What was taken from it ("Table 1, dense BF16 TFLOPS"). */
  note?: string;
  /**
   * - 'verified': read in the primary source or a faithful copy (for usable memory:
   *   an `nvidia-smi`/`rocm-smi` output pasted in a public thread, or measured here).
   * - 'secondary': read in a reproduction of the primary (a reseller's copy of the
   *   datasheet table, a cataloguer's page, several code repositories agreeing).
   * - 'unverified': commonly quoted but not checked; the page must flag it.
   */
  status: 'verified' | 'secondary' | 'unverified';
}

/** A figure of a GPU catalog entry that a source can back: capacity, bandwidth, or one dtype's peak. */
export type GpuFigure = 'memory' | 'usableMemory' | 'cudaVisibleMemory' | 'bandwidth' | 'interconnect' | ComputeDtype;

/** A source for some of a GPU's figures. */
export interface GpuSource extends Source {
  /** The figures this source backs. Every figure a GPU entry states is backed by at least one source. */
  figures: readonly GpuFigure[];
}

export type GpuArchitecture = 'turing' | 'ampere' | 'ada' | 'hopper' | 'blackwell' | 'cdna3';

export interface Gpu {
  /** Stable kebab-case id, e.g. "h100-sxm". */
  id: string;
  /** Display name, e.g. "H100 SXM 80GB". */
  name: string;
  vendor: 'nvidia' | 'amd';
  architecture: GpuArchitecture;
  /** The capacity as printed on the datasheet, for display: "80 GB HBM3". */
  memoryLabel: string;
  /**
   * The datasheet capacity read as binary gigabytes (label × 2^30 bytes), since DRAM
   * parts come in binary sizes: an "80 GB" H100 carries 80 GiB of HBM3, a "24 GB" RTX
   * 4090 twelve 2 GiB GDDR6X chips. Every usable figure in the catalog is ≤ this.
   * Sizing should use `usableMemoryBytes`, never this.
   */
  memoryBytes: Bytes;
  /**
   * Total memory the driver reports (`nvidia-smi` "Total", `rocm-smi` "VRAM Total"),
   * in bytes, e.g. 81,559 MiB on an H100 SXM. ECC and driver reservations are already
   * taken out of it; CUDA may still expose a little less (see `cudaVisibleMemoryBytes`).
   */
  usableMemoryBytes: Bytes;
  /**
   * Total memory CUDA itself reports (`cudaMemGetInfo` total, `torch.cuda.get_device_properties().total_memory`),
   * where measured. Recent drivers list a "Reserved" line inside the nvidia-smi total,
   * so this is smaller: 81,079 MiB on an H100 SXM with driver 580 (480 MiB reserved).
   */
  cudaVisibleMemoryBytes?: Bytes;
  /** Peak DRAM bandwidth from the datasheet, bytes/s (1 TB/s = 1e12 B/s). */
  bandwidthBytesPerSecond: BytesPerSecond;
  /**
   * Dense (no 2:4 sparsity) tensor-core peak in TFLOPS (TOPS for integers) per dtype;
   * absent = no tensor-core support (or no figure we could source). FP16/BF16 are with
   * FP32 accumulation, which is what LLM GEMMs use: on GeForce cards that is half the
   * FP16-accumulate rate the marketing quotes.
   */
  denseTflops: Partial<Record<ComputeDtype, number>>;
  /**
   * The GPU-to-GPU link tensor parallelism all-reduces over: NVLink (SXM boards, NVL
   * bridges), Infinity Fabric, or PCIe when the card has no such link. The datasheet
   * prints the bidirectional total; `bytesPerSecondPerDirection` is half of it, which
   * is what a ring all-reduce's bus bandwidth is bounded by.
   */
  interconnect: {
    kind: 'nvlink' | 'pcie' | 'infinity-fabric';
    label: string;
    bytesPerSecondPerDirection: BytesPerSecond;
  };
  /** Caveats to show beside the figures ("FP16 figure is with FP32 accumulate"). */
  notes: readonly string[];
  /** Where each figure comes from; together they cover every figure stated above. */
  sources: readonly GpuSource[];
}
