import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node"
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react"
import { RecPanel } from "~/components/RecPanel"
import { WardrobeNav } from "~/components/WardrobeNav"
import { getRecommendations } from "~/lib/data/recommendations.server"
import { getRegion } from "~/lib/data/regions.server"
import {
  deleteItem,
  getItem,
  logItemWear,
  photoPath,
  updateItem,
} from "~/lib/data/wardrobe.server"
import { loginIfExpired, requireShopper } from "~/lib/wardrobe-auth.server"

export const meta: MetaFunction = () => [{ title: "Wardrobe item — CuratorAI" }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = await requireShopper(request)
  const res = await getItem(token, params.id!)
  loginIfExpired(res.status)
  if (!res.ok)
    throw new Response("This item is not in your wardrobe.", { status: 404 })
  const q = new URL(request.url).searchParams
  const item = res.body.wardrobe_item
  // "Complete this look": outfits built around this item, asked for with a button (each list is stored)
  const complete =
    q.get("complete") === "1"
      ? await getRecommendations(token, {
          regionId: (await getRegion(request)).region.id,
          kind: "outfit",
          limit: 3,
          anchor: { wardrobe_item_id: params.id! },
        })
          .then((l) => l.recommendations)
          .catch(() => [])
      : null
  return {
    complete,
    item: {
      ...item,
      photo: photoPath(item.image_url),
      cutout: photoPath(item.cutout_url),
    },
    isNew: q.get("new") === "1",
    similar: (q.get("similar") ?? "").split(",").filter(Boolean).slice(0, 3),
    today: new Date().toISOString().slice(0, 10),
  }
}

/** Confirm/correct tags, log a wear, or delete — each a plain form post. */
export async function action({ request, params }: ActionFunctionArgs) {
  const token = await requireShopper(request)
  const form = await request.formData()
  const intent = form.get("intent")
  if (intent === "wear") {
    const res = await logItemWear(
      token,
      params.id!,
      String(form.get("date") ?? "")
    )
    loginIfExpired(res.status)
    return res.ok
      ? {
          ok: res.body.logged ? "Wear logged." : "Already logged for that day.",
        }
      : { error: res.body.message ?? "Could not log the wear." }
  }
  if (intent === "delete") {
    const res = await deleteItem(token, params.id!)
    loginIfExpired(res.status)
    return res.ok
      ? redirect("/wardrobe")
      : { error: "Could not delete the item." }
  }
  const fields: Record<string, unknown> = {}
  for (const k of [
    "article_type",
    "colour",
    "brand",
    "size",
    "currency_code",
    "acquired_at",
    "notes",
  ]) {
    const v = String(form.get(k) ?? "").trim()
    if (v) fields[k] = v
  }
  const price = String(form.get("price_paid") ?? "").trim()
  if (price) fields.price_paid = Number(price)
  fields.archived = form.get("archived") === "on"
  const res = await updateItem(token, params.id!, fields)
  loginIfExpired(res.status)
  return res.ok
    ? { ok: "Saved." }
    : { error: res.body.message ?? "Could not save." }
}

export default function Item() {
  const { item, isNew, similar, today, complete } =
    useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const s = item.suggestions
  return (
    <div className="wardrobe">
      <h1>{item.article_type ?? "Your item"}</h1>
      <WardrobeNav />
      <div className="wardrobe-item">
        <div className="wardrobe-item__photos">
          {item.cutout ? (
            <img
              src={item.cutout}
              alt={`Cut-out of your ${item.article_type ?? "item"}`}
              width={320}
            />
          ) : null}
          {item.photo && item.photo !== item.cutout ? (
            <img src={item.photo} alt="Your original photo" width={160} />
          ) : null}
        </div>
        <div>
          {isNew ? (
            <p className="notice" role="status">
              We tagged your photo. Check the suggestions and save.
            </p>
          ) : null}
          {result && "ok" in result ? (
            <p role="status" className="notice">
              {result.ok}
            </p>
          ) : null}
          {result && "error" in result ? (
            <p role="alert" className="error">
              {result.error}
            </p>
          ) : null}
          <dl className="wardrobe-cpw" data-testid="cost-per-wear">
            <dt>Worn</dt>
            <dd>
              {item.wear_count ?? 0} {item.wear_count === 1 ? "time" : "times"}
            </dd>
            <dt>Cost per wear</dt>
            <dd>
              {item.cost_per_wear != null
                ? `${item.cost_per_wear.toFixed(2)} ${item.currency_code?.toUpperCase() ?? ""}`
                : "—"}
            </dd>
          </dl>
          <Form method="post" className="wardrobe-tags" data-testid="item-form">
            <label>
              Type
              <input
                name="article_type"
                defaultValue={item.article_type ?? ""}
                list="type-suggestions"
              />
              <datalist id="type-suggestions">
                {s?.article_type.map((x) => (
                  <option key={x.value} value={x.value} />
                ))}
              </datalist>
            </label>
            {s?.article_type.length ? (
              <p className="hint">
                Suggested:{" "}
                {s.article_type
                  .map((x) => `${x.value} (${Math.round(x.confidence * 100)}%)`)
                  .join(", ")}
              </p>
            ) : null}
            <label>
              Colour
              <input
                name="colour"
                defaultValue={item.colour ?? ""}
                list="colour-suggestions"
              />
              <datalist id="colour-suggestions">
                {s?.colour.map((x) => (
                  <option key={x.value} value={x.value} />
                ))}
              </datalist>
            </label>
            {s?.colour.length ? (
              <p className="hint">
                Suggested:{" "}
                {s.colour
                  .map((x) => `${x.value} (${Math.round(x.confidence * 100)}%)`)
                  .join(", ")}
              </p>
            ) : null}
            <label>
              Brand <input name="brand" defaultValue={item.brand ?? ""} />
            </label>
            <label>
              Size <input name="size" defaultValue={item.size ?? ""} />
            </label>
            <label>
              Price paid{" "}
              <input
                name="price_paid"
                type="number"
                min="0"
                step="0.01"
                defaultValue={item.price_paid ?? ""}
              />
            </label>
            <label>
              Currency{" "}
              <input
                name="currency_code"
                defaultValue={item.currency_code ?? "eur"}
                maxLength={3}
              />
            </label>
            <label>
              Bought on{" "}
              <input
                name="acquired_at"
                type="date"
                defaultValue={item.acquired_at?.slice(0, 10) ?? ""}
              />
            </label>
            <label>
              <input
                type="checkbox"
                name="archived"
                defaultChecked={item.archived}
              />{" "}
              Archived
            </label>
            <button type="submit" name="intent" value="save" className="button">
              Save tags
            </button>
          </Form>
          <Form method="post" className="wardrobe-wear">
            <label>
              Worn on{" "}
              <input type="date" name="date" defaultValue={today} required />
            </label>
            <button
              type="submit"
              name="intent"
              value="wear"
              className="button button--small"
            >
              Log a wear
            </button>
          </Form>
          {item.wears?.length ? (
            <ul className="wardrobe-wears" aria-label="Days worn">
              {item.wears.map((w) => (
                <li key={w.id}>{w.worn_on}</li>
              ))}
            </ul>
          ) : null}
          {similar.length ? (
            <section aria-label="Shop similar">
              <h2>Shop similar</h2>
              <ul>
                {similar.map((h) => (
                  <li key={h}>
                    <Link to={`/products/${h}`}>
                      {h.replace(/-\d+$/, "").replace(/-/g, " ")}
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ) : item.product_id ? null : (
            <p>
              <Link to="/search">Find similar products by photo</Link>
            </p>
          )}
          <Form
            method="post"
            onSubmit={(e) => {
              if (!confirm("Delete this item and its photos?"))
                e.preventDefault()
            }}
          >
            <button
              type="submit"
              name="intent"
              value="delete"
              className="button button--ghost button--small"
            >
              Delete item
            </button>
          </Form>
        </div>
      </div>
      <Form method="get" className="complete-look">
        <input type="hidden" name="complete" value="1" />
        <button type="submit" className="button button--small">
          Complete this look
        </button>
      </Form>
      {complete &&
        (complete.length ? (
          <RecPanel
            title="Complete this look"
            recs={complete}
            testId="complete-this-look"
          />
        ) : (
          <p>
            Nothing in the shop completes this item in your size and budget yet.
          </p>
        ))}
    </div>
  )
}
