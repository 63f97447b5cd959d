/**
 * The public API's answers checked against the OpenAPI document it
 * publishes (/api/v1/openapi.json), by two independent validators: Ajv
 * (JSON Schema 2020-12) and Hyperjump (the OpenAPI 3.1 dialect, which also
 * checks the document itself against the OAS 3.1 schema). An answer passes
 * only when both agree it matches, so a bug of one validator can't hide a
 * drift between the document and the code.
 */
import Ajv2020 from "ajv/dist/2020";
import { registerSchema, validate } from "@hyperjump/json-schema/openapi-3-1";
import { fetchWorker, ORIGIN } from "./helpers";

/** Where the document's components are registered, for both validators: `#/components/schemas/X` resolves inside it. */
const COMPONENTS_URI = `${ORIGIN}/api/v1/openapi-components`;

export interface OpenApiCheck {
  /** The published document, as fetched. */
  document: { openapi: string; components: { schemas: Record<string, object> } } & Record<string, unknown>;
  /** Null when `value` matches the published schema `name` for both validators, else what each found. */
  problems(name: string, value: unknown): Promise<string | null>;
}

let loaded: Promise<OpenApiCheck> | null = null;

/** The document, valid against the OAS 3.1 schema, and a check of values against its schemas (once per test file). */
export function openApiCheck(): Promise<OpenApiCheck> {
  loaded ??= load();
  return loaded;
}

async function load(): Promise<OpenApiCheck> {
  const document = await (await fetchWorker("/api/v1/openapi.json")).json<OpenApiCheck["document"]>();
  const itself = await validate("https://spec.openapis.org/oas/3.1/schema-base", document as never);
  if (!itself.valid) throw new Error(`the OpenAPI document is not valid OAS 3.1: ${JSON.stringify(itself)}`);

  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ $id: COMPONENTS_URI, components: document.components });
  registerSchema(
    { $schema: "https://spec.openapis.org/oas/3.1/dialect/base", components: document.components } as never,
    COMPONENTS_URI,
  );
  const hyperjump = new Map<string, (value: never) => { valid: boolean }>();

  return {
    document,
    async problems(name, value) {
      if (!(name in document.components.schemas)) return `no published schema ${name}`;
      const pointer = `${COMPONENTS_URI}#/components/schemas/${name}`;
      const ajvValidate = ajv.getSchema(pointer)!;
      let hyperjumpValidate = hyperjump.get(name);
      if (!hyperjumpValidate) {
        hyperjumpValidate = await validate(pointer);
        hyperjump.set(name, hyperjumpValidate);
      }
      const byAjv = ajvValidate(value) ? null : ajv.errorsText(ajvValidate.errors);
      const byHyperjump = hyperjumpValidate(value as never).valid ? null : "invalid for Hyperjump";
      return byAjv || byHyperjump ? `Ajv: ${byAjv ?? "valid"}; Hyperjump: ${byHyperjump ?? "valid"}` : null;
    },
  };
}
