import { expect, it } from 'vitest';

import { createApiClient, type CreateProgram, IDEMPOTENCY_KEY_HEADER } from './index.js';

it('builds typed requests against the base URL', async () => {
  const seen: Request[] = [];
  const client = createApiClient('http://api.test', {
    fetch: (input: Request) => {
      seen.push(input);
      return Promise.resolve(Response.json({ message: 'Organization x not found' }, { status: 404 }));
    },
  });

  const { error } = await client.POST('/organizations/{organizationId}/programs', {
    params: {
      path: { organizationId: '3f2b8c1e-7a4d-4e5f-9b6a-1c2d3e4f5a6b' },
      header: { [IDEMPOTENCY_KEY_HEADER]: 'key-1' },
    },
    body: {
      kind: 'ISO_CERTIFICATION',
      name: 'ISMS',
      frameworks: ['iso27001'],
      startDate: '2026-01-05',
      programManagerEmail: 'pm@acme.example',
    },
  });

  expect(error).toEqual({ message: 'Organization x not found' });
  expect(seen[0]?.url).toBe('http://api.test/organizations/3f2b8c1e-7a4d-4e5f-9b6a-1c2d3e4f5a6b/programs');
  expect(seen[0]?.headers.get(IDEMPOTENCY_KEY_HEADER)).toBe('key-1');
});

it('types the SOC 2 body: exactly the soc2 framework and SOC 2 settings', async () => {
  let sent: unknown;
  const client = createApiClient('http://api.test', {
    fetch: async (input: Request) => {
      sent = await input.json();
      return Response.json({ message: 'Validation failed' }, { status: 400 });
    },
  });
  const body = {
    kind: 'SOC2_ATTESTATION',
    name: 'SOC 2 Type II',
    frameworks: ['soc2'],
    startDate: '2026-02-02',
    programManagerEmail: 'pm@acme.example',
    config: { cpaFirm: 'Example CPA LLP', periodMonths: 6 },
  } as const satisfies CreateProgram;
  const { error } = await client.POST('/organizations/{organizationId}/programs', {
    params: { path: { organizationId: '3f2b8c1e-7a4d-4e5f-9b6a-1c2d3e4f5a6b' } },
    body,
  });
  expect(error).toEqual({ message: 'Validation failed' });
  expect(sent).toEqual(body);
});
