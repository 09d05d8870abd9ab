import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { eventsServiceRef } from '@backstage/plugin-events-node';
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
    // Processing errors, as the catalog publishes them on the events service.
    const catalogErrors: string[] = [];
    const errorListener = createBackendModule({
      pluginId: 'catalog',
      moduleId: 'test-errors',
      register(reg) {
        reg.registerInit({
          deps: { events: eventsServiceRef },
          async init({ events }) {
            await events.subscribe({
              id: 'test-errors',
              topics: ['experimental.catalog.errors'],
              async onEvent({ eventPayload }) {
                for (const error of (eventPayload as any).errors ?? []) {
                  catalogErrors.push(`${error.name}: ${error.message}`);
                }
              },
            });
          },
        });
      },
    });
    const { server } = await startTestBackend({
      features: [
        catalogPlugin,
        errorListener,
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

    // The refusal is a fact the catalog publishes: the location of the
    // other file fails its processing with a NotAllowedError naming the
    // Template. Wait for that error (no fixed sleep), then check what got in.
    let refused: string | undefined;
    for (let i = 0; i < 200 && !refused; i++) {
      await new Promise(resolve => setTimeout(resolve, 250));
      refused = catalogErrors.find(
        message =>
          message.startsWith('NotAllowedError') &&
          message.includes('template:default/smuggled'),
      );
    }
    expect(refused).toContain('is not of an allowed kind for that location');
    // The allowed entities of the other locations are in, the refused one
    // is not.
    const names = async () =>
      (
        await get('/api/catalog/entities?filter=kind=template,kind=component')
      ).body
        .map((e: any) => e.metadata.name)
        .sort();
    let seen: string[] = [];
    for (let i = 0; i < 200 && seen.length < 2; i++) {
      seen = await names();
      if (seen.length < 2) await new Promise(r => setTimeout(r, 250));
    }
    expect(seen).toEqual(['ours', 'witness']);
  }, 120_000);
});
