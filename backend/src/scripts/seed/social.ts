import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { SOCIAL_MODULE } from "../../modules/social"
import SocialModuleService from "../../modules/social/service"
import { ensureDemoShopper } from "./shoppers"

/** The demo shopper's face in the feed (the account itself is shoppers.ts's, the one place that makes it). */
const DEMO_PROFILE = { handle: "curator_demo", name: "Demo Shopper" }

const NAMES = [
  "Mia Laurent",
  "Noah Berg",
  "Ava Rossi",
  "Liam Okafor",
  "Zoe Martin",
  "Ethan Kim",
  "Lena Fischer",
  "Omar Haddad",
  "Chloe Dubois",
  "Lucas Silva",
  "Nora Jensen",
  "Mateo Garcia",
  "Isla Murphy",
  "Kai Tanaka",
  "Sofia Costa",
  "Leo Novak",
  "Maya Patel",
  "Finn Larsen",
  "Elena Petrova",
  "Jonas Weber",
  "Aria Chen",
  "Theo Moreau",
  "Lila Singh",
  "Max Keller",
  "Ines Ferreira",
  "Hugo Blanc",
  "Yara Nasser",
  "Oscar Lind",
  "Emma Varga",
  "Ravi Menon",
]
const CAPTIONS = [
  [
    "Sunday market run in my favourite layers #casual #weekend",
    "casual",
    "autumn",
  ],
  ["Office but make it comfy #workwear #minimal", "work", "all"],
  ["Date night fit, thoughts? #datenight #evening", "date", "all"],
  ["Sun's out, shades on #summer #streetstyle", "casual", "summer"],
  ["Gym to coffee in one go #athleisure #sporty", "sport", "all"],
  ["Rainy day but still cute #layers #autumn", "casual", "autumn"],
  ["Wedding guest look #formal #occasion", "wedding", "summer"],
  ["Thrifted this and I am obsessed #vintage #sustainable", "casual", "all"],
  ["Monochrome mood #minimal #black", "casual", "winter"],
  ["Festival ready #boho #summer", "festival", "summer"],
] as const

/** A small deterministic PRNG so that a re-seed on another machine makes the same feed. */
function rng(seed: number) {
  let s = seed >>> 0
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32
}

/**
 * Seeds the social feed once: 30 demo shoppers with handles (plus the demo
 * shopper), ~150 posts made of catalogue photos (already in the File module)
 * with product tags, follows, likes and comments, spread over six days (inside the trending window).
 * Counters are computed from the rows it creates.
 */
export async function ensureSocial(
  container: MedusaContainer,
  log: (m: string) => void,
  postCount = 150
) {
  const social = container.resolve<SocialModuleService>(SOCIAL_MODULE)
  const handles = NAMES.map((n) => n.toLowerCase().replace(/\s+/g, "."))
  if (
    (await social.listSocialProfiles({ handle: handles })).length ===
    handles.length
  ) {
    log("social: already seeded")
    return
  }
  const customers = container.resolve(Modules.CUSTOMER)
  const emails = handles.map((h) => `${h}@shoppers.curatorai.local`)
  const existing = await customers.listCustomers(
    { email: emails },
    { take: null as any }
  )
  const have = new Set(existing.map((c) => c.email))
  const made = await customers.createCustomers(
    NAMES.filter((_, i) => !have.has(emails[i])).map((n) => ({
      email: `${n.toLowerCase().replace(/\s+/g, ".")}@shoppers.curatorai.local`,
      first_name: n.split(" ")[0],
      last_name: n.split(" ")[1],
    }))
  )
  const byEmail = new Map([...existing, ...made].map((c) => [c.email, c.id]))
  const ids = emails.map((e) => byEmail.get(e)!)
  const demo = await ensureDemoShopper(container, log)
  const profiled = new Set(
    (await social.listSocialProfiles({ customer_id: [...ids, demo.id] })).map(
      (p: any) => p.customer_id
    )
  )
  await social.createSocialProfiles(
    [
      ...ids.map((id, i) => ({
        customer_id: id,
        handle: handles[i],
        display_name: NAMES[i],
        bio: `${CAPTIONS[i % CAPTIONS.length][1]} outfits, mostly`,
      })),
      {
        customer_id: demo.id,
        handle: DEMO_PROFILE.handle,
        display_name: DEMO_PROFILE.name,
        bio: "Trying on everything CuratorAI suggests",
      },
    ].filter((p) => !profiled.has(p.customer_id)) as any
  )

  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: products } = await query.graph({
    entity: "product",
    fields: ["id", "thumbnail", "status", "variants.id"],
    pagination: { take: 500, skip: 0 },
  })
  const photos = (products as any[]).filter(
    (p) => p.thumbnail && p.status === "published"
  )
  if (!photos.length) return log("social: no catalogue photos to post; skipped")
  const rand = rng(23)
  const pick = <T>(a: T[]) => a[Math.floor(rand() * a.length)]
  const now = Date.now()
  const postsIn = Array.from({ length: postCount }, (_, i) => {
    const [caption, occasion, season] = CAPTIONS[i % CAPTIONS.length]
    const created_at = new Date(now - Math.floor(rand() * 6 * 24 * 3600e3))
    return {
      customer_id: ids[i % ids.length],
      caption,
      hashtags: SocialModuleService.parseHashtags(caption),
      occasion,
      season,
      visibility: i % 9 === 8 ? "followers" : "public",
      created_at,
      updated_at: created_at,
    }
  })
  const posts = (await social.createSocialPosts(
    postsIn as any
  )) as unknown as any[]
  const images: any[] = []
  const tags: any[] = []
  posts.forEach((p, i) => {
    const shown = [
      photos[(i * 7) % photos.length],
      ...(i % 3 === 0 ? [photos[(i * 7 + 3) % photos.length]] : []),
    ]
    shown.forEach((prod, position) => {
      images.push({
        post_id: p.id,
        url: prod.thumbnail,
        width: 224,
        height: 224,
        position,
      })
      tags.push({
        post_id: p.id,
        image: position,
        x: 0.5,
        y: 0.55,
        product_id: prod.id,
        variant_id: position === 0 ? (prod.variants?.[0]?.id ?? null) : null,
      })
    })
  })
  await social.createSocialPostImages(images)
  await social.createSocialPostTags(tags)

  const all = [...ids, demo.id]
  const follows = new Set<string>()
  all.forEach((f, i) => {
    for (let k = 1; k <= 6; k++)
      follows.add(`${f}|${ids[(i * 5 + k * 3) % ids.length]}`)
  })
  await social.createSocialFollows(
    [...follows]
      .map((s) => s.split("|"))
      .filter(([a, b]) => a !== b)
      .map(([follower_id, followee_id]) => ({ follower_id, followee_id }))
  )

  const likes: any[] = []
  const comments: any[] = []
  const counts = posts.map(() => ({ likes: 0, comments: 0 }))
  posts.forEach((p, i) => {
    const likers = new Set(
      Array.from({ length: Math.floor(rand() * rand() * 25) }, () => pick(all))
    )
    for (const c of likers) likes.push({ post_id: p.id, customer_id: c })
    counts[i].likes = likers.size
    if (rand() < 0.5) {
      const n = 1 + Math.floor(rand() * 3)
      for (let k = 0; k < n; k++)
        comments.push({
          post_id: p.id,
          customer_id: pick(all),
          text: pick([
            "Love this!",
            "Where is the jacket from?",
            "Great colours",
            "Saving this for later",
            "So good 🔥",
            "Need this look",
          ]),
        })
      counts[i].comments = n
    }
  })
  await social.createSocialLikes(likes)
  await social.createSocialComments(comments)
  await social.updateSocialPosts(
    posts.map((p, i) => ({
      id: p.id,
      likes_count: counts[i].likes,
      comments_count: counts[i].comments,
    })) as any
  )
  log(
    `social: ${ids.length + 1} shoppers, ${posts.length} posts, ${follows.size} follows, ${likes.length} likes, ${comments.length} comments`
  )
}
