import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { ProblemSchema } from '@haven/shared';

/** Each module describes its routes into the registry, from the same shared schemas it validates with. */
export type DescribeRoutes = (registry: OpenAPIRegistry) => void;

export function buildOpenApiDocument(modules: DescribeRoutes[], serverUrl: string) {
  const registry = new OpenAPIRegistry();
  for (const describe of modules) describe(registry);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Haven API',
      version: '1',
      description:
        'Anonymous reporting of online harms, case triage and disclosure-controlled statistics. ' +
        'Every error is an RFC 9457 problem document (`application/problem+json`).',
    },
    servers: [{ url: serverUrl }],
  });
}

/** The response every route may give for an error, described once. */
export const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});
