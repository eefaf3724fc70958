/**
 * What the module accepts from a product photo URL. The shopper-upload
 * normaliser (src/lib/uploads) has its own limits of the same size; the
 * module keeps these so it depends on no app code.
 */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024
/** 40 megapixels: a real phone photo is ≤ 50 MP; a decompression bomb is far more. */
export const MAX_IMAGE_PIXELS = 40_000_000
