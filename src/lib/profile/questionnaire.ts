import { z } from 'zod';
import { year, yearlyList } from './common';
import {
  ACTIVITY_MAX,
  BARRIERS,
  COOPERATION_AREAS,
  COORDINATORS,
  INTERNATIONALIZATION_GOALS,
  PARTNER_SCOPES,
  QUESTIONNAIRE_MEMBER_TYPES,
  SELF_ASSESSMENT_MAX,
  SELF_ASSESSMENT_MIN,
  STRATEGY_STATUSES,
} from './vocabulary';

/** A rating 0 (none) … 4 (very high, or crucial for a barrier). */
const rating = z.number({ invalid_type_error: 'must be a number' }).int('must be whole').min(0).max(ACTIVITY_MAX);

/** Ratings of some of a list's items (an item not rated is not answered, never 0). */
const ratings = <T extends readonly [string, ...string[]]>(items: T) =>
  z
    .object(Object.fromEntries(items.map((item) => [item, rating.optional()])) as { [K in T[number]]: z.ZodOptional<typeof rating> })
    .strict()
    .default({} as never);

/**
 * One year's answers to the questionnaire (domain.md, qualitative step): the self-assessment grade, international
 * activity of member types and per cooperation area, where partners come from, goals, barriers, who coordinates,
 * and the strategy's status. Answers are per year, so a cluster answers again next year and sees its change.
 */
export const questionnaireYearSchema = z
  .object({
    year,
    selfAssessment: z.number({ invalid_type_error: 'must be a number' }).int().min(SELF_ASSESSMENT_MIN).max(SELF_ASSESSMENT_MAX),
    memberActivity: ratings(QUESTIONNAIRE_MEMBER_TYPES),
    areaActivity: ratings(COOPERATION_AREAS),
    partnerScope: z.array(z.enum(PARTNER_SCOPES)).max(PARTNER_SCOPES.length).default([]),
    goals: z.array(z.enum(INTERNATIONALIZATION_GOALS)).max(INTERNATIONALIZATION_GOALS.length).default([]),
    barriers: ratings(BARRIERS),
    coordinator: z.enum(COORDINATORS).optional(),
    strategyStatus: z.enum(STRATEGY_STATUSES).optional(),
  })
  .strict();

/** The questionnaire by year, one answer set per year. */
export const questionnaireSchema = yearlyList(questionnaireYearSchema);

/** One year's answers as stored and shown. */
export type QuestionnaireYear = z.infer<typeof questionnaireYearSchema>;
