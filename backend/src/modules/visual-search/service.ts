import fs from "node:fs/promises"
import path from "node:path"
import { MedusaError, MedusaService } from "@medusajs/framework/utils"
import type { Logger } from "@medusajs/framework/types"
import { ImageVector } from "./models/image-vector"
import { VectorIndex } from "./vector-index"
import { createEmbedder, type EmbedderChoice } from "./embedders"
import type { ImageEmbedder } from "./embedders/types"
import type { IndexedImage, Neighbour, VisualSearchOptions } from "./types"
import { fetchImage } from "./images/fetch-image"
import { imageSignature } from "./images/signature"
import { parseFrame } from "./near-copy"

type InjectedDependencies = { logger: Logger }

export type ImageToIndex = {
  product_id: string
  image_id?: string | null
  url: string
}
export type IndexOutcome = {
  created: string[]
  updated: { id: string; previous: Record<string, unknown> }[]
  failed: { url: string; error: string }[]
}

const SYNC_EVERY_MS = 1000
const MAX_ATTEMPTS = 3

class VisualSearchModuleService extends MedusaService({ ImageVector }) {
  protected readonly logger_: Logger
  protected readonly options_: Required<
    Pick<VisualSearchOptions, "embedder" | "hnswThreshold">
  > &
    VisualSearchOptions
  private readonly index_: VectorIndex
  // Mutable state lives in one object so it is shared however the service is
  // reached (the container may hand out a proxy whose `this` is not the instance).
  private readonly state_ = {
    embedder: null as Promise<{ embedder: ImageEmbedder; note: string }> | null,
    syncedUntil: null as Date | null,
    lastSyncAt: 0,
    syncing: null as Promise<void> | null,
    indexing: Promise.resolve() as Promise<unknown>,
    /** products with a vector of the wrong length (the embedder changed shape): reindexed by the catch-up job */
    stale: new Set<string>(),
    /** told which products' rows an incremental sync found written (onRowsChanged) */
    listeners: new Set<(productIds: string[]) => void>(),
    /** rows the last incremental sync read (id → updated_at): syncs overlap by 2 s, a row is reported once per write */
    reported: new Map<string, number>(),
  }
  readonly progress = {
    running: false,
    total: 0,
    done: 0,
    failed: 0,
    started_at: null as string | null,
    finished_at: null as string | null,
    last_errors: [] as { url: string; error: string }[],
  }

  constructor(deps: InjectedDependencies, options: VisualSearchOptions = {}) {
    // @ts-ignore MedusaService takes the container and options
    super(...arguments)
    this.logger_ = deps.logger
    const embedder = (options.embedder ?? "auto") as EmbedderChoice
    if (!["clip", "classic", "auto"].includes(embedder)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `visual-search: embedder must be clip, classic or auto; got "${embedder}"`
      )
    }
    const hnswThreshold = Number(options.hnswThreshold ?? 20000)
    if (!Number.isFinite(hnswThreshold) || hnswThreshold < 0) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `visual-search: hnswThreshold must be a non-negative number`
      )
    }
    this.options_ = { ...options, embedder, hnswThreshold }
    this.index_ = new VectorIndex(hnswThreshold)
  }

  /** The active embedder, loaded once per process (and logged when loaded). */
  async getEmbedder(): Promise<ImageEmbedder> {
    const st = this.state_
    if (!st.embedder) {
      const loading = createEmbedder(
        this.options_.embedder,
        {
          clipModel: this.options_.clipModel,
          modelDir: this.options_.modelDir,
          clipPhotoCutOut: this.options_.clipPhotoCutOut,
        },
        this.logger_
      )
      st.embedder = loading
      loading.catch(() => {
        if (st.embedder === loading) st.embedder = null
      })
    }
    return (await st.embedder).embedder
  }

  async embedderInfo() {
    const loaded = await (this.state_.embedder ?? Promise.resolve(null)).catch(
      () => null
    )
    const { embedder, note } = loaded ?? {
      embedder: null as ImageEmbedder | null,
      note: "",
    }
    return {
      id: embedder?.id ?? null,
      dimensions: embedder?.dimensions ?? null,
      choice: this.options_.embedder,
      note,
    }
  }

  /**
   * Brings this process's in-memory index up to date with Postgres. Reads only
   * rows changed since the last sync, so every backend instance converges on
   * the same index whichever instance wrote the vectors.
   */
  async syncIndex({ force = false } = {}) {
    const st = this.state_
    if (!force && Date.now() - st.lastSyncAt < SYNC_EVERY_MS) return
    if (st.syncing) return st.syncing
    st.syncing = (async () => {
      const embedder = await this.getEmbedder()
      const since = force ? null : st.syncedUntil
      if (!since) this.index_.clear()
      const started = new Date()
      const changed = new Set<string>()
      const reported = new Map<string, number>()
      const pageSize = 2000
      for (let skip = 0; ; skip += pageSize) {
        const rows = await this.listImageVectors(
          since
            ? { updated_at: { $gte: since } }
            : { embedder: embedder.id, status: "indexed" },
          { take: pageSize, skip, order: { id: "ASC" }, withDeleted: !!since }
        )
        const live: IndexedImage[] = []
        const gone: string[] = []
        for (const r of rows as any[]) {
          if (since) {
            const at = new Date(r.updated_at).getTime()
            if (st.reported.get(r.id) !== at) changed.add(r.product_id)
            reported.set(r.id, at)
          }
          if (
            r.deleted_at ||
            r.status !== "indexed" ||
            r.embedder !== embedder.id ||
            !Array.isArray(r.vector)
          )
            gone.push(r.id)
          else if (r.vector.length !== embedder.dimensions) {
            gone.push(r.id)
            st.stale.add(r.product_id)
          } else {
            const frame = parseFrame(r.frame)
            // indexed before near-copy frames existed: searchable now, refreshed by the catch-up job
            if (!frame) st.stale.add(r.product_id)
            live.push({
              id: r.id,
              product_id: r.product_id,
              image_url: r.image_url,
              vector: Float32Array.from(r.vector),
              phash: r.phash,
              frame,
            })
          }
        }
        this.index_.upsert(live)
        this.index_.remove(gone)
        if (rows.length < pageSize) break
      }
      // rows written while we read are picked up next time (>= with a 2 s overlap)
      st.syncedUntil = new Date(started.getTime() - 2000)
      st.lastSyncAt = Date.now()
      st.reported = reported
      if (changed.size) {
        const ids = [...changed]
        for (const listener of st.listeners) {
          try {
            listener(ids)
          } catch (e: any) {
            this.logger_.warn(
              `visual-search: a listener of index changes failed: ${e?.message ?? e}`
            )
          }
        }
      }
    })().finally(() => (st.syncing = null))
    return st.syncing
  }

  /**
   * Calls `listener` with the products whose vector rows an incremental sync
   * found written, by this or any other backend instance. Indexing rewrites a
   * product's rows on every `product.*` event, and the event bus hands that
   * event to one instance only: this is how the others learn of the change
   * (within about a second of the write) and forget what they cached of the
   * product. Adding the same listener twice registers it once.
   */
  onRowsChanged(listener: (productIds: string[]) => void) {
    this.state_.listeners.add(listener)
  }

  /** Products whose stored vectors no longer fit the active embedder (found while syncing). */
  async staleProductIds() {
    await this.syncIndex()
    return [...this.state_.stale]
  }

  async searchVectors(query: Float32Array, k: number): Promise<Neighbour[]> {
    await this.syncIndex()
    return this.index_.search(query, k)
  }

  async indexedImagesOf(productId: string) {
    await this.syncIndex()
    return this.index_.byProduct(productId)
  }

  /** The products the in-memory index can return. */
  async indexedProductIds(): Promise<Set<string>> {
    await this.syncIndex()
    return this.index_.productIds()
  }

  /** This process's in-memory index as it stands (no sync): its version, which changes with any image, and the images. */
  indexSnapshot() {
    return { version: this.index_.version, images: () => this.index_.all() }
  }

  indexStats() {
    return {
      size: this.index_.size,
      mode: this.index_.mode,
      synced_until: this.state_.syncedUntil?.toISOString() ?? null,
    }
  }

  /**
   * Embeds and hashes each image and upserts its row for the active embedder.
   * An image that cannot be fetched or decoded is recorded as failed (with
   * the error and the attempt count) and never throws out of the batch.
   */
  async indexImages(images: ImageToIndex[]): Promise<IndexOutcome> {
    const embedder = await this.getEmbedder()
    for (const img of images) this.state_.stale.delete(img.product_id)
    if (!images.length) return { created: [], updated: [], failed: [] }
    // fetching, hashing and embedding may overlap another batch's (a reindex keeps two in flight, so
    // one batch's photos are read and hashed while the embedder works on the other's); the writes
    // go one batch at a time per process, in the order the batches came: subscribers and a reindex
    // may index the same photo at once
    const prepared = this.embedAndHash(images, embedder)
    prepared.catch(() => undefined)
    const st = this.state_
    const run = st.indexing.then(async () =>
      this.writeVectors(images, await prepared, embedder)
    )
    st.indexing = run.catch(() => undefined)
    return run
  }

  private async embedAndHash(images: ImageToIndex[], embedder: ImageEmbedder) {
    const loaded = await Promise.all(
      images.map(async (img) => {
        try {
          const bytes = await loadImageBytes(img.url)
          return { img, bytes, signature: await imageSignature(bytes) }
        } catch (e: any) {
          return { img, error: String(e?.message ?? e).slice(0, 500) }
        }
      })
    )
    const ok = loaded.filter(
      (
        l
      ): l is {
        img: ImageToIndex
        bytes: Buffer
        signature: Awaited<ReturnType<typeof imageSignature>>
      } => "bytes" in l && !!l.bytes
    )
    let vectors: Float32Array[] = []
    try {
      vectors = ok.length
        ? await embedder.embedImages(ok.map((l) => l.bytes))
        : []
    } catch (e: any) {
      // one bad image must not sink the batch: retry one by one
      vectors = []
      for (const l of ok) {
        try {
          vectors.push((await embedder.embedImages([l.bytes]))[0])
        } catch (err: any) {
          vectors.push(null as any)
          ;(l as any).error = String(err?.message ?? err)
        }
      }
    }
    const results = new Map<
      ImageToIndex,
      { vector?: Float32Array; signature?: any; error?: string }
    >()
    loaded.forEach((l) => {
      if ("error" in l && l.error) results.set(l.img, { error: l.error })
    })
    ok.forEach((l, i) =>
      results.set(
        l.img,
        vectors[i]
          ? { vector: vectors[i], signature: l.signature }
          : { error: (l as any).error ?? "embedding failed" }
      )
    )
    return results
  }

  private async writeVectors(
    images: ImageToIndex[],
    results: Awaited<ReturnType<VisualSearchModuleService["embedAndHash"]>>,
    embedder: ImageEmbedder
  ): Promise<IndexOutcome> {
    const outcome: IndexOutcome = { created: [], updated: [], failed: [] }
    const existing = await this.listImageVectors({
      product_id: [...new Set(images.map((i) => i.product_id))],
      embedder: embedder.id,
    })
    const byKey = new Map(
      (existing as any[]).map((r) => [`${r.product_id}|${r.image_url}`, r])
    )
    for (const img of images) {
      const r = results.get(img)!
      let prev = byKey.get(`${img.product_id}|${img.url}`)
      const data = r.vector
        ? {
            status: "indexed" as const,
            vector: Array.from(
              r.vector,
              (x) => Math.round(x * 1e6) / 1e6
            ) as any,
            phash: r.signature.phash,
            frame: r.signature.frame,
            error: null,
            attempts: (prev?.attempts ?? 0) + 1,
          }
        : {
            status: "failed" as const,
            vector: null,
            error: r.error!,
            attempts: (prev?.attempts ?? 0) + 1,
          }
      if (r.error) outcome.failed.push({ url: img.url, error: r.error })
      if (prev) {
        await this.updateImageVectors({
          id: prev.id,
          ...data,
          image_id: img.image_id ?? null,
        })
        outcome.updated.push({
          id: prev.id,
          previous: {
            status: prev.status,
            vector: prev.vector,
            phash: prev.phash,
            frame: prev.frame,
            error: prev.error,
            attempts: prev.attempts,
          },
        })
      } else {
        try {
          const created = await this.createImageVectors({
            product_id: img.product_id,
            image_id: img.image_id ?? null,
            image_url: img.url,
            embedder: embedder.id,
            ...data,
          })
          outcome.created.push(created.id)
        } catch (e: any) {
          // another instance indexed the same photo meanwhile: its row wins, ours updates it
          ;[prev] = (await this.listImageVectors({
            product_id: img.product_id,
            image_url: img.url,
            embedder: embedder.id,
          })) as any[]
          if (!prev) throw e
          await this.updateImageVectors({
            id: prev.id,
            ...data,
            image_id: img.image_id ?? null,
          })
          outcome.updated.push({
            id: prev.id,
            previous: {
              status: prev.status,
              vector: prev.vector,
              phash: prev.phash,
              frame: prev.frame,
              error: prev.error,
              attempts: prev.attempts,
            },
          })
        }
      }
    }
    return outcome
  }

  /** Soft-deletes the vectors of these products whose image is no longer among `keepUrls` (all when omitted). */
  async removeStaleVectors(productId: string, keepUrls?: string[]) {
    const rows = (await this.listImageVectors({
      product_id: productId,
    })) as any[]
    const stale = rows
      .filter((r) => !keepUrls || !keepUrls.includes(r.image_url))
      .map((r) => r.id)
    if (stale.length) await this.softDeleteImageVectors(stale)
    return stale
  }

  /** Images whose last attempt failed but may be retried. */
  async retryableFailures(limit = 100) {
    const embedder = await this.getEmbedder()
    const rows = (await this.listImageVectors(
      {
        status: "failed",
        embedder: embedder.id,
        attempts: { $lt: MAX_ATTEMPTS },
      },
      { take: limit }
    )) as any[]
    return rows.map((r) => ({
      product_id: r.product_id,
      image_id: r.image_id,
      url: r.image_url,
    }))
  }

  async countsFor(embedderId: string) {
    const [, indexed] = await this.listAndCountImageVectors(
      { embedder: embedderId, status: "indexed" },
      { take: 1 }
    )
    const [failedRows, failed] = await this.listAndCountImageVectors(
      { embedder: embedderId, status: "failed" },
      { take: 10, order: { updated_at: "DESC" } }
    )
    return {
      indexed,
      failed,
      last_errors: (failedRows as any[]).map((r) => ({
        product_id: r.product_id,
        image_url: r.image_url,
        error: r.error,
        attempts: r.attempts,
        at: r.updated_at,
      })),
    }
  }
}

/**
 * Product photos stored by the local file provider are read from its folder
 * instead of over HTTP: the backend's public URL may not be reachable from
 * itself (tests on random ports, containers behind a proxy).
 */
async function loadImageBytes(url: string): Promise<Buffer> {
  try {
    const u = new URL(url)
    if (u.pathname.startsWith("/static/")) {
      const file = path.join(
        process.cwd(),
        "static",
        path.basename(decodeURIComponent(u.pathname))
      )
      return await fs.readFile(file)
    }
  } catch {
    /* not a local file: fetch it */
  }
  return fetchImage(url)
}

export default VisualSearchModuleService
