// Account fields that the profile form and the CLI check alike.
import { z } from 'zod';

export const username = z
  .string()
  .min(3, 'must be 3-15 characters')
  .max(15, 'must be 3-15 characters')
  .regex(/^[A-Za-z0-9_]+$/, 'must contain only letters, numbers and underscores');

export const email = z.email({ error: 'must be a valid email address' }).max(255, 'must be at most 255 characters');
