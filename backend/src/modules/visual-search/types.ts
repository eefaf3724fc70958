import type { Frame } from "./near-copy"
export type VisualSearchOptions = {
  /** clip | classic | auto (default auto: CLIP when its model loads, otherwise classic — logged either way) */
  embedder?: "clip" | "classic" | "auto"
  clipModel?: string
  modelDir?: string
  /** CLIP: shoppers' photos fused with their GrabCut cut-out (off by default; see ClipLoadOptions.photoCutOut) */
  clipPhotoCutOut?: boolean
  /** above this many vectors the in-memory index switches from exact search to HNSW */
  hnswThreshold?: number
}

export type IndexedImage = {
  id: string
  product_id: string
  image_url: string
  vector: Float32Array
  phash: string | null
  /** the near-copy frame (null for rows indexed before frames existed: those are reindexed) */
  frame?: Frame | null
}

export type Neighbour = { image: IndexedImage; score: number }
