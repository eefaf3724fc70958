import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

export type PostCartStats = {
  post_id: string
  cart_lines: number
  units: number
  carts: number
  order_lines: number
}

/**
 * Posts that drove the most add-to-carts over the last `days`: cart and order
 * line items whose metadata says they came from a post (`source = "post"`,
 * `post_id`, written by the add-a-set-to-cart workflow).
 * Line items belong to the Cart and Order modules, so this reads them here
 * (app code), never from the social module.
 */
export async function postCartStats(
  container: MedusaContainer,
  days: number,
  limit = 10
): Promise<PostCartStats[]> {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = await pg.raw(
    `WITH c AS (
       SELECT metadata->>'post_id' AS post_id, count(*)::int AS cart_lines,
              coalesce(sum(quantity), 0)::int AS units, count(DISTINCT cart_id)::int AS carts
         FROM cart_line_item
        WHERE deleted_at IS NULL AND metadata->>'source' = 'post' AND created_at > now() - make_interval(days => ?)
        GROUP BY 1),
     o AS (
       SELECT metadata->>'post_id' AS post_id, count(*)::int AS order_lines
         FROM order_line_item
        WHERE deleted_at IS NULL AND metadata->>'source' = 'post' AND created_at > now() - make_interval(days => ?)
        GROUP BY 1)
     SELECT coalesce(c.post_id, o.post_id) AS post_id, coalesce(c.cart_lines, 0) AS cart_lines,
            coalesce(c.units, 0) AS units, coalesce(c.carts, 0) AS carts, coalesce(o.order_lines, 0) AS order_lines
       FROM c FULL JOIN o ON o.post_id = c.post_id
      WHERE coalesce(c.post_id, o.post_id) IS NOT NULL
      ORDER BY units DESC, order_lines DESC, post_id LIMIT ?`,
    [days, days, limit]
  )
  return rows
}
