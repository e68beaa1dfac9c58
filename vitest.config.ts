import { configDefaults, defineConfig } from 'vitest/config'

/**
 * The quick project (`npm run test:quick`): the files that start no browser,
 * no LibreOffice and no Slidev (server, build or export), for the inner loop.
 * Listed, not guessed: a new test file lands in the full project until it is
 * added here, so the quick run never grows a browser by accident.
 */
const QUICK = [
  'scripts/**/*.test.ts',
  'tests/pipeline/**/*.test.ts',
  'tests/golden/**/*.test.ts',
  'tests/generated/build.test.ts',
  'tests/generated/headlines.test.ts',
  'tests/generated/malformed.test.ts',
  'tests/ci/**/*.test.ts',
  'tests/present/room-security.test.ts',
]

// Named vitest.config.ts, not vite.config.ts: the project root is the decks' Slidev addon, and
// Slidev would load a vite.config.* from it into every deck.
export default defineConfig({
  test: {
    // Two files at a time, one a core: browser files spend much of their time waiting on
    // Slidev and Chromium, and every test waits for a state, never for a guessed time, so a
    // busy machine slows a file down without failing it. Each file keeps its own folders
    // (mkdtemp), ports (freePort) and servers.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // `npm test` (`vitest run`) runs both projects: every file once.
    projects: [
      { extends: true, test: { name: 'quick', include: QUICK } },
      { extends: true, test: { name: 'full', include: ['tests/**/*.test.ts', 'scripts/**/*.test.ts'], exclude: [...configDefaults.exclude, ...QUICK] } },
    ],
  },
})
