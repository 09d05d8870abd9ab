import { createTranslationMessages } from '@backstage/frontend-plugin-api';
import { scaffolderTranslationRef } from '@backstage/plugin-scaffolder/alpha';

/**
 * French messages for `@backstage/plugin-scaffolder` (templates, forms,
 * task runs and the template editor).
 *
 * `templateEditorToolbar.addToCatalogDialogActions.documentationUrl` is a URL
 * and is deliberately left to the English default.
 */
export const scaffolderMessages = createTranslationMessages({
  ref: scaffolderTranslationRef,
  full: false,
  messages: {
    'aboutCard.launchTemplate': 'Lancer le modèle',
    'actionsPage.title': 'Actions installées',
    'actionsPage.pageTitle': 'Créer un nouveau composant',
    'actionsPage.subtitle': 'Liste de toutes les actions installées',
    'actionsPage.content.emptyState.title': 'Aucune information à afficher',
    'actionsPage.content.emptyState.description':
      "Aucune action n'est installée, ou la communication avec le serveur a échoué.",
    'actionsPage.content.searchFieldPlaceholder': 'Rechercher une action',
    'actionsPage.action.input': 'Entrée',
    'actionsPage.action.output': 'Sortie',
    'actionsPage.action.examples': 'Exemples',
    'fields.entityNamePicker.title': 'Nom',
    'fields.entityNamePicker.description': 'Nom unique du composant',
    'fields.entityPicker.title': 'Entité',
    'fields.entityPicker.description': 'Une entité du catalogue',
    'fields.entityTagsPicker.title': 'Étiquettes',
    'fields.entityTagsPicker.description':
      'Ajoutez les étiquettes utiles, appuyez sur « Entrée » pour en ajouter une. Format valide : [a-z0-9+#] séparés par [-], 63 caractères au maximum',
    'fields.multiEntityPicker.title': 'Entité',
    'fields.multiEntityPicker.description': 'Une entité du catalogue',
    'fields.myGroupsPicker.title': 'Entité',
    'fields.myGroupsPicker.description': 'Une entité du catalogue',
    'fields.ownedEntityPicker.title': 'Entité',
    'fields.ownedEntityPicker.description': 'Une entité du catalogue',
    'fields.ownerPicker.title': 'Propriétaire',
    'fields.ownerPicker.description': 'Le propriétaire du composant',
    'fields.azureRepoPicker.organization.title': 'Organisation',
    'fields.azureRepoPicker.organization.description':
      "L'organisation à laquelle appartiendra ce dépôt",
    'fields.azureRepoPicker.project.title': 'Projet',
    'fields.azureRepoPicker.project.description':
      'Le projet auquel appartiendra ce dépôt',
    'fields.bitbucketRepoPicker.workspaces.title':
      'Espaces de travail autorisés',
    'fields.bitbucketRepoPicker.workspaces.inputTitle': 'Espaces de travail',
    'fields.bitbucketRepoPicker.workspaces.description':
      "L'espace de travail auquel appartiendra ce dépôt",
    'fields.bitbucketRepoPicker.project.title': 'Projets autorisés',
    'fields.bitbucketRepoPicker.project.inputTitle': 'Projets',
    'fields.bitbucketRepoPicker.project.description':
      'Le projet auquel appartiendra ce dépôt',
    'fields.gerritRepoPicker.owner.title': 'Propriétaire',
    'fields.gerritRepoPicker.owner.description':
      'Le propriétaire du projet (facultatif)',
    'fields.gerritRepoPicker.parent.title': 'Parent',
    'fields.gerritRepoPicker.parent.description':
      'Le projet parent auquel appartiendra ce dépôt',
    'fields.giteaRepoPicker.owner.title': 'Propriétaires disponibles',
    'fields.giteaRepoPicker.owner.inputTitle': 'Propriétaire',
    'fields.giteaRepoPicker.owner.description':
      "L'espace de noms Gitea auquel appartiendra ce dépôt : organisation, groupe, sous-groupe, utilisateur ou projet.",
    'fields.githubRepoPicker.owner.title': 'Propriétaires disponibles',
    'fields.githubRepoPicker.owner.inputTitle': 'Propriétaire',
    'fields.githubRepoPicker.owner.description':
      "L'organisation, l'utilisateur ou le projet auquel appartiendra ce dépôt",
    'fields.gitlabRepoPicker.owner.title': 'Propriétaires disponibles',
    'fields.gitlabRepoPicker.owner.inputTitle': 'Propriétaire',
    'fields.gitlabRepoPicker.owner.description':
      "L'espace de noms GitLab auquel appartiendra ce dépôt : organisation, groupe, sous-groupe, utilisateur ou projet.",
    'fields.repoUrlPicker.host.title': 'Hôte',
    'fields.repoUrlPicker.host.description':
      "L'hôte sur lequel le dépôt sera créé",
    'fields.repoUrlPicker.repository.title': 'Dépôts disponibles',
    'fields.repoUrlPicker.repository.inputTitle': 'Dépôt',
    'fields.repoUrlPicker.repository.description': 'Le nom du dépôt',
    'fields.repoOwnerPicker.title': 'Propriétaire',
    'fields.repoOwnerPicker.description': 'Le propriétaire du dépôt',
    'listTaskPage.title': 'Liste des tâches',
    'listTaskPage.pageTitle': 'Tâches des modèles',
    'listTaskPage.subtitle': 'Toutes les tâches lancées',
    'listTaskPage.content.emptyState.title': 'Aucune information à afficher',
    'listTaskPage.content.emptyState.description':
      "Il n'y a aucune tâche, ou la communication avec le serveur a échoué.",
    'listTaskPage.content.tableTitle': 'Tâches',
    'listTaskPage.content.tableCell.taskID': 'Identifiant de la tâche',
    'listTaskPage.content.tableCell.template': 'Modèle',
    'listTaskPage.content.tableCell.created': 'Créée le',
    'listTaskPage.content.tableCell.owner': 'Propriétaire',
    'listTaskPage.content.tableCell.status': 'Statut',
    'ownerListPicker.title': 'Propriétaire de la tâche',
    'ownerListPicker.options.owned': 'Les miennes',
    'ownerListPicker.options.all': 'Toutes',
    'ongoingTask.title': 'Exécution de',
    'ongoingTask.pageTitle.hasTemplateName': 'Exécution de {{templateName}}',
    'ongoingTask.pageTitle.noTemplateName': "Exécution d'un modèle",
    'ongoingTask.subtitle': 'Tâche {{taskId}}',
    'ongoingTask.cancelButtonTitle': 'Annuler',
    'ongoingTask.retryButtonTitle': 'Réessayer',
    'ongoingTask.startOverButtonTitle': 'Recommencer',
    'ongoingTask.hideLogsButtonTitle': 'Masquer les journaux',
    'ongoingTask.showLogsButtonTitle': 'Afficher les journaux',
    'ongoingTask.contextMenu.moreOptions': "Plus d'options",
    'ongoingTask.contextMenu.hideLogs': 'Masquer les journaux',
    'ongoingTask.contextMenu.showLogs': 'Afficher les journaux',
    'ongoingTask.contextMenu.hideButtonBar': 'Masquer la barre de boutons',
    'ongoingTask.contextMenu.retry': 'Réessayer',
    'ongoingTask.contextMenu.showButtonBar': 'Afficher la barre de boutons',
    'ongoingTask.contextMenu.startOver': 'Recommencer',
    'ongoingTask.contextMenu.cancel': 'Annuler',
    'templateEditorForm.stepper.emptyText':
      'Ce modèle ne définit aucun paramètre à prévisualiser.',
    'renderSchema.tableCell.name': 'Nom',
    'renderSchema.tableCell.title': 'Titre',
    'renderSchema.tableCell.description': 'Description',
    'renderSchema.tableCell.type': 'Type',
    'renderSchema.tableCell.value': 'Valeur',
    'renderSchema.undefined': 'Aucun schéma défini',
    'templatingExtensions.title': 'Extensions de gabarit',
    'templatingExtensions.pageTitle': 'Extensions de gabarit',
    'templatingExtensions.subtitle':
      'Liste des extensions de gabarit disponibles',
    'templatingExtensions.content.emptyState.title':
      'Aucune information à afficher',
    'templatingExtensions.content.emptyState.description':
      "Aucune extension de gabarit n'est disponible, ou la communication avec le serveur a échoué.",
    'templatingExtensions.content.searchFieldPlaceholder':
      'Rechercher une extension',
    'templatingExtensions.content.filters.title': 'Filtres',
    'templatingExtensions.content.filters.notAvailable':
      "Aucun filtre de gabarit n'est défini.",
    'templatingExtensions.content.filters.metadataAbsent':
      'Métadonnées du filtre indisponibles',
    'templatingExtensions.content.filters.schema.input': 'Entrée',
    'templatingExtensions.content.filters.schema.arguments': 'Arguments',
    'templatingExtensions.content.filters.schema.output': 'Sortie',
    'templatingExtensions.content.filters.examples': 'Exemples',
    'templatingExtensions.content.functions.title': 'Fonctions',
    'templatingExtensions.content.functions.notAvailable':
      "Aucune fonction globale de gabarit n'est définie.",
    'templatingExtensions.content.functions.metadataAbsent':
      'Métadonnées de la fonction indisponibles',
    'templatingExtensions.content.functions.schema.arguments': 'Arguments',
    'templatingExtensions.content.functions.schema.output': 'Sortie',
    'templatingExtensions.content.functions.examples': 'Exemples',
    'templatingExtensions.content.values.title': 'Valeurs',
    'templatingExtensions.content.values.notAvailable':
      "Aucune valeur globale de gabarit n'est définie.",
    'templateTypePicker.title': 'Catégories',
    'templateIntroPage.title': 'Gérer les modèles',
    'templateIntroPage.subtitle':
      'Modifier, prévisualiser et tester les modèles, les formulaires et les champs personnalisés',
    'templateFormPage.title': 'Éditeur de modèles',
    'templateFormPage.subtitle':
      'Modifier, prévisualiser et tester les formulaires des modèles',
    'templateCustomFieldPage.title': 'Explorateur de champs personnalisés',
    'templateCustomFieldPage.subtitle':
      'Modifier, prévisualiser et tester les champs personnalisés',
    'templateEditorPage.title': 'Éditeur de modèles',
    'templateEditorPage.subtitle':
      'Modifier, prévisualiser et tester les modèles et leurs formulaires',
    'templateEditorPage.dryRunResults.title':
      "Résultats de l'exécution à blanc",
    'templateEditorPage.dryRunResultsList.title': 'Résultat {{resultId}}',
    'templateEditorPage.dryRunResultsList.downloadButtonTitle':
      'Télécharger au format .zip',
    'templateEditorPage.dryRunResultsList.deleteButtonTitle':
      'Supprimer le résultat',
    'templateEditorPage.dryRunResultsView.tab.files': 'Fichiers',
    'templateEditorPage.dryRunResultsView.tab.log': 'Journal',
    'templateEditorPage.dryRunResultsView.tab.output': 'Sortie',
    'templateEditorPage.taskStatusStepper.skippedStepTitle': 'Ignorée',
    'templateEditorPage.customFieldExplorer.selectFieldLabel':
      'Choisir une extension de champ personnalisé',
    'templateEditorPage.customFieldExplorer.fieldForm.title':
      'Options du champ',
    'templateEditorPage.customFieldExplorer.fieldForm.applyButtonTitle':
      'Appliquer',
    'templateEditorPage.customFieldExplorer.fieldPreview.title':
      'Aperçu du champ',
    'templateEditorPage.customFieldExplorer.preview.title':
      'Spécification du modèle',
    'templateEditorPage.templateEditorBrowser.closeConfirmMessage':
      'Êtes-vous sûr ? Les modifications non enregistrées seront perdues',
    'templateEditorPage.templateEditorBrowser.saveIconTooltip':
      'Enregistrer tous les fichiers',
    'templateEditorPage.templateEditorBrowser.reloadIconTooltip':
      'Recharger le répertoire',
    'templateEditorPage.templateEditorBrowser.closeIconTooltip':
      'Fermer le répertoire',
    'templateEditorPage.templateEditorIntro.title':
      "Pour commencer, choisissez l'une des options ci-dessous",
    'templateEditorPage.templateEditorIntro.loadLocal.title':
      'Charger un répertoire de modèle',
    'templateEditorPage.templateEditorIntro.loadLocal.description':
      "Chargez un répertoire de modèle local pour modifier votre propre modèle et essayer de l'exécuter.",
    'templateEditorPage.templateEditorIntro.loadLocal.unsupportedTooltip':
      'Disponible uniquement dans certains navigateurs basés sur Chromium, avec la page chargée en HTTPS',
    'templateEditorPage.templateEditorIntro.createLocal.title':
      'Créer un nouveau modèle',
    'templateEditorPage.templateEditorIntro.createLocal.description':
      "Créez un répertoire de modèle local pour modifier votre propre modèle et essayer de l'exécuter.",
    'templateEditorPage.templateEditorIntro.createLocal.unsupportedTooltip':
      'Disponible uniquement dans certains navigateurs basés sur Chromium, avec la page chargée en HTTPS',
    'templateEditorPage.templateEditorIntro.formEditor.title':
      'Bac à sable des formulaires',
    'templateEditorPage.templateEditorIntro.formEditor.description':
      "Prévisualisez et modifiez le formulaire d'un modèle, à partir d'un modèle d'exemple ou d'un modèle chargé depuis le catalogue.",
    'templateEditorPage.templateEditorIntro.fieldExplorer.title':
      'Explorateur de champs personnalisés',
    'templateEditorPage.templateEditorIntro.fieldExplorer.description':
      'Consultez et essayez les extensions de champs personnalisés installées.',
    'templateEditorPage.templateEditorTextArea.saveIconTooltip':
      'Enregistrer le fichier',
    'templateEditorPage.templateEditorTextArea.refreshIconTooltip':
      'Recharger le fichier',
    'templateEditorPage.templateEditorTextArea.emptyStateParagraph':
      'Choisissez une action dans le menu Fichier.',
    'templateEditorPage.templateFormPreviewer.title':
      'Charger un modèle existant',
    'templateListPage.title': 'Créer un nouveau composant',
    'templateListPage.subtitle':
      'Créez de nouveaux composants logiciels à partir des modèles standard de votre organisation',
    'templateListPage.pageTitle': 'Créer un nouveau composant',
    'templateListPage.templateGroups.defaultTitle': 'Modèles',
    'templateListPage.templateGroups.otherTitle': 'Autres modèles',
    'templateListPage.contentHeader.registerExistingButtonTitle':
      'Référencer un composant existant',
    'templateListPage.contentHeader.supportButtonTitle':
      'Créez de nouveaux composants logiciels à partir de modèles standard. Chaque modèle crée un type de composant différent (services, sites web, documentation…).',
    'templateListPage.additionalLinksForEntity.viewTechDocsTitle':
      'Voir la documentation',
    'templateWizardPage.title': 'Créer un nouveau composant',
    'templateWizardPage.subtitle':
      'Créez de nouveaux composants logiciels à partir des modèles standard de votre organisation',
    'templateWizardPage.pageTitle': 'Créer un nouveau composant',
    'templateWizardPage.templateWithTitle': 'Créer : {{templateTitle}}',
    'templateWizardPage.pageContextMenu.editConfigurationTitle':
      'Modifier la configuration',
    'templateEditorToolbar.customFieldExplorerTooltip':
      'Explorateur de champs personnalisés',
    'templateEditorToolbar.installedActionsDocumentationTooltip':
      'Documentation des actions installées',
    'templateEditorToolbar.templatingExtensionsDocumentationTooltip':
      'Documentation des extensions de gabarit',
    'templateEditorToolbar.addToCatalogButton': 'Publier',
    'templateEditorToolbar.addToCatalogDialogTitle':
      'Publier les modifications',
    'templateEditorToolbar.addToCatalogDialogContent.stepsIntroduction':
      'Suivez les instructions ci-dessous pour créer ou mettre à jour un modèle :',
    'templateEditorToolbar.addToCatalogDialogContent.stepsListItems':
      "Enregistrez les fichiers du modèle dans un répertoire local\nCréez une demande de fusion (pull request) vers un dépôt git nouveau ou existant\nSi le modèle existe déjà, les modifications apparaîtront dans le catalogue logiciel une fois la demande de fusion acceptée\nS'il s'agit d'un nouveau modèle, suivez la documentation ci-dessous pour référencer le nouveau dépôt de modèle dans le catalogue logiciel",
    'templateEditorToolbar.addToCatalogDialogActions.documentationButton':
      'Consulter la documentation',
    'templateEditorToolbarFileMenu.button': 'Fichier',
    'templateEditorToolbarFileMenu.options.openDirectory':
      'Ouvrir un répertoire de modèle',
    'templateEditorToolbarFileMenu.options.createDirectory':
      'Créer un répertoire de modèle',
    'templateEditorToolbarFileMenu.options.closeEditor':
      "Fermer l'éditeur de modèles",
    'templateEditorToolbarTemplatesMenu.button': 'Modèles',
  },
});

export default scaffolderMessages;
