import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, AdminProduct } from "@medusajs/framework/types"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { useProductIndexState } from "../hooks/visual-search"

const colour = { indexed: "green", failed: "red", pending: "orange" } as const

/** On the product page: are this product's photos in the visual index, and what looks like it. */
const ProductVisualSearchWidget = ({
  data: product,
}: DetailWidgetProps<AdminProduct>) => {
  const { data: state, error } = useProductIndexState(product.id)
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Visual search</Heading>
        {state && (
          <Text size="xsmall" className="text-ui-fg-subtle">
            Embedder {state.embedder}
          </Text>
        )}
      </div>
      {error && (
        <div className="px-6 py-4">
          <Text className="text-ui-fg-error">{error.message}</Text>
        </div>
      )}
      {state && (
        <>
          <div className="flex flex-col gap-2 px-6 py-4">
            {state.images.length === 0 && (
              <Text size="small">This product has no photos.</Text>
            )}
            {state.images.map((img) => (
              <div key={img.url} className="flex items-center gap-3">
                <img
                  src={img.url}
                  alt=""
                  className="h-10 w-10 rounded object-cover"
                />
                <Badge color={colour[img.status]} size="2xsmall">
                  {img.status}
                </Badge>
                {img.error && (
                  <Text size="xsmall" className="text-ui-fg-error truncate">
                    {img.error} (attempt {img.attempts})
                  </Text>
                )}
              </div>
            ))}
          </div>
          <div className="px-6 py-4">
            <Text size="small" weight="plus">
              Most similar products
            </Text>
            <div className="mt-2 grid grid-cols-3 gap-2">
              {state.similar.map((p) => (
                <a
                  key={p.id}
                  href={`/app/products/${p.id}`}
                  className="flex flex-col gap-1"
                >
                  {p.thumbnail && (
                    <img
                      src={p.thumbnail}
                      alt={p.title}
                      className="aspect-square w-full rounded object-cover"
                    />
                  )}
                  <Text size="xsmall" className="truncate">
                    {p.title}
                  </Text>
                  <Text size="xsmall" className="text-ui-fg-subtle">
                    {p.score.toFixed(3)}
                  </Text>
                </a>
              ))}
              {state.similar.length === 0 && (
                <Text size="xsmall" className="text-ui-fg-subtle col-span-3">
                  Nothing indexed yet.
                </Text>
              )}
            </div>
          </div>
        </>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "product.details.side.after" })

export default ProductVisualSearchWidget
