import { defineMessages } from './define';

/** Interface strings of the map pages (keys start with "map."). */
export const MAP_UI = defineMessages(
  {
    'map.title': 'Карта кластеров',
  },
  {
    'map.title': 'Cluster map',
  },
);
