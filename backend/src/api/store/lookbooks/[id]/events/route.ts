import type {
  MedusaResponse,
  MedusaStoreRequest,
} from "@medusajs/framework/http"
import { liveLookbook } from "../../../../../lib/lookbook/store-lookbooks"
import { recordLookEventWorkflow } from "../../../../../workflows/lookbook/record-look-event"
import type { StoreLookEventType } from "../../validators"

/** POST /store/lookbooks/:id/events — a look viewed or a hotspot opened, for per-look analytics. */
export const POST = async (
  req: MedusaStoreRequest<StoreLookEventType>,
  res: MedusaResponse
) => {
  const lb = await liveLookbook(
    req.scope,
    req.params.id,
    req.publishable_key_context?.sales_channel_ids ?? []
  )
  const { type, look_id, product_id } = req.validatedBody
  const look = lb.looks.find((l: any) => l.id === look_id)
  if (!look) {
    res.status(404).json({
      type: "not_found",
      message: `Look ${look_id} was not found in lookbook ${req.params.id}`,
    })
    return
  }
  if (
    type === "hotspot_opened" &&
    !(look.hotspots ?? []).some((h: any) => h.product_id === product_id)
  ) {
    res.status(400).json({
      type: "invalid_data",
      message: `hotspot_opened needs the product_id of a hotspot on look ${look_id}`,
    })
    return
  }
  await recordLookEventWorkflow(req.scope).run({
    input: {
      type,
      lookbook_id: lb.id,
      look_id,
      product_id: product_id ?? null,
    },
  })
  res.status(201).json({ recorded: true })
}
