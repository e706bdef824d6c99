# Trains the accuracy lab's small byte-level transformer (bench/lab/labmodel.py) on the KJV corpus and exports it
# as fp16 safetensors for the browser (lib/lab/).
#
#   bash bench/lab/get_corpus.sh                       # once: bench/lab/data/{train,heldout}.txt
#   python3 bench/lab/train.py --out OUTDIR            # GPU: 6 minutes by default (--minutes)
#   python3 bench/lab/train.py --preset tiny --steps 20 --out /tmp/smoke    # CPU smoke test
#
# Seeded; AdamW with linear warm-up then cosine decay to 10 % of the peak learning rate, scheduled over the step
# budget (--steps) or over the wall-clock budget (--minutes: progress = elapsed / budget); bf16 autocast on CUDA,
# fp32 on CPU. The last 2 % of train.txt is a validation slice (for logging and for keeping the best weights);
# heldout.txt is evaluated once at the end, on the exported fp16 weights, with the windows of lib/lab (eval.py).
# Writes OUTDIR/model.safetensors and OUTDIR/train-log.json.
import argparse
import json
import math
import os
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import labmodel as lm  # noqa: E402

p = argparse.ArgumentParser()
p.add_argument('--data', default=os.path.join(os.path.dirname(os.path.abspath(__file__)), 'data'))
p.add_argument('--out', required=True)
p.add_argument('--preset', default='lab', choices=sorted(lm.PRESETS))
p.add_argument('--minutes', type=float, default=6.0, help='wall-clock training budget (ignored with --steps)')
p.add_argument('--steps', type=int, default=0, help='train exactly this many steps instead of a time budget')
p.add_argument('--batch', type=int, default=128, help='sequences per step')
p.add_argument('--lr', type=float, default=2e-3)
p.add_argument('--warmup', type=int, default=200, help='warm-up steps')
p.add_argument('--weight-decay', type=float, default=0.1)
p.add_argument('--dropout', type=float, default=0.1)
p.add_argument('--no-compile', action='store_true', help='skip torch.compile on CUDA')
p.add_argument('--eval-every', type=int, default=250)
p.add_argument('--val-batches', type=int, default=8, help='validation batches (of min(64, --batch) sequences) per evaluation')
p.add_argument('--seed', type=int, default=1611)
p.add_argument('--heldout-max-bytes', type=int, default=0, help='evaluate only this many held-out bytes (0: all)')
args = p.parse_args()

torch.manual_seed(args.seed)
np.random.seed(args.seed)
dev = 'cuda' if torch.cuda.is_available() else 'cpu'
if dev == 'cuda':
    torch.backends.cuda.matmul.allow_tf32 = True
    torch.backends.cudnn.allow_tf32 = True
cfg = lm.PRESETS[args.preset]
C = cfg['context_tokens']

train_bytes = open(os.path.join(args.data, 'train.txt'), 'rb').read()
heldout_text = open(os.path.join(args.data, 'heldout.txt'), encoding='utf-8').read()
data = torch.frombuffer(bytearray(train_bytes), dtype=torch.uint8).long()
n_val = int(len(data) * 0.02)
train, val = data[:-n_val].to(dev), data[-n_val:].to(dev)
gen = torch.Generator(device=dev)
gen.manual_seed(args.seed)


def batch(src, bsz, g=None):
    ix = torch.randint(0, len(src) - C - 1, (bsz,), device=dev, generator=g)
    off = torch.arange(C + 1, device=dev)
    seq = src[ix.unsqueeze(1) + off]
    return seq[:, :-1], seq[:, 1:]


model = lm.LabModel(cfg, dropout=args.dropout).to(dev)
decay = [p_ for n, p_ in model.named_parameters() if p_.dim() == 2]
no_decay = [p_ for n, p_ in model.named_parameters() if p_.dim() < 2]
opt = torch.optim.AdamW([{'params': decay, 'weight_decay': args.weight_decay}, {'params': no_decay, 'weight_decay': 0.0}],
                        lr=args.lr, betas=(0.9, 0.95), **({'fused': True} if dev == 'cuda' else {}))
step_model = model
if dev == 'cuda' and hasattr(torch, 'compile') and not args.no_compile:
    step_model = torch.compile(model)
autocast = torch.autocast(device_type='cuda', dtype=torch.bfloat16) if dev == 'cuda' else torch.autocast(device_type='cpu', enabled=False)


def lr_at(progress, step):
    if step < args.warmup:
        return args.lr * (step + 1) / args.warmup
    return args.lr * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * min(1.0, progress))))


@torch.no_grad()
def val_loss():
    n_batches = args.val_batches
    model.eval()
    g = torch.Generator(device=dev)
    g.manual_seed(0)  # the same validation batches every time
    tot = 0.0
    for _ in range(n_batches):
        x, y = batch(val, min(64, args.batch), g)
        with autocast:
            logits = model(x)
        tot += torch.nn.functional.cross_entropy(logits.float().view(-1, logits.shape[-1]), y.reshape(-1)).item()
    model.train()
    return tot / n_batches


budget_s = args.minutes * 60
log, best = [], (float('inf'), None, -1)
t0 = time.time()
step, tokens_seen, train_loss_ema = 0, 0, None
model.train()
while True:
    elapsed = time.time() - t0
    progress = step / args.steps if args.steps else elapsed / budget_s
    if (args.steps and step >= args.steps) or (not args.steps and elapsed >= budget_s):
        break
    for g_ in opt.param_groups:
        g_['lr'] = lr_at(progress, step)
    x, y = batch(train, args.batch, gen)
    with autocast:
        logits = step_model(x)
        loss = torch.nn.functional.cross_entropy(logits.float().view(-1, logits.shape[-1]), y.reshape(-1))
    opt.zero_grad(set_to_none=True)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    opt.step()
    step += 1
    tokens_seen += x.numel()
    li = loss.item() if step % 25 == 0 or step == 1 else None
    if li is not None:
        train_loss_ema = li if train_loss_ema is None else 0.9 * train_loss_ema + 0.1 * li
    if step % args.eval_every == 0 or step == 1:
        vl = val_loss()
        rec = {'step': step, 'seconds': round(time.time() - t0, 1), 'lr': opt.param_groups[0]['lr'],
               'trainLoss': round(loss.item(), 4), 'valLoss': round(vl, 4)}
        log.append(rec)
        print(json.dumps(rec), flush=True)
        if vl < best[0]:
            best = (vl, {k: v.detach().clone() for k, v in model.state_dict().items()}, step)
wall = time.time() - t0
final_val = val_loss()
if final_val <= best[0]:
    best = (final_val, None, step)
else:
    model.load_state_dict(best[1])
print(f'trained {step} steps, {tokens_seen} tokens in {wall:.1f} s; keeping step {best[2]} (val loss {best[0]:.4f})', flush=True)

# Export fp16, then evaluate exactly what was exported (round-tripped through the file) with eval.py's forward.
os.makedirs(args.out, exist_ok=True)
corpus = json.load(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'lib', 'lab', 'data', 'kjv-heldout.json')))
meta = {'corpus': corpus['package'], 'licence': corpus['licence'], 'seed': str(args.seed), 'preset': args.preset}
path = os.path.join(args.out, 'model.safetensors')
size = lm.save_safetensors(path, lm.state_to_tensors(model.float()), cfg, meta)
if size > 5_000_000:
    print(f'WARNING: {path} is {size} bytes, over the 5 MB the site allows for the lab model', flush=True)
cfg2, _, tensors = lm.load_safetensors(path)
held = heldout_text if not args.heldout_max_bytes else heldout_text.encode()[:args.heldout_max_bytes].decode('utf-8', 'ignore')
t_eval = time.time()
m = lm.perplexity(tensors, cfg2, lm.text_tokens(held))
m_slice = lm.metrics(lm.eval_logprobs(tensors, cfg2, lm.text_tokens(corpus['text'])), lm.text_tokens(corpus['text']))
out = {
    'command': 'python3 ' + ' '.join(sys.argv),
    'preset': args.preset, 'config': cfg, 'parameters': lm.param_count(cfg),
    'weightsFile': 'model.safetensors', 'weightsBytes': size,
    'corpus': {k: corpus[k] for k in ('corpus', 'package', 'licence', 'corpusBytes', 'corpusSha256', 'trainBytes', 'heldoutBytes')},
    'validation': 'last 2 %% of train.txt (%d bytes)' % n_val,
    'seed': args.seed, 'steps': step, 'keptStep': best[2], 'batchSequences': args.batch, 'tokensSeen': tokens_seen,
    'epochs': round(tokens_seen / len(train), 2), 'wallSeconds': round(wall, 1),
    'lr': args.lr, 'warmupSteps': args.warmup, 'weightDecay': args.weight_decay, 'dropout': args.dropout,
    'device': torch.cuda.get_device_name(0) if dev == 'cuda' else 'cpu', 'torch': torch.__version__,
    'trainLossEma': train_loss_ema, 'valLoss': best[0],
    'heldout': dict(m, bytes=len(held.encode()), windows='non-overlapping, %d tokens' % C, evalSeconds=round(time.time() - t_eval, 1)),
    'heldoutSlice': dict(m_slice, file='lib/lab/data/kjv-heldout.json'),
    'log': log,
}
json.dump(out, open(os.path.join(args.out, 'train-log.json'), 'w'), indent=1)
print(f'wrote {path} ({size} bytes, {lm.param_count(cfg)} parameters); held-out perplexity {m["perplexity"]:.4f} '
      f'(bits/byte {m["meanNllNats"] / math.log(2):.4f}); slice perplexity {m_slice["perplexity"]:.4f}', flush=True)
