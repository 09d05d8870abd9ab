import { createTranslationMessages } from '@backstage/frontend-plugin-api';
import { searchTranslationRef } from '@backstage/plugin-search/alpha';

/** French messages for `@backstage/plugin-search`. */
export const searchMessages = createTranslationMessages({
  ref: searchTranslationRef,
  full: false,
  messages: {
    'searchModal.viewFullResults': 'Voir tous les résultats',
    'searchType.allResults': 'Tous les résultats',
    'searchType.tabs.allTitle': 'Tout',
    'searchType.accordion.allTitle': 'Tout',
    'searchType.accordion.collapse': 'Replier',
    'searchType.accordion.numberOfResults': '{{number}} résultats',
    'sidebarSearchModal.title': 'Rechercher',
  },
});

export default searchMessages;
