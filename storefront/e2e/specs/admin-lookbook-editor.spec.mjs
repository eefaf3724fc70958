import assert from "node:assert/strict"
import { after, before, test } from "node:test"
import { ADMIN } from "../fixtures/admin-api.mjs"
import {
  MEDUSA_BACKEND_URL,
  openBrowser,
  screenshot,
} from "../fixtures/browser.mjs"

let browser, page
before(async () => ({ browser, page } = await openBrowser()))
after(async () => browser?.close())

test("an admin opens a lookbook in the dashboard and sees the look image with its hotspot markers", async () => {
  await page.setViewportSize({ width: 1440, height: 900 })
  // A production backend marks its session cookie Secure; in production it sits
  // behind TLS, which this header stands in for (express-session trusts the proxy).
  await page.setExtraHTTPHeaders({ "x-forwarded-proto": "https" })
  const res = await page.goto(`${MEDUSA_BACKEND_URL}/app`, { timeout: 120_000 })
  assert.ok(
    res && res.status() < 400,
    `the admin dashboard is served at ${MEDUSA_BACKEND_URL}/app (HTTP ${res?.status()})`
  )
  const email = page.locator('input[name="email"]')
  await email.waitFor({ timeout: 120_000 })
  await email.fill(ADMIN.email)
  await page.locator('input[name="password"]').fill(ADMIN.password)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL((u) => !u.pathname.includes("/login"), {
    timeout: 60_000,
  })

  await page.goto(`${MEDUSA_BACKEND_URL}/app/lookbooks`)
  const first = page.locator('a[href*="/lookbooks/lkbk_"]').first()
  await first.waitFor({ timeout: 60_000 })
  const title = (await first.innerText()).trim()
  await first.click()
  await page.waitForURL(/\/app\/lookbooks\/lkbk_/)

  const image = page.locator("div.relative > img").first()
  await image.waitFor({ timeout: 60_000 })
  await page.waitForFunction(
    (img) => img.complete && img.naturalWidth > 0,
    await image.elementHandle()
  )
  const markers = page.locator("div.relative > span.rounded-full")
  await markers.first().waitFor()
  assert.ok(
    (await markers.count()) >= 1,
    `the editor for "${title}" shows hotspot markers over the look image`
  )
  await screenshot(page, "admin-lookbook-editor.png", { docs: true })
})
