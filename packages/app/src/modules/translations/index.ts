import {
  TranslationMessages,
  TranslationRef,
  createFrontendModule,
  createTranslationResource,
} from '@backstage/frontend-plugin-api';
import { TranslationBlueprint } from '@backstage/plugin-app-react';
import { coreComponentsTranslationRef } from '@backstage/core-components/alpha';
import { catalogTranslationRef } from '@backstage/plugin-catalog/alpha';
import { catalogReactTranslationRef } from '@backstage/plugin-catalog-react/alpha';
import { catalogGraphTranslationRef } from '@backstage/plugin-catalog-graph/alpha';
import { notificationsTranslationRef } from '@backstage/plugin-notifications/alpha';
import { orgTranslationRef } from '@backstage/plugin-org/alpha';
import { scaffolderTranslationRef } from '@backstage/plugin-scaffolder/alpha';
import { scaffolderReactTranslationRef } from '@backstage/plugin-scaffolder-react/alpha';
import { searchTranslationRef } from '@backstage/plugin-search/alpha';
import { searchReactTranslationRef } from '@backstage/plugin-search-react/alpha';
import { techdocsTranslationRef } from '@backstage/plugin-techdocs/alpha';
import { userSettingsTranslationRef } from '@backstage/plugin-user-settings/alpha';

type FrenchTranslation = {
  name: string;
  ref: TranslationRef;
  load: () => Promise<{ default: TranslationMessages }>;
};

/**
 * French translations of the Backstage plugins used by the portal, one
 * file per plugin, loaded on demand.
 */
export const frenchTranslations: FrenchTranslation[] = [
  {
    name: 'core-components',
    ref: coreComponentsTranslationRef,
    load: () => import('./coreComponents'),
  },
  {
    name: 'catalog',
    ref: catalogTranslationRef,
    load: () => import('./catalog'),
  },
  {
    name: 'catalog-react',
    ref: catalogReactTranslationRef,
    load: () => import('./catalogReact'),
  },
  {
    name: 'catalog-graph',
    ref: catalogGraphTranslationRef,
    load: () => import('./catalogGraph'),
  },
  {
    name: 'scaffolder',
    ref: scaffolderTranslationRef,
    load: () => import('./scaffolder'),
  },
  {
    name: 'scaffolder-react',
    ref: scaffolderReactTranslationRef,
    load: () => import('./scaffolderReact'),
  },
  {
    name: 'techdocs',
    ref: techdocsTranslationRef,
    load: () => import('./techdocs'),
  },
  {
    name: 'user-settings',
    ref: userSettingsTranslationRef,
    load: () => import('./userSettings'),
  },
  { name: 'search', ref: searchTranslationRef, load: () => import('./search') },
  {
    name: 'search-react',
    ref: searchReactTranslationRef,
    load: () => import('./searchReact'),
  },
  {
    name: 'notifications',
    ref: notificationsTranslationRef,
    load: () => import('./notifications'),
  },
  { name: 'org', ref: orgTranslationRef, load: () => import('./org') },
];

/*
 * Each set of messages is a TranslationResource registered for `fr` only:
 * installing bare TranslationMessages would override the English defaults,
 * so users who pick English would still see French.
 */
export const translationsModule = createFrontendModule({
  pluginId: 'app',
  extensions: frenchTranslations.map(({ name, ref, load }) =>
    TranslationBlueprint.make({
      name: `${name}-fr`,
      params: {
        resource: createTranslationResource({
          ref,
          translations: { fr: load as any },
        }),
      },
    }),
  ),
});
