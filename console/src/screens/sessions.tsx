// Sessions: where the account is signed in, this browser marked; end one, or all others.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { queryClient, trpc, type Outputs } from '../trpc.ts';
import { ConfirmButton, LoadFailure, Notice, PagedCards, Time } from '../ui.tsx';

const PER_PAGE = 20;

type Session = Outputs['sessions']['list']['sessions']['data'][number];

const sessionsChanged = () => queryClient.invalidateQueries({ queryKey: trpc.sessions.list.pathKey() });

export function SessionsScreen() {
  const [page, setPage] = useState(1);
  const [notice, setNotice] = useState<string>();
  const sessions = useQuery(trpc.sessions.list.queryOptions({ page, per_page: PER_PAGE }));
  const end = useMutation(
    trpc.sessions.delete.mutationOptions({
      onSuccess: () => {
        setNotice('Session ended.');
        void sessionsChanged();
      },
    }),
  );
  const endOthers = useMutation(
    trpc.sessions.deleteOthers.mutationOptions({
      onSuccess: ({ deleted }) => {
        setNotice(deleted === 1 ? 'Ended 1 other session.' : `Ended ${deleted} other sessions.`);
        setPage(1);
        void sessionsChanged();
      },
    }),
  );
  const failed = end.isError ? end.error : endOthers.isError ? endOthers.error : undefined;
  return (
    <>
      <p>Each browser or device signed in to this account has a session. End any you do not recognise, and change your password if one looks wrong.</p>
      {notice ? <Notice>{notice}</Notice> : null}
      {failed ? (
        <LoadFailure
          error={failed}
          retry={() => {
            end.reset();
            endOthers.reset();
          }}
        />
      ) : null}
      <PagedCards
        query={sessions}
        list={sessions.data?.sessions}
        page={page}
        perPage={PER_PAGE}
        onPage={setPage}
        card={(session) => (
          <SessionCard key={session.uuid} session={session} ending={end.isPending && end.variables?.session === session.uuid} onEnd={() => end.mutate({ session: session.uuid })} />
        )}
      />
      {sessions.data && sessions.data.sessions.total > 1 ? (
        <p className="actions">
          <ConfirmButton label="End all other sessions" question="Sign out every other browser and device?" busy={endOthers.isPending} onConfirm={() => endOthers.mutate()} />
        </p>
      ) : null}
    </>
  );
}

function SessionCard({ session, ending, onEnd }: { session: Session; ending: boolean; onEnd: () => void }) {
  return (
    <li className={session.is_using ? 'card current' : 'card'}>
      <h2 className="card-title">
        {session.user_agent || 'Unknown browser'}
        {session.is_using ? <span className="badge">This session</span> : null}
      </h2>
      <dl>
        <dt>Address</dt>
        <dd>{session.ip}</dd>
        <dt>Last used</dt>
        <dd>
          <Time value={session.last_used} />
        </dd>
        <dt>Signed in</dt>
        <dd>
          <Time value={session.created} />
        </dd>
      </dl>
      {session.is_using ? null : (
        <ConfirmButton label="End" context={`the session from ${session.ip}`} question="End this session? That browser is signed out." busy={ending} onConfirm={onEnd} />
      )}
    </li>
  );
}
