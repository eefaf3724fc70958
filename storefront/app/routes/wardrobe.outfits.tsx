import type {
  ActionFunctionArgs,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node"
import { Form, useActionData, useLoaderData } from "@remix-run/react"
import { WardrobeNav } from "~/components/WardrobeNav"
import {
  createOutfit,
  deleteOutfit,
  listItems,
  listOutfits,
  logOutfitWear,
  photoPath,
} from "~/lib/data/wardrobe.server"
import { loginIfExpired, requireShopper } from "~/lib/wardrobe-auth.server"

export const meta: MetaFunction = () => [{ title: "Outfits — CuratorAI" }]

export async function loader({ request }: LoaderFunctionArgs) {
  const token = await requireShopper(request)
  const [outfits, items] = await Promise.all([
    listOutfits(token),
    listItems(token, { limit: "100", archived: "false" }),
  ])
  loginIfExpired(outfits.status)
  return {
    outfits: (outfits.body.outfits ?? []).map((o) => ({
      ...o,
      collage: photoPath(o.collage_url),
    })),
    items: (items.body.wardrobe_items ?? []).map((i) => ({
      id: i.id,
      label: [i.colour, i.article_type].filter(Boolean).join(" ") || "Item",
      photo: photoPath(i.cutout_url ?? i.image_url),
    })),
    today: new Date().toISOString().slice(0, 10),
  }
}

/**
 * The builder: tick items and give each a position (1 = first); without
 * JavaScript the positions are plain number fields.
 */
export async function action({ request }: ActionFunctionArgs) {
  const token = await requireShopper(request)
  const form = await request.formData()
  const intent = form.get("intent")
  if (intent === "wear" || intent === "delete") {
    const id = String(form.get("outfit_id") ?? "")
    const res =
      intent === "wear"
        ? await logOutfitWear(token, id, String(form.get("date") ?? ""))
        : await deleteOutfit(token, id)
    loginIfExpired(res.status)
    return res.ok
      ? {
          ok:
            intent === "wear"
              ? "Wear logged for every piece."
              : "Outfit deleted.",
        }
      : { error: (res.body as any).message ?? "That did not work." }
  }
  const picked = form.getAll("item").map(String)
  const order = (id: string) => Number(form.get(`position_${id}`)) || 99
  const items = picked
    .sort((a, b) => order(a) - order(b))
    .map((wardrobe_item_id) => ({ wardrobe_item_id }))
  const name = String(form.get("name") ?? "").trim()
  if (!name) return { error: "Give the outfit a name." }
  if (!items.length) return { error: "Pick at least one item." }
  const res = await createOutfit(token, { name, items })
  loginIfExpired(res.status)
  return res.ok
    ? { ok: `Outfit “${res.body.outfit.name}” saved.` }
    : { error: res.body.message ?? "Could not save the outfit." }
}

export default function Outfits() {
  const { outfits, items, today } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  return (
    <div className="wardrobe">
      <h1>Outfits</h1>
      <WardrobeNav />
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
      <ul className="outfit-list" data-testid="outfits">
        {outfits.map((o) => (
          <li key={o.id} className="outfit-card" data-testid="outfit">
            <h2>{o.name}</h2>
            {o.collage ? (
              <img src={o.collage} alt={`Collage of ${o.name}`} width={300} />
            ) : null}
            <p>{o.items.length} pieces</p>
            <Form method="post" className="inline-form">
              <input type="hidden" name="outfit_id" value={o.id} />
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
              <button
                type="submit"
                name="intent"
                value="delete"
                className="button button--ghost button--small"
              >
                Delete
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <h2>Build an outfit</h2>
      <Form
        method="post"
        className="outfit-builder"
        data-testid="outfit-builder"
      >
        <label>
          Name <input name="name" required />
        </label>
        <fieldset>
          <legend>Pieces (tick, then number the order)</legend>
          <ul className="wardrobe-grid wardrobe-grid--small">
            {items.map((i) => (
              <li key={i.id} className="wardrobe-card">
                <label>
                  <input type="checkbox" name="item" value={i.id} />
                  {i.photo ? (
                    <img
                      src={i.photo}
                      alt=""
                      width={100}
                      height={100}
                      loading="lazy"
                    />
                  ) : null}
                  <span>{i.label}</span>
                </label>
                <label className="position">
                  Position{" "}
                  <input
                    type="number"
                    name={`position_${i.id}`}
                    min={1}
                    max={12}
                    size={2}
                  />
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <button type="submit" name="intent" value="create" className="button">
          Save outfit
        </button>
      </Form>
    </div>
  )
}
