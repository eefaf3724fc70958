import { toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"

export type LookbookRow = {
  id: string
  title: string
  handle: string
  status: string
  look_count: number
  publish_at: string | null
  sales_channels: { name: string }[]
}
export type Hotspot = {
  id?: string
  x: number
  y: number
  product_id: string
  variant_id?: string | null
  product?: { title: string; thumbnail: string | null }
}
export type Look = {
  id: string
  title: string
  image_url: string
  rank: number
  hotspots: Hotspot[]
}
export type Lookbook = {
  id: string
  title: string
  handle: string
  description: string | null
  status: "draft" | "published"
  publish_at: string | null
  unpublish_at: string | null
  looks: Look[]
  sales_channels: { id: string; name: string }[]
}
export type LookbookAnalytics = {
  looks: {
    look_id: string
    views: number
    hotspot_opens: number
    adds_to_cart: number
    conversion: number
  }[]
}

/** Query keys: every lookbook query starts with "lookbooks", so one invalidation refreshes them all. */
export const lookbookKeys = {
  all: ["lookbooks"] as const,
  list: (limit: number, offset: number) =>
    ["lookbooks", "list", limit, offset] as const,
  detail: (id: string) => ["lookbooks", "detail", id] as const,
  analytics: (id: string) => ["lookbooks", "detail", id, "analytics"] as const,
}

export const useLookbooks = (limit: number, offset: number) =>
  useQuery({
    queryKey: lookbookKeys.list(limit, offset),
    queryFn: () =>
      sdk.client.fetch<{ lookbooks: LookbookRow[]; count: number }>(
        "/admin/lookbooks",
        {
          query: { limit, offset },
        }
      ),
  })

export const useLookbook = (id: string) =>
  useQuery({
    queryKey: lookbookKeys.detail(id),
    queryFn: () =>
      sdk.client
        .fetch<{ lookbook: Lookbook }>(`/admin/lookbooks/${id}`)
        .then((r) => r.lookbook),
  })

export const useLookbookAnalytics = (id: string) =>
  useQuery({
    queryKey: lookbookKeys.analytics(id),
    queryFn: () =>
      sdk.client.fetch<LookbookAnalytics>(`/admin/lookbooks/${id}/analytics`),
  })

/** Creates a lookbook sold in every sales channel (the admin narrows them later). */
export const useCreateLookbook = () => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: async (title: string) => {
      const { sales_channels } = await sdk.admin.salesChannel.list({
        limit: 50,
      })
      const { lookbook } = await sdk.client.fetch<{ lookbook: { id: string } }>(
        "/admin/lookbooks",
        {
          method: "POST",
          body: { title, sales_channel_ids: sales_channels.map((c) => c.id) },
        }
      )
      return lookbook
    },
    onSuccess: () => client.invalidateQueries({ queryKey: lookbookKeys.all }),
    onError: (e: Error) => toast.error(e.message),
  })
}

type Call = {
  path: string
  method: "POST" | "DELETE"
  body?: Record<string, unknown>
}

/**
 * Any write to one lookbook (details, status, looks, hotspots, order). The
 * routes that answer with the lookbook refresh its cached copy directly; the
 * others (deletes) make it refetch. Errors are shown as a toast.
 */
export const useLookbookWrite = (id: string) => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ path, method, body }: Call) =>
      sdk.client.fetch<{ lookbook?: Lookbook }>(path, { method, body }),
    onSuccess: (res, call) => {
      if (res?.lookbook)
        client.setQueryData(lookbookKeys.detail(id), res.lookbook)
      // a deleted lookbook is not refetched (that would 404 while the page navigates away)
      const deleted =
        call.method === "DELETE" && call.path === `/admin/lookbooks/${id}`
      return client.invalidateQueries({
        queryKey: lookbookKeys.all,
        refetchType: deleted ? "none" : "active",
      })
    },
    onError: (e: Error) => toast.error(e.message),
  })
}

/** Uploads a look image through Medusa's file module, then adds it as a look without hotspots. */
export const useAddLook = (id: string) => {
  const write = useLookbookWrite(id)
  return useMutation({
    mutationFn: async (file: File) => {
      const { files } = await sdk.admin.upload.create({ files: [file] })
      return write.mutateAsync({
        path: `/admin/lookbooks/${id}/looks`,
        method: "POST",
        body: {
          title: file.name.replace(/\.[^.]+$/, ""),
          image_url: files[0].url,
          hotspots: [],
        },
      })
    },
    onError: (e: Error) => toast.error(e.message),
  })
}

export type ProductHit = { id: string; title: string; thumbnail: string | null }

/** Catalogue search for placing a hotspot (only while a spot is being placed). */
export const useProductSearch = (q: string, enabled: boolean) =>
  useQuery({
    queryKey: ["products", "hotspot-search", q],
    queryFn: () =>
      sdk.admin.product
        .list({ q: q || undefined, limit: 8, fields: "id,title,thumbnail" })
        .then((r) => r.products as ProductHit[]),
    enabled,
  })

export type ProductLook = {
  id: string
  title: string
  image_url: string
  lookbook: { id: string; title: string; status: string }
}

/** Looks whose hotspots feature a product (product page widget). */
export const useProductLooks = (productId: string) =>
  useQuery({
    queryKey: ["lookbooks", "product", productId],
    queryFn: () =>
      sdk.client
        .fetch<{ looks: ProductLook[] }>(`/admin/products/${productId}/looks`)
        .then((r) => r.looks),
  })
