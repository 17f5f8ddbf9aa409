// Account changes shared by the API and the CLI (the tests sign up the same way).
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../rules/passwords.ts';
import type { Db } from './index.ts';
import { enqueueNotice } from './outbox.ts';

export interface NewAccount {
  username: string;
  email: string;
  password: string;
  admin?: boolean;
  nameFirst?: string;
  nameLast?: string;
}

/** Inserts an account; a taken username or email (any case) fails with Prisma's P2002. */
export async function createAccount(db: Db, account: NewAccount) {
  return db.user.create({
    data: {
      id: randomUUID(),
      username: account.username,
      usernameKey: account.username.toLowerCase(),
      email: account.email,
      emailKey: account.email.toLowerCase(),
      nameFirst: account.nameFirst ?? account.username,
      nameLast: account.nameLast ?? '',
      passwordHash: await hashPassword(account.password),
      admin: account.admin ?? false,
    },
  });
}

/** Turns two-factor authentication off: the secret and every recovery code go, and the account is told. */
export async function turnOffTwoFactor(db: Db, userId: string) {
  await db.$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id: userId }, data: { totpEnabled: false, totpSecret: null } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await enqueueNotice(tx, user, 'two-factor-disabled', {});
  });
}
