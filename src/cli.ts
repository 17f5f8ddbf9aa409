// Admin commands: `npm run cli -- users create|disable-2fa ...`. Errors go to stderr with exit 1.
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError, loadConfig } from './config.ts';
import { createAccount, turnOffTwoFactor } from './db/accounts.ts';
import { isUniqueViolation } from './db/errors.ts';
import { openDatabase } from './db/index.ts';
import { foldCase } from './rules/text.ts';
import { validationMessages } from './server/error-mapping.ts';
import { email, username } from './routers/shared/account-fields.ts';
import { newPassword, text } from './routers/shared/fields.ts';

const USAGE = `usage:
  npm run cli -- users create --username <u> --email <e> [--password <p>] [--admin] [--name-first <f>] [--name-last <l>]
  npm run cli -- users disable-2fa --username <u>
Without --password (which ps and shell history keep), the password is read from standard input:
its first line when piped, or typed at a prompt that does not echo it.`;

class UsageError extends Error {}

const createInput = z.strictObject({
  username,
  email,
  password: newPassword,
  admin: z.boolean().default(false),
  'name-first': z.string().trim().min(2, 'must be 2-255 characters').max(255, 'must be 2-255 characters').optional(),
  'name-last': z.string().trim().min(2, 'must be 2-255 characters').max(255, 'must be 2-255 characters').optional(),
});

/** The password from standard input: the first line of a pipe, or typed at a silent prompt. */
async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = '';
    for await (const chunk of process.stdin) text += chunk;
    return text.split(/\r?\n/)[0]!;
  }
  process.stderr.write('password: ');
  // The terminal's echo goes to an output that drops it.
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const prompt = createInterface({ input: process.stdin, output: silent, terminal: true });
  try {
    return await prompt.question('');
  } finally {
    prompt.close();
    process.stderr.write('\n');
  }
}

function parse<T extends z.ZodType>(schema: T, values: unknown): z.output<T> {
  const result = schema.safeParse(values);
  if (!result.success) throw new UsageError(validationMessages(result.error.issues).join('\n'));
  return result.data;
}

async function main(argv: string[]) {
  const [group, command, ...rest] = argv;
  if (group !== 'users' || !command) throw new UsageError(USAGE);
  const { values } = parseArgs({
    args: rest,
    options: {
      username: { type: 'string' },
      email: { type: 'string' },
      password: { type: 'string' },
      admin: { type: 'boolean' },
      'name-first': { type: 'string' },
      'name-last': { type: 'string' },
    },
    strict: true,
  });
  const config = loadConfig();

  if (command === 'create') {
    const input = parse(createInput, { ...values, password: values.password ?? (await readPassword()) });
    const { db, close } = await openDatabase(config.databaseUrl);
    try {
      const user = await createAccount(db, {
        username: input.username,
        email: input.email,
        password: input.password,
        admin: input.admin,
        nameFirst: input['name-first'],
        nameLast: input['name-last'],
      });
      console.log(`created user ${user.username} (${user.id})${user.admin ? ' as an admin' : ''}`);
    } catch (error) {
      if (isUniqueViolation(error)) throw new UsageError('a user with that username or email already exists');
      throw error;
    } finally {
      await close();
    }
    return;
  }

  if (command === 'disable-2fa') {
    const input = parse(z.strictObject({ username: text().min(1, 'is required') }), values);
    const { db, close } = await openDatabase(config.databaseUrl);
    try {
      const user = await db.user.findUnique({ where: { usernameKey: foldCase(input.username) } });
      if (!user) throw new UsageError(`no user named ${input.username}`);
      await db.$transaction((tx) => turnOffTwoFactor(tx, user.id));
      console.log(`two-factor authentication is off for ${user.username}`);
    } finally {
      await close();
    }
    return;
  }

  throw new UsageError(USAGE);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof ConfigError) console.error(error.message);
  else if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) console.error(`${error.message}\n${USAGE}`);
  else console.error(error);
  process.exit(1);
});
