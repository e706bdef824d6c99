# PyTorch reference for lib/lab: evaluates an exported lab model at full precision and in every built-in quantized
# format (bench/lab/quantref.py, the rules of lib/quant) on the committed held-out slice, with the same
# non-overlapping windows as lib/lab/metrics.ts, and writes a fixture that lib/lab/parity.test.ts compares with:
# perplexity, flips / flip rate and mean KL(P_fp || P_q) per format, and a SHA-256 of every dequantized weight matrix
# (float32 little-endian bytes, −0 written as +0).
#
#   python3 bench/lab/eval.py --weights lib/lab/fixtures/tiny-kjv.safetensors --out lib/lab/fixtures/parity-tiny.json
#   python3 bench/lab/eval.py --weights public/lab/kjv-lab.safetensors --out lib/lab/fixtures/parity-lab.json
#
# Runs on the CPU (torch.set_num_threads(1) for a repeatable summation order), by default with lib/lab's numeric rule:
# activations stored in float32, every sum in float64 (--accumulate float64; see labmodel.forward_eval for why W8A8
# needs it).
import argparse
import hashlib
import json
import os
import sys
import time

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..'))
sys.path.insert(0, HERE)
import labmodel as lm  # noqa: E402
import quantref as qr  # noqa: E402

p = argparse.ArgumentParser()
p.add_argument('--weights', required=True, help='a .safetensors written by train.py (path relative to the repository root)')
p.add_argument('--out', required=True)
p.add_argument('--text', default='lib/lab/data/kjv-heldout.json', help='JSON with a "text" field')
p.add_argument('--tokens', type=int, default=1025, help='evaluate the first N byte tokens (N − 1 predictions)')
p.add_argument('--formats', default=','.join(qr.FORMATS))
p.add_argument('--accumulate', choices=('float64', 'float32'), default='float64',
               help="float64: lib/lab's rule (float32 activations, float64 sums); see labmodel.forward_eval")
p.add_argument('--dequantized', help='a .safetensors of lib/lab-quantized weights (bench/lab/export-calibrated.ts): '
               'evaluate its methods instead of --formats')
args = p.parse_args()
torch.set_num_threads(1)

rel = lambda path: os.path.relpath(os.path.abspath(path), ROOT)  # noqa: E731
cfg, meta, tensors = lm.load_safetensors(args.weights)
text_file = json.load(open(args.text))
tokens = lm.text_tokens(text_file['text'])[:args.tokens]
assert len(tokens) == args.tokens, f'the text has only {len(tokens)} tokens'

t0 = time.time()
ref = lm.eval_logprobs(tensors, cfg, tokens, accumulate=args.accumulate)
results = {'fp16': lm.metrics(ref, tokens)}
hashes = {}


def read_dequantized(path):
    """{method id: {layer: {'weight', 'act_quant', 'smoothing'}}}, and the methods metadata, from a file written by
    bench/lab/export-calibrated.ts (F32 tensors '<id>:<layer>' and '<id>:<layer>:smoothing')."""
    raw = open(path, 'rb').read()
    n = int.from_bytes(raw[:8], 'little')
    header = json.loads(raw[8:8 + n])
    info = json.loads(header.pop('__metadata__')['methods'])
    out = {m: {} for m in info}
    for name, t in header.items():
        s0, e0 = t['data_offsets']
        arr = torch.from_numpy(np.frombuffer(raw[8 + n + s0:8 + n + e0], dtype='<f4').reshape(t['shape']).copy())
        method, layer, *rest = name.split(':')
        spec = out[method].setdefault(layer, {'weight': None, 'act_quant': info[method]['actQuant'], 'smoothing': None})
        spec['smoothing' if rest else 'weight'] = arr
    return out, info


if args.dequantized:
    methods, info = read_dequantized(args.dequantized)
    for m, linears in methods.items():
        hashes[m] = {k: hashlib.sha256((v['weight'] + 0.0).numpy().astype('<f4').tobytes()).hexdigest()
                     for k, v in linears.items()}
        results[m] = lm.metrics(lm.eval_logprobs(tensors, cfg, tokens, linears, accumulate=args.accumulate), tokens, ref)
        results[m]['quantizeSecondsNode'] = info[m]['seconds']
        print(m, json.dumps(results[m]), flush=True)
for fmt in ([] if args.dequantized else args.formats.split(',')):
    wfn, act = qr.FORMATS[fmt]
    linears, hashes[fmt] = {}, {}
    for i in range(cfg['n_layers']):
        for name in lm.LINEARS:
            key = f'blocks.{i}.{name}'
            wdq = wfn(torch.from_numpy(tensors[key]))
            linears[key] = {'weight': wdq, 'act_quant': act, 'smoothing': None}
            # + 0.0 turns −0 into +0: torch keeps the sign of round(−0.3) = −0, lib/quant stores integer codes.
            hashes[fmt][key] = hashlib.sha256((wdq + 0.0).contiguous().numpy().astype('<f4').tobytes()).hexdigest()
    results[fmt] = lm.metrics(lm.eval_logprobs(tensors, cfg, tokens, linears, accumulate=args.accumulate), tokens, ref)
    print(fmt, json.dumps(results[fmt]), flush=True)

out = {
    'provenance': f'torch {torch.__version__}, numpy {np.__version__}, CPU, 1 thread, activations float32, '
                  f'sums in {args.accumulate}; script bench/lab/eval.py',
    'command': 'python3 bench/lab/eval.py ' + ' '.join(sys.argv[1:]),
    'weights': rel(args.weights),
    'weightsSha256': hashlib.sha256(open(args.weights, 'rb').read()).hexdigest(),
    'config': cfg,
    'text': rel(args.text),
    'tokens': len(tokens),
    'windows': 'non-overlapping, %d tokens' % cfg['context_tokens'],
    'seconds': round(time.time() - t0, 1),
    'results': results,
    'dequantizedWeightSha256': hashes,
}
if args.dequantized:
    out['dequantized'] = {'file': os.path.basename(args.dequantized),
                          'sha256': hashlib.sha256(open(args.dequantized, 'rb').read()).hexdigest(),
                          'methods': info,
                          'note': 'weights quantized by lib/lab (bench/lab/export-calibrated.ts), evaluated here'}
with open(args.out, 'w') as f:
    json.dump(out, f, indent=1)
    f.write('\n')
print('wrote', args.out, 'fp16 perplexity %.4f' % results['fp16']['perplexity'])
