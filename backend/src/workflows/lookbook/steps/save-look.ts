import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
import { LOOKBOOK_MODULE } from "../../../modules/lookbook"
import type LookbookModuleService from "../../../modules/lookbook/service"

export type HotspotInput = {
  x: number
  y: number
  product_id: string
  variant_id?: string | null
  label?: string | null
}
export type SaveLookInput = {
  lookbook_id: string
  look_id?: string
  title?: string
  image_url?: string
  hotspots?: HotspotInput[]
}

/**
 * Creates a look, or updates one and replaces its hotspots. Every hotspot must
 * point at an existing product, and its variant (if any) at one of that
 * product's variants. The compensation restores the previous look exactly.
 */
export const saveLookStep = createStep(
  "save-look",
  async (input: SaveLookInput, { container }) => {
    const service = container.resolve<LookbookModuleService>(LOOKBOOK_MODULE)
    await service.retrieveLookbook(input.lookbook_id)
    if (input.hotspots?.length) {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const productIds = [...new Set(input.hotspots.map((h) => h.product_id))]
      const { data: products } = await query.graph({
        entity: "product",
        fields: ["id", "variants.id"],
        filters: { id: productIds },
      })
      for (const h of input.hotspots) {
        const p = (products as any[]).find((x) => x.id === h.product_id)
        if (!p)
          throw new MedusaError(
            MedusaError.Types.INVALID_DATA,
            `Hotspot at (${h.x}, ${h.y}): product ${h.product_id} was not found`
          )
        if (
          h.variant_id &&
          !(p.variants ?? []).some((v: any) => v.id === h.variant_id)
        ) {
          throw new MedusaError(
            MedusaError.Types.INVALID_DATA,
            `Hotspot at (${h.x}, ${h.y}): variant ${h.variant_id} is not a variant of product ${h.product_id}`
          )
        }
      }
    }
    if (!input.look_id) {
      if (!input.title || !input.image_url)
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          "A new look needs a title and an image_url"
        )
      const siblings = await service.listLooks(
        { lookbook: { id: input.lookbook_id } } as any,
        { select: ["rank"] }
      )
      const rank = siblings.reduce(
        (m: number, l: any) => Math.max(m, l.rank + 1),
        0
      )
      const look = await service.createLooks({
        lookbook_id: input.lookbook_id,
        title: input.title,
        image_url: input.image_url,
        rank,
      } as any)
      if (input.hotspots?.length)
        await service.createLookHotspots(
          input.hotspots.map((h) => ({ ...h, look_id: look.id })) as any
        )
      return new StepResponse(look, { created: look.id })
    }
    const previous = await service.retrieveLookOf(
      input.lookbook_id,
      input.look_id
    )
    const look = await service.updateLooks({
      id: input.look_id,
      ...(input.title ? { title: input.title } : {}),
      ...(input.image_url ? { image_url: input.image_url } : {}),
    })
    let removedHotspots: string[] = []
    let createdHotspots: string[] = []
    if (input.hotspots) {
      removedHotspots = previous.hotspots.map((h: any) => h.id)
      if (removedHotspots.length)
        await service.softDeleteLookHotspots(removedHotspots)
      if (input.hotspots.length)
        createdHotspots = (
          (await service.createLookHotspots(
            input.hotspots.map((h) => ({ ...h, look_id: look.id })) as any[]
          )) as unknown as any[]
        ).map((h: any) => h.id)
    }
    return new StepResponse(look, {
      updated: {
        id: previous.id,
        title: previous.title,
        image_url: previous.image_url,
      },
      removedHotspots,
      createdHotspots,
    })
  },
  async (undo: any, { container }) => {
    if (!undo) return
    const service = container.resolve<LookbookModuleService>(LOOKBOOK_MODULE)
    if (undo.created) return service.deleteLooks(undo.created)
    if (undo.createdHotspots?.length)
      await service.deleteLookHotspots(undo.createdHotspots)
    if (undo.removedHotspots?.length)
      await service.restoreLookHotspots(undo.removedHotspots)
    await service.updateLooks(undo.updated)
  }
)
