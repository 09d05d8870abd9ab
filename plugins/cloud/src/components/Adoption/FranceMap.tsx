import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  bestAdoptionState,
  type AdoptionReport,
  type AdoptionState,
  type EstablishmentAdoption,
} from '@amue/plugin-cloud-common';
import { Flex, Text } from '@backstage/ui';
import { makeStyles } from '@material-ui/core/styles';
import {
  geoConicConformal,
  geoMercator,
  geoPath,
  type GeoProjection,
} from 'd3-geo';
import { useMemo, useState } from 'react';
import { feature } from 'topojson-client';
import countries from 'world-atlas/countries-50m.json';
import { cloudTranslationRef } from '../../translation';
import { FilterSelect } from '../common/FilterSelect';
import { DataColumn, DataTable } from './DataTable';
import { TableDisclosure } from './ReportSection';
import { AdoptionStatePill, useChartColors } from './states';
import { useAdoptionLabels } from './useAdoptionLabels';

const useStyles = makeStyles(theme => ({
  layout: {
    display: 'grid',
    gap: theme.spacing(2),
    gridTemplateColumns: 'minmax(0, 3fr) minmax(14rem, 1fr)',
    alignItems: 'start',
    '@media (max-width: 900px)': {
      gridTemplateColumns: 'minmax(0, 1fr)',
    },
  },
  svg: {
    width: '100%',
    height: 'auto',
    maxHeight: '75vh',
    display: 'block',
  },
  regions: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: 2,
    maxHeight: '32rem',
    overflowY: 'auto',
  },
  regionButton: {
    font: 'inherit',
    width: '100%',
    textAlign: 'left',
    padding: theme.spacing(0.5, 1),
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: 4,
    background: theme.palette.background.paper,
    color: theme.palette.text.primary,
    cursor: 'pointer',
    '&:hover, &[aria-pressed="true"]': {
      borderColor: theme.palette.primary.main,
      background: theme.palette.action.hover,
    },
    '&:focus-visible': {
      outline: `2px solid ${theme.palette.primary.main}`,
      outlineOffset: 2,
    },
  },
}));

/** The drawing's size (SVG user units); it scales to its card. */
const WIDTH = 720;
const HEIGHT = 560;
/** Metropolitan France in the left part, the insets in a column. */
const METRO = { x: 0, y: 0, width: 560, height: HEIGHT };
const INSET = { x: 575, width: 140, height: 72, gap: 8 };

/** The overseas places with an inset: their extent (lon/lat) and region. */
const INSETS = [
  { id: 'guadeloupe', extent: [-61.85, 15.85, -60.95, 16.55] },
  { id: 'martinique', extent: [-61.25, 14.38, -60.8, 14.88] },
  { id: 'guyane', extent: [-54.6, 2.1, -51.6, 5.8] },
  { id: 'reunion', extent: [55.2, -21.4, 55.85, -20.85] },
  { id: 'mayotte', extent: [44.98, -13.02, 45.32, -12.62] },
  { id: 'polynesia', extent: [-149.65, -17.9, -149.1, -17.45] },
  { id: 'caledonia', extent: [163.6, -22.7, 167.1, -20.0] },
] as const;

type InsetId = (typeof INSETS)[number]['id'];
type Place = 'metro' | InsetId;

/** Metropolitan France and Corsica, lon/lat. */
const METRO_EXTENT = [-5.3, 41.3, 9.7, 51.15] as const;

const REGION_INSETS: Record<string, InsetId> = {
  guadeloupe: 'guadeloupe',
  martinique: 'martinique',
  guyane: 'guyane',
  'la-reunion': 'reunion',
  mayotte: 'mayotte',
};

/** Where an establishment is drawn, or null (abroad, no location). */
function placeOf(row: EstablishmentAdoption): Place | null {
  const location = row.location;
  if (!location) {
    return null;
  }
  const inset = row.region ? REGION_INSETS[row.region] : undefined;
  if (inset) {
    return inset;
  }
  const { latitude, longitude } = location;
  if (longitude < -140 && longitude > -155 && latitude < 0) {
    return 'polynesia';
  }
  if (longitude > 160 && latitude < 0) {
    return 'caledonia';
  }
  const [west, south, east, north] = METRO_EXTENT;
  return longitude >= west &&
    longitude <= east &&
    latitude >= south &&
    latitude <= north
    ? 'metro'
    : null;
}

type Feature<G extends GeoJSON.Geometry> = GeoJSON.Feature<G>;
type Geometry = GeoJSON.Geometry;

/**
 * A lon/lat rectangle as a GeoJSON feature (its four corners), to fit a
 * projection to it: in a conic projection the south-east corner lies
 * further out than the north-east one.
 */
function extentFeature(extent: readonly number[]): Feature<Geometry> {
  const [west, south, east, north] = extent;
  return {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'MultiPoint',
      coordinates: [
        [west, south],
        [east, south],
        [east, north],
        [west, north],
      ],
    },
  };
}

/**
 * The lands drawn: France (with its overseas departments), New Caledonia
 * and French Polynesia, from Natural Earth's countries (world-atlas).
 */
const LANDS: Feature<Geometry>[] = (() => {
  type Topology = Parameters<typeof feature>[0];
  const topology = countries as unknown as Topology;
  const all = topology.objects.countries as TopoJSON.GeometryCollection;
  // ISO 3166 numeric codes: France, New Caledonia, French Polynesia. Only
  // these three are converted (not the 240 others of the file).
  const wanted = new Set(['250', '540', '258']);
  const collection = feature(topology, {
    ...all,
    geometries: all.geometries.filter(g => wanted.has(String(g.id))),
  }) as GeoJSON.FeatureCollection<Geometry>;
  return collection.features;
})();

interface Frame {
  place: Place;
  x: number;
  y: number;
  width: number;
  height: number;
  projection: GeoProjection;
}

/** The frames of the map: metropolitan France and the insets. */
const FRAMES: Frame[] = (() => {
  const metro = geoConicConformal()
    .parallels([44, 49])
    .rotate([-3, 0])
    .fitExtent(
      [
        [METRO.x + 12, METRO.y + 12],
        [METRO.x + METRO.width - 12, METRO.y + METRO.height - 12],
      ],
      extentFeature(METRO_EXTENT),
    );
  metro.clipExtent([
    [METRO.x, METRO.y],
    [METRO.x + METRO.width, METRO.y + METRO.height],
  ]);
  const frames: Frame[] = [{ place: 'metro', ...METRO, projection: metro }];
  INSETS.forEach((inset, index) => {
    const y = index * (INSET.height + INSET.gap) + 4;
    const projection = geoMercator().fitExtent(
      [
        [INSET.x + 6, y + 18],
        [INSET.x + INSET.width - 6, y + INSET.height - 6],
      ],
      extentFeature(inset.extent),
    );
    projection.clipExtent([
      [INSET.x, y + 14],
      [INSET.x + INSET.width, y + INSET.height],
    ]);
    frames.push({
      place: inset.id,
      x: INSET.x,
      y,
      width: INSET.width,
      height: INSET.height,
      projection,
    });
  });
  return frames;
})();

/**
 * Metropolitan France and Corsica alone: the polygons of France that start
 * within the metropolitan extent (the conic projection would draw the
 * overseas ones at its edges).
 */
const METRO_LAND: Feature<Geometry>[] = LANDS.flatMap(land => {
  if (String(land.id) !== '250' || land.geometry.type !== 'MultiPolygon') {
    return [];
  }
  const [west, south, east, north] = METRO_EXTENT;
  const polygons = land.geometry.coordinates.filter(polygon => {
    const [longitude, latitude] = polygon[0][0];
    return (
      longitude >= west - 1 &&
      longitude <= east + 1 &&
      latitude >= south - 1 &&
      latitude <= north + 1
    );
  });
  return [
    {
      ...land,
      geometry: { type: 'MultiPolygon' as const, coordinates: polygons },
    },
  ];
});

/** The lands of each frame as SVG paths (computed once). */
const LAND_PATHS: Map<Place, string> = new Map(
  FRAMES.map(frame => {
    const path = geoPath(frame.projection);
    const lands = frame.place === 'metro' ? METRO_LAND : LANDS;
    return [frame.place, lands.map(land => path(land) ?? '').join('')];
  }),
);

interface Totals {
  live: number;
  inProgress: number;
  notStarted: number;
  total: number;
}

function emptyTotals(): Totals {
  return { live: 0, inProgress: 0, notStarted: 0, total: 0 };
}

function addTo(totals: Totals, state: AdoptionState) {
  totals.total += 1;
  if (state === 'live') {
    totals.live += 1;
  } else if (state === 'in_progress') {
    totals.inProgress += 1;
  } else {
    totals.notStarted += 1;
  }
}

/**
 * The map of France of the Adoption page (loaded apart: see MapSection).
 * Drawn with d3-geo, no tiles: metropolitan France in a conic conformal
 * projection (Lambert, as IGN's maps), each overseas place in an inset of
 * its own. Keyboard and screen reader users get the same data: the summary
 * of the drawing, the regions list (each region's totals, which also
 * highlight its establishments) and the table of the establishments.
 */
export default function FranceMap(props: { report: AdoptionReport }) {
  const { report } = props;
  const { t } = useTranslationRef(cloudTranslationRef);
  const labels = useAdoptionLabels();
  const colors = useChartColors();
  const classes = useStyles();
  const [chosen, setChosen] = useState('');
  const [region, setRegion] = useState<string | null>(null);

  const application = report.applications.some(a => a.application === chosen)
    ? chosen
    : '';
  const stateOf = useMemo(
    () =>
      (row: EstablishmentAdoption): AdoptionState =>
        application
          ? row.cells[application] ?? 'not_started'
          : bestAdoptionState(row.cells),
    [application],
  );

  const points = useMemo(() => {
    const projections = new Map(FRAMES.map(f => [f.place, f.projection]));
    return report.establishments.flatMap(row => {
      const place = placeOf(row);
      const projected =
        place && row.location
          ? projections.get(place)!([
              row.location.longitude,
              row.location.latitude,
            ])
          : null;
      return projected
        ? [{ row, x: projected[0], y: projected[1], state: stateOf(row) }]
        : [];
    });
  }, [report.establishments, stateOf]);

  const regionTotals = useMemo(() => {
    const totals = new Map<string, Totals>();
    for (const row of report.establishments) {
      const key = row.region ?? '';
      if (!totals.has(key)) {
        totals.set(key, emptyTotals());
      }
      addTo(totals.get(key)!, stateOf(row));
    }
    return [...totals.entries()]
      .map(([slug, counts]) => ({
        slug,
        name: labels.region(slug || null),
        ...counts,
      }))
      .sort((a, b) => labels.compare(a.name, b.name));
  }, [report.establishments, stateOf, labels]);

  const placed = emptyTotals();
  for (const point of points) {
    addTo(placed, point.state);
  }
  const unplaced = report.establishments.length - points.length;

  const regionText = (r: (typeof regionTotals)[number]) =>
    t('adoption.map.regionTotals', {
      region: r.name,
      total: labels.integer(r.total),
      live: labels.integer(r.live),
      inProgress: labels.integer(r.inProgress),
      notStarted: labels.integer(r.notStarted),
    });
  const highlighted = regionTotals.find(r => r.slug === region);

  const fill = (state: AdoptionState) =>
    state === 'not_started' ? '#ffffff' : colors.states[state];

  const tableColumns: DataColumn<EstablishmentAdoption>[] = [
    {
      id: 'title',
      header: t('adoption.matrix.establishment'),
      rowHeader: true,
      cell: row => row.title,
    },
    {
      id: 'region',
      header: t('adoption.map.region'),
      cell: row => labels.region(row.region),
    },
    {
      id: 'state',
      header: t('adoption.map.state'),
      cell: row => (
        <AdoptionStatePill
          state={stateOf(row)}
          label={labels.state(stateOf(row))}
        />
      ),
    },
    {
      id: 'latitude',
      header: t('adoption.map.latitude'),
      numeric: true,
      cell: row => row.location?.latitude ?? '—',
    },
    {
      id: 'longitude',
      header: t('adoption.map.longitude'),
      numeric: true,
      cell: row => row.location?.longitude ?? '—',
    },
  ];

  return (
    <Flex direction="column" gap="3">
      <FilterSelect
        id="adoption-map-application"
        label={t('adoption.map.application')}
        allLabel={t('adoption.map.best')}
        value={application}
        options={report.applications.map(a => ({
          value: a.application,
          label: a.title,
        }))}
        onChange={setChosen}
        width="28rem"
      />
      <div className={classes.layout}>
        <svg
          className={classes.svg}
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          role="img"
          aria-label={t('adoption.map.summary', {
            located: labels.integer(points.length),
            live: labels.integer(placed.live),
            inProgress: labels.integer(placed.inProgress),
            notStarted: labels.integer(placed.notStarted),
            unplaced: labels.integer(unplaced),
          })}
          data-testid="france-map"
        >
          {FRAMES.map(frame => (
            <g key={frame.place} data-place={frame.place}>
              {frame.place !== 'metro' && (
                <>
                  <rect
                    x={frame.x}
                    y={frame.y}
                    width={frame.width}
                    height={frame.height}
                    fill="none"
                    stroke={colors.grid}
                  />
                  <text
                    x={frame.x + 4}
                    y={frame.y + 11}
                    fontSize={10}
                    fill={colors.text}
                  >
                    {t(`adoption.map.insets.${frame.place}`)}
                  </text>
                </>
              )}
              <path
                d={LAND_PATHS.get(frame.place)}
                fill={colors.grid}
                fillOpacity={0.45}
                stroke={colors.text}
                strokeOpacity={0.35}
                strokeWidth={0.6}
              />
            </g>
          ))}
          {points.map(({ row, x, y, state }) => {
            const dimmed = region !== null && (row.region ?? '') !== region;
            return (
              <circle
                key={row.establishment}
                cx={x}
                cy={y}
                r={state === 'not_started' ? 3.5 : 4.5}
                fill={fill(state)}
                stroke={
                  state === 'not_started'
                    ? colors.states.not_started
                    : colors.separator
                }
                strokeWidth={1.2}
                opacity={dimmed ? 0.15 : 1}
                data-state={state}
                data-establishment={row.establishment}
                onMouseEnter={() => setRegion(row.region ?? '')}
                onMouseLeave={() => setRegion(null)}
              >
                <title>{`${row.title} — ${labels.state(state)}`}</title>
              </circle>
            );
          })}
        </svg>
        <div>
          <Text as="h3" variant="title-x-small">
            {t('adoption.map.regions')}
          </Text>
          <ul className={classes.regions}>
            {regionTotals.map(r => (
              <li key={r.slug}>
                <button
                  type="button"
                  className={classes.regionButton}
                  aria-pressed={region === r.slug}
                  onMouseEnter={() => setRegion(r.slug)}
                  onMouseLeave={() => setRegion(null)}
                  onFocus={() => setRegion(r.slug)}
                  onBlur={() => setRegion(null)}
                >
                  {t('adoption.map.regionButton', {
                    region: r.name,
                    live: labels.integer(r.live),
                    total: labels.integer(r.total),
                  })}
                </button>
              </li>
            ))}
          </ul>
        </div>
      </div>
      <Text
        as="p"
        variant="body-medium"
        aria-live="polite"
        role="status"
        // one line kept, so that nothing moves when it empties
        style={{ minHeight: '1.5em' }}
      >
        {highlighted ? regionText(highlighted) : ''}
      </Text>
      {unplaced > 0 && (
        <Text as="p" variant="body-small" color="secondary">
          {t('adoption.map.unplaced', { number: labels.integer(unplaced) })}
        </Text>
      )}
      <TableDisclosure drawnWhenOpened>
        <DataTable
          caption={t('adoption.map.table')}
          columns={tableColumns}
          rows={report.establishments}
          rowKey={row => row.establishment}
          maxHeight="60vh"
        />
      </TableDisclosure>
    </Flex>
  );
}
