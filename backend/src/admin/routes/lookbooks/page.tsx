import { defineRouteConfig } from "@medusajs/admin-sdk"
import { PhotoSolid } from "@medusajs/icons"
import {
  Badge,
  Button,
  Container,
  createDataTableColumnHelper,
  DataTable,
  type DataTablePaginationState,
  Heading,
  Input,
  Label,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import {
  type LookbookRow,
  useCreateLookbook,
  useLookbooks,
} from "../../hooks/lookbooks"

const PAGE_SIZE = 20
const column = createDataTableColumnHelper<LookbookRow>()
const columns = [
  column.accessor("title", {
    header: "Title",
    cell: ({ row }) => (
      <div>
        <Link to={`/lookbooks/${row.original.id}`}>{row.original.title}</Link>
        <Text size="xsmall" className="text-ui-fg-subtle">
          /{row.original.handle}
        </Text>
      </div>
    ),
  }),
  column.accessor("status", {
    header: "Status",
    cell: ({ getValue }) => (
      <Badge
        size="2xsmall"
        color={getValue() === "published" ? "green" : "grey"}
      >
        {getValue()}
      </Badge>
    ),
  }),
  column.accessor("look_count", { header: "Looks" }),
  column.accessor("sales_channels", {
    header: "Sales channels",
    cell: ({ getValue }) =>
      getValue()
        .map((c) => c.name)
        .join(", ") || "—",
  }),
]

const LookbooksPage = () => {
  const navigate = useNavigate()
  const [title, setTitle] = useState("")
  const [pagination, setPagination] = useState<DataTablePaginationState>({
    pageSize: PAGE_SIZE,
    pageIndex: 0,
  })
  const { data, isLoading } = useLookbooks(
    PAGE_SIZE,
    pagination.pageIndex * PAGE_SIZE
  )
  const create = useCreateLookbook()
  const table = useDataTable({
    columns,
    data: data?.lookbooks ?? [],
    getRowId: (row) => row.id,
    rowCount: data?.count ?? 0,
    isLoading,
    pagination: { state: pagination, onPaginationChange: setPagination },
    onRowClick: (_event, row) => navigate(`/lookbooks/${row.id}`),
  })
  const submit = (e: React.FormEvent) => {
    e.preventDefault()
    create.mutate(title, {
      onSuccess: (lookbook) => navigate(`/lookbooks/${lookbook.id}`),
    })
  }
  return (
    <Container className="divide-y p-0">
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex items-center justify-between px-6 py-4">
          <div>
            <Heading level="h1">Lookbooks</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Curated looks whose hotspots sell the products in them.
            </Text>
          </div>
          <form onSubmit={submit} className="flex items-end gap-2">
            <div>
              <Label htmlFor="new-lookbook" size="xsmall">
                New lookbook title
              </Label>
              <Input
                id="new-lookbook"
                size="small"
                value={title}
                onChange={(e) => setTitle(e.target.value)}
                placeholder="Spring edit"
                required
              />
            </div>
            <Button
              size="small"
              type="submit"
              disabled={!title.trim()}
              isLoading={create.isPending}
            >
              Create
            </Button>
          </form>
        </DataTable.Toolbar>
        <DataTable.Table
          emptyState={{ empty: { heading: "No lookbooks yet" } }}
        />
        <DataTable.Pagination />
      </DataTable>
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Lookbooks",
  icon: PhotoSolid,
})

export default LookbooksPage
