import { defineConfig } from 'vitest/config'

// Named vitest.config.ts, not vite.config.ts: the project root is the decks' Slidev addon, and
// Slidev would load a vite.config.* from it into every deck.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'scripts/**/*.test.ts'],
    // Two files at a time, one a core: browser files spend much of their time waiting on
    // Slidev and Chromium, and every test waits for a state, never for a guessed time, so a
    // busy machine slows a file down without failing it. Each file keeps its own folders
    // (mkdtemp), ports (freePort) and servers.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
})
