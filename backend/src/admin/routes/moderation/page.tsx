import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ExclamationCircle } from "@medusajs/icons"
import {
  Badge,
  Button,
  Container,
  createDataTableColumnHelper,
  DataTable,
  type DataTablePaginationState,
  Heading,
  Select,
  Switch,
  Text,
  useDataTable,
  usePrompt,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import {
  type AuditRow,
  type ReportGroup,
  type PendingPost,
  useAudit,
  useModerate,
  usePending,
  useReportQueue,
  useSaveSocialSettings,
  useSocialSettings,
} from "../../hooks/moderation"

const PAGE_SIZE = 20
const column = createDataTableColumnHelper<ReportGroup>()
const auditColumn = createDataTableColumnHelper<AuditRow>()
const pendingColumn = createDataTableColumnHelper<PendingPost>()
const auditColumns = [
  auditColumn.accessor("created_at", {
    header: "When",
    cell: ({ getValue }) => new Date(getValue()).toLocaleString(),
  }),
  auditColumn.accessor("user_id", { header: "Admin" }),
  auditColumn.accessor("action", { header: "Action" }),
  auditColumn.accessor("target_id", {
    header: "Target",
    cell: ({ row }) => `${row.original.target_type} ${row.original.target_id}`,
  }),
  auditColumn.accessor("note", {
    header: "Note",
    cell: ({ getValue }) => getValue() ?? "—",
  }),
]

const ModerationPage = () => {
  const prompt = usePrompt()
  const moderate = useModerate()
  const [order, setOrder] = useState<"newest" | "most_reported">(
    "most_reported"
  )
  const [pagination, setPagination] = useState<DataTablePaginationState>({
    pageSize: PAGE_SIZE,
    pageIndex: 0,
  })
  const [auditPage, setAuditPage] = useState<DataTablePaginationState>({
    pageSize: PAGE_SIZE,
    pageIndex: 0,
  })
  const { data, isLoading } = useReportQueue(
    order,
    PAGE_SIZE,
    pagination.pageIndex * PAGE_SIZE
  )
  const audit = useAudit(PAGE_SIZE, auditPage.pageIndex * PAGE_SIZE)
  const [pendingPage, setPendingPage] = useState<DataTablePaginationState>({
    pageSize: PAGE_SIZE,
    pageIndex: 0,
  })
  const pending = usePending(PAGE_SIZE, pendingPage.pageIndex * PAGE_SIZE)
  const settings = useSocialSettings()
  const saveSettings = useSaveSocialSettings()

  const confirmThen = async (
    title: string,
    description: string,
    run: () => void
  ) => {
    if (
      await prompt({
        title,
        description,
        confirmText: "Confirm",
        cancelText: "Cancel",
      })
    )
      run()
  }

  const columns = useMemo(
    () => [
      column.accessor("target_id", {
        header: "Reported",
        cell: ({ row }) => {
          const r = row.original
          return (
            <div className="flex items-center gap-3 py-2">
              {r.target?.image_url && (
                <img
                  src={r.target.image_url}
                  alt=""
                  width={48}
                  height={48}
                  className="h-12 w-12 rounded object-cover"
                  loading="lazy"
                />
              )}
              <div>
                <Text size="small" weight="plus">
                  {r.target_type} {r.target_id}
                </Text>
                <Text size="xsmall" className="text-ui-fg-subtle">
                  {r.target_type === "comment"
                    ? `“${r.target?.text ?? ""}”`
                    : r.target_type === "profile"
                      ? `@${r.target?.handle ?? "?"}`
                      : r.target?.caption || "—"}
                </Text>
              </div>
            </div>
          )
        },
      }),
      column.accessor("report_count", { header: "Reports" }),
      column.accessor("reasons", {
        header: "Reasons",
        cell: ({ getValue }) => [...new Set(getValue())].slice(0, 3).join("; "),
      }),
      column.accessor("target", {
        header: "Status",
        cell: ({ getValue }) => {
          const s = getValue()?.status
          return s ? (
            <Badge
              size="2xsmall"
              color={
                s === "visible" || s === "active"
                  ? "green"
                  : s === "hidden"
                    ? "orange"
                    : s === "banned"
                      ? "red"
                      : "grey"
              }
            >
              {s}
            </Badge>
          ) : (
            "—"
          )
        },
      }),
      column.display({
        id: "actions",
        header: "Actions",
        cell: ({ row }) => {
          const r = row.original
          if (!r.target) return null
          const target = r.target
          // posts and comments are hidden, restored or deleted; every target's author can be warned or banned
          const kind = r.target_type === "comment" ? "comment" : "post"
          return (
            <div className="flex gap-1">
              {r.target_type !== "profile" && (
                <>
                  <Button
                    size="small"
                    variant="secondary"
                    onClick={() =>
                      moderate.mutate({
                        kind,
                        id: target.id,
                        action: target.status === "hidden" ? "restore" : "hide",
                      })
                    }
                  >
                    {target.status === "hidden" ? "Restore" : "Hide"}
                  </Button>
                  <Button
                    size="small"
                    variant="secondary"
                    onClick={() =>
                      confirmThen(
                        `Delete this ${kind}?`,
                        "Shoppers will not see it again.",
                        () =>
                          moderate.mutate({
                            kind,
                            id: target.id,
                            action: "delete",
                          })
                      )
                    }
                  >
                    Delete
                  </Button>
                </>
              )}
              <Button
                size="small"
                variant="secondary"
                onClick={() =>
                  moderate.mutate({
                    kind: "customer",
                    id: target.customer_id,
                    action: "warn",
                  })
                }
              >
                Warn
              </Button>
              <Button
                size="small"
                variant="danger"
                onClick={() =>
                  confirmThen(
                    "Ban this shopper?",
                    "Their writes will be refused and their posts leave every feed.",
                    () =>
                      moderate.mutate({
                        kind: "customer",
                        id: target.customer_id,
                        action: "ban",
                      })
                  )
                }
              >
                Ban
              </Button>
            </div>
          )
        },
      }),
    ],
    [moderate]
  )

  const table = useDataTable({
    columns,
    data: data?.reports ?? [],
    getRowId: (row) => `${row.target_type}:${row.target_id}`,
    rowCount: data?.count ?? 0,
    isLoading,
    pagination: { state: pagination, onPaginationChange: setPagination },
  })
  const pendingColumns = useMemo(
    () => [
      pendingColumn.accessor("id", {
        header: "Post",
        cell: ({ row }) => (
          <div className="flex items-center gap-3 py-2">
            {row.original.image_url && (
              <img
                src={row.original.image_url}
                alt=""
                width={48}
                height={48}
                className="h-12 w-12 rounded object-cover"
                loading="lazy"
              />
            )}
            <div>
              <Text size="small" weight="plus">
                @{row.original.handle ?? "?"}
              </Text>
              <Text size="xsmall" className="text-ui-fg-subtle">
                {row.original.caption || "—"}
              </Text>
            </div>
          </div>
        ),
      }),
      pendingColumn.accessor("created_at", {
        header: "Posted",
        cell: ({ getValue }) => new Date(getValue()).toLocaleString(),
      }),
      pendingColumn.display({
        id: "actions",
        header: "Actions",
        cell: ({ row }) => (
          <div className="flex gap-1">
            <Button
              size="small"
              variant="secondary"
              onClick={() =>
                moderate.mutate({
                  kind: "post",
                  id: row.original.id,
                  action: "approve",
                })
              }
            >
              Approve
            </Button>
            <Button
              size="small"
              variant="secondary"
              onClick={() =>
                moderate.mutate({
                  kind: "post",
                  id: row.original.id,
                  action: "hide",
                })
              }
            >
              Reject
            </Button>
          </div>
        ),
      }),
    ],
    [moderate]
  )
  const pendingTable = useDataTable({
    columns: pendingColumns,
    data: pending.data?.posts ?? [],
    getRowId: (row) => row.id,
    rowCount: pending.data?.count ?? 0,
    isLoading: pending.isLoading,
    pagination: { state: pendingPage, onPaginationChange: setPendingPage },
  })
  const auditTable = useDataTable({
    columns: auditColumns,
    data: audit.data?.actions ?? [],
    getRowId: (row) => row.id,
    rowCount: audit.data?.count ?? 0,
    isLoading: audit.isLoading,
    pagination: { state: auditPage, onPaginationChange: setAuditPage },
  })

  return (
    <div className="flex flex-col gap-4">
      <Container className="divide-y p-0">
        <DataTable instance={table}>
          <DataTable.Toolbar className="flex items-center justify-between px-6 py-4">
            <div>
              <Heading level="h1">Moderation queue</Heading>
              <Text size="small" className="text-ui-fg-subtle">
                Open reports on feed posts, comments and profiles, grouped by
                what was reported.
              </Text>
            </div>
            <Select
              value={order}
              onValueChange={(v) => setOrder(v as typeof order)}
              size="small"
            >
              <Select.Trigger>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value="most_reported">
                  Most reported first
                </Select.Item>
                <Select.Item value="newest">Newest first</Select.Item>
              </Select.Content>
            </Select>
          </DataTable.Toolbar>
          <DataTable.Table
            emptyState={{ empty: { heading: "Nothing to review" } }}
          />
          <DataTable.Pagination />
        </DataTable>
      </Container>
      <Container className="divide-y p-0">
        <DataTable instance={pendingTable}>
          <DataTable.Toolbar className="flex items-center justify-between px-6 py-4">
            <div>
              <Heading level="h2">Waiting for approval</Heading>
              <Text size="small" className="text-ui-fg-subtle">
                With pre-moderation on, new posts wait here until approved.
              </Text>
            </div>
            <div className="flex items-center gap-2">
              <Switch
                id="premoderation"
                checked={settings.data?.settings.premoderation ?? false}
                disabled={settings.isLoading || saveSettings.isPending}
                onCheckedChange={(premoderation) =>
                  saveSettings.mutate({ premoderation })
                }
              />
              <Text size="small" asChild>
                <label htmlFor="premoderation">Pre-moderation</label>
              </Text>
            </div>
          </DataTable.Toolbar>
          <DataTable.Table
            emptyState={{ empty: { heading: "No posts waiting" } }}
          />
          <DataTable.Pagination />
        </DataTable>
      </Container>
      <Container className="divide-y p-0">
        <DataTable instance={auditTable}>
          <DataTable.Toolbar className="px-6 py-4">
            <Heading level="h2">Audit trail</Heading>
          </DataTable.Toolbar>
          <DataTable.Table
            emptyState={{ empty: { heading: "No moderation actions yet" } }}
          />
          <DataTable.Pagination />
        </DataTable>
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Moderation",
  icon: ExclamationCircle,
})

export default ModerationPage
