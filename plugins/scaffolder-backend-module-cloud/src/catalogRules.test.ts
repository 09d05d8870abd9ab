import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleTemplateKind from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import yaml from 'yaml';

/*
 * The catalog rules of app-config.yaml: Template entities come only from
 * the portal's own templates/ folder (listed by catalog/all.yaml) — a
 * Template in any other file location is refused. Runs the real catalog
 * backend on a copy of that layout.
 */

const REPO = path.resolve(__dirname, '../../..');

function rulesOfAppConfig() {
  const config = yaml.parse(
    fs.readFileSync(path.join(REPO, 'app-config.yaml'), 'utf8'),
  );
  return config.catalog.rules;
}

function templateEntity(name: string) {
  return yaml.stringify({
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: { name },
    spec: { type: 'instance', steps: [{ action: 'debug:log' }] },
  });
}

describe('catalog rules of the portal', () => {
  const mockDir = createMockDirectory();

  it('reads Templates from templates/ only', async () => {
    mockDir.setContent({
      catalog: {
        'all.yaml': yaml.stringify({
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Location',
          metadata: { name: 'portail' },
          spec: { targets: ['../templates/*/template.yaml'] },
        }),
      },
      templates: { ours: { 'template.yaml': templateEntity('ours') } },
      elsewhere: {
        'template.yaml': templateEntity('smuggled'),
        'component.yaml': yaml.stringify({
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'witness' },
          spec: {
            type: 'service',
            lifecycle: 'production',
            owner: 'amue-admins',
          },
        }),
      },
    });
    const { server } = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleTemplateKind,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              rules: rulesOfAppConfig(),
              processingInterval: { seconds: 1 },
              locations: [
                { type: 'file', target: mockDir.resolve('catalog/all.yaml') },
                {
                  type: 'file',
                  target: mockDir.resolve('elsewhere/template.yaml'),
                },
                {
                  type: 'file',
                  target: mockDir.resolve('elsewhere/component.yaml'),
                },
              ],
            },
          },
        }),
      ],
    });
    const get = (url: string) =>
      request(server)
        .get(url)
        .set('Authorization', mockCredentials.user.header());

    // The two other locations are read in the same processing rounds: once
    // the Component of one is in, the Template of the other would be too,
    // had the rules let it through. Watch a few more rounds.
    const names = async () =>
      (
        await get('/api/catalog/entities?filter=kind=template,kind=component')
      ).body
        .map((e: any) => e.metadata.name)
        .sort();
    let seen: string[] = [];
    for (let i = 0; i < 60 && seen.length < 2; i++) {
      await new Promise(resolve => setTimeout(resolve, 500));
      seen = await names();
    }
    expect(seen).toEqual(['ours', 'witness']);
    await new Promise(resolve => setTimeout(resolve, 3000));
    expect(await names()).toEqual(['ours', 'witness']);
  }, 60_000);
});
