/**
 * The shopper a decision is made for: the region (currency, the countries its
 * stock must ship to) and the sales channels of the publishable key, plus the
 * optional wishes a search or an add-to-cart carries.
 */
export type ShopperContext = {
  region_id: string
  /** the publishable key's sales channels; empty or absent = every channel */
  sales_channel_ids?: string[]
  size?: string
  /** major units of the region's currency (Medusa's calculated_amount) */
  min_price?: number
  max_price?: number
  /** units a variant must have available (default 1) */
  quantity?: number
}

/** Why a product or a variant cannot be bought in a context; checked in this order. */
export type ExclusionReason =
  | "not_published"
  | "not_in_sales_channel"
  | "not_priced_in_region"
  | "no_size"
  | "out_of_stock"
  | "under_budget"
  | "over_budget"

export type SellableVariant = {
  id: string
  title: string
  size: string | null
  calculated_price: number
  currency_code: string
  in_stock: true
  /** units available in the region's locations; null when inventory is not managed or backorders are allowed */
  quantity: number | null
}

export type ProductSummary = {
  id: string
  title: string
  handle: string
  thumbnail: string | null
}

export type ProductOffer = {
  product: ProductSummary
  /** the variants this shopper can buy, in the product's order */
  variants: SellableVariant[]
  /** every other variant with the first check it failed; `variant_id: null` when the whole product is ruled out */
  excluded: { variant_id: string | null; reason: ExclusionReason }[]
  /** the product-level reason when `variants` is empty, else null */
  reason: ExclusionReason | null
}

/**
 * What was read of one product for one region and set of sales channels: the
 * facts the rule (judge.ts) decides on. Unknown or deleted products are read
 * as `status: null`.
 */
export type ProductRead = {
  product: ProductSummary
  status: string | null
  channels: string[]
  variants: VariantRead[]
  /**
   * Set when only the variants of one size were read (a request for that
   * size): the ids of the others, which the rule rules out as `no_size`.
   */
  unread_variant_ids?: string[]
}

export type VariantRead = {
  id: string
  title: string
  size: string | null
  /** calculated price in the region, major units; null when not priced there */
  amount: number | null
  currency: string
  /** available in the region's locations; null = not managed or backorders allowed (always available) */
  quantity: number | null
}

/** A region as the rule needs it: its currency and the stock locations that serve it through the sales channels. */
export type RegionContext = {
  region_id: string
  currency: string
  locationIds: Set<string>
}
