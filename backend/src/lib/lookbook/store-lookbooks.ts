import type { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
import LookbookModuleService from "../../modules/lookbook/service"
import { soldInChannels } from "../offers"

export const STORE_LOOKBOOK_FIELDS = [
  "id",
  "title",
  "handle",
  "description",
  "cover_image",
  "status",
  "publish_at",
  "unpublish_at",
  "sales_channels.id",
  "looks.id",
  "looks.title",
  "looks.image_url",
  "looks.rank",
  "looks.hotspots.*",
]

const inChannel = (lb: any, salesChannelIds: string[]) =>
  soldInChannels(
    (lb.sales_channels ?? []).map((c: any) => c?.id),
    salesChannelIds
  )

/** Lookbooks a shopper of these sales channels may see now: published, inside the publish window, in the channel. */
export async function liveLookbooks(
  container: MedusaContainer,
  salesChannelIds: string[],
  filters: Record<string, unknown> = {}
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "lookbook",
    fields: STORE_LOOKBOOK_FIELDS,
    filters: { status: "published", ...filters },
  })
  return (data as any[]).filter(
    (lb) => LookbookModuleService.isLive(lb) && inChannel(lb, salesChannelIds)
  )
}

/** One live lookbook by id or handle, or a 404 (drafts and other channels' lookbooks do not exist for the store). */
export async function liveLookbook(
  container: MedusaContainer,
  idOrHandle: string,
  salesChannelIds: string[]
) {
  const [lb] = await liveLookbooks(
    container,
    salesChannelIds,
    idOrHandle.startsWith("lkbk_") ? { id: idOrHandle } : { handle: idOrHandle }
  )
  if (!lb)
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Lookbook ${idOrHandle} was not found`
    )
  lb.looks = [...(lb.looks ?? [])].sort((a: any, b: any) => a.rank - b.rank)
  return lb
}
