/** Registers a customer through the store API the way the storefront does and returns its bearer headers. */
export async function registerShopper(
  api: any,
  pk: string,
  email: string,
  password = "shopper-password-1"
) {
  const reg = await api.post("/auth/customer/emailpass/register", {
    email,
    password,
  })
  await api.post(
    "/store/customers",
    { email, first_name: "Test", last_name: "Shopper" },
    {
      headers: {
        authorization: `Bearer ${reg.data.token}`,
        "x-publishable-api-key": pk,
      },
    }
  )
  const login = await api.post("/auth/customer/emailpass", { email, password })
  const headers = {
    authorization: `Bearer ${login.data.token}`,
    "x-publishable-api-key": pk,
  }
  const { data } = await api.get("/store/customers/me", { headers })
  const customer = data.customer as { id: string; email: string }
  return {
    token: login.data.token as string,
    id: customer.id,
    headers,
    customer,
  }
}

/** Places an order through the store API the way the storefront's checkout does (system payment provider). */
export async function placeOrder(
  api: any,
  shopper: { headers: Record<string, string> },
  regionId: string,
  variantId: string,
  country = "de"
) {
  const h = { headers: shopper.headers }
  const {
    data: { cart },
  } = await api.post("/store/carts", { region_id: regionId }, h)
  await api.post(
    `/store/carts/${cart.id}/line-items`,
    { variant_id: variantId, quantity: 1 },
    h
  )
  const address = {
    first_name: "Test",
    last_name: "Shopper",
    address_1: "Street 1",
    city: "Berlin",
    postal_code: "10115",
    country_code: country,
  }
  await api.post(
    `/store/carts/${cart.id}`,
    { shipping_address: address, billing_address: address },
    h
  )
  const {
    data: { shipping_options },
  } = await api.get(`/store/shipping-options?cart_id=${cart.id}`, h)
  await api.post(
    `/store/carts/${cart.id}/shipping-methods`,
    { option_id: shipping_options[0].id },
    h
  )
  const {
    data: { payment_collection },
  } = await api.post("/store/payment-collections", { cart_id: cart.id }, h)
  await api.post(
    `/store/payment-collections/${payment_collection.id}/payment-sessions`,
    { provider_id: "pp_system_default" },
    h
  )
  const { data } = await api.post(`/store/carts/${cart.id}/complete`, {}, h)
  if (data.type !== "order")
    throw new Error(
      `checkout did not place an order: ${JSON.stringify(data).slice(0, 300)}`
    )
  return data.order
}
