import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeZodError, formatProblems } from '../lib/profile/errors';
import { settingsSchema, type Settings } from '../lib/settings';

/** content/settings.json is missing fields or has wrong ones: names the field and the problem. */
export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
  }
}

/** Reads and validates content/settings.json. */
export function loadSettings(contentDir: string): Settings {
  const file = join(contentDir, 'settings.json');
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SettingsError(`content/settings.json cannot be read as JSON: ${(error as Error).message}`);
  }
  const result = settingsSchema.safeParse(data);
  if (!result.success) throw new SettingsError(`content/settings.json is not valid:\n${formatProblems(describeZodError(result.error))}`);
  return result.data;
}
