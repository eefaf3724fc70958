import assert from "node:assert/strict"
import { after, before, test } from "node:test"
import { openBrowser, screenshot } from "../fixtures/browser.mjs"
import {
  RegisterPage,
  StyleProfilePage,
  StyleQuizPage,
} from "../fixtures/account-pages.mjs"

let browser, page
before(async () => ({ browser, page } = await openBrowser()))
after(async () => browser?.close())

const shopper = {
  first_name: "Quinn",
  last_name: "Quiz",
  email: `quinn-${Date.now()}@example.com`,
  password: "quiz-password-1",
}

test("a new shopper registers, is taken to the style quiz, answers it and sees the answers on the profile page", async () => {
  const register = new RegisterPage(page)
  await register.open()
  await register.register(shopper)
  assert.match(
    page.url(),
    /\/account\/style-quiz$/,
    "registering leads to the style quiz"
  )

  const quiz = new StyleQuizPage(page)
  // the URL changes as the navigation commits; the page may render a moment later
  await quiz.looks.first().waitFor()
  assert.ok(
    (await quiz.looks.count()) >= 8,
    "the quiz offers a dozen looks to pick from"
  )
  await quiz.chooseSize("Tops", "M")
  await quiz.chooseSize("Shoes (EU)", "42")
  await quiz.setBudget({ max: 75 })
  const picked = [await quiz.pickLook(0), await quiz.pickLook(1)]
  await screenshot(page, "style-quiz.png", { docs: true })
  await quiz.save()
  await page.waitForURL(/\/account\/style\?saved=quiz/)

  const profile = new StyleProfilePage(page)
  assert.match(await profile.summaryOf("sizes"), /top M/)
  assert.match(await profile.summaryOf("sizes"), /shoes 42/)
  assert.match(await profile.summaryOf("budget"), /75/)
  // the picked looks' styles and colours are now liked: "title (style, colour)"
  for (const name of picked) {
    const [, style, colour] = name.match(/\(([^,]+), ([^)]+)\)$/)
    assert.match(await profile.summaryOf("styles"), new RegExp(style))
    assert.match(await profile.summaryOf("liked"), new RegExp(colour))
  }
  await screenshot(page, "style-profile.png", { docs: true })
})

test("the shopper edits the profile with a plain form; a minimum above the maximum is refused on the field", async () => {
  const profile = new StyleProfilePage(page)
  await profile.open()
  await page.getByLabel(/least per item/i).fill("100")
  await page.getByRole("button", { name: /save profile/i }).click()
  await (await profile.fieldError("cannot be more than")).waitFor()

  await profile.open()
  await page.getByLabel(/least per item/i).fill("10")
  // the "like" list comes first, the "avoid" list last
  await page
    .getByRole("checkbox", { name: "Pink", exact: true })
    .first()
    .uncheck()
  await page.getByRole("checkbox", { name: "Pink", exact: true }).last().check()
  await page.getByRole("button", { name: /save profile/i }).click()
  await page.waitForURL(/saved=profile/)
  // the URL changes a moment before React renders the saved page
  await page.getByRole("status").filter({ hasText: /saved/i }).waitFor()
  assert.match(await profile.summaryOf("budget"), /10 .* 75/)
  assert.match(await profile.summaryOf("disliked"), /Pink/)
})

test("a Google sign-in callback this browser did not start is refused", async () => {
  const res = await page.goto(
    "/auth/google/callback?code=stolen-code&state=forged-state"
  )
  assert.equal(res.status(), 400)
  assert.match(await page.content(), /not started here/)
})
