import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import {
  COLOURS,
  FAMILIES,
  GENDERS,
  SIZES,
  STYLES,
} from "../../../lib/style-vocabulary"

/** GET /store/style-vocabulary — the words a style profile accepts (sizes per family, styles, colours, genders), for forms. */
export const GET = async (_req: MedusaRequest, res: MedusaResponse) => {
  res.json({
    sizes: SIZES,
    budget_families: FAMILIES,
    styles: STYLES,
    colours: COLOURS,
    genders: GENDERS,
  })
}
