import assert from "node:assert/strict"
import path from "node:path"
import fs from "node:fs"
import { fileURLToPath } from "node:url"
import { after, before, test } from "node:test"
import {
  MEDUSA_BACKEND_URL,
  openBrowser,
  screenshot,
} from "../fixtures/browser.mjs"
import { ADMIN, adminApi } from "../fixtures/admin-api.mjs"
import { SocialShopper } from "../fixtures/social-pages.mjs"

const demoDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../backend/data/demo-catalog/images"
)
const PHOTO = path.join(demoDir, fs.readdirSync(demoDir).sort()[5])

let a, b, author, viewer
before(async () => {
  a = await openBrowser()
  b = await openBrowser()
})
after(async () => {
  await a?.browser.close()
  await b?.browser.close()
})

test("a shopper posts an outfit with a tag, a follower sees it in following, likes and comments, and the author's bell shows it", async () => {
  author = new SocialShopper(a.page)
  viewer = new SocialShopper(b.page)
  await author.register("Author")
  await viewer.register("Viewer")

  const caption = `Weekend look ${Date.now()} #e2e`
  const { id, handle } = await author.postOutfit({
    photo: PHOTO,
    caption,
    search: "shirt",
  })
  assert.equal(
    await a.page.getByTestId("tag-dot").count(),
    1,
    "the tagged product is a dot on the photo"
  )
  await screenshot(a.page, "social-post.png", { docs: true })

  await viewer.follow(handle)
  assert.ok(
    (await viewer.followingFeedIds()).includes(id),
    "the new post is in the follower's following feed"
  )
  await screenshot(b.page, "social-feed.png", { docs: true })

  await viewer.likeAndComment(id, "Love the shirt!")
  assert.ok(
    (await author.unread()) >= 3,
    "the author's bell counts the follow, the like and the comment"
  )
  await a.page.goto("/notifications")
  const types = await a.page
    .getByTestId("notifications")
    .locator("li")
    .evaluateAll((li) => li.map((l) => l.getAttribute("data-type")))
  assert.deepEqual([...new Set(types)].sort(), ["comment", "follow", "like"])

  // the tag opens a product card with a price in the region
  await b.page.goto(`/posts/${id}`)
  await b.page.getByTestId("tag-dot").first().click()
  await b.page.getByTestId("hotspot-card").waitFor()
})

test("a shopper reports a post, an admin sees it in the moderation queue and hides it, and it is gone from the feed", async () => {
  assert.ok(author && viewer, "the first journey registered both shoppers")
  const caption = `Reported look ${Date.now()}`
  // the tag is placed where the author clicks on the photo
  const { id } = await author.postOutfit({
    photo: PHOTO,
    caption,
    search: "shirt",
    placeAt: { x: 0.25, y: 0.75 },
  })
  const dot = a.page.getByTestId("tag-dot").first()
  const at = await dot.evaluate((d) => [d.style.left, d.style.top])
  assert.ok(
    Math.abs(parseFloat(at[0]) - 25) < 3 &&
      Math.abs(parseFloat(at[1]) - 75) < 3,
    `the tag sits where the author clicked (left ${at[0]}, top ${at[1]})`
  )
  assert.ok((await viewer.trendingIds()).includes(id), "first in the feed")
  await viewer.reportPost(id, "Not an outfit")

  // the admin opens the moderation queue in the dashboard and hides it
  const admin = await openBrowser()
  try {
    const page = admin.page
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.setExtraHTTPHeaders({ "x-forwarded-proto": "https" })
    await page.goto(`${MEDUSA_BACKEND_URL}/app`, { timeout: 120_000 })
    const email = page.locator('input[name="email"]')
    await email.waitFor({ timeout: 120_000 })
    await email.fill(ADMIN.email)
    await page.locator('input[name="password"]').fill(ADMIN.password)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL((u) => !u.pathname.includes("/login"), {
      timeout: 60_000,
    })
    await page.goto(`${MEDUSA_BACKEND_URL}/app/moderation`)
    // the queue is the page's first table (the audit trail below names the post too, once acted on)
    const row = page.locator("table").first().locator("tr", { hasText: id })
    await row.waitFor({ timeout: 60_000 })
    assert.match(await row.innerText(), /Not an outfit/)
    await screenshot(page, "admin-moderation.png", { docs: true })
    // the moderator hides it with the row's button
    await row.getByRole("button", { name: "Hide" }).click()
    await page.getByText("Done: hide").waitFor({ timeout: 30_000 })
    const api = await adminApi()
    await page.reload()
    // the only open report was this one: the queue is empty once it has loaded
    await page.getByText("Nothing to review").waitFor({ timeout: 60_000 })
    // the empty queue renders no table: the page's first table is now the audit trail, which names the post
    const audit = page.locator("table").first().locator("tr", { hasText: id })
    assert.match(await audit.first().innerText(), /hide/)
    const { reports } = await api.get("/admin/moderation/reports")
    assert.ok(
      !reports.some((r) => r.target_id === id),
      "hiding closed the post's reports"
    )
  } finally {
    await admin.browser.close()
  }

  assert.ok(
    !(await viewer.trendingIds()).includes(id),
    "the hidden post is gone from the feed"
  )
  const res = await b.page.goto(`/posts/${id}`)
  assert.equal(res.status(), 404, "and from its own page")
})

test("a shopper posts a photo without tags, confirms a product visual search suggests, and it becomes a tag dot; another shopper sees no suggestions", async () => {
  assert.ok(author && viewer, "the first journey registered both shoppers")
  const id = await author.postPhotoUntagged({
    photo: PHOTO,
    caption: `Untagged look ${Date.now()}`,
  })
  assert.match(
    a.page.url(),
    /[?&]suggest=1/,
    "the composer asks for suggestions"
  )
  await a.page.getByText("Is this in your photo?").waitFor()
  assert.equal(await a.page.getByTestId("tag-dot").count(), 0, "no tag yet")
  const offered = await author.suggestedProducts()
  assert.ok(offered.length > 0, "visual search suggests products")
  assert.ok(
    offered.every((p) => p.id?.startsWith("prod_") && p.title.trim()),
    `each suggestion names a product (${JSON.stringify(offered)})`
  )
  assert.ok(
    (await a.page.getByTestId("tag-suggestions").getByTestId("price").count()) >
      0,
    "suggestions show a price in the region"
  )
  await screenshot(a.page, "social-tag-suggestions.png")

  // another shopper, even with the marker in the address, gets no suggestions
  // (the API answers 404 to anyone but the author) and the page still works
  const res = await b.page.goto(`/posts/${id}?suggest=1`)
  assert.equal(res.status(), 200)
  await b.page.getByTestId("post").waitFor()
  assert.equal(await b.page.getByTestId("tag-suggestions").count(), 0)
  assert.equal(await b.page.getByText("Is this in your photo?").count(), 0)

  // a shopper who is not the author posting the form by hand: the API's 404
  // becomes a message on the page, not an error page
  const forged = await b.page.request.post(`/posts/${id}?suggest=1`, {
    form: { suggested: `0:${offered[0].id}` },
    maxRedirects: 0,
  })
  assert.equal(forged.status(), 200, "a 4xx from the API is not a 500")
  assert.match(
    await forged.text(),
    /Only the post(’|'|&#x27;)s author can tag it/
  )

  // "Tag these" with nothing ticked says so, and the suggestions stay
  await a.page.getByTestId("tag-these").click()
  await a.page.getByText("Tick the products that are in your photo.").waitFor()
  assert.equal(await a.page.getByTestId("tag-dot").count(), 0)

  const pick = offered[offered.length > 1 ? 1 : 0]
  await author.confirmSuggestion(pick.id)
  const dots = await author.tagDots()
  assert.deepEqual(
    dots.map((d) => d.label),
    [pick.title],
    "the confirmed product, and only it, is a tag dot"
  )
  assert.deepEqual([dots[0].left, dots[0].top], ["50%", "20%"])
  assert.equal(
    await a.page.getByTestId("tag-suggestions").count(),
    0,
    "the suggestions are gone once confirmed"
  )

  // the tag is the post's for everyone: the other shopper sees the dot and its card
  await b.page.goto(`/posts/${id}`)
  assert.deepEqual(
    (await viewer.tagDots()).map((d) => d.label),
    [pick.title]
  )
  await b.page.getByTestId("tag-dot").first().click()
  await b.page.getByTestId("hotspot-card").waitFor()

  // the photo is tagged now: the marker no longer offers anything to its author
  await a.page.goto(`/posts/${id}?suggest=1`)
  await a.page.getByTestId("post").waitFor()
  assert.equal(await a.page.getByTestId("tag-suggestions").count(), 0)
})
