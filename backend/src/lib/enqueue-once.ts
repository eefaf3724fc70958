import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

const recent = new Map<string, number>()

/**
 * Starts `work` in the background unless the same `key` was started within
 * `ttlMs`: remembered in this process and in Medusa's cache module (Redis
 * with REDIS_URL, so other instances skip it too). For work a shopper's
 * request may trigger but must not repeat on every request. Returns whether
 * it started the work.
 */
export async function enqueueOnce(
  container: MedusaContainer,
  key: string,
  ttlMs: number,
  work: () => Promise<unknown>
): Promise<boolean> {
  const now = Date.now()
  const at = recent.get(key)
  if (at !== undefined && now - at < ttlMs) return false
  recent.set(key, now)
  if (recent.size > 10_000)
    for (const [k, t] of recent) if (now - t >= ttlMs) recent.delete(k)
  const cache = container.resolve(Modules.CACHE, {
    allowUnregistered: true,
  }) as any
  if (cache) {
    const cacheKey = `curator:enqueued:${key}`
    if (await cache.get(cacheKey).catch(() => null)) return false
    await cache.set(cacheKey, 1, Math.ceil(ttlMs / 1000)).catch(() => undefined)
  }
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  void work().catch((e: any) =>
    logger.warn(`[enqueue-once] ${key} failed: ${e?.message ?? e}`)
  )
  return true
}
