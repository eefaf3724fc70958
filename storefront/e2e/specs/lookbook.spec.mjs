import assert from "node:assert/strict"
import { after, before, test } from "node:test"
import { openBrowser, screenshot } from "../fixtures/browser.mjs"
import { CartPage } from "../fixtures/cart-page.mjs"
import { LookbookPage } from "../fixtures/lookbook-page.mjs"

const CURRENCY = /[€$£]\s?\d/

let browser, page
before(async () => ({ browser, page } = await openBrowser()))
after(async () => browser?.close())

test("a shopper opens a lookbook from the home page, opens a hotspot, picks sizes and adds the whole look", async () => {
  const lookbook = new LookbookPage(page)
  await lookbook.openFromHome("Weekend Casual")
  const look = lookbook.look(0)
  assert.ok(
    (await look.hotspots.count()) >= 2,
    "the first look has hotspots over the photo"
  )

  const opened = await lookbook.openHotspot(0)
  assert.equal(
    opened.title,
    opened.name,
    "the card shows the product the hotspot is labelled with"
  )
  assert.match(
    opened.price,
    CURRENCY,
    `the card shows a price in the region currency: "${opened.price}"`
  )
  await look.card.getByRole("link", { name: opened.title }).waitFor()
  await screenshot(page, "lookbook.png", { docs: true })

  const chosen = await lookbook.chooseInStockSizes(0)
  assert.ok(
    chosen.length >= 2,
    `in-stock sizes were found for the pieces of the look: ${chosen}`
  )
  await lookbook.addLookAndGoToCart(0)
  const titles = (await new CartPage(page).lineItems())
    .map((l) => l.title)
    .sort()
  assert.deepEqual(
    titles,
    [...chosen].sort(),
    "the cart lists every piece of the look"
  )
})

test("choosing a size that is out of stock in the region explains which one and leaves the cart unchanged", async () => {
  const cart = new CartPage(page)
  await cart.open()
  const before = await cart.lineItems()

  const lookbook = new LookbookPage(page)
  await lookbook.openFromHome("Weekend Casual")
  // A disabled (out of stock) option in any look; the shopper's UI does not allow it, so force it in.
  const forced = await page.evaluate(() => {
    for (const select of document.querySelectorAll(
      '[data-testid="look-size"]'
    )) {
      const out = [...select.options].find((o) => o.value && o.disabled)
      if (!out) continue
      out.disabled = false
      select.value = out.value
      const form = select.closest("form")
      return {
        size: out.textContent.replace(/\(out of stock\)/, "").trim(),
        lookId: form.querySelector('[name="look_id"]').value,
      }
    }
    return null
  })
  assert.ok(
    forced,
    "the seeded lookbook has a size that is out of stock in the region (needed to prove the 409 path)"
  )
  const look = page.locator(`#look-${forced.lookId}`)
  await look.getByRole("button", { name: "Add this look" }).click()
  const result = look.getByTestId("add-look-result")
  await result.waitFor()
  const text = await result.innerText()
  assert.match(
    text,
    new RegExp(`Size ${forced.size} is out of stock in your region`),
    `a clear message names the size: "${text}"`
  )
  assert.match(text, /cart is unchanged/)

  await cart.open()
  assert.deepEqual(
    await cart.lineItems(),
    before,
    "nothing was added to the cart"
  )
})
