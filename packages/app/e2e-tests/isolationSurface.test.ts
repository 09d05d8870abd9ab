import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { APIRequestContext, expect, test } from '@playwright/test';
import { api, tokenOf } from './support';

/*
 * The isolation suite: Julien (Université de Lille) probes every route of
 * every backend plugin of the running portal (catalog, scaffolder, search,
 * notifications, signals, events, MCP, actions, cloud, techdocs,
 * permission, user settings) while Claire (Université de Bordeaux) has
 * tenants and a scaffolder task. No answer may carry a Bordeaux tenant's
 * name, one of its URL-scoped fields, or a parameter of Claire's task.
 *
 * A probe whose request itself names Bordeaux data (e.g. GET
 * /tenants/<a Bordeaux tenant>) may not answer with it: no *other* Bordeaux
 * data, no Tenant entity, and for the routes of one tenant a refusal (401,
 * 403 or 404). Catalogues of code (the actions and MCP tools lists, whose
 * descriptions hold examples) must answer Julien exactly what they answer
 * Amue's administrator: they depend on no data. The summary prints the
 * probes tried and the leaks found.
 */

const BORDEAUX = 'etab-0333298f';
const BORDEAUX_TENANT = 'sifac-0333298f-production';

type Probe = {
  plugin: string;
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  data?: unknown;
  /** A route of one Bordeaux tenant: must be refused. */
  refuse?: boolean;
};

/** Catalogues of code: the same answer for everybody. */
const STATIC = /\/v2\/actions$|\/\.backstage\/actions\/v1\/actions$/;

type Leak = { probe: string; status: number; found: string[] };

/** Claire's task: parameters only she (and Amue) may read. */
async function createClaireTask(
  request: APIRequestContext,
  claire: string,
  marker: string,
) {
  const res = await request.post(api('/api/scaffolder/v2/tasks'), {
    headers: { Authorization: claire },
    data: {
      templateRef: 'template:default/decommissionner-une-instance',
      values: {
        tenant: `tenant:default/${BORDEAUX_TENANT}`,
        reason: `${marker} contact ${marker.toLowerCase()}@u-bordeaux.fr`,
        // Not the tenant's name: the first step refuses, nothing changes.
        confirmation: `${marker}-confirmation`,
      },
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  const { id } = await res.json();
  // Wait until it has run (and failed on the confirmation).
  await expect
    .poll(
      async () => {
        const task = await request.get(api(`/api/scaffolder/v2/tasks/${id}`), {
          headers: { Authorization: claire },
        });
        return (await task.json()).status;
      },
      { timeout: 30_000 },
    )
    .toMatch(/failed|completed|cancelled/);
  return id as string;
}

test('no route of any plugin gives a member of Lille the data of Bordeaux', async ({
  request,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const marc = await tokenOf(request, 'marc.petit');
  const claire = await tokenOf(request, 'claire.dubois');
  const julien = await tokenOf(request, 'julien.lefebvre');

  // ------------------------------------------------ Bordeaux's data (as Amue)
  const listed = await request.get(
    api(`/api/cloud/tenants?establishment=${BORDEAUX}&limit=500`),
    { headers: { Authorization: marc } },
  );
  expect(listed.status()).toBe(200);
  const bordeauxTenants: string[] = (await listed.json()).items.map(
    (t: { name: string }) => t.name,
  );
  expect(bordeauxTenants).toContain(BORDEAUX_TENANT);
  const markers = new Set<string>(bordeauxTenants);
  const tenantUids: string[] = [];
  for (const name of bordeauxTenants) {
    const detail = await request.get(api(`/api/cloud/tenants/${name}`), {
      headers: { Authorization: marc },
    });
    const tenant = await detail.json();
    for (const value of [tenant.url, tenant.sso?.idpEntityId]) {
      if (typeof value === 'string' && value.length > 12) {
        markers.add(value);
      }
    }
    const entity = await request.get(
      api(`/api/catalog/entities/by-name/tenant/default/${name}`),
      { headers: { Authorization: marc } },
    );
    if (entity.ok()) {
      tenantUids.push((await entity.json()).metadata.uid);
    }
  }
  const marker = `ISOLATION${Date.now().toString(36).toUpperCase()}`;
  markers.add(marker);
  markers.add(marker.toLowerCase());
  const taskId = await createClaireTask(request, claire, marker);
  markers.add(taskId);

  // --------------------------------------------------------------- probes
  const tenantRefs = bordeauxTenants.map(n => `tenant:default/${n}`);
  const probes: Probe[] = [];
  const add = (
    plugin: string,
    method: Probe['method'],
    path: string,
    data?: unknown,
  ) =>
    probes.push({
      plugin,
      method,
      path,
      data,
      refuse:
        bordeauxTenants.some(n => path.includes(n)) || path.includes(taskId),
    });

  // catalog
  for (const path of [
    '/entities?limit=5000',
    '/entities/by-query?limit=5000',
    '/entities/by-query?filter=kind=tenant&limit=500',
    `/entities/by-query?filter=relations.ownedby=group:default/${BORDEAUX}&limit=500`,
    '/entities/by-query?filter=relations.instanceof=application:default/sifac&limit=500',
    '/entities/by-query?fullTextFilterTerm=0333298f&limit=500',
    `/entities/by-name/group/default/${BORDEAUX}`,
    `/entities/by-name/group/default/${BORDEAUX}/ancestry`,
    '/entities/by-name/application/default/sifac',
    '/entities/by-name/application/default/siham',
    '/entities/by-name/user/default/claire.dubois',
    '/entity-facets?facet=relations.ownerOf',
    '/entity-facets?facet=relations.hasInstance',
    '/entity-facets?facet=relations.ownedBy',
    '/entity-facets?facet=relations.instanceOf',
    '/entity-facets?facet=metadata.name',
    '/entity-facets?facet=metadata.title',
    '/entity-facets?facet=spec.establishment',
    '/entity-facets?facet=spec.url',
    '/entity-facets?facet=spec.sso.idpEntityId',
    '/entity-facets?facet=kind',
    '/locations',
    '/.backstage/actions/v1/actions',
  ]) {
    add('catalog', 'get', path);
  }
  for (const name of bordeauxTenants) {
    add('catalog', 'get', `/entities/by-name/tenant/default/${name}`);
    add('catalog', 'get', `/entities/by-name/tenant/default/${name}/ancestry`);
    add('catalog', 'get', `/locations/by-entity/tenant/default/${name}`);
    add('catalog', 'post', '/refresh', { entityRef: `tenant:default/${name}` });
  }
  for (const uid of tenantUids) {
    add('catalog', 'get', `/entities/by-uid/${uid}`);
    add('catalog', 'delete', `/entities/by-uid/${uid}`);
  }
  add('catalog', 'post', '/entities/by-refs', { entityRefs: tenantRefs });
  add('catalog', 'post', '/analyze-location', {
    location: { type: 'url', target: 'https://example.org/catalog-info.yaml' },
  });
  add('catalog', 'post', '/locations?dryRun=true', {
    type: 'url',
    target: 'https://example.org/catalog-info.yaml',
  });
  add('catalog', 'post', '/validate-entity', {
    location: 'url:https://example.org/x.yaml',
    entity: { apiVersion: 'backstage.io/v1alpha1', kind: 'Component' },
  });
  add(
    'catalog',
    'post',
    '/.backstage/actions/v1/actions/catalog:query-catalog-entities/invoke',
    {},
  );
  add(
    'catalog',
    'post',
    '/.backstage/actions/v1/actions/catalog:get-catalog-entity/invoke',
    { name: BORDEAUX_TENANT, kind: 'Tenant' },
  );

  // scaffolder
  for (const path of [
    '/v2/tasks',
    '/v2/tasks?createdBy=user:default/claire.dubois',
    '/v2/tasks?status=failed',
    `/v2/tasks/${taskId}`,
    `/v2/tasks/${taskId}/events`,
    '/v2/actions',
    '/v2/templates/default/template/decommissionner-une-instance/parameter-schema',
    '/v2/templates/default/template/demander-une-instance/parameter-schema',
    '/.backstage/actions/v1/actions',
  ]) {
    add('scaffolder', 'get', path);
  }
  add('scaffolder', 'post', `/v2/tasks/${taskId}/cancel`);
  add('scaffolder', 'post', `/v2/tasks/${taskId}/retry`, {});
  add('scaffolder', 'post', '/v2/dry-run', {
    template: {
      apiVersion: 'scaffolder.backstage.io/v1beta3',
      kind: 'Template',
      metadata: { name: 'x' },
      spec: { steps: [] },
    },
    values: {},
    directoryContents: [],
  });

  // search
  for (const term of ['0333298f', 'sifac-0333298f', 'bordeaux', marker]) {
    add('search', 'get', `/query?term=${encodeURIComponent(term)}`);
    add(
      'search',
      'get',
      `/query?term=${encodeURIComponent(term)}&types[0]=software-catalog`,
    );
    add(
      'search',
      'get',
      `/query?term=${encodeURIComponent(term)}&types[0]=techdocs`,
    );
  }

  // notifications, signals, events, user settings, permission
  for (const path of [
    '/notifications?limit=200',
    '/notifications?limit=200&read=true',
    '/status',
    '/settings',
    '/topics',
  ]) {
    add('notifications', 'get', path);
  }
  add('signals', 'get', '/');
  add('events', 'get', '/');
  add('events', 'post', '/http/cloud.tenant', { name: BORDEAUX_TENANT });
  add('user-settings', 'get', '/buckets/default/keys/x');
  add('permission', 'post', '/authorize', {
    items: bordeauxTenants.map((name, i) => ({
      id: String(i),
      permission: {
        type: 'resource',
        name: 'cloud.tenant.read',
        attributes: { action: 'read' },
        resourceType: 'cloud-tenant',
      },
      resourceRef: name,
    })),
  });

  // cloud API and its actions
  for (const path of [
    '/tenants?limit=500',
    `/tenants?establishment=${BORDEAUX}&limit=500`,
    '/tenants?application=sifac&limit=500',
    '/reports/adoption-summary',
    '/reports/adoption',
    '/reports/funnel',
    '/reports/durations',
    '/reports/blocked',
    '/reports/adoption?format=csv',
    '/reports/adoption?format=csv&view=funding',
    '/reports/adoption?format=csv&view=overdue',
    '/todo',
    '/todo?limit=500',
    '/health',
    '/.backstage/actions/v1/actions',
  ]) {
    add('cloud', 'get', path);
  }
  for (const name of bordeauxTenants) {
    add('cloud', 'get', `/tenants/${name}`);
    add('cloud', 'post', `/tenants/${name}/comments`, { comment: 'Bonjour' });
    add('cloud', 'put', `/tenants/${name}/steps/acceptance/due-date`, {
      dueDate: '2027-01-15',
      reason: 'Bonjour',
      rowVersion: 1,
    });
    add('cloud', 'post', `/tenants/${name}/steps/acceptance`, {
      action: 'start',
      rowVersion: 1,
    });
    add('cloud', 'post', `/tenants/${name}/decision`, {
      decision: 'approve',
      rowVersion: 1,
    });
    add('cloud', 'post', `/tenants/${name}/version`, {
      version: '2026.2',
      rowVersion: 1,
    });
    add('cloud', 'post', `/tenants/${name}/decommission`, {
      reason: 'x',
      rowVersion: 1,
    });
    add('cloud', 'put', `/tenants/${name}/funding`, {
      grantedEur: 1,
      paidEur: 0,
      rowVersion: 1,
    });
    add('cloud', 'put', `/tenants/${name}/training`, {
      sessionsHeld: 1,
      staffTrained: 1,
      rowVersion: 1,
    });
  }
  add(
    'cloud',
    'post',
    '/.backstage/actions/v1/actions/cloud:list-tenants/invoke',
    {
      establishment: [BORDEAUX],
    },
  );
  add(
    'cloud',
    'post',
    '/.backstage/actions/v1/actions/cloud:get-tenant/invoke',
    {
      name: BORDEAUX_TENANT,
    },
  );

  // techdocs
  for (const name of bordeauxTenants) {
    add('techdocs', 'get', `/metadata/entity/default/tenant/${name}`);
    add('techdocs', 'get', `/metadata/techdocs/default/tenant/${name}`);
    add('techdocs', 'get', `/static/docs/default/tenant/${name}/index.html`);
  }
  add('techdocs', 'get', '/metadata/entity/default/application/sifac');
  add('techdocs', 'get', `/metadata/entity/default/group/${BORDEAUX}`);

  // ------------------------------------------------------------------ run
  const leaks: Leak[] = [];
  const inspect = (
    label: string,
    requestText: string,
    status: number,
    body: string,
    refuse = false,
  ) => {
    const text = body.toLowerCase();
    const asked = requestText.toLowerCase();
    const found = [...markers].filter(
      m => text.includes(m.toLowerCase()) && !asked.includes(m.toLowerCase()),
    );
    const named = [...markers].some(m => asked.includes(m.toLowerCase()));
    if (named && /"kind"\s*:\s*"tenant"/.test(text)) {
      found.push('a Tenant entity in the answer');
    }
    if (refuse && ![401, 403, 404].includes(status)) {
      found.push(`answered ${status} on a route of a Bordeaux tenant or task`);
    }
    if (found.length) {
      leaks.push({ probe: label, status, found });
    }
  };

  const send = (probe: Probe, authorization: string) =>
    request.fetch(api(`/api/${probe.plugin}${probe.path}`), {
      method: probe.method.toUpperCase(),
      headers: { Authorization: authorization },
      data: probe.data,
      maxRedirects: 0,
    });
  let staticProbes = 0;
  for (const probe of probes) {
    const res = await send(probe, julien);
    const label = `${probe.method.toUpperCase()} /api/${probe.plugin}${
      probe.path
    }`;
    const body = await res.text();
    if (STATIC.test(probe.path) && probe.method === 'get') {
      staticProbes += 1;
      const asAmue = await (await send(probe, marc)).text();
      if (body !== asAmue) {
        leaks.push({
          probe: label,
          status: res.status(),
          found: ['a catalogue of code that differs between Julien and Amue'],
        });
      }
      continue;
    }
    inspect(
      label,
      `${probe.path} ${JSON.stringify(probe.data ?? '')}`,
      res.status(),
      body,
      probe.refuse,
    );
  }

  // MCP, with the official client
  const client = new Client({ name: 'isolation-suite', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(
      new URL(api('/api/mcp-actions/v1'), baseURL),
      { requestInit: { headers: { Authorization: julien } } },
    ),
  );
  let mcpProbes = 0;
  try {
    const { tools } = await client.listTools();
    mcpProbes += 1;
    const amue = new Client({ name: 'isolation-suite-amue', version: '1.0.0' });
    await amue.connect(
      new StreamableHTTPClientTransport(
        new URL(api('/api/mcp-actions/v1'), baseURL),
        { requestInit: { headers: { Authorization: marc } } },
      ),
    );
    const amueTools = (await amue.listTools()).tools;
    await amue.close();
    if (JSON.stringify(tools) !== JSON.stringify(amueTools)) {
      leaks.push({
        probe: 'MCP tools/list',
        status: 200,
        found: ['a tools list that differs between Julien and Amue'],
      });
    }
    const calls: Array<[string, Record<string, unknown>]> = [
      ['cloud.list-tenants', { limit: 500 }],
      ['cloud.list-tenants', { establishment: [BORDEAUX], limit: 500 }],
      ['cloud.get-tenant', { name: BORDEAUX_TENANT }],
      ['catalog.query-catalog-entities', {}],
      ['catalog.get-catalog-entity', { name: BORDEAUX_TENANT, kind: 'Tenant' }],
      ['catalog.get-catalog-entity', { name: BORDEAUX, kind: 'Group' }],
      ['catalog.get-catalog-entity', { name: 'sifac', kind: 'Application' }],
    ];
    for (const [name, args] of calls) {
      mcpProbes += 1;
      const result = await client.callTool({ name, arguments: args });
      const asksBordeauxTenant = JSON.stringify(args).includes(BORDEAUX_TENANT);
      inspect(
        `MCP tools/call ${name} ${JSON.stringify(args)}`,
        JSON.stringify(args),
        result.isError ? 404 : 200,
        JSON.stringify(result),
        asksBordeauxTenant,
      );
    }
  } finally {
    await client.close();
  }

  const plugins = new Set(probes.map(p => p.plugin));
  const total = probes.length + mcpProbes;
  // eslint-disable-next-line no-console
  console.log(
    `isolation surface: ${total} probes over ${plugins.size + 1} plugins (${[
      ...plugins,
      'mcp-actions',
    ].join(', ')}), ${
      staticProbes + 1
    } of them catalogues of code compared with Amue's answer, ${
      leaks.length
    } leaks`,
  );
  for (const leak of leaks) {
    // eslint-disable-next-line no-console
    console.log(
      `  LEAK ${leak.probe} -> ${leak.status}: ${leak.found.join(', ')}`,
    );
  }
  expect(leaks).toEqual([]);
  expect(total).toBeGreaterThan(100);
});
