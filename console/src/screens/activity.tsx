// Activity: what happened to the account, newest first, from where and through which API key;
// a search keeps the events whose name or address starts with what is typed.
import { useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { trpc, type Outputs } from '../trpc.ts';
import { Field, Form, Pager, Time, useMessages } from '../ui.tsx';

const PER_PAGE = 20;

type Activity = Outputs['activity']['list']['activities']['data'][number];

export function ActivityScreen() {
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState<string>();
  const activity = useQuery(trpc.activity.list.queryOptions({ page, per_page: PER_PAGE, search }));
  // A failure shows in the search form, whose button asks again.
  const messages = useMessages(activity.error, ['search']);
  const find = (data: FormData) => {
    setPage(1);
    setSearch(String(data.get('search')).trim() || undefined);
  };
  const rows = activity.data?.activities;
  return (
    <>
      <section aria-labelledby="search-heading">
        <h2 id="search-heading" className="visually-hidden">
          Search
        </h2>
        <Form onSubmit={find} messages={messages} busy={activity.isFetching} submit="Search">
          <Field label="Event or address starts with" name="search" type="search" hint="For example api-key, auth: or 203.0.113. Empty shows everything." errors={messages.fields.search} />
        </Form>
      </section>
      <section aria-labelledby="events-heading">
        <h2 id="events-heading">{search ? `Events starting with “${search}”` : 'All events'}</h2>
        {activity.isPending ? <p role="status">Loading…</p> : null}
        {rows?.total === 0 ? <p>No events{search ? ' match' : ' yet'}.</p> : null}
        <ul className="cards">
          {rows?.data.map((row) => (
            <EventCard key={row.uuid} row={row} />
          ))}
        </ul>
        {rows ? <Pager page={page} perPage={PER_PAGE} total={rows.total} onPage={setPage} /> : null}
      </section>
    </>
  );
}

/** An event's details as text: strings as they are, anything else as JSON. */
const detail = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

function EventCard({ row }: { row: Activity }) {
  const details = Object.entries(row.data);
  return (
    <li className="card">
      <h3 className="card-title">
        <code>{row.event}</code>
      </h3>
      <dl>
        <dt>When</dt>
        <dd>
          <Time value={row.created} />
        </dd>
        <dt>Address</dt>
        <dd>{row.ip}</dd>
        {row.api_key ? (
          <>
            <dt>API key</dt>
            <dd>
              {row.api_key.name} (<code>{row.api_key.key_start}…</code>)
            </dd>
          </>
        ) : null}
        {row.user_agent ? (
          <>
            <dt>Client</dt>
            <dd>{row.user_agent}</dd>
          </>
        ) : null}
        {details.map(([name, value]) => (
          <Fragment key={name}>
            <dt>{name}</dt>
            <dd>{detail(value)}</dd>
          </Fragment>
        ))}
      </dl>
    </li>
  );
}
