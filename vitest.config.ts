import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // End-to-end tests spawn real processes; two cores are what CI has.
    maxWorkers: 2,
    // Streaks and activity days are local dates: fix the zone so tests mean the same everywhere.
    env: { TZ: "UTC" },
  },
});
