import fs from "node:fs"
import path from "node:path"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { parseStylesCsv } from "../lib/catalog"
import { ensureStoreSetup } from "./seed/setup"
import { seedProducts } from "./seed/products"
import { ensureLookbooks } from "./seed/lookbooks"
import { ensureDemoStyleProfile } from "./seed/shoppers"
import { ensureDemoWardrobe } from "./seed/wardrobe"
import { ensureSocial } from "./seed/social"
import { ensureRecommendationSignals } from "./seed/recommendations"

const DEMO_DIR = path.resolve(__dirname, "../../data/demo-catalog")
const SHARED_DIR =
  process.env.CURATOR_DATASET_DIR ||
  path.resolve(__dirname, "../../../../shared/data/fashion-products")
const SELLABLE = new Set(["Apparel", "Footwear", "Accessories"])

/**
 * Seeds the demo store. Idempotent: a second run creates nothing.
 * `medusa exec ./src/scripts/seed.ts [count]` — without a count, the demo
 * catalogue shipped in the repo; with a count larger than it, products come
 * from the full shared dataset (../shared/data/fashion-products).
 */
export default async function seed({ container, args }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const log = (m: string) => logger.info(`[seed] ${m}`)
  // `@file`: seed exactly the dataset ids listed in the file (one per line), e.g. an evaluation split
  // medusa exec's argument parser turns "468" into a number
  const arg = args?.[0] === undefined ? undefined : String(args[0])
  if (arg?.startsWith("@")) {
    const ids = fs
      .readFileSync(arg.slice(1), "utf8")
      .split(/\s+/)
      .filter(Boolean)
    const all = new Map(
      parseStylesCsv(
        fs.readFileSync(path.join(SHARED_DIR, "styles.csv"), "utf8")
      ).map((r) => [r.id, r])
    )
    const rows = ids
      .map((id) => all.get(id))
      .filter((r): r is NonNullable<typeof r> => !!r)
    const setup = await ensureStoreSetup(container, log)
    const created = await seedProducts(
      container,
      setup,
      rows,
      path.join(SHARED_DIR, "images"),
      log
    )
    if (created) await refreshPlannerStatistics(container, log)
    log(`done: ${created} products created from ${arg.slice(1)}`)
    log(`publishable key: ${setup.publishableKey}`)
    return
  }
  const count = arg ? Number(arg) : undefined
  if (count !== undefined && (!Number.isInteger(count) || count < 1)) {
    throw new Error(
      `seed: the product count must be a positive whole number, got "${arg}"`
    )
  }
  const demoRows = parseStylesCsv(
    fs.readFileSync(path.join(DEMO_DIR, "styles.csv"), "utf8")
  )
  let source = { dir: DEMO_DIR, rows: demoRows }
  if (count !== undefined && count > demoRows.length) {
    if (!fs.existsSync(path.join(SHARED_DIR, "styles.csv"))) {
      throw new Error(
        `seed: ${count} products need the full dataset at ${SHARED_DIR} (set CURATOR_DATASET_DIR); the demo catalogue has ${demoRows.length}`
      )
    }
    const all = parseStylesCsv(
      fs.readFileSync(path.join(SHARED_DIR, "styles.csv"), "utf8")
    ).filter((r) => SELLABLE.has(r.masterCategory))
    // demo products first, so a bigger catalogue always contains the demo one
    const demoIds = new Set(demoRows.map((r) => r.id))
    source = {
      dir: path.join(SHARED_DIR, "images"),
      rows: [...demoRows, ...all.filter((r) => !demoIds.has(r.id))],
    }
    if (count > source.rows.length)
      log(
        `the dataset has ${source.rows.length} sellable products; seeding all of them`
      )
  } else {
    source.dir = path.join(DEMO_DIR, "images")
  }
  const rows = source.rows.slice(0, count ?? source.rows.length)
  const setup = await ensureStoreSetup(container, log)
  const created = await seedProducts(container, setup, rows, source.dir, log)
  await ensureLookbooks(
    container,
    setup,
    [path.join(DEMO_DIR, "images"), source.dir],
    log
  )
  await ensureDemoStyleProfile(container, setup.salesChannelId, log)
  // the demo shopper's wardrobe: skipped by CURATOR_SEED_WARDROBE=false (catalogue-only stores)
  if (process.env.CURATOR_SEED_WARDROBE !== "false")
    await ensureDemoWardrobe(
      container,
      [path.join(DEMO_DIR, "images"), source.dir],
      log
    )
  // the feed only for the demo store (no count): tests that seed N products start with an empty feed
  if (count === undefined) await ensureSocial(container, log)
  // recommendation signals and one training run, likewise only for the demo store
  if (count === undefined) await ensureRecommendationSignals(container, log)
  if (created) await refreshPlannerStatistics(container, log)
  log(`done: ${created} products created, ${rows.length} in the catalogue`)
  log(`publishable key: ${setup.publishableKey}`)
}

/**
 * A bulk load leaves the planner without statistics until autovacuum gets to
 * it (never, where it is off): it then reads a few variants' stock or prices
 * by scanning whole tables. On the 10k-product benchmark store one stock read
 * took 33 ms before ANALYZE and 2 ms after (docs/notes/feat-photo-bg.md).
 */
async function refreshPlannerStatistics(
  container: ExecArgs["container"],
  log: (m: string) => void
) {
  const t0 = Date.now()
  try {
    await container
      .resolve(ContainerRegistrationKeys.PG_CONNECTION)
      .raw("ANALYZE")
    log(`planner statistics refreshed in ${Date.now() - t0} ms`)
  } catch (e: any) {
    log(
      `ANALYZE failed (${e?.message ?? e}): reads may be slow until autovacuum runs`
    )
  }
}
