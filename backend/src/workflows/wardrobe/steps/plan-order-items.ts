import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { WARDROBE_MODULE } from "../../../modules/wardrobe"
import type WardrobeModuleService from "../../../modules/wardrobe/service"
import { garmentFamily } from "../../../lib/garment-family"
import type { WardrobeItemInput } from "./create-wardrobe-items"

/**
 * The wardrobe items an order brings: one per line not already in the
 * wardrobe (idempotent per line), with the product's photo, tags, the size
 * bought and the price paid. Guest orders bring none: no account owns them.
 */
export const planOrderItemsStep = createStep(
  "plan-order-wardrobe-items",
  async ({ order_id }: { order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [order],
    } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "customer_id",
        "currency_code",
        "created_at",
        "customer.has_account",
        "items.id",
        "items.product_id",
        "items.variant_id",
        "items.thumbnail",
        "items.unit_price",
        "items.product_title",
        "items.variant_title",
      ],
      filters: { id: order_id },
    })
    if (!order?.customer_id || !(order as any).customer?.has_account)
      return new StepResponse([] as WardrobeItemInput[])
    const lines = ((order as any).items ?? []).filter((l: any) => l?.id)
    const wardrobe = container.resolve<WardrobeModuleService>(WARDROBE_MODULE)
    const existing = lines.length
      ? await wardrobe.listWardrobeItems(
          { order_line_item_id: lines.map((l: any) => l.id) },
          { select: ["order_line_item_id"] }
        )
      : []
    const done = new Set(existing.map((i) => i.order_line_item_id))
    const todo = lines.filter((l: any) => !done.has(l.id))
    const productIds = [
      ...new Set(todo.map((l: any) => l.product_id).filter(Boolean)),
    ] as string[]
    const { data: products } = productIds.length
      ? await query.graph({
          entity: "product",
          fields: [
            "id",
            "thumbnail",
            "metadata",
            "variants.id",
            "variants.options.value",
            "variants.options.option.title",
          ],
          filters: { id: productIds },
        })
      : { data: [] as any[] }
    const byId = new Map((products as any[]).map((p) => [p.id, p]))
    const items = todo.map((l: any): WardrobeItemInput => {
      const p = byId.get(l.product_id)
      const variant = p?.variants?.find((v: any) => v.id === l.variant_id)
      const size =
        variant?.options?.find((o: any) => /size/i.test(o.option?.title ?? ""))
          ?.value ?? null
      const articleType = p?.metadata?.article_type ?? null
      return {
        customer_id: order.customer_id!,
        source: "order",
        image_url: l.thumbnail ?? p?.thumbnail ?? null,
        article_type: articleType,
        colour:
          p?.metadata?.base_colour && p.metadata.base_colour !== "NA"
            ? p.metadata.base_colour
            : null,
        family: garmentFamily(articleType),
        size,
        price_paid: l.unit_price ?? null,
        currency_code: (order as any).currency_code,
        acquired_at: new Date((order as any).created_at),
        product_id: l.product_id ?? null,
        variant_id: l.variant_id ?? null,
        order_id: order.id,
        order_line_item_id: l.id,
        notes: l.product_title ?? null,
      }
    })
    return new StepResponse(items)
  }
)
