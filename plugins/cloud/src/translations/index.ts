import { createTranslationResource } from '@backstage/frontend-plugin-api';
import { cloudTranslationRef } from '../translation';

/**
 * The French translation of the portal's messages, loaded on demand. The
 * app installs it with a TranslationBlueprint.
 *
 * @public
 */
export const cloudTranslations = createTranslationResource({
  ref: cloudTranslationRef,
  translations: {
    fr: () => import('./fr'),
  },
});
