/** The cluster profile schema and its vocabulary, one module per block. */
export * from './vocabulary';
export * from './common';
export * from './facts';
export * from './general';
export * from './priorities';
export * from './management';
export * from './members';
export * from './partners-projects';
export * from './indicators';
export * from './questionnaire';
export * from './profile';
export * from './completeness';
export * from './errors';
export * from './summary';
