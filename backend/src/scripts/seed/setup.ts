import {
  createApiKeysWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { Warehouse } from "../../lib/catalog"

/** The store's markets: each region ships from its own warehouse, so stock differs by region. */
export const MARKETS: {
  warehouse: Warehouse
  region: string
  currency: "eur" | "usd"
  countries: string[]
  location: {
    name: string
    city: string
    country_code: string
    address_1: string
  }
  shipping: { standard: number; express: number }
}[] = [
  {
    warehouse: "eu",
    region: "Europe",
    currency: "eur",
    countries: ["de", "fr", "it", "es", "nl", "be", "at", "dk", "se", "ie"],
    location: {
      name: "EU Warehouse (Amsterdam)",
      city: "Amsterdam",
      country_code: "NL",
      address_1: "Keizersgracht 1",
    },
    shipping: { standard: 4.95, express: 12.95 },
  },
  {
    warehouse: "us",
    region: "United States",
    currency: "usd",
    countries: ["us"],
    location: {
      name: "US Warehouse (Newark)",
      city: "Newark",
      country_code: "US",
      address_1: "1 Market St",
    },
    shipping: { standard: 5.95, express: 14.95 },
  },
]

export const SALES_CHANNEL_NAME = "CuratorAI Web Store"
export const PUBLISHABLE_KEY_TITLE = "CuratorAI Storefront"

export type SetupResult = {
  salesChannelId: string
  shippingProfileId: string
  regionIds: Record<Warehouse, string>
  locationIds: Record<Warehouse, string>
  publishableKey: string
}

/** Creates (once) the sales channel, regions, taxes, warehouses, shipping and the publishable key. */
export async function ensureStoreSetup(
  container: MedusaContainer,
  log: (m: string) => void
): Promise<SetupResult> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const fulfillment = container.resolve(Modules.FULFILLMENT)

  // Sales channel
  let { data: channels }: { data: any[] } = await query.graph({
    entity: "sales_channel",
    fields: ["id"],
    filters: { name: SALES_CHANNEL_NAME },
  })
  if (!channels.length) {
    const { result } = await createSalesChannelsWorkflow(container).run({
      input: {
        salesChannelsData: [
          { name: SALES_CHANNEL_NAME, description: "The CuratorAI storefront" },
        ],
      },
    })
    channels = result
    log(`created sales channel ${SALES_CHANNEL_NAME}`)
  }
  const salesChannelId = channels[0].id

  const { data: stores } = await query.graph({
    entity: "store",
    fields: ["id", "name", "default_sales_channel_id"],
  })
  if (stores[0] && stores[0].default_sales_channel_id !== salesChannelId) {
    await updateStoresWorkflow(container).run({
      input: {
        selector: { id: stores[0].id },
        update: {
          name: "CuratorAI",
          default_sales_channel_id: salesChannelId,
          supported_currencies: [
            { currency_code: "eur", is_default: true },
            { currency_code: "usd" },
          ],
        },
      },
    })
  }

  // Shipping profile (shared by every product)
  let { data: profiles }: { data: any[] } = await query.graph({
    entity: "shipping_profile",
    fields: ["id"],
    filters: { type: "default" },
  })
  if (!profiles.length) {
    const { result } = await createShippingProfilesWorkflow(container).run({
      input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
    })
    profiles = result
  }
  const shippingProfileId = profiles[0].id

  const regionIds = {} as Record<Warehouse, string>
  const locationIds = {} as Record<Warehouse, string>
  for (const m of MARKETS) {
    let { data: regions }: { data: any[] } = await query.graph({
      entity: "region",
      fields: ["id"],
      filters: { name: m.region },
    })
    if (!regions.length) {
      const { result } = await createRegionsWorkflow(container).run({
        input: {
          regions: [
            {
              name: m.region,
              currency_code: m.currency,
              countries: m.countries,
              payment_providers: ["pp_system_default"],
            },
          ],
        },
      })
      regions = result
      await createTaxRegionsWorkflow(container).run({
        input: m.countries.map((country_code) => ({
          country_code,
          provider_id: "tp_system",
        })),
      })
      log(`created region ${m.region} (${m.currency.toUpperCase()})`)
    }
    regionIds[m.warehouse] = regions[0].id

    let { data: locations }: { data: any[] } = await query.graph({
      entity: "stock_location",
      fields: ["id"],
      filters: { name: m.location.name },
    })
    if (!locations.length) {
      const { result } = await createStockLocationsWorkflow(container).run({
        input: {
          locations: [
            {
              name: m.location.name,
              address: {
                city: m.location.city,
                country_code: m.location.country_code,
                address_1: m.location.address_1,
              },
            },
          ],
        },
      })
      locations = result
      const location = result[0]
      await linkSalesChannelsToStockLocationWorkflow(container).run({
        input: { id: location.id, add: [salesChannelId] },
      })
      await link.create({
        [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
        [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
      })
      const set = await fulfillment.createFulfillmentSets({
        name: `${m.location.name} delivery`,
        type: "shipping",
        service_zones: [
          {
            name: m.region,
            geo_zones: m.countries.map((country_code) => ({
              country_code,
              type: "country" as const,
            })),
          },
        ],
      })
      await link.create({
        [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
        [Modules.FULFILLMENT]: { fulfillment_set_id: set.id },
      })
      const option = (
        name: string,
        code: string,
        description: string,
        amount: number
      ) => ({
        name,
        price_type: "flat" as const,
        provider_id: "manual_manual",
        service_zone_id: set.service_zones[0].id,
        shipping_profile_id: shippingProfileId,
        type: { label: name, description, code },
        prices: [
          { currency_code: m.currency, amount },
          { region_id: regionIds[m.warehouse], amount },
        ],
        rules: [
          {
            attribute: "enabled_in_store",
            value: "true",
            operator: "eq" as const,
          },
          { attribute: "is_return", value: "false", operator: "eq" as const },
        ],
      })
      await createShippingOptionsWorkflow(container).run({
        input: [
          option(
            "Standard Shipping",
            "standard",
            "Delivered in 2-4 business days.",
            m.shipping.standard
          ),
          option(
            "Express Shipping",
            "express",
            "Delivered next business day.",
            m.shipping.express
          ),
        ],
      })
      log(`created ${m.location.name} with shipping to ${m.region}`)
    }
    locationIds[m.warehouse] = locations[0].id
  }

  // Publishable key for the storefront
  let { data: keys }: { data: any[] } = await query.graph({
    entity: "api_key",
    fields: ["id", "token"],
    filters: {
      title: PUBLISHABLE_KEY_TITLE,
      type: "publishable",
      revoked_at: null,
    },
  })
  if (!keys.length) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: {
        api_keys: [
          { title: PUBLISHABLE_KEY_TITLE, type: "publishable", created_by: "" },
        ],
      },
    })
    keys = result
    await linkSalesChannelsToApiKeyWorkflow(container).run({
      input: { id: keys[0].id, add: [salesChannelId] },
    })
    log(`created publishable key ${keys[0].token}`)
  }
  return {
    salesChannelId,
    shippingProfileId,
    regionIds,
    locationIds,
    publishableKey: keys[0].token,
  }
}
