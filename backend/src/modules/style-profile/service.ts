import {
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import type { Context } from "@medusajs/framework/types"
import { StyleProfile } from "./models/style-profile"
import { StyleLike } from "./models/style-like"
import type { StyleProfileFields, StyleProfileShape } from "./types"

export const EMPTY_PROFILE: StyleProfileFields = {
  sizes: {},
  budget_max_item: null,
  budget_min_item: null,
  budget_by_family: {},
  styles: [],
  colours_liked: [],
  colours_disliked: [],
  brands: [],
  gender: null,
  country_code: null,
}

// budgets are stored as `real`: read them back to the cent
const cents = (v: unknown) => Math.round(Number(v) * 100) / 100
const num = (v: unknown) => (v === null || v === undefined ? null : cents(v))

class StyleProfileModuleService extends MedusaService({
  StyleProfile,
  StyleLike,
}) {
  /** The stored columns of a profile row (or of the empty profile). */
  static fieldsOf(
    row: Partial<StyleProfileFields> | null | undefined
  ): StyleProfileFields {
    const r = row ?? {}
    return {
      sizes: { ...((r.sizes as Record<string, string>) ?? {}) },
      budget_max_item: num(r.budget_max_item),
      budget_min_item: num(r.budget_min_item),
      budget_by_family: Object.fromEntries(
        Object.entries(
          (r.budget_by_family as Record<string, number>) ?? {}
        ).map(([k, v]) => [k, cents(v)])
      ),
      styles: [...(r.styles ?? [])],
      colours_liked: [...(r.colours_liked ?? [])],
      colours_disliked: [...(r.colours_disliked ?? [])],
      brands: [...(r.brands ?? [])],
      gender: r.gender ?? null,
      country_code: r.country_code ?? null,
    }
  }

  /** The API shape of a profile; a shopper without one gets the empty shape. */
  static toShape(
    row: Partial<StyleProfileFields> | null | undefined
  ): StyleProfileShape {
    const f = StyleProfileModuleService.fieldsOf(row)
    return {
      sizes: f.sizes,
      budget: {
        max_item: f.budget_max_item,
        min_item: f.budget_min_item,
        by_family: f.budget_by_family,
      },
      styles: f.styles,
      colours: { liked: f.colours_liked, disliked: f.colours_disliked },
      brands: f.brands,
      gender: f.gender,
      country_code: f.country_code,
    }
  }

  /** The customer's profile row, or null. */
  async profileOf(customerId: string) {
    const [row] = await this.listStyleProfiles(
      { customer_id: customerId },
      { take: 1 }
    )
    return row ?? null
  }

  /**
   * Overwrites a profile's fields. Medusa's update merges JSON objects key by
   * key, so a family whose size was cleared would survive; clearing the JSON
   * columns first, in the same transaction, makes the write a replacement.
   */
  @InjectTransactionManager()
  async replaceStyleProfile(
    id: string,
    fields: StyleProfileFields,
    @MedusaContext() sharedContext: Context = {}
  ) {
    await this.updateStyleProfiles(
      { id, sizes: null, budget_by_family: null } as any,
      sharedContext
    )
    return this.updateStyleProfiles({ id, ...fields } as any, sharedContext)
  }

  /** The customer's liked products, oldest first. */
  async likesOf(customerId: string) {
    return this.listStyleLikes(
      { customer_id: customerId },
      { order: { created_at: "ASC" }, take: null as any }
    )
  }
}

export default StyleProfileModuleService
