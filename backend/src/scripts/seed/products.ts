import fs from "node:fs"
import path from "node:path"
import {
  createInventoryLevelsWorkflow,
  createProductCategoriesWorkflow,
  createProductTagsWorkflow,
  createProductsWorkflow,
  uploadFilesWorkflow,
} from "@medusajs/medusa/core-flows"
import {
  ContainerRegistrationKeys,
  ProductStatus,
} from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import {
  planProduct,
  slugify,
  type PlannedProduct,
  type StyleRow,
  type Warehouse,
} from "../../lib/catalog"
import type { SetupResult } from "./setup"

// products per createProductsWorkflow call (a bench seeding 10,000 sets more: fewer, larger transactions)
const BATCH = Math.max(1, Number(process.env.CURATOR_SEED_BATCH || 25))

/** Returns the id of every category on the path gender → master category → article type, creating the missing ones. */
async function ensureCategories(
  container: MedusaContainer,
  plans: PlannedProduct[]
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const ids = new Map<string, string>()
  const { data: existing } = await query.graph({
    entity: "product_category",
    fields: ["id", "handle"],
  })
  for (const c of existing) ids.set(c.handle, c.id)
  const paths = new Set(plans.map((p) => p.categoryPath.join("/")))
  for (const depth of [1, 2, 3]) {
    const wanted = new Map<string, { name: string; parentHandle?: string }>()
    for (const p of paths) {
      const parts = p.split("/").slice(0, depth)
      const handle = slugify(parts.join("-"))
      if (!ids.has(handle)) {
        wanted.set(handle, {
          name: parts[depth - 1],
          parentHandle:
            depth > 1 ? slugify(parts.slice(0, -1).join("-")) : undefined,
        })
      }
    }
    if (!wanted.size) continue
    const { result } = await createProductCategoriesWorkflow(container).run({
      input: {
        product_categories: [...wanted.entries()].map(([handle, c]) => ({
          name: c.name,
          handle,
          is_active: true,
          parent_category_id: c.parentHandle ? ids.get(c.parentHandle)! : null,
        })),
      },
    })
    for (const c of result) ids.set(c.handle, c.id)
  }
  return (categoryPath: string[]) => ids.get(slugify(categoryPath.join("-")))!
}

async function ensureTags(container: MedusaContainer, plans: PlannedProduct[]) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: existing } = await query.graph({
    entity: "product_tag",
    fields: ["id", "value"],
  })
  const ids = new Map(
    existing.map((t: { id: string; value: string }) => [t.value, t.id])
  )
  const missing = [...new Set(plans.flatMap((p) => p.tags))].filter(
    (t) => !ids.has(t)
  )
  if (missing.length) {
    const { result } = await createProductTagsWorkflow(container).run({
      input: { product_tags: missing.map((value) => ({ value })) },
    })
    for (const t of result) ids.set(t.value, t.id)
  }
  return (value: string) => ids.get(value)!
}

/**
 * The stock levels of products an interrupted seed created without them
 * (products and their levels are two workflows): a resumed seed completes them.
 */
async function createMissingLevels(
  container: MedusaContainer,
  setup: SetupResult,
  plans: PlannedProduct[],
  log: (m: string) => void
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const missing: {
    inventory_item_id: string
    location_id: string
    stocked_quantity: number
  }[] = []
  for (let i = 0; i < plans.length; i += 500) {
    const stockOf = new Map(
      plans
        .slice(i, i + 500)
        .flatMap((p) => p.variants.map((v) => [v.sku, v.stock] as const))
    )
    const { data: variants } = await query.graph({
      entity: "product_variant",
      fields: [
        "sku",
        "inventory_items.inventory_item_id",
        "inventory_items.inventory.location_levels.location_id",
      ],
      filters: { sku: [...stockOf.keys()] },
    })
    for (const v of variants as any[]) {
      const item = v.inventory_items?.[0]
      const stock = stockOf.get(v.sku)
      if (!item?.inventory_item_id || !stock) continue
      const at = new Set(
        (item.inventory?.location_levels ?? []).map((l: any) => l?.location_id)
      )
      for (const w of Object.keys(setup.locationIds) as Warehouse[])
        if (!at.has(setup.locationIds[w]))
          missing.push({
            inventory_item_id: item.inventory_item_id,
            location_id: setup.locationIds[w],
            stocked_quantity: stock[w],
          })
    }
  }
  if (!missing.length) return
  await createInventoryLevelsWorkflow(container).run({
    input: { inventory_levels: missing },
  })
  log(`stock: ${missing.length} missing levels created (an interrupted seed)`)
}

/**
 * Creates the products of `rows` that do not exist yet (matched by handle),
 * with their photo uploaded through the File module and stock in each warehouse.
 * Returns how many were created.
 */
export async function seedProducts(
  container: MedusaContainer,
  setup: SetupResult,
  rows: StyleRow[],
  imagesDir: string,
  log: (m: string) => void
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const plans = rows.map(planProduct)
  const { data: existing } = await query.graph({
    entity: "product",
    fields: ["handle"],
    filters: { handle: plans.map((p) => p.handle) },
  })
  const have = new Set(existing.map((p: { handle: string }) => p.handle))
  const todo = plans.filter((p) => !have.has(p.handle))
  if (process.env.CURATOR_SEED_TAXONOMY_ONLY !== "true")
    await createMissingLevels(
      container,
      setup,
      plans.filter((p) => have.has(p.handle)),
      log
    )
  if (!todo.length) {
    log(`products: all ${plans.length} already seeded`)
    return 0
  }
  const categoryId = await ensureCategories(container, todo)
  const tagId = await ensureTags(container, todo)
  // a first pass before several seed processes share the rows: only the categories and tags they all draw on
  if (process.env.CURATOR_SEED_TAXONOMY_ONLY === "true") {
    log(`categories and tags of ${todo.length} products ready`)
    return 0
  }

  let done = 0
  for (let i = 0; i < todo.length; i += BATCH) {
    const batch = todo.slice(i, i + BATCH)
    const t0 = Date.now()
    const { result: files } = await uploadFilesWorkflow(container).run({
      input: {
        files: batch.map((p) => ({
          filename: `demo-${p.imageFile}`,
          mimeType: "image/jpeg",
          content: fs
            .readFileSync(path.join(imagesDir, p.imageFile))
            .toString("base64"),
          access: "public" as const,
        })),
      },
    })
    const t1 = Date.now()
    const { result: products } = await createProductsWorkflow(container).run({
      input: {
        products: batch.map((p, j) => ({
          title: p.title,
          handle: p.handle,
          description: p.description,
          status: ProductStatus.PUBLISHED,
          thumbnail: files[j].url,
          images: [{ url: files[j].url }],
          category_ids: [categoryId(p.categoryPath)],
          tag_ids: p.tags.map(tagId),
          metadata: p.metadata,
          shipping_profile_id: setup.shippingProfileId,
          sales_channels: [{ id: setup.salesChannelId }],
          options: [{ title: "Size", values: p.variants.map((v) => v.size) }],
          variants: p.variants.map((v) => ({
            title: v.size,
            sku: v.sku,
            manage_inventory: true,
            options: { Size: v.size },
            prices: [
              { amount: v.prices.eur, currency_code: "eur" },
              { amount: v.prices.usd, currency_code: "usd" },
            ],
          })),
        })),
      },
    })
    const t2 = Date.now()
    const skus = new Map(
      batch.flatMap((p) => p.variants.map((v) => [v.sku, v.stock] as const))
    )
    const { data: variants } = await query.graph({
      entity: "product_variant",
      fields: ["sku", "inventory_items.inventory_item_id"],
      filters: { product_id: products.map((p) => p.id) },
    })
    const levels = variants.flatMap((v: any) =>
      (Object.keys(setup.locationIds) as Warehouse[]).map((w) => ({
        inventory_item_id: v.inventory_items[0].inventory_item_id,
        location_id: setup.locationIds[w],
        stocked_quantity: skus.get(v.sku)![w],
      }))
    )
    await createInventoryLevelsWorkflow(container).run({
      input: { inventory_levels: levels },
    })
    done += batch.length
    log(
      `seeding products ${done}/${todo.length} (photos ${t1 - t0} ms, products ${t2 - t1} ms, stock ${Date.now() - t2} ms)`
    )
  }
  return done
}
