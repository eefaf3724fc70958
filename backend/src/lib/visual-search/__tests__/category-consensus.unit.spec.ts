import { consensusRerank, CONSENSUS } from "../category-consensus"

describe("category consensus re-ranking", () => {
  // a shirt query: most near neighbours are shirts, one close outlier is a bag
  const ranked: [string, number][] = [
    ["shirt-1", 0.9], ["bag-1", 0.89], ["shirt-2", 0.88], ["shirt-3", 0.87], ["shirt-4", 0.86], ["bag-2", 0.7], ["tee-1", 0.6],
  ]
  const keys = new Map(ranked.map(([id]) => [id, [id.split("-")[0]]]))

  it("lifts the category most near neighbours share above a slightly closer outlier", () => {
    const order = consensusRerank(ranked, keys).map(([id]) => id)
    expect(order.slice(0, 4)).toEqual(["shirt-1", "shirt-2", "shirt-3", "shirt-4"])
    expect(order.indexOf("bag-1")).toBeGreaterThan(3)
  })

  it("keeps a near-exact match first", () => {
    const exact: [string, number][] = [["bag-9", 1], ...ranked]
    keys.set("bag-9", ["bag"])
    expect(consensusRerank(exact, keys)[0][0]).toBe("bag-9")
  })

  it("changes nothing without categories, or with weight 0", () => {
    expect(consensusRerank(ranked, new Map())).toEqual(ranked)
    expect(consensusRerank(ranked, keys, { ...CONSENSUS, weight: 0 }).map(([id]) => id)).toEqual(ranked.map(([id]) => id))
  })

  it("returns every candidate once, scores never above 1", () => {
    const out = consensusRerank(ranked, keys)
    expect(new Set(out.map(([id]) => id)).size).toBe(ranked.length)
    expect(Math.max(...out.map(([, s]) => s))).toBeLessThanOrEqual(1)
  })
})
