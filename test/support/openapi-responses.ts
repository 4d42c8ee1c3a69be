import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { expect } from 'vitest';

type AddFormats = (ajv: Ajv2020) => Ajv2020;
const addFormats = addFormatsModule as unknown as AddFormats;

interface Checker {
  ajv: Ajv2020;
  document: { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>> };
  compiled: Map<string, ValidateFunction>;
}

const checkers = new Map<string, Promise<Checker>>();

async function checkerFor(baseUrl: string): Promise<Checker> {
  let checker = checkers.get(baseUrl);
  if (!checker) {
    checker = (async () => {
      const document = (await (await fetch(`${baseUrl}/openapi.json`)).json()) as Checker['document'];
      const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
      ajv.addSchema(document, 'openapi.json');
      return { ajv, document, compiled: new Map() };
    })();
    checkers.set(baseUrl, checker);
  }
  return checker;
}

const pointer = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Checks a JSON answer against the app's own /openapi.json: the operation (method and path template,
 * e.g. `/api/campaigns/{id}`) must list the status, and the body must match its application/json schema.
 */
export async function expectMatchesOpenApi(baseUrl: string, method: string, pathTemplate: string, status: number, body: unknown): Promise<void> {
  const checker = await checkerFor(baseUrl);
  const operation = checker.document.paths[pathTemplate]?.[method.toLowerCase()];
  expect(operation, `${method} ${pathTemplate} is in /openapi.json`).toBeDefined();
  const response = operation?.responses[String(status)];
  expect(response, `${method} ${pathTemplate} documents status ${status}`).toBeDefined();
  expect(response?.content?.['application/json'], `${method} ${pathTemplate} ${status} documents a JSON body`).toBeDefined();
  const ref = `openapi.json#/paths/${pointer(pathTemplate)}/${method.toLowerCase()}/responses/${status}/content/${pointer('application/json')}/schema`;
  let validate = checker.compiled.get(ref);
  if (!validate) {
    validate = checker.ajv.compile({ $ref: ref });
    checker.compiled.set(ref, validate);
  }
  const valid = validate(body);
  expect(valid ? [] : validate.errors, `${method} ${pathTemplate} ${status} body matches its schema`).toEqual([]);
}
