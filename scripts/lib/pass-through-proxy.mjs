// The least any HTTP API in front of Meilisearch can cost: a plain node:http server that forwards each
// POST /multi-search body to Meilisearch over a keep-alive connection and returns the answer untouched.
// bench:search runs it beside the portal to show the price of the extra hop on the machine at hand.
// Usage: node scripts/lib/pass-through-proxy.mjs <port> <meilisearch url> <api key>
import http from 'node:http';

const [port, meiliUrl, apiKey] = process.argv.slice(2);
const target = new URL(meiliUrl);
const agent = new http.Agent({ keepAlive: true });

/** Forwards one request body to Meilisearch and pipes its answer back in one piece. */
function forward(req, res) {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${apiKey}`, 'content-length': body.length };
    const upstream = http.request({ hostname: target.hostname, port: target.port, path: req.url, method: req.method, agent, headers }, (answer) => {
      const parts = [];
      answer.on('data', (part) => parts.push(part));
      answer.on('end', () => {
        const text = Buffer.concat(parts);
        res.writeHead(answer.statusCode ?? 502, { 'content-type': 'application/json', 'content-length': text.length });
        res.end(text);
      });
    });
    upstream.on('error', (error) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
    upstream.end(body);
  });
}

http.createServer(forward).listen(Number(port), '127.0.0.1', () => console.log('[proxy] ready'));
