/*
 * A backend for the ingestion benchmark (run.ts starts it): the catalog with
 * the portal's catalog module, plus a provider that emits synthetic entities
 * when the benchmark asks for them (POST /api/catalog/bench/emit).
 */
import { createBackend } from '@backstage/backend-defaults';
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  EntityProviderConnection,
  catalogProcessingExtensionPoint,
} from '@backstage/plugin-catalog-node';
import express from 'express';
import Router from 'express-promise-router';
import {
  ENVIRONMENTS,
  tenantName,
  uaiOfEstablishment,
} from '@amue/plugin-cloud-common';
// eslint-disable-next-line @backstage/no-forbidden-package-imports -- the benchmark times the module's internals on purpose
import { catalogModuleCloud } from '@amue/plugin-catalog-backend-module-cloud/src/module';
// eslint-disable-next-line @backstage/no-forbidden-package-imports -- the benchmark times the module's internals on purpose
import { tenantToEntity } from '@amue/plugin-catalog-backend-module-cloud/src/providers/TenantEntityProvider';
import { randomUUID } from 'node:crypto';
// The portal backend's database service (SQLite in WAL mode), so that the
// benchmark measures the catalog as the portal runs it. Benchmark only.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { tunedDatabaseServiceFactory } from '../../../backend/src/database/tunedDatabaseService';

type EmitRequest = {
  kind: 'Tenant' | 'Resource';
  count: number;
  establishments: string[];
  applications: Array<{ name: string; version: string }>;
  mode: 'full' | 'delta';
  batchSize: number;
};

/** Every (environment, application, establishment) combination, in order. */
function* combinations(req: EmitRequest) {
  for (const environment of ENVIRONMENTS) {
    for (const app of req.applications) {
      for (const establishment of req.establishments) {
        yield { environment, app, establishment };
      }
    }
  }
}

/**
 * N entities, each owned by an establishment and tied to an application.
 * Tenants are the provider's own entities (`tenantToEntity`, with the
 * title, links, annotations and SSO of a tenant in onboarding), so that the
 * benchmark ingests what the portal ingests.
 */
function synthesize(req: EmitRequest): Entity[] {
  const entities: Entity[] = [];
  const annotations = {
    'backstage.io/managed-by-location': 'bench:synthetic',
    'backstage.io/managed-by-origin-location': 'bench:synthetic',
  };
  const now = new Date().toISOString();
  for (const { environment, app, establishment } of combinations(req)) {
    if (entities.length >= req.count) break;
    const uai = uaiOfEstablishment(establishment)!;
    const name = tenantName(app.name, uai, environment);
    if (req.kind === 'Tenant') {
      const entity = tenantToEntity(
        {
          id: randomUUID(),
          name,
          application: app.name,
          establishment,
          uai,
          environment,
          version: app.version,
          status: 'onboarding',
          currentStep: 'identity',
          url: `https://${name}.cloud.amue.fr`,
          ssoProtocol: 'saml',
          ssoIdpEntityId: `https://idp.${uai.toLowerCase()}.example.fr/idp/shibboleth`,
          suspended: false,
          decommissioned: false,
          request: { migration: true, contacts: [] },
          createdBy: 'user:default/bench',
          createdAt: now,
          updatedAt: now,
          rowVersion: 3,
        },
        {
          application: app.name.toUpperCase(),
          establishment: `Établissement ${uai}`,
        },
      );
      entity.metadata.annotations = {
        ...entity.metadata.annotations,
        ...annotations,
      };
      entities.push(entity);
    } else {
      entities.push({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: { name, annotations },
        spec: {
          type: 'hosted-instance',
          owner: `group:default/${establishment}`,
          dependsOn: [`application:default/${app.name}`],
        },
      });
    }
  }
  return entities;
}

class BenchProvider implements EntityProvider {
  connection?: EntityProviderConnection;
  getProviderName() {
    return 'BenchProvider';
  }
  async connect(connection: EntityProviderConnection) {
    this.connection = connection;
  }
}

const benchModule = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'bench',
  register(reg) {
    reg.registerInit({
      deps: {
        processing: catalogProcessingExtensionPoint,
        httpRouter: coreServices.httpRouter,
      },
      async init({ processing, httpRouter }) {
        const provider = new BenchProvider();
        processing.addEntityProvider(provider);
        const router = Router();
        router.use(express.json({ limit: '10mb' }));
        router.post('/bench/emit', async (req, res) => {
          const body = req.body as EmitRequest;
          const entities = synthesize(body).map(entity => ({
            entity,
            locationKey: 'bench',
          }));
          if (body.mode === 'full') {
            await provider.connection!.applyMutation({
              type: 'full',
              entities,
            });
          } else {
            for (let i = 0; i < entities.length; i += body.batchSize) {
              await provider.connection!.applyMutation({
                type: 'delta',
                added: entities.slice(i, i + body.batchSize),
                removed: [],
              });
            }
          }
          res.json({ emitted: entities.length });
        });
        httpRouter.use(router);
      },
    });
  },
});

const backend = createBackend();
// BENCH_SQLITE=stock: backend-defaults' own database service (rollback
// journal, synchronous FULL), the baseline of docs/benchmarks.md.
if (process.env.BENCH_SQLITE !== 'stock') {
  backend.add(tunedDatabaseServiceFactory);
}
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(catalogModuleCloud);
backend.add(benchModule);
backend.start();
