import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node"
import { Form, useActionData, useNavigation } from "@remix-run/react"
import { WardrobeNav } from "~/components/WardrobeNav"
import { addItem } from "~/lib/data/wardrobe.server"
import { loginIfExpired, requireShopper } from "~/lib/wardrobe-auth.server"
import { regionCookie } from "~/lib/cookies.server"

export const meta: MetaFunction = () => [
  { title: "Add to your wardrobe — CuratorAI" },
]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireShopper(request)
  return null
}

/** Uploads the photo; the item page then shows the suggested tags to confirm or correct. */
export async function action({ request }: ActionFunctionArgs) {
  const token = await requireShopper(request)
  const form = await request.formData()
  const image = form.get("image")
  if (!(image instanceof File) || image.size === 0)
    return { error: "Choose a photo of the item." }
  const out = new FormData()
  out.append("image", image, image.name || "photo.jpg")
  const region = await regionCookie.parse(request.headers.get("Cookie"))
  if (typeof region === "string" && region) out.append("region_id", region)
  const res = await addItem(token, out)
  loginIfExpired(res.status)
  if (!res.ok)
    return { error: res.body.message ?? "That photo could not be added." }
  const similar = (res.body.wardrobe_item.similar_products ?? [])
    .map((s) => s.product.handle)
    .join(",")
  return redirect(
    `/wardrobe/items/${res.body.wardrobe_item.id}?new=1${similar ? `&similar=${encodeURIComponent(similar)}` : ""}`
  )
}

export default function AddItem() {
  const data = useActionData<typeof action>()
  const busy = useNavigation().state === "submitting"
  return (
    <div className="wardrobe">
      <h1>Add an item</h1>
      <WardrobeNav />
      <p className="lede">
        Take or upload a photo of one garment. We suggest its type and colour;
        you confirm or correct them next.
      </p>
      <Form
        method="post"
        encType="multipart/form-data"
        className="wardrobe-add"
      >
        <label>
          Photo
          <input
            type="file"
            name="image"
            accept="image/jpeg,image/png,image/webp"
            capture="environment"
            required
            data-testid="wardrobe-photo"
          />
        </label>
        {data?.error ? (
          <p role="alert" className="error">
            {data.error}
          </p>
        ) : null}
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Tagging…" : "Add to wardrobe"}
        </button>
      </Form>
    </div>
  )
}
