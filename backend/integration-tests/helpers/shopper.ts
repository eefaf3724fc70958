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
  return { headers, customer: data.customer as { id: string; email: string } }
}
