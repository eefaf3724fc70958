import StyleProfileModuleService from "../../../modules/style-profile/service"
import { mergeStyleProfile } from "../merge-style-profile"

const stored = () => ({
  ...StyleProfileModuleService.fieldsOf(null),
  sizes: { top: "M", shoes: "42" },
  budget_max_item: 60,
  budget_by_family: { shoes: 120 },
  styles: ["Casual"],
  colours_liked: ["Navy Blue"],
  colours_disliked: ["Pink"],
  gender: "Men",
})

describe("merging a style profile update", () => {
  it("keeps every field the update does not name", () => {
    expect(mergeStyleProfile(stored(), {})).toEqual(stored())
  })

  it("merges sizes and per-family budgets key by key and clears a key sent as null", () => {
    const next = mergeStyleProfile(stored(), {
      sizes: { top: "L", shoes: null, dress: "S" },
      budget: { by_family: { top: 30, shoes: null } },
    })
    expect(next.sizes).toEqual({ top: "L", dress: "S" })
    expect(next.budget_by_family).toEqual({ top: 30 })
    expect(next.budget_max_item).toBe(60)
  })

  it("replaces lists, and a colour newly liked leaves the disliked list (and the other way round)", () => {
    expect(
      mergeStyleProfile(stored(), { colours: { liked: ["Pink"] } })
    ).toMatchObject({ colours_liked: ["Pink"], colours_disliked: [] })
    expect(
      mergeStyleProfile(stored(), { colours: { disliked: ["Navy Blue"] } })
    ).toMatchObject({ colours_liked: [], colours_disliked: ["Navy Blue"] })
    expect(mergeStyleProfile(stored(), { styles: ["Formal"] }).styles).toEqual([
      "Formal",
    ])
  })

  it("adds the quiz's styles and colours without duplicates and without re-liking a disliked colour", () => {
    const next = mergeStyleProfile(
      stored(),
      {},
      {
        styles: ["Casual", "Sports"],
        colours_liked: ["Pink", "Red", "Navy Blue"],
      }
    )
    expect(next.styles).toEqual(["Casual", "Sports"])
    expect(next.colours_liked).toEqual(["Navy Blue", "Red"])
    expect(next.colours_disliked).toEqual(["Pink"])
  })

  it("clears scalar fields sent as null", () => {
    expect(
      mergeStyleProfile(stored(), { gender: null, budget: { max_item: null } })
    ).toMatchObject({ gender: null, budget_max_item: null })
  })
})
