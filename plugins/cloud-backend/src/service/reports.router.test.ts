import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import request from 'supertest';
import { specCheckedServer } from './__testUtils__/specCheckedServer';
import {
  LILLE,
  as,
  body,
  claire,
  julien,
  marc,
  sophie,
  startBackend,
} from './__testUtils__/testBackend';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const BOM = '\uFEFF';

/** The lines of a CSV body, its BOM checked and removed. */
function lines(text: string): string[] {
  expect(text.startsWith(BOM)).toBe(true);
  return text.slice(BOM.length).trimEnd().split('\r\n');
}

describe.each(databases.eachSupportedId())(
  'reports: scope, filters and CSV formats on %s',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startBackend>>;
    let server: any;

    beforeAll(async () => {
      const knex: Knex = await databases.init(databaseId as TestDatabaseId);
      backend = await startBackend(knex);
      server = await specCheckedServer(() => backend.server);
      // SIFAC at Bordeaux; SIFAC and SIHAM at Lille.
      const requests = [
        { who: claire, input: body() },
        {
          who: julien,
          input: body({
            uai: LILLE,
            sso: { protocol: 'saml', idpEntityId: 'https://idp.univ-lille.fr' },
          }),
        },
        {
          who: julien,
          input: body({
            application: 'siham',
            uai: LILLE,
            environment: 'preproduction',
            sso: { protocol: 'saml', idpEntityId: 'https://idp.univ-lille.fr' },
          }),
        },
      ];
      for (const { who, input } of requests) {
        const res = await request(server)
          .post('/api/cloud/requests')
          .set('Authorization', as(who))
          .send(input);
        if (res.status !== 201) {
          throw new Error(`request not created: ${res.status} ${res.text}`);
        }
      }
    });

    afterAll(async () => {
      await backend?.stop();
    });

    const get = (url: string, who: string) =>
      request(url.includes('format=csv') ? backend.server : server)
        .get(url)
        .set('Authorization', as(who));

    it("narrows a product owner's reports to the applications of their scope", async () => {
      const adoption = await get('/api/cloud/reports/adoption', sophie);
      expect(adoption.status).toBe(200);
      expect(adoption.body.applications.map((a: any) => a.application)).toEqual(
        ['sifac'],
      );
      expect(adoption.body.applications[0]).toMatchObject({
        inProgress: 2,
        notStarted: 0,
        total: 2,
      });
      for (const row of adoption.body.establishments) {
        expect(Object.keys(row.cells)).toEqual(['sifac']);
      }
      expect(adoption.body.filterOptions.applications).toEqual([
        { application: 'sifac', title: 'SIFAC' },
      ]);
      expect(adoption.body.overdue.applications).toHaveLength(1);
      // The envelope's remainder is the programme's: not for a scope.
      expect(adoption.body.envelope.programme).toBe(false);

      // The funnel counts the tenants of her applications only (2 SIFAC).
      const funnel = await get('/api/cloud/reports/funnel', sophie);
      expect(funnel.body.tenants).toBe(2);

      // Every CSV, in both formats, has her applications only.
      const raw = await get('/api/cloud/reports/adoption?format=csv', sophie);
      expect(lines(raw.text)[0]).toBe(
        'establishment,title,uai,region,type,sifac',
      );
      const fr = await get(
        '/api/cloud/reports/adoption?format=csv-fr&view=applications',
        sophie,
      );
      expect(lines(fr.text).slice(1)).toEqual(['sifac;SIFAC;0;2;0;2;0;0']);

      // An application outside her scope: refused, naming the field.
      const other = await get(
        '/api/cloud/reports/funnel?application=siham',
        sophie,
      );
      expect(other.status).toBe(400);
      expect(other.body.error.message).toMatch(/^application: "siham"/);

      // An administrator sees every application.
      const all = await get('/api/cloud/reports/adoption', marc);
      expect(all.body.applications.map((a: any) => a.application)).toEqual([
        'sifac',
        'siham',
        'harpege',
      ]);
      expect(all.body.envelope.programme).toBe(true);
      expect((await get('/api/cloud/reports/funnel', marc)).body.tenants).toBe(
        3,
      );
    });

    it('applies the filters to every report, JSON and CSV alike', async () => {
      const region = 'region=hauts-de-france';
      const adoption = await get(`/api/cloud/reports/adoption?${region}`, marc);
      expect(adoption.status).toBe(200);
      expect(
        adoption.body.establishments.map((e: any) => e.establishment),
      ).toEqual(['etab-0597239y']);
      expect(adoption.body.establishments[0].location).toEqual({
        latitude: 50.631794,
        longitude: 3.07526,
      });
      expect(adoption.body.applications[0]).toMatchObject({
        application: 'sifac',
        inProgress: 1,
        total: 1,
      });
      expect(adoption.body.envelope.programme).toBe(false);
      // The choices of the filters stay those of every establishment.
      expect(adoption.body.filterOptions).toMatchObject({
        regions: [
          { value: 'hauts-de-france', count: 1 },
          { value: 'nouvelle-aquitaine', count: 1 },
        ],
        types: [{ value: 'universite', count: 2 }],
        establishments: 2,
      });
      expect(
        (await get(`/api/cloud/reports/funnel?${region}`, marc)).body.tenants,
      ).toBe(2);

      // Every CSV view: one establishment row (Lille's), in both formats.
      const matrix = await get(
        `/api/cloud/reports/adoption?format=csv&${region}`,
        marc,
      );
      expect(lines(matrix.text)).toEqual([
        'establishment,title,uai,region,type,sifac,siham,harpege',
        'etab-0597239y,etab-0597239y,0597239Y,hauts-de-france,universite,in_progress,in_progress,not_started',
      ]);
      const map = await get(
        `/api/cloud/reports/adoption?format=csv-fr&view=map&${region}`,
        marc,
      );
      expect(map.headers['content-disposition']).toContain(
        'adoption-map-fr.csv',
      );
      expect(lines(map.text)).toEqual([
        "Identifiant;Établissement;UAI;Région;Type d'établissement;Latitude;Longitude;Applications en service;Applications en cours",
        'etab-0597239y;etab-0597239y;0597239Y;Hauts-de-France;Université;50,631794;3,07526;0;2',
      ]);
      const funnelCsv = await get(
        `/api/cloud/reports/funnel?format=csv-fr&${region}`,
        marc,
      );
      expect(lines(funnelCsv.text)[1]).toMatch(/^Demande;Établissement;2;/);

      // Words of a name or UAI, accents and case ignored.
      const words = await get('/api/cloud/reports/adoption?q=0333298F', marc);
      expect(
        words.body.establishments.map((e: any) => e.establishment),
      ).toEqual(['etab-0333298f']);
      // One application: the page drilled down to it.
      const siham = await get(
        '/api/cloud/reports/funnel?application=siham',
        marc,
      );
      expect(siham.body.tenants).toBe(1);
      const blocked = await get(
        '/api/cloud/reports/blocked?format=csv&type=none',
        marc,
      );
      expect(lines(blocked.text)).toHaveLength(1);
      const none = await get('/api/cloud/reports/adoption?type=none', marc);
      expect(none.body.establishments).toEqual([]);
      expect(none.body.applications[0]).toMatchObject({ total: 0 });
    });

    it('refuses malformed filters, naming them', async () => {
      for (const [url, field] of [
        ['/api/cloud/reports/adoption?region=Hauts%20de%20France', 'region'],
        ['/api/cloud/reports/funnel?format=xlsx', 'format'],
        [`/api/cloud/reports/blocked?q=${'a'.repeat(201)}`, 'q'],
      ]) {
        const res = await get(url, marc);
        expect({ url, status: res.status }).toEqual({ url, status: 400 });
        expect(res.body.error.message).toContain(field);
      }
    });
  },
);
