import type { FederalDistrict } from '../federal-districts';

/**
 * Words and phrases that name a federal district or its macro-region, in both languages, with the Russian
 * inflected forms people type ("кластеры Сибири"). Lowercase, "ё" written as "е". A phrase is matched as
 * whole words, longest first, so "дальний восток" wins over any one-word entry.
 */
export const PLACE_WORDS: Record<FederalDistrict, readonly string[]> = {
  central: [
    'центральный федеральный округ', 'центрального федерального округа', 'цфо', 'центральная россия', 'центральной россии',
    'central federal district', 'central russia',
  ],
  northwestern: [
    'северо-запад', 'северо-запада', 'северо-западе', 'северо-западный', 'северо-западные', 'северо-западных', 'северо-западного',
    'северо-западный федеральный округ', 'северо-западного федерального округа', 'сзфо',
    'northwest', 'north-west', 'north west', 'northwestern', 'north-western', 'northwestern federal district', 'northwest russia',
  ],
  southern: [
    'юг россии', 'юга россии', 'юге россии', 'южный федеральный округ', 'южного федерального округа', 'юфо',
    'south of russia', 'southern russia', 'southern federal district',
  ],
  'north-caucasian': [
    'северный кавказ', 'северного кавказа', 'северном кавказе', 'северо-кавказский', 'северо-кавказские', 'северо-кавказских',
    'северо-кавказский федеральный округ', 'скфо', 'кавказ', 'кавказа', 'кавказе',
    'north caucasus', 'north caucasian', 'north caucasian federal district', 'caucasus',
  ],
  volga: [
    'поволжье', 'поволжья', 'поволжью', 'поволжьем', 'поволжском', 'приволжье', 'приволжья', 'приволжский', 'приволжские', 'приволжских',
    'приволжского', 'приволжский федеральный округ', 'приволжского федерального округа', 'пфо',
    'volga', 'volga region', 'volga federal district', 'privolzhsky',
  ],
  ural: [
    'урал', 'урала', 'урале', 'уралу', 'уральский', 'уральские', 'уральских', 'уральского', 'уральская', 'уральской',
    'уральский федеральный округ', 'уральского федерального округа', 'урфо',
    'ural', 'urals', 'the urals', 'ural federal district',
  ],
  siberian: [
    'сибирь', 'сибири', 'сибирью', 'сибирский', 'сибирские', 'сибирских', 'сибирского', 'сибирская', 'сибирской', 'сибирское',
    'сибирский федеральный округ', 'сибирского федерального округа', 'сфо',
    'siberia', 'siberian', 'siberian federal district',
  ],
  'far-eastern': [
    'дальний восток', 'дальнего востока', 'дальнем востоке', 'дальнему востоку', 'дальневосточный', 'дальневосточные',
    'дальневосточных', 'дальневосточного', 'дальневосточный федеральный округ', 'дальневосточного федерального округа', 'двфо',
    'far east', 'far eastern', 'russian far east', 'the far east', 'far eastern federal district',
  ],
};

/** A query split into the place it names and the rest of its words. */
export interface PlaceInQuery {
  /** The district a place word named, if any. */
  federalDistrict?: FederalDistrict;
  /** The words of the place as typed, e.g. "Сибири". */
  placeText?: string;
  /** The query without the place words (whitespace collapsed). */
  rest: string;
}

/** A word folded for comparison: lowercase, "ё" as "е", surrounding punctuation dropped (inner hyphens kept). */
function foldWord(word: string): string {
  return word.toLowerCase().replaceAll('ё', 'е').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/** Every place phrase as its folded words with its district, longest phrases first. */
const PHRASES: { words: string[]; district: FederalDistrict }[] = (Object.entries(PLACE_WORDS) as [FederalDistrict, readonly string[]][])
  .flatMap(([district, phrases]) => phrases.map((p) => ({ words: p.split(' '), district })))
  .sort((a, b) => b.words.length - a.words.length);

/**
 * Finds the first federal district or macro-region named in a query and returns it with the remaining words,
 * so a search can filter by the district instead of looking for the word in the text.
 *
 * @example findPlaceInQuery('ядерные кластеры Сибири') // => { federalDistrict: 'siberian', placeText: 'Сибири', rest: 'ядерные кластеры' }
 */
export function findPlaceInQuery(q: string): PlaceInQuery {
  const raw = q.trim().split(/\s+/).filter(Boolean);
  const folded = raw.map(foldWord);
  for (let start = 0; start < folded.length; start++) {
    const phrase = PHRASES.find((p) => p.words.every((w, i) => folded[start + i] === w));
    if (!phrase) continue;
    const end = start + phrase.words.length;
    const rest = [...raw.slice(0, start), ...raw.slice(end)].join(' ');
    const placeText = raw.slice(start, end).join(' ').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    return { federalDistrict: phrase.district, placeText, rest };
  }
  return { rest: raw.join(' ') };
}

/** The place a search understood from its text: the district and the words that named it. */
export interface UnderstoodPlace {
  federalDistrict: FederalDistrict;
  text: string;
}

/**
 * A query whose text names a district, narrowed to it: the place words leave the text and become the
 * federalDistrict filter. Unchanged when a district is already chosen or the text names none.
 */
export function narrowByPlaceWords<T extends { q: string; federalDistrict?: FederalDistrict }>(query: T): { query: T; place?: UnderstoodPlace } {
  if (query.federalDistrict !== undefined) return { query };
  const found = findPlaceInQuery(query.q);
  if (!found.federalDistrict) return { query };
  return { query: { ...query, q: found.rest, federalDistrict: found.federalDistrict }, place: { federalDistrict: found.federalDistrict, text: found.placeText ?? '' } };
}
