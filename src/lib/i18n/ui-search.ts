import { defineMessages } from './define';

/** Interface strings of the search pages (keys start with "search."). */
export const SEARCH_UI = defineMessages(
  {
    'search.title': 'Поиск кластеров',
  },
  {
    'search.title': 'Cluster search',
  },
);
