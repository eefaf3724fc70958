import type { MetaFunction } from "@remix-run/node"
import { useLoaderData } from "@remix-run/react"
import { LookbookList } from "~/components/LookbookCard"
import { listLookbooks } from "~/lib/data/lookbooks.server"

export const meta: MetaFunction = () => [{ title: "Lookbooks — CuratorAI" }]

export async function loader() {
  return { lookbooks: await listLookbooks() }
}

export default function Lookbooks() {
  const { lookbooks } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Lookbooks</h1>
      <p className="lede">
        Complete outfits put together by our stylists. Open a look, tap a piece,
        pick your sizes, add the whole look.
      </p>
      <LookbookList lookbooks={lookbooks} />
    </>
  )
}
