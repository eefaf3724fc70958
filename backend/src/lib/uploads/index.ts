import sharp from "sharp"
import multer from "multer"
import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"

/**
 * Everything an uploaded photo goes through before any model sees it. The
 * client's MIME type is never trusted: the bytes decide. Errors carry an HTTP
 * status (413/415/400) so routes answer with a clear 4xx, never a 500.
 */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024
/** 40 megapixels: a real phone photo is ≤ 50 MP; a decompression bomb is far more. */
export const MAX_INPUT_PIXELS = 40_000_000

export type SniffedType = "jpeg" | "png" | "webp"

/**
 * Shaped like an `http-errors` error (status = statusCode, expose) so Medusa's
 * error handler answers with its own status (413, 415) instead of 400/500.
 */
export class ImageInputError extends Error {
  readonly statusCode: number
  readonly expose = true
  constructor(
    public readonly status: 400 | 413 | 415,
    message: string
  ) {
    super(message)
    this.statusCode = status
    this.name = "ImageInputError"
  }
}

export function sniffImageType(buf: Buffer): SniffedType | null {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff)
    return "jpeg"
  if (
    buf.length >= 8 &&
    buf
      .subarray(0, 8)
      .equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  )
    return "png"
  if (
    buf.length >= 12 &&
    buf.toString("ascii", 0, 4) === "RIFF" &&
    buf.toString("ascii", 8, 12) === "WEBP"
  )
    return "webp"
  return null
}

/**
 * Validates and re-encodes a photo: a fresh JPEG without EXIF/GPS or any other
 * metadata, oriented by its EXIF first, at most `maxSide` pixels on a side.
 */
export async function normalizeUpload(
  buf: Buffer,
  { maxSide = 1024 }: { maxSide?: number } = {}
): Promise<{ jpeg: Buffer; type: SniffedType; width: number; height: number }> {
  if (!buf?.length)
    throw new ImageInputError(
      400,
      "The image is empty: send a JPEG, PNG or WebP photo in the `image` field."
    )
  if (buf.length > MAX_UPLOAD_BYTES) {
    throw new ImageInputError(
      413,
      `The image is ${(buf.length / 1048576).toFixed(1)} MB; the limit is ${MAX_UPLOAD_BYTES / 1048576} MB.`
    )
  }
  const type = sniffImageType(buf)
  if (!type)
    throw new ImageInputError(
      415,
      "That file is not a JPEG, PNG or WebP image (judged by its content, not its name or MIME type)."
    )
  let meta: sharp.Metadata
  try {
    // reading the header only: safe without a pixel limit, and lets us name the size
    meta = await sharp(buf, { limitInputPixels: false }).metadata()
  } catch (e: any) {
    throw new ImageInputError(
      400,
      `The ${type.toUpperCase()} image could not be read: ${String(e?.message ?? e).slice(0, 120)}`
    )
  }
  if (!meta.width || !meta.height)
    throw new ImageInputError(
      400,
      `The ${type.toUpperCase()} image has no size: it is corrupt.`
    )
  if (meta.width * meta.height > MAX_INPUT_PIXELS) {
    throw new ImageInputError(
      413,
      `The image is ${meta.width}×${meta.height} pixels; the limit is ${MAX_INPUT_PIXELS / 1e6} megapixels.`
    )
  }
  try {
    const { data, info } = await sharp(buf, {
      limitInputPixels: MAX_INPUT_PIXELS,
      failOn: "error",
    })
      .rotate()
      .resize({
        width: maxSide,
        height: maxSide,
        fit: "inside",
        withoutEnlargement: true,
      })
      .flatten({ background: "#ffffff" })
      .jpeg({ quality: 90 })
      .toBuffer({ resolveWithObject: true })
    return { jpeg: data, type, width: info.width, height: info.height }
  } catch (e: any) {
    throw new ImageInputError(
      400,
      `The ${type.toUpperCase()} image is truncated or corrupt: ${String(e?.message ?? e).slice(0, 120)}`
    )
  }
}

// ---------------------------------------------------------------------------
// Multipart parsing: in memory (never to disk), with limits; multer's errors
// become clear 4xx answers.

/** Admin photos (products, looks) keep more pixels than a search query needs. */
export const STORED_IMAGE_MAX_SIDE = 2400

const parser = (files: number) =>
  multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: MAX_UPLOAD_BYTES, files, fields: 20, fieldSize: 4096 },
  })

function multerError(err: any, field: string, max: number) {
  if (err.code === "LIMIT_FILE_SIZE")
    return new ImageInputError(
      413,
      `The image is larger than the ${MAX_UPLOAD_BYTES / 1048576} MB limit.`
    )
  if (err.code === "LIMIT_FILE_COUNT")
    return new ImageInputError(
      413,
      `At most ${max} image${max > 1 ? "s" : ""} per request.`
    )
  if (err.code === "LIMIT_UNEXPECTED_FILE")
    return new ImageInputError(
      400,
      `Unexpected file field "${err.field}": send the photo${max > 1 ? "s" : ""} in field "${field}".`
    )
  return new ImageInputError(
    400,
    `The multipart body could not be read: ${err.message}`
  )
}

/** One photo in `field` → `req.file` (bytes as sent; routes call normalizeUpload). */
export function singleImage(field = "image") {
  const handler = parser(1).single(field)
  return (
    req: MedusaRequest,
    res: MedusaResponse,
    next: MedusaNextFunction
  ) => {
    if (!req.is("multipart/form-data")) return next()
    handler(req as any, res as any, (err: any) => {
      if (err) return next(multerError(err, field, 1))
      if (!(req as any).file)
        return next(
          new ImageInputError(
            400,
            `The multipart body has no file in field "${field}".`
          )
        )
      next()
    })
  }
}

type MemoryFile = {
  buffer: Buffer
  originalname: string
  mimetype: string
  size: number
}

/** Re-encodes parsed files in place: images only (sniffed), a fresh JPEG without EXIF/GPS, renamed `.jpg`. */
export async function normalizeFiles(
  files: MemoryFile[],
  maxSide = STORED_IMAGE_MAX_SIDE
) {
  for (const f of files) {
    let jpeg: Buffer
    try {
      ;({ jpeg } = await normalizeUpload(f.buffer, { maxSide }))
    } catch (e) {
      if (e instanceof ImageInputError)
        e.message = `${f.originalname || "file"}: ${e.message}`
      throw e
    }
    f.buffer = jpeg
    f.size = jpeg.length
    f.mimetype = "image/jpeg"
    f.originalname = `${
      (f.originalname || "image")
        .replace(/\.[^./\\]*$/, "")
        .replace(/[^\w.-]+/g, "-")
        .slice(0, 80) || "image"
    }.jpg`
  }
}

/**
 * Up to `max` photos in `field` → `req.files`, each normalised (see
 * normalizeFiles). If something earlier (Medusa's own multer on
 * /admin/uploads) already parsed them, only normalises.
 */
export function images(
  field = "files",
  max = 10,
  maxSide = STORED_IMAGE_MAX_SIDE
) {
  const handler = parser(max).array(field, max)
  const normalise = (req: MedusaRequest, next: MedusaNextFunction) => {
    const files = ((req as any).files ?? []) as MemoryFile[]
    if (files.length > max)
      return next(
        new ImageInputError(
          413,
          `At most ${max} images per request; this one has ${files.length}.`
        )
      )
    normalizeFiles(files, maxSide).then(() => next(), next)
  }
  return (
    req: MedusaRequest,
    res: MedusaResponse,
    next: MedusaNextFunction
  ) => {
    if (Array.isArray((req as any).files)) return normalise(req, next)
    if (!req.is("multipart/form-data")) return next()
    handler(req as any, res as any, (err: any) =>
      err ? next(multerError(err, field, max)) : normalise(req, next)
    )
  }
}
