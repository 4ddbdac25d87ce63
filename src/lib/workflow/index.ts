/** The revision workflow's rules: states and transitions, minimum requirements, location check and version diff (pure). */
export * from './errors';
export * from './transitions';
export * from './requirements';
export * from './diff';
export * from './location';
export * from './area-view';
