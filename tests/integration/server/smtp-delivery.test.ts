import type { AddressInfo, Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpTransport } from '../../../src/server/mail/transport';
import { startSmtpServer } from '../../helpers/smtp-server';

describe('SMTP delivery (SMTP_URL)', () => {
  const received: string[] = [];
  let server: Server;
  beforeAll(async () => {
    server = await startSmtpServer(received);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('hands the mail with its link to the SMTP server', async () => {
    const { port } = server.address() as AddressInfo;
    const transport = smtpTransport(`smtp://127.0.0.1:${port}`, 'Cluster Map <no-reply@example.org>');
    await transport.send({ to: 'ann@example.org', subject: 'Confirm your address', text: 'Open http://localhost:4321/confirm?token=abc' });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatch(/^To: ann@example.org$/m);
    expect(received[0]).toMatch(/^From: Cluster Map <no-reply@example.org>$/m);
    expect(received[0]).toMatch(/^Subject: Confirm your address$/m);
    expect(received[0]).toContain('http://localhost:4321/confirm?token=abc');
  });

  it('sets Reply-To when the mail has one (a visitor’s message to a cluster, a manager’s answer)', async () => {
    const { port } = server.address() as AddressInfo;
    const transport = smtpTransport(`smtp://127.0.0.1:${port}`, 'Cluster Map <no-reply@example.org>');
    await transport.send({ to: 'manager@example.org', replyTo: 'visitor@example.org', subject: 'A message', text: 'Hello' });
    expect(received.at(-1)).toMatch(/^Reply-To: visitor@example.org$/m);
    expect(received.at(-1)).toMatch(/^From: Cluster Map <no-reply@example.org>$/m);
  });

  it('throws when no SMTP server answers (the worker then retries with backoff)', async () => {
    const closed = await startSmtpServer([]);
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const transport = smtpTransport(`smtp://127.0.0.1:${port}`, 'no-reply@example.org');
    await expect(transport.send({ to: 'ann@example.org', subject: 's', text: 't' })).rejects.toThrow(/ECONNREFUSED/);
  });
});
