import sharp from "sharp"
import fs from "node:fs"
import path from "node:path"
import { uploadFilesWorkflow } from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { createLookbookWorkflow } from "../../workflows/lookbook/create-lookbook"
import { saveLookWorkflow } from "../../workflows/lookbook/save-look"
import type { SetupResult } from "./setup"

// Each look: one product of each article type (in this order), in a 2×2 collage.
const LOOKBOOKS = [
  {
    handle: "weekend-casual",
    title: "Weekend Casual",
    description:
      "Easy pieces for slow Saturdays: soft tees, good denim and shoes you can walk all day in.",
    looks: [
      {
        title: "City stroll",
        types: ["Tshirts", "Jeans", "Casual Shoes", "Sunglasses"],
      },
      { title: "Park day", types: ["Tops", "Shorts", "Sandals", "Handbags"] },
      {
        title: "Coffee run",
        types: ["Sweatshirts", "Track Pants", "Sports Shoes", "Caps"],
      },
    ],
  },
  {
    handle: "office-ready",
    title: "Office Ready",
    description:
      "Sharp, comfortable and repeatable: a working week of outfits.",
    looks: [
      {
        title: "Monday meeting",
        types: ["Shirts", "Trousers", "Formal Shoes", "Watches"],
      },
      {
        title: "Friday smart",
        types: ["Kurtas", "Trousers", "Flats", "Wallets"],
      },
    ],
  },
]
const CELL = 420
const PAD = 20

async function collage(photos: Buffer[]) {
  const tiles = await Promise.all(
    photos.map((p) =>
      sharp(p)
        .resize(CELL, CELL, { fit: "contain", background: "#ffffff" })
        .toBuffer()
    )
  )
  const size = CELL * 2 + PAD * 3
  return sharp({
    create: { width: size, height: size, channels: 3, background: "#efe9e1" },
  })
    .composite(
      tiles.map((input, i) => ({
        input,
        left: PAD + (i % 2) * (CELL + PAD),
        top: PAD + Math.floor(i / 2) * (CELL + PAD),
      }))
    )
    .jpeg({ quality: 85 })
    .toBuffer()
}
const centre = (i: number) => {
  const size = CELL * 2 + PAD * 3
  return {
    x: (PAD + (i % 2) * (CELL + PAD) + CELL / 2) / size,
    y: (PAD + Math.floor(i / 2) * (CELL + PAD) + CELL / 2) / size,
  }
}

/** Two published lookbooks built from the seeded catalogue (skipped when they exist). */
export async function ensureLookbooks(
  container: MedusaContainer,
  setup: SetupResult,
  imagesDirs: string[],
  log: (m: string) => void
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: existing } = await query.graph({
    entity: "lookbook",
    fields: ["handle"],
    filters: { handle: LOOKBOOKS.map((l) => l.handle) },
  })
  const { data: products } = await query.graph({
    entity: "product",
    fields: ["id", "metadata", "variants.id"],
    filters: { status: "published" },
  })
  const used = new Set<string>()
  const pick = (type: string) => {
    const p = (products as any[]).find(
      (x) => x.metadata?.article_type === type && !used.has(x.id)
    )
    if (p) used.add(p.id)
    return p
  }
  const photoOf = (sourceId: string) => {
    for (const dir of imagesDirs) {
      const f = path.join(dir, `${sourceId}.jpg`)
      if (fs.existsSync(f)) return fs.readFileSync(f)
    }
    return null
  }
  for (const def of LOOKBOOKS) {
    if ((existing as any[]).some((e) => e.handle === def.handle)) continue
    const { result: lookbook } = await createLookbookWorkflow(container).run({
      input: {
        title: def.title,
        handle: def.handle,
        description: def.description,
        status: "published",
        sales_channel_ids: [setup.salesChannelId],
      } as any,
    })
    let made = 0
    for (const look of def.looks) {
      const items = look.types.map(pick).filter(Boolean) as any[]
      const photos = items
        .map((p) => photoOf(p.metadata.source_id))
        .filter(Boolean) as Buffer[]
      if (items.length < 2 || photos.length !== items.length) continue
      const { result: files } = await uploadFilesWorkflow(container).run({
        input: {
          files: [
            {
              filename: `look-${def.handle}-${made}.jpg`,
              mimeType: "image/jpeg",
              content: (await collage(photos)).toString("base64"),
              access: "public",
            },
          ],
        },
      })
      await saveLookWorkflow(container).run({
        input: {
          lookbook_id: lookbook.id,
          title: look.title,
          image_url: files[0].url,
          hotspots: items.map((p, i) => ({
            ...centre(i),
            product_id: p.id,
            variant_id: null,
          })),
        },
      })
      made++
    }
    log(`created lookbook "${def.title}" with ${made} looks`)
  }
}
