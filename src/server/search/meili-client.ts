import {
  Meilisearch,
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchTaskTimeOutError,
  type Config,
  type EnqueuedTaskPromise,
  type Task,
} from 'meilisearch';
import { Agent, request, type Dispatcher } from 'undici';

/** The `meilisearch` client plus the keep-alive connections behind it. */
export interface MeiliClient {
  client: Meilisearch;
  url: string;
  /** Closes the kept-alive sockets once their requests are done; the client stays usable (it opens new ones on demand). */
  close(): Promise<void>;
}

/** Where a Meilisearch server is and which key to send. */
export interface MeiliConnection {
  url: string;
  apiKey: string;
}

/**
 * The client's `httpClient` option over undici's request() on a keep-alive Agent: Node's fetch costs about
 * 44 ms per search answer here, this about 1 ms (shared/stack.md). It resolves to the parsed JSON body, as the
 * option requires, and rejects an error answer with the library's own MeilisearchApiError. An abort (a task
 * wait's deadline) rejects with the signal's reason, which is how the client recognises its own timeouts.
 */
export function keepAliveHttpClient(dispatcher: () => Dispatcher): NonNullable<Config['httpClient']> {
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const { statusCode, body } = await request(url, {
      dispatcher: dispatcher(),
      method: (init?.method ?? 'GET') as 'GET',
      headers: Object.fromEntries(new Headers(init?.headers)),
      body: (init?.body ?? undefined) as string | undefined,
      signal: init?.signal ?? undefined,
    });
    const text = await body.text();
    if (statusCode >= 200 && statusCode < 300) return text === '' ? undefined : JSON.parse(text);
    throw new MeilisearchApiError(new Response(null, { status: statusCode }), errorBody(text));
  };
}

/** Meilisearch's JSON error body, or undefined when a proxy answered something else. */
function errorBody(text: string): { message: string; code: string; type: string; link: string } | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' && 'message' in parsed ? (parsed as never) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A `Meilisearch` client on its own keep-alive connections. `timeoutMs` bounds connecting and each wait for
 * an answer's headers or next body chunk. It is undici's timeout, not the client's `timeout` option: with a
 * custom httpClient that option is skipped for requests that carry a signal (every poll of a task wait) and
 * then leaves an abort listener behind on that signal per request.
 */
export function createMeiliClient(connection: { url: string; apiKey?: string }, timeoutMs: number): MeiliClient {
  // keepAliveTimeout below Meilisearch's (actix) 5 s idle timeout, so a kept socket is not reused just as the server closes it.
  const newAgent = () => new Agent({ keepAliveTimeout: 4000, connections: 32, connectTimeout: timeoutMs, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  let agent = newAgent();
  const client = new Meilisearch({ host: connection.url, apiKey: connection.apiKey, httpClient: keepAliveHttpClient(() => agent) });
  const close = (): Promise<void> => {
    const old = agent;
    agent = newAgent();
    return old.close();
  };
  return { client, url: connection.url, close };
}

/**
 * The HTTP error answer behind a client error. With a custom httpClient the library wraps everything it throws
 * in MeilisearchRequestError, so an error answer arrives as that error's cause.
 */
export function apiErrorOf(error: unknown): MeilisearchApiError | undefined {
  if (error instanceof MeilisearchApiError) return error;
  if (error instanceof MeilisearchRequestError && error.cause instanceof MeilisearchApiError) return error.cause;
  return undefined;
}

/** Meilisearch's error code (e.g. index_not_found) of a client error, if Meilisearch answered one. */
export function meiliErrorCode(error: unknown): string | undefined {
  return apiErrorOf(error)?.cause?.code;
}

/**
 * Whether a failed call means "Meilisearch cannot serve now" (switch to the SQLite fallback and probe) rather than
 * "Meilisearch rejected this request": no answer (refused, reset, timed out), a 5xx, a missing index, or a key it
 * no longer accepts (the search key is then made again when the index is checked).
 */
export function isMeiliUnavailable(error: unknown): boolean {
  const answer = apiErrorOf(error);
  if (answer) {
    const code = answer.cause?.code;
    return answer.response.status >= 500 || code === 'index_not_found' || code === 'invalid_api_key' || code === 'missing_authorization_header';
  }
  return error instanceof MeilisearchRequestError || error instanceof MeilisearchTaskTimeOutError;
}

/** A one-line reason for logs and /api/v1/health: the client's message plus its cause's (never a header). */
export function describeMeiliError(error: unknown): string {
  const answer = apiErrorOf(error);
  if (answer) {
    const body = answer.cause;
    return `Meilisearch answered HTTP ${answer.response.status}${body?.code ? ` [${body.code}]` : ''}: ${answer.message}${body?.link ? ` See ${body.link}` : ''}`;
  }
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? (error.cause as NodeJS.ErrnoException) : null;
  const detail = !cause ? '' : cause.code && !cause.message.includes(cause.code) ? `${cause.code} (${cause.message})` : cause.message;
  return detail ? `${error.message}: ${detail}` : error.message;
}

/** A Meilisearch task ended as failed or canceled; carries the task with Meilisearch's error. */
export class MeiliTaskError extends Error {
  override name = 'MeiliTaskError';
  constructor(readonly task: Task) {
    super(
      `Meilisearch task ${task.uid} (${task.type} on ${task.indexUid ?? 'no index'}) ${task.status}: ${task.error?.message ?? 'no reason given'}` +
        (task.error?.link ? ` See ${task.error.link}` : ''),
      { cause: task.error },
    );
  }
}

/** How long an indexing task may take before waiting gives up (a 10,000-profile build takes seconds). */
const TASK_TIMEOUT_MS = 300_000;

/** Waits for an enqueued task; throws MeiliTaskError unless it succeeded. */
export async function succeeded(enqueued: EnqueuedTaskPromise): Promise<Task> {
  const task = await enqueued.waitTask({ timeout: TASK_TIMEOUT_MS, interval: 10 });
  if (task.status !== 'succeeded') throw new MeiliTaskError(task);
  return task;
}

/** Whether the index exists. */
export async function indexExists(client: Meilisearch, uid: string): Promise<boolean> {
  try {
    await client.getRawIndex(uid);
    return true;
  } catch (error) {
    if (meiliErrorCode(error) === 'index_not_found') return false;
    throw error;
  }
}
