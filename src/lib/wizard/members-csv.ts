/**
 * The members list uploaded as CSV (name_ru, name_en, type, country, international_activity): each row is read
 * with the member schema, and every broken row is reported with its line, so a file is taken whole or not at all.
 * Pure: the page hands over the file's text.
 */
import type { ZodIssue } from 'zod';
import { CsvError, csvRecordToRow, parseCsvRecords, readCsvHeader } from '../csv';
import { LIST_MAX } from '../profile/common';
import { memberSchema, type Member } from '../profile/members';
import { MEMBER_TYPES } from '../profile/vocabulary';
import { MEMBER_TYPE_LABELS } from '../i18n/vocabulary-labels';
import { readNumber } from './decode';
import { issueMessage, type IssueMessage } from './issues';

/** Largest members file accepted, in bytes (2,000 members with long names fit well within it). */
export const MEMBERS_CSV_MAX_BYTES = 512 * 1024;

/** The columns of the members file, in the template's order. */
export const MEMBERS_CSV_COLUMNS = ['name_ru', 'name_en', 'type', 'country', 'international_activity'] as const;

/** One problem of an uploaded file: its line (0 for the file as a whole), the column if known, and the message. */
export interface CsvProblem {
  line: number;
  column?: string;
  message: IssueMessage;
}

/** The members read from a file, or the problems that stopped it. */
export type MembersCsvResult = { ok: true; members: Member[] } | { ok: false; problems: CsvProblem[] };

/** A member type given as its code or as its name in either language ("МСП", "SME", "sme"). */
export function readMemberType(raw: string): string {
  const wanted = raw.trim().toLowerCase();
  for (const type of MEMBER_TYPES) {
    const labels = MEMBER_TYPE_LABELS[type];
    if (type === wanted || labels.ru.toLowerCase() === wanted || labels.en.toLowerCase() === wanted) return type;
  }
  return raw.trim();
}

/** The schema's column for an issue path of a member ("name" → name_ru, "internationalActivity" → international_activity). */
function columnOf(issue: ZodIssue): string {
  const [first, second] = issue.path;
  if (first === 'name') return second === 'en' ? 'name_en' : 'name_ru';
  if (first === 'internationalActivity') return 'international_activity';
  return String(first ?? '');
}

/** A member object from one row's cells, leaving empty cells out. */
function memberInput(cells: Record<string, string>): Record<string, unknown> {
  const name: Record<string, string> = {};
  if (cells.name_ru?.trim()) name.ru = cells.name_ru.trim();
  if (cells.name_en?.trim()) name.en = cells.name_en.trim();
  const input: Record<string, unknown> = { name, type: readMemberType(cells.type ?? '') };
  if (cells.country?.trim()) input.country = cells.country.trim();
  const activity = readNumber(cells.international_activity?.trim() ?? '');
  if (activity !== undefined) input.internationalActivity = activity;
  return input;
}

/** Reads an uploaded members file: every member, or every problem with its line. */
export function readMembersCsv(text: string): MembersCsvResult {
  let records;
  try {
    records = parseCsvRecords(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    if (error instanceof CsvError) return { ok: false, problems: [{ line: error.line, message: { key: 'wizard.csv.malformed', vars: { reason: error.reason } } }] };
    throw error;
  }
  const [head, ...body] = records;
  if (!head) return { ok: false, problems: [{ line: 0, message: { key: 'wizard.csv.empty' } }] };
  let header: string[];
  try {
    header = readCsvHeader({ ...head, cells: head.cells.map((c) => c.trim().toLowerCase()) }, ['type']);
  } catch {
    return { ok: false, problems: [{ line: head.line, message: { key: 'wizard.csv.columns', vars: { columns: MEMBERS_CSV_COLUMNS.join(', ') } } }] };
  }
  if (!header.includes('name_ru') && !header.includes('name_en'))
    return { ok: false, problems: [{ line: head.line, message: { key: 'wizard.csv.columns', vars: { columns: MEMBERS_CSV_COLUMNS.join(', ') } } }] };
  if (body.length > LIST_MAX) return { ok: false, problems: [{ line: 0, message: { key: 'wizard.csv.tooMany', vars: { max: LIST_MAX } } }] };
  const members: Member[] = [];
  const problems: CsvProblem[] = [];
  for (const record of body) {
    let cells: Record<string, string>;
    try {
      cells = csvRecordToRow(header, record).cells;
    } catch {
      problems.push({ line: record.line, message: { key: 'wizard.csv.cells', vars: { expected: header.length, found: record.cells.length } } });
      continue;
    }
    const parsed = memberSchema.safeParse(memberInput(cells));
    if (parsed.success) members.push(parsed.data);
    else for (const issue of parsed.error.issues) problems.push({ line: record.line, column: columnOf(issue), message: issueMessage(issue) });
  }
  return problems.length ? { ok: false, problems } : { ok: true, members };
}

/** The template file offered for download: the header and two example rows. */
export function membersCsvTemplate(): string {
  return [
    MEMBERS_CSV_COLUMNS.join(','),
    'ООО «Пример»,Example LLC,sme,RU,2',
    'Университет примера,Example University,university,RU,3',
  ].join('\n') + '\n';
}
