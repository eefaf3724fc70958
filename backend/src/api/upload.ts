import multer from "multer"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ImageInputError, MAX_UPLOAD_BYTES } from "../lib/images"

const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, fieldSize: 1024 } })

/** Parses one photo in field `image` into memory (never to disk); multer's errors become clear 4xx answers. */
export function singleImage(field = "image") {
  const handler = upload.single(field)
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    if (!req.is("multipart/form-data")) return next()
    handler(req as any, res as any, (err: any) => {
      if (!err) {
        if (!(req as any).file) return next(new ImageInputError(400, `The multipart body has no file in field "${field}".`))
        return next()
      }
      if (err.code === "LIMIT_FILE_SIZE") return next(new ImageInputError(413, `The image is larger than the ${MAX_UPLOAD_BYTES / 1048576} MB limit.`))
      if (err.code === "LIMIT_UNEXPECTED_FILE") return next(new ImageInputError(400, `Unexpected file field "${err.field}": send the photo in field "${field}".`))
      next(new ImageInputError(400, `The multipart body could not be read: ${err.message}`))
    })
  }
}
