/** Matchmaking: partner search scores with reasons, and similar and complementary clusters. Pure. */
export * from './terms';
export * from './request';
export * from './score';
export * from './related';
export * from './describe';
