/**
 * Two test projects:
 * - "worker": everything in test/ but test/browser and test/scripts, run inside
 *   workerd by @cloudflare/vitest-plugin against a real local D1 with the
 *   migrations applied, and the real Cache API;
 * - "node": test/scripts (the scripts, through wrangler) and test/browser, which
 *   starts the app with `npm start` and drives it with Debian's Chromium through
 *   playwright-core.
 */
import { availableParallelism } from "node:os";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

export default defineConfig(async () => ({
  test: {
    projects: [
      {
        plugins: [
          cloudflareTest({
            wrangler: { configPath: "./wrangler.jsonc" },
            miniflare: {
              // Every optional setting is given here, so that a developer's .dev.vars (which
              // wrangler also reads) never changes what the tests see.
              bindings: {
                TEST_MIGRATIONS: await readD1Migrations("./migrations"),
                SECRET_KEY: "test-secret-key-that-is-long-enough-0123456789",
                // Random-looking: a guessable one ("test-admin-token-0123…") is treated as unset (domain/token-strength.ts).
                ADMIN_TOKEN: "Tq7vXk2pL9wRz4mWc8sNd3bY",
                MAILER: "",
                RESEND_API_KEY: "",
                MAIL_FROM: "",
                TURNSTILE_SECRET_KEY: "",
                TURNSTILE_SITE_KEY: "",
                // The tests' origin (test/helpers.ts ORIGIN), as a deployment sets its own: emailed links and
                // passkeys are made only on PUBLIC_URL, or on a loopback host without it (http/urls.ts linkOrigin).
                PUBLIC_URL: "https://undersigned.test",
                BENCH: "",
                SIGNATURE_WRITES: "",
                LETTER_CACHE_SECONDS: "0",
                ACCESS_TEAM_DOMAIN: "",
                ACCESS_AUD: "",
                // A fixed key (made with `npm run record-key -- undersigned.test`), so that the tests know the
                // verifier key to check checkpoints with: undersigned.test+5e6766fc+AZCK5uPNoelJq7DzsFcgTrOJb1DYUwRu8EY4tQ0hQVrM
                RECORD_SIGNING_KEY:
                  "PRIVATE+KEY+undersigned.test+5e6766fc+Ae6p5XyJgJ+FTfTxFJTmqtNjEWLvcvLO6UQr178PHsj+",
              },
            },
          }),
        ],
        test: {
          name: "worker",
          include: ["test/**/*.test.{ts,tsx}"],
          exclude: ["test/browser/**", "test/scripts/**"],
          setupFiles: ["./test/apply-migrations.ts"],
          // One workerd per Vitest worker, reused by the files it runs: starting one per file took
          // longer than most files' tests. test/apply-migrations.ts gives each file a fresh database,
          // an empty Cache API and freshly evaluated modules, as a workerd of its own did.
          isolate: false,
          // Files two at a time at least: Vitest's default (one less than the cores) is one on a
          // two-core machine, and a file's workerd waits on Vitest (module loads) and Vitest on it.
          maxWorkers: Math.max(2, availableParallelism()),
        },
      },
      {
        test: {
          name: "node",
          include: ["test/browser/**/*.test.ts", "test/scripts/**/*.test.ts"],
          environment: "node",
          globalSetup: ["./test/browser/start-server.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
}));
