// Last-used bookkeeping for sessions and API keys, written in batches so that no
// request waits on it. Pending entries are flushed every few seconds and at shutdown.
import type { Db } from './index.ts';

interface SessionUse {
  lastUsed: Date;
  ip: string;
  userAgent: string;
}

export class LastUsedWriter {
  private sessions = new Map<string, SessionUse>();
  private keys = new Map<string, Date>();
  private timer: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    intervalMs = 2000,
    private readonly onError: (error: unknown) => void = () => {},
  ) {
    this.timer = setInterval(() => void this.flush(), intervalMs);
    this.timer.unref();
  }

  recordSession(id: string, use: SessionUse) {
    this.sessions.set(id, use);
  }

  recordKey(id: string, at: Date) {
    this.keys.set(id, at);
  }

  /** The newest use of a session that is not yet in the database. */
  pendingSessionUse(id: string): Date | undefined {
    return this.sessions.get(id)?.lastUsed;
  }

  forgetSession(id: string) {
    this.sessions.delete(id);
  }

  /** Writes what is pending. Rows deleted meanwhile are simply not matched. */
  flush(): Promise<void> {
    return this.write(true);
  }

  /** Writes the pending session uses only: what a list of sessions needs for its order. */
  flushSessions(): Promise<void> {
    return this.write(false);
  }

  private write(withKeys: boolean): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      const sessions = [...this.sessions];
      const keys = withKeys ? [...this.keys] : [];
      this.sessions.clear();
      if (withKeys) this.keys.clear();
      if (sessions.length === 0 && keys.length === 0) return;
      try {
        await this.db.$transaction([
          ...sessions.map(([id, use]) => this.db.session.updateMany({ where: { id }, data: use })),
          ...keys.map(([id, lastUsed]) => this.db.apiKey.updateMany({ where: { id }, data: { lastUsed } })),
        ]);
      } catch (error) {
        // Keep what was not written unless something newer arrived meanwhile.
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
}
