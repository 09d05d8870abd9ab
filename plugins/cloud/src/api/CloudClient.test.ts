import { ResponseError } from '@backstage/errors';
import { CloudClient } from './CloudClient';

/** A fetch API that answers `answer` and records each call. */
function fakeFetch(answer: () => Response) {
  const calls: Array<{ url: string; init?: RequestInit }> = [];
  return {
    calls,
    fetchApi: {
      fetch: jest.fn(async (url: any, init?: RequestInit) => {
        calls.push({ url: String(url), init });
        return answer();
      }),
    },
  };
}

const discoveryApi = {
  getBaseUrl: async (pluginId: string) => `http://backend/api/${pluginId}`,
};

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

describe('CloudClient', () => {
  it('lists tenants with repeated filters, as the API reads them', async () => {
    const { calls, fetchApi } = fakeFetch(() => json({ items: [] }));
    const client = new CloudClient({ discoveryApi, fetchApi });
    await expect(
      client.listTenants({
        status: ['live', 'onboarding'],
        blocked: false,
        limit: 20,
        include: 'steps',
      }),
    ).resolves.toEqual({ items: [] });
    expect(calls[0].url).toBe(
      'http://backend/api/cloud/tenants?status=live&status=onboarding&include=steps&blocked=false&limit=20',
    );
  });

  it('sends writes as JSON to the tenant path', async () => {
    const { calls, fetchApi } = fakeFetch(() => json({ name: 'x' }));
    const client = new CloudClient({ discoveryApi, fetchApi });
    await client.applyStepAction('sifac-0333298f-production', 'identity', {
      action: 'complete',
      rowVersion: 3,
    });
    expect(calls[0].url).toBe(
      'http://backend/api/cloud/tenants/sifac-0333298f-production/steps/identity',
    );
    expect(calls[0].init).toMatchObject({
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ action: 'complete', rowVersion: 3 }),
    });
  });

  it('throws a ResponseError carrying the status of a refusal', async () => {
    const { fetchApi } = fakeFetch(() =>
      json({ error: { name: 'ConflictError', message: 'stale' } }, 409),
    );
    const client = new CloudClient({ discoveryApi, fetchApi });
    const error = await client
      .recordFunding('t', { grantedEur: 1, paidEur: 0, rowVersion: 1 })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(409);
  });

  it('fetches a report as CSV, with the view of the adoption report', async () => {
    const { calls, fetchApi } = fakeFetch(
      () =>
        new Response('a,b\r\n', { headers: { 'Content-Type': 'text/csv' } }),
    );
    const client = new CloudClient({ discoveryApi, fetchApi });
    const blob = await client.getReportCsv('adoption', 'totals');
    expect(await blob.text()).toBe('a,b\r\n');
    expect(calls[0].url).toBe(
      'http://backend/api/cloud/reports/adoption?format=csv&view=totals',
    );
    await client.getReportCsv('funnel');
    expect(calls[1].url).toBe(
      'http://backend/api/cloud/reports/funnel?format=csv',
    );
  });
});
