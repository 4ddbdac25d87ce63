import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startPortal } from '../../helpers/portal';
import { copyContent } from '../db/store-helpers';

// Issue 14, fault suite: a corrupt content file or settings file stops `npm start` (exit 1) with one line naming the
// file and the field, before anything is served or any Meilisearch is started.
// Protection checked: scripts/start.ts turning SeedFileError and SettingsError into that line. Without the catch the
// start still exits 1 but with a stack trace and no "[start] cannot start:" line, which fails every case (reasoned
// from the code, not run).
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** What `npm start` printed when it refused to start on the content folder (failing the test if it started). */
async function refusedStart(contentDir: string): Promise<string> {
  const failure = await startPortal({ env: { CONTENT_DIR: contentDir } }).then(
    async (portal) => (await portal.stop(), null),
    (error: Error) => error.message,
  );
  expect(failure, 'the portal started').not.toBeNull();
  expect(failure).toMatch(/the portal exited with 1/);
  return failure!;
}

/** A copy of content/ with one file's text replaced by what `corrupt` makes of it. */
function corrupted(file: string, corrupt: (text: string) => string): string {
  const content = copyContent();
  cleanups.push(content.remove);
  const path = join(content.dir, file);
  writeFileSync(path, corrupt(readFileSync(path, 'utf8')));
  return content.dir;
}

/** Sets a value at a dotted path of a JSON text. */
const setJson = (path: string, value: unknown) => (text: string) => {
  const data = JSON.parse(text);
  const keys = path.split('.');
  let node = data;
  for (const key of keys.slice(0, -1)) node = node[key];
  node[keys.at(-1)!] = value;
  return JSON.stringify(data, null, 2);
};

describe('npm start on corrupt shipped data', () => {
  it.each<[string, string, (text: string) => string, RegExp[]]>([
    ['a cluster file cut off mid-way', 'clusters/tomsk-pharma-medtech-it.json', (t) => t.slice(0, t.length / 2), [/tomsk-pharma-medtech-it\.json/, /JSON/i]],
    ['a cluster field of the wrong type', 'clusters/tomsk-pharma-medtech-it.json', setJson('general.foundedYear', 'soon'), [/tomsk-pharma-medtech-it\.json/, /general\.foundedYear/]],
    ['a cluster field with a value out of range', 'clusters/altai-biopharma.json', setJson('general.location.lat', 123), [/altai-biopharma\.json/, /general\.location\.lat/]],
    ['a settings file that is not JSON', 'settings.json', () => '{ "index": { "weights": ', [/settings\.json/, /JSON/i]],
    ['a negative weight in the settings', 'settings.json', setJson('index.weights.exportsBlnRub', -1), [/settings\.json/, /index\.weights\.exportsBlnRub/]],
    ['an unknown threshold kind in the settings', 'settings.json', setJson('index.threshold', { kind: 'mode' }), [/settings\.json/, /index\.threshold/]],
  ])('%s: stops naming the file and the field', async (_name, file, corrupt, expected) => {
    const output = await refusedStart(corrupted(file, corrupt));
    const line = output.split('\n').find((l) => l.includes('[start] cannot start:'));
    expect(line, output).toBeDefined();
    for (const pattern of expected) expect(output).toMatch(pattern);
    expect(output).not.toMatch(/\[search\]|listening/i);
  });
});
