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

// The names are Calagopus's whole catalogue; the descriptions are ours.
export const USER_PERMISSIONS: Catalogue = {
  account: group('Your own account', 'account', {
    infos: 'Change the profile: username, names, language and preferences',
    email: 'Change the email address',
    password: 'Change the password',
    'two-factor': 'Turn two-factor authentication on and off',
    avatar: 'Change the avatar',
  }),
  servers: group('Servers the account can reach', 'servers', {
    create: 'Create servers',
    read: 'List servers',
    update: 'Change servers',
    delete: 'Delete servers',
    view: 'Open a server',
  }),
  'api-keys': group('API keys of the account', 'api-keys', {
    create: 'Create API keys',
    read: 'List API keys',
    update: 'Change the name, addresses, permissions and expiry of API keys',
    delete: 'Delete API keys',
    recreate: 'Replace the secret of API keys',
  }),
  'security-keys': group('Security keys (passkeys) of the account', 'security-keys', {
    create: 'Register security keys (a key that can sign in as the account)',
    read: 'List security keys',
    update: 'Rename security keys',
    delete: 'Delete security keys',
  }),
  'ssh-keys': group('SSH keys of the account', 'ssh-keys', crud('SSH keys')),
  'oauth-links': group('Sign-in links to outside providers', 'oauth-links', {
    create: 'Link an outside sign-in provider',
    read: 'List linked providers',
    delete: 'Unlink providers',
  }),
  'command-snippets': group('Saved console commands', 'command-snippets', crud('command snippets')),
  sessions: group('Signed-in sessions of the account', 'sessions', {
    read: 'List sessions',
    delete: 'End sessions',
  }),
  activity: group('Activity of the account', 'activity', { read: 'Read the activity log' }),
};

const withBackups = (noun: string) => ({ ...crud(noun), backups: `Manage the backups of ${noun}` });

export const ADMIN_PERMISSIONS: Catalogue = {
  stats: group('Panel statistics', 'stats', { read: 'Read panel statistics' }),
  settings: group('Panel settings', 'settings', { read: 'Read panel settings', update: 'Change panel settings' }),
  'email-templates': group('Email templates', 'email-templates', { read: 'Read email templates', update: 'Change email templates' }),
  extensions: group('Extensions', 'extensions', { read: 'List extensions', manage: 'Install, update and remove extensions' }),
  announcements: group('Announcements', 'announcements', crud('announcements')),
  assets: group('Uploaded assets', 'assets', { read: 'List assets', upload: 'Upload assets', delete: 'Delete assets' }),
  users: group('Accounts', 'users', {
    create: 'Create accounts',
    read: 'List and view accounts',
    update: 'Change accounts',
    'disable-two-factor': 'Turn off two-factor authentication of an account',
    delete: 'Delete accounts',
    email: 'Send mail to accounts',
    activity: 'Read the activity of accounts',
    'oauth-links': 'Manage the outside sign-in links of accounts',
    impersonate: 'Act as another account',
  }),
  roles: group('Roles', 'roles', crud('roles')),
  locations: group('Locations', 'locations', {
    ...crud('locations'),
    'database-hosts': 'Manage the database hosts of locations',
    'database-agent-hosts': 'Manage the database agent hosts of locations',
  }),
  'backup-configurations': group('Backup configurations', 'backup-configurations', withBackups('backup configurations')),
  'system-backup-policies': group('System backup policies', 'system-backup-policies', withBackups('system backup policies')),
  nodes: group('Nodes', 'nodes', {
    ...crud('nodes'),
    'read-token': 'Read the token of a node',
    'reset-token': 'Reset the token of a node',
    allocations: 'Manage the allocations of a node',
    mounts: 'Manage the mounts of a node',
    'database-hosts': 'Manage the database hosts of a node',
    'database-agent-hosts': 'Manage the database agent hosts of a node',
    backups: 'Manage the backups of a node',
    power: 'Start, stop and restart every server of a node',
    transfers: 'Manage transfers to and from a node',
  }),
  servers: group('All servers', 'servers', {
    ...crud('servers'),
    transfer: 'Move servers between nodes',
    allocations: 'Manage the allocations of servers',
    variables: 'Change the startup variables of servers',
    mounts: 'Manage the mounts of servers',
  }),
  nests: group('Nests', 'nests', crud('nests')),
  eggs: group('Eggs', 'eggs', { ...crud('eggs'), mounts: 'Manage the mounts of eggs' }),
  'egg-configurations': group('Egg configurations', 'egg-configurations', crud('egg configurations')),
  'egg-repositories': group('Egg repositories', 'egg-repositories', { ...crud('egg repositories'), sync: 'Fetch eggs from repositories' }),
  'database-hosts': group('Database hosts', 'database-hosts', { ...crud('database hosts'), test: 'Test the connection to database hosts' }),
  'database-agent-hosts': group('Database agent hosts', 'database-agent-hosts', {
    ...crud('database agent hosts'),
    'read-token': 'Read the token of a database agent host',
    'reset-token': 'Reset the token of a database agent host',
    test: 'Test the connection to database agent hosts',
  }),
  'database-agent-templates': group('Database agent templates', 'database-agent-templates', crud('database agent templates')),
  'oauth-providers': group('Outside sign-in providers', 'oauth-providers', crud('outside sign-in providers')),
  mounts: group('Mounts', 'mounts', crud('mounts')),
  activity: group('Panel activity', 'activity', { read: 'Read the activity of the whole panel' }),
};

export const SERVER_PERMISSIONS: Catalogue = {
  control: group('Power and console', 'control', {
    'read-console': 'Read the console',
    console: 'Send commands to the console',
    start: 'Start the server',
    stop: 'Stop the server',
    restart: 'Restart the server',
  }),
  subusers: group('Subusers', 'subusers', crud('subusers')),
  files: group('Files', 'files', {
    create: 'Create files',
    read: 'List files',
    'read-content': 'Read the content of files',
    update: 'Change files',
    delete: 'Delete files',
    archive: 'Compress and decompress files',
    sftp: 'Connect over SFTP',
    'query-raw': 'Run raw queries on files',
  }),
  backups: group('Backups', 'backups', {
    create: 'Create backups',
    read: 'List backups',
    download: 'Download backups',
    restore: 'Restore backups',
    update: 'Change backups',
    delete: 'Delete backups',
  }),
  'backup-groups': group('Backup groups', 'backup-groups', crud('backup groups')),
  schedules: group('Schedules', 'schedules', crud('schedules')),
  allocations: group('Network allocations', 'allocations', crud('allocations')),
  startup: group('Startup', 'startup', {
    read: 'Read the startup variables',
    update: 'Change the startup variables',
    command: 'Change the startup command',
    'docker-image': 'Change the Docker image',
  }),
  databases: group('Databases', 'databases', {
    create: 'Create databases',
    read: 'List databases',
    'read-password': 'Read database passwords',
    update: 'Change databases',
    recreate: 'Recreate databases',
    delete: 'Delete databases',
    query: 'Query databases',
    'query-raw': 'Run raw SQL on databases',
    'edit-rows': 'Change rows of databases',
    'edit-structure': 'Change the structure of databases',
    'delete-structure': 'Drop tables and columns of databases',
  }),
  'database-instances': group('Database instances', 'database-instances', {
    ...crud('database instances'),
    'apply-update': 'Apply updates to database instances',
    power: 'Start, stop and restart database instances',
    logs: 'Read the logs of database instances',
    databases: 'Manage the databases of database instances',
    recreate: 'Recreate database instances',
    users: 'Manage the users of database instances',
    import: 'Import into database instances',
    export: 'Export from database instances',
    query: 'Query database instances',
    'query-raw': 'Run raw SQL on database instances',
    'edit-rows': 'Change rows in database instances',
    'edit-structure': 'Change the structure in database instances',
    'delete-structure': 'Drop tables and columns in database instances',
  }),
  mounts: group('Mounts', 'mounts', { attach: 'Attach mounts', read: 'List mounts', detach: 'Detach mounts' }),
  settings: group('Server settings', 'settings', {
    rename: 'Rename the server',
    timezone: 'Change the time zone of the server',
    'auto-kill': 'Change when the server is killed automatically',
    'auto-start': 'Change whether the server starts automatically',
    install: 'Reinstall the server',
    'cancel-install': 'Cancel an installation',
  }),
  activity: group('Server activity', 'activity', { read: 'Read the activity of the server', 'read-ip': 'See the addresses in the activity of the server' }),
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
