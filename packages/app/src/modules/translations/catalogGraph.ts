import { createTranslationMessages } from '@backstage/frontend-plugin-api';
import { catalogGraphTranslationRef } from '@backstage/plugin-catalog-graph/alpha';

/** French messages for `@backstage/plugin-catalog-graph` (relations card and graph page). */
export const catalogGraphMessages = createTranslationMessages({
  ref: catalogGraphTranslationRef,
  full: false,
  messages: {
    'catalogGraphCard.title': 'Relations',
    'catalogGraphCard.deepLinkTitle': 'Voir le graphe',
    'catalogGraphPage.title': 'Graphe du catalogue',
    'catalogGraphPage.filterToggleButtonTitle': 'Filtres',
    'catalogGraphPage.supportButtonDescription':
      "Commencez à suivre votre composant en l'ajoutant au catalogue logiciel.",
    'catalogGraphPage.simplifiedSwitchLabel': 'Simplifié',
    'catalogGraphPage.mergeRelationsSwitchLabel': 'Fusionner les relations',
    'catalogGraphPage.zoomOutDescription':
      "Pincez et zoomez pour vous déplacer dans le diagramme. Cliquez pour changer le nœud actif, Maj+clic pour ouvrir l'entité.",
    'catalogGraphPage.curveFilter.title': 'Courbe',
    'catalogGraphPage.curveFilter.curveMonotoneX': 'Monotone X',
    'catalogGraphPage.curveFilter.curveStepBefore': 'En escalier',
    'catalogGraphPage.directionFilter.title': 'Direction',
    'catalogGraphPage.directionFilter.leftToRight': 'De gauche à droite',
    'catalogGraphPage.directionFilter.rightToLeft': 'De droite à gauche',
    'catalogGraphPage.directionFilter.topToBottom': 'De haut en bas',
    'catalogGraphPage.directionFilter.bottomToTop': 'De bas en haut',
    'catalogGraphPage.maxDepthFilter.title': 'Profondeur maximale',
    'catalogGraphPage.maxDepthFilter.inputPlaceholder': '∞ Infinie',
    'catalogGraphPage.maxDepthFilter.clearButtonAriaLabel':
      'effacer la profondeur maximale',
    'catalogGraphPage.selectedKindsFilter.title': 'Natures',
    'catalogGraphPage.selectedRelationsFilter.title': 'Relations',
  },
});

export default catalogGraphMessages;
