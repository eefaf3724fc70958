import assert from "node:assert/strict"
import { after, before, test } from "node:test"
import { openBrowser, screenshot } from "../fixtures/browser.mjs"
import { HomePage } from "../fixtures/home-page.mjs"
import { ProductPage } from "../fixtures/product-page.mjs"

const CURRENCY = /[€$£]\s?\d/

let browser, page
before(async () => ({ browser, page } = await openBrowser()))
after(async () => browser?.close())

test("a shopper browses new arrivals and opens a product with its price and sizes", async () => {
  const home = new HomePage(page)
  await home.open()

  const cardCount = await home.cards.count()
  assert.ok(
    cardCount >= 4,
    `expected a grid of products on the home page, saw ${cardCount}`
  )
  const first = await home.card(0)
  assert.ok(first.name.length > 0, "the card shows the product name")
  assert.match(
    first.price,
    CURRENCY,
    `the card price "${first.price}" carries a currency symbol`
  )
  assert.ok(
    first.sizes.length > 0,
    "the card lists the available sizes as chips"
  )
  assert.equal(
    first.imageAlt,
    first.name,
    "the card image is described by the product name"
  )
  await screenshot(page, "home.png", { docs: true })

  await home.openProduct(0)
  const product = new ProductPage(page)
  assert.equal(
    (await product.name.innerText()).trim(),
    first.name,
    "the product page shows the product clicked"
  )
  const price = (await product.price.innerText()).trim()
  assert.match(
    price,
    CURRENCY,
    `the product price "${price}" carries a currency symbol`
  )
  assert.equal(
    price,
    first.price,
    "the product page shows the same (lowest) price as the card"
  )
  const sizes = await product.sizeLabels()
  assert.ok(sizes.length > 0, "the product page offers size options")
  assert.deepEqual(
    [...sizes].sort(),
    [...first.sizes].sort(),
    "the product page offers the sizes listed on the card"
  )
  await screenshot(page, "product.png")
})
