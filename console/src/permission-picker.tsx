// Picks an API key's permissions from the catalogue the server serves (permissions.list):
// one section per kind, one group of checkboxes per feature, each group with "all".
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { trpc, type Outputs } from './trpc.ts';
import { LoadFailure } from './ui.tsx';

export type Kind = 'user_permissions' | 'admin_permissions' | 'server_permissions';
export type Picked = Record<Kind, ReadonlySet<string>>;
type Group = Outputs['permissions']['list'][Kind][string];

export const noPermissions: Picked = { user_permissions: new Set(), admin_permissions: new Set(), server_permissions: new Set() };

const KINDS: { kind: Kind; title: string; adminOnly?: boolean }[] = [
  { kind: 'user_permissions', title: 'Account permissions' },
  { kind: 'server_permissions', title: 'Server permissions' },
  { kind: 'admin_permissions', title: 'Admin permissions', adminOnly: true },
];

export function PermissionPicker({ picked, onChange, admin, errors }: { picked: Picked; onChange: (picked: Picked) => void; admin: boolean; errors: Record<string, string[]> }) {
  const catalogue = useQuery({ ...trpc.permissions.list.queryOptions(), staleTime: Infinity });
  if (catalogue.isPending) return <p role="status">Loading the permissions…</p>;
  if (catalogue.isError) return <LoadFailure error={catalogue.error} retry={() => void catalogue.refetch()} />;
  const set = (kind: Kind, names: string[], on: boolean) => {
    const next = new Set(picked[kind]);
    for (const name of names) {
      if (on) next.add(name);
      else next.delete(name);
    }
    onChange({ ...picked, [kind]: next });
  };
  return (
    <>
      {KINDS.filter(({ adminOnly }) => admin || !adminOnly).map(({ kind, title }) => (
        <KindSection key={kind} title={title} count={picked[kind].size} errors={errors[kind]} open={kind === 'user_permissions' || picked[kind].size > 0 || !!errors[kind]}>
          {Object.entries(catalogue.data[kind]).map(([name, group]) => (
            <GroupBoxes key={name} name={name} group={group} picked={picked[kind]} onSet={(names, on) => set(kind, names, on)} />
          ))}
        </KindSection>
      ))}
    </>
  );
}

function KindSection({ title, count, errors, open, children }: { title: string; count: number; errors: string[] | undefined; open: boolean; children: ReactNode }) {
  const id = useId();
  return (
    <details className="permissions" open={open || undefined}>
      <summary>
        {title} <span className="count">({count} chosen)</span>
      </summary>
      <fieldset aria-describedby={errors?.length ? `${id}-errors` : undefined}>
        <legend className="visually-hidden">{title}</legend>
        {errors?.length ? (
          <ul className="field-errors focus-on-error" id={`${id}-errors`} tabIndex={-1}>
            {errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        ) : null}
        {children}
      </fieldset>
    </details>
  );
}

function GroupBoxes({ name, group, picked, onSet }: { name: string; group: Group; picked: ReadonlySet<string>; onSet: (names: string[], on: boolean) => void }) {
  const names = Object.keys(group.permissions);
  const chosen = names.filter((permission) => picked.has(permission)).length;
  const all = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (all.current) all.current.indeterminate = chosen > 0 && chosen < names.length;
  }, [chosen, names.length]);
  return (
    <fieldset className="group">
      <legend>
        <code>{name}</code> {group.description}
      </legend>
      <label className="check all">
        <input ref={all} type="checkbox" checked={chosen === names.length} onChange={(event) => onSet(names, event.target.checked)} />
        All of {name}
      </label>
      {Object.entries(group.permissions).map(([permission, description]) => (
        <label key={permission} className="check">
          <input type="checkbox" checked={picked.has(permission)} onChange={(event) => onSet([permission], event.target.checked)} />
          <code>{permission}</code> <span className="description">{description}</span>
        </label>
      ))}
    </fieldset>
  );
}
