/**
 * dependency-cruiser (`npm run lint:deps`): the layers of src/ as the README's Architecture section
 * draws them, checked on every import rather than remembered. Each rule is an error and has no
 * exception list: a file that needs one is in the wrong folder.
 *
 * Type-only imports are read too (tsPreCompilationDeps), so that a type can't open a cycle, and
 * so that the one rule that allows them (views may name storage's row types) can tell them apart.
 *
 * @type {import("dependency-cruiser").IConfiguration}
 */
const HONO = "^(node_modules/)?(hono|@hono/[^/]+)(/|$)";

export default {
  forbidden: [
    {
      name: "no-circular",
      comment: "A cycle makes two files one: neither can be read, tested or moved without the other.",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "domain-imports-only-domain",
      comment:
        "domain/ is pure rules and types: no I/O, no Hono, nothing of ours outside domain/ (npm packages like zod are fine).",
      severity: "error",
      from: { path: "^src/domain/" },
      to: { pathNot: ["^src/domain/", "^node_modules/"] },
    },
    {
      name: "domain-not-hono",
      comment: "domain/ is pure: the web framework belongs to routes/, http/ and views/.",
      severity: "error",
      from: { path: "^src/domain/" },
      to: { path: HONO },
    },
    {
      name: "app-not-http",
      comment:
        "Use cases take their dependencies explicitly, never a Hono Context: routes, cron jobs and the queue call the same code.",
      severity: "error",
      from: { path: "^src/app/" },
      to: { path: ["^src/(routes|views|http)/", HONO] },
    },
    {
      name: "views-not-storage-at-run-time",
      comment: "Views draw what they are given: they may name storage's row types, never call storage.",
      severity: "error",
      from: { path: "^src/views/" },
      to: { path: "^src/storage/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "routes-not-routes",
      comment: "A route file is HTTP only; what two routes share belongs to app/, http/ or views/.",
      severity: "error",
      from: { path: "^src/routes/" },
      to: { path: "^src/routes/" },
    },
    {
      name: "storage-below-the-web",
      comment: "storage/ writes SQL for everyone above it and knows nothing of them: it imports domain/ only.",
      severity: "error",
      from: { path: "^src/storage/" },
      to: { path: ["^src/(routes|views|http|app|integrations|jobs)/", "^src/env\\.ts$"] },
    },
    {
      name: "routes-through-app",
      comment: "routes/ reach outside services and jobs through app/ (the use cases), never directly.",
      severity: "error",
      from: { path: "^src/routes/" },
      to: { path: "^src/(integrations|jobs)/" },
    },
    {
      name: "integrations-below-app",
      comment: "integrations/ wrap outside services for app/ and jobs/: domain/, storage/ and env.ts only.",
      severity: "error",
      from: { path: "^src/integrations/" },
      to: { path: ["^src/(routes|views|http|app|jobs)/", HONO] },
    },
    {
      name: "http-not-routes",
      comment: "http/ holds what routes share; it never reaches into a route or a job.",
      severity: "error",
      from: { path: "^src/http/" },
      to: { path: "^src/(routes|jobs)/" },
    },
    {
      name: "views-draw-only",
      comment: "views/ draw props: at run time they import domain/ (and other views) only.",
      severity: "error",
      from: { path: "^src/views/" },
      to: {
        path: ["^src/(routes|http|app|integrations|jobs)/", "^src/env\\.ts$"],
        dependencyTypesNot: ["type-only"],
      },
    },
    {
      name: "jobs-not-the-web",
      comment: "jobs/ (cron and the queue's consumer) call app/ like the routes do, without HTTP.",
      severity: "error",
      from: { path: "^src/jobs/" },
      to: { path: ["^src/(routes|views|http)/", HONO] },
    },
    {
      name: "index-is-the-root",
      comment: "src/index.ts is the composition root: only the tests import it (to call the Worker).",
      severity: "error",
      from: { pathNot: "^test/" },
      to: { path: "^src/index\\.ts$" },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    doNotFollow: { path: "node_modules" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "types", "default"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".d.ts"],
    },
  },
};
