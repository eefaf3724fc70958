import type { LoaderFunctionArgs } from "@remix-run/node"
import { z } from "zod"
import { getRegion } from "~/lib/data/regions.server"
import { suggestSearch } from "~/lib/data/search.server"

const Query = z.object({ q: z.string().trim().min(1).max(100) })

/** Autocomplete for the header search box (resource route: JSON only). */
export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = Query.safeParse(
    Object.fromEntries(new URL(request.url).searchParams)
  )
  if (!parsed.success)
    return Response.json({ products: [], categories: [], brands: [] })
  const { region } = await getRegion(request)
  return Response.json(await suggestSearch(parsed.data.q, region.id))
}
