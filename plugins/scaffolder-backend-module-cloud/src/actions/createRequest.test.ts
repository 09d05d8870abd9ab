import { mockCredentials } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import { startMockCloudBackend } from '../__testUtils__/mockCloudBackend';
import { createCreateRequestAction, idempotencyKeyOf } from './createRequest';
import { examples } from './createRequest.examples';
import { exampleRequest } from './validateRequest.examples';

describe('cloud:request:create', () => {
  let backend: Awaited<ReturnType<typeof startMockCloudBackend>>;

  beforeEach(async () => {
    backend = await startMockCloudBackend();
  });
  afterEach(() => backend.close());

  function context(input: object, extra: object = {}) {
    return {
      ...createMockActionContext({
        input: input as any,
        task: { id: 'task-1' },
      }),
      step: { id: 'request', name: 'Créer la demande' },
      ...extra,
    };
  }

  it('creates one tenant per environment, as the user running the template', async () => {
    const action = createCreateRequestAction({ client: backend.client });
    const input = yaml.parse(examples[0].example).steps[0].input;
    const ctx = context(input);
    await action.handler(ctx);

    const writes = backend.writes();
    expect(writes).toHaveLength(2);
    expect(writes[0].path).toBe('/requests');
    // A token for the cloud plugin on behalf of the initiator (the mock
    // user of the context), not the scaffolder's own service token.
    expect(writes[0].authorization).toContain('"obo":"user:default/mock"');
    expect(writes[0].authorization).toContain('"target":"cloud"');
    expect(writes[0].body).toEqual({
      application: 'sifac',
      uai: '0333298F',
      environment: 'production',
      version: '2026.2',
      sso: {
        protocol: 'saml',
        idpEntityId: 'https://idp.u-bordeaux.fr/idp/shibboleth',
      },
      request: {
        migration: true,
        wishedGoLiveDate: '2030-09-01',
        expectedUsers: 1200,
        contacts: exampleRequest.contacts,
      },
      idempotencyKey: 'scaffolder:task-1:request:production',
    });
    expect(writes[1].body.environment).toBe('preproduction');

    expect(ctx.output).toHaveBeenCalledWith('tenantNames', [
      'sifac-0333298f-production',
      'sifac-0333298f-preproduction',
    ]);
    expect(ctx.output).toHaveBeenCalledWith(
      'tenantRef',
      'tenant:default/sifac-0333298f-production',
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'onboardingUrl',
      '/cloud/tenants/sifac-0333298f-production',
    );
    expect(ctx.output).toHaveBeenCalledWith('created', true);
    expect(ctx.output).toHaveBeenCalledWith('tenants', [
      expect.objectContaining({
        name: 'sifac-0333298f-production',
        application: 'sifac',
        uai: '0333298F',
        environment: 'production',
        version: '2026.2',
        idpEntityId: 'https://idp.u-bordeaux.fr/idp/shibboleth',
        expectedUsers: 1200,
      }),
      expect.objectContaining({ name: 'sifac-0333298f-preproduction' }),
    ]);
    expect(backend.tenants.size).toBe(2);
  });

  it('never creates a second tenant when the task runs again', async () => {
    const action = createCreateRequestAction({ client: backend.client });
    await action.handler(context(exampleRequest));
    const retry = context(exampleRequest);
    await action.handler(retry);

    expect(backend.tenants.size).toBe(2);
    const keys = backend.writes().map(c => c.body.idempotencyKey);
    expect(keys).toEqual([
      'scaffolder:task-1:request:production',
      'scaffolder:task-1:request:preproduction',
      'scaffolder:task-1:request:production',
      'scaffolder:task-1:request:preproduction',
    ]);
    expect(retry.output).toHaveBeenCalledWith('created', false);
    expect(retry.output).toHaveBeenCalledWith(
      'tenantRef',
      'tenant:default/sifac-0333298f-production',
    );
  });

  it('does not call the backend again when the checkpoint holds the result', async () => {
    const action = createCreateRequestAction({ client: backend.client });
    const stored = new Map<string, unknown>();
    const checkpoint = async ({ key, fn }: any) => {
      if (!stored.has(key)) {
        stored.set(key, await fn());
      }
      return stored.get(key);
    };
    await action.handler(context(exampleRequest, { checkpoint }));
    await action.handler(context(exampleRequest, { checkpoint }));
    expect(backend.writes()).toHaveLength(2);
  });

  it('derives distinct keys for distinct tasks, steps and environments', () => {
    const keys = new Set([
      idempotencyKeyOf('a', 'request', 'production'),
      idempotencyKeyOf('b', 'request', 'production'),
      idempotencyKeyOf('a', 'other', 'production'),
      idempotencyKeyOf('a', 'request', 'test'),
    ]);
    expect(keys.size).toBe(4);
    expect(
      idempotencyKeyOf('a', undefined, 'test').length,
    ).toBeGreaterThanOrEqual(8);
  });

  it('creates nothing in dry-run and outputs what it would create', async () => {
    const action = createCreateRequestAction({ client: backend.client });
    const ctx = context(exampleRequest, { isDryRun: true });
    await action.handler(ctx);
    expect(backend.writes()).toEqual([]);
    // the checks of a real run, in the onboarding service, nothing written
    expect(backend.calls.map(c => `${c.method} ${c.path}`)).toEqual([
      'POST /requests?dryRun=true',
      'POST /requests?dryRun=true',
    ]);
    expect(backend.tenants.size).toBe(0);
    expect(ctx.output).toHaveBeenCalledWith(
      'tenantName',
      'sifac-0333298f-production',
    );
    expect(ctx.output).toHaveBeenCalledWith('created', false);
  });

  it('sends nothing for invalid input', async () => {
    const action = createCreateRequestAction({ client: backend.client });
    for (const change of [
      { uai: '0333298G' },
      { environments: ['prod'] },
      { wishedGoLiveDate: '2001-01-01' },
      { idpEntityId: 'not a url' },
      { contacts: [{ name: 'X', email: 'x@localhost' }] },
      { expectedUsers: 2_000_000 },
    ]) {
      const ctx = context({ ...exampleRequest, ...change });
      await expect(action.handler(ctx)).rejects.toThrow(/^input\./);
      expect(ctx.output).not.toHaveBeenCalled();
    }
    expect(backend.calls).toEqual([]);
  });

  it('refuses in dry-run, like the real run, a request for another establishment', async () => {
    const action = createCreateRequestAction({ client: backend.client });
    for (const isDryRun of [true, false]) {
      const ctx = context(
        { ...exampleRequest, uai: '0597239Y' },
        {
          isDryRun,
          getInitiatorCredentials: async () =>
            mockCredentials.user('user:default/claire.dubois'),
        },
      );
      await expect(action.handler(ctx)).rejects.toMatchObject({
        name: 'NotAllowedError',
        message:
          'the onboarding service refused POST /requests?dryRun=true: you may only request instances for your own establishment, not for "etab-0597239y"'.replace(
            '?dryRun=true',
            isDryRun ? '?dryRun=true' : '',
          ),
      });
      expect(ctx.output).not.toHaveBeenCalled();
    }
    expect(backend.tenants.size).toBe(0);
  });

  it("reports the onboarding service's refusal with its message", async () => {
    const action = createCreateRequestAction({ client: backend.client });
    backend.failNextWith(
      403,
      'you may only request instances for your own establishment, not for "etab-0597239y"',
    );
    const ctx = context({ ...exampleRequest, uai: '0597239Y' });
    await expect(action.handler(ctx)).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringContaining(
        'the onboarding service refused POST /requests: you may only request instances for your own establishment',
      ),
    });
    expect(ctx.output).not.toHaveBeenCalled();
  });
});
