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

/** Sends the photos, caption, visibility and tags to the API; tags sit on the first photo, spread left to right. */
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
        x: Math.round(((i + 1) / (tagged.length + 1)) * 100) / 100,
        y: 0.5,
        product_id,
      }))
    )
  )
  try {
    const post = await createPost(token, out)
    return redirect(`/posts/${post.id}`)
  } catch (e) {
    if (e instanceof SocialError) return { message: e.message }
    throw e
  }
}

export default function NewPostPage() {
  const { q, products } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const busy = useNavigation().state === "submitting"
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
        />
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
            <legend>Tag products (on the first photo)</legend>
            <ul className="tag-picker">
              {products.map((p) => (
                <li key={p.id}>
                  <label>
                    <input
                      type="checkbox"
                      name="tag_product"
                      value={p.id}
                      data-testid="tag-product"
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
