const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

// @medusajs/test-utils is built and documented for Jest; we keep Jest for the
// backend rather than shimming Vitest's fork pool (see README "Tests").
const testType = process.env.TEST_TYPE
const match = {
  "integration:http": ["**/integration-tests/http/**/*.spec.[jt]s"],
  "integration:modules": ["**/src/modules/*/__tests__/**/*.spec.[jt]s"],
  "integration:process": ["**/integration-tests/process/**/*.spec.[jt]s"],
  unit: ["**/src/**/__tests__/**/*.unit.spec.[jt]s"],
}

module.exports = {
  transform: {
    "^.+\\.[jt]sx?$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript", decorators: true } } },
    ],
  },
  testEnvironment: "./integration-tests/environment.js",
  moduleFileExtensions: ["js", "ts", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/"],
  setupFiles: ["./integration-tests/setup.js"],
  testTimeout: 240000,
  testMatch: testType ? match[testType] : Object.values(match).flat(),
}
