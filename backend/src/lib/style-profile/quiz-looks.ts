import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { familyOf, isColour, isStyle, type Family } from "../style-vocabulary"
import { buyableProductIds } from "./buyable"

export type QuizLook = {
  product_id: string
  title: string
  handle: string
  thumbnail: string
  style: string
  colour: string
  gender: string
  family: Family
}
type Candidate = QuizLook & { order: number }

/**
 * Orders candidates so that any prefix spans the styles and colours: round
 * robin over styles (most common first), each turn taking the style's next
 * product in a colour not shown yet when there is one. Deterministic: ties
 * break on the catalogue's source id.
 */
export function spread(candidates: Candidate[]): Candidate[] {
  const byStyle = new Map<string, Candidate[]>()
  for (const c of [...candidates].sort((a, b) => a.order - b.order))
    byStyle.set(c.style, [...(byStyle.get(c.style) ?? []), c])
  const queues = [...byStyle.entries()]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .map(([, q]) => q)
  const seenColours = new Set<string>()
  const seenFamilies = new Set<string>()
  const out: Candidate[] = []
  while (queues.some((q) => q.length)) {
    for (const q of queues) {
      if (!q.length) continue
      // prefer a new colour, then a new family, then the next in order
      let i = q.findIndex(
        (c) => !seenColours.has(c.colour) && !seenFamilies.has(c.family)
      )
      if (i < 0) i = q.findIndex((c) => !seenColours.has(c.colour))
      if (i < 0) i = 0
      const [c] = q.splice(i, 1)
      seenColours.add(c.colour)
      seenFamilies.add(c.family)
      if (seenFamilies.size >= 5) seenFamilies.clear()
      out.push(c)
    }
  }
  return out
}

/** ~12 catalogue photos for "pick the looks you like", spanning styles and colours; only buyable ones when a region is named. */
export async function quizLooks(
  container: MedusaContainer,
  opts: {
    salesChannelIds: string[]
    regionId?: string
    gender?: string
    limit: number
  }
): Promise<QuizLook[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: [
      "id",
      "title",
      "handle",
      "thumbnail",
      "metadata",
      "sales_channels.id",
    ],
    filters: { status: "published" } as any,
  })
  const channels = new Set(opts.salesChannelIds)
  const candidates: Candidate[] = []
  for (const p of data as any[]) {
    const m = p.metadata ?? {}
    const family = familyOf(m)
    if (
      !p.thumbnail ||
      !family ||
      !isStyle(m.usage) ||
      !isColour(m.base_colour)
    )
      continue
    if (
      channels.size &&
      !(p.sales_channels ?? []).some((s: any) => channels.has(s?.id))
    )
      continue
    if (opts.gender && m.gender !== opts.gender && m.gender !== "Unisex")
      continue
    candidates.push({
      product_id: p.id,
      title: p.title,
      handle: p.handle,
      thumbnail: p.thumbnail,
      style: m.usage,
      colour: m.base_colour,
      gender: m.gender,
      family,
      order: Number(m.source_id) || Number.MAX_SAFE_INTEGER,
    })
  }
  let ordered = spread(candidates)
  if (opts.regionId) {
    const out: Candidate[] = []
    for (
      let i = 0;
      i < ordered.length && out.length < opts.limit;
      i += opts.limit * 2
    ) {
      const chunk = ordered.slice(i, i + opts.limit * 2)
      const ok = new Set(
        await buyableProductIds(
          container,
          chunk.map((c) => c.product_id),
          opts.regionId,
          opts.salesChannelIds
        )
      )
      out.push(...chunk.filter((c) => ok.has(c.product_id)))
    }
    ordered = out
  }
  return ordered.slice(0, opts.limit).map(({ order: _order, ...look }) => look)
}
