import { createApp } from '@backstage/frontend-defaults';
import { appModule } from './modules/app';
import { navModule } from './modules/nav';
import { translationsModule } from './modules/translations';

export default createApp({
  features: [appModule, navModule, translationsModule],
});
