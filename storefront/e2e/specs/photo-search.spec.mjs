import assert from "node:assert/strict"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { after, before, test } from "node:test"
import { openBrowser, screenshot } from "../fixtures/browser.mjs"
import { SearchPage } from "../fixtures/search-page.mjs"

const IMAGES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../backend/data/demo-catalog/images"
)

let browser, page
before(async () => ({ browser, page } = await openBrowser()))
after(async () => browser?.close())

test("a shopper uploads a catalogue photo and sees similar products they can buy", async () => {
  const search = new SearchPage(page)
  await search.open()
  await search.search(path.join(IMAGES, "10000.jpg"))
  assert.equal(
    await search.error.count(),
    0,
    `no error: ${await search.error.allInnerTexts()}`
  )
  const cards = await search.cards.count()
  assert.ok(cards >= 1, "the results grid has at least one product card")
  assert.match(
    await search.cards.first().getByTestId("price").innerText(),
    /[€$£]\s?\d/
  )
  assert.match(
    await page.getByTestId("search-meta").innerText(),
    /Matched by \S+ in \d+ ms/
  )
  await screenshot(page, "search.png", { docs: true })
})

test("a text file renamed .jpg gets the friendly 'isn't a photo' message", async () => {
  const search = new SearchPage(page)
  await search.open()
  await search.search({
    name: "holiday.jpg",
    mimeType: "image/jpeg",
    buffer: Buffer.from("this is not a photo, just text\n".repeat(20)),
  })
  assert.match(
    await search.error.innerText(),
    /That file isn.t a photo we can read \(JPEG, PNG or WebP\)/
  )
  assert.equal(await search.cards.count(), 0, "no results are shown")
})
