import {
  coloursGo,
  mmr,
  scoreFromSeeds,
  seasonOn,
  similarity,
  slotOf,
  trainCooccurrence,
} from "../algorithm"

describe("item-item co-occurrence with shrinkage", () => {
  // shoppers: {a,b}, {a,b}, {a,c}, {b}  → C: a=3, b=3, c=1, ab=2, ac=1, bc=0
  const baskets = [["a", "b"], ["a", "b"], ["a", "c"], ["b"]]

  it("computes sim(i,j) = c_ij / (sqrt(c_i c_j) + λ) on a hand-checked matrix", () => {
    const m = trainCooccurrence(baskets, { lambda: 1 })
    expect(similarity(m.neighbours, "a", "b")).toBeCloseTo(2 / (3 + 1), 10) // 0.5
    expect(similarity(m.neighbours, "a", "c")).toBeCloseTo(
      1 / (Math.sqrt(3) + 1),
      10
    ) // 0.366
    expect(similarity(m.neighbours, "b", "c")).toBe(0)
    expect(m.popularity).toEqual({ a: 3, b: 3, c: 1 })
    expect(m.stats).toMatchObject({ shoppers: 4, items: 3 })
  })

  it("is plain cosine without shrinkage and symmetric", () => {
    const m = trainCooccurrence(baskets, { lambda: 0 })
    expect(similarity(m.neighbours, "a", "b")).toBeCloseTo(2 / 3, 10)
    expect(similarity(m.neighbours, "c", "a")).toBeCloseTo(1 / Math.sqrt(3), 10)
    expect(similarity(m.neighbours, "b", "a")).toBeCloseTo(
      similarity(m.neighbours, "a", "b"),
      10
    )
  })

  it("shrinkage ranks a pair seen by many shoppers above a pair seen once, though both are perfectly correlated", () => {
    const m = trainCooccurrence(
      [
        ["x", "y"],
        ["x", "y"],
        ["x", "y"],
        ["x", "y"],
        ["p", "q"],
      ],
      { lambda: 1 }
    )
    expect(similarity(m.neighbours, "x", "y")).toBeCloseTo(4 / 5, 10)
    expect(similarity(m.neighbours, "p", "q")).toBeCloseTo(1 / 2, 10)
  })

  it("orders neighbours by similarity and keeps the top k; duplicates in a basket count once", () => {
    const m = trainCooccurrence(
      [
        ["a", "b", "b"],
        ["a", "b"],
        ["a", "c"],
      ],
      { lambda: 1, topK: 1 }
    )
    expect(m.neighbours.a).toEqual([
      ["b", expect.closeTo(2 / (Math.sqrt(6) + 1), 10)],
    ])
  })

  it("scores candidates from liked and disliked seeds: a dislike pushes its neighbours down", () => {
    const m = trainCooccurrence(baskets, { lambda: 1 })
    const liked = scoreFromSeeds(m.neighbours, new Map([["a", 1]]))
    expect(liked.get("b")).toBeCloseTo(0.5, 10)
    const mixed = scoreFromSeeds(
      m.neighbours,
      new Map([
        ["a", 1],
        ["c", -1],
      ])
    )
    expect(mixed.get("a")).toBeCloseTo(-1 / (Math.sqrt(3) + 1), 10)
  })

  it("trains nothing from no signals", () => {
    expect(trainCooccurrence([]).neighbours).toEqual({})
  })
})

describe("maximal marginal relevance", () => {
  const rel: Record<string, number> = { a1: 1, a2: 0.95, b1: 0.8, c1: 0.6 }
  const group = (s: string) => s[0]
  const sim = (x: string, y: string) => (group(x) === group(y) ? 1 : 0)

  it("with λ=1 is plain ranking", () => {
    expect(mmr(Object.keys(rel), (t) => rel[t], sim, 3, 1)).toEqual([
      "a1",
      "a2",
      "b1",
    ])
  })

  it("with λ=0.7 puts a less relevant different item (0.7·0.6=0.42) before a near-duplicate (0.7·0.95−0.3=0.365)", () => {
    expect(mmr(Object.keys(rel), (t) => rel[t], sim, 3, 0.7)).toEqual([
      "a1",
      "b1",
      "c1",
    ])
  })
})

describe("outfit rules", () => {
  it("lets neutrals go with everything and refuses two different loud colours", () => {
    expect(coloursGo(["Navy Blue", "White"], "Red")).toBe(true)
    expect(coloursGo(["Red"], "Black")).toBe(true)
    expect(coloursGo(["Red"], "Green")).toBe(false)
    expect(coloursGo(["Red"], "Red")).toBe(true)
  })

  it("maps catalogue labels to outfit slots", () => {
    expect(
      slotOf({
        master_category: "Apparel",
        sub_category: "Topwear",
        article_type: "Tshirts",
      })
    ).toBe("top")
    expect(
      slotOf({
        master_category: "Apparel",
        sub_category: "Topwear",
        article_type: "Jackets",
      })
    ).toBe("outerwear")
    expect(
      slotOf({
        master_category: "Apparel",
        sub_category: "Bottomwear",
        article_type: "Jeans",
      })
    ).toBe("bottom")
    expect(
      slotOf({
        master_category: "Apparel",
        sub_category: "Dress",
        article_type: "Dresses",
      })
    ).toBe("one_piece")
    expect(
      slotOf({
        master_category: "Footwear",
        sub_category: "Shoes",
        article_type: "Casual Shoes",
      })
    ).toBe("shoes")
    expect(
      slotOf({
        master_category: "Accessories",
        sub_category: "Bags",
        article_type: "Handbags",
      })
    ).toBe("bag")
    expect(
      slotOf({
        master_category: "Accessories",
        sub_category: "Watches",
        article_type: "Watches",
      })
    ).toBe("accessory")
    expect(slotOf({ master_category: "Personal Care" })).toBeNull()
  })

  it("knows the season from the date and hemisphere", () => {
    expect(seasonOn(new Date("2026-12-01T00:00:00Z"))).toBe("Winter")
    expect(seasonOn(new Date("2026-12-01T00:00:00Z"), true)).toBe("Summer")
    expect(seasonOn(new Date("2026-07-01T00:00:00Z"))).toBe("Summer")
  })
})

describe("sparse co-occurrence counting", () => {
  // a small random store, reproducible (LCG), with overlapping baskets
  let seed = 7
  const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647
  const baskets = Array.from({ length: 120 }, () =>
    Array.from({ length: 1 + Math.floor(rand() * 8) }, () =>
      String.fromCharCode(97 + Math.floor(rand() * 26))
    )
  )

  it("gives exactly the dense (ml-matrix XᵀX) model, top-k and ties included", () => {
    for (const topK of [3, 30]) {
      const dense = trainCooccurrence(baskets, { method: "dense", topK })
      const sparse = trainCooccurrence(baskets, { method: "sparse", topK })
      expect(sparse.popularity).toEqual(dense.popularity)
      expect(Object.keys(sparse.neighbours).sort()).toEqual(
        Object.keys(dense.neighbours).sort()
      )
      for (const [id, row] of Object.entries(dense.neighbours)) {
        expect(sparse.neighbours[id].map(([j]) => j)).toEqual(
          row.map(([j]) => j)
        )
        sparse.neighbours[id].forEach(([, s], k) =>
          expect(s).toBeCloseTo(row[k][1], 12)
        )
      }
    }
  })

  it("passes the hand-checked matrix on the sparse path too", () => {
    const m = trainCooccurrence([["a", "b"], ["a", "b"], ["a", "c"], ["b"]], {
      lambda: 1,
      method: "sparse",
    })
    expect(similarity(m.neighbours, "a", "b")).toBeCloseTo(0.5, 10)
    expect(similarity(m.neighbours, "a", "c")).toBeCloseTo(
      1 / (Math.sqrt(3) + 1),
      10
    )
    expect(similarity(m.neighbours, "b", "c")).toBe(0)
    expect(m.popularity).toEqual({ a: 3, b: 3, c: 1 })
  })
})
