import { toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"

export type ReportGroup = {
  target_type: "post" | "comment" | "profile"
  target_id: string
  report_count: number
  last_reported_at: string
  reasons: string[]
  /** a post has caption/image_url, a comment text/post_id, a profile handle */
  target: {
    id: string
    customer_id: string
    status: string
    caption?: string
    image_url?: string | null
    text?: string
    post_id?: string
    handle?: string
    display_name?: string
  } | null
}
export type PendingPost = {
  id: string
  customer_id: string
  handle: string | null
  caption: string
  visibility: string
  image_url: string | null
  created_at: string
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
  pending: (limit: number, offset: number) =>
    ["moderation", "pending", limit, offset] as const,
  settings: ["moderation", "settings"] as const,
}

export const usePending = (limit: number, offset: number) =>
  useQuery({
    queryKey: moderationKeys.pending(limit, offset),
    queryFn: () =>
      sdk.client.fetch<{ posts: PendingPost[]; count: number }>(
        "/admin/moderation/pending",
        { query: { limit, offset } }
      ),
  })

export const useSocialSettings = () =>
  useQuery({
    queryKey: moderationKeys.settings,
    queryFn: () =>
      sdk.client.fetch<{ settings: { premoderation: boolean } }>(
        "/admin/social/settings"
      ),
  })

/** Turns pre-moderation on or off. */
export const useSaveSocialSettings = () => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (settings: { premoderation: boolean }) =>
      sdk.client.fetch("/admin/social/settings", {
        method: "POST",
        body: settings,
      }),
    onSuccess: () => {
      toast.success("Saved")
      return client.invalidateQueries({ queryKey: moderationKeys.all })
    },
    onError: (e: Error) => toast.error(e.message),
  })
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
  | {
      kind: "post"
      id: string
      action: "hide" | "restore" | "approve" | "delete"
    }
  | { kind: "comment"; id: string; action: "hide" | "restore" | "delete" }
  | { kind: "customer"; id: string; action: "warn" | "ban" | "unban" }

const PATH = { post: "posts", comment: "comments", customer: "customers" }

/** A moderation action on a post, a comment or a shopper; the queue and the audit trail refresh after it. */
export const useModerate = () => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ kind, id, action }: Act) =>
      sdk.client.fetch(`/admin/moderation/${PATH[kind]}/${id}`, {
        method: "POST",
        body: { action },
      }),
    onSuccess: (_r, act) => {
      toast.success(`Done: ${act.action}`)
      return client.invalidateQueries({ queryKey: moderationKeys.all })
    },
    onError: (e: Error) => toast.error(e.message),
  })
}
