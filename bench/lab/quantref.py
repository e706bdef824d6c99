# The lab's weight quantizers in PyTorch, to the same rules as lib/quant (float32 arithmetic at each step,
# torch.round = round half to even), so that eval.py can check lib/lab's numbers. Transcribed from
# lib/quant/fixtures/torch-reference.py (bitsandbytes' reference kernels; GPTQ's quant.py), which lib/quant's
# tests hold bit for bit against lib/quant.
#
# Which weights: every linear layer of every block (attn.qkv, attn.proj, mlp.fc, mlp.proj), stored [out, in].
#   int8      per output channel (one scale per row):        lib/quant quantizeInt8Absmax, blockSize = in
#   w8a8      int8 weights as above + per-token INT8 activations (no SmoothQuant)
#   nf4       blocks of 64 over the flattened [out, in] tensor (bitsandbytes flattens): quantizeNF4
#   int4/3/2  asymmetric min/max (GPTQ quant.py) in groups of 128 along each row's input dimension, the last
#             group of a row partial when in is not a multiple of 128: quantizeAffine, groupSize 128
import torch

NF4 = torch.tensor([-1.0, -0.6961928009986877, -0.5250730514526367, -0.39491748809814453, -0.28444138169288635,
    -0.18477343022823334, -0.09105003625154495, 0.0, 0.07958029955625534, 0.16093020141124725, 0.24611230194568634,
    0.33791524171829224, 0.44070982933044434, 0.5626170039176941, 0.7229568362236023, 1.0], dtype=torch.float32)
TINY = 2.0 ** -126  # smallest normal float32: lib/quant's floor for a scale that would underflow


def int8_rows(w):
    """Symmetric absmax INT8, one scale per row: s = absmax / 127, q = round(w / s), ŵ = q s."""
    absmax = w.abs().amax(1, keepdim=True)
    scale = absmax / 127
    scale = torch.where(scale < TINY, torch.where(absmax == 0, torch.zeros_like(scale), torch.full_like(scale, TINY)), scale)
    safe = torch.where(scale == 0, torch.ones_like(scale), scale)
    q = torch.clamp(torch.round(w / safe), -127, 127)
    return torch.where(scale == 0, torch.zeros_like(w), q * scale)


def nf4_flat(w, block=64):
    """bitsandbytes quantize_4bit(nf4) reference kernel: scaled = clamp(x * (1 / absmax.clamp(1e-38)), -1, 1),
    code = bucketize(scaled, midpoints) (a tie goes to the lower level), ŵ = NF4[code] * absmax."""
    flat = w.reshape(-1)
    n = flat.numel()
    assert n % block == 0, 'every lab tensor is a multiple of 64 values'
    blocks = flat.reshape(-1, block)
    absmax = blocks.abs().amax(1, keepdim=True)
    scaled = torch.clamp(blocks * (1.0 / absmax.clamp(min=1e-38)), -1, 1)
    mids = (NF4[:-1] + NF4[1:]) / 2
    codes = torch.bucketize(scaled, mids)
    return (NF4[codes] * absmax).reshape(w.shape)


def affine_group(x, bits):
    """GPTQ quant.py find_params(sym=False) + quantize() on one group (float32)."""
    maxq = 2 ** bits - 1
    lo = torch.clamp(x.min(), max=0.0)
    hi = torch.clamp(x.max(), min=0.0)
    if lo == 0 and hi == 0:
        lo, hi = torch.tensor(-1.0), torch.tensor(1.0)
    s = (hi - lo) / maxq
    s = torch.clamp(s, min=TINY)
    z = torch.clamp(torch.round(-lo / s), max=maxq)
    q = torch.clamp(torch.round(x / s) + z, 0, maxq)
    return s * (q - z)


def affine_rows(w, bits, group=128):
    out = torch.empty_like(w)
    for r in range(w.shape[0]):
        for s in range(0, w.shape[1], group):
            out[r, s:s + group] = affine_group(w[r, s:s + group], bits)
    return out


def affine_rows_fast(w, bits, group=128):
    """affine_rows, vectorised when the row length is a multiple of the group (the usual case)."""
    if w.shape[1] % group:
        return affine_rows(w, bits, group)
    maxq = 2 ** bits - 1
    g = w.reshape(-1, group)
    lo = torch.clamp(g.amin(1, keepdim=True), max=0.0)
    hi = torch.clamp(g.amax(1, keepdim=True), min=0.0)
    both0 = (lo == 0) & (hi == 0)
    lo = torch.where(both0, torch.full_like(lo, -1.0), lo)
    hi = torch.where(both0, torch.full_like(hi, 1.0), hi)
    s = torch.clamp((hi - lo) / maxq, min=TINY)
    z = torch.clamp(torch.round(-lo / s), max=maxq)
    q = torch.clamp(torch.round(g / s) + z, 0, maxq)
    return (s * (q - z)).reshape(w.shape)


# id -> (weight function, activation quantization). The ids are lib/lab's BUILTIN_QUANTIZERS ids.
FORMATS = {
    'int8': (int8_rows, None),
    'w8a8': (int8_rows, 'int8-per-token'),
    'nf4': (nf4_flat, None),
    'int4-g128': (lambda w: affine_rows_fast(w, 4), None),
    'int3-g128': (lambda w: affine_rows_fast(w, 3), None),
    'int2-g128': (lambda w: affine_rows_fast(w, 2), None),
}
