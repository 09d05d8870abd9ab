import {
  adoptionTotals,
  bestAdoptionState,
  type AdoptionReport,
} from './reports';

describe('bestAdoptionState', () => {
  it('is live when one application is, else in progress when one is', () => {
    expect(
      bestAdoptionState({ a: 'not_started', b: 'in_progress', c: 'live' }),
    ).toBe('live');
    expect(
      bestAdoptionState({
        a: 'in_progress',
        b: 'not_started',
        c: 'not_started',
      }),
    ).toBe('in_progress');
    expect(bestAdoptionState({ a: 'not_started' })).toBe('not_started');
    expect(bestAdoptionState({})).toBe('not_started');
  });

  it("reads only the row's own cells", () => {
    const inherited = Object.create({ a: 'live' });
    inherited.b = 'in_progress';
    expect(bestAdoptionState(inherited)).toBe('in_progress');
  });
});

describe('adoptionTotals', () => {
  it('counts each establishment once, live before in progress', () => {
    const row = (
      establishment: string,
      cells: AdoptionReport['establishments'][number]['cells'],
    ) => ({
      establishment,
      title: establishment,
      uai: establishment,
      region: null,
      type: null,
      cells,
    });
    const report: AdoptionReport = {
      applications: [],
      establishments: [
        row('a', { sifac: 'live', siham: 'in_progress' }),
        row('b', { sifac: 'in_progress', siham: 'in_progress' }),
        row('c', { sifac: 'not_started', siham: 'not_started' }),
        row('d', {}),
      ],
      funding: { grantedEur: 10, paidEur: 4 },
      training: { sessionsHeld: 3, staffTrained: 25 },
      overdue: { total: 5, steps: [], applications: [] },
      envelope: {
        envelopeEur: 40,
        programme: true,
        grantedEur: 10,
        paidEur: 4,
        remainingEur: 30,
        consumedShare: 0.25,
        establishments: [],
        applications: [],
      },
    };
    expect(adoptionTotals(report)).toEqual({
      establishments: 4,
      establishmentsLive: 1,
      establishmentsInProgress: 1,
      grantedEur: 10,
      paidEur: 4,
      sessionsHeld: 3,
      staffTrained: 25,
      overdueSteps: 5,
      envelopeEur: 40,
      remainingEur: 30,
      consumedShare: 0.25,
    });
  });
});
