import { PATTERN_RULES } from '@amue/plugin-cloud-common';
import {
  DatabaseService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import express, {
  ErrorRequestHandler,
  Request,
  RequestHandler,
  Router,
} from 'express';
import type { TenantFilters, TenantOrder } from '../database/TenantStore';
import { createOpenApiRouter, spec, type ListTenants } from '../schema/openapi';
import {
  createServerErrorHandler,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
} from './errors';
import { addPeopleRoutes, type PeopleService } from './peopleRouter';
import type { ReportService } from './ReportService';
import type { TodoService } from './TodoService';
import type { TenantService } from './types';

/** @internal */
export interface RouterOptions {
  database: DatabaseService;
  logger: LoggerService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  tenants: TenantService;
  reports: ReportService;
  people: PeopleService;
  todo: TodoService;
}

/** Maximum size of a JSON body. */
const BODY_LIMIT = '100kb';

/** Maximum size of the body of a sign-in (`PUT /people/{name}`). */
const PEOPLE_BODY_LIMIT = '10kb';

const apiJson = express.json({ limit: BODY_LIMIT });
const peopleJson = express.json({ limit: PEOPLE_BODY_LIMIT });

/** Reads a JSON body, with the limit of the route. */
const readJson: RequestHandler = (req, res, next) =>
  (req.path.startsWith('/people/') ? peopleJson : apiJson)(req, res, next);

/** Deepest nesting of a JSON body (the API's documents nest 3 levels). */
const MAX_JSON_DEPTH = 16;

function depthOf(value: unknown, limit: number, depth = 0): number {
  if (depth > limit || value === null || typeof value !== 'object') {
    return depth;
  }
  let deepest = depth + 1;
  for (const child of Object.values(value as object)) {
    deepest = Math.max(deepest, depthOf(child, limit, depth + 1));
    if (deepest > limit) {
      break;
    }
  }
  return deepest;
}

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return (
    req.headers['transfer-encoding'] !== undefined ||
    (length !== undefined && length !== '0')
  );
}

/**
 * A body must be JSON: any other media type is a 415 that says so (an
 * absent or empty body is left to the OpenAPI validation, which names it).
 */
const jsonOnly: RequestHandler = (req, _res, next) => {
  if ((req.method === 'POST' || req.method === 'PUT') && !hasBody(req)) {
    next(new InputError('body is required: a JSON document'));
    return;
  }
  if (
    req.method !== 'GET' &&
    req.method !== 'HEAD' &&
    req.method !== 'DELETE' &&
    hasBody(req) &&
    !req.is('application/json')
  ) {
    next(
      new UnsupportedMediaTypeError(
        `request body must be JSON (Content-Type: application/json), not ${
          req.headers['content-type'] ?? 'of no declared type'
        }`,
      ),
    );
    return;
  }
  next();
};

/**
 * Malformed, oversized or too deep JSON is the caller's mistake: a 400 or
 * a 413 that says so, before the OpenAPI validation.
 */
const malformedJson: ErrorRequestHandler = (error, req, _res, next) => {
  if (error?.type === 'entity.parse.failed') {
    next(new InputError(`request body is not valid JSON: ${error.message}`));
  } else if (error?.type === 'entity.too.large') {
    const limit = req.path.startsWith('/people/')
      ? PEOPLE_BODY_LIMIT
      : BODY_LIMIT;
    next(
      new PayloadTooLargeError(
        `request body is larger than ${limit} (the largest body the API accepts)`,
      ),
    );
  } else if (error?.type === 'charset.unsupported') {
    next(
      new UnsupportedMediaTypeError(
        `request body must be UTF-8 JSON, not ${error.charset}`,
      ),
    );
  } else {
    next(error);
  }
};

/** A body nested deeper than any document of the API is refused. */
const tooDeep: RequestHandler = (req, _res, next) => {
  if (depthOf(req.body, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    next(
      new InputError(`body is nested more than ${MAX_JSON_DEPTH} levels deep`),
    );
    return;
  }
  next();
};

/** The words of a pattern error: `must match pattern "..."` → the rule. */
function ruleOf(message: string): string {
  const pattern = /^must match pattern "(.*)"$/s.exec(message)?.[1];
  return (
    (pattern === undefined ? undefined : PATTERN_RULES[pattern]) ?? message
  );
}

/** `/body/request/expectedUsers` → `request.expectedUsers`. */
function fieldOf(path: string): string {
  const parts = path.split('/').filter(Boolean);
  if (['body', 'query', 'params', 'headers', 'path'].includes(parts[0])) {
    parts.shift();
  }
  return parts.join('.') || 'body';
}

type JsonSchema = {
  $ref?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  allOf?: JsonSchema[];
};

/** The schema of the JSON body of an operation of the document. */
function requestSchemaOf(path: string, method: string): JsonSchema | undefined {
  for (const [template, item] of Object.entries(spec.paths)) {
    if (!new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`).test(path)) {
      continue;
    }
    for (const [key, operation] of Object.entries(item)) {
      if (key === method.toLowerCase() && 'requestBody' in operation) {
        return operation.requestBody.content['application/json'].schema;
      }
    }
  }
  return undefined;
}

/** A schema of the document with its `$ref` followed. */
function dereference(schema: JsonSchema | undefined): JsonSchema | undefined {
  if (!schema?.$ref) {
    return schema;
  }
  const name = schema.$ref
    .split('/')
    .pop() as keyof typeof spec.components.schemas;
  return dereference(spec.components.schemas[name] as JsonSchema);
}

/**
 * The fields of the request body at `path` that its schema does not
 * declare (the validator says only "must NOT have additional properties").
 */
function unknownFields(req: Request, path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  if (parts.shift() !== 'body') {
    return [];
  }
  let schema = dereference(requestSchemaOf(req.path, req.method));
  let value: unknown = req.body;
  for (const part of parts) {
    schema = dereference(
      /^\d+$/.test(part) ? schema?.items : schema?.properties?.[part],
    );
    value = (value as Record<string, unknown> | undefined)?.[part];
  }
  if (!schema?.properties || !value || typeof value !== 'object') {
    return [];
  }
  const known = new Set(Object.keys(schema.properties));
  return Object.keys(value).filter(key => !known.has(key));
}

/**
 * One validation error of the generated router (`request/body/x must be
 * integer`) in the API's words: the field, then the rule.
 */
function describe(req: Request, error: string): string[] {
  const match = /^request(\/\S*) (.*)$/s.exec(error);
  if (!match) {
    return [error];
  }
  const [, path, message] = match;
  const field = fieldOf(path);
  if (message === 'must NOT have additional properties') {
    const unknown = unknownFields(req, path);
    const prefix = field === 'body' ? '' : `${field}.`;
    return unknown.length
      ? unknown.map(key => `${prefix}${key} is not a known field`)
      : [`${field} has a field that is not known`];
  }
  const required = /^must have required property '(.*)'$/.exec(message)?.[1];
  if (required !== undefined) {
    return [`${field === 'body' ? '' : `${field}.`}${required} is required`];
  }
  return [`${field} ${ruleOf(message)}`];
}

/**
 * The generated router validates each request against the document and
 * answers an InputError holding the validator's text; this names each
 * field and its rule instead, e.g. `invalid request: request.expectedUsers
 * must be integer; colour is not a known field`. Only errors of the
 * validation itself are rewritten (`res.locals.validated` is set once a
 * request passed it).
 */
const invalidRequest: ErrorRequestHandler = (error, req, res, next) => {
  if (
    !res.locals.validating ||
    res.locals.validated ||
    error?.name !== 'InputError'
  ) {
    next(error);
    return;
  }
  const errors = String(error.message).split(/, (?=request\/)/);
  next(
    new InputError(
      `invalid request: ${errors.flatMap(e => describe(req, e)).join('; ')}`,
    ),
  );
};

const reportNames = ['adoption', 'funnel', 'durations', 'blocked'] as const;

/** The filters of `GET /tenants`, as the generated layer parsed them. */
function filtersOf(query: ListTenants['query']): TenantFilters {
  return {
    establishment: query.establishment,
    application: query.application,
    environment: query.environment,
    status: query.status,
    currentStep: query.currentStep,
    blocked: query.blocked === undefined ? undefined : query.blocked === 'true',
  };
}

function orderOf(query: ListTenants['query']): TenantOrder | undefined {
  if (!query.orderBy && !query.order) {
    return undefined;
  }
  return { field: query.orderBy ?? 'name', direction: query.order ?? 'asc' };
}

/**
 * The cloud plugin's REST API: the router generated from its OpenAPI
 * document (src/schema/openapi.yaml, served at /api/cloud/openapi.json),
 * which validates every request and types every handler. Every handler
 * delegates to the {@link TenantService} or the {@link ReportService},
 * which enforce the permissions.
 *
 * @internal
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { database, logger, httpAuth, tenants, reports, people, todo } =
    options;
  // The body is read before the generated router, whose validation turns
  // every error into a 400: a 413 or a 415 must keep its status.
  const outer = Router();
  outer.use(
    jsonOnly,
    readJson,
    // error handlers (four arguments): express calls them on errors only
    malformedJson,
    tooDeep,
  );
  const router = await createOpenApiRouter({
    middleware: [
      (_req, res, next) => {
        res.locals.validating = true;
        next();
      },
    ],
  });
  router.use((_req, res, next) => {
    res.locals.validated = true;
    next();
  });

  const user = (req: Request) => httpAuth.credentials(req, { allow: ['user'] });
  const reader = (req: Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  router.get('/health', async (_req, res) => {
    const client = await database.getClient();
    try {
      await client.raw('select 1 as ok');
    } catch (error) {
      logger.error('cloud database is not reachable', { error: `${error}` });
      throw new ServiceUnavailableError('cloud database is not reachable');
    }
    res.json({ status: 'ok', database: String(client.client.config.client) });
  });

  router.post('/requests', async (req, res) => {
    const { idempotencyKey: bodyKey, sso, ...rest } = req.body;
    const input = {
      ...rest,
      ssoProtocol: sso?.protocol,
      ssoIdpEntityId: sso?.idpEntityId,
    };
    const headerKey = req.header('idempotency-key');
    if (bodyKey && headerKey && bodyKey !== headerKey) {
      throw new InputError(
        'idempotencyKey of the body and the Idempotency-Key header differ',
      );
    }
    const context = {
      credentials: await user(req),
      request: req,
      idempotencyKey: bodyKey ?? headerKey,
    };
    if (req.query.dryRun === 'true') {
      const check = await tenants.checkRequest(input, context);
      res.status(200).json({ dryRun: true, created: false, ...check });
      return;
    }
    const result = await tenants.createRequest(input, context);
    res.status(result.created ? 201 : 200).json(result);
  });

  router.get('/tenants', async (req, res) => {
    const { query } = req;
    res.json(
      await tenants.listTenants({
        credentials: await reader(req),
        filters: filtersOf(query),
        limit: query.limit === undefined ? undefined : Number(query.limit),
        cursor: query.cursor,
        orderBy: orderOf(query),
        includeSteps: query.include === 'steps',
      }),
    );
  });

  router.get('/tenants/:name', async (req, res) => {
    res.json(
      await tenants.getTenant(req.params.name, {
        credentials: await reader(req),
      }),
    );
  });

  router.post('/tenants/:name/steps/:stepId', async (req, res) => {
    res.json(
      await tenants.applyStepAction(
        req.params.name,
        req.params.stepId,
        req.body.action,
        {
          credentials: await user(req),
          request: req,
          reason: req.body.reason,
          rowVersion: req.body.rowVersion,
        },
      ),
    );
  });

  router.put('/tenants/:name/steps/:stepId/due-date', async (req, res) => {
    res.json(
      await tenants.setStepDueDate(
        req.params.name,
        req.params.stepId,
        { dueDate: req.body.dueDate, reason: req.body.reason },
        {
          credentials: await user(req),
          request: req,
          rowVersion: req.body.rowVersion,
        },
      ),
    );
  });

  router.post('/tenants/:name/decision', async (req, res) => {
    res.json(
      await tenants.decideRequest(req.params.name, req.body.decision, {
        credentials: await user(req),
        request: req,
        reason: req.body.reason,
        rowVersion: req.body.rowVersion,
      }),
    );
  });

  router.post('/tenants/:name/decision/undo', async (req, res) => {
    res.json(
      await tenants.undoDecision(req.params.name, {
        credentials: await user(req),
        request: req,
        rowVersion: req.body.rowVersion,
      }),
    );
  });

  router.post('/tenants/:name/version', async (req, res) => {
    res.json(
      await tenants.changeTenant(
        req.params.name,
        { version: req.body.version },
        {
          credentials: await user(req),
          request: req,
          rowVersion: req.body.rowVersion,
        },
      ),
    );
  });

  router.post('/tenants/:name/decommission', async (req, res) => {
    res.json(
      await tenants.changeTenant(
        req.params.name,
        { decommission: true, reason: req.body.reason },
        {
          credentials: await user(req),
          request: req,
          rowVersion: req.body.rowVersion,
        },
      ),
    );
  });

  router.post('/tenants/:name/comments', async (req, res) => {
    const event = await tenants.addComment(req.params.name, req.body.comment, {
      credentials: await user(req),
      request: req,
      stepId: req.body.stepId,
    });
    res.status(201).json(event);
  });

  router.put('/tenants/:name/funding', async (req, res) => {
    const { grantedEur, paidEur, rowVersion } = req.body;
    res.json(
      await tenants.recordFunding(
        req.params.name,
        { grantedEur, paidEur },
        { credentials: await user(req), request: req, rowVersion },
      ),
    );
  });

  router.put('/tenants/:name/training', async (req, res) => {
    const { sessionsHeld, staffTrained, rowVersion } = req.body;
    res.json(
      await tenants.recordTraining(
        req.params.name,
        { sessionsHeld, staffTrained },
        { credentials: await user(req), request: req, rowVersion },
      ),
    );
  });

  router.get('/todo', async (req, res) => {
    const { limit } = req.query;
    res.json(
      await todo.list(await user(req), {
        limit: limit === undefined ? undefined : Number(limit),
      }),
    );
  });

  router.get('/reports/adoption-summary', async (req, res) => {
    await user(req);
    res.json(await reports.adoptionSummary());
  });

  for (const report of reportNames) {
    router.get(`/reports/${report}`, async (req, res) => {
      const credentials = await user(req);
      const { format, region, type, q, application } = req.query;
      // the page's filters, for the JSON and every CSV alike
      const filters = { region, type, q, application };
      if (format === 'csv' || format === 'csv-fr') {
        const view = 'view' in req.query ? req.query.view : undefined;
        const csv = await reports.csv(report, {
          credentials,
          view,
          filters,
          format,
        });
        const name = view ? `${report}-${view}` : report;
        res
          .status(200)
          .type('text/csv; charset=utf-8')
          .attachment(`${name}${format === 'csv-fr' ? '-fr' : ''}.csv`)
          .send(csv);
      } else {
        res.json(await reports.json(report, { credentials, filters }));
      }
    });
  }

  addPeopleRoutes(router, {
    people,
    httpAuth,
    permissions: options.permissions,
  });

  router.use(invalidRequest);
  outer.use(router);
  outer.use('/reports', (req, _res, next) => {
    next(new NotFoundError(`no report ${req.path.slice(1)}`));
  });
  // last: what is not the caller's mistake never shows its details
  outer.use(createServerErrorHandler(logger));
  return outer;
}
