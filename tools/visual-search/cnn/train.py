"""
Trains the small convolutional network of the classic embedder's `cnn` block
on the data render-data.ts wrote (catalog part of the split: clean photos and
hard variants of our own), and exports it to ONNX.

  apt-get install python3-torch          # Debian's PyTorch (1.13); nothing from PyPI
  npm run render:cnn -- --out /tmp/cnn-data --shard 0/2 & npm run render:cnn -- --out /tmp/cnn-data --shard 1/2
  npm run train:cnn -- --data /tmp/cnn-data [--epochs 16] [--erase 0.25] [--threads 2] [--seed 1]
      (writes backend/data/models/garment-cnn; ~10 min render and ~25-55 min training on 2 cores;
       classic:v9 was trained with --threads 1, two trainings side by side)

Outputs model.onnx (input "image": N x 3 x S x S floats in 0..1, RGB; outputs
"feature": the pooled feature, "logits": article-type logits) and labels.json.
Deterministic for a seed on one machine (CPU, fixed thread count).
"""
import argparse, json, os, time, math
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

p = argparse.ArgumentParser()
p.add_argument("--data", default="/tmp/cnn-data")
p.add_argument("--out", default="../backend/data/models/garment-cnn")
p.add_argument("--epochs", type=int, default=16)
p.add_argument("--threads", type=int, default=2)
p.add_argument("--seed", type=int, default=1)
p.add_argument("--batch", type=int, default=128)
p.add_argument("--min-count", type=int, default=8)
p.add_argument("--width", type=int, default=24)
# share of batch samples with one random rectangle painted over (something in front of the product)
p.add_argument("--erase", type=float, default=0.25)
# which training this is: one more than the network in --out (the embedder's id carries it, classic.ts)
p.add_argument("--generation", type=int, default=0)
args = p.parse_args()
torch.manual_seed(args.seed)
np.random.seed(args.seed)
torch.set_num_threads(args.threads)

# ---- data
images, meta = [], []
shards = sorted(f for f in os.listdir(args.data) if f.endswith(".json"))
for f in shards:
    j = json.load(open(os.path.join(args.data, f)))
    size = j["size"]
    raw = np.fromfile(os.path.join(args.data, f[:-5] + ".bin"), dtype=np.uint8)
    images.append(raw.reshape(-1, size, size, 3))
    meta += j["samples"]
X = np.concatenate(images)  # N x S x S x 3 uint8
assert len(X) == len(meta)
ids = sorted({m["id"] for m in meta})
count = {}
for m in meta:
    if not m["hard"]:
        count[m["type"]] = count.get(m["type"], 0) + 1
labels = sorted(t for t, c in count.items() if c >= args.min_count)
lab = {t: i for i, t in enumerate(labels)}
y = np.array([lab.get(m["type"], -100) for m in meta], dtype=np.int64)
keep = y >= 0
X, y = X[keep], y[keep]
print(f"{len(X)} samples of {len(ids)} photos, {len(labels)} article types (>= {args.min_count} photos)", flush=True)
Xt = torch.from_numpy(X).permute(0, 3, 1, 2).contiguous()  # uint8 N x 3 x S x S
yt = torch.from_numpy(y)

# ---- model
MEAN = torch.tensor([0.80, 0.78, 0.77]).view(1, 3, 1, 1)
STD = torch.tensor([0.27, 0.28, 0.29]).view(1, 3, 1, 1)

class Block(nn.Module):
    def __init__(s, cin, cout, stride):
        super().__init__()
        s.c1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False); s.b1 = nn.BatchNorm2d(cout)
        s.c2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False); s.b2 = nn.BatchNorm2d(cout)
        s.sc = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))
    def forward(s, x):
        h = F.relu(s.b1(s.c1(x)))
        return F.relu(s.b2(s.c2(h)) + s.sc(x))

class Net(nn.Module):
    def __init__(s, classes, w):
        super().__init__()
        s.stem = nn.Sequential(nn.Conv2d(3, w, 3, 2, 1, bias=False), nn.BatchNorm2d(w), nn.ReLU())
        s.s1 = Block(w, 2 * w, 2)
        s.s2 = Block(2 * w, 4 * w, 2)
        s.s3 = Block(4 * w, 8 * w, 2)
        s.drop = nn.Dropout(0.2)
        s.fc = nn.Linear(8 * w, classes)
    def features(s, x):
        x = (x - MEAN) / STD
        x = s.s3(s.s2(s.s1(s.stem(x))))
        return x.mean(dim=(2, 3))
    def forward(s, x):
        return s.fc(s.drop(s.features(x)))

class Export(nn.Module):
    def __init__(s, net):
        super().__init__(); s.net = net
    def forward(s, x):
        f = s.net.features(x)
        return f, s.net.fc(f)

net = Net(len(labels), args.width)

# ---- augmentation on the batch (on top of the rendered variants)
def augment(xb):
    x = xb.float() / 255
    n, _, S, _ = x.shape
    flip = torch.rand(n) < 0.5
    x[flip] = x[flip].flip(3)
    # random scale/shift crop through an affine grid
    sc = 0.8 + 0.3 * torch.rand(n)
    tx, ty = (torch.rand(n) - 0.5) * 0.3, (torch.rand(n) - 0.5) * 0.3
    theta = torch.zeros(n, 2, 3)
    theta[:, 0, 0] = sc; theta[:, 1, 1] = sc; theta[:, 0, 2] = tx; theta[:, 1, 2] = ty
    grid = F.affine_grid(theta, x.shape, align_corners=False)
    x = F.grid_sample(x, grid, padding_mode="border", align_corners=False)
    # brightness, contrast, per-channel gain, some grey
    b = 0.75 + 0.5 * torch.rand(n, 1, 1, 1)
    g = 0.9 + 0.2 * torch.rand(n, 3, 1, 1)
    m = x.mean(dim=(1, 2, 3), keepdim=True)
    c = 0.75 + 0.5 * torch.rand(n, 1, 1, 1)
    x = ((x - m) * c + m) * b * g
    grey = torch.rand(n) < 0.1
    x[grey] = x[grey].mean(1, keepdim=True).expand(-1, 3, -1, -1)
    # random erasing: a rectangle of 5-25 % of the picture, one flat colour or noise
    for i in torch.nonzero(torch.rand(n) < args.erase).flatten().tolist():
        area = S * S * (0.05 + 0.2 * torch.rand(1).item())
        aspect = math.exp((torch.rand(1).item() - 0.5) * 2.4)
        h = min(S, max(4, int(round(math.sqrt(area * aspect)))))
        w = min(S, max(4, int(round(math.sqrt(area / aspect)))))
        top = int(torch.randint(0, S - h + 1, (1,)))
        left = int(torch.randint(0, S - w + 1, (1,)))
        if torch.rand(1).item() < 0.5:
            x[i, :, top:top + h, left:left + w] = torch.rand(3, 1, 1)
        else:
            x[i, :, top:top + h, left:left + w] = torch.rand(3, h, w)
    return x.clamp(0, 1)

opt = torch.optim.AdamW(net.parameters(), lr=3e-3, weight_decay=5e-4)
steps = args.epochs * math.ceil(len(Xt) / args.batch)
sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=3e-3, total_steps=steps, pct_start=0.15)
t0 = time.time()
for ep in range(args.epochs):
    net.train()
    perm = torch.randperm(len(Xt))
    tot, right, loss_sum = 0, 0, 0.0
    for k in range(0, len(perm), args.batch):
        idx = perm[k:k + args.batch]
        xb, yb = augment(Xt[idx]), yt[idx]
        out = net(xb)
        loss = F.cross_entropy(out, yb, label_smoothing=0.1)
        opt.zero_grad(); loss.backward(); opt.step(); sched.step()
        tot += len(idx); right += (out.argmax(1) == yb).sum().item(); loss_sum += loss.item() * len(idx)
        if (k // args.batch) % 50 == 0:
            print(f"  epoch {ep + 1} {k}/{len(perm)} loss {loss_sum / tot:.3f} acc {right / tot:.3f} {time.time() - t0:.0f} s", flush=True)
    print(f"epoch {ep + 1}: loss {loss_sum / tot:.3f}, train accuracy {right / tot:.3f}, {time.time() - t0:.0f} s", flush=True)

net.eval()
os.makedirs(args.out, exist_ok=True)
generation = args.generation
if not generation:
    try:
        generation = json.load(open(os.path.join(args.out, "labels.json"))).get("generation", 1) + 1
    except FileNotFoundError:
        generation = 1
S = Xt.shape[2]
torch.onnx.export(Export(net), torch.rand(1, 3, S, S), os.path.join(args.out, "model.onnx"),
                  input_names=["image"], output_names=["feature", "logits"],
                  dynamic_axes={"image": {0: "n"}, "feature": {0: "n"}, "logits": {0: "n"}}, opset_version=13)
json.dump({"size": S, "labels": labels, "feature": 8 * args.width, "generation": generation,
           "trainedOn": f"fashion-products catalog split: {len(ids)} photos, {len(Xt)} samples (clean + train-augment variants), {args.epochs} epochs, erase {args.erase}, seed {args.seed}"},
          open(os.path.join(args.out, "labels.json"), "w"), indent=1)
print("wrote", args.out, flush=True)
