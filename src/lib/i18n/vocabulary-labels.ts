import type {
  Barrier,
  InternationalizationGoal,
  PartnerScope,
  ClusterStatus,
  CmoService,
  CooperationArea,
  Coordinator,
  IndicatorKey,
  IndustryGroup,
  LabelKind,
  MemberType,
  PartnerType,
  StrategyStatus,
} from '../profile/vocabulary';
import type { Lang } from './locales';

type Labels<K extends string> = Record<K, Record<Lang, string>>;

/** Names of the industry groups. */
export const INDUSTRY_GROUP_LABELS: Labels<IndustryGroup> = {
  nuclear: { ru: 'Ядерные технологии', en: 'Nuclear' },
  'aerospace-shipbuilding': { ru: 'Авиакосмос и судостроение', en: 'Aerospace and shipbuilding' },
  'pharma-bio-medical': { ru: 'Фармацевтика, биотехнологии и медицина', en: 'Pharmaceutical, biotechnology and medical' },
  'new-materials': { ru: 'Новые материалы', en: 'New materials' },
  'chemistry-petrochemistry': { ru: 'Химия и нефтехимия', en: 'Chemistry and petrochemistry' },
  'it-electronics': { ru: 'ИТ и электроника', en: 'IT and electronics' },
  other: { ru: 'Другие отрасли', en: 'Other industries' },
};

/** Names of the cluster statuses. */
export const STATUS_LABELS: Labels<ClusterStatus> = {
  'pilot-innovative-territorial': { ru: 'Пилотный инновационный территориальный кластер', en: 'Pilot innovative territorial cluster' },
  industrial: { ru: 'Промышленный кластер', en: 'Industrial cluster' },
  'cluster-initiative': { ru: 'Кластерная инициатива', en: 'Cluster initiative' },
  other: { ru: 'Другой статус', en: 'Other status' },
};

/** Names of the member types. */
export const MEMBER_TYPE_LABELS: Labels<MemberType> = {
  'large-enterprise': { ru: 'Крупное предприятие', en: 'Large enterprise' },
  sme: { ru: 'МСП', en: 'SME' },
  university: { ru: 'Университет', en: 'University' },
  'research-institute': { ru: 'НИИ', en: 'Research institute' },
  'supporting-organization': { ru: 'Организация поддержки', en: 'Supporting organization' },
  'public-authority': { ru: 'Орган власти', en: 'Public authority' },
  cmo: { ru: 'Специализированная организация кластера', en: 'Cluster management organization' },
  other: { ru: 'Другое', en: 'Other' },
};

/** Names of the cooperation areas. */
export const COOPERATION_AREA_LABELS: Labels<CooperationArea> = {
  'rnd-knowledge-transfer': { ru: 'НИОКР и трансфер знаний', en: 'R&D and knowledge transfer' },
  'education-hr': { ru: 'Образование и кадры', en: 'Education and HR' },
  'industrial-production': { ru: 'Производственная кооперация', en: 'Industrial production' },
  'trade-marketing': { ru: 'Торговля и маркетинг', en: 'Trade and marketing' },
  'finance-investment': { ru: 'Финансы и инвестиции', en: 'Finance and investment' },
  institutional: { ru: 'Институциональное сотрудничество', en: 'Institutional cooperation' },
};

/** Names of the strategy statuses. */
export const STRATEGY_STATUS_LABELS: Labels<StrategyStatus> = {
  separate: { ru: 'Отдельная стратегия интернационализации', en: 'A separate internationalization strategy' },
  'part-of-cluster-strategy': { ru: 'Часть стратегии кластера', en: 'Part of the cluster strategy' },
  planned: { ru: 'Планируется', en: 'Planned' },
  none: { ru: 'Нет', en: 'None' },
};

/** Names of the international-activity coordinators. */
export const COORDINATOR_LABELS: Labels<Coordinator> = {
  cmo: { ru: 'Специализированная организация кластера', en: 'The cluster management organization' },
  members: { ru: 'Сами участники', en: 'The members themselves' },
  'regional-authority': { ru: 'Региональные органы власти', en: 'The regional authorities' },
  nobody: { ru: 'Никто', en: 'Nobody' },
  other: { ru: 'Другое', en: 'Other' },
};

/** Names of the CMO services. */
export const CMO_SERVICE_LABELS: Labels<CmoService> = {
  internationalization: { ru: 'Поддержка интернационализации', en: 'Internationalization support' },
  matchmaking: { ru: 'Подбор партнёров', en: 'Matchmaking' },
  'trade-missions': { ru: 'Бизнес-миссии', en: 'Trade missions' },
  'export-support': { ru: 'Поддержка экспорта', en: 'Export support' },
  training: { ru: 'Обучение', en: 'Training' },
  'rnd-coordination': { ru: 'Координация НИОКР', en: 'R&D coordination' },
  marketing: { ru: 'Маркетинг', en: 'Marketing' },
  'funding-access': { ru: 'Доступ к финансированию', en: 'Access to funding' },
  other: { ru: 'Другое', en: 'Other' },
};

/** Names of the label kinds. */
export const LABEL_KIND_LABELS: Labels<LabelKind> = {
  'esca-bronze': { ru: 'ESCA Bronze', en: 'ESCA Bronze label' },
  'esca-silver': { ru: 'ESCA Silver', en: 'ESCA Silver label' },
  'esca-gold': { ru: 'ESCA Gold', en: 'ESCA Gold label' },
  'eccp-profile': { ru: 'Профиль на European Cluster Collaboration Platform', en: 'European Cluster Collaboration Platform profile' },
  other: { ru: 'Другое', en: 'Other' },
};

/** Names of the partner types. */
export const PARTNER_TYPE_LABELS: Labels<PartnerType> = {
  cluster: { ru: 'Кластер', en: 'Cluster' },
  company: { ru: 'Компания', en: 'Company' },
  university: { ru: 'Университет', en: 'University' },
  'research-institute': { ru: 'НИИ', en: 'Research institute' },
  'public-body': { ru: 'Государственная организация', en: 'Public body' },
  other: { ru: 'Другое', en: 'Other' },
};

/** Names and units of the four index indicators. */
export const INDICATOR_LABELS: Labels<IndicatorKey> = {
  internationalMembers: { ru: 'Иностранные участники', en: 'International members' },
  exportsBlnRub: { ru: 'Экспорт участников, млрд руб.', en: 'Exports of members, bln RUB' },
  publications: { ru: 'Публикации в Scopus / Web of Science', en: 'Publications in Scopus / Web of Science' },
  jointRndBlnRub: { ru: 'Совместные НИОКР, млрд руб.', en: 'Joint R&D, bln RUB' },
};

/** Descriptions of the 7 self-assessment grades (domain.md, qualitative step). */
export const SELF_ASSESSMENT_LABELS: Record<Lang, readonly string[]> = {
  ru: [
    'Международная активность кластера и участников не видна',
    'Активности пока нет, но она планируется',
    'Отдельные участники действуют за рубежом, управляющая организация — пока нет',
    'Эпизодическое, неспецифическое сотрудничество с зарубежными партнёрами',
    'Избирательное сотрудничество, в том числе управляющей организации',
    'Интенсивные связи и партнёрства с зарубежными сетями',
    'Признанный международный игрок',
  ],
  en: [
    'No international activity of the cluster or its members is visible',
    'None yet, but international activity is intended',
    'Individual members act internationally; the cluster management does not yet',
    'Sporadic, unspecific cooperation with international partners',
    'Selective cooperation, including by the cluster management',
    'Intense cross-linking and partnerships with international networks',
    'An established international player',
  ],
};

/** Where partners come from (questionnaire). */
export const PARTNER_SCOPE_LABELS: Labels<PartnerScope> = {
  eu: { ru: 'Европейский союз', en: 'European Union' },
  usa: { ru: 'США', en: 'USA' },
  'south-east-asia': { ru: 'Юго-Восточная Азия', en: 'South-East Asia' },
  cis: { ru: 'СНГ', en: 'CIS' },
  'customs-union': { ru: 'Таможенный союз (Беларусь, Казахстан)', en: 'Customs Union (Belarus, Kazakhstan)' },
  other: { ru: 'Другие страны', en: 'Other countries' },
};

/** Goals of internationalisation (questionnaire). */
export const GOAL_LABELS: Labels<InternationalizationGoal> = {
  'know-how-technology': { ru: 'Доступ к знаниям и технологиям', en: 'Access to know-how and technology' },
  'regional-development': { ru: 'Развитие региона', en: 'Regional development' },
  'new-markets': { ru: 'Выход на новые рынки', en: 'New markets' },
  'new-partners': { ru: 'Новые партнёры и сети', en: 'New partners and networks' },
  'worldwide-position': { ru: 'Укрепление позиций в мире', en: 'A stronger worldwide position' },
  other: { ru: 'Другое', en: 'Other' },
};

/** Barriers to internationalisation (questionnaire). */
export const BARRIER_LABELS: Labels<Barrier> = {
  'financial-resources': { ru: 'Нехватка финансовых ресурсов', en: 'Lack of financial resources' },
  'qualified-staff': { ru: 'Нехватка квалифицированных кадров', en: 'Lack of qualified staff' },
  'foreign-market-knowledge': { ru: 'Незнание зарубежных рынков', en: 'Little knowledge of foreign markets' },
  language: { ru: 'Языковой барьер', en: 'Language' },
  'cultural-differences': { ru: 'Культурные различия', en: 'Cultural differences' },
  distance: { ru: 'Географическая удалённость', en: 'Distance' },
};
