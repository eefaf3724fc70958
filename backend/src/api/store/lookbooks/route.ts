import type {
  MedusaResponse,
  MedusaStoreRequest,
} from "@medusajs/framework/http"
import { liveLookbooks } from "../../../lib/lookbook/store-lookbooks"

/** GET /store/lookbooks?offset=&limit= — published lookbooks of the current sales channel. */
export const GET = async (req: MedusaStoreRequest, res: MedusaResponse) => {
  const lookbooks = await liveLookbooks(
    req.scope,
    req.publishable_key_context?.sales_channel_ids ?? []
  )
  const { offset, limit } = req.validatedQuery as {
    offset: number
    limit: number
  }
  res.json({
    lookbooks: lookbooks.slice(offset, offset + limit).map((lb) => ({
      id: lb.id,
      title: lb.title,
      handle: lb.handle,
      description: lb.description,
      cover_image:
        lb.cover_image ??
        [...(lb.looks ?? [])].sort((a: any, b: any) => a.rank - b.rank)[0]
          ?.image_url ??
        null,
      look_count: (lb.looks ?? []).length,
    })),
    count: lookbooks.length,
  })
}
