import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    // One line when the TR texts are missing (their tests are then skipped): TRECHECK_SEEDS names their folder.
    globalSetup: ['test/seedsNotice.ts'],
  },
});
