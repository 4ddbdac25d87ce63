/** Allowed values of the profile's enumerations, written once: schemas, filters, forms and labels derive from them. */

/** Industry groups of the directory (the six of the 25 pilot clusters, plus "other" for later registrations). */
export const INDUSTRY_GROUPS = [
  'nuclear',
  'aerospace-shipbuilding',
  'pharma-bio-medical',
  'new-materials',
  'chemistry-petrochemistry',
  'it-electronics',
  'other',
] as const;
export type IndustryGroup = (typeof INDUSTRY_GROUPS)[number];

/** Cluster statuses, as named on the HSE map and in Russian cluster policy. */
export const CLUSTER_STATUSES = [
  'pilot-innovative-territorial',
  'industrial',
  'cluster-initiative',
  'other',
] as const;
export type ClusterStatus = (typeof CLUSTER_STATUSES)[number];

/** Types of cluster members (domain.md, block 4). */
export const MEMBER_TYPES = [
  'large-enterprise',
  'sme',
  'university',
  'research-institute',
  'supporting-organization',
  'public-authority',
  'cmo',
  'other',
] as const;
export type MemberType = (typeof MEMBER_TYPES)[number];

/** Cooperation areas a cluster seeks (domain.md, block 2). */
export const COOPERATION_AREAS = [
  'rnd-knowledge-transfer',
  'education-hr',
  'industrial-production',
  'trade-marketing',
  'finance-investment',
  'institutional',
] as const;
export type CooperationArea = (typeof COOPERATION_AREAS)[number];

/** Status of the cluster's internationalization strategy (domain.md, block 3). */
export const STRATEGY_STATUSES = ['separate', 'part-of-cluster-strategy', 'planned', 'none'] as const;
export type StrategyStatus = (typeof STRATEGY_STATUSES)[number];

/** Who coordinates the cluster's international activity. */
export const COORDINATORS = ['cmo', 'members', 'regional-authority', 'nobody', 'other'] as const;
export type Coordinator = (typeof COORDINATORS)[number];

/** Services of the cluster management organization. */
export const CMO_SERVICES = [
  'internationalization',
  'matchmaking',
  'trade-missions',
  'export-support',
  'training',
  'rnd-coordination',
  'marketing',
  'funding-access',
  'other',
] as const;
export type CmoService = (typeof CMO_SERVICES)[number];

/** Quality labels and registry entries a profile can link. */
export const LABEL_KINDS = ['esca-bronze', 'esca-silver', 'esca-gold', 'eccp-profile', 'other'] as const;
export type LabelKind = (typeof LABEL_KINDS)[number];

/** Types of external partners. */
export const PARTNER_TYPES = ['cluster', 'company', 'university', 'research-institute', 'public-body', 'other'] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

/** The four cluster indicators of the internationalization index (domain.md, quantitative step). */
export const INDICATOR_KEYS = ['internationalMembers', 'exportsBlnRub', 'publications', 'jointRndBlnRub'] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

/** The self-assessment scale runs from 1 (no visible activity) to 7 (established international player). */
export const SELF_ASSESSMENT_MIN = 1;
/** Highest self-assessment grade. */
export const SELF_ASSESSMENT_MAX = 7;

/** Per-member international activity scale, 0 (none) to 4 (very high). */
export const ACTIVITY_MAX = 4;

/** Member types the questionnaire asks about (domain.md: universities, large enterprises, SMEs, research institutes, supporting organizations, the CMO). */
export const QUESTIONNAIRE_MEMBER_TYPES = ['university', 'large-enterprise', 'sme', 'research-institute', 'supporting-organization', 'cmo'] as const satisfies readonly MemberType[];
export type QuestionnaireMemberType = (typeof QUESTIONNAIRE_MEMBER_TYPES)[number];

/** Where the cluster's international partners come from (paper, Figure 8). */
export const PARTNER_SCOPES = ['eu', 'usa', 'south-east-asia', 'cis', 'customs-union', 'other'] as const;
export type PartnerScope = (typeof PARTNER_SCOPES)[number];

/** Why the cluster internationalises (paper, Figure 10; several may be chosen). */
export const INTERNATIONALIZATION_GOALS = ['know-how-technology', 'regional-development', 'new-markets', 'new-partners', 'worldwide-position', 'other'] as const;
export type InternationalizationGoal = (typeof INTERNATIONALIZATION_GOALS)[number];

/** What holds the cluster's internationalisation back, each rated 0–4 (paper, Figure 11). */
export const BARRIERS = ['financial-resources', 'qualified-staff', 'foreign-market-knowledge', 'language', 'cultural-differences', 'distance'] as const;
export type Barrier = (typeof BARRIERS)[number];
