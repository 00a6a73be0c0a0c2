import { defineConfig } from "vitest/config";
import solid from "vite-plugin-solid";

export default defineConfig({
  plugins: [solid()],
  server: { host: "127.0.0.1", port: 5173, strictPort: true },
  preview: { host: "127.0.0.1", port: 4173, strictPort: true },
  build: { target: "es2022", sourcemap: false },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "jsdom",
          include: ["tests/unit/**/*.test.{ts,tsx}"],
          server: { deps: { inline: [/@solidjs\/testing-library/, /@solidjs\/router/] } },
        },
      },
      {
        test: {
          name: "sandbox",
          environment: "node",
          include: ["tests/sandbox/**/*.test.ts"],
          testTimeout: 20_000,
        },
      },
    ],
  },
});
