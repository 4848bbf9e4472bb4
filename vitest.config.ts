import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Synthesizing stacks is CPU-bound; two cores, two workers.
    pool: "forks",
    // Test files share a worker's module cache: importing cdktf and the provider once per worker
    // instead of once per file halves `npm test`. No test changes process-wide state (env, cwd,
    // mocks), which is what isolation would protect against.
    isolate: false,
    testTimeout: 30_000,
    reporters: ["default", "./test/summary-reporter.ts"],
  },
});
