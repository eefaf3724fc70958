import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node"
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react"
import { Price } from "~/components/Price"
import { SetToCartForm } from "~/components/SetToCartForm"
import { getOrCreateCart } from "~/lib/data/cart.server"
import {
  getAvailabilityById,
  type VariantAvailability,
} from "~/lib/data/products.server"
import {
  getRecommendations,
  sendFeedback,
  type Recommendation,
} from "~/lib/data/recommendations.server"
import { getRegion } from "~/lib/data/regions.server"
import {
  addSetToCart,
  describeRefusal,
  pickedItems,
} from "~/lib/data/set-cart.server"
import { getCustomerToken } from "~/lib/session.server"

export const meta: MetaFunction = () => [{ title: "For you — CuratorAI" }]

const OCCASIONS = ["Casual", "Smart Casual", "Formal", "Sports", "Party"]
const SEASONS = ["Spring", "Summer", "Fall", "Winter"]
const REASONS = [
  ["not_my_style", "Not my style"],
  ["too_expensive", "Too expensive"],
  ["wrong_size", "Wrong size"],
  ["own_similar", "I own something similar"],
] as const

export async function loader({ request }: LoaderFunctionArgs) {
  const token = await getCustomerToken(request)
  if (!token) return { loggedIn: false as const }
  const { region } = await getRegion(request)
  const url = new URL(request.url)
  const occasion = OCCASIONS.find((o) => o === url.searchParams.get("occasion"))
  const season = SEASONS.find((s) => s === url.searchParams.get("season"))
  const [outfits, products] = await Promise.all([
    getRecommendations(token, {
      regionId: region.id,
      kind: "outfit",
      limit: 6,
      occasion,
      season,
    }),
    getRecommendations(token, {
      regionId: region.id,
      kind: "product",
      limit: 12,
      occasion,
      season,
    }),
  ])
  // the sizes a shopper can pick per outfit piece, in this region
  const ids = [
    ...new Set(
      outfits.recommendations.flatMap((r) =>
        r.items.filter((i) => !i.owned && i.product).map((i) => i.product!.id)
      )
    ),
  ]
  const sizes: Record<string, VariantAvailability[]> = Object.fromEntries(
    await Promise.all(
      ids.map(async (id) => [id, await getAvailabilityById(id, region.id)])
    )
  )
  return {
    loggedIn: true as const,
    outfits: outfits.recommendations,
    products: products.recommendations,
    sizes,
    occasion: occasion ?? null,
    season: season ?? null,
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const token = await getCustomerToken(request)
  if (!token) throw redirect("/account/login")
  const form = await request.formData()
  const recId = String(form.get("rec_id") ?? "")
  if (!/^rec_\w+$/.test(recId))
    return Response.json(
      { rec_id: null, messages: ["Unknown recommendation"] },
      { status: 400 }
    )
  if (form.get("intent") === "feedback") {
    const rating = form.get("rating")
    if (rating !== "like" && rating !== "dislike")
      return Response.json(
        { rec_id: recId, messages: ["Choose like or dislike"] },
        { status: 400 }
      )
    const reason = String(form.get("reason") ?? "")
    await sendFeedback(
      token,
      recId,
      rating,
      rating === "dislike" && REASONS.some(([r]) => r === reason)
        ? reason
        : undefined
    )
    return redirect(new URL(request.url).pathname + new URL(request.url).search)
  }
  const items = pickedItems(form)
  if (!items.length)
    return Response.json(
      { rec_id: recId, messages: ["Choose a size for at least one piece"] },
      { status: 400 }
    )
  const { region } = await getRegion(request)
  const { cart, setCookie } = await getOrCreateCart(request, region.id)
  const headers = new Headers()
  if (setCookie) headers.append("Set-Cookie", setCookie)
  const result = await addSetToCart(
    { type: "outfit", id: recId },
    cart.id,
    items,
    token
  )
  if (result.ok) return redirect("/cart", { headers })
  const names = new Map(
    items.map((i) => [
      i.product_id,
      String(form.get(`title.${i.product_id}`) ?? ""),
    ])
  )
  const messages = result.items.some((i) => !i.ok)
    ? [
        ...result.items
          .filter((i) => !i.ok)
          .map((i) => describeRefusal(i, names)),
        "Nothing was added: your cart is unchanged.",
      ]
    : [result.message]
  return Response.json(
    { rec_id: recId, messages },
    { status: result.status === 409 ? 409 : 400, headers }
  )
}

function Chips({
  name,
  values,
  current,
  other,
}: {
  name: "occasion" | "season"
  values: string[]
  current: string | null
  other: [string, string | null]
}) {
  const href = (v: string | null) => {
    const q = new URLSearchParams()
    if (v) q.set(name, v)
    if (other[1]) q.set(other[0], other[1])
    const s = q.toString()
    return s ? `?${s}` : "/for-you"
  }
  return (
    <nav
      aria-label={name === "occasion" ? "Occasion" : "Season"}
      className="chips"
    >
      <ul>
        <li>
          <Link
            to={href(null)}
            aria-current={current ? undefined : "true"}
            className="chip"
          >
            Any {name}
          </Link>
        </li>
        {values.map((v) => (
          <li key={v}>
            <Link
              to={href(current === v ? null : v)}
              aria-current={current === v ? "true" : undefined}
              className={current === v ? "chip chip--on" : "chip"}
              data-testid={`chip-${name}`}
            >
              {v}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}

function Feedback({ rec, label }: { rec: Recommendation; label: string }) {
  return (
    <Form
      method="post"
      className="rec-feedback"
      aria-label={`Feedback on ${label}`}
    >
      <input type="hidden" name="intent" value="feedback" />
      <input type="hidden" name="rec_id" value={rec.id} />
      <button
        type="submit"
        name="rating"
        value="like"
        className="button button--small"
      >
        Like
      </button>
      <label className="visually-hidden" htmlFor={`reason-${rec.id}`}>
        Why not {label}?
      </label>
      <select id={`reason-${rec.id}`} name="reason" defaultValue="not_my_style">
        {REASONS.map(([v, t]) => (
          <option key={v} value={v}>
            {t}
          </option>
        ))}
      </select>
      <button
        type="submit"
        name="rating"
        value="dislike"
        className="button button--small button--ghost"
        data-testid="dislike"
      >
        Dislike
      </button>
    </Form>
  )
}

function Piece({ item }: { item: Recommendation["items"][number] }) {
  if (!item.product) return null
  return (
    <li
      className="rec-piece"
      data-testid="rec-item"
      data-product-id={item.product.id}
    >
      <Link
        to={`/products/${item.product.handle}`}
        className="rec-piece__media"
      >
        {item.product.thumbnail ? (
          <img
            src={item.product.thumbnail}
            alt={item.product.title}
            loading="lazy"
            width={300}
            height={400}
          />
        ) : (
          <span
            className="product-card__placeholder"
            role="img"
            aria-label={item.product.title}
          />
        )}
      </Link>
      <div className="rec-piece__text">
        <span className="rec-piece__slot">{item.slot.replace("_", " ")}</span>
        <Link to={`/products/${item.product.handle}`}>
          {item.product.title}
        </Link>
        {item.owned ? (
          <span className="rec-piece__owned">In your wardrobe</span>
        ) : item.variant ? (
          <span>
            Size{" "}
            <strong data-testid="rec-size">
              {item.variant.size ?? "one size"}
            </strong>{" "}
            ·{" "}
            <Price
              amount={item.variant.calculated_price}
              currencyCode={item.variant.currency_code}
            />
          </span>
        ) : null}
      </div>
    </li>
  )
}

export default function ForYou() {
  const data = useLoaderData<typeof loader>()
  const result = useActionData<{ rec_id: string | null; messages: string[] }>()
  if (!data.loggedIn)
    return (
      <section className="for-you" data-testid="for-you-login">
        <h1>For you</h1>
        <p>
          Log in to see outfits and pieces picked for your size, budget and
          style. <Link to="/account/login">Log in</Link> or{" "}
          <Link to="/account/register">create an account</Link>.
        </p>
      </section>
    )
  const { outfits, products, sizes, occasion, season } = data
  return (
    <section className="for-you" data-testid="for-you">
      <h1>For you</h1>
      <Chips
        name="occasion"
        values={OCCASIONS}
        current={occasion}
        other={["season", season]}
      />
      <Chips
        name="season"
        values={SEASONS}
        current={season}
        other={["occasion", occasion]}
      />

      <h2>Outfits</h2>
      {outfits.length === 0 && (
        <p>No complete outfit fits your size and budget here yet.</p>
      )}
      <div className="rec-outfits">
        {outfits.map((rec, n) => (
          <article
            key={rec.id}
            className="rec-card rec-card--outfit"
            data-testid="outfit-card"
            data-rec-id={rec.id}
            aria-labelledby={`outfit-${rec.id}`}
          >
            <h3 id={`outfit-${rec.id}`}>Outfit {n + 1}</h3>
            <p className="rec-card__reason" data-testid="rec-reason">
              {rec.reason}
            </p>
            <ul className="rec-pieces">
              {rec.items.map((i, k) => (
                <Piece key={k} item={i} />
              ))}
            </ul>
            {rec.missing?.length ? (
              <p className="rec-card__missing">
                Left out:{" "}
                {rec.missing.map((m) => `${m.slot} (${m.reason})`).join(", ")}
              </p>
            ) : null}
            <SetToCartForm
              hidden={{ intent: "add_outfit", rec_id: rec.id }}
              label="Add outfit to cart"
              testId="add-outfit-form"
              messages={result?.rec_id === rec.id ? result.messages : null}
              pieces={rec.items
                .filter((i) => !i.owned && i.product)
                .map((i) => ({
                  productId: i.product!.id,
                  title: i.product!.title,
                  defaultVariantId: i.variant?.id ?? null,
                  sizes: (sizes[i.product!.id] ?? []).map((v) => ({
                    variantId: v.id,
                    size: v.size ?? "one size",
                    inStock: v.in_stock,
                  })),
                }))}
            />
            <Feedback rec={rec} label={`outfit ${n + 1}`} />
          </article>
        ))}
      </div>

      <h2>Pieces for you</h2>
      <div className="rec-products">
        {products.map((rec) => (
          <article
            key={rec.id}
            className="rec-card"
            data-testid="product-rec"
            data-rec-id={rec.id}
          >
            <ul className="rec-pieces">
              {rec.items.map((i, k) => (
                <Piece key={k} item={i} />
              ))}
            </ul>
            <p className="rec-card__reason" data-testid="rec-reason">
              {rec.reason}
            </p>
            <Feedback
              rec={rec}
              label={rec.items[0]?.product?.title ?? "this piece"}
            />
          </article>
        ))}
      </div>
    </section>
  )
}
