import assert from "node:assert/strict"
import { after, before, test } from "node:test"
import { openBrowser } from "../fixtures/browser.mjs"
import { ProductPage } from "../fixtures/product-page.mjs"
import { StorePage } from "../fixtures/store-page.mjs"

let browser, page
before(async () => ({ browser, page } = await openBrowser()))
after(async () => browser?.close())

/** Picks a region in the header selector by (part of) its name; the form reloads the same page. */
async function switchRegion(name) {
  const select = page.getByLabel("Ship to")
  const value = await select.evaluate(
    (el, n) => [...el.options].find((o) => o.textContent.includes(n))?.value,
    name
  )
  assert.ok(value, `the header offers the region "${name}"`)
  await select.selectOption(value)
  const url = page.url()
  await Promise.all([
    page.waitForURL(url),
    page.waitForLoadState("load"),
    page.getByRole("button", { name: "Update" }).click(),
  ])
  await page.waitForFunction(
    (v) => document.querySelector("#region-select")?.value === v,
    value
  )
}

test("a product costs euros in Europe and dollars in the United States, and switching back restores euros", async () => {
  const store = new StorePage(page)
  await store.open()
  await store.openProduct(0)
  const product = new ProductPage(page)
  const eur = (await product.price.innerText()).trim()
  assert.match(eur, /€/, `the default region prices in euros: "${eur}"`)

  await switchRegion("United States")
  const usd = (await product.price.innerText()).trim()
  assert.match(usd, /\$/, `the United States prices in dollars: "${usd}"`)
  const amount = (s) => Number(s.replace(/[^\d.]/g, ""))
  assert.notEqual(
    amount(usd),
    amount(eur),
    `the dollar amount differs from the euro amount (${usd} vs ${eur})`
  )

  await switchRegion("Europe")
  assert.equal(
    (await product.price.innerText()).trim(),
    eur,
    "switching back restores the euro price"
  )
})
