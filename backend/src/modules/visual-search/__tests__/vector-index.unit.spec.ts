import { VectorIndex } from "../vector-index"
import { l2normalize } from "../embedders/types"
import type { IndexedImage } from "../types"

function rand(seed: number) {
  let a = seed
  return () => {
    a = (a * 1664525 + 1013904223) >>> 0
    return a / 4294967296 - 0.5
  }
}
function images(n: number, dims: number, seed = 1): IndexedImage[] {
  const r = rand(seed)
  return Array.from({ length: n }, (_, i) => ({
    id: `img_${i}`,
    product_id: `prod_${i % (n / 2)}`,
    image_url: `u${i}`,
    phash: null,
    vector: l2normalize(Float32Array.from({ length: dims }, r)),
  }))
}

describe("VectorIndex", () => {
  it("returns the exact top-k by cosine, best first", () => {
    const idx = new VectorIndex(1e9)
    const data = images(500, 32)
    idx.upsert(data)
    const q = data[123].vector
    const got = idx.search(q, 10)
    const want = data
      .map((d) => ({
        id: d.id,
        s: d.vector.reduce((s, x, i) => s + x * q[i], 0),
      }))
      .sort((a, b) => b.s - a.s)
      .slice(0, 10)
    expect(got.map((g) => g.image.id)).toEqual(want.map((w) => w.id))
    expect(got[0].score).toBeCloseTo(1, 5)
    for (let i = 1; i < got.length; i++)
      expect(got[i - 1].score).toBeGreaterThanOrEqual(got[i].score)
  })

  it("forgets removed images and updates replaced ones", () => {
    const idx = new VectorIndex(1e9)
    const data = images(20, 8)
    idx.upsert(data)
    idx.remove(["img_3"])
    expect(
      idx.search(data[3].vector, 20).some((n) => n.image.id === "img_3")
    ).toBe(false)
    idx.upsert([{ ...data[4], vector: data[3].vector }])
    expect(idx.search(data[3].vector, 1)[0].image.id).toBe("img_4")
    expect(idx.size).toBe(19)
  })

  it("switches to HNSW above the threshold with recall@20 ≥ 0.95 against exact search", () => {
    const data = images(4000, 64, 7)
    const hnsw = new VectorIndex(1000)
    const exact = new VectorIndex(1e9)
    hnsw.upsert(data)
    exact.upsert(data)
    expect(hnsw.mode).toBe("hnsw")
    let hit = 0
    const queries = data.slice(0, 100).map((d) => d.vector)
    for (const q of queries) {
      const truth = new Set(exact.search(q, 20).map((n) => n.image.id))
      hit += hnsw.search(q, 20).filter((n) => truth.has(n.image.id)).length
    }
    expect(hit / (queries.length * 20)).toBeGreaterThanOrEqual(0.95)
  })
})
