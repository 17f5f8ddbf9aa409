import { z } from 'zod';
import { recordActivity } from '../../db/activity-log.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { takeChallenge } from '../../db/webauthn.ts';
import { AppError, badRequest, conflict, notFound } from '../../errors.ts';
import { verifyRegistration } from '../../rules/webauthn.ts';
import { protectedProcedure } from '../../server/trpc.ts';
import { uuidParam } from '../shared/fields.ts';
import { relyingParty } from '../shared/security-key-ceremonies.ts';
import { registrationCredential } from '../shared/webauthn-json.ts';
import { presentSecurityKey, refuseApiKey, securityKeySchema } from './security-key.ts';

export const finish = protectedProcedure
  .meta({
    openapi: {
      method: 'POST',
      path: '/client/account/security-keys/{security_key}/challenge',
      tags: ['security-keys'],
      summary: "Finish registering a security key with the authenticator's answer",
    },
    permission: 'security-keys.create',
  })
  .input(z.strictObject({ security_key: uuidParam('security key'), public_key_credential: registrationCredential }))
  .output(z.object({ security_key: securityKeySchema }))
  .mutation(async ({ ctx, input }) => {
    const { db, config } = ctx.services;
    refuseApiKey(ctx.principal);
    const { user } = ctx.principal;
    const key = await db.securityKey.findFirst({ where: { id: input.security_key, userId: user.id } });
    if (!key) throw notFound('security key not found');
    if (key.pendingUntil === null) throw conflict('security key is already registered');
    const challenge = await takeChallenge(db, { purpose: 'registration', securityKeyId: key.id, userId: user.id });
    if (!challenge) throw badRequest('invalid or expired challenge');
    const credential = await verifyRegistration(relyingParty(config), input.public_key_credential, challenge.challenge);
    if (!credential) throw badRequest('failed to finish security key registration');
    try {
      const registered = await db.$transaction(async (tx) => {
        const done = await tx.securityKey.updateMany({
          where: { id: key.id, pendingUntil: { not: null } },
          data: { credentialId: credential.id, publicKey: credential.publicKey, counter: credential.counter, transports: credential.transports, pendingUntil: null },
        });
        if (done.count === 0) throw conflict('security key is already registered');
        await recordActivity(tx, ctx.actor, 'security-key:create', { uuid: key.id, name: key.name });
        return tx.securityKey.findUniqueOrThrow({ where: { id: key.id } });
      });
      return { security_key: presentSecurityKey(registered) };
    } catch (error) {
      if (error instanceof AppError) throw error;
      // The credential is registered already, on this account or another.
      if (isUniqueViolation(error)) throw conflict('security key is already registered');
      throw error;
    }
  });
