import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ImageSparkle } from "@medusajs/icons"
import {
  Badge,
  Button,
  Container,
  createDataTableColumnHelper,
  DataTable,
  Heading,
  Text,
  useDataTable,
} from "@medusajs/ui"
import {
  useReindex,
  useVisualSearchStatus,
  type VisualSearchStatus,
} from "../../hooks/visual-search"

type IndexError = VisualSearchStatus["last_errors"][number]
const column = createDataTableColumnHelper<IndexError>()
const errorColumns = [
  column.accessor("product_id", { header: "Product" }),
  column.accessor("image_url", {
    header: "Image",
    cell: ({ getValue }) => (
      <span className="block max-w-xs truncate">{getValue()}</span>
    ),
  }),
  column.accessor("error", { header: "Error" }),
  column.accessor("attempts", { header: "Attempts" }),
]

const VisualSearchPage = () => {
  const { data: status, error } = useVisualSearchStatus()
  const reindex = useReindex()
  const p = status?.progress
  const pct = p && p.total ? Math.round((p.done / p.total) * 100) : 0
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h1">Visual search</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Photo search index: which embedder runs and how much of the
            catalogue it covers.
          </Text>
        </div>
        <Button
          size="small"
          onClick={() => reindex.mutate()}
          disabled={!!p?.running || reindex.isPending}
        >
          {p?.running ? "Reindexing…" : "Reindex all"}
        </Button>
      </div>
      {error && (
        <div className="px-6 py-4">
          <Text className="text-ui-fg-error">{error.message}</Text>
        </div>
      )}
      {status && (
        <>
          <div className="grid grid-cols-2 gap-4 px-6 py-4 md:grid-cols-5">
            <Stat
              label="Embedder"
              value={status.embedder.id ?? "—"}
              hint={`${status.embedder.choice}${status.embedder.note ? ` · ${status.embedder.note}` : ""}`}
            />
            <Stat
              label="Indexed images"
              value={`${status.counts.indexed} / ${status.counts.images}`}
            />
            <Stat
              label="Pending products"
              value={String(status.counts.pending_products)}
            />
            <Stat label="Failed images" value={String(status.counts.failed)} />
            <Stat
              label="In-memory index"
              value={`${status.index.size} (${status.index.mode})`}
              hint={
                status.near_copies
                  ? `near copies: ${status.near_copies.decided.toLocaleString()} pairs decided ahead${
                      status.near_copies.idle
                        ? ""
                        : `, ${status.near_copies.queued.toLocaleString()} photos to go`
                    }`
                  : undefined
              }
            />
          </div>
          <div className="px-6 py-4">
            <Text size="small" weight="plus">
              Reindex progress{" "}
              {p?.running ? (
                <Badge color="blue" size="2xsmall">
                  running
                </Badge>
              ) : null}
            </Text>
            <div
              className="bg-ui-bg-subtle mt-2 h-2 w-full overflow-hidden rounded"
              role="progressbar"
              aria-valuenow={pct}
              aria-valuemin={0}
              aria-valuemax={100}
            >
              <div
                className="bg-ui-fg-interactive h-2"
                style={{ width: `${pct}%` }}
              />
            </div>
            <Text size="xsmall" className="text-ui-fg-subtle mt-1">
              {p?.total
                ? `${p.done} / ${p.total} products · ${p.failed} failed images`
                : "No reindex has run in this process yet."}
            </Text>
          </div>
          {status.last_errors.length > 0 && (
            <LastErrors errors={status.last_errors} />
          )}
        </>
      )}
    </Container>
  )
}

const LastErrors = ({ errors }: { errors: IndexError[] }) => {
  const table = useDataTable({
    columns: errorColumns,
    data: errors,
    getRowId: (e) => e.image_url,
  })
  return (
    <DataTable instance={table}>
      <DataTable.Toolbar className="px-6 py-4">
        <Heading level="h2">Last errors</Heading>
      </DataTable.Toolbar>
      <DataTable.Table />
    </DataTable>
  )
}

const Stat = ({
  label,
  value,
  hint,
}: {
  label: string
  value: string
  hint?: string
}) => (
  <div>
    <Text size="xsmall" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text weight="plus">{value}</Text>
    {hint && (
      <Text size="xsmall" className="text-ui-fg-muted">
        {hint}
      </Text>
    )}
  </div>
)

export const config = defineRouteConfig({
  label: "Visual search",
  icon: ImageSparkle,
})

export default VisualSearchPage
