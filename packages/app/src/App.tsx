import { createApp } from '@backstage/frontend-defaults';
import { appModule } from './modules/app';
import { navModule } from './modules/nav';

export default createApp({
  features: [appModule, navModule],
});
