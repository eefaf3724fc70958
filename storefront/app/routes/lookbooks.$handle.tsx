import {
  data as withHeaders,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node"
import { useLoaderData } from "@remix-run/react"
import { useState } from "react"
import { AddLookForm } from "~/components/AddLookForm"
import {
  HotspotProductCard,
  type HotspotProduct,
} from "~/components/HotspotProductCard"
import { LookHotspot } from "~/components/LookHotspot"
import {
  getLookbook,
  recordLookbookEvent,
  type LookProduct,
} from "~/lib/data/lookbooks.server"
import { getRegion } from "~/lib/data/regions.server"
import { commitSession, getSession } from "~/lib/session.server"

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.lookbook.title} — Lookbooks — CuratorAI`
      : "Not found — CuratorAI",
  },
  { name: "description", content: data?.lookbook.description ?? "" },
]

function toProduct(p: LookProduct): HotspotProduct {
  return {
    id: p.id,
    title: p.title,
    handle: p.handle,
    thumbnail: p.thumbnail,
    variants: p.variants.map((v) => ({
      id: v.id,
      size: v.size ?? v.title,
      price: v.calculated_price,
      currency: v.currency_code,
      inStock: v.in_stock,
    })),
  }
}

export async function loader({ params, request }: LoaderFunctionArgs) {
  const { region } = await getRegion(request)
  const lookbook = await getLookbook(params.handle ?? "", region.id)
  if (!lookbook) throw new Response("Not found", { status: 404 })

  // Without JavaScript a hotspot is a link: ?look=&spot= renders its card open.
  const url = new URL(request.url)
  const openLook = lookbook.looks.find(
    (l) => l.id === url.searchParams.get("look")
  )
  const openSpot = openLook?.hotspots.find(
    (h) => h.id === url.searchParams.get("spot")
  )
  // Fire-and-forget analytics: a hotspot link records the opening; a plain page view records each look once.
  if (openLook && openSpot) {
    recordLookbookEvent(lookbook.id, {
      type: "hotspot_opened",
      look_id: openLook.id,
      product_id: openSpot.product.id,
    })
  } else {
    for (const look of lookbook.looks)
      recordLookbookEvent(lookbook.id, {
        type: "look_viewed",
        look_id: look.id,
      })
  }

  const session = await getSession(request)
  const flash = session.get("lookbook_flash") ?? null

  const data = {
    lookbook: {
      id: lookbook.id,
      title: lookbook.title,
      handle: lookbook.handle,
      description: lookbook.description,
      looks: lookbook.looks.map((look) => {
        const products = new Map<string, HotspotProduct>()
        const defaults: Record<string, string> = {}
        for (const h of look.hotspots) {
          if (products.has(h.product.id)) continue
          products.set(h.product.id, toProduct(h.product))
          const preferred = h.product.variants.find(
            (v) => v.id === h.variant_id && v.in_stock
          )
          const first = preferred ?? h.product.variants.find((v) => v.in_stock)
          if (first) defaults[h.product.id] = first.id
        }
        return {
          id: look.id,
          title: look.title,
          image_url: look.image_url,
          hotspots: look.hotspots.map((h) => ({
            id: h.id,
            x: h.x,
            y: h.y,
            product_id: h.product.id,
            title: h.product.title,
          })),
          products: [...products.values()],
          defaults,
        }
      }),
    },
    open:
      openLook && openSpot
        ? { lookId: openLook.id, spotId: openSpot.id }
        : null,
    flash,
    regionName: region.name,
  }
  // Reading a flash consumes it: commit the session so it shows once.
  return withHeaders(
    data,
    flash
      ? { headers: { "Set-Cookie": await commitSession(session) } }
      : undefined
  )
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>
type LookData = LoaderData["lookbook"]["looks"][number]

/** Tells the backend, through our resource route, that a hotspot was opened in place. Failures are ignored. */
function recordOpened(lookbookId: string, lookId: string, productId: string) {
  const body = new URLSearchParams({
    lookbook_id: lookbookId,
    look_id: lookId,
    product_id: productId,
  })
  fetch("/api/lookbooks/events", {
    method: "POST",
    body,
    keepalive: true,
  }).catch(() => undefined)
}

function LookSection({
  look,
  lookbook,
  initialSpot,
  flash,
}: {
  look: LookData
  lookbook: LoaderData["lookbook"]
  initialSpot: string | null
  flash: LoaderData["flash"]
}) {
  const [spotId, setSpotId] = useState<string | null>(initialSpot)
  const spot = look.hotspots.find((h) => h.id === spotId)
  const product = spot
    ? look.products.find((p) => p.id === spot.product_id)
    : undefined
  const heading = look.title ?? "Look"
  return (
    <section
      className="look"
      id={`look-${look.id}`}
      aria-labelledby={`look-title-${look.id}`}
      data-testid="look"
    >
      <h2 id={`look-title-${look.id}`}>{heading}</h2>
      <div className="look__body">
        <figure className="look__figure">
          <div className="look__image">
            <img
              src={look.image_url}
              alt={`${heading}: ${look.products.map((p) => p.title).join(", ")}`}
              width={600}
              height={800}
            />
            {look.hotspots.map((h) => (
              <LookHotspot
                key={h.id}
                lookId={look.id}
                spotId={h.id}
                x={h.x}
                y={h.y}
                title={h.title}
                open={h.id === spotId}
                onOpen={() => {
                  setSpotId(h.id)
                  recordOpened(lookbook.id, look.id, h.product_id)
                }}
              />
            ))}
          </div>
          <figcaption className="visually-hidden">
            Select a marker on the image to see the product.
          </figcaption>
        </figure>
        <div className="look__side">
          {product ? (
            <HotspotProductCard
              key={product.id}
              product={product}
              id={`spot-card-${look.id}`}
            />
          ) : (
            <p className="look__hint" id={`spot-card-${look.id}`}>
              Select a marker on the photo to see the piece.
            </p>
          )}
          <AddLookForm
            lookbookId={lookbook.id}
            lookId={look.id}
            handle={lookbook.handle}
            products={look.products}
            defaults={look.defaults}
            flash={flash && flash.look_id === look.id ? flash : null}
          />
        </div>
      </div>
    </section>
  )
}

export default function LookbookPage() {
  const { lookbook, open, flash } = useLoaderData<typeof loader>()
  return (
    <div className="lookbook">
      <h1>{lookbook.title}</h1>
      {lookbook.description && <p className="lede">{lookbook.description}</p>}
      {lookbook.looks.map((look) => (
        <LookSection
          key={look.id + (open?.lookId === look.id ? open.spotId : "")}
          look={look}
          lookbook={lookbook}
          initialSpot={open?.lookId === look.id ? open.spotId : null}
          flash={flash}
        />
      ))}
    </div>
  )
}
