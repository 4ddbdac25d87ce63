/** The profile wizard: its steps and fields as data, form decoding, errors in the manager's language, members CSV. */
export * from './fields';
export * from './decode';
export * from './issues';
export * from './steps';
export * from './progress';
export * from './slug';
export * from './members-csv';
export * from './changed-labels';
