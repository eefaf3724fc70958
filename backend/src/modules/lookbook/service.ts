import type { Context } from "@medusajs/framework/types"
import {
  InjectManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { Lookbook } from "./models/lookbook"
import { Look } from "./models/look"
import { Hotspot } from "./models/hotspot"
import { LookEvent } from "./models/look-event"

export type LookStats = {
  look_id: string
  views: number
  hotspot_opens: number
  adds_to_cart: number
  items_added: number
  conversion: number
}

class LookbookModuleService extends MedusaService({
  Lookbook,
  Look,
  LookHotspot: Hotspot,
  LookEvent,
}) {
  /** Whether a lookbook is visible to shoppers right now. */
  static isLive(
    lb: {
      status: string
      publish_at?: Date | string | null
      unpublish_at?: Date | string | null
    },
    now = new Date()
  ) {
    if (lb.status !== "published") return false
    if (lb.publish_at && new Date(lb.publish_at) > now) return false
    if (lb.unpublish_at && new Date(lb.unpublish_at) <= now) return false
    return true
  }

  /**
   * Views, hotspot opens and adds to cart per look of a lookbook, counted by
   * Postgres (GROUP BY): the number of events never decides what is loaded.
   */
  @InjectManager()
  async lookStats(
    lookbookId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LookStats[]> {
    const manager = sharedContext.manager as SqlEntityManager
    const rows: { look_id: string; type: string; n: number; items: number }[] =
      await manager.execute(
        `SELECT look_id, type, count(*)::int AS n, coalesce(sum(item_count), 0)::int AS items
         FROM look_event WHERE lookbook_id = ? AND deleted_at IS NULL GROUP BY look_id, type`,
        [lookbookId]
      )
    const looks = (await this.listLooks(
      { lookbook: { id: lookbookId } } as any,
      { select: ["id"], order: { rank: "ASC" } },
      sharedContext
    )) as any[]
    const of = (id: string, type: string) =>
      rows.find((r) => r.look_id === id && r.type === type)
    return looks.map(({ id }) => {
      const views = of(id, "look_viewed")?.n ?? 0
      const adds = of(id, "look_added_to_cart")
      return {
        look_id: id,
        views,
        hotspot_opens: of(id, "hotspot_opened")?.n ?? 0,
        adds_to_cart: adds?.n ?? 0,
        items_added: adds?.items ?? 0,
        conversion: views
          ? Math.round(((adds?.n ?? 0) / views) * 1000) / 1000
          : 0,
      }
    })
  }

  /** The look with its hotspots, checked to belong to the lookbook. */
  async retrieveLookOf(lookbookId: string, lookId: string) {
    const [look] = (await this.listLooks(
      { id: lookId, lookbook: { id: lookbookId } } as any,
      { relations: ["hotspots"] }
    )) as any[]
    if (!look)
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Look ${lookId} was not found in lookbook ${lookbookId}`
      )
    return look
  }
}

export default LookbookModuleService
