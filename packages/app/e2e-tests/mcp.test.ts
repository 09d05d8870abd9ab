import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { expect, test } from '@playwright/test';
import { api, tokenOf } from './support';

/*
 * The portal's MCP server (/api/mcp-actions/v1) through the official MCP
 * client, as an AI assistant of two establishments would use it: the same
 * tools for both, each seeing its own establishment's tenants only, and a
 * refused call that says why.
 */

/** The tools the portal exposes (backend.actions in app-config.yaml). */
const EXPOSED = [
  'catalog.get-catalog-entity',
  'catalog.get-catalog-model-description',
  'catalog.query-catalog-entities',
  'cloud.create-request',
  'cloud.get-tenant',
  'cloud.list-tenants',
];

const BORDEAUX_TENANT = 'sifac-0333298f-production';

async function connect(baseURL: string, authorization: string) {
  const client = new Client({ name: 'portal-e2e', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(
    new URL(api('/api/mcp-actions/v1'), baseURL),
    { requestInit: { headers: { Authorization: authorization } } },
  );
  await client.connect(transport);
  return client;
}

/** The text of a tool result. */
function text(result: Awaited<ReturnType<Client['callTool']>>): string {
  return (result.content as Array<{ type: string; text?: string }>)
    .map(part => part.text ?? '')
    .join('\n');
}

test.describe('the MCP server', () => {
  test('lists the same chosen tools to two establishments, which see their own tenants only', async ({
    request,
    baseURL,
  }) => {
    const claire = await connect(
      baseURL!,
      await tokenOf(request, 'claire.dubois'),
    );
    const julien = await connect(
      baseURL!,
      await tokenOf(request, 'julien.lefebvre'),
    );
    try {
      for (const client of [claire, julien]) {
        const { tools } = await client.listTools();
        expect(tools.map(t => t.name).sort()).toEqual(EXPOSED);
      }

      // list-tenants: each establishment its own.
      const own = await claire.callTool({
        name: 'cloud.list-tenants',
        arguments: { limit: 500 },
      });
      expect(own.isError).toBeFalsy();
      const ownItems =
        (own.structuredContent as any)?.items ?? JSON.parse(text(own)).items;
      expect(ownItems.length).toBeGreaterThan(0);
      expect(
        new Set(
          ownItems.map((t: { establishment: string }) => t.establishment),
        ),
      ).toEqual(new Set(['etab-0333298f']));

      const other = await julien.callTool({
        name: 'cloud.list-tenants',
        arguments: { establishment: ['etab-0333298f'], limit: 500 },
      });
      expect(other.isError).toBeFalsy();
      expect(text(other).match(/[a-z-]+-0333298f-[a-z]+/g)).toBeNull();

      // get-tenant: Claire reads hers; Julien gets the answer of a missing one.
      const mine = await claire.callTool({
        name: 'cloud.get-tenant',
        arguments: { name: BORDEAUX_TENANT },
      });
      expect(mine.isError).toBeFalsy();
      expect(text(mine)).toContain(BORDEAUX_TENANT);
      const theirs = await julien.callTool({
        name: 'cloud.get-tenant',
        arguments: { name: BORDEAUX_TENANT },
      });
      expect(theirs.isError).toBe(true);
      expect(text(theirs)).toMatch(/not found/i);

      // The catalog tools apply the same rule to Tenant entities.
      const entities = await julien.callTool({
        name: 'catalog.query-catalog-entities',
        arguments: { filter: { kind: 'Tenant' } },
      });
      expect(text(entities).match(/[a-z-]+-0333298f-[a-z]+/g)).toBeNull();
      const entity = await julien.callTool({
        name: 'catalog.get-catalog-entity',
        arguments: { name: BORDEAUX_TENANT, kind: 'Tenant' },
      });
      expect(entity.isError).toBe(true);
      expect(text(entity)).not.toContain('"spec"');
    } finally {
      await claire.close();
      await julien.close();
    }
  });

  test('explains a refused tool call', async ({ request, baseURL }) => {
    const julien = await connect(
      baseURL!,
      await tokenOf(request, 'julien.lefebvre'),
    );
    try {
      // Julien (Lille) asks for an instance for Bordeaux.
      const refused = await julien.callTool({
        name: 'cloud.create-request',
        arguments: {
          application: 'sifac',
          uai: '0333298F',
          environment: 'test',
          version: '2026.2',
          migration: false,
        },
      });
      expect(refused.isError).toBe(true);
      // The reason, not just a status: the establishment is not his.
      expect(text(refused)).toMatch(/establishment|0333298F/i);
      expect(text(refused)).not.toMatch(/at .*\.js:\d+/);

      // A tool the portal does not expose is not callable at all.
      const hidden = await julien
        .callTool({
          name: 'catalog.unregister-entity',
          arguments: { locationId: 'x' },
        })
        .then(
          r => text(r),
          e => String(e),
        );
      expect(hidden).toMatch(/not found|unknown|no tool/i);
    } finally {
      await julien.close();
    }
  });

  test('refuses a client without a token', async ({ request }) => {
    const res = await request.post(api('/api/mcp-actions/v1'), {
      headers: { Accept: 'application/json, text/event-stream' },
      data: { jsonrpc: '2.0', id: 1, method: 'tools/list' },
    });
    expect(res.status()).toBe(401);
  });
});
