import assert from "node:assert/strict"
import { after, before, test } from "node:test"
import {
  openBrowser,
  screenshot,
  visibleOrExplain,
} from "../fixtures/browser.mjs"
import { RegisterPage, StyleQuizPage } from "../fixtures/account-pages.mjs"
import { CartPage } from "../fixtures/cart-page.mjs"
import {
  ForYouPage,
  shopperToken,
  storeApi,
} from "../fixtures/for-you-page.mjs"

let browser, page
before(async () => ({ browser, page } = await openBrowser()))
after(async () => browser?.close())

const shopper = {
  first_name: "Fay",
  last_name: "Foryou",
  email: `fay-${Date.now()}@example.com`,
  password: "for-you-password-1",
}
const BUDGET = 120

test("after the quiz, For you shows outfits in the shopper's sizes and budget; a dislike removes the piece; an outfit goes into the cart in one go", async () => {
  const register = new RegisterPage(page)
  await register.open()
  await register.register(shopper)
  const quiz = new StyleQuizPage(page)
  await quiz.looks.first().waitFor()
  await quiz.chooseSize("Tops", "M")
  await quiz.chooseSize("Bottoms", "L")
  await quiz.chooseSize("Shoes (EU)", "42")
  await page.getByLabel("Shop mostly for").selectOption("Men")
  await quiz.setBudget({ max: BUDGET })
  await quiz.pickLook(0)
  await quiz.pickLook(1)
  await quiz.save()
  await page.waitForURL(/\/account\/style\?saved=quiz/)

  // the header links to For you once logged in
  await page.getByTestId("nav-for-you").click()
  await page.waitForURL(/\/for-you$/)
  const forYou = new ForYouPage(page)
  await visibleOrExplain(page, forYou.outfits, "an outfit card")
  const outfitCount = await forYou.outfits.count()
  assert.ok(outfitCount >= 1, "at least one outfit is shown")

  // every item shown: checked against the store API, not against the page's claims
  const api = storeApi(await shopperToken(shopper))
  const { style_profile: profile } = await api(
    "/store/customers/me/style-profile"
  )
  const { regions } = await api("/store/regions")
  const region = regions.find((r) => r.currency_code === "eur") ?? regions[0]
  const sizes = new Set(Object.values(profile.sizes))
  let checked = 0
  for (let n = 0; n < outfitCount; n++) {
    const items = await forYou.itemsOf(forYou.outfits.nth(n))
    assert.ok(items.length >= 2, "an outfit has several pieces")
    for (const item of items) {
      const { product } = await api(
        `/store/products/${item.product_id}?region_id=${region.id}&fields=id,variants.id,variants.title,variants.calculated_price.*`
      )
      const { variants: stock } = await api(
        `/store/products/${item.product_id}/availability?region_id=${region.id}`
      )
      const variant = product.variants.find((v) => v.title === item.size)
      assert.ok(variant, `${item.product_id} has the size shown (${item.size})`)
      if (product.variants.length > 1)
        assert.ok(
          sizes.has(item.size),
          `${item.product_id}: size ${item.size} is one of the shopper's sizes`
        )
      assert.ok(
        stock.find((v) => v.id === variant.id)?.in_stock,
        `${item.product_id} size ${item.size} is in stock in ${region.name}`
      )
      assert.ok(
        variant.calculated_price.calculated_amount <= BUDGET,
        `${item.product_id} costs ${variant.calculated_price.calculated_amount} ≤ ${BUDGET}`
      )
      checked++
    }
  }
  assert.ok(checked >= 2)
  await screenshot(page, "for-you.png", { docs: true })

  // dislike a piece: it is gone from the next list at once
  const piece = forYou.pieces.first()
  const disliked = await piece
    .getByTestId("rec-item")
    .first()
    .getAttribute("data-product-id")
  await forYou.dislike(piece)
  await page.getByTestId("for-you").waitFor()
  assert.ok(
    !(await forYou.allProductIds()).includes(disliked),
    `the disliked product ${disliked} is no longer recommended`
  )

  // add the first outfit to the cart: the count rises by its number of pieces
  const cart = new CartPage(page)
  const before = await cart.count()
  const card = forYou.outfits.first()
  const pieces = (await forYou.itemsOf(card)).length
  await forYou.addOutfit(card)
  await cart.open() // a fresh document: the header's count as the server has it
  assert.equal(await cart.count(), before + pieces)
  assert.equal((await cart.lineItems()).length, pieces)
})

test("a logged-out visitor is asked to log in on For you", async () => {
  const { browser: b, page: p } = await openBrowser()
  try {
    await p.goto("/for-you")
    await p.getByTestId("for-you-login").waitFor()
    await p.getByRole("link", { name: "Log in" }).first().waitFor()
  } finally {
    await b.close()
  }
})
