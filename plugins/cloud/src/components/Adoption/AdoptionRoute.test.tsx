import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { screen, within } from '@testing-library/react';
import { cloudApiRef } from '../../api';
import {
  AdoptionRoute,
  filtersKey,
  filtersOfKey,
  takeAdoptionAskedAhead,
} from './AdoptionRoute';
import { mockCloudApi } from './__testUtils__/testData';

describe('AdoptionRoute', () => {
  it('asks for the adoption report of the address before the page loads, and the page takes it', async () => {
    const cloudApi = mockCloudApi();
    // Whether the page was on screen when each report was asked.
    const pageShown: boolean[] = [];
    const getReport = cloudApi.getReport.getMockImplementation()!;
    cloudApi.getReport.mockImplementation(async (...args: any[]) => {
      pageShown.push(
        screen.queryByRole('heading', { level: 1, name: 'Adoption' }) !== null,
      );
      return (getReport as any)(...args);
    });
    renderInTestApp(<AdoptionRoute />, {
      apis: [
        [cloudApiRef, cloudApi],
        mockApis.permission({ authorize: AuthorizeResult.ALLOW }),
      ],
      initialRouteEntries: ['/cloud/adoption?region=nouvelle-aquitaine'],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });

    expect(
      await screen.findByRole('heading', {
        level: 2,
        name: 'Adoption by application',
      }),
    ).toBeInTheDocument();
    // One adoption report, for the address's filters: the one the route
    // asked for (the page did not ask again).
    const adoptionCalls = cloudApi.getReport.mock.calls.filter(
      ([name]) => name === 'adoption',
    );
    expect(adoptionCalls).toEqual([
      ['adoption', { region: 'nouvelle-aquitaine' }],
    ]);
    // asked before the page's code had loaded; the other three by the page
    expect(pageShown).toEqual([false, true, true, true]);
    expect(cloudApi.getReport.mock.calls[0][0]).toBe('adoption');
    expect(takeAdoptionAskedAhead({ region: 'nouvelle-aquitaine' })).toBe(
      undefined,
    );
    // ... whose figures the page shows: the matrix has the region's
    // establishments only.
    const matrix = await screen.findByRole('table', {
      name: /^Establishments × applications/,
    });
    expect(within(matrix).getByText('Université de Bordeaux')).toBeVisible();
    expect(within(matrix).queryByText('Université de Lille')).toBeNull();
  });
});

describe('filtersKey', () => {
  it('writes and reads the filters of an address in one order', () => {
    const filters = { region: 'bretagne', q: 'rennes 2', application: 'sifac' };
    expect(filtersOfKey(filtersKey(filters))).toEqual(filters);
    expect(filtersKey({})).toBe(filtersKey({ region: '' }));
  });
});
