import assert from "node:assert/strict"
import { after, before, test } from "node:test"
import { openBrowser } from "../fixtures/browser.mjs"
import { CartPage } from "../fixtures/cart-page.mjs"
import { storeApi } from "../fixtures/for-you-page.mjs"

let browser, page
before(async () => ({ browser, page } = await openBrowser()))
after(async () => browser?.close())

test("a viewer opens a post with tags and adds its tagged pieces to the cart in one go", async () => {
  const api = storeApi()
  const { regions } = await api("/store/regions")
  const region = regions.find((r) => r.currency_code === "eur") ?? regions[0]
  // a seeded public post whose tagged pieces are all buyable here
  const { posts } = await api(
    `/store/feed?mode=trending&limit=50&region_id=${region.id}`
  )
  const post = posts.find(
    (p) =>
      p.tags.length >= 1 &&
      p.tags.every((t) => t.variants.some((v) => v.in_stock))
  )
  assert.ok(post, "the demo feed has a post with buyable tags")
  const tagged = new Set(post.tags.map((t) => t.product.id)).size

  const cart = new CartPage(page)
  await page.goto(`/posts/${post.id}/buy`)
  await page.getByTestId("add-post-form").waitFor()
  assert.equal(await page.getByTestId("post-tag-product").count(), tagged)
  const before = await cart.count()
  await Promise.all([
    page.waitForURL(/\/cart$/),
    page.getByRole("button", { name: "Add these to cart" }).click(),
  ])
  await cart.open() // a fresh document: the header's count as the server has it
  assert.equal(await cart.count(), before + tagged)
  assert.equal((await cart.lineItems()).length, tagged)
})
