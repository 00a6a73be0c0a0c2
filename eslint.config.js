// @ts-check
import js from "@eslint/js";
import solid from "eslint-plugin-solid/configs/typescript";
import globals from "globals";
import tseslint from "typescript-eslint";

/**
 * The dependency arrows of DESIGN.md, enforced per folder. Each entry forbids the imports that would run an arrow
 * backwards.
 * @param {string[]} groups
 * @param {string} message
 */
const forbid = (groups, message) => ({
  "no-restricted-imports": ["error", { patterns: [{ group: groups, message }] }],
});

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "test-results/", "playwright-report/", ".tmp/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      eqeqeq: ["error", "always"],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}", "tests/unit/**/*.{ts,tsx}"],
    ...solid,
    languageOptions: { ...solid.languageOptions, globals: { ...globals.browser } },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    rules: forbid(
      ["**/sandbox/**", "**/tests/**", "**/relay/**"],
      "src/ never imports the sandbox, the token relay or the tests.",
    ),
  },
  {
    files: ["src/lib/**"],
    rules: forbid(
      [
        "**/auth/**",
        "**/api/**",
        "**/pages/**",
        "**/components/**",
        "**/config/**",
        "**/sandbox/**",
        "**/relay/**",
        "**/tests/**",
        "solid-js",
        "solid-js/*",
      ],
      "lib/ holds small helpers every folder may use: it imports nothing of the app, nor any library.",
    ),
  },
  {
    files: ["src/auth/**"],
    rules: forbid(
      ["**/api/**", "**/pages/**", "**/components/**", "**/config/**", "**/sandbox/**", "**/relay/**"],
      "auth/ imports only solid-js, @solidjs/router, oidc-client-ts, jose, lib/ and its own files.",
    ),
  },
  {
    files: ["src/api/**"],
    rules: forbid(
      ["**/auth/**", "**/pages/**", "**/components/**", "oidc-client-ts", "**/sandbox/**", "**/relay/**"],
      "api/ is plain TypeScript: it is handed a request authorizer and fetch, and knows nothing of auth/ or pages/.",
    ),
  },
  {
    files: ["src/components/**"],
    rules: forbid(
      ["**/pages/**", "**/auth/**", "**/api/**", "oidc-client-ts", "**/sandbox/**", "**/relay/**"],
      "components/ are presentational: props in, events out.",
    ),
  },
  {
    files: ["src/pages/**"],
    rules: forbid(
      ["../pages/**", "./*Page", "**/sandbox/**", "**/relay/**"],
      "A page never imports another page, the sandbox or the token relay.",
    ),
  },
  {
    files: ["sandbox/**"],
    rules: forbid(["**/src/**", "**/relay/**"], "sandbox/ never imports src/ or the token relay."),
  },
  {
    files: ["relay/**"],
    rules: forbid(
      ["**/src/**", "**/sandbox/**"],
      "relay/ is deployed on its own: it imports neither src/ nor the sandbox.",
    ),
  },
);
