import {
  ENVIRONMENT_LABELS,
  environmentLabel,
  ONBOARDING_STEP_LABELS,
  onboardingStepLabel,
} from './labels';
import { ENVIRONMENTS } from './constants';
import { ONBOARDING_STEP_IDS } from './onboarding';

describe('the one name of each step and environment', () => {
  it('names every step in French and English, once each', () => {
    for (const language of ['fr', 'en'] as const) {
      expect(Object.keys(ONBOARDING_STEP_LABELS[language])).toEqual([
        ...ONBOARDING_STEP_IDS,
      ]);
      const names = Object.values(ONBOARDING_STEP_LABELS[language]);
      expect(new Set(names).size).toBe(names.length);
    }
    expect(onboardingStepLabel('provisioning')).toBe('Provisionnement');
    expect(onboardingStepLabel('identity')).toBe(
      'Authentification unique (SSO)',
    );
    expect(onboardingStepLabel('data-migration')).toBe('Reprise des données');
    expect(onboardingStepLabel('data-migration', 'en')).toBe('Data migration');
    expect(onboardingStepLabel('nope')).toBe('nope');
  });

  it('names every environment in words', () => {
    for (const language of ['fr', 'en'] as const) {
      expect(Object.keys(ENVIRONMENT_LABELS[language]).sort()).toEqual(
        [...ENVIRONMENTS].sort(),
      );
    }
    expect(environmentLabel('preproduction')).toBe('Pré-production');
    expect(environmentLabel('formation', 'en')).toBe('Training');
    expect(environmentLabel('staging')).toBe('staging');
    // Frozen: one list for every page.
    expect(Object.isFrozen(ENVIRONMENT_LABELS.fr)).toBe(true);
    expect(Object.isFrozen(ONBOARDING_STEP_LABELS.en)).toBe(true);
  });
});
