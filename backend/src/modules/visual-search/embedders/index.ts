import type { ImageEmbedder } from "./types"

export type EmbedderChoice = "clip" | "classic" | "auto"
type Logger = { info(m: string): void; warn(m: string): void }

// Embedders are required lazily: loading CLIP pulls in onnxruntime, which a
// classic-only deployment never needs.

/** The weight-free embedder, run on a worker thread (classic-worker.ts) so that searches leave the main thread to other requests. */
function classic(logger: Logger): ImageEmbedder {
  const { ClassicWorkerEmbedder } =
    require("./classic-worker") as typeof import("./classic-worker")
  return new ClassicWorkerEmbedder((m) => logger.warn(m))
}

/**
 * Picks the embedder. `auto` tries CLIP and falls back to the weight-free
 * classic embedder — and says so in the log: a silent fallback would leave
 * an operator believing search runs on CLIP.
 */
export async function createEmbedder(
  choice: EmbedderChoice,
  opts: { clipModel?: string; modelDir?: string; clipPhotoCutOut?: boolean },
  logger: Logger
): Promise<{ embedder: ImageEmbedder; note: string }> {
  if (choice !== "clip" && choice !== "classic" && choice !== "auto") {
    throw new Error(
      `CURATOR_EMBEDDER must be clip, classic or auto; got "${choice}"`
    )
  }
  if (choice === "classic") {
    const embedder = classic(logger)
    logger.info(
      `[visual-search] embedder: ${embedder.id} (CURATOR_EMBEDDER=classic), in a worker thread`
    )
    return { embedder, note: "chosen by CURATOR_EMBEDDER=classic" }
  }
  try {
    const { loadClipEmbedder } = require("./clip") as typeof import("./clip")
    const embedder = await loadClipEmbedder({
      model: opts.clipModel,
      modelDir: opts.modelDir,
      photoCutOut: opts.clipPhotoCutOut,
      logger,
    })
    logger.info(
      `[visual-search] embedder: ${embedder.id} (CURATOR_EMBEDDER=${choice})`
    )
    return {
      embedder,
      note: `CLIP loaded${opts.modelDir ? ` from ${opts.modelDir}` : ""}`,
    }
  } catch (e: any) {
    if (choice === "clip")
      throw new Error(
        `CURATOR_EMBEDDER=clip but the CLIP model could not be loaded: ${e?.message ?? e}`
      )
    const embedder = classic(logger)
    const reason = String(e?.message ?? e)
      .split("\n")[0]
      .slice(0, 300)
    logger.warn(
      `[visual-search] CLIP unavailable (${reason}); embedder: ${embedder.id} (CURATOR_EMBEDDER=auto), in a worker thread`
    )
    return { embedder, note: `CLIP unavailable: ${reason}` }
  }
}
