/**
 * Russian/English synonym groups for industry terms and abbreviations. Every term of a group finds
 * documents holding any other term of it, in either language. Russian has no stemming in Meilisearch,
 * so common inflected forms are listed too: the English term then bridges them (ядерных → nuclear).
 * Terms are lowercase; a term may appear in one group only.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['it', 'ит', 'information technology', 'information technologies', 'информационные технологии', 'информационных технологий'],
  ['ict', 'икт', 'infocommunications', 'инфокоммуникации'],
  ['r&d', 'ниокр', 'research and development'],
  ['pharma', 'фарма', 'pharmaceutical', 'pharmaceuticals', 'фармацевтика', 'фармацевтики', 'фармацевтический', 'фармацевтической', 'фармацевтические', 'фармацевтических', 'лекарства', 'drugs'],
  ['biotech', 'biotechnology', 'biotechnologies', 'биотех', 'биотехнологии', 'биотехнологий', 'биотехнологический'],
  ['biopharma', 'biopharmaceutical', 'биофарма', 'биофармацевтический', 'биофармацевтических'],
  ['medical', 'medicine', 'медицина', 'медицинский', 'медицинской', 'медицинская'],
  ['nuclear', 'atomic', 'atom', 'ядерный', 'ядерные', 'ядерная', 'ядерных', 'ядерного', 'ядерной', 'ядерно', 'атом', 'атомный', 'атомная', 'атомной', 'атомные', 'атомных', 'атомного', 'атомщики', 'росатом'],
  ['radiation', 'радиационный', 'радиационные', 'радиационных'],
  ['titanium', 'титан', 'титановый', 'титана'],
  ['aerospace', 'аэрокосмический', 'аэрокосмическая', 'авиакосмический', 'авиакосмос'],
  ['aircraft', 'aviation', 'avia', 'авиастроение', 'авиастроения', 'авиастроительный', 'авиастроительные', 'авиация', 'авиации', 'авиа', 'самолеты', 'самолётостроение', 'самолетостроение'],
  ['shipbuilding', 'судостроение', 'судостроения', 'судостроительный'],
  ['space', 'космос', 'космический', 'космических'],
  ['rocket', 'rockets', 'ракетный', 'ракетного', 'ракеты'],
  ['petrochemistry', 'petrochemical', 'нефтехимия', 'нефтехимии', 'нефтехимический'],
  ['chemistry', 'chemical', 'химия', 'химии', 'химический'],
  ['nanotechnology', 'nanotechnologies', 'nano', 'нанотехнологии', 'нанотехнологий', 'нано'],
  ['new materials', 'advanced materials', 'новые материалы', 'новых материалов'],
  ['composites', 'composite', 'композиты', 'композитный', 'композиционные'],
  ['electronics', 'электроника', 'электроники', 'электронный'],
  ['radioelectronics', 'radio-electronics', 'радиоэлектроника', 'радиоэлектроники'],
  ['instrument making', 'приборостроение', 'приборостроения'],
  ['telecommunications', 'telecom', 'телекоммуникации', 'связь'],
  ['automotive', 'automobile', 'автомобилестроение', 'автомобилестроения', 'автопром'],
  ['laser', 'lasers', 'лазер', 'лазерные', 'лазерный'],
  ['lighting', 'светотехника', 'светотехники', 'освещение', 'освещения'],
  ['led', 'светодиод', 'светодиоды', 'светодиодный'],
  ['coal', 'уголь', 'угля', 'угольный'],
  ['waste processing', 'recycling', 'переработка отходов', 'утилизация'],
  ['energy efficiency', 'energy-efficient', 'энергоэффективность', 'энергоэффективная'],
  ['oil and gas', 'нефтегаз', 'нефтегазовый'],
  ['software', 'программное обеспечение', 'софт'],
  ['artificial intelligence', 'ai', 'ии', 'искусственный интеллект'],
  ['sme', 'smes', 'мсп', 'small and medium enterprises', 'малый и средний бизнес'],
  ['university', 'universities', 'университет', 'университеты', 'вуз', 'вузы'],
  ['export', 'exports', 'экспорт', 'экспорта'],
  ['cluster', 'clusters', 'кластер', 'кластеры', 'кластера'],
];

/**
 * Short topic words that one typo would turn into another topic ("атом" into "автом…", the automotive
 * cluster): Meilisearch matches them exactly (its typoTolerance.disableOnWords), synonyms still apply.
 */
export const EXACT_TOPIC_WORDS: readonly string[] = ['атом', 'atom', 'авиа', 'avia', 'фарма', 'нано', 'nano'];

/** Meilisearch's `synonyms` setting: each term maps to every other term of its group (mutual synonyms). */
export function toMeiliSynonyms(groups: readonly (readonly string[])[]): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {};
  for (const group of groups) {
    for (const term of group) {
      if (term !== term.toLowerCase() || term.trim() !== term || term === '')
        throw new Error(`synonym "${term}" must be lowercase and trimmed; write it as "${term.trim().toLowerCase()}"`);
      if (term in synonyms) throw new Error(`synonym "${term}" is in two groups; keep it in one group only`);
      synonyms[term] = group.filter((other) => other !== term);
    }
  }
  return synonyms;
}

/** The other terms of the group holding `term` (lowercase match), or [] when it has none. */
export function synonymsOf(term: string, groups: readonly (readonly string[])[] = SYNONYM_GROUPS): string[] {
  const lower = term.toLowerCase();
  const group = groups.find((g) => g.includes(lower));
  return group ? group.filter((other) => other !== lower) : [];
}
