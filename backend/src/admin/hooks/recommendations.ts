import { toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"

export type RecStatus = {
  model: {
    id: string
    trained_at: string
    shoppers: number
    items: number
  } | null
  signals: {
    total: number
    shoppers: number
    products: number
    by_kind: Record<string, number>
  }
  coverage: {
    published_products: number
    with_neighbours: number
    share: number
  }
}
export type RecRule = {
  id: string
  action: "boost" | "exclude"
  target: "collection" | "category" | "tag"
  target_id: string
  weight: number
  note: string | null
  created_at: string
}
export type RecList = {
  recommendations: {
    id: string
    kind: "product" | "outfit"
    score: number
    reason: string
    items: {
      slot: string | null
      product: { id: string; title: string; thumbnail: string | null } | null
      variant: {
        size: string | null
        calculated_price: number
        currency_code: string
      } | null
      owned: boolean
    }[]
    missing?: { slot: string; reason: string }[]
  }[]
  filtered_out: Record<string, number>
  took_ms: number
}

/** Every recommendations query starts with "recommendations", so one invalidation refreshes them all. */
export const recKeys = {
  all: ["recommendations"] as const,
  status: ["recommendations", "status"] as const,
  rules: ["recommendations", "rules"] as const,
  preview: (q: Record<string, unknown>) =>
    ["recommendations", "preview", q] as const,
}

export const useRecStatus = () =>
  useQuery({
    queryKey: recKeys.status,
    queryFn: () => sdk.client.fetch<RecStatus>("/admin/recommendations/status"),
  })

export const useRecRules = () =>
  useQuery({
    queryKey: recKeys.rules,
    queryFn: () =>
      sdk.client.fetch<{ rules: RecRule[] }>("/admin/recommendations/rules"),
  })

export const usePreview = (q: {
  customer_id: string
  region_id: string
  kind: "product" | "outfit"
  limit: number
}) =>
  useQuery({
    queryKey: recKeys.preview(q),
    enabled: !!q.customer_id && !!q.region_id,
    queryFn: () =>
      sdk.client.fetch<RecList>("/admin/recommendations/preview", {
        query: q,
      }),
  })

/** Customers to preview as, found by email. */
export const useCustomerSearch = (q: string) =>
  useQuery({
    queryKey: ["recommendations", "customers", q],
    queryFn: () =>
      sdk.admin.customer.list({ q, limit: 20, fields: "id,email" }),
  })

export const useRegions = () =>
  useQuery({
    queryKey: ["recommendations", "regions"],
    queryFn: () => sdk.admin.region.list({ limit: 50, fields: "id,name" }),
  })

export const useTrain = () => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () =>
      sdk.client.fetch<{
        model: { shoppers: number; items: number; trained_at: string }
      }>("/admin/recommendations/train", { method: "POST" }),
    onSuccess: ({ model }) => {
      toast.success(
        `Trained on ${model.shoppers} shoppers and ${model.items} products`
      )
      client.invalidateQueries({ queryKey: recKeys.all })
    },
    onError: (e: Error) => toast.error(e.message),
  })
}

export const useCreateRule = () => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: {
      action: RecRule["action"]
      target: RecRule["target"]
      target_id: string
      weight?: number
      note?: string | null
    }) =>
      sdk.client.fetch<{ rule: RecRule }>("/admin/recommendations/rules", {
        method: "POST",
        body,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: recKeys.all }),
    onError: (e: Error) => toast.error(e.message),
  })
}

export const useDeleteRule = () => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) =>
      sdk.client.fetch(`/admin/recommendations/rules/${id}`, {
        method: "DELETE",
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: recKeys.all }),
    onError: (e: Error) => toast.error(e.message),
  })
}
