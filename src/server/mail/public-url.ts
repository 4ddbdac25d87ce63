/** The portal's address as mailed links show it: PUBLIC_URL, else http://localhost:PORT. Trailing slashes are dropped. */
export function readPublicUrl(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.PUBLIC_URL?.trim() || `http://localhost:${env.PORT || 4321}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`PUBLIC_URL "${raw}" is not a URL: set it to the portal's address as users reach it, e.g. https://clusters.example.org`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`PUBLIC_URL "${raw}" must start with http:// or https://`);
  return url.href.replace(/\/+$/, '');
}
