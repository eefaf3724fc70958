import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { LOOKBOOK_MODULE } from ".."
import LookbookModuleService from "../service"
import { Lookbook } from "../models/lookbook"
import { Look } from "../models/look"
import { Hotspot } from "../models/hotspot"
import { LookEvent } from "../models/look-event"

jest.setTimeout(60 * 1000)

moduleIntegrationTestRunner<LookbookModuleService>({
  moduleName: LOOKBOOK_MODULE,
  moduleModels: [Lookbook, Look, Hotspot, LookEvent],
  resolve: "./src/modules/lookbook",
  testSuite: ({ service }) => {
    it("is live only when published and inside its publish window", () => {
      const now = new Date("2026-06-01T12:00:00Z")
      expect(LookbookModuleService.isLive({ status: "draft" }, now)).toBe(false)
      expect(LookbookModuleService.isLive({ status: "published" }, now)).toBe(
        true
      )
      expect(
        LookbookModuleService.isLive(
          { status: "published", publish_at: "2026-06-02T00:00:00Z" },
          now
        )
      ).toBe(false)
      expect(
        LookbookModuleService.isLive(
          { status: "published", unpublish_at: "2026-06-01T12:00:00Z" },
          now
        )
      ).toBe(false)
      expect(
        LookbookModuleService.isLive(
          {
            status: "published",
            publish_at: "2026-05-01",
            unpublish_at: "2026-07-01",
          },
          now
        )
      ).toBe(true)
    })

    it("soft-deletes a lookbook with its looks and hotspots, and restores them together", async () => {
      const lb = await service.createLookbooks({ title: "T", handle: "t" })
      const look = await service.createLooks({
        title: "L",
        image_url: "u",
        lookbook_id: lb.id,
      } as any)
      await service.createLookHotspots({
        x: 0.5,
        y: 0.5,
        product_id: "prod_1",
        look_id: look.id,
      } as any)
      await service.softDeleteLookbooks(lb.id)
      expect(await service.listLooks({ id: look.id })).toHaveLength(0)
      expect(
        await service.listLookHotspots({ product_id: "prod_1" })
      ).toHaveLength(0)
      await service.restoreLookbooks(lb.id)
      expect(
        await service.listLookHotspots({ product_id: "prod_1" })
      ).toHaveLength(1)
    })

    it("computes views, opens, adds and conversion per look, in look order", async () => {
      const lb = await service.createLookbooks({ title: "S", handle: "s" })
      const a = await service.createLooks({
        title: "A",
        image_url: "a",
        rank: 1,
        lookbook_id: lb.id,
      } as any)
      const b = await service.createLooks({
        title: "B",
        image_url: "b",
        rank: 0,
        lookbook_id: lb.id,
      } as any)
      const ev = (type: any, look_id: string, item_count = 0) => ({
        type,
        lookbook_id: lb.id,
        look_id,
        item_count,
      })
      await service.createLookEvents([
        ev("look_viewed", a.id),
        ev("look_viewed", a.id),
        ev("look_viewed", a.id),
        ev("look_viewed", a.id),
        ev("hotspot_opened", a.id),
        ev("look_added_to_cart", a.id, 3),
      ])
      expect(await service.lookStats(lb.id)).toEqual([
        {
          look_id: b.id,
          views: 0,
          hotspot_opens: 0,
          adds_to_cart: 0,
          items_added: 0,
          conversion: 0,
        },
        {
          look_id: a.id,
          views: 4,
          hotspot_opens: 1,
          adds_to_cart: 1,
          items_added: 3,
          conversion: 0.25,
        },
      ])
    })

    it("aggregates look stats in SQL without loading the events (1,000 events)", async () => {
      const lb = await service.createLookbooks({ title: "Big", handle: "big" })
      const look = await service.createLooks({
        title: "L",
        image_url: "l",
        rank: 0,
        lookbook_id: lb.id,
      } as any)
      const events = Array.from({ length: 1000 }, (_, i) => ({
        type: (i % 10 === 0 ? "look_added_to_cart" : "look_viewed") as any,
        lookbook_id: lb.id,
        look_id: look.id,
        item_count: i % 10 === 0 ? 2 : 0,
      }))
      await service.createLookEvents(events)
      const list = jest.spyOn(
        LookbookModuleService.prototype as any,
        "listLookEvents"
      )
      const listAndCount = jest.spyOn(
        LookbookModuleService.prototype as any,
        "listAndCountLookEvents"
      )
      expect(await service.lookStats(lb.id)).toEqual([
        {
          look_id: look.id,
          views: 900,
          hotspot_opens: 0,
          adds_to_cart: 100,
          items_added: 200,
          conversion: 0.111,
        },
      ])
      expect(list).not.toHaveBeenCalled()
      expect(listAndCount).not.toHaveBeenCalled()
      list.mockRestore()
      listAndCount.mockRestore()
    })
  },
})
