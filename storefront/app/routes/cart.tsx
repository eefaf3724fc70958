import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { Form, Link, useLoaderData } from "@remix-run/react"
import { Price } from "~/components/Price"
import { getCart, lineTotal } from "~/lib/data/cart.server"

export const meta: MetaFunction = () => [{ title: "Your cart — CuratorAI" }]

export async function loader({ request }: LoaderFunctionArgs) {
  const cart = await getCart(request)
  if (!cart) return { cart: null }
  return {
    cart: {
      id: cart.id,
      currency_code: cart.currency_code,
      subtotal: cart.item_subtotal ?? cart.subtotal,
      total: cart.total,
      lines: (cart.items ?? [])
        .map((i) => ({
          id: i.id,
          title: i.product_title ?? i.title,
          handle: i.product_handle,
          size: i.variant_title,
          thumbnail: i.thumbnail,
          quantity: i.quantity,
          unit_price: i.unit_price,
          total: lineTotal(i),
        }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    },
  }
}

export default function CartPage() {
  const { cart } = useLoaderData<typeof loader>()
  if (!cart || cart.lines.length === 0) {
    return (
      <div className="cart cart--empty">
        <h1>Your cart</h1>
        <p>Your cart is empty.</p>
        <Link to="/store" className="button">
          Continue shopping
        </Link>
      </div>
    )
  }
  return (
    <div className="cart">
      <h1>Your cart</h1>
      <table className="cart-table">
        <caption className="visually-hidden">Items in your cart</caption>
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col">Size</th>
            <th scope="col">Quantity</th>
            <th scope="col" className="num">
              Total
            </th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {cart.lines.map((line) => (
            <tr key={line.id} data-testid="cart-line">
              <td className="cart-line__product">
                {line.thumbnail && (
                  <img src={line.thumbnail} alt="" width={64} height={85} />
                )}
                {line.handle ? (
                  <Link
                    to={`/products/${line.handle}`}
                    data-testid="cart-line-title"
                  >
                    {line.title}
                  </Link>
                ) : (
                  <span data-testid="cart-line-title">{line.title}</span>
                )}
              </td>
              <td data-testid="cart-line-size">{line.size}</td>
              <td>
                <Form
                  method="post"
                  action="/api/cart/lines"
                  className="inline-form"
                >
                  <input type="hidden" name="intent" value="update" />
                  <input type="hidden" name="line_id" value={line.id} />
                  <label htmlFor={`qty-${line.id}`} className="visually-hidden">
                    Quantity for {line.title}
                  </label>
                  <input
                    id={`qty-${line.id}`}
                    name="quantity"
                    type="number"
                    min={0}
                    max={10}
                    defaultValue={line.quantity}
                    key={line.quantity}
                    className="qty-input"
                  />
                  <button
                    type="submit"
                    className="button button--small button--ghost"
                  >
                    Update
                  </button>
                </Form>
              </td>
              <td className="num">
                <Price amount={line.total} currencyCode={cart.currency_code} />
              </td>
              <td>
                <Form method="post" action="/api/cart/lines">
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="line_id" value={line.id} />
                  <button
                    type="submit"
                    className="button button--small button--ghost"
                    aria-label={`Remove ${line.title}`}
                  >
                    Remove
                  </button>
                </Form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="cart-summary">
        <p>
          Subtotal{" "}
          <Price amount={cart.subtotal} currencyCode={cart.currency_code} />
        </p>
        <Link to="/checkout" className="button">
          Checkout
        </Link>
      </div>
    </div>
  )
}
