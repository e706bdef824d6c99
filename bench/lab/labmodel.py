# The accuracy lab's model, shared by train.py and eval.py, and mirrored line for line by lib/lab/ (TypeScript).
#
# A small decoder-only transformer over bytes (vocabulary 256: the UTF-8 bytes of the text), pre-norm:
#   h = tok_emb[x] + pos_emb[position]
#   per block:  h = h + attn.proj(causal_attention(attn.qkv(rmsnorm(h, norm1))))
#               h = h + mlp.proj(gelu_tanh(mlp.fc(rmsnorm(h, norm2))))
#   logits = rmsnorm(h, norm_f) @ tok_emb^T          (LM head tied to the token embedding)
# No biases anywhere (as in Llama). RMSNorm: x / sqrt(mean(x^2) + eps) * w (Zhang & Sennrich, arXiv 1910.07467).
# GELU, tanh form: 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))) (Hendrycks & Gimpel, arXiv 1606.08415).
# The quantized linear layers are the 4 per block (attn.qkv, attn.proj, mlp.fc, mlp.proj); the embeddings,
# LM head and norms stay at the exported fp16 precision.
#
# File format: safetensors (huggingface/safetensors README "Format"): an 8-byte little-endian header length N,
# N bytes of JSON {name: {dtype, shape, data_offsets}, "__metadata__": {str: str}}, then the raw little-endian
# tensor bytes. Tensors are F16; __metadata__["config"] is the model config as JSON.
import json
import math
import struct

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

FORMAT = 'quant-70b-lab-v1'
LINEARS = ('attn.qkv', 'attn.proj', 'mlp.fc', 'mlp.proj')


def default_config(**overrides):
    cfg = dict(vocab_size=256, context_tokens=256, d_model=256, n_layers=3, n_heads=4, d_mlp=768, norm_eps=1e-5)
    cfg.update(overrides)
    return cfg


PRESETS = {
    # ~2.1 M parameters, 4.2 MB of fp16: the model the lab ships.
    'lab': default_config(),
    # ~0.1 M parameters: CPU smoke tests and the committed parity fixture (lib/lab/fixtures/).
    'tiny': default_config(context_tokens=64, d_model=64, n_layers=2, n_heads=2, d_mlp=192),
}


class RMSNorm(nn.Module):
    def __init__(self, d, eps):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(d))
        self.eps = eps

    def forward(self, x):
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps) * self.weight


class Block(nn.Module):
    def __init__(self, cfg, dropout):
        super().__init__()
        d = cfg['d_model']
        self.n_heads = cfg['n_heads']
        self.norm1 = RMSNorm(d, cfg['norm_eps'])
        self.qkv = nn.Linear(d, 3 * d, bias=False)
        self.proj = nn.Linear(d, d, bias=False)
        self.norm2 = RMSNorm(d, cfg['norm_eps'])
        self.fc = nn.Linear(d, cfg['d_mlp'], bias=False)
        self.fc_proj = nn.Linear(cfg['d_mlp'], d, bias=False)
        self.dropout = dropout

    def forward(self, h):
        B, T, d = h.shape
        hd = d // self.n_heads
        q, k, v = self.qkv(self.norm1(h)).split(d, dim=-1)
        q, k, v = (t.view(B, T, self.n_heads, hd).transpose(1, 2) for t in (q, k, v))
        if hasattr(F, 'scaled_dot_product_attention'):  # torch >= 2.0 (the GPU machine): fused kernels
            a = F.scaled_dot_product_attention(q, k, v, is_causal=True, dropout_p=self.dropout if self.training else 0.0)
        else:
            a = causal_attention(q, k, v)
        a = a.transpose(1, 2).reshape(B, T, d)
        h = h + F.dropout(self.proj(a), self.dropout, self.training)
        m = self.fc_proj(F.gelu(self.fc(self.norm2(h)), approximate='tanh'))
        return h + F.dropout(m, self.dropout, self.training)


def causal_attention(q, k, v):
    """softmax(q k^T / sqrt(head_dim) + causal mask) v, written out (torch 1.13 has no scaled_dot_product_attention)."""
    T = q.shape[-2]
    att = (q @ k.transpose(-2, -1)) / math.sqrt(q.shape[-1])
    mask = torch.ones(T, T, dtype=torch.bool, device=q.device).tril()
    att = att.masked_fill(~mask, float('-inf')).softmax(-1)
    return att @ v


class LabModel(nn.Module):
    def __init__(self, cfg, dropout=0.0):
        super().__init__()
        self.cfg = cfg
        self.tok_emb = nn.Embedding(cfg['vocab_size'], cfg['d_model'])
        self.pos_emb = nn.Embedding(cfg['context_tokens'], cfg['d_model'])
        self.blocks = nn.ModuleList(Block(cfg, dropout) for _ in range(cfg['n_layers']))
        self.norm_f = RMSNorm(cfg['d_model'], cfg['norm_eps'])
        self.drop = dropout
        for name, p in self.named_parameters():
            if p.dim() == 2:  # GPT-2 initialisation: N(0, 0.02), residual projections scaled by 1/sqrt(2 n_layers)
                std = 0.02 / math.sqrt(2 * cfg['n_layers']) if name.endswith(('proj.weight', 'fc_proj.weight')) else 0.02
                nn.init.normal_(p, 0.0, std)

    def forward(self, idx):
        T = idx.shape[1]
        h = self.tok_emb(idx) + self.pos_emb(torch.arange(T, device=idx.device))
        h = F.dropout(h, self.drop, self.training)
        for b in self.blocks:
            h = b(h)
        return self.norm_f(h) @ self.tok_emb.weight.t()


def param_count(cfg):
    d, L, V, C, m = cfg['d_model'], cfg['n_layers'], cfg['vocab_size'], cfg['context_tokens'], cfg['d_mlp']
    return V * d + C * d + L * (3 * d * d + d * d + 2 * d * m + 2 * d) + d


# ---- export / import (safetensors, F16) ----

def tensor_names(cfg):
    names = ['tok_emb', 'pos_emb']
    for i in range(cfg['n_layers']):
        names += [f'blocks.{i}.norm1', f'blocks.{i}.attn.qkv', f'blocks.{i}.attn.proj',
                  f'blocks.{i}.norm2', f'blocks.{i}.mlp.fc', f'blocks.{i}.mlp.proj']
    return names + ['norm_f']


def state_to_tensors(model):
    """Our names -> float32 numpy arrays, weights as [out, in] (torch nn.Linear layout)."""
    out = {'tok_emb': model.tok_emb.weight, 'pos_emb': model.pos_emb.weight, 'norm_f': model.norm_f.weight}
    for i, b in enumerate(model.blocks):
        out.update({f'blocks.{i}.norm1': b.norm1.weight, f'blocks.{i}.attn.qkv': b.qkv.weight,
                    f'blocks.{i}.attn.proj': b.proj.weight, f'blocks.{i}.norm2': b.norm2.weight,
                    f'blocks.{i}.mlp.fc': b.fc.weight, f'blocks.{i}.mlp.proj': b.fc_proj.weight})
    return {k: v.detach().float().cpu().numpy() for k, v in out.items()}


def save_safetensors(path, tensors, cfg, extra_meta=None):
    header, blobs, offset = {}, [], 0
    for name in tensor_names(cfg):
        a = np.ascontiguousarray(tensors[name], dtype='<f2')
        b = a.tobytes()
        header[name] = {'dtype': 'F16', 'shape': list(a.shape), 'data_offsets': [offset, offset + len(b)]}
        blobs.append(b)
        offset += len(b)
    meta = {'format': FORMAT, 'config': json.dumps(cfg, sort_keys=True)}
    meta.update({k: v if isinstance(v, str) else json.dumps(v) for k, v in (extra_meta or {}).items()})
    header['__metadata__'] = meta
    h = json.dumps(header, separators=(',', ':')).encode()
    h += b' ' * (-len(h) % 8)  # safetensors pads the header with spaces to a multiple of 8
    with open(path, 'wb') as f:
        f.write(struct.pack('<Q', len(h)) + h + b''.join(blobs))
    return 8 + len(h) + offset


def load_safetensors(path):
    """-> (cfg, metadata, {name: float32 numpy array}). F16 and F32 tensors."""
    raw = open(path, 'rb').read()
    (n,) = struct.unpack('<Q', raw[:8])
    header = json.loads(raw[8:8 + n])
    meta = header.pop('__metadata__', {})
    base = 8 + n
    dtypes = {'F16': '<f2', 'F32': '<f4'}
    tensors = {}
    for name, t in header.items():
        s, e = t['data_offsets']
        tensors[name] = np.frombuffer(raw[base + s:base + e], dtype=dtypes[t['dtype']]).reshape(t['shape']).astype(np.float32)
    return json.loads(meta['config']), meta, tensors


# ---- evaluation forward pass with pluggable linear layers (the same as lib/lab/forward.ts) ----

def rmsnorm(x, w, eps):
    return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps) * w


def int8_per_token(x):
    """W8A8's activation side: per-token (per-row) symmetric absmax INT8, x̂ = round(x / s) s, s = absmax / 127
    (as lib/quant quantizeInt8Absmax with blockSize = row length; round half to even, float32)."""
    absmax = x.abs().amax(-1, keepdim=True)
    scale = absmax / 127
    tiny = 2.0 ** -126
    scale = torch.where(scale < tiny, torch.where(absmax == 0, torch.zeros_like(scale), torch.full_like(scale, tiny)), scale)
    safe = torch.where(scale == 0, torch.ones_like(scale), scale)
    q = torch.clamp(torch.round(x / safe), -127, 127)
    return torch.where(scale == 0, torch.zeros_like(x), q * scale)


def forward_eval(tensors, cfg, tokens, linears=None, capture=None, accumulate='float32'):
    """Logits [T, vocab] (float32) for one window of token ids (T <= context), no dropout.
    linears: optional {name: {'weight': [out,in] float32 tensor, 'act_quant': None|'int8-per-token',
    'smoothing': None|[in] tensor}} replacing the stored weights; capture: optional dict name -> list of inputs.

    accumulate='float64' is lib/lab/forward.ts's numeric rule (eval.py's default, for the parity fixtures): every activation is stored in float32,
    and every matmul, norm, softmax and GELU is computed in float64 from those float32 values, its result rounded
    once to float32. The quantizers (int8_per_token, quantref.py) run in float32 either way. 'float32' (the default,
    as train.py evaluates) is plain torch float32 (summation order of the BLAS kernel). Weight-only formats agree either way to about 1e-7, but
    W8A8 amplifies the last-bit differences (a token whose activation moves across an INT8 rounding boundary
    changes its later layers by a whole step, which moves more activations): on the lab model, float32 runs with
    different thread counts or torch versions scatter by ±5e-4 in perplexity, while float64 accumulation here
    equals lib/lab to about 1e-15."""
    d, H = cfg['d_model'], cfg['n_heads']
    hd = d // H
    T = len(tokens)
    tt = {k: torch.from_numpy(v) for k, v in tensors.items()}
    idx = torch.tensor(tokens, dtype=torch.long)
    f64 = accumulate == 'float64'
    assert accumulate in ('float32', 'float64'), accumulate

    def matmul_t(x, w):
        return (x.double() @ w.double().t()).float() if f64 else x @ w.t()

    def norm(x, w):
        if not f64:
            return rmsnorm(x, w, cfg['norm_eps'])
        xd = x.double()
        return (xd * torch.rsqrt(xd.pow(2).mean(-1, keepdim=True) + cfg['norm_eps']) * w.double()).float()

    def linear(name, x):
        if capture is not None:
            capture.setdefault(name, []).append(x.clone())
        spec = (linears or {}).get(name)
        if spec is None:
            return matmul_t(x, tt[name])
        if spec.get('smoothing') is not None:
            x = x / spec['smoothing']
        if spec.get('act_quant') == 'int8-per-token':
            x = int8_per_token(x)
        return matmul_t(x, spec['weight'])

    h = tt['tok_emb'][idx] + tt['pos_emb'][:T]
    for i in range(cfg['n_layers']):
        p = f'blocks.{i}.'
        qkv = linear(p + 'attn.qkv', norm(h, tt[p + 'norm1']))
        q, k, v = (t.view(T, H, hd).transpose(0, 1) for t in qkv.split(d, dim=-1))
        a = causal_attention(q.double(), k.double(), v.double()).float() if f64 else causal_attention(q, k, v)
        a = a.transpose(0, 1).reshape(T, d)
        h = h + linear(p + 'attn.proj', a)
        fc = linear(p + 'mlp.fc', norm(h, tt[p + 'norm2']))
        m = F.gelu(fc.double(), approximate='tanh').float() if f64 else F.gelu(fc, approximate='tanh')
        h = h + linear(p + 'mlp.proj', m)
    return matmul_t(norm(h, tt['norm_f']), tt['tok_emb'])


def windows(n_tokens, context):
    """Non-overlapping windows for perplexity (the same rule as lib/lab/metrics.ts): window w feeds tokens
    [w·C, min((w+1)·C, n−1)) and predicts each one's next token, so n tokens give n−1 predictions and every
    prediction sees only the tokens before it in its own window."""
    out, s = [], 0
    while s < n_tokens - 1:
        e = min(s + context, n_tokens - 1)
        out.append((s, e))
        s = e
    return out


def eval_logprobs(tensors, cfg, tokens, linears=None, accumulate='float32'):
    """float64 log-probabilities [n−1, vocab] of each next token, over non-overlapping windows."""
    rows = []
    with torch.no_grad():
        for s, e in windows(len(tokens), cfg['context_tokens']):
            logits = forward_eval(tensors, cfg, tokens[s:e], linears, accumulate=accumulate)
            rows.append(torch.log_softmax(logits.double(), -1))
    return torch.cat(rows)


def perplexity(tensors, cfg, tokens):
    """exp(mean NLL) over non-overlapping windows, one window at a time (for long texts)."""
    total, n = 0.0, 0
    with torch.no_grad():
        for s, e in windows(len(tokens), cfg['context_tokens']):
            logp = torch.log_softmax(forward_eval(tensors, cfg, tokens[s:e]).double(), -1)
            tgt = torch.tensor(tokens[s + 1:e + 1], dtype=torch.long)
            total -= logp.gather(1, tgt.view(-1, 1)).sum().item()
            n += len(tgt)
    return {'predictions': n, 'meanNllNats': total / n, 'perplexity': math.exp(total / n)}


def metrics(logp, tokens, ref_logp=None):
    """Perplexity exp(mean NLL); vs a reference: flip rate (share of positions whose argmax changes; Dutta et al.,
    arXiv 2407.09141) and mean KL(P_ref || P) per token, in nats."""
    targets = torch.tensor(tokens[1:], dtype=torch.long)
    nll = -logp.gather(1, targets.view(-1, 1)).mean().item()
    out = {'predictions': len(targets), 'meanNllNats': nll, 'perplexity': math.exp(nll)}
    if ref_logp is not None:
        out['flipRate'] = (logp.argmax(-1) != ref_logp.argmax(-1)).double().mean().item()
        out['flips'] = int((logp.argmax(-1) != ref_logp.argmax(-1)).sum())
        out['klMeanNats'] = (ref_logp.exp() * (ref_logp - logp)).sum(-1).mean().item()
    return out


def text_tokens(text):
    """The tokenizer: the UTF-8 bytes of the text (vocabulary 256)."""
    return list(text.encode('utf-8'))
