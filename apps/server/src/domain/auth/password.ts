import bcrypt from 'bcryptjs';

const COST = 10;

export const hashPassword = (password: string) => bcrypt.hash(password, COST);
const verifyPassword = (password: string, hash: string) => bcrypt.compare(password, hash);

/** A hash of no one's password, at the same cost, for logins that have no user to check against. */
const NOBODY = bcrypt.hashSync('no account has this password', COST);

/**
 * True only for a real hash that the password matches. With no hash (an unknown email, a user who may not
 * log in) the same work is done against a dummy hash, so the answer's timing does not tell the two apart.
 */
export async function passwordMatches(password: string, hash: string | null): Promise<boolean> {
  const matches = await verifyPassword(password, hash ?? NOBODY);
  return hash !== null && matches;
}
