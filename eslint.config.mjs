// ESLint 9 flat config for every workspace. Formatting is Prettier's job
// (.prettierrc, Medusa's own settings), so no stylistic rules here: errors are
// for likely bugs, warnings for habits we are paying down (`any`, unused names).
import js from "@eslint/js"
import globals from "globals"
import reactHooks from "eslint-plugin-react-hooks"
import tseslint from "typescript-eslint"

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/.medusa/**",
      "**/.cache/**",
      "storefront/build/**",
      "storefront/public/build/**",
      "backend/public/**",
      "backend/src/modules/*/migrations/**",
      "tools/bench/results/**",
      ".data/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.node },
    },
    rules: {
      "@typescript-eslint/no-explicit-any": "warn",
      "@typescript-eslint/no-unused-vars": [
        "warn",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          caughtErrors: "none",
          ignoreRestSiblings: true,
        },
      ],
      // CommonJS config files (jest.config.js) and lazy requires in workers are deliberate
      "@typescript-eslint/no-require-imports": "off",
      // `catch {}` and `() => {}` stand-ins are common and harmless
      "no-empty": ["error", { allowEmptyCatch: true }],
      "@typescript-eslint/no-empty-function": "off",
      // Medusa's module services call `super(...arguments)` under a described @ts-ignore
      "prefer-rest-params": "off",
      "@typescript-eslint/ban-ts-comment": [
        "error",
        { "ts-ignore": "allow-with-description" },
      ],
    },
  },
  {
    files: [
      "**/*.cjs",
      "**/jest.config.js",
      "backend/integration-tests/setup.js",
    ],
    languageOptions: { sourceType: "commonjs" },
  },
  {
    files: [
      "**/__tests__/**",
      "**/*.spec.{ts,tsx,js,mjs}",
      "backend/integration-tests/**",
      "tools/**/__tests__/**",
    ],
    languageOptions: { globals: { ...globals.jest } },
  },
  {
    // React: the admin extensions (Medusa dashboard) and the Remix storefront
    files: ["backend/src/admin/**/*.{ts,tsx}", "storefront/app/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
    },
  },
  {
    // the storefront's e2e journeys drive Chromium; page.evaluate callbacks run in the page
    files: ["storefront/e2e/**"],
    languageOptions: { globals: { ...globals.browser } },
  }
)
