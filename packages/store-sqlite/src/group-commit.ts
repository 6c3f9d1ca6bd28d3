/**
 * Group commit for the writes on the notification path. Writes asked for while the event loop is busy (several
 * notifications in flight) are queued and run together at the next turn of the loop, in one `BEGIN IMMEDIATE`
 * transaction: one lock round, and each page they share (index leaves, the events table's last page, the header) goes
 * to the WAL once instead of once per write, so fewer frames are written and fewer checkpoints (with their fsyncs)
 * follow. Durability is unchanged: every caller's promise settles only after the COMMIT that holds its write.
 *
 * Each write keeps its own atomic compare-and-set: a write that throws rolls back only its own changes and rejects only
 * its caller. A batch whose BEGIN or COMMIT fails rejects every caller in it, and none of their writes happened.
 * Several processes sharing the file still serialise on the IMMEDIATE lock, as before.
 */
import type { Database } from 'better-sqlite3';

interface Job {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommit {
  /**
   * Run `work` in the next batch; settles after that batch commits. `work` must be atomic on its own when it throws:
   * one statement (SQLite undoes a failed statement), or a better-sqlite3 `db.transaction` function (a SAVEPOINT
   * when nested, rolled back when it throws).
   */
  run<T>(work: () => T): Promise<T>;
  /** Run everything queued now (before closing the database). */
  flush(): void;
}

export function createGroupCommit(db: Database): GroupCommit {
  let queue: Job[] = [];
  let scheduled = false;
  const runAll = db.transaction((jobs: Job[]) =>
    jobs.map((job) => {
      try {
        return { ok: true as const, value: job.work() };
      } catch (error) {
        // SQLite rolls the whole transaction back on some errors (disk full, I/O): then every job of the batch failed.
        if (!db.inTransaction) throw error;
        return { ok: false as const, error };
      }
    }),
  );

  const flush = () => {
    scheduled = false;
    const jobs = queue;
    queue = [];
    if (jobs.length === 0) return;
    let results;
    try {
      results = runAll.immediate(jobs);
    } catch (error) {
      for (const job of jobs) job.reject(error);
      return;
    }
    results.forEach((result, i) => (result.ok ? jobs[i]!.resolve(result.value) : jobs[i]!.reject(result.error)));
  };

  return {
    run<T>(work: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
        if (!scheduled) {
          scheduled = true;
          // setImmediate runs after the I/O callbacks of this loop turn: the other requests read in it join the batch.
          setImmediate(flush);
          // A second pass in the same turn (promises settle between the two): what the first batch's callers write
          // next, such as the delivered mark after a synchronous onEvent, commits now rather than a loop turn later.
          setImmediate(flush);
        }
      });
    },
    flush,
  };
}
