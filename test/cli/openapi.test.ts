import { readFile } from 'node:fs/promises';

import { describe, expect, it } from 'vitest';

import { OPENAPI_FILE, generateOpenApi } from '../../src/cli/openapi.ts';

describe('the committed OpenAPI document', () => {
  it('is what the routes generate (run `npm run openapi` after changing an API schema)', async () => {
    expect(await readFile(OPENAPI_FILE, 'utf8')).toBe(await generateOpenApi());
  });
});
