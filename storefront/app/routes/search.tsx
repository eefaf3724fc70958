import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type MetaFunction,
} from "@remix-run/node"
import { Form, useActionData, useNavigation } from "@remix-run/react"
import { z } from "zod"
import { ProductGrid } from "~/components/ProductGrid"
import type { ProductCardData } from "~/components/ProductCard"
import { getRegion } from "~/lib/data/regions.server"
import {
  visualSearch,
  type VisualSearchResponse,
} from "~/lib/data/visual-search.server"

export const meta: MetaFunction = () => [
  { title: "Search by photo — CuratorAI" },
]

const SIZES = ["XS", "S", "M", "L", "XL", "XXL"]
const TOO_LARGE = "That photo is larger than 10 MB"
const NOT_A_PHOTO = "That file isn't a photo we can read (JPEG, PNG or WebP)"

const budget = z.preprocess(
  (v) => (v === "" || v == null ? undefined : v),
  z.coerce
    .number({ invalid_type_error: "Enter an amount" })
    .min(0, "Must be 0 or more")
    .max(100_000)
    .optional()
)
const FieldsSchema = z
  .object({
    size: z.preprocess(
      (v) => (v === "" || v == null ? undefined : v),
      z.string().max(10).optional()
    ),
    min_price: budget,
    max_price: budget,
  })
  .refine(
    (f) =>
      f.min_price == null || f.max_price == null || f.min_price <= f.max_price,
    {
      path: ["max_price"],
      message: "The maximum must be at least the minimum",
    }
  )

type ActionData =
  | {
      ok: false
      message: string
      fields?: Record<string, string[] | undefined>
    }
  | {
      ok: true
      products: ProductCardData[]
      filteredOut: VisualSearchResponse["filtered_out"]
      embedder: string
      tookMs: number
    }

export async function action({
  request,
}: ActionFunctionArgs): Promise<ActionData> {
  let form: FormData
  try {
    // In memory only, and only for this request: the photo is never written anywhere.
    form = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: 11_000_000 })
    )
  } catch (e) {
    if (e instanceof MaxPartSizeExceededError)
      return { ok: false, message: TOO_LARGE }
    return {
      ok: false,
      message: "We could not read that upload. Please try again.",
    }
  }
  const fields = FieldsSchema.safeParse({
    size: form.get("size"),
    min_price: form.get("min_price"),
    max_price: form.get("max_price"),
  })
  if (!fields.success) {
    return {
      ok: false,
      message: "Please check the highlighted fields.",
      fields: fields.error.flatten().fieldErrors,
    }
  }
  const image = form.get("image")
  if (!(image instanceof Blob) || image.size === 0)
    return { ok: false, message: "Choose a photo to search with." }
  if (image.size > 10 * 1024 * 1024) return { ok: false, message: TOO_LARGE }

  const { region } = await getRegion(request)
  const outcome = await visualSearch(image, (image as File).name ?? "photo", {
    regionId: region.id,
    size: fields.data.size,
    minPrice: fields.data.min_price,
    maxPrice: fields.data.max_price,
    limit: 24,
  })
  if (!outcome.ok) {
    const message =
      outcome.status === 415
        ? NOT_A_PHOTO
        : outcome.status === 413
          ? TOO_LARGE
          : outcome.status === 429
            ? "Too many searches just now — please wait a minute and try again."
            : outcome.status === 400
              ? outcome.message
              : "Photo search is unavailable right now. Please try again in a moment."
    return { ok: false, message }
  }
  const { data } = outcome
  return {
    ok: true,
    products: data.results.map((r) => {
      const priced = r.variants.filter((v) => v.calculated_price != null)
      const cheapest = priced.reduce<(typeof priced)[number] | null>(
        (b, v) => (!b || v.calculated_price! < b.calculated_price! ? v : b),
        null
      )
      return {
        id: r.product.id,
        title: r.product.title,
        handle: r.product.handle,
        thumbnail: r.product.thumbnail,
        price: cheapest
          ? {
              amount: cheapest.calculated_price!,
              currency: cheapest.currency_code ?? "",
            }
          : null,
        sizes: r.variants
          .filter((v) => v.in_stock)
          .map((v) => v.size ?? v.title),
      }
    }),
    filteredOut: data.filtered_out,
    embedder: data.embedder,
    tookMs: data.took_ms,
  }
}

function FilteredOut({ f }: { f: VisualSearchResponse["filtered_out"] }) {
  const parts = [
    f.out_of_stock && `${f.out_of_stock} out of stock`,
    f.no_size && `${f.no_size} not in your size`,
    f.over_budget && `${f.over_budget} outside your budget`,
    f.not_in_region && `${f.not_in_region} not sold in your region`,
  ].filter(Boolean)
  return parts.length ? (
    <>Close matches we left out: {parts.join(", ")}.</>
  ) : null
}

export default function PhotoSearch() {
  const result = useActionData<typeof action>()
  const navigation = useNavigation()
  const busy = navigation.state === "submitting"
  const fieldErrors = result && !result.ok ? result.fields : undefined
  return (
    <div className="photo-search">
      <h1>Search by photo</h1>
      <p className="lede">
        Snap or upload a photo of something you like. We show similar pieces you
        can buy in your region, size and budget. Your photo is not stored.
      </p>
      <Form
        method="post"
        encType="multipart/form-data"
        className="filters photo-search__form"
        aria-label="Search by photo"
      >
        <div className="field">
          <label htmlFor="image">Photo</label>
          <input
            id="image"
            name="image"
            type="file"
            accept="image/*"
            capture="environment"
            required
          />
        </div>
        <div className="field">
          <label htmlFor="size">Size</label>
          <select id="size" name="size" defaultValue="">
            <option value="">Any size</option>
            {SIZES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="min_price">Min budget</label>
          <input
            id="min_price"
            name="min_price"
            type="number"
            min={0}
            step="any"
            inputMode="decimal"
            aria-invalid={!!fieldErrors?.min_price}
          />
          {fieldErrors?.min_price && (
            <p className="field-error">{fieldErrors.min_price[0]}</p>
          )}
        </div>
        <div className="field">
          <label htmlFor="max_price">Max budget</label>
          <input
            id="max_price"
            name="max_price"
            type="number"
            min={0}
            step="any"
            inputMode="decimal"
            aria-invalid={!!fieldErrors?.max_price}
          />
          {fieldErrors?.max_price && (
            <p className="field-error">{fieldErrors.max_price[0]}</p>
          )}
        </div>
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Searching…" : "Search"}
        </button>
      </Form>
      {result && !result.ok && (
        <p
          className="notice notice--error"
          role="alert"
          data-testid="search-error"
        >
          {result.message}
        </p>
      )}
      {result?.ok && (
        <section aria-labelledby="results-title" data-testid="search-results">
          <h2 id="results-title">Similar pieces</h2>
          {result.products.length === 0 ? (
            <p className="notice" role="status" data-testid="search-empty">
              Nothing we can sell you in that size/budget looks like this — try
              widening the budget. <FilteredOut f={result.filteredOut} />
            </p>
          ) : (
            <>
              <ProductGrid products={result.products} label="Similar pieces" />
              <p className="fine-print">
                <FilteredOut f={result.filteredOut} />
              </p>
            </>
          )}
          <p className="fine-print" data-testid="search-meta">
            Matched by {result.embedder} in {result.tookMs} ms
          </p>
        </section>
      )}
    </div>
  )
}
