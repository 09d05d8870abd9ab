import { createTranslationMessages } from '@backstage/frontend-plugin-api';
import { searchReactTranslationRef } from '@backstage/plugin-search-react/alpha';

/** French messages for `@backstage/plugin-search-react` (search bar, filters and pagination). */
export const searchReactMessages = createTranslationMessages({
  ref: searchReactTranslationRef,
  full: false,
  messages: {
    'searchBar.title': 'Rechercher',
    'searchBar.placeholder': 'Rechercher dans {{org}}',
    'searchBar.clearButtonTitle': 'Effacer',
    'searchFilter.allOptionTitle': 'Tous',
    'searchPagination.limitLabel': 'Résultats par page :',
    'searchPagination.limitText': 'sur {{num}}',
    noResultsDescription: "Désolé, aucun résultat n'a été trouvé",
    'searchResultGroup.linkTitle': 'Tout voir',
    'searchResultGroup.addFilterButtonTitle': 'Ajouter un filtre',
    'searchResultPager.previous': 'Précédent',
    'searchResultPager.next': 'Suivant',
  },
});

export default searchReactMessages;
