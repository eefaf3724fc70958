import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type {
  AdminCustomer,
  DetailWidgetProps,
} from "@medusajs/framework/types"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"

type StyleProfileResponse = {
  style_profile: {
    sizes: Record<string, string>
    budget: {
      max_item: number | null
      min_item: number | null
      by_family: Record<string, number>
    }
    styles: string[]
    colours: { liked: string[]; disliked: string[] }
    brands: string[]
    gender: string | null
    country_code: string | null
  }
  has_profile: boolean
  updated_at: string | null
  likes: { product_id: string; source: string }[]
  wardrobe: { items: number; wears: number; value: Record<string, number> }
}

const Row = ({
  label,
  children,
}: {
  label: string
  children: React.ReactNode
}) => (
  <div className="grid grid-cols-[9rem_1fr] items-start gap-2 px-6 py-2">
    <Text size="small" weight="plus" className="text-ui-fg-subtle">
      {label}
    </Text>
    <div className="flex flex-wrap gap-1">{children}</div>
  </div>
)
const badges = (xs: string[], color: "grey" | "green" | "red" = "grey") =>
  xs.length ? (
    xs.map((x) => (
      <Badge key={x} size="2xsmall" color={color}>
        {x}
      </Badge>
    ))
  ) : (
    <Text size="small">—</Text>
  )

/** On the customer page: the shopper's style profile (sizes, budget, taste) and how many looks they liked. */
const CustomerStyleProfileWidget = ({
  data: customer,
}: DetailWidgetProps<AdminCustomer>) => {
  const { data, isLoading, isError } = useQuery({
    queryKey: ["customer-style-profile", customer.id],
    queryFn: () =>
      sdk.client.fetch<StyleProfileResponse>(
        `/admin/customers/${customer.id}/style-profile`
      ),
  })
  const p = data?.style_profile
  const money = (v: number | null | undefined) => (v == null ? "—" : String(v))
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Style profile</Heading>
        {data && (
          <Badge size="2xsmall" color={data.has_profile ? "green" : "grey"}>
            {data.has_profile ? "filled in" : "not filled in"}
          </Badge>
        )}
      </div>
      {isLoading && (
        <Text size="small" className="px-6 py-4">
          Loading…
        </Text>
      )}
      {isError && (
        <Text size="small" className="px-6 py-4 text-ui-fg-error">
          Could not load the style profile.
        </Text>
      )}
      {p && (
        <div className="py-2">
          <Row label="Sizes">
            {badges(Object.entries(p.sizes).map(([f, s]) => `${f} ${s}`))}
          </Row>
          <Row label="Budget per item">
            <Text size="small">
              {money(p.budget.min_item)} – {money(p.budget.max_item)}
              {p.country_code
                ? ` (${p.country_code.toUpperCase()} region currency)`
                : ""}
            </Text>
          </Row>
          {Object.keys(p.budget.by_family).length > 0 && (
            <Row label="Family budgets">
              {badges(
                Object.entries(p.budget.by_family).map(
                  ([f, v]) => `${f} ≤ ${v}`
                )
              )}
            </Row>
          )}
          <Row label="Styles">{badges(p.styles)}</Row>
          <Row label="Colours liked">{badges(p.colours.liked, "green")}</Row>
          <Row label="Colours avoided">{badges(p.colours.disliked, "red")}</Row>
          <Row label="Brands">{badges(p.brands)}</Row>
          <Row label="Shops for">
            <Text size="small">{p.gender ?? "—"}</Text>
          </Row>
          <Row label="Liked looks">
            <Text size="small">{data.likes.length} (from the style quiz)</Text>
          </Row>
          <Row label="Wardrobe">
            <Text size="small">
              {data.wardrobe.items} items, {data.wardrobe.wears} wears
              {Object.entries(data.wardrobe.value)
                .map(([cur, v]) => ` · ${v.toFixed(2)} ${cur.toUpperCase()}`)
                .join("")}
            </Text>
          </Row>
        </div>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "customer.details.after" })

export default CustomerStyleProfileWidget
