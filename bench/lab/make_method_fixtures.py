"""Reference fixtures for lib/quant/gptq.ts and lib/quant/awq.ts, computed by the authors' own code.

Runs, unmodified, on CPU (float32, as the references do):
  - IST-DASLab/gptq  gptq.py (GPTQ.add_batch, GPTQ.fasterquant) and quant.py (Quantizer)
  - mit-han-lab/llm-awq  awq/quantize/auto_scale.py (_search_module_scale, nested in auto_scale_block)
    and awq/quantize/quantizer.py (pseudo_quantize_tensor)
on the layer of lib/quant/fixtures/method-input.ts, and writes lib/quant/fixtures/{gptq,awq}-reference.json.

The reference files are not in this repository. Put them in the git-ignored .ref/ folder:
  git --git-dir=<IST-DASLab/gptq clone>/.git show 2d65066eeb06a5c9ff5184d8cebdf33662c67faf:gptq.py > .ref/gptq/gptq.py
  (same for quant.py), and awq/quantize/{auto_scale,quantizer}.py of mit-han-lab/llm-awq
  d6e797a42b9ef7778de8ee2352116e0f48a78d61 into .ref/llm-awq/awq/quantize/.
Then:
  npx tsx bench/lab/write-method-input.ts .ref/method-input.json
  python3 bench/lab/make_method_fixtures.py .ref/method-input.json .ref lib/quant/fixtures
(Debian's python3-torch 1.13 is enough; no GPU, no transformers, no tqdm: those imports are stubbed below,
in this script, without touching the reference files.)

What is shimmed and why:
  - `transformers`, `tqdm`, awq's `qmodule` and `utils.module`: imported by the reference files for model
    classes this script never uses; stub modules stand in for them.
  - torch.cuda.synchronize / empty_cache: called unconditionally by fasterquant/free; no-ops on CPU.
  - _search_module_scale is a closure inside auto_scale_block (which needs a whole decoder layer); the script
    rebuilds that function from its own code object, with its free variable w_quantize_func rebuilt the same
    way from auto_scale_block's code, so the reference bytecode runs as written.
  - Locals the references compute but do not return (GPTQ's perm and Losses, AWQ's per-ratio history) are read
    from the function's frame when it returns (sys.setprofile).
"""
import base64, contextlib, hashlib, importlib, inspect, json, os, sys, types

import torch
import torch.nn as nn

inp_path, ref_dir, out_dir = sys.argv[1], sys.argv[2], sys.argv[3]
torch.manual_seed(0)
torch.set_num_threads(1)

# --- stubs -----------------------------------------------------------------------------------------------------
def stub(name, **attrs):
    m = types.ModuleType(name)
    m.__dict__.update(attrs)
    sys.modules[name] = m
    return m

class _Unused:  # stands for model classes the reference files only use in isinstance checks
    pass

stub('transformers', Conv1D=type('Conv1D', (_Unused,), {}))
stub('transformers.models')
stub('transformers.models.bloom'); stub('transformers.models.bloom.modeling_bloom', BloomBlock=type('BloomBlock', (_Unused,), {}), BloomGelu=type('BloomGelu', (_Unused,), {}))
stub('transformers.models.opt'); stub('transformers.models.opt.modeling_opt', OPTDecoderLayer=type('OPTDecoderLayer', (_Unused,), {}))
stub('transformers.models.llama'); stub('transformers.models.llama.modeling_llama', LlamaDecoderLayer=type('LlamaDecoderLayer', (_Unused,), {}), LlamaRMSNorm=type('LlamaRMSNorm', (_Unused,), {}))
stub('transformers.models.qwen2'); stub('transformers.models.qwen2.modeling_qwen2', Qwen2DecoderLayer=type('Qwen2DecoderLayer', (_Unused,), {}), Qwen2RMSNorm=type('Qwen2RMSNorm', (_Unused,), {}))
stub('transformers.activations', GELUActivation=type('GELUActivation', (_Unused,), {}))
stub('tqdm', tqdm=lambda x, **k: x)
torch.cuda.synchronize = lambda *a, **k: None
torch.cuda.empty_cache = lambda *a, **k: None

# --- input -----------------------------------------------------------------------------------------------------
inp = json.load(open(inp_path))
rows, cols, tokens = inp['rows'], inp['cols'], inp['tokens']
wb, xb = base64.b64decode(inp['w']), base64.b64decode(inp['x'])
sha = hashlib.sha256(wb + xb).hexdigest()
assert sha == inp['sha256'], 'input hash mismatch'
W = torch.frombuffer(bytearray(wb), dtype=torch.float32).reshape(rows, cols).clone()
X = torch.frombuffer(bytearray(xb), dtype=torch.float32).reshape(tokens, cols).clone()

def b64(t):
    return base64.b64encode(t.detach().contiguous().to(torch.float32).numpy().tobytes()).decode()

def hexcodes(t):
    return ''.join('%x' % v for v in t.reshape(-1).to(torch.int64).tolist())

def git_head(path):
    return open(path).read().strip() if os.path.exists(path) else None

def capture_locals(code, names):
    """Runs fn() and returns the named locals of the frame running `code` when it returns."""
    got = {}
    def prof(frame, event, arg):
        if event == 'return' and frame.f_code is code:
            for n in names:
                got[n] = frame.f_locals.get(n)
    return got, prof

provenance = {
    'torch': torch.__version__ + ' (Debian python3-torch 1.13.1+dfsg-4), CPU, float32, 1 thread',
    'command': 'npx tsx bench/lab/write-method-input.ts .ref/method-input.json && '
               'python3 bench/lab/make_method_fixtures.py .ref/method-input.json .ref lib/quant/fixtures',
    'input': 'lib/quant/fixtures/method-input.ts (methodFixtureInput), sha256 of float32 W then X bytes',
    'inputSha256': sha,
}

# --- GPTQ ------------------------------------------------------------------------------------------------------
sys.path.insert(0, os.path.join(ref_dir, 'gptq'))
gptq_mod = importlib.import_module('gptq')
quant_mod = importlib.import_module('quant')
ref_quantize = gptq_mod.quantize
calls = []
def recording_quantize(x, scale, zero, maxq):  # the reference's own quantize(), plus a record of the integer codes
    q = torch.clamp(torch.round(x / scale) + zero, 0, maxq)
    calls.append((q.flatten().clone(), scale.flatten().clone(), zero.flatten().clone()))
    return ref_quantize(x, scale, zero, maxq)
gptq_mod.quantize = recording_quantize

gptq_runs = []
for bits in (4, 3):
    for groupsize in (32, -1):
        for actorder in (False, True):
            layer = nn.Linear(cols, rows, bias=False)
            layer.weight.data = W.clone()
            g = gptq_mod.GPTQ(layer)
            g.quantizer = quant_mod.Quantizer()
            g.quantizer.configure(bits, perchannel=True, sym=False, mse=False)
            for t in range(tokens):  # one token per add_batch: H = (2 / tokens) Σ x xᵀ exactly as gptqHessian
                g.add_batch(X[t:t + 1], None)
            calls.clear()
            got, prof = capture_locals(inspect.unwrap(gptq_mod.GPTQ.fasterquant).__code__, ['perm', 'Losses'])
            sys.setprofile(prof)
            with contextlib.redirect_stdout(sys.stderr):
                g.fasterquant(blocksize=128, percdamp=0.01, groupsize=groupsize, actorder=actorder)
            sys.setprofile(None)
            perm = got['perm'] if actorder else torch.arange(cols)
            codes_p = torch.stack([c[0] for c in calls], dim=1)  # rows × cols, processing order
            codes = torch.empty_like(codes_p)
            codes[:, perm] = codes_p
            gs = cols if groupsize == -1 else groupsize
            scales = torch.stack([calls[j][1] for j in range(0, cols, gs)], dim=1)  # rows × groups
            zeros = torch.stack([calls[j][2] for j in range(0, cols, gs)], dim=1)
            gptq_runs.append({
                'bits': bits, 'groupSize': None if groupsize == -1 else groupsize, 'actOrder': actorder,
                'order': perm.tolist(), 'loss': float(torch.sum(got['Losses']).item()),
                'codes': hexcodes(codes), 'scales': b64(scales),
                'zeros': zeros.reshape(-1).to(torch.int64).tolist(), 'dequantized': b64(layer.weight.data),
            })
            print(f'gptq bits={bits} g={groupsize} act={actorder}: loss {gptq_runs[-1]["loss"]:.6g}', file=sys.stderr)

json.dump({'provenance': {**provenance, 'reference': 'IST-DASLab/gptq gptq.py + quant.py',
                          'commit': git_head(os.path.join(ref_dir, 'gptq', 'COMMIT')),
                          'settings': 'Quantizer.configure(bits, perchannel=True, sym=False); fasterquant(blocksize=128, '
                                      'percdamp=0.01, groupsize, actorder); one token per add_batch'},
           'rows': rows, 'cols': cols, 'tokens': tokens, 'runs': gptq_runs},
          open(os.path.join(out_dir, 'gptq-reference.json'), 'w'), separators=(',', ':'))

# --- AWQ -------------------------------------------------------------------------------------------------------
awq_root = os.path.join(ref_dir, 'llm-awq', 'awq')
stub('awq').__path__ = [awq_root]
stub('awq.quantize').__path__ = [os.path.join(awq_root, 'quantize')]
stub('awq.quantize.qmodule', ScaledActivation=type('ScaledActivation', (_Unused,), {}))
stub('awq.utils').__path__ = []
stub('awq.utils.module', get_op_by_name=None, get_op_name=None, set_op_by_name=None)
auto_scale = importlib.import_module('awq.quantize.auto_scale')
quantizer = importlib.import_module('awq.quantize.quantizer')

def nested(fn_code, name):
    return next(c for c in fn_code.co_consts if isinstance(c, types.CodeType) and c.co_name == name)

block_code = inspect.unwrap(auto_scale.auto_scale_block).__code__  # unwrap @torch.no_grad()
search_code = nested(block_code, '_search_module_scale')
wq_code = nested(block_code, 'w_quantize_func')

def reference_search(w_bit, q_config):
    # auto_scale_block imports pseudo_quantize_tensor locally, so it is a free variable of the closures too.
    cells = {'w_bit': types.CellType(w_bit), 'q_config': types.CellType(q_config),
             'pseudo_quantize_tensor': types.CellType(quantizer.pseudo_quantize_tensor)}
    w_quantize_func = types.FunctionType(wq_code, auto_scale.__dict__, 'w_quantize_func', None,
                                         tuple(cells[n] for n in wq_code.co_freevars))
    cells['w_quantize_func'] = types.CellType(w_quantize_func)
    return types.FunctionType(search_code, auto_scale.__dict__, '_search_module_scale', ({},),
                              tuple(cells[n] for n in search_code.co_freevars))

awq_runs = []
for bits, groupsize in ((4, 32), (3, 32), (2, 32), (4, -1)):
    q_config = {'zero_point': True, 'q_group_size': groupsize}
    search = reference_search(bits, q_config)
    block = nn.Linear(cols, rows, bias=False)
    block.weight.data = W.clone()
    got, prof = capture_locals(search_code, ['history', 'best_ratio', 'x_max'])
    sys.setprofile(prof)
    with torch.no_grad():  # as auto_scale_block's @torch.no_grad() decorator provides
        best_scales = search(block, [block], X)
    sys.setprofile(None)
    wq, s, z = quantizer.pseudo_quantize_tensor(W * best_scales.view(1, -1), n_bit=bits, zero_point=True,
                                                q_group_size=groupsize, get_scale_zp=True)
    codes = torch.round(wq / s.repeat_interleave(cols if groupsize == -1 else groupsize, dim=1) + z.repeat_interleave(cols if groupsize == -1 else groupsize, dim=1))
    awq_runs.append({
        'bits': bits, 'groupSize': None if groupsize == -1 else groupsize,
        'bestRatio': got['best_ratio'], 'history': got['history'],
        'activationMean': b64(got['x_max']), 'scales': b64(best_scales), 'codes': hexcodes(codes),
    })
    print(f'awq bits={bits} g={groupsize}: best ratio {got["best_ratio"]}', file=sys.stderr)

json.dump({'provenance': {**provenance, 'reference': 'mit-han-lab/llm-awq awq/quantize/auto_scale.py (_search_module_scale) '
                                                     '+ quantizer.py (pseudo_quantize_tensor)',
                          'commit': git_head(os.path.join(ref_dir, 'llm-awq', 'COMMIT')),
                          'settings': 'block = nn.Linear(160, 32, bias=False), linears2scale = [block], '
                                      'q_config = {zero_point: True, q_group_size}'},
           'rows': rows, 'cols': cols, 'tokens': tokens, 'runs': awq_runs},
          open(os.path.join(out_dir, 'awq-reference.json'), 'w'), separators=(',', ':'))
print('wrote gptq-reference.json and awq-reference.json', file=sys.stderr)
