import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { markBodylessApiCall } from '../../../src/server/gate/gate';

/** A request with these headers, as node hands it over. */
const request = (headers: Record<string, string>) => ({ headers: { ...headers } }) as unknown as IncomingMessage;

describe('markBodylessApiCall', () => {
  it('marks a bodyless API POST as JSON, so the origin check does not take it for a form', () => {
    const req = request({ authorization: 'Bearer abc' });
    markBodylessApiCall(req, '/api/v1/me/clusters/x/submit');
    expect(req.headers['content-type']).toBe('application/json');
  });

  it('leaves pages, requests with a body and requests that name their content type alone', () => {
    const page = request({});
    markBodylessApiCall(page, '/login');
    expect(page.headers['content-type']).toBeUndefined();
    const withBody = request({ 'content-length': '12' });
    markBodylessApiCall(withBody, '/api/v1/accounts');
    expect(withBody.headers['content-type']).toBeUndefined();
    const form = request({ 'content-type': 'application/x-www-form-urlencoded' });
    markBodylessApiCall(form, '/api/v1/accounts');
    expect(form.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });
});
