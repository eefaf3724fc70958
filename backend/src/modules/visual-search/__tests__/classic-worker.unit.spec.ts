import fs from "fs"
import path from "path"
import { ClassicEmbedder } from "../embedders/classic"
import { ClassicWorkerEmbedder } from "../embedders/classic-worker"
import { workerErrorText } from "../workers/worker-client"

// Real product photos shipped with the repo (data/demo-catalog).
const DIR = path.resolve(__dirname, "../../../../data/demo-catalog/images")
const photos = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith(".jpg"))
  .sort()
  .slice(0, 6)
  .map((f) => fs.readFileSync(path.join(DIR, f)))

describe("classic embedder on a worker thread", () => {
  const inline = new ClassicEmbedder()
  const warnings: string[] = []
  let worker: ClassicWorkerEmbedder

  beforeAll(() => {
    worker = new ClassicWorkerEmbedder((m) => warnings.push(m))
  })
  afterAll(() => worker.close())

  it("makes exactly the vectors the main thread makes, in order, concurrently", async () => {
    const [one, many, ...singles] = await Promise.all([
      worker.embedImages([photos[0]]),
      worker.embedImages(photos),
      ...photos.map((p) => worker.embedImages([p])),
    ])
    const expected = await inline.embedImages(photos)
    expect(worker.id).toBe(inline.id)
    expect(worker.dimensions).toBe(inline.dimensions)
    expect(worker.kind).toEqual(inline.kind)
    expect(worker.typeNaming).toEqual(inline.typeNaming)
    // a vector of this realm: the vector index (usearch) checks `instanceof Float32Array`
    expect(one[0]).toBeInstanceOf(Float32Array)
    expect([...one[0]]).toEqual([...expected[0]])
    expect(many).toHaveLength(photos.length)
    many.forEach((v, i) => expect([...v]).toEqual([...expected[i]]))
    singles.forEach((v, i) => expect([...v[0]]).toEqual([...expected[i]]))
    expect(worker.runs).toBe("worker thread")
    expect(warnings).toEqual([])
  })

  it("makes the main thread's vectors for shoppers' photos too (the several-view path)", async () => {
    const [fromWorker, expected] = await Promise.all([
      worker.embedPhotos(photos.slice(0, 3)),
      inline.embedPhotos(photos.slice(0, 3)),
    ])
    fromWorker.forEach((v, i) => expect([...v]).toEqual([...expected[i]]))
    // and not the catalogue path's: the job says which one it is
    const [single] = await worker.embedImages([photos[0]])
    expect([...single]).not.toEqual([...fromWorker[0]])
  })

  // a catalogue image (one worker) and a shopper's photo (two halves on two workers)
  it.each(["embedImages", "embedPhotos"] as const)(
    "%s rejects an undecodable image with the decoder's message, and goes on working",
    async (path) => {
      const bad = Buffer.from("definitely not a picture")
      const inlineError = await inline[path]([bad]).then(
        () => null,
        (e) => e.message
      )
      expect(inlineError).toBeTruthy()
      await expect(worker[path]([bad])).rejects.toThrow(inlineError)
      const [v] = await worker[path]([photos[1]])
      expect([...v]).toEqual([...(await inline[path]([photos[1]]))[0]])
      expect(worker.runs).toBe("worker thread")
    }
  )

  it("starts from a process whose working directory has no tsconfig (the bench and eval scripts run from the repository root)", async () => {
    const cwd = process.cwd()
    const elsewhere = fs.mkdtempSync(
      path.join(require("os").tmpdir(), "no-tsconfig-")
    )
    process.chdir(elsewhere)
    const local = new ClassicWorkerEmbedder((m) => warnings.push(m))
    try {
      const [v] = await local.embedImages([photos[4]])
      expect([...v]).toEqual([...(await inline.embedImages([photos[4]]))[0]])
      expect(local.runs).toBe("worker thread")
    } finally {
      process.chdir(cwd)
      await local.close()
      fs.rmSync(elsewhere, { recursive: true, force: true })
    }
    expect(warnings).toEqual([])
  })

  it("reports whatever a worker throws as text", () => {
    const bare = Object.assign(Object.create(null), { code: 1 })
    expect(() => `${bare}`).toThrow() // what "${e?.message ?? e}" did with it
    expect(workerErrorText(bare)).toBe('{"code":1}')
    expect(workerErrorText(new Error("boom"))).toBe("boom")
    expect(workerErrorText("plain")).toBe("plain")
  })

  it("when the worker dies, says so once and embeds in the main thread, losing no request", async () => {
    const dying = new ClassicWorkerEmbedder((m) => warnings.push(m))
    await dying.embedImages([photos[0]])
    const owed = dying.embedImages([photos[2]])
    await (dying as any).worker.worker.terminate() // the Worker inside its WorkerClient
    const [a] = await owed
    const [b] = await dying.embedImages([photos[3]])
    const expected = await inline.embedImages([photos[2], photos[3]])
    expect([...a]).toEqual([...expected[0]])
    expect([...b]).toEqual([...expected[1]])
    expect(dying.runs).toMatch(/^main thread \(classic embedder worker exited/)
    expect(
      warnings.filter((w) => w.includes("now embeds in the main thread"))
    ).toHaveLength(1)
    await dying.close()
  })
})
