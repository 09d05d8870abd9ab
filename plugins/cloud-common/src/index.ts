/**
 * Shared model of the Amue Cloud portal: constants, kinds, validators and
 * rules used by both the frontend and the backend packages.
 *
 * @packageDocumentation
 */

export * from './constants';
export * from './uai';
export * from './inputRules';
export * from './naming';
export * from './kinds';
export * from './onboarding';
export * from './permissions';
export * from './tenants';
export * from './reports';
export * from './todo';
export * from './federation';
export * from './databaseErrors';
export * from './deployment';
export * from './places';
export * from './labels';
