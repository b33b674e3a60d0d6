// The OpenAPI 3 document, generated from the same route table the server registers, so every route is described.
import type { RouteDef } from "./routes.js";
import { errorSchema } from "./schemas.js";

type Schema = { type?: string; properties?: Record<string, object>; required?: readonly string[] };

// Fastify writes path parameters as :id, OpenAPI as {id}.
function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z_]\w*)/g, "{$1}");
}

function parameters(schema: Schema | undefined, where: "path" | "query"): object[] {
  if (!schema?.properties) return [];
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties).map(([name, s]) => ({
    name,
    in: where,
    required: where === "path" || required.has(name),
    schema: s,
    ...("description" in s ? { description: (s as { description: string }).description } : {}),
  }));
}

const STATUS_TEXT: Record<number, string> = { 200: "OK", 400: "bad input: the message names the field" };

/** The OpenAPI 3.0 document of the given routes. */
export function openApiDocument(routes: RouteDef[], opts: { guarded: boolean }): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const r of routes) {
    const responses: Record<string, object> = {
      200: { description: STATUS_TEXT[200], content: { "application/json": { schema: { type: r.returns } } } },
      400: { description: STATUS_TEXT[400], content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
    };
    for (const [code, description] of Object.entries(r.responses)) {
      responses[code] = Number(code) >= 400 ? { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } } : { description };
    }
    const op: Record<string, unknown> = {
      summary: r.summary,
      tags: r.tags,
      operationId: `${r.method.toLowerCase()}${openApiPath(r.url).replace(/[{}]/g, "").split("/").filter(Boolean).slice(1).map((p) => p[0].toUpperCase() + p.slice(1)).join("")}`,
      parameters: [...parameters(r.schema?.params as Schema, "path"), ...parameters(r.schema?.querystring as Schema, "query")],
      responses,
    };
    if (r.schema?.body) op.requestBody = { required: true, content: { [r.bodyType ?? "application/json"]: { schema: r.schema.body } } };
    if (r.write) op.security = opts.guarded ? [{ bearer: [] }] : [{ bearer: [] }, {}];
    (paths[openApiPath(r.url)] ??= {})[r.method.toLowerCase()] = op;
  }
  paths["/api/openapi.json"] = { get: { summary: "This document", tags: ["meta"], operationId: "getOpenapi", responses: { 200: { description: STATUS_TEXT[200] } } } };
  return {
    openapi: "3.0.3",
    info: {
      title: "bellwether",
      version: "1",
      description: "Claims with their reports, independent origins and status; stories; questions with evidence-linked probabilities. Write routes need a bearer token when the server listens beyond this machine.",
    },
    paths,
    components: {
      schemas: { Error: errorSchema },
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
    },
  };
}
