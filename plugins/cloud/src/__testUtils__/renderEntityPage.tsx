import type { Entity } from '@backstage/catalog-model';
import type { ExtensionDefinition } from '@backstage/frontend-plugin-api';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  catalogApiMock,
  createTestEntityPage,
} from '@backstage/plugin-catalog-react/testUtils';

/**
 * Renders entity extensions of the plugin (cards, as the app would: through
 * their blueprint, filter included) on a test entity page for `entity`,
 * with an in-memory catalog holding `entities`.
 */
export function renderEntityPage(
  entity: Entity,
  extensions: ExtensionDefinition<any>[],
  entities: Entity[] = [],
) {
  return renderTestApp({
    extensions: [createTestEntityPage({ entity }), ...extensions],
    apis: [catalogApiMock({ entities: [entity, ...entities] })],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}
