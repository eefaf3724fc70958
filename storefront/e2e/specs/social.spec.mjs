import assert from "node:assert/strict"
import path from "node:path"
import fs from "node:fs"
import { fileURLToPath } from "node:url"
import { after, before, test } from "node:test"
import { openBrowser, screenshot } from "../fixtures/browser.mjs"
import { SocialShopper } from "../fixtures/social-pages.mjs"

const demoDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../backend/data/demo-catalog/images"
)
const PHOTO = path.join(demoDir, fs.readdirSync(demoDir).sort()[5])

let a, b
before(async () => {
  a = await openBrowser()
  b = await openBrowser()
})
after(async () => {
  await a?.browser.close()
  await b?.browser.close()
})

test("a shopper posts an outfit with a tag, a follower sees it in following, likes and comments, and the author's bell shows it", async () => {
  const author = new SocialShopper(a.page)
  const viewer = new SocialShopper(b.page)
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
