import multer from "multer"
import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import {
  ImageInputError,
  MAX_UPLOAD_BYTES,
  normalizeUpload,
} from "../lib/uploads"

/**
 * The social feed's multipart parsing: 1–`max` photos in one multipart field,
 * each ≤ 10 MB; every photo then goes through the shared normaliser (lib/uploads).
 */
export const MAX_POST_IMAGES = 6
const upload = multer({
  storage: multer.memoryStorage(),
  limits: {
    fileSize: MAX_UPLOAD_BYTES,
    files: MAX_POST_IMAGES,
    fields: 20,
    fieldSize: 64 * 1024,
  },
})

export function postImages(field = "images", max = MAX_POST_IMAGES) {
  const handler = upload.array(field, max)
  return (
    req: MedusaRequest,
    res: MedusaResponse,
    next: MedusaNextFunction
  ) => {
    if (!req.is("multipart/form-data"))
      return next(
        new ImageInputError(
          400,
          `Send the post as multipart/form-data with 1–${max} photos in field "${field}".`
        )
      )
    handler(req as any, res as any, (err: any) => {
      if (!err) {
        if (!((req as any).files as unknown[] | undefined)?.length)
          return next(
            new ImageInputError(
              400,
              `The post has no photo: send 1–${max} in field "${field}".`
            )
          )
        return next()
      }
      if (err.code === "LIMIT_FILE_SIZE")
        return next(
          new ImageInputError(
            413,
            `A photo is larger than the ${MAX_UPLOAD_BYTES / 1048576} MB limit.`
          )
        )
      if (
        err.code === "LIMIT_FILE_COUNT" ||
        (err.code === "LIMIT_UNEXPECTED_FILE" && err.field === field)
      ) {
        return next(
          new ImageInputError(400, `A post has at most ${max} photos.`)
        )
      }
      if (err.code === "LIMIT_UNEXPECTED_FILE")
        return next(
          new ImageInputError(
            400,
            `Unexpected file field "${err.field}": send photos in field "${field}".`
          )
        )
      next(
        new ImageInputError(
          400,
          `The multipart body could not be read: ${err.message}`
        )
      )
    })
  }
}

/** Sniffs, bounds and re-encodes each photo (EXIF/GPS stripped) before anything is stored. */
export async function normalizePostPhotos(files: { buffer: Buffer }[]) {
  const out: { content: string; width: number; height: number }[] = []
  for (const f of files) {
    const { jpeg, width, height } = await normalizeUpload(f.buffer, {
      maxSide: 1600,
    })
    out.push({ content: jpeg.toString("base64"), width, height })
  }
  return out
}
