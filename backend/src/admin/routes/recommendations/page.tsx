import { defineRouteConfig } from "@medusajs/admin-sdk"
import { LightBulb } from "@medusajs/icons"
import {
  Badge,
  Button,
  Container,
  Heading,
  Input,
  Select,
  Table,
  Text,
} from "@medusajs/ui"
import { useState } from "react"
import {
  useCreateRule,
  useCustomerSearch,
  useDeleteRule,
  usePreview,
  useRecRules,
  useRecStatus,
  useRegions,
  useTrain,
  type RecRule,
} from "../../hooks/recommendations"

const Status = () => {
  const { data, isLoading, isFetching } = useRecStatus()
  const train = useTrain()
  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4">
      <div className="flex items-center justify-between">
        <Heading level="h2">Model</Heading>
        <Button
          size="small"
          isLoading={train.isPending}
          onClick={() => train.mutate()}
        >
          Train now
        </Button>
      </div>
      {isLoading || !data ? (
        <Text>Loading…</Text>
      ) : (
        <div className="grid grid-cols-2 gap-2 text-sm">
          <Text>Last trained</Text>
          <Text>
            {data.model
              ? new Date(data.model.trained_at).toLocaleString()
              : "never"}
            {isFetching ? " (refreshing…)" : ""}
          </Text>
          <Text>Shoppers / products learned</Text>
          <Text>
            {data.model ? `${data.model.shoppers} / ${data.model.items}` : "—"}
          </Text>
          <Text>Signals</Text>
          <Text>
            {data.signals.total} from {data.signals.shoppers} shoppers (
            {Object.entries(data.signals.by_kind)
              .map(([k, n]) => `${k} ${n}`)
              .join(", ") || "none"}
            )
          </Text>
          <Text>Coverage</Text>
          <Text>
            {data.coverage.with_neighbours} of{" "}
            {data.coverage.published_products} published products have
            neighbours ({Math.round(data.coverage.share * 100)}%)
          </Text>
        </div>
      )}
    </Container>
  )
}

const Preview = () => {
  const [q, setQ] = useState("")
  const [customerId, setCustomerId] = useState("")
  const [regionId, setRegionId] = useState("")
  const [kind, setKind] = useState<"product" | "outfit">("product")
  const customers = useCustomerSearch(q)
  const regions = useRegions()
  const preview = usePreview({
    customer_id: customerId,
    region_id: regionId,
    kind,
    limit: 12,
  })
  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4">
      <Heading level="h2">Preview as a customer</Heading>
      <div className="flex flex-wrap gap-2">
        <Input
          size="small"
          placeholder="Find a customer by email"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <Select size="small" value={customerId} onValueChange={setCustomerId}>
          <Select.Trigger>
            <Select.Value placeholder="Customer" />
          </Select.Trigger>
          <Select.Content>
            {(customers.data?.customers ?? []).map((c) => (
              <Select.Item key={c.id} value={c.id}>
                {c.email}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
        <Select size="small" value={regionId} onValueChange={setRegionId}>
          <Select.Trigger>
            <Select.Value placeholder="Region" />
          </Select.Trigger>
          <Select.Content>
            {(regions.data?.regions ?? []).map((r) => (
              <Select.Item key={r.id} value={r.id}>
                {r.name}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
        <Select
          size="small"
          value={kind}
          onValueChange={(v) => setKind(v as "product" | "outfit")}
        >
          <Select.Trigger>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value="product">Products</Select.Item>
            <Select.Item value="outfit">Outfits</Select.Item>
          </Select.Content>
        </Select>
      </div>
      {preview.error ? (
        <Text className="text-ui-fg-error">{String(preview.error)}</Text>
      ) : null}
      {preview.data ? (
        <>
          <Text size="small">
            Filtered out:{" "}
            {Object.entries(preview.data.filtered_out)
              .map(([k, n]) => `${k.replace(/_/g, " ")} ${n}`)
              .join(", ")}{" "}
            · {preview.data.took_ms} ms
          </Text>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Items</Table.HeaderCell>
                <Table.HeaderCell>Reason</Table.HeaderCell>
                <Table.HeaderCell>Score</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {preview.data.recommendations.map((r) => (
                <Table.Row key={r.id}>
                  <Table.Cell>
                    {r.items
                      .map(
                        (i) =>
                          `${i.slot ?? ""} ${i.owned ? "(owned)" : (i.product?.title ?? "")}${i.variant ? ` ${i.variant.size ?? ""} ${i.variant.calculated_price} ${i.variant.currency_code.toUpperCase()}` : ""}`
                      )
                      .join(" · ")}
                  </Table.Cell>
                  <Table.Cell>{r.reason}</Table.Cell>
                  <Table.Cell>{r.score}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </>
      ) : null}
    </Container>
  )
}

const Rules = () => {
  const { data } = useRecRules()
  const create = useCreateRule()
  const remove = useDeleteRule()
  const [action, setAction] = useState<RecRule["action"]>("boost")
  const [target, setTarget] = useState<RecRule["target"]>("collection")
  const [targetId, setTargetId] = useState("")
  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4">
      <Heading level="h2">Merchandising rules</Heading>
      <div className="flex flex-wrap gap-2">
        <Select
          size="small"
          value={action}
          onValueChange={(v) => setAction(v as RecRule["action"])}
        >
          <Select.Trigger>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value="boost">Boost</Select.Item>
            <Select.Item value="exclude">Exclude</Select.Item>
          </Select.Content>
        </Select>
        <Select
          size="small"
          value={target}
          onValueChange={(v) => setTarget(v as RecRule["target"])}
        >
          <Select.Trigger>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value="collection">Collection</Select.Item>
            <Select.Item value="category">Category</Select.Item>
            <Select.Item value="tag">Tag</Select.Item>
          </Select.Content>
        </Select>
        <Input
          size="small"
          placeholder="pcol_… / pcat_… / ptag_…"
          value={targetId}
          onChange={(e) => setTargetId(e.target.value)}
        />
        <Button
          size="small"
          disabled={!targetId}
          isLoading={create.isPending}
          onClick={() =>
            create.mutate(
              { action, target, target_id: targetId.trim() },
              { onSuccess: () => setTargetId("") }
            )
          }
        >
          Add rule
        </Button>
      </div>
      {(data?.rules ?? []).length ? (
        <Table>
          <Table.Body>
            {data!.rules.map((r) => (
              <Table.Row key={r.id}>
                <Table.Cell>
                  <Badge color={r.action === "exclude" ? "red" : "green"}>
                    {r.action}
                  </Badge>
                </Table.Cell>
                <Table.Cell>
                  {r.target} {r.target_id}
                  {r.action === "boost" ? ` (+${r.weight})` : ""}
                </Table.Cell>
                <Table.Cell>
                  <Button
                    size="small"
                    variant="secondary"
                    isLoading={remove.isPending}
                    onClick={() => remove.mutate(r.id)}
                  >
                    Remove
                  </Button>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : (
        <Text size="small">No rules: lists are ranked as learned.</Text>
      )}
    </Container>
  )
}

const RecommendationsPage = () => (
  <div className="flex flex-col gap-y-3">
    <Status />
    <Preview />
    <Rules />
  </div>
)

export const config = defineRouteConfig({
  label: "Recommendations",
  icon: LightBulb,
})

export default RecommendationsPage
