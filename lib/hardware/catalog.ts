import type { Bytes } from '../units';
import type { Gpu } from './types';

const gib = (n: number): Bytes => n * 2 ** 30;
const mib = (n: number): Bytes => n * 2 ** 20;
const TB_PER_S = 1e12;
const GB_PER_S = 1e9;

const HOPPER_NO_INT4 =
  'No INT4 tensor cores on Hopper (the datasheet lists FP64…FP8 and INT8 only): INT4 weights are dequantised to BF16/FP16 inside the kernel.';
const AMPERE_NO_FP8 = 'No FP8 tensor cores on Ampere: FP8 checkpoints run weight-only, dequantised to BF16/FP16.';
const GEFORCE_HALF_RATE =
  'GeForce: FP16/BF16/FP8 peaks are with FP32 accumulation, which runs at half the FP16-accumulate rate NVIDIA quotes; INT8 is therefore 4× the FP16 figure here, not 2×.';
const ECC_GDDR = 'ECC is on by default on this GDDR6 card: the driver total already excludes the ECC reservation.';

/**
 * The GPU catalog. Per entry: datasheet capacity, the memory the driver reports,
 * datasheet peak bandwidth and **dense** tensor-core peaks (NVIDIA datasheets print
 * 2:4-sparse figures, twice the dense ones; we store half of them).
 *
 * Every figure is backed by a source (`sources[].figures`) with a status. Usable
 * memory is read from `nvidia-smi`/`rocm-smi` output pasted in public GitHub
 * threads (status 'verified'); datasheet figures were read in reproductions of the
 * datasheets ('secondary') unless marked 'unverified'. Prices are deliberately
 * absent: $/hour is a user input.
 *
 * Source: docs/provenance.md §6, re-checked for this catalog (see each entry).
 *
 * @example GPUS.find((g) => g.id === 'h100-sxm')?.bandwidthBytesPerSecond // 3.35e12
 */
export const GPUS: readonly Gpu[] = [
  {
    id: 'a100-40gb-sxm',
    name: 'A100 SXM 40GB',
    vendor: 'nvidia',
    architecture: 'ampere',
    memoryLabel: '40 GB HBM2',
    memoryBytes: gib(40),
    usableMemoryBytes: mib(40_960),
    cudaVisibleMemoryBytes: 42_298_834_944,
    bandwidthBytesPerSecond: 1_555 * GB_PER_S,
    denseTflops: { bf16: 312, fp16: 312, int8: 624, int4: 1_248 },
    interconnect: { kind: 'nvlink', label: 'NVLink 3: 600 GB/s', bytesPerSecondPerDirection: 300 * GB_PER_S },
    notes: [AMPERE_NO_FP8],
    sources: [
      {
        id: 'nvidia-a100-datasheet',
        figures: ['interconnect'],
        status: 'secondary',
        note: 'Interconnect row: NVLink 3: 600 GB/s bidirectional; per direction is half',
      },
      {
        id: 'nvidia-a100-datasheet',
        figures: ['memory', 'bandwidth', 'bf16', 'fp16', 'int8', 'int4'],
        status: 'secondary',
        note: 'Datasheet table (dense | sparse: BF16 312 | 624, INT8 624 | 1,248, INT4 1,248 | 2,496), read in reproductions (upb-pc2 wiki, glennklockwood.com/garden/processors/A100)',
      },
      { id: 'gh-modal-client-2797', figures: ['usableMemory'], status: 'verified', note: 'nvidia-smi: 40,960 MiB' },
      {
        id: 'gh-bottlerocket-3873',
        figures: ['cudaVisibleMemory'],
        status: 'verified',
        note: 'deviceQuery: 40,339 MBytes (42,298,834,944 bytes)',
      },
    ],
  },
  {
    id: 'a100-80gb-sxm',
    name: 'A100 SXM 80GB',
    vendor: 'nvidia',
    architecture: 'ampere',
    memoryLabel: '80 GB HBM2e',
    memoryBytes: gib(80),
    usableMemoryBytes: mib(81_920),
    bandwidthBytesPerSecond: 2_039 * GB_PER_S,
    denseTflops: { bf16: 312, fp16: 312, int8: 624, int4: 1_248 },
    interconnect: { kind: 'nvlink', label: 'NVLink 3: 600 GB/s', bytesPerSecondPerDirection: 300 * GB_PER_S },
    notes: [AMPERE_NO_FP8],
    sources: [
      {
        id: 'nvidia-a100-datasheet',
        figures: ['interconnect'],
        status: 'secondary',
        note: 'Interconnect row: NVLink 3: 600 GB/s bidirectional; per direction is half',
      },
      {
        id: 'nvidia-a100-datasheet',
        figures: ['memory', 'bandwidth', 'bf16', 'fp16', 'int8', 'int4'],
        status: 'secondary',
        note: 'Datasheet table (80GB SXM: 2,039 GB/s; same tensor peaks as the 40GB), read in glennklockwood.com/garden/processors/A100',
      },
      { id: 'gh-modal-client-2797', figures: ['usableMemory'], status: 'verified', note: 'nvidia-smi: 81,920 MiB' },
    ],
  },
  {
    id: 'h100-sxm',
    name: 'H100 SXM 80GB',
    vendor: 'nvidia',
    architecture: 'hopper',
    memoryLabel: '80 GB HBM3',
    memoryBytes: gib(80),
    usableMemoryBytes: mib(81_559),
    cudaVisibleMemoryBytes: 85_017_493_504,
    bandwidthBytesPerSecond: 3.35 * TB_PER_S,
    denseTflops: { bf16: 989, fp16: 989, fp8: 1_979, int8: 1_979 },
    interconnect: { kind: 'nvlink', label: 'NVLink 4: 900 GB/s', bytesPerSecondPerDirection: 450 * GB_PER_S },
    notes: [HOPPER_NO_INT4],
    sources: [
      {
        id: 'nvidia-h100-datasheet',
        figures: ['interconnect'],
        status: 'secondary',
        note: 'Interconnect row: NVLink 4: 900 GB/s bidirectional; per direction is half',
      },
      {
        id: 'nvidia-h100-datasheet',
        figures: ['memory', 'bandwidth', 'bf16', 'fp16', 'fp8', 'int8'],
        status: 'secondary',
        note: 'Datasheet table, sparse BF16/FP16 1,979, FP8 and INT8 3,958, "1/2 lower without sparsity"; 3.35 TB/s. Read in archive-lib.hpctech.co.jp/gpuproduct/nvidia-h100.html and glennklockwood.com (989.4 / 1,978.9 dense)',
      },
      {
        id: 'gh-nccl-1264',
        figures: ['usableMemory'],
        status: 'verified',
        note: 'nvidia-smi: "NVIDIA H100 80GB HBM3 … 81559MiB"',
      },
      {
        id: 'measured-h100-sxm-memory',
        figures: ['usableMemory', 'cudaVisibleMemory'],
        status: 'verified',
        note: 'nvidia-smi total 81,559 MiB (480 MiB reserved); CUDA total 85,017,493,504 B = 81,079 MiB (driver 580.159.04)',
      },
    ],
  },
  {
    id: 'h100-pcie',
    name: 'H100 PCIe 80GB',
    vendor: 'nvidia',
    architecture: 'hopper',
    memoryLabel: '80 GB HBM2e',
    memoryBytes: gib(80),
    usableMemoryBytes: mib(81_559),
    bandwidthBytesPerSecond: 2.0 * TB_PER_S,
    denseTflops: { bf16: 756, fp16: 756, fp8: 1_513, int8: 1_513 },
    interconnect: {
      kind: 'pcie',
      label: 'PCIe Gen5 x16: 128 GB/s (600 GB/s with an NVLink bridge)',
      bytesPerSecondPerDirection: 64 * GB_PER_S,
    },
    notes: [HOPPER_NO_INT4],
    sources: [
      {
        id: 'nvidia-h100-datasheet',
        figures: ['interconnect'],
        status: 'secondary',
        note: 'Interconnect row: PCIe Gen5 x16: 128 GB/s (600 GB/s with an NVLink bridge) bidirectional; per direction is half',
      },
      {
        id: 'nvidia-h100-datasheet',
        figures: ['memory', 'bandwidth', 'bf16', 'fp16', 'fp8', 'int8'],
        status: 'secondary',
        note: 'Datasheet table, sparse BF16/FP16 1,513, FP8 and INT8 3,026; 2,000 GB/s (product brief: "greater than 2,000 GB/s"). Read in archive-lib.hpctech.co.jp',
      },
      {
        id: 'gh-nccl-1264',
        figures: ['usableMemory'],
        status: 'secondary',
        note: 'Same 81,559 MiB as the SXM card; "NVIDIA H100 PCIe … 81559MiB" appears in several public nvidia-smi logs found by exact-string search, none in a thread we can cite',
      },
    ],
  },
  {
    id: 'h100-nvl',
    name: 'H100 NVL 94GB',
    vendor: 'nvidia',
    architecture: 'hopper',
    memoryLabel: '94 GB HBM3',
    memoryBytes: gib(94),
    usableMemoryBytes: mib(95_830),
    bandwidthBytesPerSecond: 3.9 * TB_PER_S,
    denseTflops: { bf16: 835, fp16: 835, fp8: 1_671, int8: 1_671 },
    interconnect: { kind: 'nvlink', label: 'NVLink bridge: 600 GB/s', bytesPerSecondPerDirection: 300 * GB_PER_S },
    notes: [
      'Figures are per GPU; the NVL product is a pair of these cards joined by an NVLink bridge.',
      HOPPER_NO_INT4,
    ],
    sources: [
      {
        id: 'nvidia-h100-datasheet',
        figures: ['interconnect'],
        status: 'secondary',
        note: 'Interconnect row: NVLink bridge: 600 GB/s bidirectional; per direction is half',
      },
      {
        id: 'nvidia-h100-datasheet',
        figures: ['memory', 'bandwidth'],
        status: 'secondary',
        note: '94 GB and 3.9 TB/s agree across several independent catalogs; the datasheet itself was not read',
      },
      {
        id: 'nvidia-h100-nvl-product-brief',
        figures: ['bf16', 'fp16', 'fp8', 'int8'],
        status: 'unverified',
        note: 'Dense = half of the commonly quoted sparse 1,671 (BF16/FP16) and 3,341 (FP8/INT8); not read in the datasheet',
      },
      {
        id: 'gh-gpu-admin-tools-4',
        figures: ['usableMemory'],
        status: 'verified',
        note: 'nvidia-smi: "NVIDIA H100 NVL … 95830MiB"',
      },
    ],
  },
  {
    id: 'h200-sxm',
    name: 'H200 SXM 141GB',
    vendor: 'nvidia',
    architecture: 'hopper',
    memoryLabel: '141 GB HBM3e',
    memoryBytes: gib(141),
    usableMemoryBytes: mib(143_771),
    bandwidthBytesPerSecond: 4.8 * TB_PER_S,
    denseTflops: { bf16: 989, fp16: 989, fp8: 1_979, int8: 1_979 },
    interconnect: { kind: 'nvlink', label: 'NVLink 4: 900 GB/s', bytesPerSecondPerDirection: 450 * GB_PER_S },
    notes: [HOPPER_NO_INT4],
    sources: [
      {
        id: 'nvidia-h200-datasheet',
        figures: ['interconnect'],
        status: 'secondary',
        note: 'Interconnect row: NVLink 4: 900 GB/s bidirectional; per direction is half',
      },
      {
        id: 'nvidia-h200-datasheet',
        figures: ['memory', 'bandwidth', 'bf16', 'fp16', 'fp8', 'int8'],
        status: 'secondary',
        note: '141 GB HBM3e, 4.8 TB/s; same tensor-core peaks as H100 SXM (FP8 3,958 sparse). Dense figures also listed in meta-pytorch/tritonbench#78',
      },
      {
        id: 'gh-sglang-3196',
        figures: ['usableMemory'],
        status: 'verified',
        note: 'nvidia-smi: "NVIDIA H200 … 143771MiB"',
      },
    ],
  },
  {
    id: 'l40s',
    name: 'L40S 48GB',
    vendor: 'nvidia',
    architecture: 'ada',
    memoryLabel: '48 GB GDDR6',
    memoryBytes: gib(48),
    usableMemoryBytes: mib(46_068),
    bandwidthBytesPerSecond: 864 * GB_PER_S,
    denseTflops: { bf16: 362.05, fp16: 362.05, fp8: 733, int8: 733, int4: 733 },
    interconnect: { kind: 'pcie', label: 'PCIe Gen4 x16: 64 GB/s', bytesPerSecondPerDirection: 32 * GB_PER_S },
    notes: [
      ECC_GDDR,
      'The datasheet prints BF16/FP16 as 362.05 dense next to 733 sparse (half of 733 would be 366.5); we keep the printed dense figure.',
      'INT8 and INT4 are as commonly quoted (733 each); on every other Ada part INT4 runs at 2× INT8, so the INT4 figure is probably understated.',
    ],
    sources: [
      {
        id: 'nvidia-l40s-datasheet',
        figures: ['interconnect'],
        status: 'secondary',
        note: 'Interconnect row: PCIe Gen4 x16: 64 GB/s bidirectional; per direction is half',
      },
      {
        id: 'nvidia-l40s-datasheet',
        figures: ['memory', 'bandwidth', 'bf16', 'fp16', 'fp8'],
        status: 'secondary',
        note: 'Datasheet table (BF16/FP16 362.05 | 733*, FP8 733 | 1,466*), read in a reseller reproduction (mullet.se) whose INT8/INT4 cells are blank for L40S',
      },
      {
        id: 'nvidia-l40s-datasheet',
        figures: ['int8', 'int4'],
        status: 'unverified',
        note: 'INT8 733 and INT4 733 dense TOPS as quoted in docs/provenance.md; a clock-based cataloguer gives INT4 1,466 dense',
      },
      { id: 'gh-modal-client-2797', figures: ['usableMemory'], status: 'verified', note: 'nvidia-smi: 46,068 MiB' },
    ],
  },
  {
    id: 'l4',
    name: 'L4 24GB',
    vendor: 'nvidia',
    architecture: 'ada',
    memoryLabel: '24 GB GDDR6',
    memoryBytes: gib(24),
    usableMemoryBytes: mib(23_034),
    bandwidthBytesPerSecond: 300 * GB_PER_S,
    denseTflops: { bf16: 121, fp16: 121, fp8: 242.5, int8: 242.5, int4: 485 },
    interconnect: { kind: 'pcie', label: 'PCIe Gen4 x16: 64 GB/s', bytesPerSecondPerDirection: 32 * GB_PER_S },
    notes: [
      ECC_GDDR,
      'INT4 is not in the L4 datasheet: 485 assumes the 2× INT8 rate of the other Ada parts (unverified).',
    ],
    sources: [
      {
        id: 'nvidia-l4-datasheet',
        figures: ['interconnect'],
        status: 'secondary',
        note: 'Interconnect row: PCIe Gen4 x16: 64 GB/s bidirectional; per direction is half',
      },
      {
        id: 'nvidia-l4-datasheet',
        figures: ['memory', 'bandwidth', 'bf16', 'fp16', 'fp8', 'int8'],
        status: 'secondary',
        note: 'Datasheet: FP16/BF16 242 sparse, FP8 and INT8 485 sparse ("485 TOPS | Sparsity" in a reseller copy), 300 GB/s',
      },
      {
        id: 'nvidia-ada-whitepaper',
        figures: ['int4'],
        status: 'unverified',
        note: '2 × INT8 (the Ada INT4:INT8 ratio of the RTX 4090 appendix); no L4 INT4 figure found',
      },
      { id: 'gh-modal-client-2797', figures: ['usableMemory'], status: 'verified', note: 'nvidia-smi: 23,034 MiB' },
    ],
  },
  {
    id: 'rtx-4090',
    name: 'GeForce RTX 4090',
    vendor: 'nvidia',
    architecture: 'ada',
    memoryLabel: '24 GB GDDR6X',
    memoryBytes: gib(24),
    usableMemoryBytes: mib(24_564),
    bandwidthBytesPerSecond: 1_008 * GB_PER_S,
    denseTflops: { bf16: 165.2, fp16: 165.2, fp8: 330.3, int8: 660.6, int4: 1_321.2 },
    interconnect: {
      kind: 'pcie',
      label: 'PCIe Gen4 x16: 64 GB/s (no NVLink)',
      bytesPerSecondPerDirection: 32 * GB_PER_S,
    },
    notes: [GEFORCE_HALF_RATE],
    sources: [
      {
        id: 'pci-sig-pcie-bandwidth',
        figures: ['interconnect'],
        status: 'secondary',
        note: 'Interconnect row: PCIe Gen4 x16: 64 GB/s (no NVLink) bidirectional; per direction is half',
      },
      {
        id: 'nvidia-ada-whitepaper',
        figures: ['memory', 'bandwidth', 'bf16', 'fp16', 'fp8', 'int8', 'int4'],
        status: 'secondary',
        note: 'Appendix table (FP16/BF16 with FP32 accumulate 165.2, FP8 with FP32 accumulate 330.3, INT8 660.6, INT4 1,321.2 dense), read in a reproduction (waredb)',
      },
      {
        id: 'gh-rlinf-255',
        figures: ['usableMemory'],
        status: 'verified',
        note: 'nvidia-smi: "NVIDIA GeForce RTX 4090 … 24564MiB"',
      },
    ],
  },
  {
    id: 'rtx-3090',
    name: 'GeForce RTX 3090',
    vendor: 'nvidia',
    architecture: 'ampere',
    memoryLabel: '24 GB GDDR6X',
    memoryBytes: gib(24),
    usableMemoryBytes: mib(24_576),
    bandwidthBytesPerSecond: 936 * GB_PER_S,
    denseTflops: { bf16: 71, fp16: 71, int8: 284, int4: 568 },
    interconnect: {
      kind: 'pcie',
      label: 'PCIe Gen4 x16: 64 GB/s (an NVLink bridge is optional)',
      bytesPerSecondPerDirection: 32 * GB_PER_S,
    },
    notes: [GEFORCE_HALF_RATE, AMPERE_NO_FP8],
    sources: [
      {
        id: 'pci-sig-pcie-bandwidth',
        figures: ['interconnect'],
        status: 'secondary',
        note: 'Interconnect row: PCIe Gen4 x16: 64 GB/s (an NVLink bridge is optional) bidirectional; per direction is half',
      },
      {
        id: 'nvidia-ga102-whitepaper',
        figures: ['memory', 'bandwidth'],
        status: 'secondary',
        note: "24 GB GDDR6X, 936 GB/s (spec tables reproducing NVIDIA's)",
      },
      {
        id: 'nvidia-ga102-whitepaper',
        figures: ['bf16', 'fp16', 'int8', 'int4'],
        status: 'unverified',
        note: 'Appendix A (FP16 with FP32 accumulate 71, INT8 284, INT4 568 dense) as quoted in docs/provenance.md; the appendix table was not read',
      },
      {
        id: 'gh-club-3090-1128',
        figures: ['usableMemory'],
        status: 'verified',
        note: 'nvidia-smi: "NVIDIA GeForce RTX 3090 … 24576MiB"',
      },
    ],
  },
  {
    id: 'mi300x',
    name: 'AMD Instinct MI300X',
    vendor: 'amd',
    architecture: 'cdna3',
    memoryLabel: '192 GB HBM3',
    memoryBytes: gib(192),
    usableMemoryBytes: mib(196_592),
    bandwidthBytesPerSecond: 5.3 * TB_PER_S,
    denseTflops: { bf16: 1_307.4, fp16: 1_307.4, fp8: 2_614.9, int8: 2_614.9 },
    interconnect: {
      kind: 'infinity-fabric',
      label: 'Infinity Fabric: 7 links × 128 GB/s',
      bytesPerSecondPerDirection: 448 * GB_PER_S,
    },
    notes: [
      'Several pages mislabel 2,614.9 (FP8, or FP16 with sparsity) as dense FP16; dense FP16 is 1,307.4.',
      'Its FP8 is E4M3FNUZ (bias 8, largest value 240, NaN only 0x80), not the OCP E4M3FN of NVIDIA GPUs (largest 448): vLLM converts and rescales E4M3FN checkpoints at load (normalize_e4m3fn_to_e4m3fnuz; PyTorch c10/util/Float8_e4m3fnuz.h).',
    ],
    sources: [
      {
        id: 'amd-mi300x-datasheet',
        figures: ['interconnect'],
        status: 'unverified',
        note: 'Interconnect row: Infinity Fabric: 7 links × 128 GB/s bidirectional; per direction is half',
      },
      {
        id: 'amd-mi300x-datasheet',
        figures: ['memory', 'bandwidth', 'bf16', 'fp16', 'fp8'],
        status: 'secondary',
        note: '192 GB, 5.3 TB/s, BF16/FP16 1,307.4 and FP8 2,614.9 dense, as several independent code repositories and pages quote the datasheet',
      },
      {
        id: 'amd-mi300x-datasheet',
        figures: ['int8'],
        status: 'unverified',
        note: 'INT8 2,614.9 TOPS dense as quoted in docs/provenance.md; not found in any reproduction',
      },
      {
        id: 'gh-rocm-4203',
        figures: ['usableMemory'],
        status: 'verified',
        note: 'torch device properties total_memory=196592MB (MiB); rocm-smi prints 206,141,652,992 B = 196,592 MiB',
      },
    ],
  },
  {
    id: 't4',
    name: 'Tesla T4 16GB',
    vendor: 'nvidia',
    architecture: 'turing',
    memoryLabel: '16 GB GDDR6',
    memoryBytes: gib(16),
    usableMemoryBytes: mib(15_360),
    bandwidthBytesPerSecond: 320 * GB_PER_S,
    denseTflops: { fp16: 65, int8: 130, int4: 260 },
    interconnect: { kind: 'pcie', label: 'PCIe Gen3 x16: 32 GB/s', bytesPerSecondPerDirection: 16 * GB_PER_S },
    notes: [
      'Turing: no BF16 and no FP8 tensor cores; no structured sparsity.',
      'Some cloud VMs report 15,109 MiB instead of 15,360 MiB.',
    ],
    sources: [
      {
        id: 'nvidia-t4-datasheet',
        figures: ['interconnect'],
        status: 'secondary',
        note: 'Interconnect row: PCIe Gen3 x16: 32 GB/s bidirectional; per direction is half',
      },
      {
        id: 'nvidia-t4-datasheet',
        figures: ['memory', 'bandwidth', 'fp16', 'int8', 'int4'],
        status: 'secondary',
        note: 'Datasheet: 320+ GB/s, FP16 (mixed precision) 65, INT8 130, INT4 260 TOPS',
      },
      { id: 'gh-modal-client-2797', figures: ['usableMemory'], status: 'verified', note: 'nvidia-smi: 15,360 MiB' },
    ],
  },
  {
    id: 'b200',
    name: 'B200 (HGX) 180GB',
    vendor: 'nvidia',
    architecture: 'blackwell',
    memoryLabel: '180 GB HBM3e',
    memoryBytes: gib(180),
    usableMemoryBytes: mib(183_359),
    bandwidthBytesPerSecond: 7.7 * TB_PER_S,
    denseTflops: { bf16: 2_250, fp16: 2_250, fp8: 4_500, int8: 4_500, fp4: 9_000 },
    interconnect: { kind: 'nvlink', label: 'NVLink 5: 1.8 TB/s', bytesPerSecondPerDirection: 900 * GB_PER_S },
    notes: [
      'Early material quoted 192 GB and 8 TB/s; the HGX B200 specification gives 180 GB and 7.7 TB/s.',
      'Blackwell adds FP4 tensor cores; it has no INT4 tensor cores.',
      "Hardware INT8 is not software INT8: vLLM's INT8 W8A8 docs say INT8 is not supported on compute capability ≥ 10.0 and to use FP8 instead.",
    ],
    sources: [
      {
        id: 'nvidia-hgx-b200',
        figures: ['interconnect'],
        status: 'secondary',
        note: 'Interconnect row: NVLink 5: 1.8 TB/s bidirectional; per direction is half',
      },
      {
        id: 'nvidia-hgx-b200',
        figures: ['memory', 'bandwidth', 'bf16', 'fp16', 'fp8', 'int8', 'fp4'],
        status: 'secondary',
        note: 'HGX B200 table (per GPU, sparse: FP16/BF16 4.5, FP8 9, INT8 9, FP4 18 PFLOPS), read in reproductions (glennklockwood.com, zdszero.github.io)',
      },
      {
        id: 'gh-torchao-4002',
        figures: ['bandwidth', 'bf16', 'fp8', 'fp4'],
        status: 'secondary',
        note: 'Driver: 7,680-bit bus at 3,996 MHz → 7.67 TB/s; torchao roofline peaks bf16 2.25e15, fp8 4.5e15, fp4 9.0e15',
      },
      {
        id: 'gh-tensorrt-llm-10278',
        figures: ['usableMemory'],
        status: 'verified',
        note: 'nvidia-smi: "NVIDIA B200 … 183359MiB"',
      },
    ],
  },
];
