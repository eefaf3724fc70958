import { toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"

export type ReportGroup = {
  target_type: "post" | "comment" | "profile"
  target_id: string
  report_count: number
  last_reported_at: string
  reasons: string[]
  target: {
    id: string
    customer_id: string
    caption: string
    status: string
    image_url: string | null
  } | null
}
export type AuditRow = {
  id: string
  user_id: string
  action: string
  target_type: string
  target_id: string
  note: string | null
  created_at: string
}

/** Query keys: every moderation query starts with "moderation", so one invalidation refreshes them all. */
export const moderationKeys = {
  all: ["moderation"] as const,
  reports: (order: string, limit: number, offset: number) =>
    ["moderation", "reports", order, limit, offset] as const,
  audit: (limit: number, offset: number) =>
    ["moderation", "audit", limit, offset] as const,
}

export const useReportQueue = (
  order: "newest" | "most_reported",
  limit: number,
  offset: number
) =>
  useQuery({
    queryKey: moderationKeys.reports(order, limit, offset),
    queryFn: () =>
      sdk.client.fetch<{ reports: ReportGroup[]; count: number }>(
        "/admin/moderation/reports",
        { query: { order, limit, offset } }
      ),
  })

export const useAudit = (limit: number, offset: number) =>
  useQuery({
    queryKey: moderationKeys.audit(limit, offset),
    queryFn: () =>
      sdk.client.fetch<{ actions: AuditRow[]; count: number }>(
        "/admin/moderation/audit",
        { query: { limit, offset } }
      ),
  })

type Act =
  | { kind: "post"; id: string; action: "hide" | "restore" | "delete" }
  | { kind: "customer"; id: string; action: "warn" | "ban" | "unban" }

/** A moderation action on a post or a shopper; the queue and the audit trail refresh after it. */
export const useModerate = () => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ kind, id, action }: Act) =>
      sdk.client.fetch(
        `/admin/moderation/${kind === "post" ? "posts" : "customers"}/${id}`,
        { method: "POST", body: { action } }
      ),
    onSuccess: (_r, act) => {
      toast.success(`Done: ${act.action}`)
      return client.invalidateQueries({ queryKey: moderationKeys.all })
    },
    onError: (e: Error) => toast.error(e.message),
  })
}
