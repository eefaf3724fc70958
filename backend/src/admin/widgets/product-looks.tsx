import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, AdminProduct } from "@medusajs/framework/types"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { useProductLooks } from "../hooks/lookbooks"

/** On the product page: the looks whose hotspots feature this product. */
const ProductLooksWidget = ({
  data: product,
}: DetailWidgetProps<AdminProduct>) => {
  const { data: looks, error } = useProductLooks(product.id)
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Featured in looks</Heading>
      </div>
      <div className="flex flex-col gap-2 px-6 py-4">
        {error && (
          <Text size="small" className="text-ui-fg-error">
            {error.message}
          </Text>
        )}
        {looks?.length === 0 && (
          <Text size="small" className="text-ui-fg-subtle">
            Not in any look yet.
          </Text>
        )}
        {looks?.map((l) => (
          <a
            key={l.id}
            href={`/app/lookbooks/${l.lookbook.id}`}
            className="flex items-center gap-3"
          >
            <img
              src={l.image_url}
              alt={l.title}
              className="h-10 w-10 rounded object-cover"
            />
            <div className="flex-1">
              <Text size="small" weight="plus">
                {l.title}
              </Text>
              <Text size="xsmall" className="text-ui-fg-subtle">
                {l.lookbook.title}
              </Text>
            </div>
            <Badge
              size="2xsmall"
              color={l.lookbook.status === "published" ? "green" : "grey"}
            >
              {l.lookbook.status}
            </Badge>
          </a>
        ))}
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "product.details.side.after" })

export default ProductLooksWidget
