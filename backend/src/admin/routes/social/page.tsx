import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChartBar } from "@medusajs/icons"
import { Container, Heading, Select, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { useSocialOverview } from "../../hooks/social-overview"

const Bar = ({ value, max }: { value: number; max: number }) => (
  <div className="flex items-center gap-2">
    <div
      className="bg-ui-fg-interactive h-2 rounded"
      style={{ width: `${max ? Math.max(2, (value / max) * 120) : 2}px` }}
    />
    <Text size="xsmall">{value}</Text>
  </div>
)

const Thumb = ({ url }: { url: string | null | undefined }) =>
  url ? (
    <img
      src={url}
      alt=""
      width={40}
      height={40}
      loading="lazy"
      className="h-10 w-10 rounded object-cover"
    />
  ) : null

/** The social feed at a glance: activity per day, the most engaging posts, and the posts that sell. */
const SocialOverviewPage = () => {
  const [days, setDays] = useState(14)
  const { data, isLoading, error } = useSocialOverview(days)
  const max = (k: "posts" | "likes" | "comments" | "active_posters") =>
    Math.max(0, ...(data?.per_day ?? []).map((d) => d[k]))

  return (
    <div className="flex flex-col gap-4">
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <div>
            <Heading level="h1">Social overview</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {data
                ? `${data.totals.posts} posts, ${data.totals.likes} likes, ${data.totals.comments} comments in the last ${data.days} days`
                : isLoading
                  ? "Loading…"
                  : (error as Error | null)?.message}
            </Text>
          </div>
          <Select
            value={String(days)}
            onValueChange={(v) => setDays(Number(v))}
            size="small"
          >
            <Select.Trigger>
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="7">Last 7 days</Select.Item>
              <Select.Item value="14">Last 14 days</Select.Item>
              <Select.Item value="30">Last 30 days</Select.Item>
            </Select.Content>
          </Select>
        </div>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Day (UTC)</Table.HeaderCell>
              <Table.HeaderCell>Posts</Table.HeaderCell>
              <Table.HeaderCell>Likes</Table.HeaderCell>
              <Table.HeaderCell>Comments</Table.HeaderCell>
              <Table.HeaderCell>Active posters</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {(data?.per_day ?? []).map((d) => (
              <Table.Row key={d.day}>
                <Table.Cell>{d.day}</Table.Cell>
                <Table.Cell>
                  <Bar value={d.posts} max={max("posts")} />
                </Table.Cell>
                <Table.Cell>
                  <Bar value={d.likes} max={max("likes")} />
                </Table.Cell>
                <Table.Cell>
                  <Bar value={d.comments} max={max("comments")} />
                </Table.Cell>
                <Table.Cell>
                  <Bar value={d.active_posters} max={max("active_posters")} />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Container>
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h2">Top posts</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            By likes + 2 × comments + saves, posted in the window.
          </Text>
        </div>
        <Table>
          <Table.Body>
            {(data?.top_posts ?? []).map((p) => (
              <Table.Row key={p.id}>
                <Table.Cell>
                  <div className="flex items-center gap-3 py-1">
                    <Thumb url={p.image_url} />
                    <div>
                      <Text size="small" weight="plus">
                        @{p.handle ?? "?"}
                      </Text>
                      <Text size="xsmall" className="text-ui-fg-subtle">
                        {p.caption || "—"}
                      </Text>
                    </div>
                  </div>
                </Table.Cell>
                <Table.Cell>
                  {p.likes_count} likes · {p.comments_count} comments ·{" "}
                  {p.saves_count} saves
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Container>
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h2">Posts driving add-to-carts</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Cart lines added from a post ("Add these to cart"), and the order
            lines they became.
          </Text>
        </div>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Post</Table.HeaderCell>
              <Table.HeaderCell>Units added</Table.HeaderCell>
              <Table.HeaderCell>Carts</Table.HeaderCell>
              <Table.HeaderCell>Order lines</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {(data?.add_to_cart_posts ?? []).map((c) => (
              <Table.Row key={c.post_id}>
                <Table.Cell>
                  <div className="flex items-center gap-3 py-1">
                    <Thumb url={c.post?.image_url} />
                    <Text size="small">
                      @{c.post?.handle ?? "?"} · {c.post?.caption || c.post_id}
                    </Text>
                  </div>
                </Table.Cell>
                <Table.Cell>{c.units}</Table.Cell>
                <Table.Cell>{c.carts}</Table.Cell>
                <Table.Cell>{c.order_lines}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        {data && !data.add_to_cart_posts.length && (
          <Text size="small" className="text-ui-fg-subtle px-6 py-4">
            No cart line came from a post in this window.
          </Text>
        )}
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Social overview",
  icon: ChartBar,
})

export default SocialOverviewPage
