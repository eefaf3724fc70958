/** Minimal dense linear algebra for training the classic projection. */

/** Symmetric eigen-decomposition (cyclic Jacobi). Returns eigenvalues (desc) and column eigenvectors. */
export function eigSym(
  Ain: Float64Array,
  n: number,
  maxSweeps = 30
): { values: Float64Array; vectors: Float64Array } {
  const A = Float64Array.from(Ain)
  const V = new Float64Array(n * n)
  for (let i = 0; i < n; i++) V[i * n + i] = 1
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let off = 0,
      diag = 0
    for (let p = 0; p < n; p++) {
      diag += A[p * n + p] * A[p * n + p]
      for (let q = p + 1; q < n; q++) off += A[p * n + q] * A[p * n + q]
    }
    if (off <= 1e-22 * diag || off === 0) break
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = A[p * n + q]
        if (Math.abs(apq) < 1e-300) continue
        const app = A[p * n + p],
          aqq = A[q * n + q]
        const theta = (aqq - app) / (2 * apq)
        const t =
          Math.sign(theta || 1) /
          (Math.abs(theta) + Math.sqrt(theta * theta + 1))
        const c = 1 / Math.sqrt(t * t + 1),
          s = t * c
        for (let k = 0; k < n; k++) {
          const akp = A[k * n + p],
            akq = A[k * n + q]
          A[k * n + p] = c * akp - s * akq
          A[k * n + q] = s * akp + c * akq
        }
        for (let k = 0; k < n; k++) {
          const apk = A[p * n + k],
            aqk = A[q * n + k]
          A[p * n + k] = c * apk - s * aqk
          A[q * n + k] = s * apk + c * aqk
        }
        for (let k = 0; k < n; k++) {
          const vkp = V[k * n + p],
            vkq = V[k * n + q]
          V[k * n + p] = c * vkp - s * vkq
          V[k * n + q] = s * vkp + c * vkq
        }
      }
    }
  }
  const idx = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => A[b * n + b] - A[a * n + a]
  )
  const values = new Float64Array(n),
    vectors = new Float64Array(n * n)
  idx.forEach((src, dst) => {
    values[dst] = A[src * n + src]
    for (let k = 0; k < n; k++) vectors[k * n + dst] = V[k * n + src]
  })
  return { values, vectors }
}

/** Covariance (d×d) of rows X (each length d) around mean mu. */
export function covariance(X: Float64Array[], mu: Float64Array): Float64Array {
  const d = mu.length
  const C = new Float64Array(d * d)
  const t = new Float64Array(d)
  for (const x of X) {
    for (let i = 0; i < d; i++) t[i] = x[i] - mu[i]
    for (let i = 0; i < d; i++) {
      const ti = t[i]
      if (ti === 0) continue
      const row = i * d
      for (let j = i; j < d; j++) C[row + j] += ti * t[j]
    }
  }
  for (let i = 0; i < d; i++)
    for (let j = i; j < d; j++) {
      C[i * d + j] /= Math.max(1, X.length - 1)
      C[j * d + i] = C[i * d + j]
    }
  return C
}

/** y = M^T x for M (d×k, row-major) */
export function projT(
  M: Float64Array,
  d: number,
  k: number,
  x: ArrayLike<number>
): Float64Array {
  const y = new Float64Array(k)
  for (let i = 0; i < d; i++) {
    const xi = x[i]
    if (xi === 0) continue
    const row = i * k
    for (let j = 0; j < k; j++) y[j] += M[row + j] * xi
  }
  return y
}

/** C = A (n×m) · B (m×p) */
export function matmul(
  A: Float64Array,
  B: Float64Array,
  n: number,
  m: number,
  p: number
): Float64Array {
  const C = new Float64Array(n * p)
  for (let i = 0; i < n; i++)
    for (let k = 0; k < m; k++) {
      const a = A[i * m + k]
      if (a === 0) continue
      for (let j = 0; j < p; j++) C[i * p + j] += a * B[k * p + j]
    }
  return C
}
