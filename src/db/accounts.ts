// Account changes shared by the API and the CLI (the tests sign up the same way).
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../rules/passwords.ts';
import { foldCase } from '../rules/text.ts';
import type { Db, DbClient } from './index.ts';
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
      usernameKey: foldCase(account.username),
      email: account.email,
      emailKey: foldCase(account.email),
      nameFirst: account.nameFirst ?? account.username,
      nameLast: account.nameLast ?? '',
      passwordHash: await hashPassword(account.password),
      admin: account.admin ?? false,
    },
  });
}

/** Turns two-factor authentication off: the secret, every recovery code and every pending sign-in go, and the account is told. Run it in a transaction. */
export async function turnOffTwoFactor(tx: DbClient, userId: string) {
  const user = await tx.user.update({ where: { id: userId }, data: { totpEnabled: false, totpSecret: null } });
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.checkpointToken.deleteMany({ where: { userId } });
  await enqueueNotice(tx, user, 'two-factor-disabled', {});
}
