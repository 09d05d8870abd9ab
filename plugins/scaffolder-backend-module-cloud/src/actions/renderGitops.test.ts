import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { createRenderGitopsAction } from './renderGitops';
import { examples } from './renderGitops.examples';

const production = {
  name: 'sifac-0333298f-production',
  application: 'sifac',
  uai: '0333298F',
  environment: 'production',
  version: '2026.2',
  idpEntityId: 'https://idp.u-bordeaux.fr/idp/shibboleth',
  expectedUsers: 1200,
};

describe('cloud:gitops:render', () => {
  const mockDir = createMockDirectory();
  const workspace = () => path.join(mockDir.path, 'workspace');
  const outside = () => path.join(mockDir.path, 'outside');
  const action = createRenderGitopsAction({ baseDomain: 'cloud.amue.fr' });

  beforeEach(() => {
    mockDir.setContent({ workspace: {}, outside: {} });
  });

  function context(input: object, extra: object = {}) {
    return {
      ...createMockActionContext({
        input: input as any,
        workspacePath: workspace(),
      }),
      ...extra,
    };
  }

  function read(relative: string) {
    return yaml
      .parseAllDocuments(
        fs.readFileSync(path.join(workspace(), relative), 'utf8'),
      )
      .map(d => d.toJS());
  }

  it('renders the namespace and the Helm values of the example', async () => {
    const input = yaml.parse(examples[0].example).steps[0].input;
    const ctx = context(input);
    await action.handler(ctx);

    const folder = 'gitops/tenants/sifac-0333298f-production';
    expect(ctx.output).toHaveBeenCalledWith('files', [
      'tenants/sifac-0333298f-production/namespace.yaml',
      'tenants/sifac-0333298f-production/values.yaml',
    ]);
    const [namespace, quota] = read(`${folder}/namespace.yaml`);
    expect(namespace).toMatchObject({
      kind: 'Namespace',
      metadata: {
        name: 'sifac-0333298f-production',
        labels: {
          'cloud.amue.fr/application': 'sifac',
          'cloud.amue.fr/uai': '0333298f',
          'cloud.amue.fr/environment': 'production',
        },
      },
    });
    expect(quota).toMatchObject({
      kind: 'ResourceQuota',
      metadata: { namespace: 'sifac-0333298f-production' },
      spec: { hard: { 'requests.cpu': '3', 'requests.memory': '6Gi' } },
    });
    const [values] = read(`${folder}/values.yaml`);
    expect(values).toEqual({
      tenant: {
        name: 'sifac-0333298f-production',
        establishment: 'etab-0333298f',
        uai: '0333298F',
      },
      application: { name: 'sifac', version: '2026.2' },
      environment: 'production',
      ingress: {
        enabled: true,
        hosts: ['sifac-0333298f.cloud.amue.fr'],
        tls: true,
      },
      sso: {
        enabled: true,
        protocol: 'saml',
        federation: 'renater',
        idpEntityId: 'https://idp.u-bordeaux.fr/idp/shibboleth',
      },
      sizing: {
        size: 'M',
        expectedUsers: 1200,
        replicas: 2,
        resources: {
          requests: { cpu: '1', memory: '2Gi' },
          limits: { cpu: '2', memory: '4Gi' },
        },
      },
    });
  });

  it('sizes from the expected users, small outside production, without SSO when none given', async () => {
    const ctx = context({
      tenants: [
        { ...production, expectedUsers: 25000 },
        {
          ...production,
          name: 'sifac-0333298f-formation',
          environment: 'formation',
          idpEntityId: undefined,
        },
      ],
    });
    await action.handler(ctx);
    const [big] = read('gitops/tenants/sifac-0333298f-production/values.yaml');
    expect(big.sizing).toMatchObject({ size: 'XL', replicas: 3 });
    const [training] = read(
      'gitops/tenants/sifac-0333298f-formation/values.yaml',
    );
    expect(training.sizing).toMatchObject({ size: 'S', replicas: 1 });
    expect(training.sso).toEqual({ enabled: false });
    expect(training.ingress.hosts).toEqual([
      'sifac-0333298f.formation.cloud.amue.fr',
    ]);
  });

  it('renders the same in dry-run (the workspace is the task’s own)', async () => {
    const ctx = context({ tenants: [production] }, { isDryRun: true });
    await action.handler(ctx);
    expect(
      fs.existsSync(
        path.join(
          workspace(),
          'gitops/tenants/sifac-0333298f-production/values.yaml',
        ),
      ),
    ).toBe(true);
  });

  it('keeps a value from a form out of the YAML structure', async () => {
    const ctx = context({
      tenants: [{ ...production, version: '2026.2\nsso:\n  enabled: false' }],
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      'input.tenants[0].version',
    );
    const ctx2 = context({
      tenants: [
        { ...production, idpEntityId: 'https://idp.fr/x"\nadmin: true' },
      ],
    });
    await expect(action.handler(ctx2)).rejects.toThrow(
      'input.tenants[0].idpEntityId',
    );
    expect(fs.readdirSync(workspace())).toEqual([]);
  });

  it.each([
    [
      { name: '../../outside' },
      'input.tenants[0].name "../../outside" is not a tenant name',
    ],
    [
      { name: 'sifac-0597239y-production' },
      'does not match its application, UAI and environment',
    ],
    [{ uai: '0333298X' }, 'input.tenants[0].uai is invalid'],
    [
      { environment: 'staging' },
      'input.tenants[0].environment "staging" is not an environment',
    ],
    [
      { application: 'Sifac' },
      'input.tenants[0].application "Sifac" is not an application name',
    ],
    [
      { expectedUsers: -3 },
      'input.tenants[0].expectedUsers must be a whole number',
    ],
  ])(
    'rejects the descriptor %j and writes nothing',
    async (change, message) => {
      const ctx = context({ tenants: [{ ...production, ...change }] });
      await expect(action.handler(ctx)).rejects.toThrow(message);
      expect(fs.readdirSync(workspace())).toEqual([]);
      expect(fs.readdirSync(outside())).toEqual([]);
    },
  );

  it('rejects a target path out of the workspace', async () => {
    for (const targetPath of [
      '../outside',
      '/tmp/elsewhere',
      'gitops/../../outside',
    ]) {
      const ctx = context({ tenants: [production], targetPath });
      await expect(action.handler(ctx)).rejects.toThrow(
        `input.targetPath "${targetPath}" points outside of the workspace`,
      );
    }
    expect(fs.readdirSync(outside())).toEqual([]);
  });

  it('refuses to write through a symbolic link', async () => {
    fs.symlinkSync(outside(), path.join(workspace(), 'gitops'));
    const ctx = context({ tenants: [production] });
    await expect(action.handler(ctx)).rejects.toThrow(
      'input.targetPath "gitops" goes through a symbolic link (gitops)',
    );
    expect(fs.readdirSync(outside())).toEqual([]);
  });

  it('refuses a symbolic link planted inside the tenant folder', async () => {
    const folder = path.join(workspace(), 'gitops/tenants');
    fs.mkdirSync(folder, { recursive: true });
    fs.symlinkSync(outside(), path.join(folder, 'sifac-0333298f-production'));
    const ctx = context({ tenants: [production] });
    await expect(action.handler(ctx)).rejects.toThrow(
      'goes through a symbolic link',
    );
    expect(fs.readdirSync(outside())).toEqual([]);
  });
});
