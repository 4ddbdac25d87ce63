import { defineMessages } from './define';

/** Strings of the findability and readability work (issue 13): places, counts, the readable index, the map. Keys start with "ux.". */
export const UX_UI = defineMessages(
  {
    'ux.federalDistrict': 'Федеральный округ',
    'ux.search.place': 'Показаны кластеры округа: {place} (по словам «{words}»).',
  },
  {
    'ux.federalDistrict': 'Federal district',
    'ux.search.place': 'Showing clusters in the {place} (from “{words}”).',
  },
);
