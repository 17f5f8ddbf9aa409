// src/config.ts
import { z } from "zod";

// src/rules/ip-ranges.ts
import ipaddr from "ipaddr.js";
function parseAddress(text) {
  if (!ipaddr.isValid(text)) return void 0;
  if (text.includes(".") && !text.includes(":") && !ipaddr.IPv4.isValidFourPartDecimal(text)) return void 0;
  const address = ipaddr.parse(text);
  return address.kind() === "ipv6" && address.isIPv4MappedAddress() ? address.toIPv4Address() : address;
}
function normaliseAddress(text) {
  return parseAddress(text)?.toString() ?? text;
}
function parseRange(text) {
  const [addressText, prefixText, ...rest] = text.trim().split("/");
  if (rest.length > 0 || !addressText) return void 0;
  const address = parseAddress(addressText);
  if (!address) return void 0;
  const bits = address.kind() === "ipv4" ? 32 : 128;
  let prefix = bits;
  if (prefixText !== void 0) {
    if (!/^(0|[1-9]\d{0,2})$/.test(prefixText)) return void 0;
    prefix = Number(prefixText);
    if (addressText.includes(":") && address.kind() === "ipv4") prefix -= 96;
    if (prefix < 0 || prefix > bits) return void 0;
  }
  const network = address.kind() === "ipv4" ? ipaddr.IPv4.networkAddressFromCIDR(`${address.toString()}/${prefix}`) : ipaddr.IPv6.networkAddressFromCIDR(`${address.toString()}/${prefix}`);
  return `${network.toString()}/${prefix}`;
}
function inAnyRange(addressText, ranges) {
  const address = parseAddress(addressText);
  if (!address) return false;
  return ranges.some((range) => {
    const [network, prefix] = ipaddr.parseCIDR(range);
    return network.kind() === address.kind() && address.match(network, prefix);
  });
}

// src/config.ts
var rate = (fallback) => z.string().default(fallback).transform((value, ctx) => {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const count = Number(match?.[1]);
  const seconds2 = Number(match?.[2]);
  if (!match || count < 1 || seconds2 < 1) {
    ctx.addIssue({ code: "custom", message: "must be written count/seconds, for example 20/300" });
    return z.NEVER;
  }
  return { count, seconds: seconds2 };
});
var flag = (fallback) => z.enum(["true", "false", "1", "0", "yes", "no"], { error: "must be true or false" }).optional().transform((value) => value === void 0 ? fallback : ["true", "1", "yes"].includes(value));
var seconds = (fallback) => z.coerce.number({ error: "must be a number of seconds" }).int().min(1).default(fallback);
var schema = z.object({
  PORT: z.coerce.number({ error: "must be a port number" }).int().min(0).max(65535).default(3e3),
  DATABASE_URL: z.string().default("file:./data/panel.db").refine((url) => /^(file:|postgres(ql)?:\/\/)/.test(url), "must start with file: (SQLite) or postgres:// (PostgreSQL)"),
  DATA_DIR: z.string().min(1).default("./data"),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  APP_URL: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).optional(),
  TRUSTED_PROXIES: z.string().default("").transform((value, ctx) => {
    return value.split(",").map((item) => item.trim()).filter(Boolean).map((item) => {
      const range = parseRange(item);
      if (!range) ctx.addIssue({ code: "custom", message: `not an ip address or cidr range: ${item}` });
      return range ?? "";
    });
  }),
  TWO_FACTOR_REQUIREMENT: z.enum(["none", "admins", "all_users"], { error: "must be none, admins or all_users" }).default("none"),
  API_KEY_LIMIT: z.coerce.number({ error: "must be a whole number" }).int().min(1).default(25),
  ALLOW_LANGUAGE_CHANGE: flag(true),
  RATE_LIMIT_LOGIN: rate("20/300"),
  RATE_LIMIT_CHECKPOINT: rate("10/300"),
  SESSION_IDLE_TIMEOUT: seconds(7 * 24 * 3600),
  SESSION_MAX_AGE: seconds(30 * 24 * 3600)
}).transform((env) => ({
  port: env.PORT,
  databaseUrl: env.DATABASE_URL,
  dataDir: env.DATA_DIR,
  sessionSecret: env.SESSION_SECRET,
  appUrl: new URL(env.APP_URL ?? `http://localhost:${env.PORT}`),
  trustedProxies: env.TRUSTED_PROXIES,
  twoFactorRequirement: env.TWO_FACTOR_REQUIREMENT,
  apiKeyLimit: env.API_KEY_LIMIT,
  allowLanguageChange: env.ALLOW_LANGUAGE_CHANGE,
  rateLimits: { login: env.RATE_LIMIT_LOGIN, checkpoint: env.RATE_LIMIT_CHECKPOINT },
  sessionIdleSeconds: env.SESSION_IDLE_TIMEOUT,
  sessionMaxAgeSeconds: env.SESSION_MAX_AGE
}));
var ConfigError = class extends Error {
};
function loadConfig(env = process.env) {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  throw new ConfigError(`invalid settings:
  ${problems.join("\n  ")}`);
}

// src/server/log.ts
import pino from "pino";
import { pinoHttp } from "pino-http";
var SECRET_FIELDS = ["password", "current_password", "password_confirmation", "code", "key", "token", "confirmation_token", "secret", "recovery_codes"];
var REDACT_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  'res.headers["set-cookie"]',
  ...SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`])
];
function createLogger(options3 = {}) {
  return pino({ name: "panel", level: options3.level ?? process.env.LOG_LEVEL ?? "info", redact: REDACT_PATHS }, options3.destination);
}
function requestLogger(log2) {
  return pinoHttp({
    logger: log2,
    serializers: {
      req: (req) => ({
        method: req.method,
        path: (req.url ?? "").split("?")[0],
        headers: req.headers
      }),
      res: (res) => ({ statusCode: res.statusCode })
    },
    customLogLevel: (_req, res, error) => error || res.statusCode >= 500 ? "error" : "info"
  });
}

// src/db/activity.ts
var ActivityWriter = class {
  constructor(db, intervalMs = 2e3, onError = () => {
  }) {
    this.db = db;
    this.onError = onError;
    this.timer = setInterval(() => void this.flush(), intervalMs);
    this.timer.unref();
  }
  db;
  onError;
  sessions = /* @__PURE__ */ new Map();
  keys = /* @__PURE__ */ new Map();
  timer;
  flushing = Promise.resolve();
  recordSession(id, use) {
    this.sessions.set(id, use);
  }
  recordKey(id, at) {
    this.keys.set(id, at);
  }
  /** The newest use of a session that is not yet in the database. */
  pendingSessionUse(id) {
    return this.sessions.get(id)?.lastUsed;
  }
  forgetSession(id) {
    this.sessions.delete(id);
  }
  /** Writes what is pending. Rows deleted meanwhile are simply not matched. */
  flush() {
    this.flushing = this.flushing.then(async () => {
      const sessions = [...this.sessions];
      const keys = [...this.keys];
      this.sessions.clear();
      this.keys.clear();
      if (sessions.length === 0 && keys.length === 0) return;
      try {
        await this.db.$transaction([
          ...sessions.map(([id, use]) => this.db.session.updateMany({ where: { id }, data: use })),
          ...keys.map(([id, lastUsed]) => this.db.apiKey.updateMany({ where: { id }, data: { lastUsed } }))
        ]);
      } catch (error) {
        for (const [id, use] of sessions) if (!this.sessions.has(id)) this.sessions.set(id, use);
        for (const [id, at] of keys) if (!this.keys.has(id)) this.keys.set(id, at);
        this.onError(error);
      }
    });
    return this.flushing;
  }
  async close() {
    clearInterval(this.timer);
    await this.flush();
  }
};

// src/db/index.ts
import { mkdirSync } from "node:fs";
import { dirname as dirname3, resolve } from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

// src/db/generated/postgresql/client.ts
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import "@prisma/client/runtime/client";

// src/db/generated/postgresql/internal/class.ts
import * as runtime from "@prisma/client/runtime/client";
var config = {
  "previewFeatures": [],
  "clientVersion": "7.10.1",
  "engineVersion": "d1b3f377ca835d73fd50954a5e22128b9ebdd6b8",
  "activeProvider": "postgresql",
  "inlineSchema": '// The one schema. It is written for SQLite; scripts/prisma.mjs derives the\n// PostgreSQL twin from it, so use only features both providers support\n// (no native arrays or enums: JSON columns hold lists).\n\ngenerator client {\n  provider     = "prisma-client"\n  output       = "../../src/db/generated/postgresql"\n  moduleFormat = "esm"\n}\n\ndatasource db {\n  provider = "postgresql"\n}\n\nmodel Role {\n  id               String   @id\n  name             String   @unique\n  adminPermissions Json     @default("[]") @map("admin_permissions")\n  requireTwoFactor Boolean  @default(false) @map("require_two_factor")\n  created          DateTime @default(now())\n  users            User[]\n\n  @@map("roles")\n}\n\nmodel User {\n  id                    String         @id\n  username              String\n  // Lower-cased copies carry the case-insensitive uniqueness in a constraint.\n  usernameKey           String         @unique @map("username_key")\n  email                 String\n  emailKey              String         @unique @map("email_key")\n  nameFirst             String         @map("name_first")\n  nameLast              String         @map("name_last")\n  passwordHash          String         @map("password_hash")\n  admin                 Boolean        @default(false)\n  roleId                String?        @map("role_id")\n  role                  Role?          @relation(fields: [roleId], references: [id], onDelete: SetNull)\n  language              String         @default("en")\n  toastPosition         String         @default("bottom_right") @map("toast_position")\n  startOnGroupedServers Boolean        @default(true) @map("start_on_grouped_servers")\n  totpEnabled           Boolean        @default(false) @map("totp_enabled")\n  // AES-GCM sealed; pending while totp_enabled is false.\n  totpSecret            String?        @map("totp_secret")\n  // Highest TOTP time step ever accepted: a step at or below it is a replay.\n  totpLastStep          Int            @default(0) @map("totp_last_step")\n  totpLastUsed          DateTime?      @map("totp_last_used")\n  created               DateTime       @default(now())\n  sessions              Session[]\n  apiKeys               ApiKey[]\n  recoveryCodes         RecoveryCode[]\n\n  @@index([roleId])\n  @@map("users")\n}\n\nmodel Session {\n  id         String   @id\n  userId     String   @map("user_id")\n  user       User     @relation(fields: [userId], references: [id], onDelete: Cascade)\n  secretHash String   @map("secret_hash")\n  ip         String\n  userAgent  String   @map("user_agent")\n  lastUsed   DateTime @map("last_used")\n  created    DateTime @default(now())\n\n  @@index([userId, lastUsed])\n  @@index([lastUsed])\n  @@map("sessions")\n}\n\nmodel ApiKey {\n  id                String    @id\n  userId            String    @map("user_id")\n  user              User      @relation(fields: [userId], references: [id], onDelete: Cascade)\n  name              String\n  keyStart          String    @map("key_start")\n  keyHash           String    @unique @map("key_hash")\n  allowedIps        Json      @map("allowed_ips")\n  userPermissions   Json      @map("user_permissions")\n  adminPermissions  Json      @map("admin_permissions")\n  serverPermissions Json      @map("server_permissions")\n  lastUsed          DateTime? @map("last_used")\n  expires           DateTime?\n  created           DateTime  @default(now())\n\n  @@unique([userId, name])\n  @@index([userId, created])\n  @@map("api_keys")\n}\n\nmodel RecoveryCode {\n  id       String   @id\n  userId   String   @map("user_id")\n  user     User     @relation(fields: [userId], references: [id], onDelete: Cascade)\n  codeHash String   @map("code_hash")\n  created  DateTime @default(now())\n\n  @@unique([userId, codeHash])\n  @@map("recovery_codes")\n}\n\n// One row per accepted attempt: a sliding-window log shared by every instance.\nmodel RateLimitHit {\n  id     String   @id\n  bucket String\n  at     DateTime\n\n  @@index([bucket, at])\n  @@map("rate_limit_hits")\n}\n',
  "runtimeDataModel": {
    "models": {},
    "enums": {},
    "types": {}
  },
  "parameterizationSchema": {
    "strings": [],
    "graph": ""
  }
};
config.runtimeDataModel = JSON.parse('{"models":{"Role":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"name","kind":"scalar","type":"String"},{"name":"adminPermissions","kind":"scalar","type":"Json","dbName":"admin_permissions"},{"name":"requireTwoFactor","kind":"scalar","type":"Boolean","dbName":"require_two_factor"},{"name":"created","kind":"scalar","type":"DateTime"},{"name":"users","kind":"object","type":"User","relationName":"RoleToUser"}],"dbName":"roles","schema":null},"User":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"username","kind":"scalar","type":"String"},{"name":"usernameKey","kind":"scalar","type":"String","dbName":"username_key"},{"name":"email","kind":"scalar","type":"String"},{"name":"emailKey","kind":"scalar","type":"String","dbName":"email_key"},{"name":"nameFirst","kind":"scalar","type":"String","dbName":"name_first"},{"name":"nameLast","kind":"scalar","type":"String","dbName":"name_last"},{"name":"passwordHash","kind":"scalar","type":"String","dbName":"password_hash"},{"name":"admin","kind":"scalar","type":"Boolean"},{"name":"roleId","kind":"scalar","type":"String","dbName":"role_id"},{"name":"role","kind":"object","type":"Role","relationName":"RoleToUser"},{"name":"language","kind":"scalar","type":"String"},{"name":"toastPosition","kind":"scalar","type":"String","dbName":"toast_position"},{"name":"startOnGroupedServers","kind":"scalar","type":"Boolean","dbName":"start_on_grouped_servers"},{"name":"totpEnabled","kind":"scalar","type":"Boolean","dbName":"totp_enabled"},{"name":"totpSecret","kind":"scalar","type":"String","dbName":"totp_secret"},{"name":"totpLastStep","kind":"scalar","type":"Int","dbName":"totp_last_step"},{"name":"totpLastUsed","kind":"scalar","type":"DateTime","dbName":"totp_last_used"},{"name":"created","kind":"scalar","type":"DateTime"},{"name":"sessions","kind":"object","type":"Session","relationName":"SessionToUser"},{"name":"apiKeys","kind":"object","type":"ApiKey","relationName":"ApiKeyToUser"},{"name":"recoveryCodes","kind":"object","type":"RecoveryCode","relationName":"RecoveryCodeToUser"}],"dbName":"users","schema":null},"Session":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"userId","kind":"scalar","type":"String","dbName":"user_id"},{"name":"user","kind":"object","type":"User","relationName":"SessionToUser"},{"name":"secretHash","kind":"scalar","type":"String","dbName":"secret_hash"},{"name":"ip","kind":"scalar","type":"String"},{"name":"userAgent","kind":"scalar","type":"String","dbName":"user_agent"},{"name":"lastUsed","kind":"scalar","type":"DateTime","dbName":"last_used"},{"name":"created","kind":"scalar","type":"DateTime"}],"dbName":"sessions","schema":null},"ApiKey":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"userId","kind":"scalar","type":"String","dbName":"user_id"},{"name":"user","kind":"object","type":"User","relationName":"ApiKeyToUser"},{"name":"name","kind":"scalar","type":"String"},{"name":"keyStart","kind":"scalar","type":"String","dbName":"key_start"},{"name":"keyHash","kind":"scalar","type":"String","dbName":"key_hash"},{"name":"allowedIps","kind":"scalar","type":"Json","dbName":"allowed_ips"},{"name":"userPermissions","kind":"scalar","type":"Json","dbName":"user_permissions"},{"name":"adminPermissions","kind":"scalar","type":"Json","dbName":"admin_permissions"},{"name":"serverPermissions","kind":"scalar","type":"Json","dbName":"server_permissions"},{"name":"lastUsed","kind":"scalar","type":"DateTime","dbName":"last_used"},{"name":"expires","kind":"scalar","type":"DateTime"},{"name":"created","kind":"scalar","type":"DateTime"}],"dbName":"api_keys","schema":null},"RecoveryCode":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"userId","kind":"scalar","type":"String","dbName":"user_id"},{"name":"user","kind":"object","type":"User","relationName":"RecoveryCodeToUser"},{"name":"codeHash","kind":"scalar","type":"String","dbName":"code_hash"},{"name":"created","kind":"scalar","type":"DateTime"}],"dbName":"recovery_codes","schema":null},"RateLimitHit":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"bucket","kind":"scalar","type":"String"},{"name":"at","kind":"scalar","type":"DateTime"}],"dbName":"rate_limit_hits","schema":null}},"enums":{},"types":{}}');
config.parameterizationSchema = {
  strings: JSON.parse('["where","orderBy","cursor","role","user","sessions","apiKeys","recoveryCodes","_count","users","Role.findUnique","Role.findUniqueOrThrow","Role.findFirst","Role.findFirstOrThrow","Role.findMany","data","Role.createOne","Role.createMany","Role.createManyAndReturn","Role.updateOne","Role.updateMany","Role.updateManyAndReturn","create","update","Role.upsertOne","Role.deleteOne","Role.deleteMany","having","_min","_max","Role.groupBy","Role.aggregate","User.findUnique","User.findUniqueOrThrow","User.findFirst","User.findFirstOrThrow","User.findMany","User.createOne","User.createMany","User.createManyAndReturn","User.updateOne","User.updateMany","User.updateManyAndReturn","User.upsertOne","User.deleteOne","User.deleteMany","_avg","_sum","User.groupBy","User.aggregate","Session.findUnique","Session.findUniqueOrThrow","Session.findFirst","Session.findFirstOrThrow","Session.findMany","Session.createOne","Session.createMany","Session.createManyAndReturn","Session.updateOne","Session.updateMany","Session.updateManyAndReturn","Session.upsertOne","Session.deleteOne","Session.deleteMany","Session.groupBy","Session.aggregate","ApiKey.findUnique","ApiKey.findUniqueOrThrow","ApiKey.findFirst","ApiKey.findFirstOrThrow","ApiKey.findMany","ApiKey.createOne","ApiKey.createMany","ApiKey.createManyAndReturn","ApiKey.updateOne","ApiKey.updateMany","ApiKey.updateManyAndReturn","ApiKey.upsertOne","ApiKey.deleteOne","ApiKey.deleteMany","ApiKey.groupBy","ApiKey.aggregate","RecoveryCode.findUnique","RecoveryCode.findUniqueOrThrow","RecoveryCode.findFirst","RecoveryCode.findFirstOrThrow","RecoveryCode.findMany","RecoveryCode.createOne","RecoveryCode.createMany","RecoveryCode.createManyAndReturn","RecoveryCode.updateOne","RecoveryCode.updateMany","RecoveryCode.updateManyAndReturn","RecoveryCode.upsertOne","RecoveryCode.deleteOne","RecoveryCode.deleteMany","RecoveryCode.groupBy","RecoveryCode.aggregate","RateLimitHit.findUnique","RateLimitHit.findUniqueOrThrow","RateLimitHit.findFirst","RateLimitHit.findFirstOrThrow","RateLimitHit.findMany","RateLimitHit.createOne","RateLimitHit.createMany","RateLimitHit.createManyAndReturn","RateLimitHit.updateOne","RateLimitHit.updateMany","RateLimitHit.updateManyAndReturn","RateLimitHit.upsertOne","RateLimitHit.deleteOne","RateLimitHit.deleteMany","RateLimitHit.groupBy","RateLimitHit.aggregate","AND","OR","NOT","id","bucket","at","equals","in","notIn","lt","lte","gt","gte","not","contains","startsWith","endsWith","userId","codeHash","created","name","keyStart","keyHash","allowedIps","userPermissions","adminPermissions","serverPermissions","lastUsed","expires","string_contains","string_starts_with","string_ends_with","array_starts_with","array_ends_with","array_contains","secretHash","ip","userAgent","username","usernameKey","email","emailKey","nameFirst","nameLast","passwordHash","admin","roleId","language","toastPosition","startOnGroupedServers","totpEnabled","totpSecret","totpLastStep","totpLastUsed","requireTwoFactor","userId_codeHash","userId_name","every","some","none","is","isNot","connectOrCreate","upsert","createMany","set","disconnect","delete","connect","updateMany","deleteMany","increment","decrement","multiply","divide"]'),
  graph: "ywI1YAkJAADLAQAgcgAAyQEAMHMAAAcAEHQAAMkBADB1AQAAAAGFAUAArAEAIYYBAQAAAAGLAQAAxgEAIKgBIADKAQAhAQAAAAEAIBkDAADPAQAgBQAA0AEAIAYAANEBACAHAADSAQAgcgAAzAEAMHMAAAMAEHQAAMwBADB1AQCrAQAhhQFAAKwBACGYAQEAqwEAIZkBAQCrAQAhmgEBAKsBACGbAQEAqwEAIZwBAQCrAQAhnQEBAKsBACGeAQEAqwEAIZ8BIADKAQAhoAEBAM0BACGhAQEAqwEAIaIBAQCrAQAhowEgAMoBACGkASAAygEAIaUBAQDNAQAhpgECAM4BACGnAUAAxwEAIQcDAACwAgAgBQAAsQIAIAYAALICACAHAACzAgAgoAEAAN0BACClAQAA3QEAIKcBAADdAQAgGQMAAM8BACAFAADQAQAgBgAA0QEAIAcAANIBACByAADMAQAwcwAAAwAQdAAAzAEAMHUBAAAAAYUBQACsAQAhmAEBAKsBACGZAQEAAAABmgEBAKsBACGbAQEAAAABnAEBAKsBACGdAQEAqwEAIZ4BAQCrAQAhnwEgAMoBACGgAQEAzQEAIaEBAQCrAQAhogEBAKsBACGjASAAygEAIaQBIADKAQAhpQEBAM0BACGmAQIAzgEAIacBQADHAQAhAwAAAAMAIAEAAAQAMAIAAAUAIAkJAADLAQAgcgAAyQEAMHMAAAcAEHQAAMkBADB1AQCrAQAhhQFAAKwBACGGAQEAqwEAIYsBAADGAQAgqAEgAMoBACEBAAAABwAgCwQAAMMBACByAADIAQAwcwAACQAQdAAAyAEAMHUBAKsBACGDAQEAqwEAIYUBQACsAQAhjQFAAKwBACGVAQEAqwEAIZYBAQCrAQAhlwEBAKsBACEBBAAArwIAIAsEAADDAQAgcgAAyAEAMHMAAAkAEHQAAMgBADB1AQAAAAGDAQEAqwEAIYUBQACsAQAhjQFAAKwBACGVAQEAqwEAIZYBAQCrAQAhlwEBAKsBACEDAAAACQAgAQAACgAwAgAACwAgEAQAAMMBACByAADFAQAwcwAADQAQdAAAxQEAMHUBAKsBACGDAQEAqwEAIYUBQACsAQAhhgEBAKsBACGHAQEAqwEAIYgBAQCrAQAhiQEAAMYBACCKAQAAxgEAIIsBAADGAQAgjAEAAMYBACCNAUAAxwEAIY4BQADHAQAhAwQAAK8CACCNAQAA3QEAII4BAADdAQAgEQQAAMMBACByAADFAQAwcwAADQAQdAAAxQEAMHUBAAAAAYMBAQCrAQAhhQFAAKwBACGGAQEAqwEAIYcBAQCrAQAhiAEBAAAAAYkBAADGAQAgigEAAMYBACCLAQAAxgEAIIwBAADGAQAgjQFAAMcBACGOAUAAxwEAIaoBAADEAQAgAwAAAA0AIAEAAA4AMAIAAA8AIAgEAADDAQAgcgAAwgEAMHMAABEAEHQAAMIBADB1AQCrAQAhgwEBAKsBACGEAQEAqwEAIYUBQACsAQAhAQQAAK8CACAJBAAAwwEAIHIAAMIBADBzAAARABB0AADCAQAwdQEAAAABgwEBAKsBACGEAQEAqwEAIYUBQACsAQAhqQEAAMEBACADAAAAEQAgAQAAEgAwAgAAEwAgAQAAAAkAIAEAAAANACABAAAAEQAgAQAAAAMAIAEAAAABACABCQAArgIAIAMAAAAHACABAAAaADACAAABACADAAAABwAgAQAAGgAwAgAAAQAgAwAAAAcAIAEAABoAMAIAAAEAIAYJAACtAgAgdQEAAAABhQFAAAAAAYYBAQAAAAGLAYAAAAABqAEgAAAAAQEPAAAeACAFdQEAAAABhQFAAAAAAYYBAQAAAAGLAYAAAAABqAEgAAAAAQEPAAAgADABDwAAIAAwBgkAAKACACB1AQDWAQAhhQFAANcBACGGAQEA1gEAIYsBgAAAAAGoASAA7gEAIQIAAAABACAPAAAjACAFdQEA1gEAIYUBQADXAQAhhgEBANYBACGLAYAAAAABqAEgAO4BACECAAAABwAgDwAAJQAgAgAAAAcAIA8AACUAIAMAAAABACAWAAAeACAXAAAjACABAAAAAQAgAQAAAAcAIAMIAACdAgAgHAAAnwIAIB0AAJ4CACAIcgAAwAEAMHMAACwAEHQAAMABADB1AQCjAQAhhQFAAKQBACGGAQEAowEAIYsBAACvAQAgqAEgALcBACEDAAAABwAgAQAAKwAwGwAALAAgAwAAAAcAIAEAABoAMAIAAAEAIAEAAAAFACABAAAABQAgAwAAAAMAIAEAAAQAMAIAAAUAIAMAAAADACABAAAEADACAAAFACADAAAAAwAgAQAABAAwAgAABQAgFgMAAJkCACAFAACaAgAgBgAAmwIAIAcAAJwCACB1AQAAAAGFAUAAAAABmAEBAAAAAZkBAQAAAAGaAQEAAAABmwEBAAAAAZwBAQAAAAGdAQEAAAABngEBAAAAAZ8BIAAAAAGgAQEAAAABoQEBAAAAAaIBAQAAAAGjASAAAAABpAEgAAAAAaUBAQAAAAGmAQIAAAABpwFAAAAAAQEPAAA0ACASdQEAAAABhQFAAAAAAZgBAQAAAAGZAQEAAAABmgEBAAAAAZsBAQAAAAGcAQEAAAABnQEBAAAAAZ4BAQAAAAGfASAAAAABoAEBAAAAAaEBAQAAAAGiAQEAAAABowEgAAAAAaQBIAAAAAGlAQEAAAABpgECAAAAAacBQAAAAAEBDwAANgAwAQ8AADYAMAEAAAAHACAWAwAA8QEAIAUAAPIBACAGAADzAQAgBwAA9AEAIHUBANYBACGFAUAA1wEAIZgBAQDWAQAhmQEBANYBACGaAQEA1gEAIZsBAQDWAQAhnAEBANYBACGdAQEA1gEAIZ4BAQDWAQAhnwEgAO4BACGgAQEA7wEAIaEBAQDWAQAhogEBANYBACGjASAA7gEAIaQBIADuAQAhpQEBAO8BACGmAQIA8AEAIacBQADhAQAhAgAAAAUAIA8AADoAIBJ1AQDWAQAhhQFAANcBACGYAQEA1gEAIZkBAQDWAQAhmgEBANYBACGbAQEA1gEAIZwBAQDWAQAhnQEBANYBACGeAQEA1gEAIZ8BIADuAQAhoAEBAO8BACGhAQEA1gEAIaIBAQDWAQAhowEgAO4BACGkASAA7gEAIaUBAQDvAQAhpgECAPABACGnAUAA4QEAIQIAAAADACAPAAA8ACACAAAAAwAgDwAAPAAgAQAAAAcAIAMAAAAFACAWAAA0ACAXAAA6ACABAAAABQAgAQAAAAMAIAgIAADpAQAgHAAA7AEAIB0AAOsBACAuAADqAQAgLwAA7QEAIKABAADdAQAgpQEAAN0BACCnAQAA3QEAIBVyAAC2AQAwcwAARAAQdAAAtgEAMHUBAKMBACGFAUAApAEAIZgBAQCjAQAhmQEBAKMBACGaAQEAowEAIZsBAQCjAQAhnAEBAKMBACGdAQEAowEAIZ4BAQCjAQAhnwEgALcBACGgAQEAuAEAIaEBAQCjAQAhogEBAKMBACGjASAAtwEAIaQBIAC3AQAhpQEBALgBACGmAQIAuQEAIacBQACwAQAhAwAAAAMAIAEAAEMAMBsAAEQAIAMAAAADACABAAAEADACAAAFACABAAAACwAgAQAAAAsAIAMAAAAJACABAAAKADACAAALACADAAAACQAgAQAACgAwAgAACwAgAwAAAAkAIAEAAAoAMAIAAAsAIAgEAADoAQAgdQEAAAABgwEBAAAAAYUBQAAAAAGNAUAAAAABlQEBAAAAAZYBAQAAAAGXAQEAAAABAQ8AAEwAIAd1AQAAAAGDAQEAAAABhQFAAAAAAY0BQAAAAAGVAQEAAAABlgEBAAAAAZcBAQAAAAEBDwAATgAwAQ8AAE4AMAgEAADnAQAgdQEA1gEAIYMBAQDWAQAhhQFAANcBACGNAUAA1wEAIZUBAQDWAQAhlgEBANYBACGXAQEA1gEAIQIAAAALACAPAABRACAHdQEA1gEAIYMBAQDWAQAhhQFAANcBACGNAUAA1wEAIZUBAQDWAQAhlgEBANYBACGXAQEA1gEAIQIAAAAJACAPAABTACACAAAACQAgDwAAUwAgAwAAAAsAIBYAAEwAIBcAAFEAIAEAAAALACABAAAACQAgAwgAAOQBACAcAADmAQAgHQAA5QEAIApyAAC1AQAwcwAAWgAQdAAAtQEAMHUBAKMBACGDAQEAowEAIYUBQACkAQAhjQFAAKQBACGVAQEAowEAIZYBAQCjAQAhlwEBAKMBACEDAAAACQAgAQAAWQAwGwAAWgAgAwAAAAkAIAEAAAoAMAIAAAsAIAEAAAAPACABAAAADwAgAwAAAA0AIAEAAA4AMAIAAA8AIAMAAAANACABAAAOADACAAAPACADAAAADQAgAQAADgAwAgAADwAgDQQAAOMBACB1AQAAAAGDAQEAAAABhQFAAAAAAYYBAQAAAAGHAQEAAAABiAEBAAAAAYkBgAAAAAGKAYAAAAABiwGAAAAAAYwBgAAAAAGNAUAAAAABjgFAAAAAAQEPAABiACAMdQEAAAABgwEBAAAAAYUBQAAAAAGGAQEAAAABhwEBAAAAAYgBAQAAAAGJAYAAAAABigGAAAAAAYsBgAAAAAGMAYAAAAABjQFAAAAAAY4BQAAAAAEBDwAAZAAwAQ8AAGQAMA0EAADiAQAgdQEA1gEAIYMBAQDWAQAhhQFAANcBACGGAQEA1gEAIYcBAQDWAQAhiAEBANYBACGJAYAAAAABigGAAAAAAYsBgAAAAAGMAYAAAAABjQFAAOEBACGOAUAA4QEAIQIAAAAPACAPAABnACAMdQEA1gEAIYMBAQDWAQAhhQFAANcBACGGAQEA1gEAIYcBAQDWAQAhiAEBANYBACGJAYAAAAABigGAAAAAAYsBgAAAAAGMAYAAAAABjQFAAOEBACGOAUAA4QEAIQIAAAANACAPAABpACACAAAADQAgDwAAaQAgAwAAAA8AIBYAAGIAIBcAAGcAIAEAAAAPACABAAAADQAgBQgAAN4BACAcAADgAQAgHQAA3wEAII0BAADdAQAgjgEAAN0BACAPcgAArgEAMHMAAHAAEHQAAK4BADB1AQCjAQAhgwEBAKMBACGFAUAApAEAIYYBAQCjAQAhhwEBAKMBACGIAQEAowEAIYkBAACvAQAgigEAAK8BACCLAQAArwEAIIwBAACvAQAgjQFAALABACGOAUAAsAEAIQMAAAANACABAABvADAbAABwACADAAAADQAgAQAADgAwAgAADwAgAQAAABMAIAEAAAATACADAAAAEQAgAQAAEgAwAgAAEwAgAwAAABEAIAEAABIAMAIAABMAIAMAAAARACABAAASADACAAATACAFBAAA3AEAIHUBAAAAAYMBAQAAAAGEAQEAAAABhQFAAAAAAQEPAAB4ACAEdQEAAAABgwEBAAAAAYQBAQAAAAGFAUAAAAABAQ8AAHoAMAEPAAB6ADAFBAAA2wEAIHUBANYBACGDAQEA1gEAIYQBAQDWAQAhhQFAANcBACECAAAAEwAgDwAAfQAgBHUBANYBACGDAQEA1gEAIYQBAQDWAQAhhQFAANcBACECAAAAEQAgDwAAfwAgAgAAABEAIA8AAH8AIAMAAAATACAWAAB4ACAXAAB9ACABAAAAEwAgAQAAABEAIAMIAADYAQAgHAAA2gEAIB0AANkBACAHcgAArQEAMHMAAIYBABB0AACtAQAwdQEAowEAIYMBAQCjAQAhhAEBAKMBACGFAUAApAEAIQMAAAARACABAACFAQAwGwAAhgEAIAMAAAARACABAAASADACAAATACAGcgAAqgEAMHMAAIwBABB0AACqAQAwdQEAAAABdgEAqwEAIXdAAKwBACEBAAAAiQEAIAEAAACJAQAgBnIAAKoBADBzAACMAQAQdAAAqgEAMHUBAKsBACF2AQCrAQAhd0AArAEAIQADAAAAjAEAIAEAAI0BADACAACJAQAgAwAAAIwBACABAACNAQAwAgAAiQEAIAMAAACMAQAgAQAAjQEAMAIAAIkBACADdQEAAAABdgEAAAABd0AAAAABAQ8AAJEBACADdQEAAAABdgEAAAABd0AAAAABAQ8AAJMBADABDwAAkwEAMAN1AQDWAQAhdgEA1gEAIXdAANcBACECAAAAiQEAIA8AAJYBACADdQEA1gEAIXYBANYBACF3QADXAQAhAgAAAIwBACAPAACYAQAgAgAAAIwBACAPAACYAQAgAwAAAIkBACAWAACRAQAgFwAAlgEAIAEAAACJAQAgAQAAAIwBACADCAAA0wEAIBwAANUBACAdAADUAQAgBnIAAKIBADBzAACfAQAQdAAAogEAMHUBAKMBACF2AQCjAQAhd0AApAEAIQMAAACMAQAgAQAAngEAMBsAAJ8BACADAAAAjAEAIAEAAI0BADACAACJAQAgBnIAAKIBADBzAACfAQAQdAAAogEAMHUBAKMBACF2AQCjAQAhd0AApAEAIQ4IAACmAQAgHAAAqQEAIB0AAKkBACB4AQAAAAF5AQAAAAR6AQAAAAR7AQAAAAF8AQAAAAF9AQAAAAF-AQAAAAF_AQCoAQAhgAEBAAAAAYEBAQAAAAGCAQEAAAABCwgAAKYBACAcAACnAQAgHQAApwEAIHhAAAAAAXlAAAAABHpAAAAABHtAAAAAAXxAAAAAAX1AAAAAAX5AAAAAAX9AAKUBACELCAAApgEAIBwAAKcBACAdAACnAQAgeEAAAAABeUAAAAAEekAAAAAEe0AAAAABfEAAAAABfUAAAAABfkAAAAABf0AApQEAIQh4AgAAAAF5AgAAAAR6AgAAAAR7AgAAAAF8AgAAAAF9AgAAAAF-AgAAAAF_AgCmAQAhCHhAAAAAAXlAAAAABHpAAAAABHtAAAAAAXxAAAAAAX1AAAAAAX5AAAAAAX9AAKcBACEOCAAApgEAIBwAAKkBACAdAACpAQAgeAEAAAABeQEAAAAEegEAAAAEewEAAAABfAEAAAABfQEAAAABfgEAAAABfwEAqAEAIYABAQAAAAGBAQEAAAABggEBAAAAAQt4AQAAAAF5AQAAAAR6AQAAAAR7AQAAAAF8AQAAAAF9AQAAAAF-AQAAAAF_AQCpAQAhgAEBAAAAAYEBAQAAAAGCAQEAAAABBnIAAKoBADBzAACMAQAQdAAAqgEAMHUBAKsBACF2AQCrAQAhd0AArAEAIQt4AQAAAAF5AQAAAAR6AQAAAAR7AQAAAAF8AQAAAAF9AQAAAAF-AQAAAAF_AQCpAQAhgAEBAAAAAYEBAQAAAAGCAQEAAAABCHhAAAAAAXlAAAAABHpAAAAABHtAAAAAAXxAAAAAAX1AAAAAAX5AAAAAAX9AAKcBACEHcgAArQEAMHMAAIYBABB0AACtAQAwdQEAowEAIYMBAQCjAQAhhAEBAKMBACGFAUAApAEAIQ9yAACuAQAwcwAAcAAQdAAArgEAMHUBAKMBACGDAQEAowEAIYUBQACkAQAhhgEBAKMBACGHAQEAowEAIYgBAQCjAQAhiQEAAK8BACCKAQAArwEAIIsBAACvAQAgjAEAAK8BACCNAUAAsAEAIY4BQACwAQAhDwgAAKYBACAcAAC0AQAgHQAAtAEAIHiAAAAAAXuAAAAAAXyAAAAAAX2AAAAAAX6AAAAAAX-AAAAAAY8BAQAAAAGQAQEAAAABkQEBAAAAAZIBgAAAAAGTAYAAAAABlAGAAAAAAQsIAACyAQAgHAAAswEAIB0AALMBACB4QAAAAAF5QAAAAAV6QAAAAAV7QAAAAAF8QAAAAAF9QAAAAAF-QAAAAAF_QACxAQAhCwgAALIBACAcAACzAQAgHQAAswEAIHhAAAAAAXlAAAAABXpAAAAABXtAAAAAAXxAAAAAAX1AAAAAAX5AAAAAAX9AALEBACEIeAIAAAABeQIAAAAFegIAAAAFewIAAAABfAIAAAABfQIAAAABfgIAAAABfwIAsgEAIQh4QAAAAAF5QAAAAAV6QAAAAAV7QAAAAAF8QAAAAAF9QAAAAAF-QAAAAAF_QACzAQAhDHiAAAAAAXuAAAAAAXyAAAAAAX2AAAAAAX6AAAAAAX-AAAAAAY8BAQAAAAGQAQEAAAABkQEBAAAAAZIBgAAAAAGTAYAAAAABlAGAAAAAAQpyAAC1AQAwcwAAWgAQdAAAtQEAMHUBAKMBACGDAQEAowEAIYUBQACkAQAhjQFAAKQBACGVAQEAowEAIZYBAQCjAQAhlwEBAKMBACEVcgAAtgEAMHMAAEQAEHQAALYBADB1AQCjAQAhhQFAAKQBACGYAQEAowEAIZkBAQCjAQAhmgEBAKMBACGbAQEAowEAIZwBAQCjAQAhnQEBAKMBACGeAQEAowEAIZ8BIAC3AQAhoAEBALgBACGhAQEAowEAIaIBAQCjAQAhowEgALcBACGkASAAtwEAIaUBAQC4AQAhpgECALkBACGnAUAAsAEAIQUIAACmAQAgHAAAvwEAIB0AAL8BACB4IAAAAAF_IAC-AQAhDggAALIBACAcAAC9AQAgHQAAvQEAIHgBAAAAAXkBAAAABXoBAAAABXsBAAAAAXwBAAAAAX0BAAAAAX4BAAAAAX8BALwBACGAAQEAAAABgQEBAAAAAYIBAQAAAAENCAAApgEAIBwAAKYBACAdAACmAQAgLgAAuwEAIC8AAKYBACB4AgAAAAF5AgAAAAR6AgAAAAR7AgAAAAF8AgAAAAF9AgAAAAF-AgAAAAF_AgC6AQAhDQgAAKYBACAcAACmAQAgHQAApgEAIC4AALsBACAvAACmAQAgeAIAAAABeQIAAAAEegIAAAAEewIAAAABfAIAAAABfQIAAAABfgIAAAABfwIAugEAIQh4CAAAAAF5CAAAAAR6CAAAAAR7CAAAAAF8CAAAAAF9CAAAAAF-CAAAAAF_CAC7AQAhDggAALIBACAcAAC9AQAgHQAAvQEAIHgBAAAAAXkBAAAABXoBAAAABXsBAAAAAXwBAAAAAX0BAAAAAX4BAAAAAX8BALwBACGAAQEAAAABgQEBAAAAAYIBAQAAAAELeAEAAAABeQEAAAAFegEAAAAFewEAAAABfAEAAAABfQEAAAABfgEAAAABfwEAvQEAIYABAQAAAAGBAQEAAAABggEBAAAAAQUIAACmAQAgHAAAvwEAIB0AAL8BACB4IAAAAAF_IAC-AQAhAnggAAAAAX8gAL8BACEIcgAAwAEAMHMAACwAEHQAAMABADB1AQCjAQAhhQFAAKQBACGGAQEAowEAIYsBAACvAQAgqAEgALcBACECgwEBAAAAAYQBAQAAAAEIBAAAwwEAIHIAAMIBADBzAAARABB0AADCAQAwdQEAqwEAIYMBAQCrAQAhhAEBAKsBACGFAUAArAEAIRsDAADPAQAgBQAA0AEAIAYAANEBACAHAADSAQAgcgAAzAEAMHMAAAMAEHQAAMwBADB1AQCrAQAhhQFAAKwBACGYAQEAqwEAIZkBAQCrAQAhmgEBAKsBACGbAQEAqwEAIZwBAQCrAQAhnQEBAKsBACGeAQEAqwEAIZ8BIADKAQAhoAEBAM0BACGhAQEAqwEAIaIBAQCrAQAhowEgAMoBACGkASAAygEAIaUBAQDNAQAhpgECAM4BACGnAUAAxwEAIa4BAAADACCvAQAAAwAgAoMBAQAAAAGGAQEAAAABEAQAAMMBACByAADFAQAwcwAADQAQdAAAxQEAMHUBAKsBACGDAQEAqwEAIYUBQACsAQAhhgEBAKsBACGHAQEAqwEAIYgBAQCrAQAhiQEAAMYBACCKAQAAxgEAIIsBAADGAQAgjAEAAMYBACCNAUAAxwEAIY4BQADHAQAhDHiAAAAAAXuAAAAAAXyAAAAAAX2AAAAAAX6AAAAAAX-AAAAAAY8BAQAAAAGQAQEAAAABkQEBAAAAAZIBgAAAAAGTAYAAAAABlAGAAAAAAQh4QAAAAAF5QAAAAAV6QAAAAAV7QAAAAAF8QAAAAAF9QAAAAAF-QAAAAAF_QACzAQAhCwQAAMMBACByAADIAQAwcwAACQAQdAAAyAEAMHUBAKsBACGDAQEAqwEAIYUBQACsAQAhjQFAAKwBACGVAQEAqwEAIZYBAQCrAQAhlwEBAKsBACEJCQAAywEAIHIAAMkBADBzAAAHABB0AADJAQAwdQEAqwEAIYUBQACsAQAhhgEBAKsBACGLAQAAxgEAIKgBIADKAQAhAnggAAAAAX8gAL8BACEDqwEAAAMAIKwBAAADACCtAQAAAwAgGQMAAM8BACAFAADQAQAgBgAA0QEAIAcAANIBACByAADMAQAwcwAAAwAQdAAAzAEAMHUBAKsBACGFAUAArAEAIZgBAQCrAQAhmQEBAKsBACGaAQEAqwEAIZsBAQCrAQAhnAEBAKsBACGdAQEAqwEAIZ4BAQCrAQAhnwEgAMoBACGgAQEAzQEAIaEBAQCrAQAhogEBAKsBACGjASAAygEAIaQBIADKAQAhpQEBAM0BACGmAQIAzgEAIacBQADHAQAhC3gBAAAAAXkBAAAABXoBAAAABXsBAAAAAXwBAAAAAX0BAAAAAX4BAAAAAX8BAL0BACGAAQEAAAABgQEBAAAAAYIBAQAAAAEIeAIAAAABeQIAAAAEegIAAAAEewIAAAABfAIAAAABfQIAAAABfgIAAAABfwIApgEAIQsJAADLAQAgcgAAyQEAMHMAAAcAEHQAAMkBADB1AQCrAQAhhQFAAKwBACGGAQEAqwEAIYsBAADGAQAgqAEgAMoBACGuAQAABwAgrwEAAAcAIAOrAQAACQAgrAEAAAkAIK0BAAAJACADqwEAAA0AIKwBAAANACCtAQAADQAgA6sBAAARACCsAQAAEQAgrQEAABEAIAAAAAGzAQEAAAABAbMBQAAAAAEAAAAFFgAAxwIAIBcAAMoCACCwAQAAyAIAILEBAADJAgAgtgEAAAUAIAMWAADHAgAgsAEAAMgCACC2AQAABQAgAAAAAAGzAUAAAAABBRYAAMICACAXAADFAgAgsAEAAMMCACCxAQAAxAIAILYBAAAFACADFgAAwgIAILABAADDAgAgtgEAAAUAIAAAAAUWAAC9AgAgFwAAwAIAILABAAC-AgAgsQEAAL8CACC2AQAABQAgAxYAAL0CACCwAQAAvgIAILYBAAAFACAAAAAAAAGzASAAAAABAbMBAQAAAAEFswECAAAAAbkBAgAAAAG6AQIAAAABuwECAAAAAbwBAgAAAAEHFgAAtQIAIBcAALsCACCwAQAAtgIAILEBAAC6AgAgtAEAAAcAILUBAAAHACC2AQAAAQAgCxYAAI0CADAXAACSAgAwsAEAAI4CADCxAQAAjwIAMLIBAACQAgAgswEAAJECADC0AQAAkQIAMLUBAACRAgAwtgEAAJECADC3AQAAkwIAMLgBAACUAgAwCxYAAIECADAXAACGAgAwsAEAAIICADCxAQAAgwIAMLIBAACEAgAgswEAAIUCADC0AQAAhQIAMLUBAACFAgAwtgEAAIUCADC3AQAAhwIAMLgBAACIAgAwCxYAAPUBADAXAAD6AQAwsAEAAPYBADCxAQAA9wEAMLIBAAD4AQAgswEAAPkBADC0AQAA-QEAMLUBAAD5AQAwtgEAAPkBADC3AQAA-wEAMLgBAAD8AQAwA3UBAAAAAYQBAQAAAAGFAUAAAAABAgAAABMAIBYAAIACACADAAAAEwAgFgAAgAIAIBcAAP8BACABDwAAuQIAMAkEAADDAQAgcgAAwgEAMHMAABEAEHQAAMIBADB1AQAAAAGDAQEAqwEAIYQBAQCrAQAhhQFAAKwBACGpAQAAwQEAIAIAAAATACAPAAD_AQAgAgAAAP0BACAPAAD-AQAgB3IAAPwBADBzAAD9AQAQdAAA_AEAMHUBAKsBACGDAQEAqwEAIYQBAQCrAQAhhQFAAKwBACEHcgAA_AEAMHMAAP0BABB0AAD8AQAwdQEAqwEAIYMBAQCrAQAhhAEBAKsBACGFAUAArAEAIQN1AQDWAQAhhAEBANYBACGFAUAA1wEAIQN1AQDWAQAhhAEBANYBACGFAUAA1wEAIQN1AQAAAAGEAQEAAAABhQFAAAAAAQt1AQAAAAGFAUAAAAABhgEBAAAAAYcBAQAAAAGIAQEAAAABiQGAAAAAAYoBgAAAAAGLAYAAAAABjAGAAAAAAY0BQAAAAAGOAUAAAAABAgAAAA8AIBYAAIwCACADAAAADwAgFgAAjAIAIBcAAIsCACABDwAAuAIAMBEEAADDAQAgcgAAxQEAMHMAAA0AEHQAAMUBADB1AQAAAAGDAQEAqwEAIYUBQACsAQAhhgEBAKsBACGHAQEAqwEAIYgBAQAAAAGJAQAAxgEAIIoBAADGAQAgiwEAAMYBACCMAQAAxgEAII0BQADHAQAhjgFAAMcBACGqAQAAxAEAIAIAAAAPACAPAACLAgAgAgAAAIkCACAPAACKAgAgD3IAAIgCADBzAACJAgAQdAAAiAIAMHUBAKsBACGDAQEAqwEAIYUBQACsAQAhhgEBAKsBACGHAQEAqwEAIYgBAQCrAQAhiQEAAMYBACCKAQAAxgEAIIsBAADGAQAgjAEAAMYBACCNAUAAxwEAIY4BQADHAQAhD3IAAIgCADBzAACJAgAQdAAAiAIAMHUBAKsBACGDAQEAqwEAIYUBQACsAQAhhgEBAKsBACGHAQEAqwEAIYgBAQCrAQAhiQEAAMYBACCKAQAAxgEAIIsBAADGAQAgjAEAAMYBACCNAUAAxwEAIY4BQADHAQAhC3UBANYBACGFAUAA1wEAIYYBAQDWAQAhhwEBANYBACGIAQEA1gEAIYkBgAAAAAGKAYAAAAABiwGAAAAAAYwBgAAAAAGNAUAA4QEAIY4BQADhAQAhC3UBANYBACGFAUAA1wEAIYYBAQDWAQAhhwEBANYBACGIAQEA1gEAIYkBgAAAAAGKAYAAAAABiwGAAAAAAYwBgAAAAAGNAUAA4QEAIY4BQADhAQAhC3UBAAAAAYUBQAAAAAGGAQEAAAABhwEBAAAAAYgBAQAAAAGJAYAAAAABigGAAAAAAYsBgAAAAAGMAYAAAAABjQFAAAAAAY4BQAAAAAEGdQEAAAABhQFAAAAAAY0BQAAAAAGVAQEAAAABlgEBAAAAAZcBAQAAAAECAAAACwAgFgAAmAIAIAMAAAALACAWAACYAgAgFwAAlwIAIAEPAAC3AgAwCwQAAMMBACByAADIAQAwcwAACQAQdAAAyAEAMHUBAAAAAYMBAQCrAQAhhQFAAKwBACGNAUAArAEAIZUBAQCrAQAhlgEBAKsBACGXAQEAqwEAIQIAAAALACAPAACXAgAgAgAAAJUCACAPAACWAgAgCnIAAJQCADBzAACVAgAQdAAAlAIAMHUBAKsBACGDAQEAqwEAIYUBQACsAQAhjQFAAKwBACGVAQEAqwEAIZYBAQCrAQAhlwEBAKsBACEKcgAAlAIAMHMAAJUCABB0AACUAgAwdQEAqwEAIYMBAQCrAQAhhQFAAKwBACGNAUAArAEAIZUBAQCrAQAhlgEBAKsBACGXAQEAqwEAIQZ1AQDWAQAhhQFAANcBACGNAUAA1wEAIZUBAQDWAQAhlgEBANYBACGXAQEA1gEAIQZ1AQDWAQAhhQFAANcBACGNAUAA1wEAIZUBAQDWAQAhlgEBANYBACGXAQEA1gEAIQZ1AQAAAAGFAUAAAAABjQFAAAAAAZUBAQAAAAGWAQEAAAABlwEBAAAAAQMWAAC1AgAgsAEAALYCACC2AQAAAQAgBBYAAI0CADCwAQAAjgIAMLIBAACQAgAgtgEAAJECADAEFgAAgQIAMLABAACCAgAwsgEAAIQCACC2AQAAhQIAMAQWAAD1AQAwsAEAAPYBADCyAQAA-AEAILYBAAD5AQAwAAAACxYAAKECADAXAACmAgAwsAEAAKICADCxAQAAowIAMLIBAACkAgAgswEAAKUCADC0AQAApQIAMLUBAAClAgAwtgEAAKUCADC3AQAApwIAMLgBAACoAgAwFAUAAJoCACAGAACbAgAgBwAAnAIAIHUBAAAAAYUBQAAAAAGYAQEAAAABmQEBAAAAAZoBAQAAAAGbAQEAAAABnAEBAAAAAZ0BAQAAAAGeAQEAAAABnwEgAAAAAaEBAQAAAAGiAQEAAAABowEgAAAAAaQBIAAAAAGlAQEAAAABpgECAAAAAacBQAAAAAECAAAABQAgFgAArAIAIAMAAAAFACAWAACsAgAgFwAAqwIAIAEPAAC0AgAwGQMAAM8BACAFAADQAQAgBgAA0QEAIAcAANIBACByAADMAQAwcwAAAwAQdAAAzAEAMHUBAAAAAYUBQACsAQAhmAEBAKsBACGZAQEAAAABmgEBAKsBACGbAQEAAAABnAEBAKsBACGdAQEAqwEAIZ4BAQCrAQAhnwEgAMoBACGgAQEAzQEAIaEBAQCrAQAhogEBAKsBACGjASAAygEAIaQBIADKAQAhpQEBAM0BACGmAQIAzgEAIacBQADHAQAhAgAAAAUAIA8AAKsCACACAAAAqQIAIA8AAKoCACAVcgAAqAIAMHMAAKkCABB0AACoAgAwdQEAqwEAIYUBQACsAQAhmAEBAKsBACGZAQEAqwEAIZoBAQCrAQAhmwEBAKsBACGcAQEAqwEAIZ0BAQCrAQAhngEBAKsBACGfASAAygEAIaABAQDNAQAhoQEBAKsBACGiAQEAqwEAIaMBIADKAQAhpAEgAMoBACGlAQEAzQEAIaYBAgDOAQAhpwFAAMcBACEVcgAAqAIAMHMAAKkCABB0AACoAgAwdQEAqwEAIYUBQACsAQAhmAEBAKsBACGZAQEAqwEAIZoBAQCrAQAhmwEBAKsBACGcAQEAqwEAIZ0BAQCrAQAhngEBAKsBACGfASAAygEAIaABAQDNAQAhoQEBAKsBACGiAQEAqwEAIaMBIADKAQAhpAEgAMoBACGlAQEAzQEAIaYBAgDOAQAhpwFAAMcBACERdQEA1gEAIYUBQADXAQAhmAEBANYBACGZAQEA1gEAIZoBAQDWAQAhmwEBANYBACGcAQEA1gEAIZ0BAQDWAQAhngEBANYBACGfASAA7gEAIaEBAQDWAQAhogEBANYBACGjASAA7gEAIaQBIADuAQAhpQEBAO8BACGmAQIA8AEAIacBQADhAQAhFAUAAPIBACAGAADzAQAgBwAA9AEAIHUBANYBACGFAUAA1wEAIZgBAQDWAQAhmQEBANYBACGaAQEA1gEAIZsBAQDWAQAhnAEBANYBACGdAQEA1gEAIZ4BAQDWAQAhnwEgAO4BACGhAQEA1gEAIaIBAQDWAQAhowEgAO4BACGkASAA7gEAIaUBAQDvAQAhpgECAPABACGnAUAA4QEAIRQFAACaAgAgBgAAmwIAIAcAAJwCACB1AQAAAAGFAUAAAAABmAEBAAAAAZkBAQAAAAGaAQEAAAABmwEBAAAAAZwBAQAAAAGdAQEAAAABngEBAAAAAZ8BIAAAAAGhAQEAAAABogEBAAAAAaMBIAAAAAGkASAAAAABpQEBAAAAAaYBAgAAAAGnAUAAAAABBBYAAKECADCwAQAAogIAMLIBAACkAgAgtgEAAKUCADAABwMAALACACAFAACxAgAgBgAAsgIAIAcAALMCACCgAQAA3QEAIKUBAADdAQAgpwEAAN0BACABCQAArgIAIAAAABF1AQAAAAGFAUAAAAABmAEBAAAAAZkBAQAAAAGaAQEAAAABmwEBAAAAAZwBAQAAAAGdAQEAAAABngEBAAAAAZ8BIAAAAAGhAQEAAAABogEBAAAAAaMBIAAAAAGkASAAAAABpQEBAAAAAaYBAgAAAAGnAUAAAAABBXUBAAAAAYUBQAAAAAGGAQEAAAABiwGAAAAAAagBIAAAAAECAAAAAQAgFgAAtQIAIAZ1AQAAAAGFAUAAAAABjQFAAAAAAZUBAQAAAAGWAQEAAAABlwEBAAAAAQt1AQAAAAGFAUAAAAABhgEBAAAAAYcBAQAAAAGIAQEAAAABiQGAAAAAAYoBgAAAAAGLAYAAAAABjAGAAAAAAY0BQAAAAAGOAUAAAAABA3UBAAAAAYQBAQAAAAGFAUAAAAABAwAAAAcAIBYAALUCACAXAAC8AgAgBwAAAAcAIA8AALwCACB1AQDWAQAhhQFAANcBACGGAQEA1gEAIYsBgAAAAAGoASAA7gEAIQV1AQDWAQAhhQFAANcBACGGAQEA1gEAIYsBgAAAAAGoASAA7gEAIRUDAACZAgAgBgAAmwIAIAcAAJwCACB1AQAAAAGFAUAAAAABmAEBAAAAAZkBAQAAAAGaAQEAAAABmwEBAAAAAZwBAQAAAAGdAQEAAAABngEBAAAAAZ8BIAAAAAGgAQEAAAABoQEBAAAAAaIBAQAAAAGjASAAAAABpAEgAAAAAaUBAQAAAAGmAQIAAAABpwFAAAAAAQIAAAAFACAWAAC9AgAgAwAAAAMAIBYAAL0CACAXAADBAgAgFwAAAAMAIAMAAPEBACAGAADzAQAgBwAA9AEAIA8AAMECACB1AQDWAQAhhQFAANcBACGYAQEA1gEAIZkBAQDWAQAhmgEBANYBACGbAQEA1gEAIZwBAQDWAQAhnQEBANYBACGeAQEA1gEAIZ8BIADuAQAhoAEBAO8BACGhAQEA1gEAIaIBAQDWAQAhowEgAO4BACGkASAA7gEAIaUBAQDvAQAhpgECAPABACGnAUAA4QEAIRUDAADxAQAgBgAA8wEAIAcAAPQBACB1AQDWAQAhhQFAANcBACGYAQEA1gEAIZkBAQDWAQAhmgEBANYBACGbAQEA1gEAIZwBAQDWAQAhnQEBANYBACGeAQEA1gEAIZ8BIADuAQAhoAEBAO8BACGhAQEA1gEAIaIBAQDWAQAhowEgAO4BACGkASAA7gEAIaUBAQDvAQAhpgECAPABACGnAUAA4QEAIRUDAACZAgAgBQAAmgIAIAcAAJwCACB1AQAAAAGFAUAAAAABmAEBAAAAAZkBAQAAAAGaAQEAAAABmwEBAAAAAZwBAQAAAAGdAQEAAAABngEBAAAAAZ8BIAAAAAGgAQEAAAABoQEBAAAAAaIBAQAAAAGjASAAAAABpAEgAAAAAaUBAQAAAAGmAQIAAAABpwFAAAAAAQIAAAAFACAWAADCAgAgAwAAAAMAIBYAAMICACAXAADGAgAgFwAAAAMAIAMAAPEBACAFAADyAQAgBwAA9AEAIA8AAMYCACB1AQDWAQAhhQFAANcBACGYAQEA1gEAIZkBAQDWAQAhmgEBANYBACGbAQEA1gEAIZwBAQDWAQAhnQEBANYBACGeAQEA1gEAIZ8BIADuAQAhoAEBAO8BACGhAQEA1gEAIaIBAQDWAQAhowEgAO4BACGkASAA7gEAIaUBAQDvAQAhpgECAPABACGnAUAA4QEAIRUDAADxAQAgBQAA8gEAIAcAAPQBACB1AQDWAQAhhQFAANcBACGYAQEA1gEAIZkBAQDWAQAhmgEBANYBACGbAQEA1gEAIZwBAQDWAQAhnQEBANYBACGeAQEA1gEAIZ8BIADuAQAhoAEBAO8BACGhAQEA1gEAIaIBAQDWAQAhowEgAO4BACGkASAA7gEAIaUBAQDvAQAhpgECAPABACGnAUAA4QEAIRUDAACZAgAgBQAAmgIAIAYAAJsCACB1AQAAAAGFAUAAAAABmAEBAAAAAZkBAQAAAAGaAQEAAAABmwEBAAAAAZwBAQAAAAGdAQEAAAABngEBAAAAAZ8BIAAAAAGgAQEAAAABoQEBAAAAAaIBAQAAAAGjASAAAAABpAEgAAAAAaUBAQAAAAGmAQIAAAABpwFAAAAAAQIAAAAFACAWAADHAgAgAwAAAAMAIBYAAMcCACAXAADLAgAgFwAAAAMAIAMAAPEBACAFAADyAQAgBgAA8wEAIA8AAMsCACB1AQDWAQAhhQFAANcBACGYAQEA1gEAIZkBAQDWAQAhmgEBANYBACGbAQEA1gEAIZwBAQDWAQAhnQEBANYBACGeAQEA1gEAIZ8BIADuAQAhoAEBAO8BACGhAQEA1gEAIaIBAQDWAQAhowEgAO4BACGkASAA7gEAIaUBAQDvAQAhpgECAPABACGnAUAA4QEAIRUDAADxAQAgBQAA8gEAIAYAAPMBACB1AQDWAQAhhQFAANcBACGYAQEA1gEAIZkBAQDWAQAhmgEBANYBACGbAQEA1gEAIZwBAQDWAQAhnQEBANYBACGeAQEA1gEAIZ8BIADuAQAhoAEBAO8BACGhAQEA1gEAIaIBAQDWAQAhowEgAO4BACGkASAA7gEAIaUBAQDvAQAhpgECAPABACGnAUAA4QEAIQIIAAcJBgIFAwgBBQwDBhAEBxQFCAAGAQQAAgEEAAIBBAACAwUVAAYWAAcXAAEJGAAAAAADCAAMHAANHQAOAAAAAwgADBwADR0ADgEDOQEBAz8BBQgAExwAFh0AFy4AFC8AFQAAAAAABQgAExwAFh0AFy4AFC8AFQEEAAIBBAACAwgAHBwAHR0AHgAAAAMIABwcAB0dAB4BBAACAQQAAgMIACMcACQdACUAAAADCAAjHAAkHQAlAQQAAgEEAAIDCAAqHAArHQAsAAAAAwgAKhwAKx0ALAAAAAMIADIcADMdADQAAAADCAAyHAAzHQA0CgIBCxkBDBsBDRwBDh0BEB8BESEIEiIJEyQBFCYIFScKGCgBGSkBGioIHi0LHy4PIC8CITACIjECIzICJDMCJTUCJjcIJzgQKDsCKT0IKj4RK0ACLEECLUIIMEUSMUYYMkcDM0gDNEkDNUoDNksDN00DOE8IOVAZOlIDO1QIPFUaPVYDPlcDP1gIQFsbQVwfQl0EQ14ERF8ERWAERmEER2MESGUISWYgSmgES2oITGshTWwETm0ET24IUHEiUXImUnMFU3QFVHUFVXYFVncFV3kFWHsIWXwnWn4FW4ABCFyBAShdggEFXoMBBV-EAQhghwEpYYgBLWKKAS5jiwEuZI4BLmWPAS5mkAEuZ5IBLmiUAQhplQEvapcBLmuZAQhsmgEwbZsBLm6cAS5vnQEIcKABMXGhATU"
};
async function decodeBase64AsWasm(wasmBase64) {
  const { Buffer: Buffer2 } = await import("node:buffer");
  const wasmArray = Buffer2.from(wasmBase64, "base64");
  return new WebAssembly.Module(wasmArray);
}
config.compilerWasm = {
  getRuntime: async () => await import("@prisma/client/runtime/query_compiler_fast_bg.postgresql.mjs"),
  getQueryCompilerWasmModule: async () => {
    const { wasm } = await import("@prisma/client/runtime/query_compiler_fast_bg.postgresql.wasm-base64.mjs");
    return await decodeBase64AsWasm(wasm);
  },
  importName: "./query_compiler_fast_bg.js"
};
function getPrismaClientClass() {
  return runtime.getPrismaClient(config);
}

// src/db/generated/postgresql/internal/prismaNamespace.ts
import * as runtime2 from "@prisma/client/runtime/client";
var getExtensionContext = runtime2.Extensions.getExtensionContext;
var NullTypes2 = {
  DbNull: runtime2.NullTypes.DbNull,
  JsonNull: runtime2.NullTypes.JsonNull,
  AnyNull: runtime2.NullTypes.AnyNull
};
var TransactionIsolationLevel = runtime2.makeStrictEnum({
  ReadUncommitted: "ReadUncommitted",
  ReadCommitted: "ReadCommitted",
  RepeatableRead: "RepeatableRead",
  Serializable: "Serializable"
});
var defineExtension = runtime2.Extensions.defineExtension;

// src/db/generated/postgresql/client.ts
globalThis["__dirname"] = path.dirname(fileURLToPath(import.meta.url));
var PrismaClient = getPrismaClientClass();

// src/db/generated/sqlite/client.ts
import * as path2 from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";
import "@prisma/client/runtime/client";

// src/db/generated/sqlite/internal/class.ts
import * as runtime4 from "@prisma/client/runtime/client";
var config2 = {
  "previewFeatures": [],
  "clientVersion": "7.10.1",
  "engineVersion": "d1b3f377ca835d73fd50954a5e22128b9ebdd6b8",
  "activeProvider": "sqlite",
  "inlineSchema": '// The one schema. It is written for SQLite; scripts/prisma.mjs derives the\n// PostgreSQL twin from it, so use only features both providers support\n// (no native arrays or enums: JSON columns hold lists).\n\ngenerator client {\n  provider     = "prisma-client"\n  output       = "../src/db/generated/sqlite"\n  moduleFormat = "esm"\n}\n\ndatasource db {\n  provider = "sqlite"\n}\n\nmodel Role {\n  id               String   @id\n  name             String   @unique\n  adminPermissions Json     @default("[]") @map("admin_permissions")\n  requireTwoFactor Boolean  @default(false) @map("require_two_factor")\n  created          DateTime @default(now())\n  users            User[]\n\n  @@map("roles")\n}\n\nmodel User {\n  id                    String         @id\n  username              String\n  // Lower-cased copies carry the case-insensitive uniqueness in a constraint.\n  usernameKey           String         @unique @map("username_key")\n  email                 String\n  emailKey              String         @unique @map("email_key")\n  nameFirst             String         @map("name_first")\n  nameLast              String         @map("name_last")\n  passwordHash          String         @map("password_hash")\n  admin                 Boolean        @default(false)\n  roleId                String?        @map("role_id")\n  role                  Role?          @relation(fields: [roleId], references: [id], onDelete: SetNull)\n  language              String         @default("en")\n  toastPosition         String         @default("bottom_right") @map("toast_position")\n  startOnGroupedServers Boolean        @default(true) @map("start_on_grouped_servers")\n  totpEnabled           Boolean        @default(false) @map("totp_enabled")\n  // AES-GCM sealed; pending while totp_enabled is false.\n  totpSecret            String?        @map("totp_secret")\n  // Highest TOTP time step ever accepted: a step at or below it is a replay.\n  totpLastStep          Int            @default(0) @map("totp_last_step")\n  totpLastUsed          DateTime?      @map("totp_last_used")\n  created               DateTime       @default(now())\n  sessions              Session[]\n  apiKeys               ApiKey[]\n  recoveryCodes         RecoveryCode[]\n\n  @@index([roleId])\n  @@map("users")\n}\n\nmodel Session {\n  id         String   @id\n  userId     String   @map("user_id")\n  user       User     @relation(fields: [userId], references: [id], onDelete: Cascade)\n  secretHash String   @map("secret_hash")\n  ip         String\n  userAgent  String   @map("user_agent")\n  lastUsed   DateTime @map("last_used")\n  created    DateTime @default(now())\n\n  @@index([userId, lastUsed])\n  @@index([lastUsed])\n  @@map("sessions")\n}\n\nmodel ApiKey {\n  id                String    @id\n  userId            String    @map("user_id")\n  user              User      @relation(fields: [userId], references: [id], onDelete: Cascade)\n  name              String\n  keyStart          String    @map("key_start")\n  keyHash           String    @unique @map("key_hash")\n  allowedIps        Json      @map("allowed_ips")\n  userPermissions   Json      @map("user_permissions")\n  adminPermissions  Json      @map("admin_permissions")\n  serverPermissions Json      @map("server_permissions")\n  lastUsed          DateTime? @map("last_used")\n  expires           DateTime?\n  created           DateTime  @default(now())\n\n  @@unique([userId, name])\n  @@index([userId, created])\n  @@map("api_keys")\n}\n\nmodel RecoveryCode {\n  id       String   @id\n  userId   String   @map("user_id")\n  user     User     @relation(fields: [userId], references: [id], onDelete: Cascade)\n  codeHash String   @map("code_hash")\n  created  DateTime @default(now())\n\n  @@unique([userId, codeHash])\n  @@map("recovery_codes")\n}\n\n// One row per accepted attempt: a sliding-window log shared by every instance.\nmodel RateLimitHit {\n  id     String   @id\n  bucket String\n  at     DateTime\n\n  @@index([bucket, at])\n  @@map("rate_limit_hits")\n}\n',
  "runtimeDataModel": {
    "models": {},
    "enums": {},
    "types": {}
  },
  "parameterizationSchema": {
    "strings": [],
    "graph": ""
  }
};
config2.runtimeDataModel = JSON.parse('{"models":{"Role":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"name","kind":"scalar","type":"String"},{"name":"adminPermissions","kind":"scalar","type":"Json","dbName":"admin_permissions"},{"name":"requireTwoFactor","kind":"scalar","type":"Boolean","dbName":"require_two_factor"},{"name":"created","kind":"scalar","type":"DateTime"},{"name":"users","kind":"object","type":"User","relationName":"RoleToUser"}],"dbName":"roles","schema":null},"User":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"username","kind":"scalar","type":"String"},{"name":"usernameKey","kind":"scalar","type":"String","dbName":"username_key"},{"name":"email","kind":"scalar","type":"String"},{"name":"emailKey","kind":"scalar","type":"String","dbName":"email_key"},{"name":"nameFirst","kind":"scalar","type":"String","dbName":"name_first"},{"name":"nameLast","kind":"scalar","type":"String","dbName":"name_last"},{"name":"passwordHash","kind":"scalar","type":"String","dbName":"password_hash"},{"name":"admin","kind":"scalar","type":"Boolean"},{"name":"roleId","kind":"scalar","type":"String","dbName":"role_id"},{"name":"role","kind":"object","type":"Role","relationName":"RoleToUser"},{"name":"language","kind":"scalar","type":"String"},{"name":"toastPosition","kind":"scalar","type":"String","dbName":"toast_position"},{"name":"startOnGroupedServers","kind":"scalar","type":"Boolean","dbName":"start_on_grouped_servers"},{"name":"totpEnabled","kind":"scalar","type":"Boolean","dbName":"totp_enabled"},{"name":"totpSecret","kind":"scalar","type":"String","dbName":"totp_secret"},{"name":"totpLastStep","kind":"scalar","type":"Int","dbName":"totp_last_step"},{"name":"totpLastUsed","kind":"scalar","type":"DateTime","dbName":"totp_last_used"},{"name":"created","kind":"scalar","type":"DateTime"},{"name":"sessions","kind":"object","type":"Session","relationName":"SessionToUser"},{"name":"apiKeys","kind":"object","type":"ApiKey","relationName":"ApiKeyToUser"},{"name":"recoveryCodes","kind":"object","type":"RecoveryCode","relationName":"RecoveryCodeToUser"}],"dbName":"users","schema":null},"Session":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"userId","kind":"scalar","type":"String","dbName":"user_id"},{"name":"user","kind":"object","type":"User","relationName":"SessionToUser"},{"name":"secretHash","kind":"scalar","type":"String","dbName":"secret_hash"},{"name":"ip","kind":"scalar","type":"String"},{"name":"userAgent","kind":"scalar","type":"String","dbName":"user_agent"},{"name":"lastUsed","kind":"scalar","type":"DateTime","dbName":"last_used"},{"name":"created","kind":"scalar","type":"DateTime"}],"dbName":"sessions","schema":null},"ApiKey":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"userId","kind":"scalar","type":"String","dbName":"user_id"},{"name":"user","kind":"object","type":"User","relationName":"ApiKeyToUser"},{"name":"name","kind":"scalar","type":"String"},{"name":"keyStart","kind":"scalar","type":"String","dbName":"key_start"},{"name":"keyHash","kind":"scalar","type":"String","dbName":"key_hash"},{"name":"allowedIps","kind":"scalar","type":"Json","dbName":"allowed_ips"},{"name":"userPermissions","kind":"scalar","type":"Json","dbName":"user_permissions"},{"name":"adminPermissions","kind":"scalar","type":"Json","dbName":"admin_permissions"},{"name":"serverPermissions","kind":"scalar","type":"Json","dbName":"server_permissions"},{"name":"lastUsed","kind":"scalar","type":"DateTime","dbName":"last_used"},{"name":"expires","kind":"scalar","type":"DateTime"},{"name":"created","kind":"scalar","type":"DateTime"}],"dbName":"api_keys","schema":null},"RecoveryCode":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"userId","kind":"scalar","type":"String","dbName":"user_id"},{"name":"user","kind":"object","type":"User","relationName":"RecoveryCodeToUser"},{"name":"codeHash","kind":"scalar","type":"String","dbName":"code_hash"},{"name":"created","kind":"scalar","type":"DateTime"}],"dbName":"recovery_codes","schema":null},"RateLimitHit":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"bucket","kind":"scalar","type":"String"},{"name":"at","kind":"scalar","type":"DateTime"}],"dbName":"rate_limit_hits","schema":null}},"enums":{},"types":{}}');
config2.parameterizationSchema = {
  strings: JSON.parse('["where","orderBy","cursor","role","user","sessions","apiKeys","recoveryCodes","_count","users","Role.findUnique","Role.findUniqueOrThrow","Role.findFirst","Role.findFirstOrThrow","Role.findMany","data","Role.createOne","Role.createMany","Role.createManyAndReturn","Role.updateOne","Role.updateMany","Role.updateManyAndReturn","create","update","Role.upsertOne","Role.deleteOne","Role.deleteMany","having","_min","_max","Role.groupBy","Role.aggregate","User.findUnique","User.findUniqueOrThrow","User.findFirst","User.findFirstOrThrow","User.findMany","User.createOne","User.createMany","User.createManyAndReturn","User.updateOne","User.updateMany","User.updateManyAndReturn","User.upsertOne","User.deleteOne","User.deleteMany","_avg","_sum","User.groupBy","User.aggregate","Session.findUnique","Session.findUniqueOrThrow","Session.findFirst","Session.findFirstOrThrow","Session.findMany","Session.createOne","Session.createMany","Session.createManyAndReturn","Session.updateOne","Session.updateMany","Session.updateManyAndReturn","Session.upsertOne","Session.deleteOne","Session.deleteMany","Session.groupBy","Session.aggregate","ApiKey.findUnique","ApiKey.findUniqueOrThrow","ApiKey.findFirst","ApiKey.findFirstOrThrow","ApiKey.findMany","ApiKey.createOne","ApiKey.createMany","ApiKey.createManyAndReturn","ApiKey.updateOne","ApiKey.updateMany","ApiKey.updateManyAndReturn","ApiKey.upsertOne","ApiKey.deleteOne","ApiKey.deleteMany","ApiKey.groupBy","ApiKey.aggregate","RecoveryCode.findUnique","RecoveryCode.findUniqueOrThrow","RecoveryCode.findFirst","RecoveryCode.findFirstOrThrow","RecoveryCode.findMany","RecoveryCode.createOne","RecoveryCode.createMany","RecoveryCode.createManyAndReturn","RecoveryCode.updateOne","RecoveryCode.updateMany","RecoveryCode.updateManyAndReturn","RecoveryCode.upsertOne","RecoveryCode.deleteOne","RecoveryCode.deleteMany","RecoveryCode.groupBy","RecoveryCode.aggregate","RateLimitHit.findUnique","RateLimitHit.findUniqueOrThrow","RateLimitHit.findFirst","RateLimitHit.findFirstOrThrow","RateLimitHit.findMany","RateLimitHit.createOne","RateLimitHit.createMany","RateLimitHit.createManyAndReturn","RateLimitHit.updateOne","RateLimitHit.updateMany","RateLimitHit.updateManyAndReturn","RateLimitHit.upsertOne","RateLimitHit.deleteOne","RateLimitHit.deleteMany","RateLimitHit.groupBy","RateLimitHit.aggregate","AND","OR","NOT","id","bucket","at","equals","in","notIn","lt","lte","gt","gte","not","contains","startsWith","endsWith","userId","codeHash","created","name","keyStart","keyHash","allowedIps","userPermissions","adminPermissions","serverPermissions","lastUsed","expires","string_contains","string_starts_with","string_ends_with","array_starts_with","array_ends_with","secretHash","ip","userAgent","username","usernameKey","email","emailKey","nameFirst","nameLast","passwordHash","admin","roleId","language","toastPosition","startOnGroupedServers","totpEnabled","totpSecret","totpLastStep","totpLastUsed","requireTwoFactor","userId_codeHash","userId_name","every","some","none","is","isNot","connectOrCreate","upsert","createMany","set","disconnect","delete","connect","updateMany","deleteMany","increment","decrement","multiply","divide"]'),
  graph: "ywI1YAkJAADLAQAgcgAAyQEAMHMAAAcAEHQAAMkBADB1AQAAAAGFAUAArAEAIYYBAQAAAAGLAQAAxgEAIKcBIADKAQAhAQAAAAEAIBkDAADPAQAgBQAA0AEAIAYAANEBACAHAADSAQAgcgAAzAEAMHMAAAMAEHQAAMwBADB1AQCrAQAhhQFAAKwBACGXAQEAqwEAIZgBAQCrAQAhmQEBAKsBACGaAQEAqwEAIZsBAQCrAQAhnAEBAKsBACGdAQEAqwEAIZ4BIADKAQAhnwEBAM0BACGgAQEAqwEAIaEBAQCrAQAhogEgAMoBACGjASAAygEAIaQBAQDNAQAhpQECAM4BACGmAUAAxwEAIQcDAACwAgAgBQAAsQIAIAYAALICACAHAACzAgAgnwEAAN0BACCkAQAA3QEAIKYBAADdAQAgGQMAAM8BACAFAADQAQAgBgAA0QEAIAcAANIBACByAADMAQAwcwAAAwAQdAAAzAEAMHUBAAAAAYUBQACsAQAhlwEBAKsBACGYAQEAAAABmQEBAKsBACGaAQEAAAABmwEBAKsBACGcAQEAqwEAIZ0BAQCrAQAhngEgAMoBACGfAQEAzQEAIaABAQCrAQAhoQEBAKsBACGiASAAygEAIaMBIADKAQAhpAEBAM0BACGlAQIAzgEAIaYBQADHAQAhAwAAAAMAIAEAAAQAMAIAAAUAIAkJAADLAQAgcgAAyQEAMHMAAAcAEHQAAMkBADB1AQCrAQAhhQFAAKwBACGGAQEAqwEAIYsBAADGAQAgpwEgAMoBACEBAAAABwAgCwQAAMMBACByAADIAQAwcwAACQAQdAAAyAEAMHUBAKsBACGDAQEAqwEAIYUBQACsAQAhjQFAAKwBACGUAQEAqwEAIZUBAQCrAQAhlgEBAKsBACEBBAAArwIAIAsEAADDAQAgcgAAyAEAMHMAAAkAEHQAAMgBADB1AQAAAAGDAQEAqwEAIYUBQACsAQAhjQFAAKwBACGUAQEAqwEAIZUBAQCrAQAhlgEBAKsBACEDAAAACQAgAQAACgAwAgAACwAgEAQAAMMBACByAADFAQAwcwAADQAQdAAAxQEAMHUBAKsBACGDAQEAqwEAIYUBQACsAQAhhgEBAKsBACGHAQEAqwEAIYgBAQCrAQAhiQEAAMYBACCKAQAAxgEAIIsBAADGAQAgjAEAAMYBACCNAUAAxwEAIY4BQADHAQAhAwQAAK8CACCNAQAA3QEAII4BAADdAQAgEQQAAMMBACByAADFAQAwcwAADQAQdAAAxQEAMHUBAAAAAYMBAQCrAQAhhQFAAKwBACGGAQEAqwEAIYcBAQCrAQAhiAEBAAAAAYkBAADGAQAgigEAAMYBACCLAQAAxgEAIIwBAADGAQAgjQFAAMcBACGOAUAAxwEAIakBAADEAQAgAwAAAA0AIAEAAA4AMAIAAA8AIAgEAADDAQAgcgAAwgEAMHMAABEAEHQAAMIBADB1AQCrAQAhgwEBAKsBACGEAQEAqwEAIYUBQACsAQAhAQQAAK8CACAJBAAAwwEAIHIAAMIBADBzAAARABB0AADCAQAwdQEAAAABgwEBAKsBACGEAQEAqwEAIYUBQACsAQAhqAEAAMEBACADAAAAEQAgAQAAEgAwAgAAEwAgAQAAAAkAIAEAAAANACABAAAAEQAgAQAAAAMAIAEAAAABACABCQAArgIAIAMAAAAHACABAAAaADACAAABACADAAAABwAgAQAAGgAwAgAAAQAgAwAAAAcAIAEAABoAMAIAAAEAIAYJAACtAgAgdQEAAAABhQFAAAAAAYYBAQAAAAGLAYAAAAABpwEgAAAAAQEPAAAeACAFdQEAAAABhQFAAAAAAYYBAQAAAAGLAYAAAAABpwEgAAAAAQEPAAAgADABDwAAIAAwBgkAAKACACB1AQDWAQAhhQFAANcBACGGAQEA1gEAIYsBgAAAAAGnASAA7gEAIQIAAAABACAPAAAjACAFdQEA1gEAIYUBQADXAQAhhgEBANYBACGLAYAAAAABpwEgAO4BACECAAAABwAgDwAAJQAgAgAAAAcAIA8AACUAIAMAAAABACAWAAAeACAXAAAjACABAAAAAQAgAQAAAAcAIAMIAACdAgAgHAAAnwIAIB0AAJ4CACAIcgAAwAEAMHMAACwAEHQAAMABADB1AQCjAQAhhQFAAKQBACGGAQEAowEAIYsBAACvAQAgpwEgALcBACEDAAAABwAgAQAAKwAwGwAALAAgAwAAAAcAIAEAABoAMAIAAAEAIAEAAAAFACABAAAABQAgAwAAAAMAIAEAAAQAMAIAAAUAIAMAAAADACABAAAEADACAAAFACADAAAAAwAgAQAABAAwAgAABQAgFgMAAJkCACAFAACaAgAgBgAAmwIAIAcAAJwCACB1AQAAAAGFAUAAAAABlwEBAAAAAZgBAQAAAAGZAQEAAAABmgEBAAAAAZsBAQAAAAGcAQEAAAABnQEBAAAAAZ4BIAAAAAGfAQEAAAABoAEBAAAAAaEBAQAAAAGiASAAAAABowEgAAAAAaQBAQAAAAGlAQIAAAABpgFAAAAAAQEPAAA0ACASdQEAAAABhQFAAAAAAZcBAQAAAAGYAQEAAAABmQEBAAAAAZoBAQAAAAGbAQEAAAABnAEBAAAAAZ0BAQAAAAGeASAAAAABnwEBAAAAAaABAQAAAAGhAQEAAAABogEgAAAAAaMBIAAAAAGkAQEAAAABpQECAAAAAaYBQAAAAAEBDwAANgAwAQ8AADYAMAEAAAAHACAWAwAA8QEAIAUAAPIBACAGAADzAQAgBwAA9AEAIHUBANYBACGFAUAA1wEAIZcBAQDWAQAhmAEBANYBACGZAQEA1gEAIZoBAQDWAQAhmwEBANYBACGcAQEA1gEAIZ0BAQDWAQAhngEgAO4BACGfAQEA7wEAIaABAQDWAQAhoQEBANYBACGiASAA7gEAIaMBIADuAQAhpAEBAO8BACGlAQIA8AEAIaYBQADhAQAhAgAAAAUAIA8AADoAIBJ1AQDWAQAhhQFAANcBACGXAQEA1gEAIZgBAQDWAQAhmQEBANYBACGaAQEA1gEAIZsBAQDWAQAhnAEBANYBACGdAQEA1gEAIZ4BIADuAQAhnwEBAO8BACGgAQEA1gEAIaEBAQDWAQAhogEgAO4BACGjASAA7gEAIaQBAQDvAQAhpQECAPABACGmAUAA4QEAIQIAAAADACAPAAA8ACACAAAAAwAgDwAAPAAgAQAAAAcAIAMAAAAFACAWAAA0ACAXAAA6ACABAAAABQAgAQAAAAMAIAgIAADpAQAgHAAA7AEAIB0AAOsBACAuAADqAQAgLwAA7QEAIJ8BAADdAQAgpAEAAN0BACCmAQAA3QEAIBVyAAC2AQAwcwAARAAQdAAAtgEAMHUBAKMBACGFAUAApAEAIZcBAQCjAQAhmAEBAKMBACGZAQEAowEAIZoBAQCjAQAhmwEBAKMBACGcAQEAowEAIZ0BAQCjAQAhngEgALcBACGfAQEAuAEAIaABAQCjAQAhoQEBAKMBACGiASAAtwEAIaMBIAC3AQAhpAEBALgBACGlAQIAuQEAIaYBQACwAQAhAwAAAAMAIAEAAEMAMBsAAEQAIAMAAAADACABAAAEADACAAAFACABAAAACwAgAQAAAAsAIAMAAAAJACABAAAKADACAAALACADAAAACQAgAQAACgAwAgAACwAgAwAAAAkAIAEAAAoAMAIAAAsAIAgEAADoAQAgdQEAAAABgwEBAAAAAYUBQAAAAAGNAUAAAAABlAEBAAAAAZUBAQAAAAGWAQEAAAABAQ8AAEwAIAd1AQAAAAGDAQEAAAABhQFAAAAAAY0BQAAAAAGUAQEAAAABlQEBAAAAAZYBAQAAAAEBDwAATgAwAQ8AAE4AMAgEAADnAQAgdQEA1gEAIYMBAQDWAQAhhQFAANcBACGNAUAA1wEAIZQBAQDWAQAhlQEBANYBACGWAQEA1gEAIQIAAAALACAPAABRACAHdQEA1gEAIYMBAQDWAQAhhQFAANcBACGNAUAA1wEAIZQBAQDWAQAhlQEBANYBACGWAQEA1gEAIQIAAAAJACAPAABTACACAAAACQAgDwAAUwAgAwAAAAsAIBYAAEwAIBcAAFEAIAEAAAALACABAAAACQAgAwgAAOQBACAcAADmAQAgHQAA5QEAIApyAAC1AQAwcwAAWgAQdAAAtQEAMHUBAKMBACGDAQEAowEAIYUBQACkAQAhjQFAAKQBACGUAQEAowEAIZUBAQCjAQAhlgEBAKMBACEDAAAACQAgAQAAWQAwGwAAWgAgAwAAAAkAIAEAAAoAMAIAAAsAIAEAAAAPACABAAAADwAgAwAAAA0AIAEAAA4AMAIAAA8AIAMAAAANACABAAAOADACAAAPACADAAAADQAgAQAADgAwAgAADwAgDQQAAOMBACB1AQAAAAGDAQEAAAABhQFAAAAAAYYBAQAAAAGHAQEAAAABiAEBAAAAAYkBgAAAAAGKAYAAAAABiwGAAAAAAYwBgAAAAAGNAUAAAAABjgFAAAAAAQEPAABiACAMdQEAAAABgwEBAAAAAYUBQAAAAAGGAQEAAAABhwEBAAAAAYgBAQAAAAGJAYAAAAABigGAAAAAAYsBgAAAAAGMAYAAAAABjQFAAAAAAY4BQAAAAAEBDwAAZAAwAQ8AAGQAMA0EAADiAQAgdQEA1gEAIYMBAQDWAQAhhQFAANcBACGGAQEA1gEAIYcBAQDWAQAhiAEBANYBACGJAYAAAAABigGAAAAAAYsBgAAAAAGMAYAAAAABjQFAAOEBACGOAUAA4QEAIQIAAAAPACAPAABnACAMdQEA1gEAIYMBAQDWAQAhhQFAANcBACGGAQEA1gEAIYcBAQDWAQAhiAEBANYBACGJAYAAAAABigGAAAAAAYsBgAAAAAGMAYAAAAABjQFAAOEBACGOAUAA4QEAIQIAAAANACAPAABpACACAAAADQAgDwAAaQAgAwAAAA8AIBYAAGIAIBcAAGcAIAEAAAAPACABAAAADQAgBQgAAN4BACAcAADgAQAgHQAA3wEAII0BAADdAQAgjgEAAN0BACAPcgAArgEAMHMAAHAAEHQAAK4BADB1AQCjAQAhgwEBAKMBACGFAUAApAEAIYYBAQCjAQAhhwEBAKMBACGIAQEAowEAIYkBAACvAQAgigEAAK8BACCLAQAArwEAIIwBAACvAQAgjQFAALABACGOAUAAsAEAIQMAAAANACABAABvADAbAABwACADAAAADQAgAQAADgAwAgAADwAgAQAAABMAIAEAAAATACADAAAAEQAgAQAAEgAwAgAAEwAgAwAAABEAIAEAABIAMAIAABMAIAMAAAARACABAAASADACAAATACAFBAAA3AEAIHUBAAAAAYMBAQAAAAGEAQEAAAABhQFAAAAAAQEPAAB4ACAEdQEAAAABgwEBAAAAAYQBAQAAAAGFAUAAAAABAQ8AAHoAMAEPAAB6ADAFBAAA2wEAIHUBANYBACGDAQEA1gEAIYQBAQDWAQAhhQFAANcBACECAAAAEwAgDwAAfQAgBHUBANYBACGDAQEA1gEAIYQBAQDWAQAhhQFAANcBACECAAAAEQAgDwAAfwAgAgAAABEAIA8AAH8AIAMAAAATACAWAAB4ACAXAAB9ACABAAAAEwAgAQAAABEAIAMIAADYAQAgHAAA2gEAIB0AANkBACAHcgAArQEAMHMAAIYBABB0AACtAQAwdQEAowEAIYMBAQCjAQAhhAEBAKMBACGFAUAApAEAIQMAAAARACABAACFAQAwGwAAhgEAIAMAAAARACABAAASADACAAATACAGcgAAqgEAMHMAAIwBABB0AACqAQAwdQEAAAABdgEAqwEAIXdAAKwBACEBAAAAiQEAIAEAAACJAQAgBnIAAKoBADBzAACMAQAQdAAAqgEAMHUBAKsBACF2AQCrAQAhd0AArAEAIQADAAAAjAEAIAEAAI0BADACAACJAQAgAwAAAIwBACABAACNAQAwAgAAiQEAIAMAAACMAQAgAQAAjQEAMAIAAIkBACADdQEAAAABdgEAAAABd0AAAAABAQ8AAJEBACADdQEAAAABdgEAAAABd0AAAAABAQ8AAJMBADABDwAAkwEAMAN1AQDWAQAhdgEA1gEAIXdAANcBACECAAAAiQEAIA8AAJYBACADdQEA1gEAIXYBANYBACF3QADXAQAhAgAAAIwBACAPAACYAQAgAgAAAIwBACAPAACYAQAgAwAAAIkBACAWAACRAQAgFwAAlgEAIAEAAACJAQAgAQAAAIwBACADCAAA0wEAIBwAANUBACAdAADUAQAgBnIAAKIBADBzAACfAQAQdAAAogEAMHUBAKMBACF2AQCjAQAhd0AApAEAIQMAAACMAQAgAQAAngEAMBsAAJ8BACADAAAAjAEAIAEAAI0BADACAACJAQAgBnIAAKIBADBzAACfAQAQdAAAogEAMHUBAKMBACF2AQCjAQAhd0AApAEAIQ4IAACmAQAgHAAAqQEAIB0AAKkBACB4AQAAAAF5AQAAAAR6AQAAAAR7AQAAAAF8AQAAAAF9AQAAAAF-AQAAAAF_AQCoAQAhgAEBAAAAAYEBAQAAAAGCAQEAAAABCwgAAKYBACAcAACnAQAgHQAApwEAIHhAAAAAAXlAAAAABHpAAAAABHtAAAAAAXxAAAAAAX1AAAAAAX5AAAAAAX9AAKUBACELCAAApgEAIBwAAKcBACAdAACnAQAgeEAAAAABeUAAAAAEekAAAAAEe0AAAAABfEAAAAABfUAAAAABfkAAAAABf0AApQEAIQh4AgAAAAF5AgAAAAR6AgAAAAR7AgAAAAF8AgAAAAF9AgAAAAF-AgAAAAF_AgCmAQAhCHhAAAAAAXlAAAAABHpAAAAABHtAAAAAAXxAAAAAAX1AAAAAAX5AAAAAAX9AAKcBACEOCAAApgEAIBwAAKkBACAdAACpAQAgeAEAAAABeQEAAAAEegEAAAAEewEAAAABfAEAAAABfQEAAAABfgEAAAABfwEAqAEAIYABAQAAAAGBAQEAAAABggEBAAAAAQt4AQAAAAF5AQAAAAR6AQAAAAR7AQAAAAF8AQAAAAF9AQAAAAF-AQAAAAF_AQCpAQAhgAEBAAAAAYEBAQAAAAGCAQEAAAABBnIAAKoBADBzAACMAQAQdAAAqgEAMHUBAKsBACF2AQCrAQAhd0AArAEAIQt4AQAAAAF5AQAAAAR6AQAAAAR7AQAAAAF8AQAAAAF9AQAAAAF-AQAAAAF_AQCpAQAhgAEBAAAAAYEBAQAAAAGCAQEAAAABCHhAAAAAAXlAAAAABHpAAAAABHtAAAAAAXxAAAAAAX1AAAAAAX5AAAAAAX9AAKcBACEHcgAArQEAMHMAAIYBABB0AACtAQAwdQEAowEAIYMBAQCjAQAhhAEBAKMBACGFAUAApAEAIQ9yAACuAQAwcwAAcAAQdAAArgEAMHUBAKMBACGDAQEAowEAIYUBQACkAQAhhgEBAKMBACGHAQEAowEAIYgBAQCjAQAhiQEAAK8BACCKAQAArwEAIIsBAACvAQAgjAEAAK8BACCNAUAAsAEAIY4BQACwAQAhCggAAKYBACAcAAC0AQAgHQAAtAEAIHiAAAAAAX-AAAAAAY8BAQAAAAGQAQEAAAABkQEBAAAAAZIBgAAAAAGTAYAAAAABCwgAALIBACAcAACzAQAgHQAAswEAIHhAAAAAAXlAAAAABXpAAAAABXtAAAAAAXxAAAAAAX1AAAAAAX5AAAAAAX9AALEBACELCAAAsgEAIBwAALMBACAdAACzAQAgeEAAAAABeUAAAAAFekAAAAAFe0AAAAABfEAAAAABfUAAAAABfkAAAAABf0AAsQEAIQh4AgAAAAF5AgAAAAV6AgAAAAV7AgAAAAF8AgAAAAF9AgAAAAF-AgAAAAF_AgCyAQAhCHhAAAAAAXlAAAAABXpAAAAABXtAAAAAAXxAAAAAAX1AAAAAAX5AAAAAAX9AALMBACEHeIAAAAABf4AAAAABjwEBAAAAAZABAQAAAAGRAQEAAAABkgGAAAAAAZMBgAAAAAEKcgAAtQEAMHMAAFoAEHQAALUBADB1AQCjAQAhgwEBAKMBACGFAUAApAEAIY0BQACkAQAhlAEBAKMBACGVAQEAowEAIZYBAQCjAQAhFXIAALYBADBzAABEABB0AAC2AQAwdQEAowEAIYUBQACkAQAhlwEBAKMBACGYAQEAowEAIZkBAQCjAQAhmgEBAKMBACGbAQEAowEAIZwBAQCjAQAhnQEBAKMBACGeASAAtwEAIZ8BAQC4AQAhoAEBAKMBACGhAQEAowEAIaIBIAC3AQAhowEgALcBACGkAQEAuAEAIaUBAgC5AQAhpgFAALABACEFCAAApgEAIBwAAL8BACAdAAC_AQAgeCAAAAABfyAAvgEAIQ4IAACyAQAgHAAAvQEAIB0AAL0BACB4AQAAAAF5AQAAAAV6AQAAAAV7AQAAAAF8AQAAAAF9AQAAAAF-AQAAAAF_AQC8AQAhgAEBAAAAAYEBAQAAAAGCAQEAAAABDQgAAKYBACAcAACmAQAgHQAApgEAIC4AALsBACAvAACmAQAgeAIAAAABeQIAAAAEegIAAAAEewIAAAABfAIAAAABfQIAAAABfgIAAAABfwIAugEAIQ0IAACmAQAgHAAApgEAIB0AAKYBACAuAAC7AQAgLwAApgEAIHgCAAAAAXkCAAAABHoCAAAABHsCAAAAAXwCAAAAAX0CAAAAAX4CAAAAAX8CALoBACEIeAgAAAABeQgAAAAEeggAAAAEewgAAAABfAgAAAABfQgAAAABfggAAAABfwgAuwEAIQ4IAACyAQAgHAAAvQEAIB0AAL0BACB4AQAAAAF5AQAAAAV6AQAAAAV7AQAAAAF8AQAAAAF9AQAAAAF-AQAAAAF_AQC8AQAhgAEBAAAAAYEBAQAAAAGCAQEAAAABC3gBAAAAAXkBAAAABXoBAAAABXsBAAAAAXwBAAAAAX0BAAAAAX4BAAAAAX8BAL0BACGAAQEAAAABgQEBAAAAAYIBAQAAAAEFCAAApgEAIBwAAL8BACAdAAC_AQAgeCAAAAABfyAAvgEAIQJ4IAAAAAF_IAC_AQAhCHIAAMABADBzAAAsABB0AADAAQAwdQEAowEAIYUBQACkAQAhhgEBAKMBACGLAQAArwEAIKcBIAC3AQAhAoMBAQAAAAGEAQEAAAABCAQAAMMBACByAADCAQAwcwAAEQAQdAAAwgEAMHUBAKsBACGDAQEAqwEAIYQBAQCrAQAhhQFAAKwBACEbAwAAzwEAIAUAANABACAGAADRAQAgBwAA0gEAIHIAAMwBADBzAAADABB0AADMAQAwdQEAqwEAIYUBQACsAQAhlwEBAKsBACGYAQEAqwEAIZkBAQCrAQAhmgEBAKsBACGbAQEAqwEAIZwBAQCrAQAhnQEBAKsBACGeASAAygEAIZ8BAQDNAQAhoAEBAKsBACGhAQEAqwEAIaIBIADKAQAhowEgAMoBACGkAQEAzQEAIaUBAgDOAQAhpgFAAMcBACGtAQAAAwAgrgEAAAMAIAKDAQEAAAABhgEBAAAAARAEAADDAQAgcgAAxQEAMHMAAA0AEHQAAMUBADB1AQCrAQAhgwEBAKsBACGFAUAArAEAIYYBAQCrAQAhhwEBAKsBACGIAQEAqwEAIYkBAADGAQAgigEAAMYBACCLAQAAxgEAIIwBAADGAQAgjQFAAMcBACGOAUAAxwEAIQd4gAAAAAF_gAAAAAGPAQEAAAABkAEBAAAAAZEBAQAAAAGSAYAAAAABkwGAAAAAAQh4QAAAAAF5QAAAAAV6QAAAAAV7QAAAAAF8QAAAAAF9QAAAAAF-QAAAAAF_QACzAQAhCwQAAMMBACByAADIAQAwcwAACQAQdAAAyAEAMHUBAKsBACGDAQEAqwEAIYUBQACsAQAhjQFAAKwBACGUAQEAqwEAIZUBAQCrAQAhlgEBAKsBACEJCQAAywEAIHIAAMkBADBzAAAHABB0AADJAQAwdQEAqwEAIYUBQACsAQAhhgEBAKsBACGLAQAAxgEAIKcBIADKAQAhAnggAAAAAX8gAL8BACEDqgEAAAMAIKsBAAADACCsAQAAAwAgGQMAAM8BACAFAADQAQAgBgAA0QEAIAcAANIBACByAADMAQAwcwAAAwAQdAAAzAEAMHUBAKsBACGFAUAArAEAIZcBAQCrAQAhmAEBAKsBACGZAQEAqwEAIZoBAQCrAQAhmwEBAKsBACGcAQEAqwEAIZ0BAQCrAQAhngEgAMoBACGfAQEAzQEAIaABAQCrAQAhoQEBAKsBACGiASAAygEAIaMBIADKAQAhpAEBAM0BACGlAQIAzgEAIaYBQADHAQAhC3gBAAAAAXkBAAAABXoBAAAABXsBAAAAAXwBAAAAAX0BAAAAAX4BAAAAAX8BAL0BACGAAQEAAAABgQEBAAAAAYIBAQAAAAEIeAIAAAABeQIAAAAEegIAAAAEewIAAAABfAIAAAABfQIAAAABfgIAAAABfwIApgEAIQsJAADLAQAgcgAAyQEAMHMAAAcAEHQAAMkBADB1AQCrAQAhhQFAAKwBACGGAQEAqwEAIYsBAADGAQAgpwEgAMoBACGtAQAABwAgrgEAAAcAIAOqAQAACQAgqwEAAAkAIKwBAAAJACADqgEAAA0AIKsBAAANACCsAQAADQAgA6oBAAARACCrAQAAEQAgrAEAABEAIAAAAAGyAQEAAAABAbIBQAAAAAEAAAAFFgAAxwIAIBcAAMoCACCvAQAAyAIAILABAADJAgAgtQEAAAUAIAMWAADHAgAgrwEAAMgCACC1AQAABQAgAAAAAAGyAUAAAAABBRYAAMICACAXAADFAgAgrwEAAMMCACCwAQAAxAIAILUBAAAFACADFgAAwgIAIK8BAADDAgAgtQEAAAUAIAAAAAUWAAC9AgAgFwAAwAIAIK8BAAC-AgAgsAEAAL8CACC1AQAABQAgAxYAAL0CACCvAQAAvgIAILUBAAAFACAAAAAAAAGyASAAAAABAbIBAQAAAAEFsgECAAAAAbgBAgAAAAG5AQIAAAABugECAAAAAbsBAgAAAAEHFgAAtQIAIBcAALsCACCvAQAAtgIAILABAAC6AgAgswEAAAcAILQBAAAHACC1AQAAAQAgCxYAAI0CADAXAACSAgAwrwEAAI4CADCwAQAAjwIAMLEBAACQAgAgsgEAAJECADCzAQAAkQIAMLQBAACRAgAwtQEAAJECADC2AQAAkwIAMLcBAACUAgAwCxYAAIECADAXAACGAgAwrwEAAIICADCwAQAAgwIAMLEBAACEAgAgsgEAAIUCADCzAQAAhQIAMLQBAACFAgAwtQEAAIUCADC2AQAAhwIAMLcBAACIAgAwCxYAAPUBADAXAAD6AQAwrwEAAPYBADCwAQAA9wEAMLEBAAD4AQAgsgEAAPkBADCzAQAA-QEAMLQBAAD5AQAwtQEAAPkBADC2AQAA-wEAMLcBAAD8AQAwA3UBAAAAAYQBAQAAAAGFAUAAAAABAgAAABMAIBYAAIACACADAAAAEwAgFgAAgAIAIBcAAP8BACABDwAAuQIAMAkEAADDAQAgcgAAwgEAMHMAABEAEHQAAMIBADB1AQAAAAGDAQEAqwEAIYQBAQCrAQAhhQFAAKwBACGoAQAAwQEAIAIAAAATACAPAAD_AQAgAgAAAP0BACAPAAD-AQAgB3IAAPwBADBzAAD9AQAQdAAA_AEAMHUBAKsBACGDAQEAqwEAIYQBAQCrAQAhhQFAAKwBACEHcgAA_AEAMHMAAP0BABB0AAD8AQAwdQEAqwEAIYMBAQCrAQAhhAEBAKsBACGFAUAArAEAIQN1AQDWAQAhhAEBANYBACGFAUAA1wEAIQN1AQDWAQAhhAEBANYBACGFAUAA1wEAIQN1AQAAAAGEAQEAAAABhQFAAAAAAQt1AQAAAAGFAUAAAAABhgEBAAAAAYcBAQAAAAGIAQEAAAABiQGAAAAAAYoBgAAAAAGLAYAAAAABjAGAAAAAAY0BQAAAAAGOAUAAAAABAgAAAA8AIBYAAIwCACADAAAADwAgFgAAjAIAIBcAAIsCACABDwAAuAIAMBEEAADDAQAgcgAAxQEAMHMAAA0AEHQAAMUBADB1AQAAAAGDAQEAqwEAIYUBQACsAQAhhgEBAKsBACGHAQEAqwEAIYgBAQAAAAGJAQAAxgEAIIoBAADGAQAgiwEAAMYBACCMAQAAxgEAII0BQADHAQAhjgFAAMcBACGpAQAAxAEAIAIAAAAPACAPAACLAgAgAgAAAIkCACAPAACKAgAgD3IAAIgCADBzAACJAgAQdAAAiAIAMHUBAKsBACGDAQEAqwEAIYUBQACsAQAhhgEBAKsBACGHAQEAqwEAIYgBAQCrAQAhiQEAAMYBACCKAQAAxgEAIIsBAADGAQAgjAEAAMYBACCNAUAAxwEAIY4BQADHAQAhD3IAAIgCADBzAACJAgAQdAAAiAIAMHUBAKsBACGDAQEAqwEAIYUBQACsAQAhhgEBAKsBACGHAQEAqwEAIYgBAQCrAQAhiQEAAMYBACCKAQAAxgEAIIsBAADGAQAgjAEAAMYBACCNAUAAxwEAIY4BQADHAQAhC3UBANYBACGFAUAA1wEAIYYBAQDWAQAhhwEBANYBACGIAQEA1gEAIYkBgAAAAAGKAYAAAAABiwGAAAAAAYwBgAAAAAGNAUAA4QEAIY4BQADhAQAhC3UBANYBACGFAUAA1wEAIYYBAQDWAQAhhwEBANYBACGIAQEA1gEAIYkBgAAAAAGKAYAAAAABiwGAAAAAAYwBgAAAAAGNAUAA4QEAIY4BQADhAQAhC3UBAAAAAYUBQAAAAAGGAQEAAAABhwEBAAAAAYgBAQAAAAGJAYAAAAABigGAAAAAAYsBgAAAAAGMAYAAAAABjQFAAAAAAY4BQAAAAAEGdQEAAAABhQFAAAAAAY0BQAAAAAGUAQEAAAABlQEBAAAAAZYBAQAAAAECAAAACwAgFgAAmAIAIAMAAAALACAWAACYAgAgFwAAlwIAIAEPAAC3AgAwCwQAAMMBACByAADIAQAwcwAACQAQdAAAyAEAMHUBAAAAAYMBAQCrAQAhhQFAAKwBACGNAUAArAEAIZQBAQCrAQAhlQEBAKsBACGWAQEAqwEAIQIAAAALACAPAACXAgAgAgAAAJUCACAPAACWAgAgCnIAAJQCADBzAACVAgAQdAAAlAIAMHUBAKsBACGDAQEAqwEAIYUBQACsAQAhjQFAAKwBACGUAQEAqwEAIZUBAQCrAQAhlgEBAKsBACEKcgAAlAIAMHMAAJUCABB0AACUAgAwdQEAqwEAIYMBAQCrAQAhhQFAAKwBACGNAUAArAEAIZQBAQCrAQAhlQEBAKsBACGWAQEAqwEAIQZ1AQDWAQAhhQFAANcBACGNAUAA1wEAIZQBAQDWAQAhlQEBANYBACGWAQEA1gEAIQZ1AQDWAQAhhQFAANcBACGNAUAA1wEAIZQBAQDWAQAhlQEBANYBACGWAQEA1gEAIQZ1AQAAAAGFAUAAAAABjQFAAAAAAZQBAQAAAAGVAQEAAAABlgEBAAAAAQMWAAC1AgAgrwEAALYCACC1AQAAAQAgBBYAAI0CADCvAQAAjgIAMLEBAACQAgAgtQEAAJECADAEFgAAgQIAMK8BAACCAgAwsQEAAIQCACC1AQAAhQIAMAQWAAD1AQAwrwEAAPYBADCxAQAA-AEAILUBAAD5AQAwAAAACxYAAKECADAXAACmAgAwrwEAAKICADCwAQAAowIAMLEBAACkAgAgsgEAAKUCADCzAQAApQIAMLQBAAClAgAwtQEAAKUCADC2AQAApwIAMLcBAACoAgAwFAUAAJoCACAGAACbAgAgBwAAnAIAIHUBAAAAAYUBQAAAAAGXAQEAAAABmAEBAAAAAZkBAQAAAAGaAQEAAAABmwEBAAAAAZwBAQAAAAGdAQEAAAABngEgAAAAAaABAQAAAAGhAQEAAAABogEgAAAAAaMBIAAAAAGkAQEAAAABpQECAAAAAaYBQAAAAAECAAAABQAgFgAArAIAIAMAAAAFACAWAACsAgAgFwAAqwIAIAEPAAC0AgAwGQMAAM8BACAFAADQAQAgBgAA0QEAIAcAANIBACByAADMAQAwcwAAAwAQdAAAzAEAMHUBAAAAAYUBQACsAQAhlwEBAKsBACGYAQEAAAABmQEBAKsBACGaAQEAAAABmwEBAKsBACGcAQEAqwEAIZ0BAQCrAQAhngEgAMoBACGfAQEAzQEAIaABAQCrAQAhoQEBAKsBACGiASAAygEAIaMBIADKAQAhpAEBAM0BACGlAQIAzgEAIaYBQADHAQAhAgAAAAUAIA8AAKsCACACAAAAqQIAIA8AAKoCACAVcgAAqAIAMHMAAKkCABB0AACoAgAwdQEAqwEAIYUBQACsAQAhlwEBAKsBACGYAQEAqwEAIZkBAQCrAQAhmgEBAKsBACGbAQEAqwEAIZwBAQCrAQAhnQEBAKsBACGeASAAygEAIZ8BAQDNAQAhoAEBAKsBACGhAQEAqwEAIaIBIADKAQAhowEgAMoBACGkAQEAzQEAIaUBAgDOAQAhpgFAAMcBACEVcgAAqAIAMHMAAKkCABB0AACoAgAwdQEAqwEAIYUBQACsAQAhlwEBAKsBACGYAQEAqwEAIZkBAQCrAQAhmgEBAKsBACGbAQEAqwEAIZwBAQCrAQAhnQEBAKsBACGeASAAygEAIZ8BAQDNAQAhoAEBAKsBACGhAQEAqwEAIaIBIADKAQAhowEgAMoBACGkAQEAzQEAIaUBAgDOAQAhpgFAAMcBACERdQEA1gEAIYUBQADXAQAhlwEBANYBACGYAQEA1gEAIZkBAQDWAQAhmgEBANYBACGbAQEA1gEAIZwBAQDWAQAhnQEBANYBACGeASAA7gEAIaABAQDWAQAhoQEBANYBACGiASAA7gEAIaMBIADuAQAhpAEBAO8BACGlAQIA8AEAIaYBQADhAQAhFAUAAPIBACAGAADzAQAgBwAA9AEAIHUBANYBACGFAUAA1wEAIZcBAQDWAQAhmAEBANYBACGZAQEA1gEAIZoBAQDWAQAhmwEBANYBACGcAQEA1gEAIZ0BAQDWAQAhngEgAO4BACGgAQEA1gEAIaEBAQDWAQAhogEgAO4BACGjASAA7gEAIaQBAQDvAQAhpQECAPABACGmAUAA4QEAIRQFAACaAgAgBgAAmwIAIAcAAJwCACB1AQAAAAGFAUAAAAABlwEBAAAAAZgBAQAAAAGZAQEAAAABmgEBAAAAAZsBAQAAAAGcAQEAAAABnQEBAAAAAZ4BIAAAAAGgAQEAAAABoQEBAAAAAaIBIAAAAAGjASAAAAABpAEBAAAAAaUBAgAAAAGmAUAAAAABBBYAAKECADCvAQAAogIAMLEBAACkAgAgtQEAAKUCADAABwMAALACACAFAACxAgAgBgAAsgIAIAcAALMCACCfAQAA3QEAIKQBAADdAQAgpgEAAN0BACABCQAArgIAIAAAABF1AQAAAAGFAUAAAAABlwEBAAAAAZgBAQAAAAGZAQEAAAABmgEBAAAAAZsBAQAAAAGcAQEAAAABnQEBAAAAAZ4BIAAAAAGgAQEAAAABoQEBAAAAAaIBIAAAAAGjASAAAAABpAEBAAAAAaUBAgAAAAGmAUAAAAABBXUBAAAAAYUBQAAAAAGGAQEAAAABiwGAAAAAAacBIAAAAAECAAAAAQAgFgAAtQIAIAZ1AQAAAAGFAUAAAAABjQFAAAAAAZQBAQAAAAGVAQEAAAABlgEBAAAAAQt1AQAAAAGFAUAAAAABhgEBAAAAAYcBAQAAAAGIAQEAAAABiQGAAAAAAYoBgAAAAAGLAYAAAAABjAGAAAAAAY0BQAAAAAGOAUAAAAABA3UBAAAAAYQBAQAAAAGFAUAAAAABAwAAAAcAIBYAALUCACAXAAC8AgAgBwAAAAcAIA8AALwCACB1AQDWAQAhhQFAANcBACGGAQEA1gEAIYsBgAAAAAGnASAA7gEAIQV1AQDWAQAhhQFAANcBACGGAQEA1gEAIYsBgAAAAAGnASAA7gEAIRUDAACZAgAgBgAAmwIAIAcAAJwCACB1AQAAAAGFAUAAAAABlwEBAAAAAZgBAQAAAAGZAQEAAAABmgEBAAAAAZsBAQAAAAGcAQEAAAABnQEBAAAAAZ4BIAAAAAGfAQEAAAABoAEBAAAAAaEBAQAAAAGiASAAAAABowEgAAAAAaQBAQAAAAGlAQIAAAABpgFAAAAAAQIAAAAFACAWAAC9AgAgAwAAAAMAIBYAAL0CACAXAADBAgAgFwAAAAMAIAMAAPEBACAGAADzAQAgBwAA9AEAIA8AAMECACB1AQDWAQAhhQFAANcBACGXAQEA1gEAIZgBAQDWAQAhmQEBANYBACGaAQEA1gEAIZsBAQDWAQAhnAEBANYBACGdAQEA1gEAIZ4BIADuAQAhnwEBAO8BACGgAQEA1gEAIaEBAQDWAQAhogEgAO4BACGjASAA7gEAIaQBAQDvAQAhpQECAPABACGmAUAA4QEAIRUDAADxAQAgBgAA8wEAIAcAAPQBACB1AQDWAQAhhQFAANcBACGXAQEA1gEAIZgBAQDWAQAhmQEBANYBACGaAQEA1gEAIZsBAQDWAQAhnAEBANYBACGdAQEA1gEAIZ4BIADuAQAhnwEBAO8BACGgAQEA1gEAIaEBAQDWAQAhogEgAO4BACGjASAA7gEAIaQBAQDvAQAhpQECAPABACGmAUAA4QEAIRUDAACZAgAgBQAAmgIAIAcAAJwCACB1AQAAAAGFAUAAAAABlwEBAAAAAZgBAQAAAAGZAQEAAAABmgEBAAAAAZsBAQAAAAGcAQEAAAABnQEBAAAAAZ4BIAAAAAGfAQEAAAABoAEBAAAAAaEBAQAAAAGiASAAAAABowEgAAAAAaQBAQAAAAGlAQIAAAABpgFAAAAAAQIAAAAFACAWAADCAgAgAwAAAAMAIBYAAMICACAXAADGAgAgFwAAAAMAIAMAAPEBACAFAADyAQAgBwAA9AEAIA8AAMYCACB1AQDWAQAhhQFAANcBACGXAQEA1gEAIZgBAQDWAQAhmQEBANYBACGaAQEA1gEAIZsBAQDWAQAhnAEBANYBACGdAQEA1gEAIZ4BIADuAQAhnwEBAO8BACGgAQEA1gEAIaEBAQDWAQAhogEgAO4BACGjASAA7gEAIaQBAQDvAQAhpQECAPABACGmAUAA4QEAIRUDAADxAQAgBQAA8gEAIAcAAPQBACB1AQDWAQAhhQFAANcBACGXAQEA1gEAIZgBAQDWAQAhmQEBANYBACGaAQEA1gEAIZsBAQDWAQAhnAEBANYBACGdAQEA1gEAIZ4BIADuAQAhnwEBAO8BACGgAQEA1gEAIaEBAQDWAQAhogEgAO4BACGjASAA7gEAIaQBAQDvAQAhpQECAPABACGmAUAA4QEAIRUDAACZAgAgBQAAmgIAIAYAAJsCACB1AQAAAAGFAUAAAAABlwEBAAAAAZgBAQAAAAGZAQEAAAABmgEBAAAAAZsBAQAAAAGcAQEAAAABnQEBAAAAAZ4BIAAAAAGfAQEAAAABoAEBAAAAAaEBAQAAAAGiASAAAAABowEgAAAAAaQBAQAAAAGlAQIAAAABpgFAAAAAAQIAAAAFACAWAADHAgAgAwAAAAMAIBYAAMcCACAXAADLAgAgFwAAAAMAIAMAAPEBACAFAADyAQAgBgAA8wEAIA8AAMsCACB1AQDWAQAhhQFAANcBACGXAQEA1gEAIZgBAQDWAQAhmQEBANYBACGaAQEA1gEAIZsBAQDWAQAhnAEBANYBACGdAQEA1gEAIZ4BIADuAQAhnwEBAO8BACGgAQEA1gEAIaEBAQDWAQAhogEgAO4BACGjASAA7gEAIaQBAQDvAQAhpQECAPABACGmAUAA4QEAIRUDAADxAQAgBQAA8gEAIAYAAPMBACB1AQDWAQAhhQFAANcBACGXAQEA1gEAIZgBAQDWAQAhmQEBANYBACGaAQEA1gEAIZsBAQDWAQAhnAEBANYBACGdAQEA1gEAIZ4BIADuAQAhnwEBAO8BACGgAQEA1gEAIaEBAQDWAQAhogEgAO4BACGjASAA7gEAIaQBAQDvAQAhpQECAPABACGmAUAA4QEAIQIIAAcJBgIFAwgBBQwDBhAEBxQFCAAGAQQAAgEEAAIBBAACAwUVAAYWAAcXAAEJGAAAAAADCAAMHAANHQAOAAAAAwgADBwADR0ADgEDOQEBAz8BBQgAExwAFh0AFy4AFC8AFQAAAAAABQgAExwAFh0AFy4AFC8AFQEEAAIBBAACAwgAHBwAHR0AHgAAAAMIABwcAB0dAB4BBAACAQQAAgMIACMcACQdACUAAAADCAAjHAAkHQAlAQQAAgEEAAIDCAAqHAArHQAsAAAAAwgAKhwAKx0ALAAAAAMIADIcADMdADQAAAADCAAyHAAzHQA0CgIBCxkBDBsBDRwBDh0BEB8BESEIEiIJEyQBFCYIFScKGCgBGSkBGioIHi0LHy4PIC8CITACIjECIzICJDMCJTUCJjcIJzgQKDsCKT0IKj4RK0ACLEECLUIIMEUSMUYYMkcDM0gDNEkDNUoDNksDN00DOE8IOVAZOlIDO1QIPFUaPVYDPlcDP1gIQFsbQVwfQl0EQ14ERF8ERWAERmEER2MESGUISWYgSmgES2oITGshTWwETm0ET24IUHEiUXImUnMFU3QFVHUFVXYFVncFV3kFWHsIWXwnWn4FW4ABCFyBAShdggEFXoMBBV-EAQhghwEpYYgBLWKKAS5jiwEuZI4BLmWPAS5mkAEuZ5IBLmiUAQhplQEvapcBLmuZAQhsmgEwbZsBLm6cAS5vnQEIcKABMXGhATU"
};
async function decodeBase64AsWasm2(wasmBase64) {
  const { Buffer: Buffer2 } = await import("node:buffer");
  const wasmArray = Buffer2.from(wasmBase64, "base64");
  return new WebAssembly.Module(wasmArray);
}
config2.compilerWasm = {
  getRuntime: async () => await import("@prisma/client/runtime/query_compiler_fast_bg.sqlite.mjs"),
  getQueryCompilerWasmModule: async () => {
    const { wasm } = await import("@prisma/client/runtime/query_compiler_fast_bg.sqlite.wasm-base64.mjs");
    return await decodeBase64AsWasm2(wasm);
  },
  importName: "./query_compiler_fast_bg.js"
};
function getPrismaClientClass2() {
  return runtime4.getPrismaClient(config2);
}

// src/db/generated/sqlite/internal/prismaNamespace.ts
import * as runtime5 from "@prisma/client/runtime/client";
var getExtensionContext2 = runtime5.Extensions.getExtensionContext;
var NullTypes4 = {
  DbNull: runtime5.NullTypes.DbNull,
  JsonNull: runtime5.NullTypes.JsonNull,
  AnyNull: runtime5.NullTypes.AnyNull
};
var TransactionIsolationLevel2 = runtime5.makeStrictEnum({
  Serializable: "Serializable"
});
var defineExtension2 = runtime5.Extensions.defineExtension;

// src/db/generated/sqlite/client.ts
globalThis["__dirname"] = path2.dirname(fileURLToPath2(import.meta.url));
var PrismaClient2 = getPrismaClientClass2();

// src/db/migrate.ts
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join as join3 } from "node:path";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
var migrationsDir = (provider) => join3(import.meta.dirname, "..", "..", "prisma", "migrations", provider);
var ready;
function loadWasm() {
  ready ??= (async () => {
    const gluePath = import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = readFileSync(new URL("./schema_engine_bg.wasm", gluePath));
    const { instance } = await globalThis.WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": glue
    });
    glue.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
  })();
  return ready;
}
async function openSchemaEngine(factory, schema2) {
  await loadWasm();
  const opened = [];
  const tracked = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      opened.push(adapter);
      return adapter;
    },
    connectToShadowDb: async () => {
      const adapter = await factory.connectToShadowDb();
      opened.push(adapter);
      return adapter;
    }
  };
  const engine = await glue.SchemaEngine.new(
    { datamodels: schema2 ? [[schema2.path, schema2.content]] : void 0 },
    () => {
    },
    bindMigrationAwareSqlAdapterFactory(tracked)
  );
  return {
    engine,
    async close() {
      engine.free();
      await Promise.all(opened.map((adapter) => adapter.dispose()));
    }
  };
}
function migrationNames(provider) {
  const baseDir = migrationsDir(provider);
  return existsSync(baseDir) ? readdirSync(baseDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort() : [];
}
function migrationsList(provider) {
  const baseDir = migrationsDir(provider);
  const lockPath = join3(baseDir, "migration_lock.toml");
  const names2 = migrationNames(provider);
  return {
    baseDir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: names2.map((name2) => ({
      path: name2,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: readFileSync(join3(baseDir, name2, "migration.sql"), "utf8") }
      }
    }))
  };
}
var noFilters = { externalTables: [], externalEnums: [] };
async function applyMigrations(adapter, provider) {
  const { engine, close } = await openSchemaEngine(adapter);
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: migrationsList(provider),
      filters: noFilters
    });
    return appliedMigrationNames;
  } finally {
    await close();
  }
}

// src/db/index.ts
var providerOf = (url) => url.startsWith("file:") ? "sqlite" : "postgresql";
var sqlitePath = (url) => resolve(url.slice("file:".length).replace(/^\/\/(?=\/)/, ""));
async function openDatabase(url, options3 = {}) {
  const provider = providerOf(url);
  let db;
  if (provider === "sqlite") {
    const file = sqlitePath(url);
    mkdirSync(dirname3(file), { recursive: true });
    const adapter = new PrismaBetterSqlite3({ url: file, timeout: 1e4 });
    db = new PrismaClient2({ adapter });
    if (options3.migrate !== false && await pendingMigrations(db, provider)) await applyMigrations(adapter, provider);
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await db.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
    await db.$executeRawUnsafe("PRAGMA foreign_keys = ON");
  } else {
    const adapter = new PrismaPg({ connectionString: url, max: 20 });
    db = new PrismaClient({ adapter });
    if (options3.migrate !== false && await pendingMigrations(db, provider)) await applyMigrations(adapter, provider);
  }
  return { db, provider, close: () => db.$disconnect() };
}
async function pendingMigrations(db, provider) {
  try {
    const rows = await db.$queryRawUnsafe(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL"
    );
    const applied = new Set(rows.map((row) => row.migration_name));
    return migrationNames(provider).some((name2) => !applied.has(name2));
  } catch {
    return true;
  }
}
var containsText = (provider, term) => provider === "postgresql" ? { contains: term, mode: "insensitive" } : { contains: term };
var stringList = (value) => Array.isArray(value) ? value.filter((item) => typeof item === "string") : [];

// src/rules/rate-limit.ts
import { randomUUID } from "node:crypto";

// src/errors.ts
var AppError = class extends Error {
  constructor(status, messages, headers = {}) {
    const list4 = Array.isArray(messages) ? messages : [messages];
    super(list4.join("; "));
    this.status = status;
    this.headers = headers;
    this.name = "AppError";
    this.messages = list4;
  }
  status;
  headers;
  messages;
};
var badRequest = (message) => new AppError(400, message);
var unauthorized = (message) => new AppError(401, message);
var forbidden = (message) => new AppError(403, message);
var notFound = (message) => new AppError(404, message);
var conflict = (message) => new AppError(409, message);

// src/rules/rate-limit.ts
async function takeAttempt(db, bucket, limit, now = /* @__PURE__ */ new Date()) {
  const since = new Date(now.getTime() - limit.seconds * 1e3);
  const id = randomUUID();
  await db.rateLimitHit.create({ data: { id, bucket, at: now } });
  const hits = await db.rateLimitHit.findMany({
    where: { bucket, at: { gt: since } },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: { id: true, at: true },
    take: limit.count + 1
  });
  if (hits.length <= limit.count) return;
  await db.rateLimitHit.deleteMany({ where: { id } });
  const oldest = hits[0].at.getTime();
  const retry = Math.max(1, Math.ceil((oldest + limit.seconds * 1e3 - now.getTime()) / 1e3));
  throw new AppError(429, `you are ratelimited, retry in ${retry}s`, { "Retry-After": String(retry) });
}
async function forgetOldAttempts(db, olderThanSeconds, now = /* @__PURE__ */ new Date()) {
  await db.rateLimitHit.deleteMany({ where: { at: { lt: new Date(now.getTime() - olderThanSeconds * 1e3) } } });
}

// src/rules/secrets.ts
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { chmodSync, existsSync as existsSync2, mkdirSync as mkdirSync2, readFileSync as readFileSync2, writeFileSync } from "node:fs";
import { join as join4 } from "node:path";
function loadServerSecret(given, dataDir) {
  if (given) return given;
  const file = join4(dataDir, "session-secret");
  if (existsSync2(file)) return readFileSync2(file, "utf8").trim();
  mkdirSync2(dataDir, { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  try {
    writeFileSync(file, `${secret}
`, { mode: 384, flag: "wx" });
  } catch {
    return readFileSync2(file, "utf8").trim();
  }
  chmodSync(file, 384);
  return secret;
}
function deriveKeys(secret) {
  const derive = (purpose) => Buffer.from(hkdfSync("sha256", secret, "panel-account-service", purpose, 32));
  return {
    cookie: derive("session cookie").toString("base64url"),
    checkpoint: derive("sign-in checkpoint").toString("base64url"),
    totp: derive("totp secret"),
    recoveryCodes: derive("recovery codes")
  };
}
function seal(key, text) {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}
function open(key, sealed) {
  const raw3 = Buffer.from(sealed, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", key, raw3.subarray(0, 12));
  decipher.setAuthTag(raw3.subarray(12, 28));
  return Buffer.concat([decipher.update(raw3.subarray(28)), decipher.final()]).toString("utf8");
}

// src/rules/sessions.ts
import { randomUUID as randomUUID2 } from "node:crypto";

// src/rules/tokens.ts
import { createHash, createHmac, randomBytes as randomBytes2, randomInt, timingSafeEqual } from "node:crypto";
var ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
function randomString(length, alphabet = ALPHANUMERIC) {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}
var randomSecret = () => randomBytes2(32).toString("base64url");
var sha256 = (value) => createHash("sha256").update(value).digest("hex");
var hmacSha256 = (key, value) => createHmac("sha256", key).update(value).digest("hex");
function equalDigests(a, b) {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}

// src/rules/sessions.ts
function newSessionToken() {
  const secret = randomSecret();
  return { id: randomUUID2(), secret, secretHash: sha256(secret) };
}
var secretMatches = (secret, storedHash) => equalDigests(sha256(secret), storedHash);
function isAlive(session, lifetime, now = Date.now()) {
  return session.lastUsed.getTime() + lifetime.idleSeconds * 1e3 > now && session.created.getTime() + lifetime.maxAgeSeconds * 1e3 > now;
}
function expiryCutoffs(lifetime, now = Date.now()) {
  return { lastUsed: new Date(now - lifetime.idleSeconds * 1e3), created: new Date(now - lifetime.maxAgeSeconds * 1e3) };
}

// src/server/app.ts
import { createExpressMiddleware } from "@trpc/server/adapters/express";
import express2 from "express";

// src/server/trpc.ts
import { initTRPC } from "@trpc/server";
import superjson from "superjson";

// src/rules/two-factor-policy.ts
function mustHaveTwoFactor(requirement, account) {
  if (account.roleRequiresTwoFactor || requirement === "all_users") return true;
  return requirement === "admins" && account.admin;
}

// src/rules/api-keys.ts
var API_KEY_PREFIX = "ptlc_";
var API_KEY_LENGTH = 48;
var KEY_START_LENGTH = 16;
var API_KEY_NAME_MIN = 3;
var API_KEY_NAME_MAX = 31;
var ALLOWED_IPS_MAX = 50;
function generateApiKey() {
  const key = API_KEY_PREFIX + randomString(API_KEY_LENGTH - API_KEY_PREFIX.length);
  return { key, keyStart: key.slice(0, KEY_START_LENGTH), keyHash: hashApiKey(key) };
}
var hashApiKey = (key) => sha256(key);

// src/rules/permissions.ts
var group = (description, prefix, names2) => ({
  description,
  permissions: Object.fromEntries(Object.entries(names2).map(([name2, text]) => [`${prefix}.${name2}`, text]))
});
var crud = (noun) => ({
  create: `Create ${noun}`,
  read: `List and view ${noun}`,
  update: `Change ${noun}`,
  delete: `Delete ${noun}`
});
var USER_PERMISSIONS = {
  account: group("Your own account", "account", {
    infos: "Change the profile: username, names, language and preferences",
    password: "Change the password",
    "two-factor": "Turn two-factor authentication on and off"
  }),
  "api-keys": group("API keys of the account", "api-keys", {
    create: "Create API keys",
    read: "List API keys",
    delete: "Delete API keys"
  }),
  sessions: group("Signed-in sessions of the account", "sessions", {
    read: "List sessions",
    delete: "End sessions"
  }),
  activity: group("Activity of the account", "activity", { read: "Read the activity log" }),
  servers: group("Servers the account can reach", "servers", {
    create: "Create servers",
    read: "List servers",
    view: "Open a server",
    delete: "Delete servers"
  })
};
var ADMIN_PERMISSIONS = {
  stats: group("Panel statistics", "stats", { read: "Read panel statistics" }),
  settings: group("Panel settings", "settings", { read: "Read panel settings", update: "Change panel settings" }),
  users: group("Accounts", "users", { ...crud("accounts"), "disable-two-factor": "Turn off two-factor authentication of an account" }),
  roles: group("Roles", "roles", crud("roles")),
  locations: group("Locations", "locations", crud("locations")),
  nodes: group("Nodes", "nodes", { ...crud("nodes"), "reset-token": "Reset the token of a node", allocations: "Manage the allocations of a node" }),
  servers: group("All servers", "servers", { ...crud("servers"), transfer: "Move servers between nodes", suspend: "Suspend and unsuspend servers" }),
  nests: group("Nests", "nests", crud("nests")),
  eggs: group("Eggs", "eggs", { ...crud("eggs"), import: "Import eggs", export: "Export eggs" }),
  "database-hosts": group("Database hosts", "database-hosts", crud("database hosts")),
  mounts: group("Mounts", "mounts", crud("mounts")),
  activity: group("Panel activity", "activity", { read: "Read the activity of the whole panel" })
};
var SERVER_PERMISSIONS = {
  control: group("Power and console", "control", {
    console: "Read and send to the console",
    start: "Start the server",
    stop: "Stop the server",
    restart: "Restart the server"
  }),
  subusers: group("Subusers", "subusers", crud("subusers")),
  files: group("Files", "files", {
    ...crud("files"),
    "read-content": "Read the content of files",
    archive: "Compress and decompress files",
    sftp: "Connect over SFTP"
  }),
  backups: group("Backups", "backups", { ...crud("backups"), download: "Download backups", restore: "Restore backups" }),
  allocations: group("Network allocations", "allocations", crud("allocations")),
  startup: group("Startup", "startup", { read: "Read the startup variables", update: "Change the startup variables", "docker-image": "Change the Docker image" }),
  databases: group("Databases", "databases", { ...crud("databases"), "view-password": "View database passwords" }),
  schedules: group("Schedules", "schedules", crud("schedules")),
  settings: group("Server settings", "settings", { rename: "Rename the server", reinstall: "Reinstall the server" }),
  activity: group("Server activity", "activity", { read: "Read the activity of the server" })
};
var names = (catalogue2) => new Set(Object.values(catalogue2).flatMap((g) => Object.keys(g.permissions)));
var ALL_USER = names(USER_PERMISSIONS);
var ALL_ADMIN = names(ADMIN_PERMISSIONS);
var ALL_SERVER = names(SERVER_PERMISSIONS);
var CATALOGUE = {
  user_permissions: ALL_USER,
  admin_permissions: ALL_ADMIN,
  server_permissions: ALL_SERVER
};
function accountRights(account) {
  return {
    user_permissions: ALL_USER,
    admin_permissions: account.admin ? ALL_ADMIN : new Set(account.roleAdminPermissions.filter((p) => ALL_ADMIN.has(p))),
    server_permissions: ALL_SERVER
  };
}
function keyRights(owner, listed) {
  const within = (kind) => new Set(listed[kind].filter((p) => owner[kind].has(p)));
  return {
    user_permissions: within("user_permissions"),
    admin_permissions: within("admin_permissions"),
    server_permissions: within("server_permissions")
  };
}
function checkGrant(rights, kind, requested) {
  return {
    unknown: requested.filter((p) => !CATALOGUE[kind].has(p)),
    notHeld: requested.filter((p) => CATALOGUE[kind].has(p) && !rights[kind].has(p))
  };
}

// src/server/session-cookie.ts
import { getIronSession } from "iron-session";
var SESSION_COOKIE = "panel_session";
function options(config3, keys) {
  return {
    cookieName: SESSION_COOKIE,
    password: keys.cookie,
    // The cookie lives as long as a session can; the database row decides idle expiry.
    ttl: config3.sessionMaxAgeSeconds,
    cookieOptions: { httpOnly: true, sameSite: "lax", path: "/", secure: config3.appUrl.protocol === "https:" }
  };
}
function hasSessionCookie(req) {
  return (req.headers.cookie ?? "").split(";").some((part) => part.trim().startsWith(`${SESSION_COOKIE}=`));
}
async function readSessionCookie(req, res, config3, keys) {
  const sealed = await getIronSession(req, res, options(config3, keys));
  return typeof sealed.id === "string" && typeof sealed.secret === "string" ? { id: sealed.id, secret: sealed.secret } : void 0;
}
async function writeSessionCookie(req, res, config3, keys, token) {
  const sealed = await getIronSession(req, res, options(config3, keys));
  sealed.id = token.id;
  sealed.secret = token.secret;
  await sealed.save();
}
async function clearSessionCookie(req, res, config3, keys) {
  const sealed = await getIronSession(req, res, options(config3, keys));
  sealed.destroy();
}

// src/server/authenticate.ts
var BEARER = new RegExp(`^Bearer (.{${API_KEY_LENGTH}})$`);
var rightsOf = (user) => accountRights({ admin: user.admin, roleAdminPermissions: stringList(user.role?.adminPermissions) });
async function authenticate(services, req, res, clientIp) {
  const { db, config: config3, keys, activity } = services;
  const now = /* @__PURE__ */ new Date();
  if (hasSessionCookie(req)) {
    const token = await readSessionCookie(req, res, config3, keys);
    const session = token && await db.session.findUnique({ where: { id: token.id }, include: { user: { include: { role: true } } } });
    if (!token || !session || !secretMatches(token.secret, session.secretHash)) throw unauthorized("invalid session");
    const lastUsed = activity.pendingSessionUse(session.id) ?? session.lastUsed;
    if (!isAlive({ lastUsed, created: session.created }, { idleSeconds: config3.sessionIdleSeconds, maxAgeSeconds: config3.sessionMaxAgeSeconds }, now.getTime())) {
      throw unauthorized("invalid session");
    }
    activity.recordSession(session.id, { lastUsed: now, ip: clientIp, userAgent: userAgentOf(req) });
    return { user: session.user, via: { kind: "session", sessionId: session.id }, rights: rightsOf(session.user) };
  }
  const header = req.headers.authorization;
  if (header !== void 0) {
    const match = BEARER.exec(header);
    if (!match) throw unauthorized("invalid authorization header");
    const key = await db.apiKey.findUnique({ where: { keyHash: hashApiKey(match[1]) }, include: { user: { include: { role: true } } } });
    if (!key || key.expires && key.expires <= now) throw unauthorized("invalid api key");
    const allowed = stringList(key.allowedIps);
    if (allowed.length > 0 && !inAnyRange(clientIp, allowed)) throw forbidden("ip address not allowed for this api key");
    activity.recordKey(key.id, now);
    const rights = keyRights(rightsOf(key.user), {
      user_permissions: stringList(key.userPermissions),
      admin_permissions: stringList(key.adminPermissions),
      server_permissions: stringList(key.serverPermissions)
    });
    return { user: key.user, via: { kind: "api_key", keyId: key.id }, rights };
  }
  throw unauthorized("missing authorization");
}
var userAgentOf = (req) => (req.headers["user-agent"] ?? "").slice(0, 512);

// src/server/client-address.ts
function clientAddress(req, trustedProxies) {
  let address = normaliseAddress(req.socket.remoteAddress ?? "");
  if (trustedProxies.length === 0 || !inAnyRange(address, trustedProxies)) return address;
  const header = req.headers["x-forwarded-for"];
  const hops = (Array.isArray(header) ? header.join(",") : header ?? "").split(",").map((hop) => hop.trim()).filter(Boolean);
  while (hops.length > 0 && inAnyRange(address, trustedProxies)) {
    address = normaliseAddress(hops.pop());
  }
  return address;
}

// src/server/cross-site.ts
function isCrossSite(req, appUrl) {
  const fetchSite = req.headers["sec-fetch-site"];
  if (typeof fetchSite === "string") return fetchSite === "cross-site";
  const origin = req.headers.origin;
  if (typeof origin !== "string") return false;
  if (origin === appUrl.origin) return false;
  const host = req.headers.host;
  return !host || origin !== `http://${host}` && origin !== `https://${host}`;
}

// src/server/error-mapping.ts
import { TRPCError } from "@trpc/server";
import { z as z2 } from "zod";
z2.config({
  customError: (issue) => {
    if (issue.code === "invalid_type") return issue.input === void 0 ? "is required" : `must be ${article(issue.expected)}`;
    if (issue.code === "unrecognized_keys") return "unknown field";
    return void 0;
  }
});
var article = (type) => /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
function validationMessages(issues) {
  return issues.flatMap((issue) => {
    const path3 = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") return issue.keys.map((key) => `${path3 ? `${path3}.` : ""}${key}: ${issue.message}`);
    if (!path3) return issue.code === "invalid_type" ? ["body: must be a JSON object"] : [`body: ${issue.message}`];
    return [`${path3}: ${issue.message}`];
  });
}
var UNREACHABLE_CODES = /* @__PURE__ */ new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "57P01", "57P03"]);
var UNREACHABLE_KINDS = /* @__PURE__ */ new Set(["DatabaseNotReachable", "ConnectionClosed", "TooManyConnections", "TlsConnectionError", "DatabaseDoesNotExist", "DatabaseAccessDenied"]);
function isDatabaseUnavailable(error) {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 6; depth++) {
    const record = e;
    if (record.name === "PrismaClientInitializationError") return true;
    if (typeof record.code === "string" && UNREACHABLE_CODES.has(record.code)) return true;
    if (typeof record.kind === "string" && UNREACHABLE_KINDS.has(record.kind)) return true;
    e = record.meta?.driverAdapterError ?? record.cause;
  }
  return false;
}
var BY_TRPC_CODE = {
  PARSE_ERROR: [400, "invalid payload"],
  NOT_FOUND: [404, "not found"],
  METHOD_NOT_SUPPORTED: [405, "method not allowed"],
  PAYLOAD_TOO_LARGE: [413, "request body too large"],
  UNSUPPORTED_MEDIA_TYPE: [415, "unsupported content type: send application/json"],
  BAD_REQUEST: [400, "invalid request"]
};
function toAppError(error) {
  if (error instanceof AppError) return error;
  if (error instanceof TRPCError) {
    const { cause } = error;
    if (cause instanceof AppError) return cause;
    if (error.code === "BAD_REQUEST" && cause instanceof z2.ZodError) return new AppError(400, validationMessages(cause.issues));
    const known = BY_TRPC_CODE[error.code];
    if (known) return new AppError(known[0], known[1]);
    if (isDatabaseUnavailable(cause)) return new AppError(503, "database unavailable");
    return new AppError(500, "internal server error");
  }
  if (isDatabaseUnavailable(error)) return new AppError(503, "database unavailable");
  return new AppError(500, "internal server error");
}

// src/server/trpc.ts
function contextFactory(services) {
  return ({ req, res }) => ({
    req,
    res,
    services,
    clientIp: clientAddress(req, services.config.trustedProxies)
  });
}
var t = initTRPC.context().meta().create({
  transformer: superjson,
  errorFormatter: ({ shape, error }) => {
    const appError = toAppError(error);
    return { ...shape, message: appError.messages[0], data: { ...shape.data, httpStatus: appError.status, errors: appError.messages, stack: void 0 } };
  }
});
var router = t.router;
var publicProcedure = t.procedure;
var protectedProcedure = t.procedure.use(async ({ ctx, meta, type, next }) => {
  const principal = await authenticate(ctx.services, ctx.req, ctx.res, ctx.clientIp);
  if (principal.via.kind === "session" && type === "mutation" && isCrossSite(ctx.req, ctx.services.config.appUrl)) {
    throw forbidden("cross-site request refused");
  }
  const { user } = principal;
  if (!meta?.twoFactorExempt && !user.totpEnabled && mustHaveTwoFactor(ctx.services.config.twoFactorRequirement, { admin: user.admin, roleRequiresTwoFactor: user.role?.requireTwoFactor ?? false })) {
    throw forbidden("two-factor authentication required");
  }
  if (meta?.permission) requirePermission(principal.rights, "user_permissions", meta.permission);
  return next({ ctx: { ...ctx, principal } });
});
function requirePermission(rights, kind, name2) {
  if (!rights[kind].has(name2)) throw forbidden(`you do not have permission to perform this action: ${name2}`);
}

// src/routers/account/change-password.ts
import { z as z4 } from "zod";

// src/rules/passwords.ts
import { hash, verify } from "@node-rs/argon2";
var options2 = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };
var PASSWORD_MIN = 8;
var PASSWORD_MAX = 512;
function hashPassword(password) {
  return hash(password, options2);
}
var decoy;
async function verifyPassword(stored, password) {
  if (stored === void 0) {
    decoy ??= hashPassword("decoy password that matches nothing");
    await verify(await decoy, password);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// src/routers/shared/fields.ts
import { z as z3 } from "zod";
var emptyInput = z3.strictObject({}).optional();
var emptyOutput = z3.strictObject({});
var currentPassword = z3.string().min(1, "is required").max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters`);
var newPassword = z3.string().min(PASSWORD_MIN, `must be ${PASSWORD_MIN}-${PASSWORD_MAX} characters`).max(PASSWORD_MAX, `must be ${PASSWORD_MIN}-${PASSWORD_MAX} characters`);
var secondFactorCode = z3.string().trim().min(6, "must be a 6-digit code or a 10-character recovery code").max(10, "must be a 6-digit code or a 10-character recovery code");
var jsonBoolean = () => z3.boolean().transform((value) => value);
var uuidParam = (what) => z3.string().meta({ description: `UUID of the ${what}` });
function pageQuery() {
  return z3.strictObject({
    page: z3.coerce.number().int("must be a whole number").min(1, "must be at least 1").default(1),
    per_page: z3.coerce.number().int("must be a whole number").min(1, "must be 1-100").max(100, "must be 1-100").default(10),
    search: z3.string().min(1, "must be 1-128 characters").max(128, "must be 1-128 characters").optional()
  });
}
function page(item) {
  return z3.object({ total: z3.number().int(), per_page: z3.number().int(), page: z3.number().int(), data: z3.array(item) });
}

// src/routers/account/change-password.ts
var input = z4.strictObject({
  current_password: currentPassword,
  password: newPassword,
  password_confirmation: z4.string()
});
var changePassword = protectedProcedure.meta({
  openapi: { method: "POST", path: "/client/account/password", tags: ["account"], summary: "Change the password; every other session of the account ends" },
  permission: "account.password"
}).input(input).output(emptyOutput).mutation(async ({ ctx, input: input7 }) => {
  const { db } = ctx.services;
  const { user, via } = ctx.principal;
  if (input7.password_confirmation !== input7.password) throw badRequest("password_confirmation: does not match");
  if (!await verifyPassword(user.passwordHash, input7.current_password)) throw badRequest("current_password: invalid password");
  const passwordHash = await hashPassword(input7.password);
  const keep = via.kind === "session" ? via.sessionId : void 0;
  await db.$transaction([
    db.user.update({ where: { id: user.id }, data: { passwordHash } }),
    db.session.deleteMany({ where: { userId: user.id, ...keep && { id: { not: keep } } } })
  ]);
  return {};
});

// src/routers/shared/user.ts
import { z as z5 } from "zod";
var TOAST_POSITIONS = ["top_left", "top_center", "top_right", "bottom_left", "bottom_center", "bottom_right"];
var userSchema = z5.object({
  uuid: z5.uuid(),
  username: z5.string(),
  email: z5.string(),
  name_first: z5.string(),
  name_last: z5.string(),
  admin: z5.boolean(),
  totp_enabled: z5.boolean(),
  totp_last_used: z5.date().nullable(),
  require_two_factor: z5.boolean().meta({ description: "Whether the account must turn on two-factor authentication" }),
  language: z5.string(),
  toast_position: z5.enum(TOAST_POSITIONS),
  start_on_grouped_servers: z5.boolean(),
  created: z5.date()
}).meta({ id: "User" });
function presentUser(user, config3) {
  return {
    uuid: user.id,
    username: user.username,
    email: user.email,
    name_first: user.nameFirst,
    name_last: user.nameLast,
    admin: user.admin,
    totp_enabled: user.totpEnabled,
    totp_last_used: user.totpLastUsed,
    require_two_factor: mustHaveTwoFactor(config3.twoFactorRequirement, {
      admin: user.admin,
      roleRequiresTwoFactor: user.role?.requireTwoFactor ?? false
    }),
    language: user.language,
    toast_position: user.toastPosition,
    start_on_grouped_servers: user.startOnGroupedServers,
    created: user.created
  };
}
var userOutput = z5.object({ user: userSchema });

// src/routers/account/get.ts
var get = protectedProcedure.meta({ openapi: { method: "GET", path: "/client/account", tags: ["account"], summary: "The signed-in account" }, twoFactorExempt: true }).input(emptyInput).output(userOutput).query(({ ctx }) => ({ user: presentUser(ctx.principal.user, ctx.services.config) }));

// src/routers/account/logout.ts
var logout = protectedProcedure.meta({ openapi: { method: "POST", path: "/client/account/logout", tags: ["account"], summary: "End the session this request uses" }, twoFactorExempt: true }).input(emptyInput).output(emptyOutput).mutation(async ({ ctx }) => {
  const { db, config: config3, keys, activity } = ctx.services;
  const { via } = ctx.principal;
  if (via.kind !== "session") throw badRequest("unable to log out when not using session authentication");
  await db.session.deleteMany({ where: { id: via.sessionId } });
  activity.forgetSession(via.sessionId);
  await clearSessionCookie(ctx.req, ctx.res, config3, keys);
  return {};
});

// src/routers/account/update.ts
import { z as z7 } from "zod";

// src/db/errors.ts
function isUniqueViolation(error) {
  return typeof error === "object" && error !== null && error.code === "P2002";
}

// src/routers/shared/account-fields.ts
import { z as z6 } from "zod";
var username = z6.string().min(3, "must be 3-15 characters").max(15, "must be 3-15 characters").regex(/^[A-Za-z0-9_]+$/, "must contain only letters, numbers and underscores");
var email = z6.email({ error: "must be a valid email address" }).max(255, "must be at most 255 characters");

// src/routers/account/update.ts
var name = z7.string().trim().min(2, "must be 2-255 characters").max(255, "must be 2-255 characters");
var input2 = z7.strictObject({
  username: username.optional(),
  name_first: name.optional(),
  name_last: name.optional(),
  language: z7.string().trim().min(2, "must be 2-15 characters").max(15, "must be 2-15 characters").optional(),
  toast_position: z7.enum(TOAST_POSITIONS, { error: `must be one of ${TOAST_POSITIONS.join(", ")}` }).optional(),
  start_on_grouped_servers: jsonBoolean().optional()
});
var update = protectedProcedure.meta({
  openapi: { method: "PATCH", path: "/client/account", tags: ["account"], summary: "Change profile fields; only those given change" },
  permission: "account.infos",
  twoFactorExempt: true
}).input(input2).output(userOutput).mutation(async ({ ctx, input: input7 }) => {
  const { db, config: config3 } = ctx.services;
  const { user } = ctx.principal;
  if (input7.language !== void 0 && input7.language !== user.language && !config3.allowLanguageChange) {
    throw badRequest("language: language changes are disabled on this panel");
  }
  try {
    const updated = await db.user.update({
      where: { id: user.id },
      data: {
        ...input7.username !== void 0 && { username: input7.username, usernameKey: input7.username.toLowerCase() },
        nameFirst: input7.name_first,
        nameLast: input7.name_last,
        language: input7.language,
        toastPosition: input7.toast_position,
        startOnGroupedServers: input7.start_on_grouped_servers
      },
      include: { role: true }
    });
    return { user: presentUser(updated, config3) };
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("username already taken");
    throw error;
  }
});

// src/routers/account/index.ts
var accountRouter = router({ get, update, changePassword, logout });

// src/routers/api-keys/create.ts
import { randomUUID as randomUUID3 } from "node:crypto";
import { z as z9 } from "zod";

// src/routers/api-keys/api-key.ts
import { z as z8 } from "zod";
var apiKeySchema = z8.object({
  uuid: z8.uuid(),
  name: z8.string(),
  key_start: z8.string().meta({ description: "The first 16 characters of the key" }),
  allowed_ips: z8.array(z8.string()).meta({ description: "CIDR ranges; empty allows every address" }),
  user_permissions: z8.array(z8.string()),
  admin_permissions: z8.array(z8.string()),
  server_permissions: z8.array(z8.string()),
  last_used: z8.date().nullable(),
  expires: z8.date().nullable(),
  created: z8.date()
}).meta({ id: "ApiKey" });
var presentApiKey = (key) => ({
  uuid: key.id,
  name: key.name,
  key_start: key.keyStart,
  allowed_ips: stringList(key.allowedIps),
  user_permissions: stringList(key.userPermissions),
  admin_permissions: stringList(key.adminPermissions),
  server_permissions: stringList(key.serverPermissions),
  last_used: key.lastUsed,
  expires: key.expires,
  created: key.created
});

// src/routers/api-keys/create.ts
var permissionList = z9.array(z9.string().max(128, "must be at most 128 characters")).max(1e3, "must hold at most 1000 permissions");
var input3 = z9.strictObject({
  name: z9.string().trim().min(API_KEY_NAME_MIN, `must be ${API_KEY_NAME_MIN}-${API_KEY_NAME_MAX} characters`).max(API_KEY_NAME_MAX, `must be ${API_KEY_NAME_MIN}-${API_KEY_NAME_MAX} characters`),
  allowed_ips: z9.array(
    z9.string().transform((text, ctx) => {
      const range = parseRange(text);
      if (range) return range;
      ctx.addIssue({ code: "custom", message: "invalid ip address or cidr range" });
      return z9.NEVER;
    })
  ).max(ALLOWED_IPS_MAX, `must hold at most ${ALLOWED_IPS_MAX} addresses`).meta({ description: "IP addresses or CIDR ranges (IPv4 or IPv6); empty allows every address" }),
  user_permissions: permissionList,
  admin_permissions: permissionList,
  server_permissions: permissionList,
  expires: z9.iso.datetime({ offset: true, error: "must be an RFC 3339 date-time" }).nullish().transform((text, ctx) => {
    if (text == null) return null;
    const date = new Date(text);
    if (date.getTime() > Date.now()) return date;
    ctx.addIssue({ code: "custom", message: "must be in the future" });
    return z9.NEVER;
  })
});
var KINDS = ["user_permissions", "admin_permissions", "server_permissions"];
var create = protectedProcedure.meta({
  openapi: { method: "POST", path: "/client/account/api-keys", tags: ["api-keys"], summary: "Create an API key; the key is shown only in this answer" },
  permission: "api-keys.create"
}).input(input3).output(z9.object({ api_key: apiKeySchema, key: z9.string().meta({ description: "The full key, shown once" }) })).mutation(async ({ ctx, input: input7 }) => {
  const { db, config: config3 } = ctx.services;
  const { user, rights } = ctx.principal;
  const checks = KINDS.map((kind) => ({ kind, ...checkGrant(rights, kind, input7[kind]) }));
  const unknown = checks.flatMap(({ kind, unknown: unknown2 }) => unknown2.map((name2) => `${kind}: invalid permission: ${name2}`));
  if (unknown.length > 0) throw badRequest(unknown);
  const excess = checks.find(({ notHeld }) => notHeld.length > 0);
  if (excess) throw forbidden(`${excess.kind}: more permissions than self`);
  const { key, keyStart, keyHash } = generateApiKey();
  const now = /* @__PURE__ */ new Date();
  try {
    const created = await db.$transaction(async (tx) => {
      await tx.$executeRaw`UPDATE "users" SET "id" = "id" WHERE "id" = ${user.id}`;
      await tx.apiKey.deleteMany({ where: { userId: user.id, expires: { lte: now } } });
      if (await tx.apiKey.count({ where: { userId: user.id } }) >= config3.apiKeyLimit) {
        throw conflict("maximum number of api keys reached");
      }
      return tx.apiKey.create({
        data: {
          id: randomUUID3(),
          userId: user.id,
          name: input7.name,
          keyStart,
          keyHash,
          allowedIps: [...new Set(input7.allowed_ips)],
          userPermissions: [...new Set(input7.user_permissions)],
          adminPermissions: [...new Set(input7.admin_permissions)],
          serverPermissions: [...new Set(input7.server_permissions)],
          expires: input7.expires,
          created: now
        }
      });
    });
    return { api_key: presentApiKey(created), key };
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (isUniqueViolation(error)) throw conflict("api key with name already exists");
    throw error;
  }
});

// src/routers/api-keys/delete.ts
import { z as z10 } from "zod";
var remove = protectedProcedure.meta({
  openapi: { method: "DELETE", path: "/client/account/api-keys/{api_key}", tags: ["api-keys"], summary: "Delete an API key; it stops working at once" },
  permission: "api-keys.delete"
}).input(z10.strictObject({ api_key: uuidParam("API key") })).output(emptyOutput).mutation(async ({ ctx, input: input7 }) => {
  const deleted = await ctx.services.db.apiKey.deleteMany({ where: { id: input7.api_key, userId: ctx.principal.user.id } });
  if (deleted.count === 0) throw notFound("api key not found");
  return {};
});

// src/routers/api-keys/list.ts
import { z as z11 } from "zod";
var list = protectedProcedure.meta({
  openapi: { method: "GET", path: "/client/account/api-keys", tags: ["api-keys"], summary: "API keys of the account, oldest first; expired keys are hidden" },
  permission: "api-keys.read"
}).input(pageQuery()).output(z11.object({ api_keys: page(apiKeySchema) })).query(async ({ ctx, input: input7 }) => {
  const { db, provider } = ctx.services;
  const where = {
    userId: ctx.principal.user.id,
    OR: [{ expires: null }, { expires: { gt: /* @__PURE__ */ new Date() } }],
    ...input7.search && { name: containsText(provider, input7.search) }
  };
  const [total, keys] = await Promise.all([
    db.apiKey.count({ where }),
    db.apiKey.findMany({ where, orderBy: [{ created: "asc" }, { id: "asc" }], skip: (input7.page - 1) * input7.per_page, take: input7.per_page })
  ]);
  return { api_keys: { total, per_page: input7.per_page, page: input7.page, data: keys.map(presentApiKey) } };
});

// src/routers/api-keys/index.ts
var apiKeysRouter = router({ list, create, delete: remove });

// src/routers/auth/checkpoint.ts
import { z as z12 } from "zod";

// src/rules/totp.ts
import { generateSecret, generateURI, verify as verify2 } from "otplib";
var RECOVERY_CODE_COUNT = 10;
var RECOVERY_CODE_LENGTH = 10;
var RECOVERY_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
var PERIOD = 30;
var newTotpSecret = () => generateSecret();
var otpUrl = (secret, issuer, label) => generateURI({ issuer, label, secret, algorithm: "sha1", digits: 6, period: PERIOD });
async function matchTotp(secret, code, lastStep, now = Date.now()) {
  if (!/^\d{6}$/.test(code)) return void 0;
  const result = await verify2({
    secret,
    token: code,
    epochTolerance: PERIOD,
    epoch: Math.floor(now / 1e3),
    afterTimeStep: lastStep
  });
  return result.valid && "timeStep" in result ? result.timeStep : void 0;
}
var isRecoveryCodeShape = (code) => new RegExp(`^[a-z0-9]{${RECOVERY_CODE_LENGTH}}$`).test(code);
function newRecoveryCodes() {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => randomString(RECOVERY_CODE_LENGTH, RECOVERY_ALPHABET));
}
var hashRecoveryCode = (key, code) => hmacSha256(key, code);

// src/routers/shared/second-factor.ts
async function spendSecondFactor(services, user, code, secretSealed = user.totpSecret) {
  const { db, keys } = services;
  if (!secretSealed) return "invalid";
  if (/^\d{6}$/.test(code)) {
    const step = await matchTotp(open(keys.totp, secretSealed), code, 0);
    if (step === void 0) return "invalid";
    if (step <= user.totpLastStep) return "replayed";
    const claimed = await db.user.updateMany({
      where: { id: user.id, totpLastStep: { lt: step } },
      data: { totpLastStep: step, totpLastUsed: /* @__PURE__ */ new Date() }
    });
    return claimed.count === 1 ? "accepted" : "replayed";
  }
  if (isRecoveryCodeShape(code.toLowerCase())) {
    const spent = await db.recoveryCode.deleteMany({ where: { userId: user.id, codeHash: hashRecoveryCode(keys.recoveryCodes, code.toLowerCase()) } });
    return spent.count === 1 ? "accepted" : "invalid";
  }
  return "invalid";
}

// src/routers/auth/checkpoint-token.ts
import { sealData, unsealData } from "iron-session";
var PURPOSE = "two-factor checkpoint";
var TTL_SECONDS = 300;
var issueCheckpointToken = (password, userId) => sealData({ purpose: PURPOSE, userId }, { password, ttl: TTL_SECONDS });
async function readCheckpointToken(password, token) {
  try {
    const data = await unsealData(token, { password, ttl: TTL_SECONDS });
    return data.purpose === PURPOSE && typeof data.userId === "string" ? data.userId : void 0;
  } catch {
    return void 0;
  }
}

// src/routers/auth/start-session.ts
async function startSession(ctx, userId) {
  const { db, config: config3, keys } = ctx.services;
  if (hasSessionCookie(ctx.req)) {
    const previous = await readSessionCookie(ctx.req, ctx.res, config3, keys);
    if (previous) await db.session.deleteMany({ where: { id: previous.id, userId } });
  }
  const token = newSessionToken();
  const now = /* @__PURE__ */ new Date();
  await db.session.create({
    data: { id: token.id, userId, secretHash: token.secretHash, ip: ctx.clientIp, userAgent: userAgentOf(ctx.req), lastUsed: now, created: now }
  });
  await writeSessionCookie(ctx.req, ctx.res, config3, keys, token);
}

// src/routers/auth/checkpoint.ts
var input4 = z12.strictObject({
  confirmation_token: z12.string().min(1, "is required").max(1024, "must be at most 1024 characters"),
  code: z12.string().trim().min(1, "is required").max(64, "must be at most 64 characters").meta({ description: "A TOTP code or a recovery code" })
});
var checkpoint = publicProcedure.meta({ openapi: { method: "POST", path: "/auth/login/checkpoint", tags: ["auth"], summary: "Finish a sign-in with a TOTP or recovery code", protect: false } }).input(input4).output(userOutput).mutation(async ({ ctx, input: input7 }) => {
  const { db, config: config3, keys } = ctx.services;
  await takeAttempt(db, `checkpoint:${ctx.clientIp}`, config3.rateLimits.checkpoint);
  const userId = await readCheckpointToken(keys.checkpoint, input7.confirmation_token);
  const user = userId && await db.user.findUnique({ where: { id: userId }, include: { role: true } });
  if (!user || !user.totpEnabled) throw badRequest("invalid confirmation token");
  const result = await spendSecondFactor(ctx.services, user, input7.code);
  if (result === "replayed") throw badRequest("this code has already been used");
  if (result === "invalid") throw badRequest("invalid confirmation code");
  await startSession(ctx, user.id);
  const fresh = await db.user.findUniqueOrThrow({ where: { id: user.id }, include: { role: true } });
  return { user: presentUser(fresh, config3) };
});

// src/routers/auth/login.ts
import { z as z13 } from "zod";
var input5 = z13.strictObject({
  user: z13.string().trim().min(1, "is required").max(255, "must be at most 255 characters").meta({ description: "Username or email" }),
  password: currentPassword
});
var output = z13.discriminatedUnion("type", [
  z13.object({ type: z13.literal("completed"), user: userSchema }),
  z13.object({ type: z13.literal("two_factor_required"), token: z13.string().meta({ description: "Opaque, valid 5 minutes" }) })
]);
var login = publicProcedure.meta({ openapi: { method: "POST", path: "/auth/login", tags: ["auth"], summary: "Sign in with a username or email and a password", protect: false } }).input(input5).output(output).mutation(async ({ ctx, input: input7 }) => {
  const { db, config: config3, keys } = ctx.services;
  await takeAttempt(db, `login:${ctx.clientIp}`, config3.rateLimits.login);
  const key = input7.user.toLowerCase();
  const user = await db.user.findFirst({ where: { OR: [{ usernameKey: key }, { emailKey: key }] }, include: { role: true } });
  if (!await verifyPassword(user?.passwordHash, input7.password) || !user) throw badRequest("invalid username or password");
  if (user.totpEnabled) return { type: "two_factor_required", token: await issueCheckpointToken(keys.checkpoint, user.id) };
  await startSession(ctx, user.id);
  return { type: "completed", user: presentUser(user, config3) };
});

// src/routers/auth/index.ts
var authRouter = router({ login, checkpoint });

// src/routers/permissions/list.ts
import { z as z14 } from "zod";
var catalogue = z14.record(z14.string(), z14.object({ description: z14.string(), permissions: z14.record(z14.string(), z14.string()) }));
var list2 = protectedProcedure.meta({ openapi: { method: "GET", path: "/client/permissions", tags: ["permissions"], summary: "The permission catalogue: group -> names with a description" } }).input(emptyInput).output(z14.object({ user_permissions: catalogue, admin_permissions: catalogue, server_permissions: catalogue })).query(() => ({ user_permissions: USER_PERMISSIONS, admin_permissions: ADMIN_PERMISSIONS, server_permissions: SERVER_PERMISSIONS }));

// src/routers/permissions/index.ts
var permissionsRouter = router({ list: list2 });

// src/routers/sessions/delete.ts
import { z as z15 } from "zod";
var remove2 = protectedProcedure.meta({
  openapi: { method: "DELETE", path: "/client/account/sessions/{session}", tags: ["sessions"], summary: "End one session of the account" },
  permission: "sessions.delete"
}).input(z15.strictObject({ session: uuidParam("session") })).output(emptyOutput).mutation(async ({ ctx, input: input7 }) => {
  const { db, activity } = ctx.services;
  const deleted = await db.session.deleteMany({ where: { id: input7.session, userId: ctx.principal.user.id } });
  if (deleted.count === 0) throw notFound("session not found");
  activity.forgetSession(input7.session);
  return {};
});

// src/routers/sessions/delete-others.ts
import { z as z16 } from "zod";
var deleteOthers = protectedProcedure.meta({
  openapi: { method: "DELETE", path: "/client/account/sessions", tags: ["sessions"], summary: "Log out everywhere else: end every session of the account but this one" },
  permission: "sessions.delete"
}).input(emptyInput).output(z16.object({ deleted: z16.number().int() })).mutation(async ({ ctx }) => {
  const { user, via } = ctx.principal;
  const keep = via.kind === "session" ? via.sessionId : void 0;
  const { count } = await ctx.services.db.session.deleteMany({ where: { userId: user.id, ...keep && { id: { not: keep } } } });
  return { deleted: count };
});

// src/routers/sessions/list.ts
import { z as z18 } from "zod";

// src/routers/sessions/session.ts
import { z as z17 } from "zod";
var sessionSchema = z17.object({
  uuid: z17.uuid(),
  ip: z17.string(),
  user_agent: z17.string(),
  is_using: z17.boolean().meta({ description: "True only for the session making this request" }),
  last_used: z17.date(),
  created: z17.date()
}).meta({ id: "Session" });

// src/routers/sessions/list.ts
var list3 = protectedProcedure.meta({
  openapi: { method: "GET", path: "/client/account/sessions", tags: ["sessions"], summary: "Live sessions of the account, most recently used first" },
  permission: "sessions.read"
}).input(pageQuery()).output(z18.object({ sessions: page(sessionSchema) })).query(async ({ ctx, input: input7 }) => {
  const { db, provider, config: config3, activity } = ctx.services;
  const { user, via } = ctx.principal;
  const cutoff = expiryCutoffs({ idleSeconds: config3.sessionIdleSeconds, maxAgeSeconds: config3.sessionMaxAgeSeconds });
  const where = {
    userId: user.id,
    lastUsed: { gt: cutoff.lastUsed },
    created: { gt: cutoff.created },
    ...input7.search && { userAgent: containsText(provider, input7.search) }
  };
  await activity.flush();
  const [total, sessions] = await Promise.all([
    db.session.count({ where }),
    db.session.findMany({ where, orderBy: [{ lastUsed: "desc" }, { id: "asc" }], skip: (input7.page - 1) * input7.per_page, take: input7.per_page })
  ]);
  const current = via.kind === "session" ? via.sessionId : void 0;
  const data = sessions.map((session) => ({
    uuid: session.id,
    ip: session.ip,
    user_agent: session.userAgent,
    is_using: session.id === current,
    last_used: session.lastUsed,
    created: session.created
  }));
  return { sessions: { total, per_page: input7.per_page, page: input7.page, data } };
});

// src/routers/sessions/index.ts
var sessionsRouter = router({ list: list3, delete: remove2, deleteOthers });

// src/routers/two-factor/disable.ts
import { z as z19 } from "zod";
var disableInput = z19.strictObject({ code: secondFactorCode, password: currentPassword });
var disable = protectedProcedure.meta({
  openapi: {
    method: "DELETE",
    path: "/client/account/two-factor",
    tags: ["two-factor"],
    summary: "Turn two-factor off with a TOTP or recovery code and the password",
    description: 'Takes a JSON body {"code", "password"}, as documented; a password never goes in a URL.'
  },
  permission: "account.two-factor",
  twoFactorExempt: true,
  jsonBody: true
}).input(disableInput).output(emptyOutput).mutation(async ({ ctx, input: input7 }) => {
  const { db } = ctx.services;
  const { user } = ctx.principal;
  if (!user.totpEnabled) throw conflict("two-factor authentication is not enabled");
  if (!await verifyPassword(user.passwordHash, input7.password)) throw badRequest("password: invalid password");
  const result = await spendSecondFactor(ctx.services, user, input7.code);
  if (result === "replayed") throw badRequest("code: this code has already been used");
  if (result === "invalid") throw badRequest("code: invalid confirmation code");
  await db.$transaction([
    db.user.update({ where: { id: user.id }, data: { totpEnabled: false, totpSecret: null } }),
    db.recoveryCode.deleteMany({ where: { userId: user.id } })
  ]);
  return {};
});

// src/routers/two-factor/enable.ts
import { randomUUID as randomUUID4 } from "node:crypto";
import { z as z20 } from "zod";
var input6 = z20.strictObject({
  code: z20.string().trim().regex(/^\d{6}$/, "must be a 6-digit code"),
  password: currentPassword
});
var enable = protectedProcedure.meta({
  openapi: { method: "POST", path: "/client/account/two-factor", tags: ["two-factor"], summary: "Turn two-factor on with the first code; answers 10 recovery codes" },
  permission: "account.two-factor",
  twoFactorExempt: true
}).input(input6).output(z20.object({ recovery_codes: z20.array(z20.string()).length(10) })).mutation(async ({ ctx, input: input7 }) => {
  const { db, keys } = ctx.services;
  const { user } = ctx.principal;
  if (user.totpEnabled) throw conflict("two-factor authentication is already enabled");
  if (!user.totpSecret) throw badRequest("two-factor authentication setup has not been started");
  if (!await verifyPassword(user.passwordHash, input7.password)) throw badRequest("password: invalid password");
  const result = await spendSecondFactor(ctx.services, user, input7.code);
  if (result === "replayed") throw badRequest("code: this code has already been used");
  if (result === "invalid") throw badRequest("code: invalid confirmation code");
  const codes = newRecoveryCodes();
  await db.$transaction(async (tx) => {
    const enabled = await tx.user.updateMany({ where: { id: user.id, totpEnabled: false, totpSecret: user.totpSecret }, data: { totpEnabled: true } });
    if (enabled.count === 0) throw conflict("two-factor authentication is already enabled");
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.recoveryCode.createMany({
      data: codes.map((code) => ({ id: randomUUID4(), userId: user.id, codeHash: hashRecoveryCode(keys.recoveryCodes, code) }))
    });
  });
  return { recovery_codes: codes };
});

// src/routers/two-factor/setup.ts
import { z as z21 } from "zod";
var setup = protectedProcedure.meta({
  openapi: { method: "GET", path: "/client/account/two-factor", tags: ["two-factor"], summary: "Start two-factor setup: a new pending secret each call" },
  permission: "account.two-factor",
  twoFactorExempt: true
}).input(emptyInput).output(z21.object({ otp_url: z21.string().meta({ description: "otpauth:// URL for a QR code" }), secret: z21.string().meta({ description: "Base32 secret for manual entry" }) })).query(async ({ ctx }) => {
  const { db, keys, config: config3 } = ctx.services;
  const { user } = ctx.principal;
  const secret = newTotpSecret();
  const pending = await db.user.updateMany({ where: { id: user.id, totpEnabled: false }, data: { totpSecret: seal(keys.totp, secret) } });
  if (pending.count === 0) throw conflict("two-factor authentication is already enabled");
  return { otp_url: otpUrl(secret, config3.appUrl.host, user.username), secret };
});

// src/routers/two-factor/index.ts
var twoFactorRouter = router({ setup, enable, disable });

// src/routers/index.ts
var appRouter = router({
  auth: authRouter,
  account: accountRouter,
  apiKeys: apiKeysRouter,
  twoFactor: twoFactorRouter,
  sessions: sessionsRouter,
  permissions: permissionsRouter
});

// src/server/app.ts
import helmet from "helmet";

// src/server/docs.ts
import { createRequire } from "node:module";
import { dirname as dirname4 } from "node:path";
import express, { Router } from "express";
var PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Panel account API</title>
  <link rel="icon" type="image/png" href="/api/docs/assets/favicon-32x32.png">
  <link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/api/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/api/docs/start.js"></script>
</body>
</html>
`;
var START = `window.ui = SwaggerUIBundle({
  url: '/api/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  withCredentials: true,
});
`;
function docsRouter() {
  const assets = dirname4(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
  const router2 = Router();
  router2.get("/api/docs", (_req, res) => {
    res.type("html").send(PAGE);
  });
  router2.get("/api/docs/start.js", (_req, res) => {
    res.type("text/javascript").send(START);
  });
  router2.use("/api/docs/assets", express.static(assets, { index: false, maxAge: "1d" }));
  return router2;
}

// src/server/openapi.ts
import "zod";
import { generateOpenApiDocument } from "trpc-to-openapi";
import { createSchema } from "zod-openapi";
var errorBody = {
  type: "object",
  required: ["errors"],
  additionalProperties: false,
  properties: { errors: { type: "array", minItems: 1, items: { type: "string" } } }
};
function buildOpenApiDocument() {
  const document = generateOpenApiDocument(appRouter, {
    title: "Game panel account API",
    description: 'Account service of a game-server panel: sign-in, profile, password, API keys, two-factor authentication and sessions. Every error answers {"errors": ["message", ...]}.',
    version: "1.0.0",
    baseUrl: "/api",
    securitySchemes: {
      bearerAuth: { type: "http", scheme: "bearer", description: "An API key: ptlc_ followed by 43 letters and digits" },
      sessionCookie: { type: "apiKey", in: "cookie", name: "panel_session", description: "The session cookie set by POST /api/auth/login" }
    }
  });
  document.components ??= {};
  const schemas = Object.entries(document.components.schemas ?? {}).filter(([name2]) => !name2.startsWith("error."));
  document.components.schemas = { ...Object.fromEntries(schemas), Errors: errorBody };
  const errorRef = { description: "An error", content: { "application/json": { schema: { $ref: "#/components/schemas/Errors" } } } };
  const bodies = jsonBodyDeletes();
  for (const [path3, item] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(item)) {
      if (!operation || typeof operation !== "object" || !operation.responses) continue;
      for (const status of Object.keys(operation.responses)) {
        if (status === "default" || Number(status) >= 400) delete operation.responses[status];
      }
      operation.responses.default = errorRef;
      const body = method === "delete" ? bodies.get(path3) : void 0;
      if (body) {
        operation.parameters = (operation.parameters ?? []).filter((parameter) => parameter.in !== "query");
        operation.requestBody = { required: true, content: { "application/json": { schema: body } } };
      }
    }
  }
  return document;
}
function jsonBodyDeletes() {
  const inputs = { "twoFactor.disable": disableInput };
  const bodies = /* @__PURE__ */ new Map();
  for (const [name2, procedure] of Object.entries(appRouter._def.procedures)) {
    const meta = procedure._def.meta;
    if (!meta?.jsonBody || !meta.openapi) continue;
    const input7 = inputs[name2];
    if (!input7) throw new Error(`${name2} takes a JSON body on DELETE but has no schema listed here`);
    bodies.set(meta.openapi.path, createSchema(input7).schema);
  }
  return bodies;
}

// src/server/rest.ts
import { createOpenApiNodeHttpHandler } from "trpc-to-openapi";
function restRoutes() {
  return Object.values(appRouter._def.procedures).flatMap((procedure) => {
    const meta = procedure._def.meta;
    if (!meta?.openapi) return [];
    const source = meta.openapi.path.replace(/\{[^}]+\}/g, "[^/]+");
    return [{ method: meta.openapi.method, pattern: new RegExp(`^${source}/?$`, "i"), jsonBody: meta.jsonBody === true }];
  });
}
var hasBody = (req) => req.headers["transfer-encoding"] !== void 0 || (req.headers["content-length"] ?? "0") !== "0";
function restAdapter(services) {
  const routes = restRoutes();
  const errors = /* @__PURE__ */ new WeakMap();
  const createContext = contextFactory(services);
  const handler = createOpenApiNodeHttpHandler({
    router: appRouter,
    createContext: ({ req, res }) => createContext({ req, res }),
    onError: ({ error, req }) => {
      const appError = toAppError(error);
      errors.set(req, appError);
      if (appError.status >= 500) services.log.error({ err: error.cause ?? error, path: req.url }, "request failed");
    },
    responseMeta: ({ errors: [error] }) => {
      if (!error) return {};
      const appError = toAppError(error);
      return { status: appError.status, headers: appError.headers };
    }
  });
  const prepare = (req, _res, next) => {
    if (!req.headers["content-type"] && !hasBody(req)) req.headers["content-type"] = "application/json";
    next();
  };
  const handle = async (req, res, next) => {
    const route = routes.find((r) => r.method === req.method && r.pattern.test(req.path));
    if (route?.jsonBody) {
      Object.defineProperty(req, "query", { value: req.body ?? {}, configurable: true, enumerable: true });
    }
    const end = res.end.bind(res);
    res.end = ((chunk) => {
      const appError = errors.get(req);
      return end(appError ? JSON.stringify({ errors: appError.messages }) : chunk);
    });
    await handler(req, res, next);
  };
  const unmatched = (req, res) => {
    const allowed = routes.filter((r) => r.pattern.test(req.path)).map((r) => r.method);
    if (allowed.length > 0) {
      res.status(405).set("Allow", [...new Set(allowed)].join(", ")).json({ errors: ["method not allowed"] });
    } else {
      res.status(404).json({ errors: ["not found"] });
    }
  };
  return { prepare, handle, unmatched };
}

// src/server/app.ts
var BODY_LIMIT = "64kb";
function parserError(error) {
  switch (error.type) {
    case "entity.parse.failed":
      return new AppError(400, "invalid payload");
    case "entity.too.large":
      return new AppError(413, "request body too large");
    case "charset.unsupported":
    case "encoding.unsupported":
      return new AppError(415, "unsupported content encoding");
    default:
      return error.status === 400 ? new AppError(400, "invalid payload") : void 0;
  }
}
function createApp(services) {
  const app = express2();
  app.disable("x-powered-by");
  app.set("etag", false);
  app.use(requestLogger(services.log));
  const https = services.config.appUrl.protocol === "https:";
  app.use(
    helmet({
      strictTransportSecurity: https,
      contentSecurityPolicy: { directives: { upgradeInsecureRequests: https ? [] : null } }
    })
  );
  app.get("/api/health", async (_req, res) => {
    await services.db.$queryRawUnsafe("SELECT 1");
    res.json({ status: "ok" });
  });
  app.use(docsRouter());
  app.use(
    "/trpc",
    createExpressMiddleware({
      router: appRouter,
      createContext: contextFactory(services),
      maxBodySize: 64 * 1024,
      onError: ({ error, path: path3 }) => {
        if (toAppError(error).status >= 500) services.log.error({ err: error.cause ?? error, path: path3 }, "request failed");
      },
      responseMeta: ({ errors }) => {
        const [error] = errors;
        if (!error) return {};
        const appError = toAppError(error);
        return { status: appError.status, headers: appError.headers };
      }
    })
  );
  const openApiDocument = JSON.stringify(buildOpenApiDocument());
  app.get("/api/openapi.json", (_req, res) => {
    res.type("application/json").send(openApiDocument);
  });
  const rest = restAdapter(services);
  app.use("/api", rest.prepare, express2.json({ limit: BODY_LIMIT }), rest.handle, rest.unmatched);
  app.use((_req, res) => {
    res.status(404).json({ errors: ["not found"] });
  });
  app.use((error, req, res, _next) => {
    const appError = parserError(error) ?? toAppError(error);
    if (appError.status >= 500) services.log.error({ err: error, path: req.path }, "request failed");
    if (res.headersSent) return res.end();
    res.status(appError.status).set(appError.headers).json({ errors: appError.messages });
  });
  return app;
}

// src/server/start.ts
var CLEANUP_INTERVAL_MS = 10 * 60 * 1e3;
var SHUTDOWN_GRACE_MS = 1e4;
async function cleanUp(services, now = Date.now()) {
  const { db, config: config3 } = services;
  const cutoff = expiryCutoffs({ idleSeconds: config3.sessionIdleSeconds, maxAgeSeconds: config3.sessionMaxAgeSeconds }, now);
  await db.session.deleteMany({ where: { OR: [{ lastUsed: { lte: cutoff.lastUsed } }, { created: { lte: cutoff.created } }] } });
  await db.apiKey.deleteMany({ where: { expires: { lte: new Date(now) } } });
  const longestWindow = Math.max(config3.rateLimits.login.seconds, config3.rateLimits.checkpoint.seconds);
  await forgetOldAttempts(db, longestWindow, new Date(now));
}
async function startServer(config3, options3 = {}) {
  const log2 = options3.log ?? createLogger();
  const { db, provider, close: closeDatabase } = await openDatabase(config3.databaseUrl);
  const keys = deriveKeys(loadServerSecret(config3.sessionSecret, config3.dataDir));
  const activity = new ActivityWriter(db, 2e3, (err) => log2.warn({ err }, "could not write last-used times; will retry"));
  const services = { config: config3, db, provider, keys, activity, log: log2 };
  const cleanup = setInterval(() => {
    cleanUp(services).catch((err) => log2.warn({ err }, "cleanup failed; will retry"));
  }, CLEANUP_INTERVAL_MS);
  cleanup.unref();
  const app = createApp(services);
  const server = await new Promise((resolve2, reject) => {
    const s = app.listen(config3.port, options3.host ?? "::", (error) => error ? reject(error) : resolve2(s));
  });
  server.keepAliveTimeout = 65e3;
  const { port } = server.address();
  const url = `http://${options3.host && options3.host !== "::" ? options3.host : "localhost"}:${port}`;
  log2.info({ url, database: provider }, "listening");
  let closing;
  return {
    url,
    services,
    close: () => closing ??= (async () => {
      clearInterval(cleanup);
      await new Promise((resolve2) => {
        const sweep = setInterval(() => server.closeIdleConnections(), 50);
        const deadline = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
        server.close(() => {
          clearInterval(sweep);
          clearTimeout(deadline);
          resolve2();
        });
        server.closeIdleConnections();
      });
      await activity.close();
      await closeDatabase();
    })()
  };
}

// src/main.ts
var log = createLogger();
try {
  const running = await startServer(loadConfig(), { log });
  for (const signal of ["SIGTERM", "SIGINT"]) {
    process.once(signal, () => {
      log.info({ signal }, "shutting down");
      running.close().then(
        () => process.exit(0),
        (err) => {
          log.error({ err }, "shutdown failed");
          process.exit(1);
        }
      );
    });
  }
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    log.fatal({ err: error }, "could not start");
  }
  process.exit(1);
}
