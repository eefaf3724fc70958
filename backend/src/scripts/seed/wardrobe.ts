import fs from "node:fs"
import path from "node:path"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { prng } from "../../lib/catalog"
import { garmentFamily, type GarmentFamily } from "../../lib/garment-family"
import { WARDROBE_MODULE } from "../../modules/wardrobe"
import type WardrobeModuleService from "../../modules/wardrobe/service"
import { garmentCutout } from "../../modules/visual-search/garment-cutout"
import { normalizeUpload } from "../../lib/uploads"
import { addWardrobeItemWorkflow } from "../../workflows/wardrobe/add-wardrobe-item"
import { saveOutfitWorkflow } from "../../workflows/wardrobe/save-outfit"
import { DEMO_SHOPPER, ensureDemoShopper } from "./shoppers"

export { DEMO_SHOPPER }

/** How many items of each family the demo wardrobe holds (20 in all). */
const PLAN: [GarmentFamily, number][] = [
  ["top", 6],
  ["bottom", 4],
  ["dress", 1],
  ["outerwear", 1],
  ["shoes", 4],
  ["bag", 2],
  ["accessory", 2],
]

const day = (d: Date) => d.toISOString().slice(0, 10)

/**
 * The demo shopper's wardrobe: ~20 items photographed from demo catalogue
 * photos (stored privately, with cut-outs, as uploads are), four outfits and
 * a month of wears. Idempotent: a shopper with a wardrobe is left alone.
 */
export async function ensureDemoWardrobe(
  container: MedusaContainer,
  imagesDirs: string[],
  log: (m: string) => void
) {
  const customerId = (await ensureDemoShopper(container, log)).id
  const wardrobe = container.resolve<WardrobeModuleService>(WARDROBE_MODULE)
  const [, count] = await wardrobe.listAndCountWardrobeItems(
    { customer_id: customerId },
    { take: 1 }
  )
  if (count) return log(`demo wardrobe exists (${count} items)`)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: products } = await query.graph({
    entity: "product",
    fields: ["id", "title", "metadata"],
    pagination: { take: 2000, order: { id: "ASC" } },
  })
  const rand = prng(2126)
  const photoOf = (p: any) =>
    imagesDirs
      .map((d) => path.join(d, `${p.metadata?.source_id}.jpg`))
      .find((f) => fs.existsSync(f))
  const picked: any[] = []
  for (const [family, n] of PLAN) {
    const pool = (products as any[]).filter(
      (p) => garmentFamily(p.metadata?.article_type) === family && photoOf(p)
    )
    for (let i = 0; i < n && pool.length; i++)
      picked.push(pool.splice(Math.floor(rand() * pool.length), 1)[0])
  }
  const today = new Date()
  const items: { id: string; family: string }[] = []
  for (const p of picked) {
    const { jpeg } = await normalizeUpload(fs.readFileSync(photoOf(p)!))
    const { cutout } = await garmentCutout(jpeg)
    const articleType = p.metadata.article_type
    const { result } = await addWardrobeItemWorkflow(container).run({
      input: {
        item: {
          customer_id: customerId,
          article_type: articleType,
          colour:
            p.metadata.base_colour !== "NA" ? p.metadata.base_colour : null,
          family: garmentFamily(articleType),
          brand: p.title.split(" ")[0],
          price_paid: Math.round(15 + rand() * 105),
          currency_code: "eur",
          acquired_at: new Date(
            today.getTime() - Math.floor(30 + rand() * 400) * 86400_000
          ),
          notes: "Demo item",
        },
        photo: jpeg.toString("base64"),
        cutout: cutout.toString("base64"),
        stem: `wardrobe-demo-${p.metadata.source_id}`,
      },
    })
    items.push({ id: result.id, family: result.family! })
  }
  const of = (family: string) => items.filter((i) => i.family === family)
  const outfits: { id: string }[] = []
  const looks = [
    [
      "Office Monday",
      [of("top")[0], of("bottom")[0], of("shoes")[0], of("bag")[0]],
    ],
    ["Weekend casual", [of("top")[1], of("bottom")[1], of("shoes")[1]]],
    [
      "Evening out",
      [of("dress")[0] ?? of("top")[2], of("shoes")[2], of("accessory")[0]],
    ],
    [
      "Rainy day",
      [
        of("outerwear")[0] ?? of("top")[3],
        of("top")[4],
        of("bottom")[2],
        of("shoes")[3],
      ],
    ],
  ] as const
  for (const [name, pieces] of looks) {
    const ids = pieces.filter(Boolean).map((i) => ({ wardrobe_item_id: i!.id }))
    if (ids.length < 2) continue
    const { result } = await saveOutfitWorkflow(container).run({
      input: { customer_id: customerId, name, items: ids },
    })
    outfits.push(result)
  }
  // a month of wears: most days an outfit, some days a few single items; a few items never worn
  const neverWorn = new Set(items.slice(-3).map((i) => i.id))
  let wears = 0
  for (let d = 30; d >= 1; d--) {
    const date = day(new Date(today.getTime() - d * 86400_000))
    if (rand() < 0.15) continue
    if (rand() < 0.6 && outfits.length) {
      const outfit = await wardrobe.ownedOutfit(
        customerId,
        outfits[Math.floor(rand() * outfits.length)].id
      )
      wears += (
        await wardrobe.logWears(
          customerId,
          outfit.items
            .map((i) => i.wardrobe_item_id!)
            .filter((id) => !neverWorn.has(id)),
          date,
          outfit.id
        )
      ).length
    } else {
      const some = items
        .filter((i) => !neverWorn.has(i.id) && rand() < 0.15)
        .map((i) => i.id)
      wears += (await wardrobe.logWears(customerId, some, date)).length
    }
  }
  log(
    `demo wardrobe: ${items.length} items, ${outfits.length} outfits, ${wears} wears`
  )
}
