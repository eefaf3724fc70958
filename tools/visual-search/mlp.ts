/**
 * A one-hidden-layer perceptron trained in plain TypeScript (no deps):
 * x → relu(W1·x + b1) → W2·h + b2 → softmax cross-entropy, minibatch Adam,
 * decoupled weight decay, input dropout, label smoothing. Deterministic for a
 * given seed (own PRNG, fixed sample order). Used by train-classic.ts to learn
 * the classic embedder's non-linear "type" head. The shipped head is the whole
 * network up to its (centred) logits: on the validation split the logits beat
 * the hidden activations as an embedding every time (see train-classic.ts).
 */
import { mulberry32 } from "../../backend/test-fixtures/shopper-photo"

export interface MlpOpts {
  hidden: number
  epochs: number
  batch: number
  lr: number
  /** decoupled (AdamW) weight decay per step, relative to lr */
  wd: number
  /** probability of zeroing an input feature during training */
  inDrop: number
  /** probability of zeroing a hidden unit during training */
  hidDrop: number
  labelSmooth: number
  /** class weight ∝ count^-balance (0 = natural frequencies, 1 = balanced) */
  balance: number
  seed: number
}

export interface MlpModel {
  inDim: number
  hidden: number
  classes: string[]
  W1: Float32Array // hidden × inDim
  b1: Float32Array
  W2: Float32Array // classes × hidden
  b2: Float32Array
}

function gauss(rand: () => number) {
  const u = Math.max(rand(), 1e-12),
    v = rand()
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
}

export function trainMlp(
  X: Float32Array[],
  labels: string[],
  o: MlpOpts,
  log = (s: string) => process.stderr.write(s + "\n")
): MlpModel {
  const rand = mulberry32(o.seed)
  const D = X[0].length,
    H = o.hidden
  const classes = [...new Set(labels)].sort()
  const C = classes.length
  const ci = new Map(classes.map((c, i) => [c, i]))
  const y = Int32Array.from(labels, (l) => ci.get(l)!)
  const counts = new Float64Array(C)
  for (const k of y) counts[k]++
  const cw = Float32Array.from(counts, (n) => Math.pow(n, -o.balance))
  {
    // mean sample weight 1
    let s = 0
    for (const k of y) s += cw[k]
    const f = y.length / s
    for (let k = 0; k < C; k++) cw[k] *= f
  }
  const W1 = new Float32Array(H * D),
    b1 = new Float32Array(H),
    W2 = new Float32Array(C * H),
    b2 = new Float32Array(C)
  const s1 = Math.sqrt(2 / D),
    s2 = Math.sqrt(1 / H)
  for (let i = 0; i < W1.length; i++) W1[i] = gauss(rand) * s1
  for (let i = 0; i < W2.length; i++) W2[i] = gauss(rand) * s2
  const params = [W1, b1, W2, b2]
  const grads = params.map((p) => new Float32Array(p.length))
  const m1 = params.map((p) => new Float32Array(p.length)),
    m2 = params.map((p) => new Float32Array(p.length))
  const [gW1, gb1, gW2, gb2] = grads
  const beta1 = 0.9,
    beta2 = 0.999,
    eps = 1e-8
  const N = X.length
  const order = Int32Array.from({ length: N }, (_, i) => i)
  const B = o.batch
  const xb = new Float32Array(B * D),
    hb = new Float32Array(B * H),
    dh = new Float32Array(B * H),
    p = new Float32Array(C)
  const hmask = new Float32Array(B * H)
  const steps = Math.ceil(N / B) * o.epochs
  let step = 0
  for (let ep = 0; ep < o.epochs; ep++) {
    for (let i = N - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1))
      const t = order[i]
      order[i] = order[j]
      order[j] = t
    }
    let loss = 0,
      correct = 0
    for (let s0 = 0; s0 < N; s0 += B) {
      const nb = Math.min(B, N - s0)
      for (const g of grads) g.fill(0)
      // cosine learning-rate schedule with a short warm-up
      const lr =
        o.lr *
        Math.min(1, (step + 1) / 200) *
        0.5 *
        (1 + Math.cos((Math.PI * step) / steps))
      const keepIn = 1 - o.inDrop,
        keepH = 1 - o.hidDrop
      for (let b = 0; b < nb; b++) {
        const x = X[order[s0 + b]],
          xo = b * D
        for (let d = 0; d < D; d++)
          xb[xo + d] =
            o.inDrop > 0 ? (rand() < o.inDrop ? 0 : x[d] / keepIn) : x[d]
        const ho = b * H
        for (let j = 0; j < H; j++) {
          let a = b1[j]
          const wo = j * D
          for (let d = 0; d < D; d++) a += W1[wo + d] * xb[xo + d]
          const m = o.hidDrop > 0 ? (rand() < o.hidDrop ? 0 : 1 / keepH) : 1
          hmask[ho + j] = m
          hb[ho + j] = a > 0 ? a * m : 0
        }
        // softmax
        let mx = -Infinity
        for (let c = 0; c < C; c++) {
          let a = b2[c]
          const wo = c * H
          for (let j = 0; j < H; j++) a += W2[wo + j] * hb[ho + j]
          p[c] = a
          if (a > mx) mx = a
        }
        let z = 0
        for (let c = 0; c < C; c++) {
          p[c] = Math.exp(p[c] - mx)
          z += p[c]
        }
        const yt = y[order[s0 + b]]
        const w = cw[yt] / nb
        let am = 0
        for (let c = 0; c < C; c++) {
          p[c] /= z
          if (p[c] > p[am]) am = c
        }
        loss -= Math.log(Math.max(p[yt], 1e-12)) * cw[yt]
        if (am === yt) correct++
        // dlogits = w·(p − target), target smoothed
        const off = o.labelSmooth / C
        for (let c = 0; c < C; c++)
          p[c] = w * (p[c] - off - (c === yt ? 1 - o.labelSmooth : 0))
        for (let j = 0; j < H; j++) dh[ho + j] = 0
        for (let c = 0; c < C; c++) {
          const g = p[c]
          if (g === 0) continue
          gb2[c] += g
          const wo = c * H
          for (let j = 0; j < H; j++) {
            gW2[wo + j] += g * hb[ho + j]
            dh[ho + j] += g * W2[wo + j]
          }
        }
        for (let j = 0; j < H; j++) {
          if (hb[ho + j] <= 0) continue
          const g = dh[ho + j] * hmask[ho + j]
          gb1[j] += g
          const wo = j * D
          for (let d = 0; d < D; d++) gW1[wo + d] += g * xb[xo + d]
        }
      }
      step++
      const bc1 = 1 - Math.pow(beta1, step),
        bc2 = 1 - Math.pow(beta2, step)
      params.forEach((P, k) => {
        const G = grads[k],
          M = m1[k],
          V = m2[k]
        const decay = k === 0 || k === 2 ? 1 - lr * o.wd : 1
        for (let i = 0; i < P.length; i++) {
          const g = G[i]
          M[i] = beta1 * M[i] + (1 - beta1) * g
          V[i] = beta2 * V[i] + (1 - beta2) * g * g
          P[i] =
            P[i] * decay - (lr * (M[i] / bc1)) / (Math.sqrt(V[i] / bc2) + eps)
        }
      })
    }
    if (ep === 0 || ep === o.epochs - 1 || (ep + 1) % 5 === 0)
      log(
        `  mlp epoch ${ep + 1}/${o.epochs}: loss ${(loss / N).toFixed(3)} train acc ${(correct / N).toFixed(3)}`
      )
  }
  return { inDim: D, hidden: H, classes, W1, b1, W2, b2 }
}

/** Hidden activations (post-ReLU) of one input. */
export function mlpHidden(m: MlpModel, x: ArrayLike<number>): Float32Array {
  const h = new Float32Array(m.hidden)
  for (let j = 0; j < m.hidden; j++) {
    let a = m.b1[j]
    const wo = j * m.inDim
    for (let d = 0; d < m.inDim; d++) a += m.W1[wo + d] * x[d]
    h[j] = a > 0 ? a : 0
  }
  return h
}
