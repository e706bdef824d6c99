#!/usr/bin/env python3
"""GPU benchmark for the 70B speed model (lib/perf reads what this writes).

Measures, on one NVIDIA GPU, the kernels one decode step or prefill of
Llama-3.1-70B is made of:

* the per-GPU shards of its four linear layers (qkv, o, gate_up, down) at tensor
  parallel 1, 2 and 4, for 1 ... 8,192 tokens per step, in
    - BF16                 torch.matmul (cuBLAS)
    - FP8 W8A8 per-tensor  torch._scaled_mm, one scale each for A and B
    - FP8 W8A8 per-row     torch._scaled_mm, per-token A and per-channel B scales
    - INT8 W8A8            torch._int_mm (int32 out; M padded to 17+ as it requires)
    - INT4 W4A16 g128      torch._weight_int4pack_mm (PyTorch's packed int4 "tinygemm")
    - INT4 W4A16 g128      a Triton dequantise-in-the-GEMM kernel of this file
* decode attention of one layer (64 query heads, 8 KV heads, head_dim 128) over a
  BF16 and an FP8 E4M3 KV cache at 1k ... 32k context (a Triton split-K kernel of
  this file; PyTorch SDPA on BF16 as a cross-check);
* achievable memory bandwidth (a read-only reduction and a device-to-device copy);
* the GPU memory the CUDA context and the cuBLAS workspace take.

Every kernel's output is checked against a BF16/FP32 reference of the same
(dequantised) operands before it is timed. Times are the median of CUDA-graph
replays; within one replay the kernel runs once on each of several weight copies
(together > 4x the L2 cache), so weights come from HBM, as they do in a 70B decode.

GEMM-level numbers, not a serving engine: no vLLM (nor Marlin, Machete or
CUTLASS scaled-mm as vLLM builds them) is installed on the machine this ran on.

Usage:  python3 bench/gpu/bench.py --out results.json [--quick]
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import math
import os
import platform
import socket
import statistics
import subprocess
import sys
import time

import torch
import triton
import triton.language as tl

# Llama-3.1-70B (meta-llama/Llama-3.1-70B config.json): hidden 8192, intermediate
# 28672, 64 attention heads, 8 KV heads, head_dim 128, 80 layers.
HIDDEN = 8192
INTERMEDIATE = 28672
HEADS = 64
KV_HEADS = 8
HEAD_DIM = 128

TOKENS = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192]
TPS = [1, 2, 4]
GROUP = 128
FP8 = torch.float8_e4m3fn
# tinygemm's packing: (first value in the high nibble?, value = q*scale + zero with zero = -8*scale?)
INT4_VARIANTS = [(True, False), (False, False), (True, True), (False, True)]
INT4_VARIANT = [0]


def layer_shapes(tp: int) -> dict[str, tuple[int, int]]:
    """(N out features, K in features) of each linear layer's shard on one GPU."""
    return {
        'qkv': ((HEADS + 2 * KV_HEADS) * HEAD_DIM // tp, HIDDEN),
        'o': (HIDDEN, HEADS * HEAD_DIM // tp),
        'gate_up': (2 * INTERMEDIATE // tp, HIDDEN),
        'down': (HIDDEN, INTERMEDIATE // tp),
    }


# --------------------------------------------------------------------------- timing


def l2_bytes() -> int:
    return int(getattr(torch.cuda.get_device_properties(0), 'L2_cache_size', 50 * 2**20))


def copies_for(weight_bytes: int) -> int:
    """Weight copies to rotate through so that they cannot stay in L2 (> 4x L2)."""
    return max(1, min(64, math.ceil(4 * l2_bytes() / max(weight_bytes, 1))))


def time_graph(calls, target_ms: float = 15.0) -> float:
    """Median seconds per call: `calls` (closures, one per weight copy) captured in
    one CUDA graph, replayed until ~target_ms, median over replays / len(calls)."""
    s = torch.cuda.Stream()
    s.wait_stream(torch.cuda.current_stream())
    with torch.cuda.stream(s):
        for _ in range(2):
            for c in calls:
                c()
    torch.cuda.current_stream().wait_stream(s)
    torch.cuda.synchronize()
    g = torch.cuda.CUDAGraph()
    with torch.cuda.graph(g):
        for c in calls:
            c()
    g.replay()
    torch.cuda.synchronize()
    t0 = time.perf_counter()
    g.replay()
    torch.cuda.synchronize()
    one = max(time.perf_counter() - t0, 1e-6)
    reps = int(min(200, max(5, target_ms / 1e3 / one)))
    times = []
    for _ in range(reps):
        a = torch.cuda.Event(enable_timing=True)
        b = torch.cuda.Event(enable_timing=True)
        a.record()
        g.replay()
        b.record()
        b.synchronize()
        times.append(a.elapsed_time(b) / 1e3)
    del g
    return statistics.median(times) / len(calls)


def rel_err(out: torch.Tensor, ref: torch.Tensor) -> float:
    out = out.float()
    ref = ref.float()
    if not torch.isfinite(out).all():
        return float('inf')
    return float((out - ref).norm() / ref.norm().clamp_min(1e-30))


# --------------------------------------------------------------------------- Triton W4A16


@triton.autotune(
    configs=[
        triton.Config({'BM': 16, 'BN': 64}, num_warps=4, num_stages=4),
        triton.Config({'BM': 64, 'BN': 128}, num_warps=4, num_stages=3),
        triton.Config({'BM': 128, 'BN': 128}, num_warps=8, num_stages=3),
        triton.Config({'BM': 128, 'BN': 256}, num_warps=8, num_stages=3),
    ],
    key=['M', 'N', 'K'],
)
@triton.jit
def _w4a16_kernel(a_ptr, q_ptr, s_ptr, c_ptr, M, N, K, BM: tl.constexpr, BN: tl.constexpr):
    """C[M,N] = A[M,K] @ dequant(Q)[K,N]; Q packs one group of 128 rows per 64 bytes
    rows: byte row j of group g holds row g*128+j (low nibble) and g*128+64+j (high);
    value = (nibble - 8) * scale[g, n] (symmetric, no zero point)."""
    pid_m = tl.program_id(0)
    pid_n = tl.program_id(1)
    rm = pid_m * BM + tl.arange(0, BM)
    rn = pid_n * BN + tl.arange(0, BN)
    rk = tl.arange(0, 64)
    acc = tl.zeros((BM, BN), dtype=tl.float32)
    for g in range(0, K // 128):
        a_lo = tl.load(a_ptr + rm[:, None] * K + (g * 128 + rk)[None, :], mask=rm[:, None] < M, other=0.0)
        a_hi = tl.load(a_ptr + rm[:, None] * K + (g * 128 + 64 + rk)[None, :], mask=rm[:, None] < M, other=0.0)
        q = tl.load(q_ptr + (g * 64 + rk)[:, None] * N + rn[None, :])
        s = tl.load(s_ptr + g * N + rn)
        lo = ((q & 0xF).to(tl.int32) - 8).to(tl.bfloat16) * s[None, :]
        hi = (((q >> 4) & 0xF).to(tl.int32) - 8).to(tl.bfloat16) * s[None, :]
        acc = tl.dot(a_lo, lo, acc)
        acc = tl.dot(a_hi, hi, acc)
    tl.store(c_ptr + rm[:, None] * N + rn[None, :], acc.to(tl.bfloat16), mask=rm[:, None] < M)


def pack_w4_triton(codes: torch.Tensor) -> torch.Tensor:
    """codes: int [K, N] in 0..15 → uint8 [K/2, N] in the kernel's layout."""
    k, n = codes.shape
    c = codes.view(k // 128, 2, 64, n).to(torch.uint8)
    return (c[:, 0] | (c[:, 1] << 4)).reshape(k // 2, n).contiguous()


def w4a16_triton(a: torch.Tensor, q: torch.Tensor, s: torch.Tensor, out: torch.Tensor) -> torch.Tensor:
    m, k = a.shape
    n = q.shape[1]
    grid = lambda meta: (triton.cdiv(m, meta['BM']), triton.cdiv(n, meta['BN']))  # noqa: E731
    _w4a16_kernel[grid](a, q, s, out, m, n, k)
    return out


# --------------------------------------------------------------------------- Triton decode attention


@triton.jit
def _decode_attn_kernel(
    q_ptr, k_ptr, v_ptr, o_ptr, m_ptr, l_ptr, ctx, scale,
    SPLIT_LEN: tl.constexpr, G: tl.constexpr, GP: tl.constexpr, D: tl.constexpr, BT: tl.constexpr, HKV: tl.constexpr,
    NSPLIT: tl.constexpr,
):
    """One (sequence, KV head, context split): GQA group of G query heads attends
    over SPLIT_LEN cached tokens; writes partial (acc, max, sum) for a combine."""
    b = tl.program_id(0)
    h = tl.program_id(1)
    sp = tl.program_id(2)
    rg = tl.arange(0, GP)
    rd = tl.arange(0, D)
    q = tl.load(q_ptr + ((b * HKV + h) * G + rg[:, None]) * D + rd[None, :], mask=rg[:, None] < G, other=0.0)
    m_i = tl.full((GP,), -float('inf'), tl.float32)
    l_i = tl.zeros((GP,), tl.float32)
    acc = tl.zeros((GP, D), tl.float32)
    base = (b * HKV + h) * ctx * D
    start = sp * SPLIT_LEN
    for t0 in range(0, SPLIT_LEN, BT):
        rt = start + t0 + tl.arange(0, BT)
        kv_mask = rt[:, None] < ctx
        k = tl.load(k_ptr + base + rt[:, None] * D + rd[None, :], mask=kv_mask, other=0.0).to(tl.bfloat16)
        v = tl.load(v_ptr + base + rt[:, None] * D + rd[None, :], mask=kv_mask, other=0.0).to(tl.bfloat16)
        sc = tl.dot(q, tl.trans(k)) * scale
        sc = tl.where((rt < ctx)[None, :], sc, -float('inf'))
        m_new = tl.maximum(m_i, tl.max(sc, 1))
        alpha = tl.exp(m_i - m_new)
        p = tl.exp(sc - m_new[:, None])
        l_i = l_i * alpha + tl.sum(p, 1)
        acc = acc * alpha[:, None] + tl.dot(p.to(tl.bfloat16), v)
        m_i = m_new
    idx = ((b * HKV + h) * NSPLIT + sp) * GP + rg
    tl.store(o_ptr + idx[:, None] * D + rd[None, :], acc)
    tl.store(m_ptr + idx, m_i)
    tl.store(l_ptr + idx, l_i)


def decode_attention(q, k, v, nsplit: int):
    """q [B, HKV, G, D] bf16; k, v [B, HKV, ctx, D] bf16 or fp8 → out [B, HKV, G, D]."""
    bsz, hkv, g, d = q.shape
    ctx = k.shape[2]
    gp = max(16, triton.next_power_of_2(g))
    bt = 64
    split_len = triton.cdiv(triton.cdiv(ctx, nsplit), bt) * bt
    o = torch.empty((bsz, hkv, nsplit, gp, d), device=q.device, dtype=torch.float32)
    m = torch.empty((bsz, hkv, nsplit, gp), device=q.device, dtype=torch.float32)
    l = torch.empty_like(m)
    _decode_attn_kernel[(bsz, hkv, nsplit)](
        q, k, v, o, m, l, ctx, 1.0 / math.sqrt(d), SPLIT_LEN=split_len, G=g, GP=gp, D=d, BT=bt, HKV=hkv, NSPLIT=nsplit,
        num_warps=4, num_stages=3,
    )
    mx = m.max(dim=2, keepdim=True).values
    w = torch.exp(m - mx)
    w = torch.where(torch.isfinite(w), w, torch.zeros_like(w))
    out = (o * w[..., None]).sum(2) / (l * w).sum(2)[..., None]
    return out[:, :, :g].to(torch.bfloat16)


# --------------------------------------------------------------------------- measurements


def bench_bandwidth() -> dict:
    n = 2 * 2**30 // 2  # 2 GiB of bf16
    x = torch.randn(n, device='cuda', dtype=torch.bfloat16)
    y = torch.empty_like(x)
    acc = torch.empty((), device='cuda', dtype=torch.float32)
    t_read = time_graph([lambda: torch.sum(x, dim=0, dtype=torch.float32, out=acc)], 60)
    t_copy = time_graph([lambda: y.copy_(x)], 60)
    nbytes = x.numel() * 2
    return {
        'read_bytes': nbytes,
        'read_seconds': t_read,
        'read_bytes_per_second': nbytes / t_read,
        'copy_bytes_moved': 2 * nbytes,
        'copy_seconds': t_copy,
        'copy_bytes_per_second': 2 * nbytes / t_copy,
        'kernels': {'read': 'torch.sum(bf16 → fp32)', 'copy': 'Tensor.copy_ (device to device)'},
    }


def bench_peak() -> dict:
    n = 8192
    a = torch.randn(n, n, device='cuda', dtype=torch.bfloat16)
    b = torch.randn(n, n, device='cuda', dtype=torch.bfloat16)
    t = time_graph([lambda: torch.matmul(a, b)], 200)
    a8 = a.to(FP8)
    b8 = b.t().contiguous().to(FP8).t()
    one = torch.ones((), device='cuda')
    t8 = time_graph([lambda: torch._scaled_mm(a8, b8, one, one, out_dtype=torch.bfloat16)], 200)
    return {
        'bf16_flops_per_second': 2 * n**3 / t,
        'fp8_flops_per_second': 2 * n**3 / t8,
        'shape': [n, n, n],
        'kernels': {'bf16': 'torch.matmul', 'fp8': 'torch._scaled_mm per-tensor'},
    }


def make_weights(fmt: str, n: int, k: int):
    """One weight copy for `fmt`: (tensors..., bytes, reference bf16 dequantised [K, N])."""
    w = torch.randn(k, n, device='cuda', dtype=torch.bfloat16) * 0.02
    if fmt == 'bf16':
        return {'w': w}, k * n * 2, w
    if fmt in ('fp8-tensor', 'fp8-row'):
        if fmt == 'fp8-tensor':
            sb = (w.abs().amax() / 448.0).float().reshape(())
            q = (w.float() / sb).to(FP8)
            ref = (q.float() * sb).to(torch.bfloat16)
            sb_t = sb
        else:
            sb = (w.abs().amax(dim=0, keepdim=True) / 448.0).float()  # [1, N] per output channel
            q = (w.float() / sb).to(FP8)
            ref = (q.float() * sb).to(torch.bfloat16)
            sb_t = sb
        qt = q.t().contiguous().t()  # column-major [K, N] as _scaled_mm wants
        return {'w': qt, 'sb': sb_t}, k * n + (4 * n if fmt == 'fp8-row' else 4), ref
    if fmt == 'int8':
        sb = (w.abs().amax(dim=0, keepdim=True) / 127.0).float()
        q = torch.round(w.float() / sb).clamp(-127, 127).to(torch.int8)
        ref = (q.float() * sb).to(torch.bfloat16)
        return {'w': q.t().contiguous().t(), 'sb': sb}, k * n + 4 * n, ref
    if fmt in ('int4-torch', 'int4-triton'):
        wg = w.float().view(k // GROUP, GROUP, n)
        s = (wg.abs().amax(dim=1) / 7.0).clamp_min(1e-8)  # [K/G, N]
        codes = (torch.round(wg / s[:, None, :]).clamp(-8, 7) + 8).to(torch.int32).view(k, n)
        s_bf = s.to(torch.bfloat16)
        ref = ((codes.view(k // GROUP, GROUP, n).float() - 8) * s_bf.float()[:, None, :]).view(k, n).to(torch.bfloat16)
        nbytes = k * n // 2 + (k // GROUP) * n * 2
        if fmt == 'int4-triton':
            return {'q': pack_w4_triton(codes), 's': s_bf.contiguous()}, nbytes, ref
        # PyTorch tinygemm: weight [N, K/2] uint8, first value in the high nibble;
        # qScaleAndZeros [K/G, N, 2] with value = (q - 8) * scale + zero.
        # The nibble order and zero convention are tried in turn by bench_gemms (INT4_VARIANT).
        high_first, zero_shift = INT4_VARIANTS[INT4_VARIANT[0]]
        ct = codes.t().contiguous()  # [N, K]
        hi, lo = (ct[:, ::2], ct[:, 1::2]) if high_first else (ct[:, 1::2], ct[:, ::2])
        packed_u8 = ((hi << 4) | lo).to(torch.uint8)
        wp = torch._convert_weight_to_int4pack(packed_u8, 8)
        zeros = torch.zeros_like(s_bf) if not zero_shift else (-8 * s_bf.float()).to(torch.bfloat16)
        sz = torch.stack([s_bf, zeros], dim=2).contiguous()
        return {'wp': wp, 'sz': sz}, nbytes + (k // GROUP) * n * 2, ref
    raise ValueError(fmt)


def pad_rows(x: torch.Tensor, multiple: int) -> torch.Tensor:
    """x with zero rows appended up to a multiple of `multiple` (cuBLASLt FP8 wants M % 16 == 0)."""
    m = x.shape[0]
    mp = -(-m // multiple) * multiple
    if mp == m:
        return x
    xp = torch.zeros((mp, x.shape[1]), device=x.device, dtype=x.dtype)
    xp[:m] = x
    return xp


def make_call(fmt: str, wts: dict, x: torch.Tensor, n: int):
    """A closure running one GEMM of activations x [M, K] with one weight copy."""
    m = x.shape[0]
    if fmt == 'bf16':
        return lambda: torch.matmul(x, wts['w'])
    if fmt.startswith('fp8'):
        x = pad_rows(x, 16)
    if fmt == 'fp8-tensor':
        sa = (x.abs().amax().float() / 448.0).reshape(())
        xa = (x.float() / sa).to(FP8)
        return lambda: torch._scaled_mm(xa, wts['w'], sa, wts['sb'], out_dtype=torch.bfloat16)
    if fmt == 'fp8-row':
        sa = (x.abs().amax(dim=1, keepdim=True).float() / 448.0).clamp_min(1e-12)
        xa = (x.float() / sa).to(FP8)
        return lambda: torch._scaled_mm(xa, wts['w'], sa, wts['sb'], out_dtype=torch.bfloat16)
    if fmt == 'int8':
        mp = max(m, 32)
        xp = torch.zeros((mp, x.shape[1]), device='cuda', dtype=torch.bfloat16)
        xp[:m] = x
        sa = (xp.abs().amax(dim=1, keepdim=True).float() / 127.0).clamp_min(1e-12)
        xa = torch.round(xp.float() / sa).clamp(-127, 127).to(torch.int8)
        return lambda: torch._int_mm(xa, wts['w'])
    if fmt == 'int4-torch':
        return lambda: torch._weight_int4pack_mm(x, wts['wp'], GROUP, wts['sz'])
    if fmt == 'int4-triton':
        out = torch.empty((m, n), device='cuda', dtype=torch.bfloat16)
        return lambda: w4a16_triton(x, wts['q'], wts['s'], out)
    raise ValueError(fmt)


def check(fmt: str, wts: dict, ref_w: torch.Tensor, n: int) -> float:
    """Relative error of one GEMM against x @ dequantised weights (BF16 in, FP32 math)."""
    x = torch.randn(37, ref_w.shape[0], device='cuda', dtype=torch.bfloat16)
    out = make_call(fmt, wts, x, n)()
    if fmt == 'int8':
        xp = torch.zeros((max(37, 32), x.shape[1]), device='cuda', dtype=torch.bfloat16)
        xp[:37] = x
        sa = (xp.abs().amax(dim=1, keepdim=True).float() / 127.0).clamp_min(1e-12)
        out = (out.float() * sa * wts['sb'])[:37]
    out = out[:37]  # FP8 pads the rows to a multiple of 16
    ref = x.float() @ ref_w.float()
    return rel_err(out, ref)


# Weight-only INT4 and 8-bit formats lose accuracy by design: these bound the error
# of the *kernel* against the same dequantised weights (activation rounding included).
TOLERANCE = {'bf16': 1e-2, 'fp8-tensor': 8e-2, 'fp8-row': 8e-2, 'int8': 3e-2, 'int4-torch': 1e-2, 'int4-triton': 1e-2}

KERNELS = {
    'bf16': 'torch.matmul (cuBLAS), BF16 in, BF16 out',
    'fp8-tensor': 'torch._scaled_mm (cuBLASLt FP8), E4M3 A and B, per-tensor scales, BF16 out',
    'fp8-row': 'torch._scaled_mm (rowwise), E4M3 A and B, per-token A and per-channel B scales, BF16 out',
    'int8': 'torch._int_mm (cuBLASLt INT8), INT32 out, M padded to at least 32',
    'int4-torch': 'torch._weight_int4pack_mm (tinygemm), INT4 g128 weights, BF16 activations',
    'int4-triton': 'Triton dequantise-in-GEMM kernel in bench/gpu/bench.py, INT4 g128 symmetric, BF16 activations',
}


def bench_gemms(tokens: list[int], tps: list[int], formats: list[str], log) -> list[dict]:
    rows = []
    for tp in tps:
        for layer, (n, k) in layer_shapes(tp).items():
            for fmt in formats:
                try:
                    first, nbytes, ref = make_weights(fmt, n, k)
                    err = check(fmt, first, ref, n)
                    if fmt == 'int4-torch' and err > TOLERANCE[fmt]:
                        for v in range(len(INT4_VARIANTS)):
                            INT4_VARIANT[0] = v
                            first, nbytes, ref = make_weights(fmt, n, k)
                            err = check(fmt, first, ref, n)
                            if err <= TOLERANCE[fmt]:
                                break
                except Exception as e:  # noqa: BLE001 - record and go on
                    log(f'  {fmt} {layer} tp{tp}: unavailable: {type(e).__name__}: {e}')
                    rows.append({'format': fmt, 'layer': layer, 'tp': tp, 'n': n, 'k': k, 'error': f'{type(e).__name__}: {e}'[:300]})
                    continue
                del ref
                ok = err <= TOLERANCE[fmt]
                copies = [first] + [make_weights(fmt, n, k)[0] for _ in range(copies_for(nbytes) - 1)]
                for m in tokens:
                    x = torch.randn(m, k, device='cuda', dtype=torch.bfloat16)
                    try:
                        calls = [make_call(fmt, c, x, n) for c in copies]
                        sec = time_graph(calls)
                    except Exception as e:  # noqa: BLE001
                        rows.append({'format': fmt, 'layer': layer, 'tp': tp, 'n': n, 'k': k, 'tokens': m, 'error': f'{type(e).__name__}: {e}'[:300]})
                        continue
                    flops = 2 * m * n * k
                    rows.append({
                        'format': fmt, 'layer': layer, 'tp': tp, 'n': n, 'k': k, 'tokens': m,
                        'seconds': sec, 'weight_bytes': nbytes,
                        'tflops': flops / sec / 1e12,
                        'weight_gbps': nbytes / sec / 1e9,
                        'rel_err': err, 'check_passed': ok, 'copies': len(copies),
                    })
                log(f'  {fmt:11s} {layer:7s} tp{tp} n={n:6d} k={k:6d} err={err:.1e} copies={len(copies)} '
                    + ' '.join(f"{r['tokens']}:{r['seconds']*1e6:.0f}us" for r in rows if r.get('format') == fmt and r.get('layer') == layer and r.get('tp') == tp and 'seconds' in r))
                del copies, first
                torch.cuda.empty_cache()
    return rows


def bench_attention(contexts: list[int], log) -> list[dict]:
    rows = []
    g = HEADS // KV_HEADS
    for ctx in contexts:
        bsz = max(1, min(64, (2 * 2**30) // (ctx * KV_HEADS * HEAD_DIM * 2 * 2)))  # ~2 GiB of BF16 KV
        q = torch.randn(bsz, KV_HEADS, g, HEAD_DIM, device='cuda', dtype=torch.bfloat16)
        k = torch.randn(bsz, KV_HEADS, ctx, HEAD_DIM, device='cuda', dtype=torch.bfloat16)
        v = torch.randn(bsz, KV_HEADS, ctx, HEAD_DIM, device='cuda', dtype=torch.bfloat16)
        qs = q.reshape(bsz, HEADS, 1, HEAD_DIM)
        ref = torch.nn.functional.scaled_dot_product_attention(qs.float(), k.float(), v.float(), enable_gqa=True)
        ref = ref.reshape(bsz, KV_HEADS, g, HEAD_DIM)
        nsplit = max(1, min(64, 264 // (bsz * KV_HEADS) + 1))
        for kv in ('bf16', 'fp8'):
            kk, vv = (k, v) if kv == 'bf16' else (k.to(FP8), v.to(FP8))
            refk = ref if kv == 'bf16' else torch.nn.functional.scaled_dot_product_attention(
                qs.float(), kk.float(), vv.float(), enable_gqa=True).reshape(bsz, KV_HEADS, g, HEAD_DIM)
            err = rel_err(decode_attention(q, kk, vv, nsplit), refk)
            sec = time_graph([lambda: decode_attention(q, kk, vv, nsplit)])
            kv_bytes = 2 * bsz * KV_HEADS * ctx * HEAD_DIM * (2 if kv == 'bf16' else 1)
            rows.append({'kernel': 'triton-split-k', 'kv': kv, 'context': ctx, 'batch': bsz, 'seconds': sec,
                         'kv_bytes': kv_bytes, 'kv_gbps': kv_bytes / sec / 1e9, 'rel_err': err,
                         'check_passed': err < 2e-2, 'splits': nsplit})
        sdpa = lambda: torch.nn.functional.scaled_dot_product_attention(qs, k, v, enable_gqa=True)  # noqa: E731
        try:
            sec = time_graph([sdpa])
            err = rel_err(sdpa().reshape(bsz, KV_HEADS, g, HEAD_DIM), ref)
            kv_bytes = 2 * bsz * KV_HEADS * ctx * HEAD_DIM * 2
            rows.append({'kernel': 'torch-sdpa', 'kv': 'bf16', 'context': ctx, 'batch': bsz, 'seconds': sec,
                         'kv_bytes': kv_bytes, 'kv_gbps': kv_bytes / sec / 1e9, 'rel_err': err, 'check_passed': err < 2e-2})
        except Exception as e:  # noqa: BLE001
            rows.append({'kernel': 'torch-sdpa', 'kv': 'bf16', 'context': ctx, 'error': str(e)[:300]})
        log('  ctx %6d batch %3d ' % (ctx, bsz) + ' '.join(
            f"{r['kernel']}/{r['kv']}:{r.get('kv_gbps', 0):.0f}GB/s" for r in rows if r.get('context') == ctx))
        del q, k, v, ref
        torch.cuda.empty_cache()
    return rows


def smi(query: str) -> str:
    try:
        return subprocess.run(['nvidia-smi', f'--query-gpu={query}', '--format=csv,noheader'],
                              capture_output=True, text=True, timeout=20).stdout.strip()
    except Exception as e:  # noqa: BLE001
        return f'unavailable: {e}'


def memory_overheads() -> dict:
    """What the CUDA context and cuBLAS take (read before anything else allocates)."""
    free0, total = torch.cuda.mem_get_info()
    a = torch.randn(4096, 4096, device='cuda', dtype=torch.bfloat16)
    torch.cuda.synchronize()
    free1, _ = torch.cuda.mem_get_info()
    alloc1 = torch.cuda.memory_reserved()
    torch.matmul(a, a)
    torch.cuda.synchronize()
    free2, _ = torch.cuda.mem_get_info()
    alloc2 = torch.cuda.memory_reserved()
    return {
        'cuda_total_bytes': total,
        'free_after_context_bytes': free0,
        'used_by_context_bytes': total - free0,
        'cublas_first_matmul_non_torch_bytes': (free1 - free2) - (alloc2 - alloc1),
        'note': 'torch.cuda.mem_get_info() after torch initialised the CUDA context (before any tensor); '
                'cuBLAS: device memory the first matmul took outside PyTorch\'s allocator (handle + workspace).',
    }


def provenance(argv: list[str]) -> dict:
    p = torch.cuda.get_device_properties(0)
    return {
        'gpu_name': torch.cuda.get_device_name(0),
        'gpu_memory_bytes_cuda': int(p.total_memory),
        'sm_count': p.multi_processor_count,
        'l2_bytes': l2_bytes(),
        'compute_capability': f'{p.major}.{p.minor}',
        'nvidia_smi': smi('name,memory.total,driver_version,clocks.sm,clocks.mem,clocks.max.sm,clocks.max.mem,power.limit'),
        'nvidia_smi_fields': 'name,memory.total,driver_version,clocks.sm,clocks.mem,clocks.max.sm,clocks.max.mem,power.limit',
        'torch': torch.__version__,
        'cuda': torch.version.cuda,
        'triton': triton.__version__,
        'python': platform.python_version(),
        'hostname': socket.gethostname(),
        'date': _dt.datetime.now(_dt.timezone.utc).isoformat(timespec='seconds'),
        'command': 'python3 ' + ' '.join(argv),
        'not_installed': 'vLLM, bitsandbytes, Marlin, Machete (GEMM-level numbers, not serving-engine numbers)',
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument('--out', required=True)
    ap.add_argument('--quick', action='store_true', help='a few shapes only (smoke test)')
    ap.add_argument('--formats', default='bf16,fp8-tensor,fp8-row,int8,int4-torch,int4-triton')
    args = ap.parse_args()
    torch.manual_seed(0)
    t_start = time.time()
    log = lambda s: print(s, flush=True)  # noqa: E731
    torch.cuda.init()
    torch.zeros(1, device='cuda')
    mem = memory_overheads()
    prov = provenance(sys.argv)
    log(f"{prov['gpu_name']} torch {prov['torch']} cuda {prov['cuda']} triton {prov['triton']}")
    log(f"smi: {prov['nvidia_smi']}")
    log(f"memory: {mem}")
    bw = bench_bandwidth()
    log(f"bandwidth read {bw['read_bytes_per_second']/1e12:.2f} TB/s copy {bw['copy_bytes_per_second']/1e12:.2f} TB/s")
    peak = bench_peak()
    log(f"peak bf16 {peak['bf16_flops_per_second']/1e12:.0f} TFLOP/s fp8 {peak['fp8_flops_per_second']/1e12:.0f}")
    tokens = [1, 16, 256, 4096] if args.quick else TOKENS
    tps = [4] if args.quick else TPS
    gemms: list[dict] = []
    attn = bench_attention([1024, 4096] if args.quick else [1024, 2048, 4096, 8192, 16384, 32768], log)

    def write() -> None:
        result = {
            'schema': 1,
            'model_shapes': 'meta-llama/Llama-3.1-70B: hidden 8192, intermediate 28672, 64 heads, 8 KV heads, head_dim 128',
            'provenance': prov,
            'memory': mem,
            'bandwidth': bw,
            'peak': peak,
            'kernels': KERNELS,
            'gemm': gemms,
            'attention': attn,
            'wall_seconds': time.time() - t_start,
        }
        with open(args.out, 'w') as f:
            json.dump(result, f, indent=1)

    write()
    for tp in tps:  # one tensor-parallel degree at a time, written as it completes
        gemms += bench_gemms(tokens, [tp], args.formats.split(','), log)
        write()
    log(f'wrote {args.out} in {time.time() - t_start:.0f} s')


if __name__ == '__main__':
    main()
