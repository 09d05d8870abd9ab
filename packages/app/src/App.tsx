import { createApp } from '@backstage/frontend-defaults';
import {
  catalogGraphModuleCloud,
  scaffolderModuleCloud,
} from '@amue/plugin-cloud';
import { appModule } from './modules/app';
import { catalogModule } from './modules/catalog';
import { languageModule } from './modules/language';
import { navModule } from './modules/nav';
import { translationsModule } from './modules/translations';

export default createApp({
  features: [
    appModule,
    catalogModule,
    navModule,
    translationsModule,
    languageModule,
    // Application/Tenant relations (hasInstance, instanceOf) in the catalog graph.
    catalogGraphModuleCloud,
    // The request form's review page and translated task failures (/create).
    scaffolderModuleCloud,
  ],
});
