import { describe, expect, it } from 'vitest';
import { answersOf, gradeAgainstIndex, gradeFor, MIN_ANSWERED, questionnaireAnalytics, questionnaireYears } from '../../../src/lib/analytics/questionnaire';
import { profileSchema, questionnaireSchema, type Profile } from '../../../src/lib/profile';
import { validProfile } from '../profile/fixtures';

/** A parsed profile with a slug, a group and questionnaire answers. */
function cluster(slug: string, group: string, questionnaire: unknown[], selfAssessment?: number): Profile {
  const p = validProfile() as any;
  p.slug = `cluster-${slug}`;
  p.general.name = { ru: slug, en: slug };
  p.general.industryGroup = group;
  if (selfAssessment) p.general.selfAssessment = selfAssessment;
  p.questionnaire = questionnaire;
  return profileSchema.parse(p);
}

// A hand-built set: four nuclear clusters and one pharma cluster answered for 2024; one nuclear also for 2023.
const profiles = [
  cluster('a', 'nuclear', [
    { year: 2024, selfAssessment: 2, areaActivity: { 'rnd-knowledge-transfer': 4, 'education-hr': 1 }, memberActivity: { university: 3 }, partnerScope: ['eu', 'usa'], goals: ['new-markets'], barriers: { 'financial-resources': 4 } },
    { year: 2023, selfAssessment: 1 },
  ]),
  cluster('b', 'nuclear', [{ year: 2024, selfAssessment: 2, areaActivity: { 'rnd-knowledge-transfer': 2 }, memberActivity: { university: 1 }, partnerScope: ['eu'], goals: ['new-markets', 'know-how-technology'], barriers: { 'financial-resources': 3, language: 1 } }]),
  cluster('c', 'nuclear', [{ year: 2024, selfAssessment: 5, areaActivity: { 'rnd-knowledge-transfer': 3, 'education-hr': 2 }, memberActivity: { university: 2, sme: 4 }, partnerScope: ['cis'], goals: [], barriers: { 'financial-resources': 2, language: 3 } }]),
  cluster('d', 'nuclear', [{ year: 2024, selfAssessment: 7 }]),
  cluster('e', 'pharma-bio-medical', [{ year: 2024, selfAssessment: 4, areaActivity: { 'education-hr': 0 }, partnerScope: ['eu'], barriers: { language: 2 } }]),
  cluster('f', 'pharma-bio-medical', []),
];

describe('questionnaireAnalytics', () => {
  it('counts grades, averages ratings over those who rated, and shares choices, as computed by hand', () => {
    const all = questionnaireAnalytics(profiles, 2024);
    expect(all.answered).toBe(5);
    expect(all.shown).toBe(true);
    expect(all.grades).toEqual([1, 2, 3, 4, 5, 6, 7].map((grade) => ({ grade, count: { 2: 2, 4: 1, 5: 1, 7: 1 }[grade] ?? 0 })));
    // R&D: a 4, b 2, c 3 → 3; education: a 1, c 2, e 0 → 1; the other areas: nobody rated them.
    expect(all.areaActivity.find((i) => i.key === 'rnd-knowledge-transfer')).toEqual({ key: 'rnd-knowledge-transfer', n: 3, mean: 3 });
    expect(all.areaActivity.find((i) => i.key === 'education-hr')).toEqual({ key: 'education-hr', n: 3, mean: 1 });
    expect(all.areaActivity.find((i) => i.key === 'institutional')).toEqual({ key: 'institutional', n: 0, mean: null });
    // Universities: 3, 1, 2 → 2; SMEs: only c rated them, an aggregate of one is not shown.
    expect(all.memberActivity.find((i) => i.key === 'university')).toEqual({ key: 'university', n: 3, mean: 2 });
    expect(all.memberActivity.find((i) => i.key === 'sme')).toEqual({ key: 'sme', n: 1, mean: null });
    // EU: a, b, e of 5 answers; CIS: c.
    expect(all.partnerScope.find((i) => i.key === 'eu')).toEqual({ key: 'eu', count: 3, share: 0.6 });
    expect(all.partnerScope.find((i) => i.key === 'cis')).toEqual({ key: 'cis', count: 1, share: 0.2 });
    expect(all.goals.find((i) => i.key === 'new-markets')).toEqual({ key: 'new-markets', count: 2, share: 0.4 });
    // Finance: 4, 3, 2 → 3; language: 1, 3, 2 → 2.
    expect(all.barriers.find((i) => i.key === 'financial-resources')).toEqual({ key: 'financial-resources', n: 3, mean: 3 });
    expect(all.barriers.find((i) => i.key === 'language')).toEqual({ key: 'language', n: 3, mean: 2 });
  });

  it('filters by industry group', () => {
    const nuclear = questionnaireAnalytics(profiles, 2024, 'nuclear');
    expect(nuclear.answered).toBe(4);
    expect(nuclear.partnerScope.find((i) => i.key === 'eu')).toEqual({ key: 'eu', count: 2, share: 0.5 });
    expect(nuclear.areaActivity.find((i) => i.key === 'education-hr')).toMatchObject({ n: 2, mean: null });
  });

  it(`shows nothing over fewer than ${MIN_ANSWERED} clusters`, () => {
    for (const [year, group] of [[2023, undefined], [2024, 'pharma-bio-medical'], [2030, undefined]] as const) {
      const result = questionnaireAnalytics(profiles, year, group);
      expect(result.shown).toBe(false);
      expect([result.grades, result.areaActivity, result.memberActivity, result.partnerScope, result.goals, result.barriers].every((l) => l.length === 0)).toBe(true);
    }
  });

  it('lists the years answered, newest first, and one cluster’s answers', () => {
    expect(questionnaireYears(profiles)).toEqual([2024, 2023]);
    expect(answersOf(profiles[0]!, 2023)?.selfAssessment).toBe(1);
    expect(answersOf(profiles[5]!, 2024)).toBeUndefined();
  });
});

describe('gradeAgainstIndex', () => {
  it('places grade and index on shares of their scales and sorts by the gap', () => {
    const points = gradeAgainstIndex([
      { slug: 'leader-humble', grade: 1, index: 1.2 }, // grade share 0, index share 1 → gap 1, lower
      { slug: 'small-proud', grade: 7, index: 0.3 }, // 1 vs 0.25 → 0.75, higher
      { slug: 'fair', grade: 4, index: 0.6 }, // 0.5 vs 0.5 → 0, agrees
      { slug: 'no-grade', grade: undefined, index: 0.5 },
      { slug: 'no-index', grade: 3, index: null },
    ]);
    // The top of the index scale is the highest index of all clusters, with or without a grade.
    expect(gradeAgainstIndex([{ slug: 'top', grade: undefined, index: 2 }, { slug: 'small', grade: 7, index: 0.2 }])).toEqual([
      { slug: 'small', grade: 7, index: 0.2, gap: 0.9, verdict: 'higher' },
    ]);
    expect(points.map((p) => [p.slug, Number(p.gap.toFixed(3)), p.verdict])).toEqual([
      ['leader-humble', 1, 'lower'],
      ['small-proud', 0.75, 'higher'],
      ['fair', 0, 'agrees'],
    ]);
  });
  it('takes the grade of the index’s year, else the latest answer, else the general one', () => {
    const p = cluster('g', 'nuclear', [{ year: 2012, selfAssessment: 6 }, { year: 2024, selfAssessment: 5 }, { year: 2020, selfAssessment: 2 }], 3);
    expect(gradeFor(p, 2012)).toBe(6);
    expect(gradeFor(p, 2013)).toBe(5);
    expect(gradeFor(cluster('h', 'nuclear', [], 3), 2012)).toBe(3);
    expect(gradeFor(cluster('i', 'nuclear', []), 2012)).toBeUndefined();
  });
});

describe('the questionnaire schema', () => {
  it('refuses ratings outside 0–4, unknown items, a grade outside 1–7 and a year given twice', () => {
    const bad = (q: unknown) => questionnaireSchema.safeParse([q]).success;
    expect(bad({ year: 2024, selfAssessment: 3 })).toBe(true);
    expect(bad({ year: 2024, selfAssessment: 8 })).toBe(false);
    expect(bad({ year: 2024, selfAssessment: 3, barriers: { language: 5 } })).toBe(false);
    expect(bad({ year: 2024, selfAssessment: 3, barriers: { weather: 2 } })).toBe(false);
    expect(bad({ year: 2024, selfAssessment: 3, areaActivity: { 'education-hr': 1.5 } })).toBe(false);
    expect(bad({ year: 2024, selfAssessment: 3, partnerScope: ['mars'] })).toBe(false);
    expect(bad({ year: 2024 })).toBe(false);
    expect(questionnaireSchema.safeParse([{ year: 2024, selfAssessment: 3 }, { year: 2024, selfAssessment: 4 }]).success).toBe(false);
  });
});
