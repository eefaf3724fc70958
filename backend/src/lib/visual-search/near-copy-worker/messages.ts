import type { Frame } from "../../../modules/visual-search/near-copy"

/** What the main thread and the near-copy worker send each other. */
/** One photo as the worker needs it: its cache key (image row and perceptual hash) and its frame. */
export type AheadImage = { key: string; frame: Frame | null }
/** What the key of an indexed photo is made of (IndexedImage has these fields). */
export type MirrorSource = {
  id: string
  product_id: string
  phash: string | null
  frame?: Frame | null
  vector: Float32Array
}
export const imageKey = (img: { id: string; phash: string | null }) =>
  `${img.id}:${img.phash}`
/** An indexed photo as the background pass needs it (see Prewarm). */
export type MirroredImage = {
  key: string
  product: string
  frame: Frame
  vector: Float32Array
}
export type PrewarmStatus = {
  neighbours: number
  images: number
  queued: number
  decided: number
  idle: boolean
}
export type Job =
  | {
      kind: "search"
      id: number
      shown: AheadImage[][]
      candidates: AheadImage[][]
      want: number
    }
  | { kind: "images"; upsert: MirroredImage[]; remove: string[] }
  | { kind: "status"; id: number }
  | { kind: "searching" }
export type Reply = {
  id: number
  decisions?: [string, boolean][]
  status?: PrewarmStatus
  error?: string
}

/**
 * How many nearest photos of each indexed photo the worker compares it with in
 * the background (CURATOR_NEAR_COPY_NEIGHBOURS, 0 = no background pass).
 */
export const PREWARM_NEIGHBOURS = Math.max(
  0,
  Math.floor(Number(process.env.CURATOR_NEAR_COPY_NEIGHBOURS ?? 40))
)
