import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import fs from "node:fs"
import path from "node:path"
import { VISUAL_SEARCH_MODULE } from ".."
import type VisualSearchModuleService from "../service"
import { ImageVector } from "../models/image-vector"
import { parseFrame } from "../near-copy"

jest.setTimeout(120 * 1000)

const demo = path.resolve(__dirname, "../../../../data/demo-catalog/images")
const files = fs
  .readdirSync(demo)
  .filter((f) => f.endsWith(".jpg"))
  .sort()

moduleIntegrationTestRunner<VisualSearchModuleService>({
  moduleName: VISUAL_SEARCH_MODULE,
  moduleModels: [ImageVector],
  resolve: "./src/modules/visual-search",
  moduleOptions: { embedder: "classic" },
  testSuite: ({ service }) => {
    it("indexes local photos, records unreachable ones as failed, and finds a photo's own product first", async () => {
      // file:// is not fetchable: the image fails, the batch does not
      const images = files.slice(0, 6).map((f, i) => ({
        product_id: `prod_${i}`,
        url: `http://127.0.0.1:9/static/${f}`,
      }))
      const cwd = process.cwd()
      const staticDir = path.join(cwd, "static")
      fs.mkdirSync(staticDir, { recursive: true })
      for (const f of files.slice(0, 5))
        fs.copyFileSync(path.join(demo, f), path.join(staticDir, f))
      fs.rmSync(path.join(staticDir, files[5]), { force: true })
      const outcome = await service.indexImages(images)
      expect(outcome.created).toHaveLength(6)
      expect(outcome.failed.map((f) => f.url)).toEqual([images[5].url])
      const rows = await service.listImageVectors(
        {},
        { order: { product_id: "ASC" } }
      )
      expect(rows.filter((r: any) => r.status === "indexed")).toHaveLength(5)
      expect(rows.every((r: any) => r.embedder === "classic:v9")).toBe(true)
      const failed = rows.find((r: any) => r.status === "failed") as any
      expect(failed).toMatchObject({
        product_id: "prod_5",
        attempts: 1,
        vector: null,
      })
      expect(failed.error).toMatch(/127\.0\.0\.1:9|fetch failed|ECONNREFUSED/)

      await service.syncIndex({ force: true })
      const embedder = await service.getEmbedder()
      const [q] = await embedder.embedImages([
        fs.readFileSync(path.join(demo, files[2])),
      ])
      const top = await service.searchVectors(q, 3)
      expect(top[0].image.product_id).toBe("prod_2")
      expect(top[0].score).toBeGreaterThan(0.99)

      // a retry that succeeds turns the failed row into an indexed one
      fs.copyFileSync(path.join(demo, files[5]), path.join(staticDir, files[5]))
      const again = await service.indexImages([images[5]])
      expect(again.updated).toHaveLength(1)
      const row = (
        await service.listImageVectors({ product_id: "prod_5" })
      )[0] as any
      expect(row).toMatchObject({ status: "indexed", attempts: 2, error: null })
    })

    it("keeps the in-memory index in step with Postgres incrementally (another instance's writes, soft deletes), and says which products changed", async () => {
      await service.syncIndex({ force: true })
      const told: string[][] = []
      const listener = (ids: string[]) => told.push(ids)
      service.onRowsChanged(listener)
      service.onRowsChanged(listener)
      const before = service.indexStats().size
      const embedder = await service.getEmbedder()
      const [v] = await embedder.embedImages([
        fs.readFileSync(path.join(demo, files[10])),
      ])
      // written as another backend instance would: straight to the table
      const created = await service.createImageVectors({
        product_id: "prod_other",
        image_url: "x",
        embedder: embedder.id,
        status: "indexed",
        vector: Array.from(v) as any,
      })
      await new Promise((r) => setTimeout(r, 1100))
      expect((await service.searchVectors(v, 1))[0].image.product_id).toBe(
        "prod_other"
      )
      expect(service.indexStats().size).toBe(before + 1)
      // once per sync that read its row, whichever instance wrote it
      expect(told).toEqual([["prod_other"]])
      await service.removeStaleVectors("prod_other")
      await new Promise((r) => setTimeout(r, 1100))
      expect((await service.searchVectors(v, 1))[0]?.image.product_id).not.toBe(
        "prod_other"
      )
      expect(service.indexStats().size).toBe(before)
      expect(told).toEqual([["prod_other"], ["prod_other"]])
      // a sync that reads nothing new tells nobody
      await new Promise((r) => setTimeout(r, 1100))
      await service.searchVectors(v, 1)
      expect(told).toHaveLength(2)
      expect(created.id).toMatch(/^vsiv_/)
    })

    it("stores a near-copy frame with every indexed photo, and marks rows from before frames existed for reindexing", async () => {
      const staticDir = path.join(process.cwd(), "static")
      fs.mkdirSync(staticDir, { recursive: true })
      for (const f of files.slice(0, 2))
        fs.copyFileSync(path.join(demo, f), path.join(staticDir, f))
      await service.indexImages(
        files.slice(0, 2).map((f, i) => ({
          product_id: `prod_f${i}`,
          url: `http://127.0.0.1:9/static/${f}`,
        }))
      )
      const indexed = (await service.listImageVectors({
        status: "indexed",
      })) as any[]
      expect(indexed).toHaveLength(2)
      for (const r of indexed) expect(parseFrame(r.frame)).not.toBeNull()
      const embedder = await service.getEmbedder()
      const [v] = await embedder.embedImages([
        fs.readFileSync(path.join(demo, files[12])),
      ])
      // a row written before this column existed: searchable, but queued for the catch-up job
      await service.createImageVectors({
        product_id: "prod_old",
        image_url: "z",
        embedder: embedder.id,
        status: "indexed",
        vector: Array.from(v) as any,
      })
      await service.syncIndex({ force: true })
      expect((await service.searchVectors(v, 1))[0].image.product_id).toBe(
        "prod_old"
      )
      expect(await service.staleProductIds()).toContain("prod_old")
    })

    it("ignores vectors of another embedder", async () => {
      await service.createImageVectors({
        product_id: "prod_clip",
        image_url: "y",
        embedder: "clip:some-model:q8",
        status: "indexed",
        vector: [1, 0, 0] as any,
      })
      await service.syncIndex({ force: true })
      expect((await service.indexedImagesOf("prod_clip")).length).toBe(0)
    })
  },
})
