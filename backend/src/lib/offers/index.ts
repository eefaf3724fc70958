/**
 * Offers: can this shopper buy this product here, and if not, why.
 *
 * The one buyability rule of the shop (judge.ts), the facts it decides on
 * (read.ts: prices and stock read now, region-stock.ts: which locations serve
 * a region) and its only cache (cache.ts, with `forgetProducts`). Visual
 * search, similar products, lookbooks, add-look-to-cart and the availability
 * endpoint all ask `sellableProducts`; new features should too.
 */
export type {
  ExclusionReason,
  ProductOffer,
  ProductRead,
  ProductSummary,
  RegionContext,
  SellableVariant,
  ShopperContext,
  VariantRead,
} from "./types"
export { sellableProducts, type SellableOptions } from "./sellable"
export { judge, productReason, soldInChannels, sameSize, covers } from "./judge"
export { readProducts } from "./read"
export {
  forgetProducts,
  onForget,
  contextKey,
  regionContext,
  productStructures,
  productsOfInventoryItems,
  productsOfPriceSets,
  startWarming,
  warmStructures,
  STRUCTURE_TTL_MS,
} from "./cache"
export { variantSize } from "./region-stock"
export { forgetReads, forgetAllReads, readTtlMs } from "./read-cache"
