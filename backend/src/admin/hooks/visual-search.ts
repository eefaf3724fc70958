import { toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"

export type VisualSearchStatus = {
  embedder: {
    id: string | null
    choice: string
    note: string
    dimensions: number | null
  }
  counts: {
    products: number
    images: number
    indexed: number
    failed: number
    pending_products: number
  }
  index: { size: number; mode: string; synced_until: string | null }
  progress: {
    running: boolean
    total: number
    done: number
    failed: number
    started_at: string | null
    finished_at: string | null
  }
  last_errors: {
    product_id: string
    image_url: string
    error: string
    attempts: number
    at: string
  }[]
  near_copies: {
    neighbours: number
    images: number
    queued: number
    decided: number
    idle: boolean
  } | null
}

export type ProductIndexState = {
  embedder: string
  images: {
    url: string
    status: "indexed" | "failed" | "pending"
    error: string | null
    attempts: number
  }[]
  similar: {
    id: string
    title: string
    thumbnail: string | null
    score: number
  }[]
}

const statusKey = ["visual-search", "status"] as const

/** Index status, refreshed every 2 s: the catch-up job and a reindex change it while the page is open. */
export const useVisualSearchStatus = () =>
  useQuery({
    queryKey: statusKey,
    queryFn: () =>
      sdk.client.fetch<VisualSearchStatus>("/admin/visual-search/status"),
    refetchInterval: 2000,
  })

export const useReindex = () => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () =>
      sdk.client.fetch("/admin/visual-search/reindex", {
        method: "POST",
        body: {},
      }),
    onSuccess: () => {
      toast.success("Reindex started")
      return client.invalidateQueries({ queryKey: statusKey })
    },
    onError: (e: Error) => toast.error(e.message),
  })
}

export const useProductIndexState = (productId: string) =>
  useQuery({
    queryKey: ["visual-search", "product", productId],
    queryFn: () =>
      sdk.client.fetch<ProductIndexState>(
        `/admin/visual-search/products/${productId}`
      ),
  })
