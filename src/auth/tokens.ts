/**
 * Bearer tokens from configuration: `WRITE_TOKENS` / `READ_TOKENS` as `name:token,name2:token2`,
 * or `WRITE_TOKENS_FILE` / `READ_TOKENS_FILE` (one `name:token` per line, `#` comments). A token is
 * identified by its name in logs and on articles; the token itself is never logged or stored.
 * Comparison hashes both sides (SHA-256) and compares the digests with `timingSafeEqual`, going
 * through every configured token, so neither a token's content nor its length leaks through timing.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';

export type Scope = 'read' | 'write';

export interface Identity {
  /** The token's configured name, e.g. `newsroom-bot`. */
  name: string;
  scope: Scope;
}

interface Entry extends Identity {
  digest: Buffer;
}

export class TokenConfigError extends Error {
  override name = 'TokenConfigError';
}

const digest = (token: string) => createHash('sha256').update(token, 'utf8').digest();
const namePattern = /^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$/;
/** Shorter tokens are guessable; generate them with e.g. `openssl rand -base64 32`. */
export const minTokenLength = 16;

/** Parses `name:token` entries separated by commas or new lines; `where` names the source in errors. */
export function parseTokens(spec: string, where: string): { name: string; token: string }[] {
  const entries = spec
    .split(/[,\n]/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const seen = new Set<string>();
  return entries.map((entry, index) => {
    const colon = entry.indexOf(':');
    const name = colon > 0 ? entry.slice(0, colon).trim() : '';
    const token = colon > 0 ? entry.slice(colon + 1).trim() : '';
    const at = `${where}, entry ${index + 1}`;
    if (!namePattern.test(name))
      throw new TokenConfigError(`${at}: expected "name:token" with a name of letters, digits, _ . @ -`);
    if (token.length < minTokenLength)
      throw new TokenConfigError(`${at} ("${name}"): the token must have at least ${minTokenLength} characters`);
    if (seen.has(name)) throw new TokenConfigError(`${at}: the name "${name}" is given twice`);
    seen.add(name);
    return { name, token };
  });
}

export interface TokenSources {
  WRITE_TOKENS?: string;
  WRITE_TOKENS_FILE?: string;
  READ_TOKENS?: string;
  READ_TOKENS_FILE?: string;
}

export class Tokens {
  private readonly entries: Entry[];

  constructor(write: { name: string; token: string }[], read: { name: string; token: string }[] = []) {
    this.entries = [
      ...write.map(({ name, token }) => ({ name, scope: 'write' as const, digest: digest(token) })),
      ...read.map(({ name, token }) => ({ name, scope: 'read' as const, digest: digest(token) })),
    ];
    this.readRequired = read.length > 0;
    this.writable = write.length > 0;
  }

  /** Whether reads need a token (some READ_TOKENS are configured); write tokens read too. */
  readonly readRequired: boolean;
  /** Whether any write token is configured (without one, every write is refused). */
  readonly writable: boolean;

  /** The identity of a presented token, or null when it matches none. */
  identify(token: string): Identity | null {
    const presented = digest(token);
    let found: Entry | null = null;
    // No early exit: every token is compared, whatever matches.
    for (const entry of this.entries) {
      if (timingSafeEqual(entry.digest, presented) && !found) found = entry;
    }
    return found ? { name: found.name, scope: found.scope } : null;
  }
}

function read(value: string | undefined, file: string | undefined, name: string): { name: string; token: string }[] {
  const parts: { name: string; token: string }[] = [];
  if (value) parts.push(...parseTokens(value, name));
  if (file) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      throw new TokenConfigError(`${name}_FILE: cannot read ${file}: ${(error as Error).message}`);
    }
    parts.push(...parseTokens(text, `${name}_FILE ${file}`));
  }
  const names = new Set<string>();
  for (const part of parts) {
    if (names.has(part.name)) throw new TokenConfigError(`${name}: the name "${part.name}" is given twice`);
    names.add(part.name);
  }
  return parts;
}

export function loadTokens(sources: TokenSources): Tokens {
  const write = read(sources.WRITE_TOKENS, sources.WRITE_TOKENS_FILE, 'WRITE_TOKENS');
  const readTokens = read(sources.READ_TOKENS, sources.READ_TOKENS_FILE, 'READ_TOKENS');
  const clash = write.find((w) => readTokens.some((r) => r.name === w.name));
  if (clash) throw new TokenConfigError(`the name "${clash.name}" is both a write and a read token`);
  return new Tokens(write, readTokens);
}

/** The token of an `Authorization: Bearer …` header; undefined when there is no such header. */
export function bearerToken(header: string | undefined): string | undefined | null {
  if (header === undefined || header === '') return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}

/** What a request's Authorization header says: built by the context function, judged by ./plugin.ts. */
export interface Authentication {
  /** Whether the request carried an Authorization header. */
  presented: boolean;
  /** Whom the token names; null when none was given or it matched no configured token. */
  identity: Identity | null;
  /** Why the header could not be read, if it could not. */
  malformed?: string;
}

export function authenticate(tokens: Tokens | undefined, header: string | undefined): Authentication {
  const token = bearerToken(header);
  if (token === undefined) return { presented: false, identity: null };
  if (token === null) return { presented: true, identity: null, malformed: 'Authorization must be "Bearer <token>"' };
  return { presented: true, identity: tokens?.identify(token) ?? null };
}
