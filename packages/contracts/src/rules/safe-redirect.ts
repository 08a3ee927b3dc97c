const BASE = 'http://portal.invalid';

const hasControl = (s: string) => [...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

/**
 * Where the portal may go after login: a path on this site only, else the home page. Browsers read a
 * backslash as a slash, so `/\evil.example` (sent as `/%5Cevil.example`) would leave the site; it and any
 * other target that does not resolve to this origin fall back to `/`.
 */
export function safeRedirect(target: string | null | undefined): string {
  if (!target || !target.startsWith('/') || target.includes('\\') || hasControl(target)) return '/';
  try {
    const url = new URL(target, BASE);
    if (url.origin !== BASE) return '/';
    return url.pathname + url.search + url.hash;
  } catch {
    return '/';
  }
}
