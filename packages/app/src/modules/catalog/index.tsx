import {
  coreExtensionData,
  createExtensionInput,
  createFrontendModule,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { catalogPlugin } from '@backstage/plugin-catalog';
import CategoryIcon from '@material-ui/icons/Category';

/**
 * `page:catalog`, replaced: the same page (filters given by the
 * `catalog-filter` extensions, pagination) with the portal's columns for
 * Applications and Tenants.
 */
const catalogPage = PageBlueprint.makeWithOverrides({
  inputs: {
    filters: createExtensionInput([coreExtensionData.reactElement]),
  },
  factory(originalFactory, { inputs }) {
    return originalFactory({
      path: '/catalog',
      routeRef: catalogPlugin.routes.catalogIndex,
      icon: <CategoryIcon fontSize="inherit" />,
      title: 'Catalog',
      loader: async () => {
        const { CatalogIndexPage } = await import('./CatalogIndexPage');
        const filters = inputs.filters.map(filter =>
          filter.get(coreExtensionData.reactElement),
        );
        return <CatalogIndexPage filters={<>{filters}</>} pagination />;
      },
    });
  },
});

/** The portal's catalog list (columns of Applications and Tenants). */
export const catalogModule = createFrontendModule({
  pluginId: 'catalog',
  extensions: [catalogPage],
});
