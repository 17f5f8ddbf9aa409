// The token that carries a half-finished sign-in from login to the two-factor checkpoint:
// sealed, single-purpose, valid five minutes.
import { sealData, unsealData } from 'iron-session';

const PURPOSE = 'two-factor checkpoint';
const TTL_SECONDS = 300;

export const issueCheckpointToken = (password: string, userId: string) =>
  sealData({ purpose: PURPOSE, userId }, { password, ttl: TTL_SECONDS });

export async function readCheckpointToken(password: string, token: string): Promise<string | undefined> {
  try {
    const data = await unsealData<{ purpose?: string; userId?: string }>(token, { password, ttl: TTL_SECONDS });
    return data.purpose === PURPOSE && typeof data.userId === 'string' ? data.userId : undefined;
  } catch {
    return undefined;
  }
}
