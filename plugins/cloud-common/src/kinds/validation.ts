import type { Entity } from '@backstage/catalog-model';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { refName, tenantName, uaiOfEstablishment } from '../naming';
import {
  ApplicationEntityV1alpha1,
  applicationEntityV1alpha1Schema,
} from './ApplicationEntityV1alpha1';
import {
  TenantEntityV1alpha1,
  tenantEntityV1alpha1Schema,
} from './TenantEntityV1alpha1';

/**
 * One rule an entity breaks: the field (dotted path, e.g.
 * `spec.versions[0].status`) and what the rule expects.
 *
 * @public
 */
export interface EntityProblem {
  field: string;
  message: string;
}

let ajv: Ajv | undefined;
const compiled = new Map<object, ValidateFunction>();

function validatorFor(schema: object): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    ajv ??= new Ajv({ allErrors: true, verbose: true, strict: false });
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

function fieldOf(instancePath: string): string {
  return instancePath
    .split('/')
    .filter(Boolean)
    .map(part => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
    .join('')
    .replace(/^\./, '');
}

function describe(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

function toProblem(error: ErrorObject): EntityProblem {
  const field = fieldOf(error.instancePath);
  const params = error.params as Record<string, any>;
  const parent = (error.parentSchema ?? {}) as Record<string, any>;
  switch (error.keyword) {
    case 'required':
      return {
        field: field
          ? `${field}.${params.missingProperty}`
          : params.missingProperty,
        message: 'is required',
      };
    case 'additionalProperties':
      return {
        field: `${field}.${params.additionalProperty}`,
        message: 'is not a known field',
      };
    case 'enum':
      return {
        field,
        message: `must be one of ${params.allowedValues.join(
          ', ',
        )} (got ${describe(error.data)})`,
      };
    case 'type':
      return {
        field,
        message: `must be of type ${params.type} (got ${describe(error.data)})`,
      };
    case 'pattern':
      return {
        field,
        message: `must be ${
          parent.description ?? `matching ${params.pattern}`
        } (got ${describe(error.data)})`,
      };
    case 'minLength':
      return { field, message: 'must not be empty' };
    case 'minItems':
      return { field, message: `must hold at least ${params.limit} item(s)` };
    case 'uniqueItems':
      return {
        field,
        message: `must not repeat a value (items ${Math.min(
          params.i,
          params.j,
        )} and ${Math.max(params.i, params.j)} are equal)`,
      };
    default:
      return { field, message: error.message ?? error.keyword };
  }
}

function schemaProblems(schema: object, entity: Entity): EntityProblem[] {
  const validate = validatorFor(schema);
  if (validate(entity)) {
    return [];
  }
  return (validate.errors ?? []).map(toProblem);
}

/**
 * The rules an Application entity breaks (empty when it is valid).
 *
 * @public
 */
export function validateApplicationEntity(entity: Entity): EntityProblem[] {
  const problems = schemaProblems(applicationEntityV1alpha1Schema, entity);
  const versions = (entity as ApplicationEntityV1alpha1).spec?.versions;
  if (Array.isArray(versions)) {
    const seen = new Set<string>();
    versions.forEach((v, i) => {
      if (v && typeof v.version === 'string') {
        if (seen.has(v.version)) {
          problems.push({
            field: `spec.versions[${i}].version`,
            message: `must be unique (version ${describe(
              v.version,
            )} is listed twice)`,
          });
        }
        seen.add(v.version);
      }
    });
  }
  return problems;
}

/**
 * The rules a Tenant entity breaks (empty when it is valid): its schema, an
 * establishment Group named `etab-<uai>` with a valid UAI, and the name
 * `<application>-<uai>-<environment>`.
 *
 * @public
 */
export function validateTenantEntity(entity: Entity): EntityProblem[] {
  const problems = schemaProblems(tenantEntityV1alpha1Schema, entity);
  const spec = (entity as TenantEntityV1alpha1).spec ?? {};
  if (typeof spec.establishment === 'string' && spec.establishment) {
    const uai = uaiOfEstablishment(spec.establishment);
    if (!uai) {
      problems.push({
        field: 'spec.establishment',
        message: `must name an establishment Group "etab-<UAI>" with a valid UAI code (got ${describe(
          spec.establishment,
        )})`,
      });
    } else if (
      !problems.some(p =>
        ['spec.application', 'spec.environment'].includes(p.field),
      )
    ) {
      // The name is only checked once its parts are valid.
      const expected = tenantName(
        refName(spec.application),
        uai,
        spec.environment,
      );
      if (entity.metadata?.name !== expected) {
        problems.push({
          field: 'metadata.name',
          message: `must be "<application>-<uai>-<environment>", here "${expected}" (got ${describe(
            entity.metadata?.name,
          )})`,
        });
      }
    }
  }
  return problems;
}

/**
 * One message naming the entity, then each field and the rule it breaks.
 *
 * @public
 */
export function formatEntityProblems(
  entity: Entity,
  problems: EntityProblem[],
): string {
  const name = `${entity.kind} "${entity.metadata?.name}"`;
  return `${name}: ${problems.map(p => `${p.field} ${p.message}`).join('; ')}`;
}
