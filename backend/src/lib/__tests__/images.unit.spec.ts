import fs from "node:fs"
import path from "node:path"
import sharp from "sharp"
import { ImageInputError, normalizeUpload, sniffImageType } from "../uploads"

const demo = path.resolve(__dirname, "../../../data/demo-catalog/images")
const photo = (name: string) => fs.readFileSync(path.join(demo, name))
const files = fs
  .readdirSync(demo)
  .filter((f) => f.endsWith(".jpg"))
  .sort()

async function rejects(p: Promise<unknown>, status: number, message: RegExp) {
  const e = await p.then(
    () => null,
    (err) => err
  )
  expect(e).toBeInstanceOf(ImageInputError)
  expect(e.status).toBe(status)
  expect(e.message).toMatch(message)
}

describe("upload normalisation", () => {
  it("sniffs JPEG, PNG and WebP by their bytes, whatever the name", async () => {
    const jpg = photo(files[0])
    expect(sniffImageType(jpg)).toBe("jpeg")
    expect(sniffImageType(await sharp(jpg).png().toBuffer())).toBe("png")
    expect(sniffImageType(await sharp(jpg).webp().toBuffer())).toBe("webp")
    expect(sniffImageType(Buffer.from("GIF89a........"))).toBeNull()
    expect(
      sniffImageType(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"))
    ).toBeNull()
  })

  it("rejects a 12 MB upload with 413 before decoding it", async () => {
    const big = Buffer.concat([photo(files[0]), Buffer.alloc(12 * 1024 * 1024)])
    await rejects(normalizeUpload(big), 413, /12\.\d MB; the limit is 10 MB/)
  })

  it("rejects a text file dressed as a JPEG with 415", async () => {
    await rejects(
      normalizeUpload(Buffer.from("hello, I am not a photo")),
      415,
      /not a JPEG, PNG or WebP/
    )
  })

  it("rejects a truncated JPEG with 400", async () => {
    const jpg = photo(files[1])
    await rejects(
      normalizeUpload(jpg.subarray(0, Math.floor(jpg.length / 3))),
      400,
      /truncated or corrupt|could not be read/
    )
  })

  it("refuses a decompression bomb (100 megapixels in < 1 MB) with 413", async () => {
    const bomb = await sharp({
      create: { width: 10000, height: 10000, channels: 3, background: "#000" },
    })
      .png({ compressionLevel: 9 })
      .toBuffer()
    expect(bomb.length).toBeLessThan(1024 * 1024) // 300 MB of pixels in < 1 MB
    await rejects(normalizeUpload(bomb), 413, /10000×10000 pixels/)
  })

  it("re-encodes to JPEG and strips EXIF, GPS and ICC metadata", async () => {
    const withGps = await sharp(photo(files[2]))
      .withExif({
        IFD0: { Copyright: "someone", Artist: "me" },
        IFD3: { GPSLatitudeRef: "N", GPSLatitude: "52/1 22/1 0/1" },
      })
      .jpeg()
      .toBuffer()
    expect((await sharp(withGps).metadata()).exif).toBeDefined()
    const { jpeg, type } = await normalizeUpload(withGps)
    expect(type).toBe("jpeg")
    const meta = await sharp(jpeg).metadata()
    expect(meta.format).toBe("jpeg")
    expect(meta.exif).toBeUndefined()
    expect(meta.icc).toBeUndefined()
    expect(jpeg.includes(Buffer.from("someone"))).toBe(false)
  })

  it("survives an EXIF bomb: a huge EXIF segment is dropped, the photo kept", async () => {
    const huge = await sharp(photo(files[3]))
      .withExif({ IFD0: { ImageDescription: "A".repeat(60000) } })
      .jpeg()
      .toBuffer()
    const { jpeg } = await normalizeUpload(huge)
    expect(jpeg.length).toBeLessThan(huge.length)
    expect((await sharp(jpeg).metadata()).exif).toBeUndefined()
  })

  it("downsizes large photos to at most 1024 px a side", async () => {
    const large = await sharp(photo(files[0]))
      .resize(3000, 2000, { fit: "fill" })
      .jpeg()
      .toBuffer()
    const { width, height } = await normalizeUpload(large)
    expect(Math.max(width, height)).toBe(1024)
  })
})
