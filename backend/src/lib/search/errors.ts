import type { MedusaResponse } from "@medusajs/framework/http"

/**
 * Until the Search Module has built the first version of the index (at the
 * first boot, in the background) it answers "no active version": for the
 * shopper that is a 503 with Retry-After, not a 404 about a resource.
 */
export async function answerWhileBuilding<T>(
  res: MedusaResponse,
  run: () => Promise<T>
): Promise<T | undefined> {
  try {
    return await run()
  } catch (e: any) {
    if (!/has no active version/i.test(String(e?.message))) throw e
    res.setHeader("Retry-After", "5")
    res.status(503).json({
      type: "search_unavailable",
      message: "Search is being prepared; try again in a moment",
    })
    return undefined
  }
}
