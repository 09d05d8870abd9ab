/*
 * The backend of the Portail Amue Cloud (new backend system).
 */

import { createBackend } from '@backstage/backend-defaults';
import { authModuleDevProvider } from './modules/devAuthProvider';
import { rootHealthServiceFactory } from './modules/rootHealth';
import { rootHttpRouterWithShutdown } from './modules/rootHttpRouter';
import { eventsModuleEventBusCheck } from './modules/eventBusCheck';
import { tunedDatabaseServiceFactory } from './database/tunedDatabaseService';

const backend = createBackend();

// readiness reports the database (docs/operations.md)
backend.add(rootHealthServiceFactory);
// a graceful shutdown that ends WebSockets and long polls (replicas)
backend.add(rootHttpRouterWithShutdown);

// SQLite connections in WAL mode with foreign keys on (docs/decisions.md)
backend.add(tunedDatabaseServiceFactory);

backend.add(import('@backstage/plugin-app-backend'));

// auth: OpenID Connect in production, demonstration personas elsewhere
backend.add(import('@backstage/plugin-auth-backend'));
// OpenID Connect with the federation sign-in resolver (establishment staff)
backend.add(import('@amue/plugin-auth-backend-module-federation'));
backend.add(authModuleDevProvider);

// catalog
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
backend.add(import('@amue/plugin-catalog-backend-module-cloud'));

// permissions: the portal's own policy
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('@amue/plugin-permission-backend-module-cloud-policy'));

// self-service
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);
backend.add(import('@amue/plugin-scaffolder-backend-module-cloud'));

// docs
backend.add(import('@backstage/plugin-techdocs-backend'));

// search: PostgreSQL engine when the database is PostgreSQL, Lunr otherwise
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(import('@backstage/plugin-search-backend-module-techdocs'));

// platform services
backend.add(import('@backstage/plugin-events-backend'));
// refuses events.useEventBus: always without PostgreSQL (replicas)
backend.add(eventsModuleEventBusCheck);
// Argo CD's notifications on the HTTP ingress (topic argocd), signed
backend.add(import('@amue/plugin-events-backend-module-argocd'));
backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));
backend.add(import('@backstage/plugin-mcp-actions-backend'));

// the portal
backend.add(import('@amue/plugin-cloud-backend'));
// demo data of the embedded default: seeds only when cloud.demoData is true
// (app-config.yaml), never in production (app-config.production.yaml)
backend.add(import('@amue/plugin-cloud-backend-module-demo-data'));

// A plugin that fails to start (e.g. its migrations met another replica's
// migration lock on an empty database) makes the process exit, so that the
// orchestrator starts it again, instead of staying alive and never ready.
backend.start().catch(error => {
  process.stderr.write(`Backend startup failed: ${error?.stack ?? error}\n`);
  process.exit(1);
});
