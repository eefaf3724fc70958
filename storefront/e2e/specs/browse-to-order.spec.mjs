import assert from "node:assert/strict"
import { after, before, test } from "node:test"
import { adminApi } from "../fixtures/admin-api.mjs"
import { openBrowser, screenshot } from "../fixtures/browser.mjs"
import { CartPage } from "../fixtures/cart-page.mjs"
import { CheckoutPage } from "../fixtures/checkout-page.mjs"
import { ProductPage } from "../fixtures/product-page.mjs"
import { StorePage } from "../fixtures/store-page.mjs"

const ARTICLE_TYPE = "Tshirts"
const SIZE = "M"

let browser, page
before(async () => ({ browser, page } = await openBrowser()))
after(async () => browser?.close())

test("a shopper filters the listing by article type and size, orders a product, and the order reaches the admin", async () => {
  const store = new StorePage(page)
  await store.open()
  await store.filter({ "Article type": ARTICLE_TYPE, Size: SIZE })
  assert.match(
    page.url(),
    /article_type=Tshirts/,
    "the filters are in the URL, so the listing can be shared"
  )
  assert.match(page.url(), /size=M/)
  const titles = await store.titles()
  assert.ok(
    titles.length > 0,
    `no ${ARTICLE_TYPE} in size ${SIZE} on the first page`
  )
  assert.ok(
    titles.every((t) => /t-shirt|tshirt|tee/i.test(t)),
    `every card is a T-shirt: ${titles.join(", ")}`
  )
  for (const sizes of await page
    .getByTestId("product-card")
    .evaluateAll((cards) =>
      cards.map((c) =>
        [...c.querySelectorAll('[data-testid="size-chip"]')].map(
          (s) => s.textContent
        )
      )
    )) {
    assert.ok(sizes.includes(SIZE), `every card offers size ${SIZE}: ${sizes}`)
  }

  // The first card whose size M is in stock in the shopper's region.
  const product = new ProductPage(page)
  let name
  for (let n = 0; n < Math.min(titles.length, 10) && !name; n++) {
    if (n > 0) await page.goBack()
    await store.openProduct(n)
    if ((await product.inStockSizes()).includes(SIZE))
      name = (await product.name.innerText()).trim()
  }
  assert.ok(
    name,
    `none of the first filtered products has size ${SIZE} in stock`
  )
  await product.chooseSize(SIZE)
  await product.addToCartAndGoToCart()
  const lines = await new CartPage(page).lineItems()
  assert.deepEqual(
    lines.map((l) => [l.title, l.size]),
    [[name, SIZE]]
  )

  await page.getByRole("link", { name: /checkout/i }).click()
  const email = `e2e-${Date.now()}@example.com`
  const checkout = new CheckoutPage(page)
  await checkout.fillAddress({
    email,
    firstName: "Grace",
    lastName: "Hopper",
    address: "Rue de Rivoli 1",
    city: "Paris",
    postalCode: "75001",
    country: "France",
  })
  await checkout.chooseFirstShippingOption()
  const confirmation = await checkout.placeOrder()
  const displayId = Number(confirmation.match(/Order #(\d+)/)?.[1])
  assert.ok(
    displayId > 0,
    `the confirmation shows an order number: "${confirmation}"`
  )
  await screenshot(page, "browse-order.png")

  // The order is real: the admin API lists it among the newest orders.
  const admin = await adminApi()
  const { orders } = await admin.get(
    "/admin/orders?limit=5&order=-created_at&fields=id,display_id,email,*items"
  )
  const order = orders.find((o) => o.display_id === displayId)
  assert.ok(
    order,
    `order #${displayId} is among the admin's newest orders (${orders.map((o) => o.display_id).join(", ")})`
  )
  assert.equal(order.email, email)
  assert.equal(order.items[0].product_title ?? order.items[0].title, name)
})
