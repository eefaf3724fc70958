import {
  DEV_FORWARD_SECRET,
  DEV_SECRET,
  devSecretsAllowed,
  resolveForwardSecret,
  resolveSecrets,
} from "../env"

describe("resolveSecrets", () => {
  it("uses the dev secret outside production", () => {
    expect(resolveSecrets({ NODE_ENV: "development" })).toEqual({
      jwtSecret: DEV_SECRET,
      cookieSecret: DEV_SECRET,
    })
  })
  it("throws in production when a secret is missing, short, the dev default or 'supersecret'", () => {
    const good = "x".repeat(32)
    for (const bad of [undefined, "", "short", "supersecret", DEV_SECRET]) {
      expect(() =>
        resolveSecrets({
          NODE_ENV: "production",
          JWT_SECRET: bad,
          COOKIE_SECRET: good,
        })
      ).toThrow(/JWT_SECRET is missing or weak/)
      expect(() =>
        resolveSecrets({
          NODE_ENV: "production",
          JWT_SECRET: good,
          COOKIE_SECRET: bad,
        })
      ).toThrow(/COOKIE_SECRET is missing or weak/)
    }
  })
  it("accepts strong secrets in production", () => {
    expect(
      resolveSecrets({
        NODE_ENV: "production",
        JWT_SECRET: "j".repeat(32),
        COOKIE_SECRET: "c".repeat(32),
      })
    ).toEqual({ jwtSecret: "j".repeat(32), cookieSecret: "c".repeat(32) })
  })
  it("refuses dev secrets for every NODE_ENV but development and test (staging, prod, typos)", () => {
    for (const NODE_ENV of ["staging", "prod", "Production", "qa"]) {
      expect(() => resolveSecrets({ NODE_ENV })).toThrow(
        new RegExp(
          `NODE_ENV=${NODE_ENV}: JWT_SECRET and COOKIE_SECRET are missing or weak`
        )
      )
      expect(() =>
        resolveSecrets({
          NODE_ENV,
          JWT_SECRET: DEV_SECRET,
          COOKIE_SECRET: "c".repeat(32),
        })
      ).toThrow(/JWT_SECRET is missing or weak/)
    }
    expect(resolveSecrets({ NODE_ENV: "test" }).jwtSecret).toBe(DEV_SECRET)
  })
  it("allows dev secrets with NODE_ENV unset only when the database is local", () => {
    expect(devSecretsAllowed({})).toBe(true)
    expect(
      devSecretsAllowed({
        DATABASE_URL: "postgres://postgres@localhost:5432/x",
      })
    ).toBe(true)
    expect(
      devSecretsAllowed({ DATABASE_URL: "postgres://u:p@127.0.0.1/x" })
    ).toBe(true)
    expect(
      devSecretsAllowed({ DATABASE_URL: "postgres://u:p@db.internal:5432/x" })
    ).toBe(false)
    expect(() =>
      resolveSecrets({ DATABASE_URL: "postgres://u:p@db.example.com/x" })
    ).toThrow(/NODE_ENV=\(unset\)/)
  })
  it("refuses a missing, short or dev CURATOR_FORWARD_SECRET outside development and test", () => {
    expect(resolveForwardSecret({ NODE_ENV: "development" })).toBe(
      DEV_FORWARD_SECRET
    )
    for (const bad of [undefined, "short", DEV_FORWARD_SECRET]) {
      expect(() =>
        resolveForwardSecret({
          NODE_ENV: "production",
          CURATOR_FORWARD_SECRET: bad,
        })
      ).toThrow(/CURATOR_FORWARD_SECRET is missing or weak/)
    }
    expect(
      resolveForwardSecret({
        NODE_ENV: "staging",
        CURATOR_FORWARD_SECRET: "f".repeat(32),
      })
    ).toBe("f".repeat(32))
  })
})
