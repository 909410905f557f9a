import { SignJWT, jwtVerify } from 'jose';

const ISSUER = 'switchboard';

/** `generation`: the user's session generation when it was issued (0 for tokens older than generations). */
export type TokenClaims = { userId: string; generation: number };

/** Signed session tokens (HS256). Claims carry only the user id: role and channels are read fresh per request. */
export class TokenService {
  private readonly key: Uint8Array;
  constructor(
    secret: string,
    private readonly ttlHours: number,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(userId: string, generation = 0): Promise<{ token: string; expiresAt: Date }> {
    const expiresAt = new Date(Date.now() + this.ttlHours * 3600_000);
    const token = await new SignJWT({ gen: generation })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return { token, expiresAt };
  }

  /** Throws on a forged, tampered or expired token. */
  async verify(token: string): Promise<TokenClaims> {
    const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: ['HS256'] });
    if (!payload.sub || !/^[a-f0-9]{24}$/.test(payload.sub)) throw new Error('token has no valid subject');
    return { userId: payload.sub, generation: typeof payload.gen === 'number' ? payload.gen : 0 };
  }
}
