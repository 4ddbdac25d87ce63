/** Interface languages, strings, labels and formatting. */
export * from './locales';
export * from './ui';
export * from './vocabulary-labels';
export * from './format';
export * from './filter-options';
export * from './plural';
