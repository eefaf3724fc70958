import fs from "node:fs/promises"
import path from "node:path"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { fetchImage } from "../../modules/visual-search/images/fetch-image"

/** A private file of the File module (a wardrobe photo, a collage), as bytes. */
export async function privateFile(
  container: MedusaContainer,
  fileId: string
): Promise<Buffer> {
  return container.resolve(Modules.FILE).getAsBuffer(fileId)
}

/** A public product photo: read from the local provider's folder when it is one of ours, else downloaded. */
export async function publicPhoto(url: string): Promise<Buffer> {
  try {
    const u = new URL(url)
    if (u.pathname.startsWith("/static/"))
      return await fs.readFile(
        path.join(
          process.cwd(),
          "static",
          path.basename(decodeURIComponent(u.pathname))
        )
      )
  } catch {
    /* not a local file */
  }
  return fetchImage(url)
}

/** The picture that shows a wardrobe item: its cut-out, else its photo, else its product's photo. */
export async function itemPicture(
  container: MedusaContainer,
  item: {
    cutout_file_id?: string | null
    image_file_id?: string | null
    image_url?: string | null
  }
) {
  const id = item.cutout_file_id ?? item.image_file_id
  if (id) return privateFile(container, id)
  if (item.image_url) return publicPhoto(item.image_url)
  return null
}
