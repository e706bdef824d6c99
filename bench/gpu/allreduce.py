#!/usr/bin/env python3
"""Tensor-parallel cost on two (or more) GPUs of one host: NCCL all-reduce time and memory.

Not yet run: this project has had no multi-GPU machine lent (see the README). Until it
is, lib/perf charges all-reduces at the datasheet link bandwidth (a ceiling) and
lib/sizing charges NCCL buffers from published vLLM logs.

Measures, for Llama-3.1-70B's hidden size (8,192, BF16):
* all-reduce latency and bus bandwidth of the decode and prefill activation sizes
  (1 ... 8,192 tokens × 8,192 × 2 B), the two all-reduces per layer tensor parallelism adds;
* the GPU memory taken by the CUDA context and by NCCL once the group is up and has run
  one all-reduce (what vLLM reports as non-torch memory).
The per-GPU GEMM shards at TP 1/2/4 are bench.py's; a step at TP 2 is those plus these.

Usage (NCCL_NVLS_ENABLE=0 keeps NVLink multicast off, as the lent machines require):
    NCCL_NVLS_ENABLE=0 torchrun --nproc_per_node=2 bench/gpu/allreduce.py --out allreduce.json
"""

from __future__ import annotations

import argparse
import json
import os
import statistics

import torch
import torch.distributed as dist

HIDDEN = 8192
TOKENS = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192]


def timed(fn, reps: int = 50) -> float:
    """Median seconds of fn() over reps, after warm-up, with a barrier before each."""
    for _ in range(5):
        fn()
    torch.cuda.synchronize()
    times = []
    for _ in range(reps):
        dist.barrier()
        a = torch.cuda.Event(enable_timing=True)
        b = torch.cuda.Event(enable_timing=True)
        a.record()
        fn()
        b.record()
        b.synchronize()
        times.append(a.elapsed_time(b) / 1e3)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument('--out', required=True)
    args = ap.parse_args()
    os.environ.setdefault('NCCL_NVLS_ENABLE', '0')
    rank = int(os.environ['LOCAL_RANK'])
    torch.cuda.set_device(rank)
    torch.zeros(1, device='cuda')
    free0, total = torch.cuda.mem_get_info()
    dist.init_process_group('nccl')
    world = dist.get_world_size()
    x = torch.ones(1, device='cuda')
    dist.all_reduce(x)
    torch.cuda.synchronize()
    free1, _ = torch.cuda.mem_get_info()
    rows = []
    for m in TOKENS:
        t = torch.randn(m, HIDDEN, device='cuda', dtype=torch.bfloat16)
        sec = timed(lambda: dist.all_reduce(t))
        nbytes = t.numel() * 2
        rows.append({'tokens': m, 'bytes': nbytes, 'seconds': sec, 'bus_gbps': 2 * (world - 1) / world * nbytes / sec / 1e9})
    memory = {
        'cuda_total_bytes': total,
        'context_bytes': total - free0,
        'nccl_after_first_all_reduce_bytes': (free0 - free1) - torch.cuda.memory_reserved(),
    }
    if rank == 0:
        with open(args.out, 'w') as f:
            json.dump({'world_size': world, 'gpu': torch.cuda.get_device_name(0), 'torch': torch.__version__,
                       'nccl': '.'.join(map(str, torch.cuda.nccl.version())), 'memory': memory, 'all_reduce': rows}, f, indent=1)
        for r in rows:
            print(f"{r['tokens']:5d} tokens {r['bytes']:>10d} B {r['seconds'] * 1e6:8.1f} us {r['bus_gbps']:6.1f} GB/s bus")
        print('memory', memory)
    dist.destroy_process_group()


if __name__ == '__main__':
    main()
