import assert from "node:assert/strict"
import { after, before, test } from "node:test"
import { openBrowser, screenshot } from "../fixtures/browser.mjs"
import { CartPage } from "../fixtures/cart-page.mjs"
import { CheckoutPage } from "../fixtures/checkout-page.mjs"
import { HomePage } from "../fixtures/home-page.mjs"
import { ProductPage } from "../fixtures/product-page.mjs"

let browser, page
before(async () => ({ browser, page } = await openBrowser()))
after(async () => browser?.close())

test("a shopper picks an in-stock size, adds it to the cart and sees the line in the cart", async () => {
  const home = new HomePage(page)
  const product = new ProductPage(page)
  await home.open()

  // Find a product with at least one size in stock for the shopper's region.
  let name, size
  const tries = Math.min(await home.cards.count(), 12)
  for (let n = 0; n < tries && !size; n++) {
    await home.open()
    await home.openProduct(n)
    const inStock = await product.inStockSizes()
    if (inStock.length) {
      name = (await product.name.innerText()).trim()
      size = inStock[0]
    }
  }
  assert.ok(
    size,
    `none of the first ${tries} new arrivals has a size in stock for the default region`
  )

  await product.chooseSize(size)
  await product.addToCartAndGoToCart()

  const cart = new CartPage(page)
  const lines = await cart.lineItems()
  assert.equal(lines.length, 1, "the cart holds one line")
  assert.equal(lines[0].title, name)
  assert.equal(lines[0].size, size)
  assert.match(lines[0].total, /[€$£]\s?\d/)
  assert.equal(await cart.count(), 1, "the header shows one item in the cart")
  await screenshot(page, "cart.png")
})

test("the shopper checks out with the manual payment and sees the order confirmation", async () => {
  const cart = new CartPage(page)
  await cart.open()
  assert.ok(
    (await cart.lineItems()).length > 0,
    "the previous journey left a line in the cart"
  )
  await page.getByRole("link", { name: /checkout/i }).click()

  const checkout = new CheckoutPage(page)
  await checkout.fillAddress({
    email: "shopper@example.com",
    firstName: "Ada",
    lastName: "Lovelace",
    address: "Unter den Linden 1",
    city: "Berlin",
    postalCode: "10117",
    country: "Germany",
  })
  await checkout.chooseFirstShippingOption()
  const confirmation = await checkout.placeOrder()
  assert.match(confirmation, /Order #\d+/)
  assert.equal(await cart.count(), 0, "the cart is emptied after the order")
  await screenshot(page, "order.png")
})
