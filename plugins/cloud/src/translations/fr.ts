import { createTranslationMessages } from '@backstage/frontend-plugin-api';
import { cloudTranslationRef } from '../translation';

const fr = createTranslationMessages({
  ref: cloudTranslationRef,
  full: true,
  messages: {
    'app.title': 'Portail Amue Cloud',
    'nav.home': 'Accueil',
    'nav.applications': 'Applications',
    'nav.catalog': 'Catalogue',
    'nav.request': 'Nouvelle demande',
    'nav.docs': 'Documentation',
    'nav.search': 'Rechercher',
    'nav.menu': 'Menu',
    'nav.settings': 'Paramètres',
    'home.title': 'Portail Amue Cloud',
    'home.subtitle': "Les applications de l'Amue, en mode service",
    'home.greeting': 'Bonjour, {{name}}',
    'home.intro':
      "L'Amue construit les logiciels de gestion de l'enseignement supérieur (finances, ressources humaines, scolarité, recherche…). Avec le programme « mode service », l'Amue héberge et exploite ces applications pour ses établissements membres sur une plateforme mutualisée, avec un financement, un accompagnement et des formations pour aider chaque établissement à basculer.",
    'home.entryPoints': 'Par où commencer',
    'home.catalogTitle': 'Catalogue des applications',
    'home.catalogText':
      "Découvrez les applications de l'Amue proposées en mode service, leurs versions et leurs environnements.",
    'home.requestTitle': 'Demander une instance',
    'home.requestText':
      "Demandez une instance hébergée d'une application pour votre établissement grâce à un formulaire guidé.",
    'home.myInstancesTitle': 'Mes instances',
    'home.myInstancesText':
      'Suivez les instances hébergées de votre établissement, de la demande à la mise en production.',
    'home.docsTitle': 'Documentation',
    'home.docsText':
      'Consultez la documentation des applications et du portail lui-même.',
    'home.open': 'Ouvrir',
    'home.programmeTitle': 'Comment ça marche',
    'home.stepRequest': 'Votre établissement demande une instance',
    'home.stepQualification':
      "L'Amue qualifie la demande et signe la convention",
    'home.stepOnboarding':
      "Déploiement, authentification unique, migration des données, recette et formation",
    'home.stepLive':
      "Mise en production, puis arrêt de l'installation sur site",
    'signIn.title': 'Connexion au Portail Amue Cloud',
    'signIn.devNotice':
      "Connexion de démonstration : choisissez un profil. Cette connexion n'existe pas en production.",
    'signIn.signInAs': 'Se connecter en tant que {{name}}',
    'signIn.oidc': 'Se connecter avec le compte de votre établissement',
    'language.label': 'Langue',
    'language.fr': 'Français',
    'language.en': 'English',
  },
});

export default fr;
