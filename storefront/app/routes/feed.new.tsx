import type {
  ActionFunctionArgs,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node"
import {
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node"
import {
  Form,
  useActionData,
  useLoaderData,
  useNavigation,
} from "@remix-run/react"
import { useEffect, useState, type MouseEvent } from "react"
import { getRegion } from "~/lib/data/regions.server"
import {
  createPost,
  searchProducts,
  SocialError,
} from "~/lib/data/social.server"
import { getCustomerToken } from "~/lib/session.server"

export const meta: MetaFunction = () => [
  { title: "Share an outfit — CuratorAI" },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const token = await getCustomerToken(request)
  if (!token) throw redirect("/account/login?redirect_to=/feed/new")
  const q = new URL(request.url).searchParams.get("q")?.trim() ?? ""
  const { region } = await getRegion(request)
  return { q, products: q ? await searchProducts(q, region.id) : [] }
}

/** Where the shopper clicked on the photo for a product ("x,y" fractions), or null. */
function placed(form: FormData, productId: string) {
  const m = String(form.get(`tag_at_${productId}`) ?? "").match(
    /^(0(?:\.\d+)?|1(?:\.0+)?),(0(?:\.\d+)?|1(?:\.0+)?)$/
  )
  return m ? { x: Number(m[1]), y: Number(m[2]) } : null
}

/**
 * Sends the photos, caption, visibility and tags to the API. Tags sit on the
 * first photo where the shopper clicked (with JavaScript); without it, or for
 * a product not placed, spread left to right.
 */
export async function action({ request }: ActionFunctionArgs) {
  const token = await getCustomerToken(request)
  if (!token) return redirect("/account/login?redirect_to=/feed/new")
  let form: FormData
  try {
    form = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: 11_000_000 })
    )
  } catch (e) {
    return {
      message:
        e instanceof MaxPartSizeExceededError
          ? "A photo is larger than 10 MB."
          : "We could not read that upload.",
    }
  }
  const images = form
    .getAll("images")
    .filter((f): f is File => f instanceof Blob && f.size > 0)
  if (!images.length) return { message: "Choose 1 to 6 photos." }
  if (images.length > 6) return { message: "A post has at most 6 photos." }
  const tagged = form.getAll("tag_product").map(String).slice(0, 10)
  const out = new FormData()
  for (const img of images) out.append("images", img, img.name || "photo.jpg")
  out.append("caption", String(form.get("caption") ?? ""))
  out.append(
    "visibility",
    form.get("visibility") === "followers" ? "followers" : "public"
  )
  out.append(
    "tags",
    JSON.stringify(
      tagged.map((product_id, i) => ({
        image: 0,
        ...(placed(form, product_id) ?? {
          x: Math.round(((i + 1) / (tagged.length + 1)) * 100) / 100,
          y: 0.5,
        }),
        product_id,
      }))
    )
  )
  try {
    const post = await createPost(token, out)
    if (post.status === "pending")
      return {
        message:
          "Thanks! Your post waits for a moderator's approval before others see it.",
      }
    // a post without tags: the post page offers what visual search finds in
    // the photos (for its author only) to tag with one click
    return redirect(`/posts/${post.id}${tagged.length ? "" : "?suggest=1"}`)
  } catch (e) {
    if (e instanceof SocialError) return { message: e.message }
    throw e
  }
}

export default function NewPostPage() {
  const { q, products } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const busy = useNavigation().state === "submitting"
  // click-to-place (JavaScript only): the first photo's preview, the products
  // ticked, the one the next click places, and where each was placed
  const [preview, setPreview] = useState<string | null>(null)
  const [ticked, setTicked] = useState<string[]>([])
  const [active, setActive] = useState<string | null>(null)
  const [spots, setSpots] = useState<Record<string, { x: number; y: number }>>(
    {}
  )
  useEffect(
    () => () => void (preview && URL.revokeObjectURL(preview)),
    [preview]
  )
  const place = (e: MouseEvent<HTMLDivElement>) => {
    if (!active) return
    const r = e.currentTarget.getBoundingClientRect()
    const at = (v: number) =>
      Math.round(Math.min(1, Math.max(0, v)) * 1000) / 1000
    setSpots({
      ...spots,
      [active]: {
        x: at((e.clientX - r.left) / r.width),
        y: at((e.clientY - r.top) / r.height),
      },
    })
    const next = ticked.find((id) => id !== active && !spots[id])
    setActive(next ?? null)
  }
  const title = (id: string) => products.find((p) => p.id === id)?.title ?? id
  return (
    <section className="composer">
      <h1>Share an outfit</h1>
      <Form method="get" className="composer__search">
        <label htmlFor="q">Find products to tag</label>
        <input
          id="q"
          name="q"
          defaultValue={q}
          placeholder="e.g. denim jacket"
        />
        <button type="submit" className="button button--small button--ghost">
          Search
        </button>
      </Form>
      <Form
        method="post"
        encType="multipart/form-data"
        className="composer__form"
      >
        <label htmlFor="images">Photos (1–6, up to 10 MB each)</label>
        <input
          id="images"
          name="images"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          multiple
          required
          data-testid="composer-images"
          onChange={(e) => {
            const f = e.currentTarget.files?.[0]
            setPreview(f ? URL.createObjectURL(f) : null)
          }}
        />
        {preview && ticked.length > 0 && (
          <div className="composer__place">
            <p className="muted" data-testid="place-hint">
              {active
                ? `Click the photo where “${title(active)}” is.`
                : "All placed. Click a product below to move it."}
            </p>
            <div
              className="look__image composer__preview"
              onClick={place}
              data-testid="composer-preview"
              role="presentation"
            >
              <img src={preview} alt="Your first photo" />
              {ticked
                .filter((id) => spots[id])
                .map((id, k) => (
                  <span
                    key={id}
                    className="hotspot"
                    style={{
                      left: `${spots[id].x * 100}%`,
                      top: `${spots[id].y * 100}%`,
                    }}
                    title={title(id)}
                    data-testid="placed-dot"
                  >
                    <span aria-hidden="true">{k + 1}</span>
                  </span>
                ))}
            </div>
          </div>
        )}
        {ticked
          .filter((id) => spots[id])
          .map((id) => (
            <input
              key={id}
              type="hidden"
              name={`tag_at_${id}`}
              value={`${spots[id].x},${spots[id].y}`}
            />
          ))}
        <label htmlFor="caption">Caption (#hashtags welcome)</label>
        <textarea
          id="caption"
          name="caption"
          maxLength={2200}
          rows={3}
          data-testid="composer-caption"
        />
        <fieldset>
          <legend>Who can see it</legend>
          <label>
            <input
              type="radio"
              name="visibility"
              value="public"
              defaultChecked
            />{" "}
            Everyone
          </label>
          <label>
            <input type="radio" name="visibility" value="followers" /> Followers
            only
          </label>
        </fieldset>
        {products.length > 0 && (
          <fieldset>
            <legend>
              Tag products (on the first photo: tick one, then click where it
              is)
            </legend>
            <ul className="tag-picker">
              {products.map((p) => (
                <li key={p.id}>
                  <label>
                    <input
                      type="checkbox"
                      name="tag_product"
                      value={p.id}
                      data-testid="tag-product"
                      onChange={(e) => {
                        const on = e.currentTarget.checked
                        setTicked((t) =>
                          on ? [...t, p.id] : t.filter((id) => id !== p.id)
                        )
                        setActive(on ? p.id : null)
                      }}
                    />
                    {p.thumbnail && (
                      <img
                        src={p.thumbnail}
                        alt=""
                        width={48}
                        height={48}
                        loading="lazy"
                      />
                    )}
                    {p.title}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
        {q && !products.length && (
          <p className="muted">No products match “{q}”.</p>
        )}
        {result?.message && (
          <p className="field-error" role="alert">
            {result.message}
          </p>
        )}
        <button
          type="submit"
          className="button"
          disabled={busy}
          data-testid="composer-submit"
        >
          {busy ? "Posting…" : "Post"}
        </button>
      </Form>
    </section>
  )
}
