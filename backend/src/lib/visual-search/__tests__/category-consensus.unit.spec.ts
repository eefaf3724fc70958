import { consensusRerank, CONSENSUS, ResultOrder } from "../category-consensus"

describe("category consensus re-ranking", () => {
  // a shirt query: most near neighbours are shirts, one close outlier is a bag
  const ranked: [string, number][] = [
    ["shirt-1", 0.9],
    ["bag-1", 0.89],
    ["shirt-2", 0.88],
    ["shirt-3", 0.87],
    ["shirt-4", 0.86],
    ["bag-2", 0.7],
    ["tee-1", 0.6],
  ]
  const keys = new Map(ranked.map(([id]) => [id, [id.split("-")[0]]]))

  it("lifts the category most near neighbours share above a slightly closer outlier", () => {
    const order = consensusRerank(ranked, keys).map(([id]) => id)
    expect(order.slice(0, 4)).toEqual([
      "shirt-1",
      "shirt-2",
      "shirt-3",
      "shirt-4",
    ])
    expect(order.indexOf("bag-1")).toBeGreaterThan(3)
  })

  it("keeps a near-exact match first", () => {
    const exact: [string, number][] = [["bag-9", 1], ...ranked]
    keys.set("bag-9", ["bag"])
    expect(consensusRerank(exact, keys)[0][0]).toBe("bag-9")
  })

  it("changes nothing without categories, or with weight 0", () => {
    expect(consensusRerank(ranked, new Map())).toEqual(ranked)
    expect(
      consensusRerank(ranked, keys, { ...CONSENSUS, weight: 0 }).map(
        ([id]) => id
      )
    ).toEqual(ranked.map(([id]) => id))
  })

  it("lets the nearest in kind vote when kind similarities are given", () => {
    // a red dress photo: the closest products overall are red tops (colour matches), but in the
    // kind dimensions the dresses are closer; without kind the tops win the vote
    const near: [string, number][] = [
      ["top-1", 0.9],
      ["top-2", 0.89],
      ["top-3", 0.88],
      ["dress-1", 0.86],
      ["dress-2", 0.85],
      ["dress-3", 0.84],
    ]
    const k = new Map(near.map(([id]) => [id, [id.split("-")[0]]]))
    const kind = new Map([
      ["top-1", 0.5],
      ["top-2", 0.5],
      ["top-3", 0.5],
      ["dress-1", 0.95],
      ["dress-2", 0.94],
      ["dress-3", 0.93],
    ])
    expect(consensusRerank(near, k)[0][0]).toBe("top-1")
    expect(
      consensusRerank(near, k, CONSENSUS, kind)
        .slice(0, 3)
        .map(([id]) => id)
    ).toEqual(["dress-1", "dress-2", "dress-3"])
  })

  it("returns every candidate once, scores never above 1", () => {
    const out = consensusRerank(ranked, keys)
    expect(new Set(out.map(([id]) => id)).size).toBe(ranked.length)
    expect(Math.max(...out.map(([, s]) => s))).toBeLessThanOrEqual(1)
  })
})

describe("result order", () => {
  // ten shirts lead by similarity and the vote; a jacket and a bag trail behind them
  const ranked: [string, number][] = [
    ...Array.from(
      { length: 10 },
      (_, i) => [`shirt-${i}`, 0.9 - i * 0.005] as [string, number]
    ),
    ["jacket-1", 0.8],
    ["shirt-10", 0.79],
    ["bag-1", 0.7],
    ["jacket-2", 0.69],
  ]
  const keys = new Map(ranked.map(([id]) => [id, [id.split("-")[0]]]))
  const walk = (o: ResultOrder, n: number, skip = new Set<string>()) => {
    const out: string[] = []
    for (let id = o.next(); id !== undefined && out.length < n; id = o.next())
      if (!skip.has(id)) {
        o.shown(id)
        out.push(id)
      }
    return out
  }

  it("shows the consensus first, then the closest item of each kind not shown yet, then similarity", () => {
    const out = walk(ResultOrder.fromKeys(ranked, keys), 14)
    expect(out.slice(0, 5)).toEqual([
      "shirt-0",
      "shirt-1",
      "shirt-2",
      "shirt-3",
      "shirt-4",
    ])
    expect(out.slice(5, 7)).toEqual(["jacket-1", "bag-1"])
    expect(out.slice(7)).toEqual([
      "shirt-5",
      "shirt-6",
      "shirt-7",
      "shirt-8",
      "shirt-9",
      "shirt-10",
      "jacket-2",
    ])
  })

  it("offers every candidate exactly once, also when some are not shown", () => {
    const o = ResultOrder.fromKeys(ranked, keys)
    const offered: string[] = []
    for (let id = o.next(); id !== undefined; id = o.next()) {
      offered.push(id)
      if (!id.endsWith("-1")) o.shown(id)
    }
    expect(offered.sort()).toEqual(ranked.map(([id]) => id).sort())
  })

  it("falls back to similarity for an uncategorised catalogue", () => {
    expect(walk(ResultOrder.fromKeys(ranked, new Map()), 14)).toEqual(
      ranked.map(([id]) => id)
    )
  })
})
