import { fillPlaceholders } from './fill';
import { formatNumber } from './format';
import { pluralCategory } from './plural';
import type { Lang } from './locales';
import { ACCOUNT_UI } from './ui-accounts';
import { ANALYTICS_UI } from './ui-analytics';
import { MAP_UI } from './ui-map';
import { SEARCH_UI } from './ui-search';
import { AREAS_UI } from './ui-areas';
import { WORKFLOW_UI } from './ui-workflow';
import { WIZARD_UI } from './ui-wizard';
import { QUESTIONNAIRE_UI } from './ui-questionnaire';
import { MANAGE_UI } from './ui-manage';
import { MATCH_UI } from './ui-match';
import { REGIONS_UI } from './ui-regions';
import { UX_UI } from './ui-ux';
import { API_UI } from './ui-api';
import { CONTACT_UI } from './ui-contact';

/** Every interface string of the core pages in both languages; `en` must have every key of `ru`. */
const coreRu = {
  'site.name': 'Карта кластеров',
  'site.tagline': 'Открытый портал инновационных кластеров России',
  'nav.home': 'Главная',
  'nav.clusters': 'Кластеры',
  'nav.analytics': 'Аналитика',
  'nav.map': 'Карта',
  'nav.search': 'Поиск',
  'nav.whatIf': 'Калькулятор',
  'nav.main': 'Основная навигация',
  'nav.skip': 'Перейти к содержанию',
  'lang.switch': 'English',
  'lang.switchLabel': 'Switch to English',
  'search.placeholder': 'Название, отрасль, город…',
  'search.label': 'Поиск кластеров',
  'search.submit': 'Найти',
  'home.title': 'Инновационные кластеры России на одной карте',
  'home.lead':
    'Профили кластеров в пяти блоках, индекс интернационализации и сценарий развития каждого кластера — для инвесторов, зарубежных партнёров и управляющих организаций кластеров.',
  'home.count.clusters': 'кластеров',
  'home.count.regions': 'регионов',
  'home.count.groups': 'отраслевых групп',
  'home.investors.title': 'Инвесторам',
  'home.investors.text': 'Ищите и сравнивайте кластеры по отрасли, региону и показателям.',
  'home.investors.cta': 'Открыть каталог',
  'home.partners.title': 'Зарубежным партнёрам',
  'home.partners.text': 'Профили на английском языке, приоритеты сотрудничества и контакты.',
  'home.partners.cta': 'English version',
  'home.managers.title': 'Управляющим кластерами',
  'home.managers.text': 'Узнайте индекс интернационализации своего кластера и что его повысит.',
  'home.managers.cta': 'Рассчитать индекс',
  'home.about.title': 'О данных',
  'home.about.text':
    'Портал начинается с 25 пилотных инновационных территориальных кластеров, отобранных в 2012 году, и их показателей по данным Минэкономразвития России. Блоки профиля, которых нет в источниках, заполняют сами управляющие организации кластеров.',
  'directory.title': 'Каталог кластеров',
  'directory.filters': 'Фильтры',
  'directory.industryGroup': 'Отраслевая группа',
  'directory.region': 'Регион',
  'directory.status': 'Статус',
  'directory.sort': 'Сортировка',
  'directory.any': 'Все',
  'directory.apply': 'Применить',
  'directory.reset': 'Сбросить',
  'directory.sort.name': 'По названию',
  'directory.sort.founded': 'По году основания',
  'directory.sort.index': 'По индексу интернационализации',
  'directory.results': 'Найдено кластеров: {count}',
  'directory.empty': 'Нет кластеров, подходящих под фильтры.',
  'directory.emptyHint': 'Попробуйте убрать один из фильтров.',
  'directory.invalid': 'Фильтр «{field}» не распознан и не применён: {message}',
  'directory.page': 'Страница {page} из {pages}',
  'directory.prev': 'Назад',
  'directory.next': 'Вперёд',
  'directory.pagination': 'Страницы',
  'directory.city': 'Город',
  'directory.founded': 'Основан',
  'profile.general': 'Общие сведения',
  'profile.priorities': 'Приоритеты кластера',
  'profile.management': 'Управление',
  'profile.members': 'Участники',
  'profile.partnersProjects': 'Партнёры и проекты',
  'profile.indicators': 'Показатели по годам',
  'profile.notProvided': 'Пока не заполнено.',
  'profile.invite': 'Управляющая организация кластера может дополнить этот блок.',
  'profile.region': 'Регион',
  'profile.city': 'Город',
  'profile.industryGroup': 'Отраслевая группа',
  'profile.status': 'Статус',
  'profile.founded': 'Год основания',
  'profile.shortName': 'Краткое название',
  'profile.specialization': 'Специализация',
  'profile.websites': 'Сайты',
  'profile.description': 'Описание',
  'profile.membersCount': 'Число участников',
  'profile.employees': 'Число занятых',
  'profile.selfAssessment': 'Самооценка интернационализации',
  'profile.labels': 'Знаки качества и реестры',
  'profile.coordinates': 'Координаты',
  'profile.technologyPriorities': 'Технологические приоритеты',
  'profile.marketPriorities': 'Рыночные приоритеты',
  'profile.developmentGoals': 'Цели развития',
  'profile.internationalizationGoals': 'Цели интернационализации',
  'profile.cooperationAreas': 'Искомые области сотрудничества',
  'profile.targetCountries': 'Целевые страны',
  'profile.offers': 'Что предлагает кластер',
  'profile.seeks': 'Что ищет кластер',
  'profile.cmo': 'Управляющая организация',
  'profile.manager': 'Руководитель',
  'profile.managementModel': 'Модель управления',
  'profile.services': 'Услуги управляющей организации',
  'profile.coordinator': 'Кто координирует международную деятельность',
  'profile.strategy': 'Стратегия интернационализации',
  'profile.membersByType': 'Участники по типам',
  'profile.foreignMembers': 'Иностранных участников',
  'profile.memberName': 'Участник',
  'profile.memberType': 'Тип',
  'profile.country': 'Страна',
  'profile.activity': 'Международная активность (0–4)',
  'profile.partners': 'Партнёры',
  'profile.projects': 'Проекты',
  'profile.partnerType': 'Тип',
  'profile.area': 'Область',
  'profile.years': 'Годы',
  'profile.budget': 'Бюджет, млн руб.',
  'profile.indicator': 'Показатель',
  'profile.year': 'Год',
  'profile.value': 'Значение',
  'profile.source': 'Источник',
  'profile.notReported': 'нет данных',
  'profile.noIndicators': 'Показатели пока не представлены.',
  'profile.provenance': 'Источник данных профиля',
  'profile.confirmed': 'Подтверждено управляющей организацией: {date}',
  'profile.unconfirmed': 'Сведения не подтверждались больше года.',
  'profile.backToDirectory': 'Ко всем кластерам',
  'profile.otherInRegion': 'Все кластеры региона',
  'region.clusters': 'Кластеры региона',
  'region.none': 'В этом регионе пока нет кластеров на портале.',
  'region.type': 'Тип субъекта',
  'error.404.title': 'Страница не найдена',
  'error.404.text': 'Такой страницы нет: возможно, адрес набран с ошибкой или кластер переименован.',
  'error.500.title': 'Что-то пошло не так',
  'error.500.text': 'На сервере произошла ошибка. Мы записали её причину; попробуйте ещё раз чуть позже.',
  'error.back': 'На главную',
  'error.directory': 'К каталогу кластеров',
  'footer.about': 'Открытый исходный код. Данные пилотных кластеров: Минэкономразвития России (2012).',
  'footer.api': 'API',
} as const;

const coreEn: Record<keyof typeof coreRu, string> = {
  'site.name': 'Cluster Map',
  'site.tagline': 'An open portal of Russian innovation clusters',
  'nav.home': 'Home',
  'nav.clusters': 'Clusters',
  'nav.analytics': 'Analytics',
  'nav.map': 'Map',
  'nav.search': 'Search',
  'nav.whatIf': 'Calculator',
  'nav.main': 'Main navigation',
  'nav.skip': 'Skip to content',
  'lang.switch': 'Русский',
  'lang.switchLabel': 'Перейти на русский',
  'search.placeholder': 'Name, industry, city…',
  'search.label': 'Search clusters',
  'search.submit': 'Search',
  'home.title': "Russia's innovation clusters on one map",
  'home.lead':
    'Five-block cluster profiles with each cluster’s internationalization index and scenario, for investors, foreign partners and cluster managers.',
  'home.count.clusters': 'clusters',
  'home.count.regions': 'regions',
  'home.count.groups': 'industry groups',
  'home.investors.title': 'For investors',
  'home.investors.text': 'Search and compare clusters by industry, region and indicators.',
  'home.investors.cta': 'Open the directory',
  'home.partners.title': 'For foreign partners',
  'home.partners.text': 'Profiles in English, cooperation priorities and contacts.',
  'home.partners.cta': 'Browse clusters',
  'home.managers.title': 'For cluster managers',
  'home.managers.text': 'See the internationalization index of your cluster and what would raise it.',
  'home.managers.cta': 'Compute an index',
  'home.about.title': 'About the data',
  'home.about.text':
    'The portal starts with the 25 pilot innovative territorial clusters selected in 2012 and their indicators as reported by the Russian Ministry of Economic Development. Profile blocks the sources do not cover are filled in by the clusters’ management organizations.',
  'directory.title': 'Cluster directory',
  'directory.filters': 'Filters',
  'directory.industryGroup': 'Industry group',
  'directory.region': 'Region',
  'directory.status': 'Status',
  'directory.sort': 'Sort by',
  'directory.any': 'Any',
  'directory.apply': 'Apply',
  'directory.reset': 'Reset',
  'directory.sort.name': 'Name',
  'directory.sort.founded': 'Founding year',
  'directory.sort.index': 'Internationalization index',
  'directory.results': '{count} clusters found',
  'directory.empty': 'No cluster matches these filters.',
  'directory.emptyHint': 'Try removing one of the filters.',
  'directory.invalid': 'The filter "{field}" was not understood and is not applied: {message}',
  'directory.page': 'Page {page} of {pages}',
  'directory.prev': 'Previous',
  'directory.next': 'Next',
  'directory.pagination': 'Pages',
  'directory.city': 'City',
  'directory.founded': 'Founded',
  'profile.general': 'General data',
  'profile.priorities': 'Cluster priorities',
  'profile.management': 'Management',
  'profile.members': 'Members',
  'profile.partnersProjects': 'Partners and projects',
  'profile.indicators': 'Indicators by year',
  'profile.notProvided': 'Not provided yet.',
  'profile.invite': 'The cluster’s management organization is invited to complete this block.',
  'profile.region': 'Region',
  'profile.city': 'City',
  'profile.industryGroup': 'Industry group',
  'profile.status': 'Status',
  'profile.founded': 'Founded',
  'profile.shortName': 'Short name',
  'profile.specialization': 'Specialization',
  'profile.websites': 'Websites',
  'profile.description': 'Description',
  'profile.membersCount': 'Members',
  'profile.employees': 'Employees',
  'profile.selfAssessment': 'Internationalization self-assessment',
  'profile.labels': 'Quality labels and registries',
  'profile.coordinates': 'Coordinates',
  'profile.technologyPriorities': 'Technology priorities',
  'profile.marketPriorities': 'Market priorities',
  'profile.developmentGoals': 'Development goals',
  'profile.internationalizationGoals': 'Internationalization goals',
  'profile.cooperationAreas': 'Cooperation areas sought',
  'profile.targetCountries': 'Target countries',
  'profile.offers': 'What the cluster offers',
  'profile.seeks': 'What the cluster seeks',
  'profile.cmo': 'Cluster management organization',
  'profile.manager': 'Cluster manager',
  'profile.managementModel': 'Management model',
  'profile.services': 'Services of the management organization',
  'profile.coordinator': 'Who coordinates international activity',
  'profile.strategy': 'Internationalization strategy',
  'profile.membersByType': 'Members by type',
  'profile.foreignMembers': 'Foreign members',
  'profile.memberName': 'Member',
  'profile.memberType': 'Type',
  'profile.country': 'Country',
  'profile.activity': 'International activity (0–4)',
  'profile.partners': 'Partners',
  'profile.projects': 'Projects',
  'profile.partnerType': 'Type',
  'profile.area': 'Area',
  'profile.years': 'Years',
  'profile.budget': 'Budget, mln RUB',
  'profile.indicator': 'Indicator',
  'profile.year': 'Year',
  'profile.value': 'Value',
  'profile.source': 'Source',
  'profile.notReported': 'not reported',
  'profile.noIndicators': 'No indicators have been provided yet.',
  'profile.provenance': 'Source of this profile',
  'profile.confirmed': 'Confirmed by the management organization on {date}',
  'profile.unconfirmed': 'Not confirmed for over a year.',
  'profile.backToDirectory': 'All clusters',
  'profile.otherInRegion': 'All clusters of the region',
  'region.clusters': 'Clusters in this region',
  'region.none': 'No cluster of this region is on the portal yet.',
  'region.type': 'Type of federal subject',
  'error.404.title': 'Page not found',
  'error.404.text': 'There is no such page: the address may be mistyped or the cluster renamed.',
  'error.500.title': 'Something went wrong',
  'error.500.text': 'The server ran into an error. Its cause has been logged; please try again in a moment.',
  'error.back': 'Go to the home page',
  'error.directory': 'Go to the cluster directory',
  'footer.about': 'Open source. Pilot cluster data: Russian Ministry of Economic Development (2012).',
  'footer.api': 'API',
};

/** One type holding every member of a union (the keys of all areas' dictionaries together). */
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** The areas' dictionaries, one per line (each area keeps its strings in its own ui-*.ts file). */
const AREAS = [
  ANALYTICS_UI,
  SEARCH_UI,
  MAP_UI,
  ACCOUNT_UI,
  WORKFLOW_UI,
  AREAS_UI,
  WIZARD_UI,
  MANAGE_UI,
  QUESTIONNAIRE_UI,
  MATCH_UI,
  REGIONS_UI,
  UX_UI,
  API_UI,
  CONTACT_UI,
] as const;

const ru = Object.assign({}, coreRu, ...AREAS.map((a) => a.ru)) as typeof coreRu & UnionToIntersection<(typeof AREAS)[number]['ru']>;
const en = Object.assign({}, coreEn, ...AREAS.map((a) => a.en)) as Record<keyof typeof ru, string>;

/** Key of an interface string. */
export type UiKey = keyof typeof ru;

const messages: Record<Lang, Record<UiKey, string>> = { ru, en };

/** Translator for one language: t('directory.results', { count: 5 }) fills {count}. */
export function translator(lang: Lang): (key: UiKey, vars?: Record<string, string | number>) => string {
  return (key, vars) => {
    const template = messages[lang][key];
    return vars ? fillPlaceholders(template, vars) : template;
  };
}

/** Base of a counted message: a key written once per plural category (".one", ".few", ".many", ".other"). */
export type PluralKey = UiKey extends infer K ? (K extends `${infer B}.other` ? B : never) : never;

/**
 * Translator for counted messages: picks the variant of the count's plural category (Intl.PluralRules) and
 * fills {count} formatted, e.g. tn('ux.directory.results', 1) → "1 cluster found", tn('ux.noun.regions', 21) → "регион".
 */
export function pluralTranslator(lang: Lang): (base: PluralKey, count: number, vars?: Record<string, string | number>) => string {
  const t = translator(lang);
  return (base, count, vars) => t(`${base}.${pluralCategory(count, lang)}` as UiKey, { count: formatNumber(count, lang, 0), ...vars });
}

/** All keys, for the completeness test. */
export const UI_KEYS = Object.keys(ru) as UiKey[];
/** Raw dictionaries, for the completeness test. */
export const UI_MESSAGES = messages;
