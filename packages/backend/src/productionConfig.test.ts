import { ConfigSources } from '@backstage/config-loader';
import path from 'node:path';
import { isDevSignInEnabled } from './modules/devAuthProvider';

const root = path.resolve(__dirname, '../../..');

async function load(...files: string[]) {
  const env: Record<string, string> = {
    PORTAL_BASE_URL: 'https://cloud.amue.fr',
    POSTGRES_HOST: 'db',
    POSTGRES_USER: 'portal',
    POSTGRES_PASSWORD: 'secret',
    BACKEND_SECRET: 'backend-secret',
    AUTH_SESSION_SECRET: 'session-secret',
    OIDC_METADATA_URL: 'https://idp.amue.fr/.well-known/openid-configuration',
    OIDC_CLIENT_ID: 'portal',
    OIDC_CLIENT_SECRET: 'oidc-secret',
    GITOPS_REPOSITORY: 'https://git.amue.fr/cloud/gitops.git',
  };
  const source = ConfigSources.defaultForTargets({
    rootDir: root,
    targets: files.map(f => ({
      type: 'path' as const,
      target: path.join(root, f),
    })),
    substitutionFunc: async name => env[name],
  });
  const config = await ConfigSources.toConfig(source);
  config.close();
  return config;
}

describe('configuration files', () => {
  it('enables the demonstration sign-in in the embedded default', async () => {
    const config = await load('app-config.yaml');
    expect(isDevSignInEnabled(config)).toBe(true);
    expect(config.getString('backend.database.client')).toBe('better-sqlite3');
  });

  it('makes the demonstration sign-in impossible in production', async () => {
    const config = await load('app-config.yaml', 'app-config.production.yaml');
    expect(config.getString('auth.environment')).toBe('production');
    expect(isDevSignInEnabled(config)).toBe(false);
  });

  it('reads the production database, secrets, URLs and OIDC from the environment', async () => {
    const config = await load('app-config.yaml', 'app-config.production.yaml');
    expect(config.getString('backend.database.client')).toBe('pg');
    expect(config.getString('backend.database.connection.host')).toBe('db');
    expect(config.getString('backend.database.connection.password')).toBe(
      'secret',
    );
    expect(config.getString('app.baseUrl')).toBe('https://cloud.amue.fr');
    expect(config.getString('backend.baseUrl')).toBe('https://cloud.amue.fr');
    expect(config.getString('auth.session.secret')).toBe('session-secret');
    expect(
      config.getString('auth.providers.oidc.production.clientSecret'),
    ).toBe('oidc-secret');
    expect(
      config
        .getConfigArray('backend.auth.externalAccess')[0]
        .getString('options.token'),
    ).toBe('backend-secret');
  });

  it('is fit for several replicas: event bus, GitOps remote, prebuilt TechDocs, graceful shutdown', async () => {
    const config = await load('app-config.yaml', 'app-config.production.yaml');
    expect(config.getString('events.useEventBus')).toBe('always');
    expect(config.getString('cloud.gitops.repository')).toBe(
      'https://git.amue.fr/cloud/gitops.git',
    );
    expect(config.getBoolean('cloud.gitops.requireRemote')).toBe(true);
    expect(config.getString('techdocs.builder')).toBe('external');
    expect(config.getString('techdocs.publisher.local.publishDirectory')).toBe(
      '/app/techdocs',
    );
    expect(
      config.getNumber('backend.lifecycle.serverShutdownDelay.seconds'),
    ).toBeGreaterThanOrEqual(5);
    expect(config.getOptionalBoolean('cloud.demoData')).toBe(false);
  });

  it('signs in through the federation resolver only in production', async () => {
    const config = await load('app-config.yaml', 'app-config.production.yaml');
    const providers = config.getConfig('auth.providers');
    expect([...providers.keys()].sort()).toEqual(['dev', 'oidc']);
    expect(isDevSignInEnabled(config)).toBe(false);
    expect(
      providers
        .getConfigArray('oidc.production.signIn.resolvers')
        .map(r => r.getString('resolver')),
    ).toEqual(['federation']);
    expect(
      config.getStringArray('auth.federation.allowedAffiliations'),
    ).toEqual(['staff', 'employee']);
  });
});
