import { defineConfig } from 'vitest/config'

// Named vitest.config.ts, not vite.config.ts: the project root is the decks' Slidev addon, and
// Slidev would load a vite.config.* from it into every deck.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'scripts/**/*.test.ts'],
    // Browser tests start Slidev servers and Chromium: on two cores, one file at a time.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
})
