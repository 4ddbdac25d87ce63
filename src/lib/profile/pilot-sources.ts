import type { Lang } from '../i18n/locales';

/**
 * The sources the shipped pilot profiles cite, in both languages. content/clusters/*.json stores the English form
 * (scripts/generate-clusters.ts writes these constants; the API answers with it); pages show the form of their
 * language. A source a manager types is not in the table and is shown as typed.
 */
export const PILOT_SOURCES = {
  indicators: {
    en: 'Ministry of Economic Development of the Russian Federation (2012), compiled in HSE Russian Cluster Observatory research on cluster internationalization (2015), Table 4',
    ru: 'Минэкономразвития России (2012), по сводке исследования интернационализации кластеров Российской кластерной обсерватории НИУ ВШЭ (2015), таблица 4',
  },
  clusterList: {
    en: 'List of the 25 pilot innovative territorial clusters selected in 2012 (Ministry of Economic Development of the Russian Federation); coordinates are approximate centres of the host city.',
    ru: 'Перечень 25 пилотных инновационных территориальных кластеров, отобранных в 2012 году (Минэкономразвития России); координаты — примерный центр города размещения.',
  },
  unconfirmedRuName: {
    en: 'The Russian name is not confirmed by an official source.',
    ru: 'Русское название не подтверждено официальным источником.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

const byText = new Map<string, Record<Lang, string>>(Object.values(PILOT_SOURCES).flatMap((s) => [[s.en, s], [s.ru, s]]));

/**
 * A cited source (or provenance note) in the page's language when it is one of PILOT_SOURCES; other text unchanged.
 *
 * @example sourceTextIn(PILOT_SOURCES.indicators.en, 'ru') // => 'Минэкономразвития России (2012), …'
 */
export function sourceTextIn(text: string, lang: Lang): string {
  return byText.get(text)?.[lang] ?? text;
}
