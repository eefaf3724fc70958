import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ImageSparkle } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Table, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { sdk } from "../../lib/sdk"

type Status = {
  embedder: { id: string | null; choice: string; note: string; dimensions: number | null }
  counts: { products: number; images: number; indexed: number; failed: number; pending_products: number }
  index: { size: number; mode: string; synced_until: string | null }
  progress: { running: boolean; total: number; done: number; failed: number; started_at: string | null; finished_at: string | null }
  last_errors: { product_id: string; image_url: string; error: string; attempts: number; at: string }[]
  near_copies: { neighbours: number; images: number; queued: number; decided: number; idle: boolean } | null
}

const VisualSearchPage = () => {
  const [status, setStatus] = useState<Status | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = () =>
    sdk.client.fetch<Status>("/admin/visual-search/status").then(setStatus, (e) => setError(e.message))
  useEffect(() => {
    load()
    const t = setInterval(load, 2000)
    return () => clearInterval(t)
  }, [])
  const reindex = async () => {
    try {
      await sdk.client.fetch("/admin/visual-search/reindex", { method: "POST", body: {} })
      toast.success("Reindex started")
      load()
    } catch (e: any) {
      toast.error(e.message)
    }
  }
  const p = status?.progress
  const pct = p && p.total ? Math.round((p.done / p.total) * 100) : 0
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h1">Visual search</Heading>
          <Text size="small" className="text-ui-fg-subtle">Photo search index: which embedder runs and how much of the catalogue it covers.</Text>
        </div>
        <Button size="small" onClick={reindex} disabled={!!p?.running}>{p?.running ? "Reindexing…" : "Reindex all"}</Button>
      </div>
      {error && <div className="px-6 py-4"><Text className="text-ui-fg-error">{error}</Text></div>}
      {status && (
        <>
          <div className="grid grid-cols-2 gap-4 px-6 py-4 md:grid-cols-5">
            <Stat label="Embedder" value={status.embedder.id ?? "—"} hint={`${status.embedder.choice}${status.embedder.note ? ` · ${status.embedder.note}` : ""}`} />
            <Stat label="Indexed images" value={`${status.counts.indexed} / ${status.counts.images}`} />
            <Stat label="Pending products" value={String(status.counts.pending_products)} />
            <Stat label="Failed images" value={String(status.counts.failed)} />
            <Stat
              label="In-memory index"
              value={`${status.index.size} (${status.index.mode})`}
              hint={status.near_copies ? `near copies: ${status.near_copies.decided.toLocaleString()} pairs decided ahead${status.near_copies.idle ? "" : `, ${status.near_copies.queued.toLocaleString()} photos to go`}` : undefined}
            />
          </div>
          <div className="px-6 py-4">
            <Text size="small" weight="plus">Reindex progress {p?.running ? <Badge color="blue" size="2xsmall">running</Badge> : null}</Text>
            <div className="bg-ui-bg-subtle mt-2 h-2 w-full overflow-hidden rounded" role="progressbar" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100}>
              <div className="bg-ui-fg-interactive h-2" style={{ width: `${pct}%` }} />
            </div>
            <Text size="xsmall" className="text-ui-fg-subtle mt-1">{p?.total ? `${p.done} / ${p.total} products · ${p.failed} failed images` : "No reindex has run in this process yet."}</Text>
          </div>
          {status.last_errors.length > 0 && (
            <div className="px-6 py-4">
              <Heading level="h2">Last errors</Heading>
              <Table>
                <Table.Header><Table.Row><Table.HeaderCell>Product</Table.HeaderCell><Table.HeaderCell>Image</Table.HeaderCell><Table.HeaderCell>Error</Table.HeaderCell><Table.HeaderCell>Attempts</Table.HeaderCell></Table.Row></Table.Header>
                <Table.Body>
                  {status.last_errors.map((e) => (
                    <Table.Row key={e.image_url}><Table.Cell>{e.product_id}</Table.Cell><Table.Cell className="max-w-xs truncate">{e.image_url}</Table.Cell><Table.Cell>{e.error}</Table.Cell><Table.Cell>{e.attempts}</Table.Cell></Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )}
        </>
      )}
    </Container>
  )
}

const Stat = ({ label, value, hint }: { label: string; value: string; hint?: string }) => (
  <div>
    <Text size="xsmall" className="text-ui-fg-subtle">{label}</Text>
    <Text weight="plus">{value}</Text>
    {hint && <Text size="xsmall" className="text-ui-fg-muted">{hint}</Text>}
  </div>
)

export const config = defineRouteConfig({ label: "Visual search", icon: ImageSparkle })

export default VisualSearchPage
