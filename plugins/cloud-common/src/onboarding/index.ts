export * from './steps';
export * from './transitions';
export * from './status';
export * from './dueDates';
