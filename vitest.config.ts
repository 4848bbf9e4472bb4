import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Synthesizing stacks is CPU-bound; two cores, two workers.
    pool: "forks",
    testTimeout: 30_000,
    reporters: ["default", "./test/summary-reporter.ts"],
  },
});
