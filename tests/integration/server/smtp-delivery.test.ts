import { createServer, type AddressInfo, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpTransport } from '../../../src/server/mail/transport';

/** A minimal SMTP server (plain, no TLS or auth): enough of RFC 5321 for nodemailer to hand over a mail. */
function startSmtpServer(received: string[]): Promise<Server> {
  const server = createServer((socket) => {
    let buffer = '';
    let inData = false;
    let data = '';
    socket.write('220 test ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let at: number;
      while ((at = buffer.indexOf('\r\n')) !== -1) {
        const line = buffer.slice(0, at);
        buffer = buffer.slice(at + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            received.push(data);
            data = '';
            socket.write('250 queued\r\n');
          } else data += `${line.startsWith('..') ? line.slice(1) : line}\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') socket.write('250-test\r\n250 8BITMIME\r\n');
        else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

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

  it('throws when no SMTP server answers (the worker then retries with backoff)', async () => {
    const closed = await startSmtpServer([]);
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const transport = smtpTransport(`smtp://127.0.0.1:${port}`, 'no-reply@example.org');
    await expect(transport.send({ to: 'ann@example.org', subject: 's', text: 't' })).rejects.toThrow(/ECONNREFUSED/);
  });
});
