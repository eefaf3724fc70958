import { MedusaError, MedusaService } from "@medusajs/framework/utils"
import { Lookbook } from "./models/lookbook"
import { Look } from "./models/look"
import { Hotspot } from "./models/hotspot"
import { LookEvent } from "./models/look-event"

export type LookStats = { look_id: string; views: number; hotspot_opens: number; adds_to_cart: number; items_added: number; conversion: number }

class LookbookModuleService extends MedusaService({ Lookbook, Look, LookHotspot: Hotspot, LookEvent }) {
  /** Whether a lookbook is visible to shoppers right now. */
  static isLive(lb: { status: string; publish_at?: Date | string | null; unpublish_at?: Date | string | null }, now = new Date()) {
    if (lb.status !== "published") return false
    if (lb.publish_at && new Date(lb.publish_at) > now) return false
    if (lb.unpublish_at && new Date(lb.unpublish_at) <= now) return false
    return true
  }

  /** Views, hotspot opens and adds to cart per look of a lookbook. */
  async lookStats(lookbookId: string): Promise<LookStats[]> {
    const events = (await this.listLookEvents({ lookbook_id: lookbookId }, { select: ["look_id", "type", "item_count"], take: null as any })) as any[]
    const looks = (await this.listLooks({ lookbook: { id: lookbookId } } as any, { select: ["id"], order: { rank: "ASC" } })) as any[]
    return looks.map(({ id }) => {
      const mine = events.filter((e) => e.look_id === id)
      const views = mine.filter((e) => e.type === "look_viewed").length
      const adds = mine.filter((e) => e.type === "look_added_to_cart")
      return {
        look_id: id,
        views,
        hotspot_opens: mine.filter((e) => e.type === "hotspot_opened").length,
        adds_to_cart: adds.length,
        items_added: adds.reduce((s, e) => s + (e.item_count ?? 0), 0),
        conversion: views ? Math.round((adds.length / views) * 1000) / 1000 : 0,
      }
    })
  }

  /** The look with its hotspots, checked to belong to the lookbook. */
  async retrieveLookOf(lookbookId: string, lookId: string) {
    const [look] = (await this.listLooks({ id: lookId, lookbook: { id: lookbookId } } as any, { relations: ["hotspots"] })) as any[]
    if (!look) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Look ${lookId} was not found in lookbook ${lookbookId}`)
    return look
  }
}

export default LookbookModuleService
