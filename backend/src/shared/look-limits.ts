/**
 * Limits of "add the whole look to the cart", shared by the backend's
 * validator and the storefront's form (which imports this file), so the two
 * can never disagree. No imports: the storefront bundles it as is.
 */
/** Picked items in one add-look request (a look rarely has more than a dozen hotspots). */
export const MAX_LOOK_ITEMS = 20
/** Units of one picked item. */
export const MAX_LOOK_ITEM_QUANTITY = 10
