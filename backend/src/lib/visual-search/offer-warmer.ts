import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { VISUAL_SEARCH_MODULE } from "../../modules/visual-search"
import type VisualSearchModuleService from "../../modules/visual-search/service"
import { readProducts, regionContext } from "../offers"
import {
  activeContexts,
  dueForRefresh,
  OFFER_TTL_MS,
  rememberOffers,
  touchContext,
} from "./offers"
import { categoryKeys, categoryKeysDue } from "./category-consensus"

/**
 * Keeps the offer sheet (offers.ts) of every context shoppers used in the
 * last ACTIVE_MS filled for every indexed product, and the category keys the
 * ranking votes with: each pass re-reads what is older than half its lifetime, CHUNK products per query, yielding
 * to requests between queries. Started by the first search of a process;
 * `CURATOR_OFFER_WARMER=off` turns it off (searches then price what they
 * meet, as before).
 */
const CHUNK = 200
const PASS_EVERY_MS = 30_000
const ACTIVE_MS = 15 * 60_000

export const warmerState = {
  started: false,
  running: false,
  passes: 0,
  last_pass_ms: 0,
  last_refreshed: 0,
  last_error: null as string | null,
}

export function startOfferWarmer(container: MedusaContainer) {
  if (warmerState.started || process.env.CURATOR_OFFER_WARMER === "off") return
  warmerState.started = true
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const pass = async () => {
    try {
      await warmOffers(container)
    } catch (e: any) {
      warmerState.last_error = String(e?.message ?? e)
      logger.warn(`[visual-search] offer warmer: ${warmerState.last_error}`)
    } finally {
      setTimeout(pass, PASS_EVERY_MS).unref()
    }
  }
  // shoppers of one region usually come with others: every region, same sales channels
  const first = activeContexts(ACTIVE_MS)[0]
  void (async () => {
    if (first) {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query
        .graph({ entity: "region", fields: ["id"] })
        .catch(() => ({ data: [] as any[] }))
      for (const r of data as any[])
        touchContext({ regionId: r.id, salesChannelIds: first.salesChannelIds })
    }
    setTimeout(pass, 0).unref()
  })()
}

/** One pass: refreshes every due offer of every active context. */
export async function warmOffers(
  container: MedusaContainer,
  maxAgeMs = OFFER_TTL_MS / 2
): Promise<number> {
  if (warmerState.running) return 0
  warmerState.running = true
  const t0 = Date.now()
  let refreshed = 0
  try {
    const service =
      container.resolve<VisualSearchModuleService>(VISUAL_SEARCH_MODULE)
    const ids = await service.indexedProductIds()
    // the categories a search's candidates vote for (category-consensus.ts)
    const uncategorised = categoryKeysDue(ids, maxAgeMs)
    for (let i = 0; i < uncategorised.length; i += CHUNK) {
      await categoryKeys(container, uncategorised.slice(i, i + CHUNK))
      await new Promise((r) => setImmediate(r))
    }
    for (const c of activeContexts(ACTIVE_MS)) {
      const due = dueForRefresh(c.key, ids, maxAgeMs)
      if (!due.length) continue
      const region = await regionContext(
        container,
        c.regionId,
        c.salesChannelIds
      ).catch(() => null) // a region deleted since
      if (!region) continue
      for (let i = 0; i < due.length; i += CHUNK) {
        const chunk = due.slice(i, i + CHUNK)
        rememberOffers(
          c.regionId,
          c.salesChannelIds,
          await readProducts(container, chunk, region)
        )
        refreshed += chunk.length
        await new Promise((r) => setImmediate(r))
      }
    }
  } finally {
    warmerState.running = false
    warmerState.passes++
    warmerState.last_pass_ms = Date.now() - t0
    warmerState.last_refreshed = refreshed
  }
  return refreshed
}
