import {
  createInventoryLevelsWorkflow,
  createProductsWorkflow,
  uploadFilesWorkflow,
} from "@medusajs/medusa/core-flows"
import {
  ContainerRegistrationKeys,
  ProductStatus,
} from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"

let n = 0
/**
 * A product made for one test: its photo uploaded through the File module,
 * its sizes stocked per warehouse as given, priced in the given currencies.
 */
export async function createTestProduct(
  container: MedusaContainer,
  opts: {
    photo: Buffer
    sizes: Record<string, { eu: number; us: number }>
    prices: { eur?: number; usd?: number }
    /** per size, instead of `prices` */
    sizePrices?: Record<string, { eur?: number; usd?: number }>
    salesChannel?: string | null
  }
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: channels } = await query.graph({
    entity: "sales_channel",
    fields: ["id", "name"],
  })
  const channel =
    opts.salesChannel === null
      ? null
      : (opts.salesChannel ??
        (channels as any[]).find((c) => c.name === "CuratorAI Web Store")!.id)
  const { data: locations } = await query.graph({
    entity: "stock_location",
    fields: ["id", "name"],
  })
  const loc = {
    eu: (locations as any[]).find((l) => l.name.startsWith("EU"))!.id,
    us: (locations as any[]).find((l) => l.name.startsWith("US"))!.id,
  }
  const { data: profiles } = await query.graph({
    entity: "shipping_profile",
    fields: ["id"],
  })
  const { result: files } = await uploadFilesWorkflow(container).run({
    input: {
      files: [
        {
          filename: `test-${Date.now()}-${n}.jpg`,
          mimeType: "image/jpeg",
          content: opts.photo.toString("base64"),
          access: "public",
        },
      ],
    },
  })
  const title = `Test product ${++n}`
  const { result } = await createProductsWorkflow(container).run({
    input: {
      products: [
        {
          title,
          handle: `test-product-${Date.now()}-${n}`,
          status: ProductStatus.PUBLISHED,
          thumbnail: files[0].url,
          images: [{ url: files[0].url }],
          shipping_profile_id: (profiles as any[])[0].id,
          sales_channels: channel ? [{ id: channel }] : [],
          options: [{ title: "Size", values: Object.keys(opts.sizes) }],
          variants: Object.keys(opts.sizes).map((size) => ({
            title: size,
            sku: `TEST-${n}-${size}`,
            manage_inventory: true,
            options: { Size: size },
            prices: Object.entries(opts.sizePrices?.[size] ?? opts.prices).map(
              ([currency_code, amount]) => ({ currency_code, amount: amount! })
            ),
          })),
        },
      ],
    },
  })
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["title", "inventory_items.inventory_item_id"],
    filters: { product_id: result[0].id },
  })
  await createInventoryLevelsWorkflow(container).run({
    input: {
      inventory_levels: (variants as any[]).flatMap((v) =>
        (["eu", "us"] as const).map((w) => ({
          inventory_item_id: v.inventory_items[0].inventory_item_id,
          location_id: loc[w],
          stocked_quantity: opts.sizes[v.title][w],
        }))
      ),
    },
  })
  return { id: result[0].id as string, title, url: files[0].url as string }
}
