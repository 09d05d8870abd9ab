import fs from 'node:fs';
import path from 'node:path';
import {
  getStepDefinition,
  isOnboardingStepId,
  ONBOARDING_STEP_IDS,
  ONBOARDING_STEPS,
  OnboardingStepId,
} from './steps';

describe('onboarding steps', () => {
  it('lists the nine steps in order with their side, flags and documentation', () => {
    expect(
      ONBOARDING_STEPS.map(s => [
        s.order,
        s.id,
        s.side,
        s.optional,
        s.skippable,
        s.documentation,
      ]),
    ).toEqual([
      [1, 'request', 'establishment', false, false, 'accompagnement#request'],
      [
        2,
        'qualification',
        'amue',
        false,
        false,
        'accompagnement#qualification',
      ],
      [3, 'provisioning', 'amue', false, false, 'accompagnement#provisioning'],
      [4, 'identity', 'establishment', false, false, 'accompagnement#identity'],
      [
        5,
        'data-migration',
        'amue',
        false,
        true,
        'accompagnement#data-migration',
      ],
      [
        6,
        'acceptance',
        'establishment',
        false,
        true,
        'accompagnement#acceptance',
      ],
      [7, 'training', 'amue', false, true, 'accompagnement#training'],
      [8, 'go-live', 'amue', false, false, 'accompagnement#go-live'],
      [
        9,
        'decommissioning',
        'establishment',
        true,
        true,
        'accompagnement#decommissioning',
      ],
    ]);
    expect(ONBOARDING_STEPS.map(s => s.id)).toEqual([...ONBOARDING_STEP_IDS]);
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(ONBOARDING_STEPS)).toBe(true);
    expect(ONBOARDING_STEPS.every(s => Object.isFrozen(s))).toBe(true);
  });

  it.each(ONBOARDING_STEP_IDS.map(id => [id]))(
    'finds the definition of %s',
    id => {
      expect(getStepDefinition(id).id).toBe(id);
      expect(isOnboardingStepId(id)).toBe(true);
    },
  );

  it('refuses what is not a step id', () => {
    expect(isOnboardingStepId('golive')).toBe(false);
    expect(isOnboardingStepId(undefined)).toBe(false);
    expect(() => getStepDefinition('golive' as OnboardingStepId)).toThrow(
      '"golive" is not an onboarding step: expected one of request, qualification, provisioning, identity, data-migration, acceptance, training, go-live, decommissioning',
    );
  });

  it("has its documentation anchor in every application's TechDocs", () => {
    // The portal links each step to `<page>#<step>` of the application's
    // docs (catalog/applications/<name>/docs): the anchor must exist there.
    // The nearest catalog/applications above this file: the repository's,
    // also from a copy of the package (mutation testing's sandbox).
    let root = __dirname;
    while (!fs.existsSync(path.join(root, 'catalog', 'applications'))) {
      expect(path.dirname(root)).not.toBe(root);
      root = path.dirname(root);
    }
    const applications = path.join(root, 'catalog', 'applications');
    const names = fs.readdirSync(applications);
    expect(names.length).toBeGreaterThan(0);
    const missing = names.flatMap(name =>
      ONBOARDING_STEPS.filter(({ documentation }) => {
        const [page, anchor] = documentation.split('#');
        const file = path.join(applications, name, 'docs', `${page}.md`);
        return !(
          fs.existsSync(file) &&
          fs.readFileSync(file, 'utf8').includes(`<a id="${anchor}"></a>`)
        );
      }).map(({ documentation }) => `${name}: ${documentation}`),
    );
    expect(missing).toEqual([]);
  });
});
