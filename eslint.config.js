/**
 * ESLint: the mistakes a type checker alone lets through (floating promises, `any` leaking
 * into typed code, awaiting what isn't a promise, unused code), with typescript-eslint's
 * type-checked recommended rules, so each file is linted with the types `tsc` gives it.
 * Formatting is Prettier's job (`eslint-config-prettier` switches off every rule it would fight).
 * The layers (what each folder may import) are checked by dependency-cruiser, not here.
 *
 * Two TypeScript projects, as `npm run typecheck` has them: tsconfig.json for the Worker and
 * its tests (workerd's types), tsconfig.node.json for what runs in Node.js (scripts, bench,
 * the browser and script tests, tool configuration).
 */
import js from "@eslint/js";
import prettier from "eslint-config-prettier/flat";
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";

/** Files that run in Node.js: typed by tsconfig.node.json. */
const nodeFiles = ["scripts/**", "bench/**", "test/browser/**", "test/scripts/**", "vitest.config.ts"];

export default defineConfig(
  globalIgnores(["bench/results/", "public/", ".wrangler/", "worker-configuration.d.ts"]),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // Finds tsconfig.json for src/ and test/; the JavaScript configuration files are in no
        // project, so they get tsconfig.node.json's options.
        projectService: { allowDefaultProject: ["*.js", "*.mjs"], defaultProject: "tsconfig.node.json" },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    files: nodeFiles,
    languageOptions: {
      // The project service only finds files named tsconfig.json; these are in tsconfig.node.json.
      parserOptions: { projectService: false, project: "./tsconfig.node.json" },
    },
  },
  {
    rules: {
      // Rejecting control characters in input is deliberate here (letter form, Markdown links, hostile-input tests).
      "no-control-regex": "off",
      // French puts a narrow no-break space before ":" and "?"; the catalogs keep it inside their strings.
      "no-irregular-whitespace": ["error", { skipStrings: true, skipTemplates: true }],
      // An underscore marks a name unused on purpose (a parameter a signature needs, a loop counter), as for tsc.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // URLSearchParams prints as a query string; workerd declares it outside TypeScript's lib, so name both.
      "@typescript-eslint/restrict-template-expressions": [
        "error",
        {
          allow: [
            { from: "lib", name: ["Error", "URL", "URLSearchParams"] },
            { from: "file", name: ["URL", "URLSearchParams"], path: "worker-configuration.d.ts" },
          ],
        },
      ],
    },
  },
  prettier,
);
