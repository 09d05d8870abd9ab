import { createTranslationMessages } from '@backstage/frontend-plugin-api';
import { scaffolderReactTranslationRef } from '@backstage/plugin-scaffolder-react/alpha';

/** French messages for `@backstage/plugin-scaffolder-react` (template cards and the form stepper). */
export const scaffolderReactMessages = createTranslationMessages({
  ref: scaffolderReactTranslationRef,
  full: false,
  messages: {
    'passwordWidget.content':
      "Ce widget n'est pas sécurisé. Utilisez [`ui:field: Secret`](https://backstage.io/docs/features/software-templates/writing-templates/#using-secrets) à la place de `ui:widget: password`",
    'scaffolderPageContextMenu.moreLabel': 'plus',
    'scaffolderPageContextMenu.createLabel': 'Créer',
    'scaffolderPageContextMenu.editorLabel': 'Gérer les modèles',
    'scaffolderPageContextMenu.actionsLabel': 'Actions installées',
    'scaffolderPageContextMenu.tasksLabel': 'Liste des tâches',
    'scaffolderPageContextMenu.templatingExtensionsLabel':
      'Extensions de gabarit',
    'stepper.backButtonText': 'Précédent',
    'stepper.createButtonText': 'Créer',
    'stepper.reviewButtonText': 'Vérifier',
    'stepper.stepIndexLabel': 'Étape {{index, number}}',
    'stepper.nextButtonText': 'Suivant',
    'templateCategoryPicker.title': 'Catégories',
    'templateCard.noDescription': 'Aucune description',
    'templateCard.chooseButtonText': 'Choisir',
    'cardHeader.detailBtnTitle': "Afficher les détails de l'entité modèle",
    'templateOutputs.title': 'Résultat texte',
    'workflow.noDescription': 'Aucune description',
  },
});

export default scaffolderReactMessages;
