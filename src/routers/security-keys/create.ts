import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { isUniqueViolation } from '../../db/errors.ts';
import { stringList } from '../../db/index.ts';
import { lockAccount } from '../../db/locks.ts';
import { storeChallenge } from '../../db/webauthn.ts';
import { AppError, conflict } from '../../errors.ts';
import { CEREMONY_TTL_MS, registrationOptions } from '../../rules/webauthn.ts';
import { protectedProcedure } from '../../server/trpc.ts';
import { relyingParty } from '../shared/security-key-ceremonies.ts';
import { creationOptionsSchema } from '../shared/webauthn-json.ts';
import { presentSecurityKey, refuseApiKey, securityKeyName, securityKeySchema } from './security-key.ts';

export const create = protectedProcedure
  .meta({
    openapi: {
      method: 'POST',
      path: '/client/account/security-keys',
      tags: ['security-keys'],
      summary: 'Begin registering a security key: a pending key and the options for navigator.credentials.create(); finish within 5 minutes',
    },
    permission: 'security-keys.create',
  })
  .input(z.strictObject({ name: securityKeyName }))
  .output(z.object({ security_key: securityKeySchema, options: creationOptionsSchema }))
  .mutation(async ({ ctx, input }) => {
    const { db, config } = ctx.services;
    refuseApiKey(ctx.principal);
    const { user } = ctx.principal;
    const now = new Date();
    const pendingUntil = new Date(now.getTime() + CEREMONY_TTL_MS);
    try {
      return await db.$transaction(async (tx) => {
        await lockAccount(tx, user.id);
        // A pending key that expired, or one of the same name being begun again, gives way.
        await tx.securityKey.deleteMany({ where: { userId: user.id, OR: [{ pendingUntil: { lte: now } }, { name: input.name, pendingUntil: { not: null } }] } });
        // Pending keys count too, so that finishing them can never pass the limit.
        const keys = await tx.securityKey.findMany({ where: { userId: user.id }, select: { credentialId: true, transports: true } });
        if (keys.length >= config.securityKeyLimit) throw conflict('maximum number of security keys reached');
        const registered = keys.flatMap((key) => (key.credentialId ? [{ id: key.credentialId, transports: stringList(key.transports) }] : []));
        const options = await registrationOptions(relyingParty(config), user, registered);
        const key = await tx.securityKey.create({ data: { id: randomUUID(), userId: user.id, name: input.name, pendingUntil, created: now } });
        await storeChallenge(tx, { purpose: 'registration', challenge: options.challenge, expires: pendingUntil, userId: user.id, securityKeyId: key.id });
        return { security_key: presentSecurityKey(key), options };
      });
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (isUniqueViolation(error)) throw conflict('security key with name already exists');
      throw error;
    }
  });
