/**
 * `npm run job -- <name>`: runs one of the Worker's scheduled jobs now, in the
 * app `npm start` is running (PORT, default 8787). Locally, wrangler never runs
 * cron triggers by itself; it dispatches one on request at
 * `/cdn-cgi/local/scheduled?cron=…`, and the Worker's `scheduled` handler picks
 * the job from the cron (src/index.ts, CRONS). The job's report is the JSON line
 * it logs in npm start's output.
 *
 * Exit codes: 0 the job ran; 1 it failed, or nothing answers on the port, or
 * the name is not a job's.
 */
import { DAILY_SUMMARY_UTC_HOUR } from "../src/domain/notification-settings";
import { runAsScript } from "./run-script";

/** Each job by name, with its cron trigger in wrangler.jsonc. */
export const JOBS = {
  maintenance: "*/5 * * * *",
  // The minute's cron runs both: webhooks' deliveries, and checkpoints of the records that moved.
  webhooks: "* * * * *",
  checkpoints: "* * * * *",
  "daily-summary": `0 ${DAILY_SUMMARY_UTC_HOUR} * * *`,
} as const satisfies Record<string, string>;

const USAGE = `Usage: npm run job -- ${Object.keys(JOBS).join(" | ")}   (PORT=… when npm start runs on another port)`;

async function main(): Promise<number> {
  const name = process.argv[2];
  if (!name || !Object.hasOwn(JOBS, name)) {
    console.error(name ? `"${name}" is not a job. ${USAGE}` : USAGE);
    return 1;
  }
  const cron = JOBS[name as keyof typeof JOBS];
  const origin = `http://127.0.0.1:${process.env.PORT ?? "8787"}`;
  let answer: Response;
  try {
    answer = await fetch(`${origin}/cdn-cgi/local/scheduled?cron=${encodeURIComponent(cron)}&format=json`);
  } catch {
    console.error(
      `Nothing answers on ${origin}: start the app with npm start first (PORT=… if it runs on another port).`,
    );
    return 1;
  }
  const result = (await answer.json().catch(() => ({}))) as { outcome?: string };
  if (!answer.ok || result.outcome !== "ok") {
    console.error(
      `The ${name} job failed (outcome: ${result.outcome ?? answer.status}): its error is in npm start's output.`,
    );
    return 1;
  }
  console.log(
    `Ran the ${name} job (cron "${cron}") on ${origin}: its report is the JSON line it logged in npm start's output.`,
  );
  return 0;
}

runAsScript(import.meta.url, main);
