// The permission catalogue (Calagopus's user, admin and server names) and the rule that
// decides what a request may do: a session holds its account's rights, a key holds only
// what it lists within them.

type Group = { description: string; permissions: Record<string, string> };
type Catalogue = Record<string, Group>;

const group = (description: string, prefix: string, names: Record<string, string>): Group => ({
  description,
  permissions: Object.fromEntries(Object.entries(names).map(([name, text]) => [`${prefix}.${name}`, text])),
});

const crud = (noun: string) => ({
  create: `Create ${noun}`,
  read: `List and view ${noun}`,
  update: `Change ${noun}`,
  delete: `Delete ${noun}`,
});

export const USER_PERMISSIONS: Catalogue = {
  account: group('Your own account', 'account', {
    infos: 'Change the profile: username, names, language and preferences',
    password: 'Change the password',
    'two-factor': 'Turn two-factor authentication on and off',
  }),
  'api-keys': group('API keys of the account', 'api-keys', {
    create: 'Create API keys',
    read: 'List API keys',
    delete: 'Delete API keys',
  }),
  sessions: group('Signed-in sessions of the account', 'sessions', {
    read: 'List sessions',
    delete: 'End sessions',
  }),
  'security-keys': group('Security keys (passkeys) of the account', 'security-keys', {
    create: 'Register security keys (a key that can sign in as the account)',
    read: 'List security keys',
    update: 'Rename security keys',
    delete: 'Delete security keys',
  }),
  activity: group('Activity of the account', 'activity', { read: 'Read the activity log' }),
  servers: group('Servers the account can reach', 'servers', {
    create: 'Create servers',
    read: 'List servers',
    view: 'Open a server',
    delete: 'Delete servers',
  }),
};

export const ADMIN_PERMISSIONS: Catalogue = {
  stats: group('Panel statistics', 'stats', { read: 'Read panel statistics' }),
  settings: group('Panel settings', 'settings', { read: 'Read panel settings', update: 'Change panel settings' }),
  users: group('Accounts', 'users', { ...crud('accounts'), 'disable-two-factor': 'Turn off two-factor authentication of an account' }),
  roles: group('Roles', 'roles', crud('roles')),
  locations: group('Locations', 'locations', crud('locations')),
  nodes: group('Nodes', 'nodes', { ...crud('nodes'), 'reset-token': 'Reset the token of a node', allocations: 'Manage the allocations of a node' }),
  servers: group('All servers', 'servers', { ...crud('servers'), transfer: 'Move servers between nodes', suspend: 'Suspend and unsuspend servers' }),
  nests: group('Nests', 'nests', crud('nests')),
  eggs: group('Eggs', 'eggs', { ...crud('eggs'), import: 'Import eggs', export: 'Export eggs' }),
  'database-hosts': group('Database hosts', 'database-hosts', crud('database hosts')),
  mounts: group('Mounts', 'mounts', crud('mounts')),
  activity: group('Panel activity', 'activity', { read: 'Read the activity of the whole panel' }),
};

export const SERVER_PERMISSIONS: Catalogue = {
  control: group('Power and console', 'control', {
    console: 'Read and send to the console',
    start: 'Start the server',
    stop: 'Stop the server',
    restart: 'Restart the server',
  }),
  subusers: group('Subusers', 'subusers', crud('subusers')),
  files: group('Files', 'files', {
    ...crud('files'),
    'read-content': 'Read the content of files',
    archive: 'Compress and decompress files',
    sftp: 'Connect over SFTP',
  }),
  backups: group('Backups', 'backups', { ...crud('backups'), download: 'Download backups', restore: 'Restore backups' }),
  allocations: group('Network allocations', 'allocations', crud('allocations')),
  startup: group('Startup', 'startup', { read: 'Read the startup variables', update: 'Change the startup variables', 'docker-image': 'Change the Docker image' }),
  databases: group('Databases', 'databases', { ...crud('databases'), 'view-password': 'View database passwords' }),
  schedules: group('Schedules', 'schedules', crud('schedules')),
  settings: group('Server settings', 'settings', { rename: 'Rename the server', reinstall: 'Reinstall the server' }),
  activity: group('Server activity', 'activity', { read: 'Read the activity of the server' }),
};

const names = (catalogue: Catalogue) => new Set(Object.values(catalogue).flatMap((g) => Object.keys(g.permissions)));

export const ALL_USER = names(USER_PERMISSIONS);
export const ALL_ADMIN = names(ADMIN_PERMISSIONS);
export const ALL_SERVER = names(SERVER_PERMISSIONS);

export type PermissionKind = 'user_permissions' | 'admin_permissions' | 'server_permissions';
export const CATALOGUE: Record<PermissionKind, ReadonlySet<string>> = {
  user_permissions: ALL_USER,
  admin_permissions: ALL_ADMIN,
  server_permissions: ALL_SERVER,
};

export type Rights = Record<PermissionKind, ReadonlySet<string>>;

/** What an account holds when it acts through a session. */
export function accountRights(account: { admin: boolean; roleAdminPermissions: readonly string[] }): Rights {
  return {
    user_permissions: ALL_USER,
    admin_permissions: account.admin ? ALL_ADMIN : new Set(account.roleAdminPermissions.filter((p) => ALL_ADMIN.has(p))),
    server_permissions: ALL_SERVER,
  };
}

/** What a key may do: what it lists, within its owner's current rights. */
export function keyRights(owner: Rights, listed: Record<PermissionKind, readonly string[]>): Rights {
  const within = (kind: PermissionKind) => new Set(listed[kind].filter((p) => owner[kind].has(p)));
  return {
    user_permissions: within('user_permissions'),
    admin_permissions: within('admin_permissions'),
    server_permissions: within('server_permissions'),
  };
}

/** Names a request asks to grant that are not in the catalogue, and those the caller does not hold. */
export function checkGrant(rights: Rights, kind: PermissionKind, requested: readonly string[]) {
  return {
    unknown: requested.filter((p) => !CATALOGUE[kind].has(p)),
    notHeld: requested.filter((p) => CATALOGUE[kind].has(p) && !rights[kind].has(p)),
  };
}
