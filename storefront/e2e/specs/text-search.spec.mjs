import assert from "node:assert/strict"
import { after, before, test } from "node:test"
import { openBrowser, screenshot } from "../fixtures/browser.mjs"
import { ProductPage } from "../fixtures/product-page.mjs"
import { TextSearchPage } from "../fixtures/text-search-page.mjs"

let browser, page
before(async () => ({ browser, page } = await openBrowser()))
after(async () => browser?.close())

test("a shopper types a misspelt word in the header, refines by size with the facets and opens a product", async () => {
  await page.goto("/")
  const search = new TextSearchPage(page)
  await search.type("tshrit")
  assert.ok(
    (await search.suggestions.getByRole("link").count()) > 0,
    "suggestions appear while typing"
  )
  await search.submit()
  const total = await search.resultCount()
  assert.ok(total > 0, "the misspelt query finds products")
  assert.match((await search.titles())[0], /T-Shirt/)
  const types = await search.facet("article_type")
  assert.ok(
    types.Tshirts > 0,
    `the article type facet counts T-shirts: ${JSON.stringify(types)}`
  )
  const sizes = await search.facet("size")
  assert.ok(sizes.M > 0, `size M is on offer: ${JSON.stringify(sizes)}`)
  await screenshot(page, "text-search.png", { docs: true })

  await search.filterBySize("M")
  assert.equal(
    await search.resultCount(),
    sizes.M,
    "the size facet said how many products the filter leaves"
  )
  for (const chips of await search.cards.evaluateAll((cards) =>
    cards.map((c) =>
      [...c.querySelectorAll('[data-testid="size-chip"]')].map(
        (s) => s.textContent
      )
    )
  )) {
    assert.deepEqual(chips, ["M"], "every card offers size M")
  }
  const [title] = await search.titles()
  await search.openProduct(0)
  const product = new ProductPage(page)
  assert.equal((await product.name.innerText()).trim(), title)
  assert.ok(
    (await product.inStockSizes()).some((s) => /^M\b/.test(s)),
    "size M can be chosen on the product page"
  )
})

test("a search that finds nothing suggests a spelling and photo search, and works without JavaScript", async () => {
  const res = await page.goto("/find?q=qzxv+wqkj")
  assert.ok(res?.ok())
  await page.getByTestId("no-results").waitFor()
  assert.ok(
    await page.getByRole("link", { name: /search with a photo/i }).isVisible()
  )
  // the header form is a plain GET: the URL alone gives results
  await page.goto("/find?q=jeens")
  assert.ok(
    (await new TextSearchPage(page).resultCount()) > 0,
    "'jeens' finds jeans"
  )
})
