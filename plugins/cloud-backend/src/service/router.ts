import {
  ONBOARDING_STEP_IDS,
  PATTERN_RULES,
  type AdoptionCsvView,
} from '@amue/plugin-cloud-common';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import {
  DatabaseService,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { InputError, ServiceUnavailableError } from '@backstage/errors';
import * as OpenApiValidator from 'express-openapi-validator';
import express, {
  ErrorRequestHandler,
  Request,
  RequestHandler,
  Router,
} from 'express';
import type { TenantFilters, TenantOrder } from '../database/TenantStore';
import { spec } from '../schema/openapi';
import {
  createServerErrorHandler,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
} from './errors';
import type { ReportService } from './ReportService';
import type { TenantService } from './types';

/** @internal */
export interface RouterOptions {
  database: DatabaseService;
  logger: LoggerService;
  httpAuth: HttpAuthService;
  tenants: TenantService;
  reports: ReportService;
}

/** Maximum size of a JSON body. */
const BODY_LIMIT = '100kb';

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
const malformedJson: ErrorRequestHandler = (error, _req, _res, next) => {
  if (error?.type === 'entity.parse.failed') {
    next(new InputError(`request body is not valid JSON: ${error.message}`));
  } else if (error?.type === 'entity.too.large') {
    next(
      new PayloadTooLargeError(
        `request body is larger than ${BODY_LIMIT} (the largest body the API accepts)`,
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
function ruleOf(message: string | undefined): string | undefined {
  const pattern = /^must match pattern "(.*)"$/s.exec(message ?? '')?.[1];
  return pattern === undefined ? undefined : PATTERN_RULES[pattern];
}

/** `/body/request/expectedUsers` → `request.expectedUsers`. */
function fieldOf(path: string): string {
  const parts = path.split('/').filter(Boolean);
  if (['body', 'query', 'params', 'headers', 'path'].includes(parts[0])) {
    parts.shift();
  }
  return parts.join('.') || 'body';
}

/**
 * Turns the validator's errors into one InputError naming each field: e.g.
 * `request.expectedUsers must be integer; colour is not a known field`.
 */
const invalidRequest: ErrorRequestHandler = (error, _req, _res, next) => {
  if (!Array.isArray(error?.errors) || typeof error?.status !== 'number') {
    next(error);
    return;
  }
  if (error.status === 415) {
    next(new UnsupportedMediaTypeError(error.message));
    return;
  }
  if (error.status === 413) {
    next(new PayloadTooLargeError(error.message));
    return;
  }
  if (error.status !== 400) {
    next(error.status === 405 ? new InputError(error.message) : error);
    return;
  }
  const messages = error.errors.map(
    (e: { path?: string; message?: string; errorCode?: string }) => {
      const field = fieldOf(String(e.path ?? ''));
      if (e.errorCode?.startsWith('additionalProperties')) {
        return `${field} is not a known field`;
      }
      if (e.errorCode?.startsWith('required')) {
        return `${field} is required`;
      }
      return `${field} ${ruleOf(e.message) ?? e.message}`;
    },
  );
  next(new InputError(`invalid request: ${messages.join('; ')}`));
};

function list(value: unknown): string[] | undefined {
  if (value === undefined) {
    return undefined;
  }
  return (Array.isArray(value) ? value : [value]).map(String);
}

function single(value: unknown): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (Array.isArray(value)) {
    throw new InputError('a query parameter was given more than once');
  }
  return String(value);
}

function filtersOf(query: Request['query']): TenantFilters {
  const blocked = single(query.blocked);
  return {
    establishment: list(query.establishment),
    application: list(query.application),
    environment: list(query.environment),
    status: list(query.status),
    currentStep: single(query.currentStep),
    blocked: blocked === undefined ? undefined : blocked === 'true',
  };
}

function limitOf(query: Request['query']): number | undefined {
  const limit = single(query.limit);
  return limit === undefined ? undefined : Number(limit);
}

function orderOf(query: Request['query']): TenantOrder | undefined {
  const field = single(query.orderBy) as TenantOrder['field'] | undefined;
  const direction = single(query.order) as TenantOrder['direction'] | undefined;
  if (!field && !direction) {
    return undefined;
  }
  return { field: field ?? 'name', direction: direction ?? 'asc' };
}

/**
 * The cloud plugin's REST API, validated against its OpenAPI document
 * (src/schema/openapi.ts, served at /api/cloud/openapi.json). Every handler
 * delegates to the {@link TenantService} or the {@link ReportService}, which
 * enforce the permissions.
 *
 * @internal
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { database, logger, httpAuth, tenants, reports } = options;
  // Requests are validated by express-openapi-validator against the
  // document, with an error handler that names every offending field (the
  // default one of the OpenAPI tooling keeps only a summary). The handlers
  // below read the validated request as plain express does: the typed
  // router of the tooling is too deep for this document.
  //
  // The body is read before the validated router, whose last middleware
  // turns every error into a 400: a 413 or a 415 must keep its status.
  const outer = Router();
  outer.use(
    jsonOnly,
    express.json({ limit: BODY_LIMIT }),
    // error handlers (four arguments): express calls them on errors only
    malformedJson,
    tooDeep,
  );
  const router = createValidatedOpenApiRouter(spec as any, {
    middleware: [
      ...OpenApiValidator.middleware({
        apiSpec: spec as any,
        validateRequests: {
          coerceTypes: false,
          allowUnknownQueryParameters: false,
        },
        validateResponses: false,
        ignoreUndocumented: true,
        useRequestUrl: true,
      }),
      invalidRequest as unknown as RequestHandler,
    ],
    validatorOptions: { validateRequests: false },
  }) as unknown as express.Router;

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
    res.json({ status: 'ok', database: client.client.config.client });
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
    if (single(req.query.dryRun) === 'true') {
      const check = await tenants.checkRequest(input, context);
      res.status(200).json({ dryRun: true, created: false, ...check });
      return;
    }
    const result = await tenants.createRequest(input, context);
    res.status(result.created ? 201 : 200).json(result);
  });

  router.get('/tenants', async (req, res) => {
    const page = await tenants.listTenants({
      credentials: await reader(req),
      filters: filtersOf(req.query),
      limit: limitOf(req.query),
      cursor: single(req.query.cursor),
      orderBy: orderOf(req.query),
      includeSteps: single(req.query.include) === 'steps',
    });
    res.json(page);
  });

  router.get('/tenants/:name', async (req, res) => {
    res.json(
      await tenants.getTenant(req.params.name, {
        credentials: await reader(req),
      }),
    );
  });

  router.post('/tenants/:name/steps/:stepId', async (req, res) => {
    const stepId = req.params.stepId as (typeof ONBOARDING_STEP_IDS)[number];
    res.json(
      await tenants.applyStepAction(req.params.name, stepId, req.body.action, {
        credentials: await user(req),
        request: req,
        reason: req.body.reason,
        rowVersion: req.body.rowVersion,
      }),
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

  router.get('/reports/adoption-summary', async (req, res) => {
    await user(req);
    res.json(await reports.adoptionSummary());
  });

  router.get('/reports/:report', async (req, res) => {
    const report = req.params.report as
      | 'adoption'
      | 'funnel'
      | 'durations'
      | 'blocked';
    const credentials = await user(req);
    if (single(req.query.format) === 'csv') {
      const view = single(req.query.view) as AdoptionCsvView | undefined;
      const csv = await reports.csv(report, { credentials, view });
      res
        .status(200)
        .type('text/csv; charset=utf-8')
        .attachment(`${view ? `${report}-${view}` : report}.csv`)
        .send(csv);
    } else {
      res.json(await reports.json(report, { credentials }));
    }
  });

  // last: what is not the caller's mistake never shows its details
  outer.use(router);
  outer.use(createServerErrorHandler(logger));
  return outer;
}
