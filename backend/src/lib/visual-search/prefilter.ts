import type { MedusaContainer } from "@medusajs/framework/types"
import { productStructures, variantSize } from "../offers"

/**
 * The sizes each product comes in, from its cached structure (lib/offers):
 * a photo of a bag asked for in M would otherwise price hundreds of products
 * before finding one in M. One query covers the next couple of hundred
 * candidates, which is what a search needs when its candidates have no read
 * on the offer sheet yet (offers.ts), and the fresh check of the survivors then
 * finds their structures cached. Sizes only ever *skip*; every product returned
 * is still checked by the rule against fresh prices and stock.
 */
export const normaliseSize = (s: string) => s.trim().toLowerCase()

export async function productSizes(
  container: MedusaContainer,
  ids: string[]
): Promise<Map<string, Set<string>>> {
  const structures = await productStructures(container, ids)
  return new Map(
    ids.map((id) => [
      id,
      new Set(
        (structures.get(id)?.variants ?? [])
          .map(variantSize)
          .filter((s): s is string => !!s)
          .map(normaliseSize)
      ),
    ])
  )
}
