import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import type { AdoptionReport, ReportFilters } from '@amue/plugin-cloud-common';
import { lazy, Suspense, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';
import { CloudApi, cloudApiRef } from '../../api';

/*
 * The route of the Adoption page, in the portal's first bundle: it asks
 * for the adoption report of the address's filters as soon as the route is
 * shown, while the page's code (charts, tables: a few hundred kB) loads,
 * instead of once the page has loaded and rendered. The page takes the
 * report asked for it, once.
 */

/** The filters kept in the page's address (`?region=&type=&q=&application=`). */
export const FILTER_KEYS = ['region', 'type', 'q', 'application'] as const;

/** One string per set of filters (the keys' values in a fixed order). */
export function filtersKey(filters: ReportFilters): string {
  return FILTER_KEYS.map(k => filters[k] ?? '').join('\u0000');
}

/** The filters of the page's address, as {@link filtersKey} writes them. */
export function filtersKeyOfSearch(params: URLSearchParams): string {
  return FILTER_KEYS.map(k => params.get(k) ?? '').join('\u0000');
}

/** The filters a {@link filtersKey} stands for (empty values left out). */
export function filtersOfKey(key: string): ReportFilters {
  const values = key.split('\u0000');
  const filters: ReportFilters = {};
  FILTER_KEYS.forEach((k, i) => {
    if (values[i]) {
      filters[k] = values[i];
    }
  });
  return filters;
}

/** How long a report asked ahead waits for the page to take it. */
const ASKED_AHEAD_KEPT_MS = 10_000;

let askedAhead:
  | { key: string; at: number; report: Promise<AdoptionReport> }
  | undefined;

/**
 * The adoption report the route asked for these filters, if it did in the
 * last seconds and nobody took it yet; the caller asks for it otherwise.
 */
export function takeAdoptionAskedAhead(
  filters: ReportFilters,
): Promise<AdoptionReport> | undefined {
  const slot = askedAhead;
  askedAhead = undefined;
  if (
    slot &&
    slot.key === filtersKey(filters) &&
    Date.now() - slot.at < ASKED_AHEAD_KEPT_MS
  ) {
    return slot.report;
  }
  return undefined;
}

const AdoptionPage = lazy(() =>
  import('./AdoptionPage').then(m => ({ default: m.AdoptionPage })),
);

/**
 * Asks for the adoption report of these filters unless a request for them
 * is already waiting to be taken.
 */
function askAhead(cloudApi: CloudApi, key: string): void {
  if (
    askedAhead?.key === key &&
    Date.now() - askedAhead.at < ASKED_AHEAD_KEPT_MS
  ) {
    return;
  }
  const report = cloudApi.getReport<AdoptionReport>(
    'adoption',
    filtersOfKey(key),
  );
  // A failure is the page's to show, when it takes the report.
  report.catch(() => {});
  askedAhead = { key, at: Date.now(), report };
}

/**
 * `page:cloud/adoption`'s element: asks for the adoption report of the
 * address's filters (when first shown and when the filters change), then
 * shows the page, which takes it.
 *
 * @internal
 */
export function AdoptionRoute() {
  const cloudApi = useApi(cloudApiRef);
  const [params] = useSearchParams();
  const key = filtersKeyOfSearch(params);
  // Asked while rendering, not in an effect: the first render of the route
  // comes as soon as its address matches, and its commit can wait for
  // other parts of the portal (the user's profile, translations); that
  // wait is the point. The ref asks once per filters for a mounted route;
  // a render React throws away leaves a request that the next one reuses
  // (askAhead), so nothing is asked twice.
  const asked = useRef<string>();
  if (asked.current !== key) {
    asked.current = key;
    askAhead(cloudApi, key);
  }
  return (
    <Suspense fallback={<Progress />}>
      <AdoptionPage />
    </Suspense>
  );
}
