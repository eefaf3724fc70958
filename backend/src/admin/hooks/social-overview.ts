import { useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"

export type SocialOverview = {
  days: number
  per_day: {
    day: string
    posts: number
    likes: number
    comments: number
    active_posters: number
  }[]
  totals: { posts: number; likes: number; comments: number }
  top_posts: {
    id: string
    handle: string | null
    caption: string
    likes_count: number
    comments_count: number
    saves_count: number
    image_url: string | null
    created_at: string
  }[]
  add_to_cart_posts: {
    post_id: string
    cart_lines: number
    units: number
    carts: number
    order_lines: number
    post: {
      id: string
      handle: string | null
      caption: string
      image_url: string | null
    } | null
  }[]
}

export const useSocialOverview = (days: number) =>
  useQuery({
    queryKey: ["social-overview", days],
    queryFn: () =>
      sdk.client.fetch<SocialOverview>("/admin/social/overview", {
        query: { days },
      }),
  })
