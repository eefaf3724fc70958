/**
 * Wardrobe statistics as a pure function of the items and their wears, so
 * the arithmetic is testable without a database. Archived items are left
 * out; values are summed per currency (a wardrobe may hold items bought in
 * several).
 */
export type StatsItem = {
  id: string
  article_type?: string | null
  colour?: string | null
  family?: string | null
  price_paid?: number | string | null
  currency_code?: string | null
  acquired_at?: Date | string | null
  created_at?: Date | string | null
  archived?: boolean
}
export type StatsWear = { wardrobe_item_id: string; worn_on: string }

export type ItemValue = {
  item_id: string
  article_type: string | null
  colour: string | null
  family: string | null
  price_paid: number | null
  currency_code: string | null
  wears: number
  last_worn_on: string | null
  /** price paid ÷ wears, rounded to cents; null when never worn or no price */
  cost_per_wear: number | null
}

type Group = { items: number; value: Record<string, number> }

const round2 = (x: number) => Math.round(x * 100) / 100
const day = (d: Date) => d.toISOString().slice(0, 10)

export function wardrobeStats(
  items: StatsItem[],
  wears: StatsWear[],
  { today = new Date(), top = 5 } = {}
) {
  const live = items.filter((i) => !i.archived)
  // one wear per item per day, whatever the rows say
  const days = new Map<string, Set<string>>()
  for (const w of wears) {
    if (!days.has(w.wardrobe_item_id)) days.set(w.wardrobe_item_id, new Set())
    days.get(w.wardrobe_item_id)!.add(w.worn_on)
  }
  const perItem: ItemValue[] = live.map((i) => {
    const worn = [...(days.get(i.id) ?? [])].sort()
    const price = i.price_paid == null ? null : Number(i.price_paid)
    return {
      item_id: i.id,
      article_type: i.article_type ?? null,
      colour: i.colour ?? null,
      family: i.family ?? null,
      price_paid: price,
      currency_code: i.currency_code ?? null,
      wears: worn.length,
      last_worn_on: worn.length ? worn[worn.length - 1] : null,
      cost_per_wear:
        price != null && worn.length ? round2(price / worn.length) : null,
    }
  })
  const group = (key: (i: StatsItem) => string) => {
    const out = new Map<string, Group>()
    for (const i of live) {
      const k = key(i)
      const g = out.get(k) ?? { items: 0, value: {} }
      g.items++
      if (i.price_paid != null && i.currency_code)
        g.value[i.currency_code] = round2(
          (g.value[i.currency_code] ?? 0) + Number(i.price_paid)
        )
      out.set(k, g)
    }
    return [...out.entries()].sort(
      (a, b) => b[1].items - a[1].items || a[0].localeCompare(b[0])
    )
  }
  const cutoff = day(new Date(today.getTime() - 90 * 86400_000))
  const since = (i: StatsItem) =>
    day(new Date((i.acquired_at ?? i.created_at ?? today) as any))
  const byId = new Map(live.map((i) => [i.id, i]))
  const priced = perItem.filter((v) => v.cost_per_wear != null)
  const value: Record<string, number> = {}
  for (const i of live)
    if (i.price_paid != null && i.currency_code)
      value[i.currency_code] = round2(
        (value[i.currency_code] ?? 0) + Number(i.price_paid)
      )
  return {
    items: live.length,
    value,
    wears: perItem.reduce((s, v) => s + v.wears, 0),
    by_family: group((i) => i.family ?? "unknown").map(([family, g]) => ({
      family,
      ...g,
    })),
    by_colour: group((i) => i.colour ?? "unknown").map(([colour, g]) => ({
      colour,
      ...g,
    })),
    cost_per_wear: perItem,
    best_value: [...priced]
      .sort((a, b) => a.cost_per_wear! - b.cost_per_wear! || b.wears - a.wears)
      .slice(0, top),
    worst_value: [...priced]
      .sort((a, b) => b.cost_per_wear! - a.cost_per_wear! || a.wears - b.wears)
      .slice(0, top),
    never_worn: perItem.filter((v) => v.wears === 0),
    // worn, but not since the cutoff; or never worn and owned for longer than that
    not_worn_in_90_days: perItem.filter((v) =>
      v.last_worn_on
        ? v.last_worn_on < cutoff
        : since(byId.get(v.item_id)!) < cutoff
    ),
    most_worn: perItem
      .filter((v) => v.wears > 0)
      .sort((a, b) => b.wears - a.wears || a.item_id.localeCompare(b.item_id))
      .slice(0, top),
    palette: group((i) => i.colour ?? "unknown")
      .filter(([c]) => c !== "unknown")
      .map(([colour, g]) => ({
        colour,
        items: g.items,
        share: round2(g.items / live.length),
      })),
  }
}

export type WardrobeStats = ReturnType<typeof wardrobeStats>
