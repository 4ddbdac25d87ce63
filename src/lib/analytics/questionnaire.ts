/**
 * Questionnaire analytics over approved profiles (the paper's Figures 5–13): for one year and optionally one
 * industry group, the distribution of self-assessment grades, mean activity per cooperation area and per member
 * type, partner scope, goals and mean barriers. Individual answers stay on each cluster's own profile; here only
 * aggregates appear, and none over fewer than MIN_ANSWERED clusters. Pure.
 */
import type { Profile, QuestionnaireYear } from '../profile';
import {
  BARRIERS,
  COOPERATION_AREAS,
  INTERNATIONALIZATION_GOALS,
  PARTNER_SCOPES,
  QUESTIONNAIRE_MEMBER_TYPES,
  SELF_ASSESSMENT_MAX,
  SELF_ASSESSMENT_MIN,
  type IndustryGroup,
} from '../profile/vocabulary';

/** The fewest clusters an aggregate may show (fewer would let a reader work out one cluster's answers). */
export const MIN_ANSWERED = 3;

/** A mean rating over the clusters that rated the item, or null when fewer than MIN_ANSWERED did. */
export interface MeanItem<K extends string> {
  key: K;
  mean: number | null;
  n: number;
}

/** How many of the answering clusters chose the item, and their share. */
export interface CountItem<K extends string> {
  key: K;
  count: number;
  share: number;
}

/** The aggregates of one year (and group); `shown` is false, and the lists empty, below MIN_ANSWERED clusters. */
export interface QuestionnaireAnalytics {
  year: number;
  group: IndustryGroup | undefined;
  answered: number;
  shown: boolean;
  grades: Array<{ grade: number; count: number }>;
  areaActivity: MeanItem<(typeof COOPERATION_AREAS)[number]>[];
  memberActivity: MeanItem<(typeof QUESTIONNAIRE_MEMBER_TYPES)[number]>[];
  partnerScope: CountItem<(typeof PARTNER_SCOPES)[number]>[];
  goals: CountItem<(typeof INTERNATIONALIZATION_GOALS)[number]>[];
  barriers: MeanItem<(typeof BARRIERS)[number]>[];
}

/** The years any profile answered, newest first. */
export function questionnaireYears(profiles: readonly Profile[]): number[] {
  return [...new Set(profiles.flatMap((p) => p.questionnaire.map((q) => q.year)))].sort((a, b) => b - a);
}

/** The profile's answers for a year, if it gave any. */
export function answersOf(profile: Profile, year: number): QuestionnaireYear | undefined {
  return profile.questionnaire.find((q) => q.year === year);
}

/** Means of 0–4 ratings per item, each over the clusters that rated it (null under MIN_ANSWERED). */
function means<K extends string>(keys: readonly K[], answers: readonly QuestionnaireYear[], pick: (a: QuestionnaireYear) => Partial<Record<K, number>>): MeanItem<K>[] {
  return keys.map((key) => {
    const values = answers.map((a) => pick(a)[key]).filter((v): v is number => v !== undefined);
    const n = values.length;
    return { key, n, mean: n >= MIN_ANSWERED ? values.reduce((s, v) => s + v, 0) / n : null };
  });
}

/** How many answers chose each item, and the share of all answers. */
function counts<K extends string>(keys: readonly K[], answers: readonly QuestionnaireYear[], pick: (a: QuestionnaireYear) => readonly K[]): CountItem<K>[] {
  return keys.map((key) => {
    const count = answers.filter((a) => pick(a).includes(key)).length;
    return { key, count, share: answers.length ? count / answers.length : 0 };
  });
}

/** The questionnaire's aggregates for a year over the approved profiles (of one industry group, if given). */
export function questionnaireAnalytics(profiles: readonly Profile[], year: number, group?: IndustryGroup): QuestionnaireAnalytics {
  const answers = profiles
    .filter((p) => !group || p.general.industryGroup === group)
    .map((p) => answersOf(p, year))
    .filter((a): a is QuestionnaireYear => a !== undefined);
  const shown = answers.length >= MIN_ANSWERED;
  const base = { year, group, answered: answers.length, shown };
  if (!shown) return { ...base, grades: [], areaActivity: [], memberActivity: [], partnerScope: [], goals: [], barriers: [] };
  const grades = [];
  for (let grade = SELF_ASSESSMENT_MIN; grade <= SELF_ASSESSMENT_MAX; grade++) grades.push({ grade, count: answers.filter((a) => a.selfAssessment === grade).length });
  return {
    ...base,
    grades,
    areaActivity: means(COOPERATION_AREAS, answers, (a) => a.areaActivity),
    memberActivity: means(QUESTIONNAIRE_MEMBER_TYPES, answers, (a) => a.memberActivity),
    partnerScope: counts(PARTNER_SCOPES, answers, (a) => a.partnerScope),
    goals: counts(INTERNATIONALIZATION_GOALS, answers, (a) => a.goals),
    barriers: means(BARRIERS, answers, (a) => a.barriers),
  };
}

/** A cluster's self-assessment beside its index, and how far apart the two stand. */
export interface GradeIndexPoint {
  slug: string;
  grade: number;
  index: number;
  /** |(grade − 1) / 6 − index / the highest index|: 0 when both place the cluster alike, up to 1. */
  gap: number;
  /** 'higher' when the grade places the cluster above its index, 'lower' below, 'agrees' within AGREEMENT_GAP. */
  verdict: 'higher' | 'lower' | 'agrees';
}

/** The largest gap at which the grade and the index are said to agree (a quarter of either scale). */
export const AGREEMENT_GAP = 0.25;

/**
 * Puts each cluster's self-assessment (1–7) beside its index (0 to the highest index of all the clusters given, so
 * pass every cluster of the year), both as shares of their scale, so the paper's point that the two should agree
 * can be checked; only clusters with both appear, sorted by the gap, largest first.
 */
export function gradeAgainstIndex(clusters: ReadonlyArray<{ slug: string; grade: number | undefined; index: number | null | undefined }>): GradeIndexPoint[] {
  // The scale's top is the year's highest index among all clusters given, graded or not.
  const max = Math.max(0, ...clusters.map((c) => (typeof c.index === 'number' ? c.index : 0)));
  const known = clusters.filter((c): c is { slug: string; grade: number; index: number } => c.grade !== undefined && typeof c.index === 'number');
  return known
    .map((c) => {
      const gradeShare = (c.grade - SELF_ASSESSMENT_MIN) / (SELF_ASSESSMENT_MAX - SELF_ASSESSMENT_MIN);
      const indexShare = max > 0 ? c.index / max : 0;
      const gap = Math.abs(gradeShare - indexShare);
      const verdict: GradeIndexPoint['verdict'] = gap <= AGREEMENT_GAP ? 'agrees' : gradeShare > indexShare ? 'higher' : 'lower';
      return { slug: c.slug, grade: c.grade, index: c.index, gap, verdict };
    })
    .sort((a, b) => b.gap - a.gap || a.slug.localeCompare(b.slug));
}

/** The grade a cluster gives itself for the index's year: its answer of that year, else its latest answer, else the grade in its general data. */
export function gradeFor(profile: Profile, year: number): number | undefined {
  const latest = [...profile.questionnaire].sort((a, b) => b.year - a.year)[0];
  return answersOf(profile, year)?.selfAssessment ?? latest?.selfAssessment ?? profile.general.selfAssessment;
}
