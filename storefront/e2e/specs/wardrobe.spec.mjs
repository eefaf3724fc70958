import assert from "node:assert/strict"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { after, before, test } from "node:test"
import { openBrowser, screenshot } from "../fixtures/browser.mjs"
import { WardrobePage } from "../fixtures/wardrobe-page.mjs"
import { StorePage } from "../fixtures/store-page.mjs"
import { ProductPage } from "../fixtures/product-page.mjs"
import { CheckoutPage } from "../fixtures/checkout-page.mjs"

const IMAGES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../backend/data/demo-catalog/images"
)
const shopper = {
  email: `wardrobe-${Date.now()}@example.com`,
  password: "wardrobe-pass-123",
}

let browser, page
before(async () => ({ browser, page } = await openBrowser()))
after(async () => browser?.close())

test("a registered shopper adds an item by photo, confirms its tags, builds an outfit, logs a wear and sees cost per wear", async () => {
  const wardrobe = new WardrobePage(page)
  await wardrobe.register(shopper)
  const id = await wardrobe.addByPhoto(path.join(IMAGES, "10003.jpg"))
  assert.match(
    await page.locator(".hint").first().innerText(),
    /Suggested: .+\(\d+%\)/,
    "the suggested article types are shown with confidences"
  )
  assert.ok(
    (await page.getByLabel("Type").inputValue()).length > 0,
    "the type is pre-filled from the best suggestion"
  )
  await wardrobe.confirmTags({ price: 30 })
  const second = await wardrobe.addByPhoto(path.join(IMAGES, "10000.jpg"))
  await wardrobe.buildOutfit("Sunday", [id, second])
  assert.equal(await page.getByTestId("outfit").count(), 1)
  const collage = await page
    .getByTestId("outfit")
    .locator("img")
    .evaluate((img) =>
      img.complete
        ? img.naturalWidth
        : new Promise((r) => {
            img.onload = () => r(img.naturalWidth)
            img.onerror = () => r(0)
          })
    )
  assert.ok(collage > 0, "the collage image loads through the storefront")
  await wardrobe.logOutfitWear("Sunday", "2026-11-01")
  await wardrobe.logOutfitWear("Sunday", "2026-11-02")
  await page.goto(`/wardrobe/items/${id}`)
  assert.match(
    await page.getByTestId("cost-per-wear").innerText(),
    /2 times[\s\S]*15\.00 EUR/
  )
  await page.goto("/wardrobe/stats")
  assert.match(
    await page.getByTestId("best-value").innerText(),
    /2 wears, 15\.00 EUR per wear/
  )
  await screenshot(page, "wardrobe-stats.png", { docs: true })
  await page.goto("/wardrobe")
  assert.equal(await page.getByTestId("wardrobe-item").count(), 2)
  await screenshot(page, "wardrobe.png", { docs: true })
})

test("a product the shopper orders appears in their wardrobe", async () => {
  const store = new StorePage(page)
  await store.open()
  const product = new ProductPage(page)
  let name
  for (let n = 0; n < 10 && !name; n++) {
    if (n > 0) await store.open()
    await store.openProduct(n)
    const sizes = await product.inStockSizes()
    if (sizes.length) {
      name = (await product.name.innerText()).trim()
      await product.chooseSize(sizes[0])
    }
  }
  assert.ok(name, "one of the first products is in stock")
  await product.addToCartAndGoToCart()
  // logging in attaches the cart to the shopper
  const wardrobe = new WardrobePage(page)
  await wardrobe.login(shopper)
  const checkout = new CheckoutPage(page)
  await checkout.open()
  await checkout.fillAddress({
    email: shopper.email,
    firstName: "Ada",
    lastName: "Lovelace",
    address: "Rue de Rivoli 1",
    city: "Paris",
    postalCode: "75001",
    country: "France",
  })
  await checkout.chooseFirstShippingOption()
  await checkout.placeOrder()
  let found = false
  for (let i = 0; i < 20 && !found; i++) {
    await page.goto("/wardrobe")
    found =
      (await page
        .getByTestId("wardrobe-item")
        .filter({ hasText: "bought here" })
        .count()) === 1
    if (!found) await page.waitForTimeout(500)
  }
  assert.ok(
    found,
    `the ordered ${name} is in the wardrobe, marked as bought here`
  )
})
