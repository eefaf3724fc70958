import { defineSearchIndex, search } from "@medusajs/framework/utils"
import {
  buildProductDocuments,
  loadRegions,
  PRODUCT_SEARCH_INDEX,
} from "../lib/search/documents"
import { productIdsOfEvent, PRODUCT_SEARCH_EVENTS } from "../lib/search/events"
import { serial } from "../lib/search/serial"

const oneAtATime = serial()

const fields = search.define({
  id: search.keyword().filterable(),
  // sortable: the tie-breaker that keeps pages stable (products created in one batch share created_at)
  product_id: search.keyword().filterable().sortable(),
  region_id: search.keyword().filterable(),
  currency_code: search.keyword(),
  title: search.text().searchable({ weight: 3 }),
  handle: search.keyword(),
  thumbnail: search.keyword(),
  description: search.text().searchable({ weight: 1 }),
  brand: search.keyword().searchable({ weight: 3 }).filterable().facetable(),
  article_type: search
    .keyword()
    .searchable({ weight: 3 })
    .filterable()
    .facetable(),
  colour: search.keyword().searchable({ weight: 3 }).filterable().facetable(),
  gender: search.keyword().searchable({ weight: 2 }).filterable().facetable(),
  usage: search.keyword().searchable({ weight: 1.5 }).filterable().facetable(),
  season: search.keyword().searchable({ weight: 1.5 }).filterable().facetable(),
  categories: search.text().array().searchable({ weight: 2 }),
  category_ids: search.keyword().array().filterable(),
  tags: search.keyword().array().filterable(),
  synonyms: search.text().searchable({ weight: 2 }),
  sales_channel_ids: search.keyword().array().filterable(),
  sizes: search.keyword().array().filterable().facetable(),
  size_keys: search.keyword().array().filterable(),
  in_stock: search.boolean().filterable(),
  price_min: search
    .float()
    .filterable()
    .sortable()
    .facetable({ types: ["stats", "range"] }),
  price_max: search
    .float()
    .filterable()
    .sortable()
    .facetable({ types: ["stats", "range"] }),
  created_at: search.date().filterable().sortable(),
})

const PAGE = 200

/**
 * Text search over the catalogue: one document per product and region (see
 * lib/search/documents.ts). Filled by the Search Module at boot (seed, then a
 * catch-up pass) and kept current by `consume` on product, variant and stock
 * events.
 */
export default defineSearchIndex({
  name: PRODUCT_SEARCH_INDEX,
  entity: "product",
  fields,
  settings: {
    typo_tolerance: {
      enabled: true,
      min_word_size_for_one_typo: 4,
      min_word_size_for_two_typos: 8,
    },
  },
  events: PRODUCT_SEARCH_EVENTS,
  consume: async (event, { container }) => {
    const ids = await productIdsOfEvent(container.query, event)
    if (!ids.length) return []
    const documents = await oneAtATime(() =>
      buildProductDocuments(container.query, ids)
    )
    return [
      ...(documents.length ? [{ action: "upsert" as const, documents }] : []),
      {
        action: "delete" as const,
        filters: {
          $and: [
            { product_id: { $in: ids } },
            { id: { $nin: documents.map((d) => d.id) } },
          ],
        } as any,
      },
    ]
  },
  seed: async function* ({ container, last_key, catchup, filters }) {
    const regions = await loadRegions(container.query)
    // a resumed run restarts at the product of the last document written: its other regions may be missing
    let after = last_key ? last_key.split(":")[0] : undefined
    let first = !!after
    for (;;) {
      const { data } = await container.query.graph({
        entity: "product",
        fields: ["id"],
        filters: {
          ...(filters ?? {}),
          ...(after ? { id: first ? { $gte: after } : { $gt: after } } : {}),
          ...(catchup ? { updated_at: { $gte: catchup.since } } : {}),
        } as any,
        pagination: { take: PAGE, order: { id: "ASC" } },
        ...(catchup ? { withDeleted: true } : {}),
      } as any)
      first = false
      const ids = (data as any[]).map((p) => p.id as string)
      if (!ids.length) return
      const documents = await buildProductDocuments(
        container.query,
        ids,
        regions
      )
      const mutations: any[] = []
      if (documents.length) mutations.push({ action: "upsert", documents })
      if (catchup || documents.length < ids.length * regions.length) {
        mutations.push({
          action: "delete",
          filters: {
            $and: [
              { product_id: { $in: ids } },
              { id: { $nin: documents.map((d) => d.id) } },
            ],
          },
        })
      }
      yield mutations
      after = ids[ids.length - 1]
      if (ids.length < PAGE) return
    }
  },
})
