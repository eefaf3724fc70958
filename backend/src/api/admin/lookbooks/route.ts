import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createLookbookWorkflow } from "../../../workflows/lookbook/create-lookbook"
import { adminLookbook } from "../../../lib/lookbook/admin-lookbooks"
import type { AdminCreateLookbookType } from "./validators"

/** GET /admin/lookbooks?offset=&limit= — every lookbook with its status, channels and number of looks. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "lookbook",
    fields: [
      "id",
      "title",
      "handle",
      "status",
      "publish_at",
      "unpublish_at",
      "cover_image",
      "created_at",
      "updated_at",
      "sales_channels.id",
      "sales_channels.name",
      "looks.id",
    ],
    // offset/limit validated by listParams (middlewares.ts)
    pagination: {
      skip: req.validatedQuery.offset as number,
      take: req.validatedQuery.limit as number,
      order: { created_at: "DESC" },
    },
  })
  res.json({
    lookbooks: (data as any[]).map(({ looks, ...lb }) => ({
      ...lb,
      look_count: (looks ?? []).length,
    })),
    count: metadata?.count ?? data.length,
  })
}

/** POST /admin/lookbooks — create a lookbook (draft unless status says otherwise). */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateLookbookType>,
  res: MedusaResponse
) => {
  const { result } = await createLookbookWorkflow(req.scope).run({
    input: req.validatedBody,
  })
  res.status(201).json({ lookbook: await adminLookbook(req.scope, result.id) })
}
