// A counting gate for expensive work (ad-hoc and saved Cypher): at most `active` run at once, at
// most `queued` wait for a turn (each for at most `waitMs`); anyone beyond that is turned away at once.

export class GateFull extends Error {
  override name = 'GateFull';
  constructor(
    message: string,
    /** Seconds after which trying again is reasonable. */
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

export interface GateLimits {
  active: number;
  queued: number;
  waitMs: number;
}

export class Gate {
  private running = 0;
  private readonly waiting: { admit: () => void; timer: NodeJS.Timeout }[] = [];

  constructor(readonly limits: GateLimits) {}

  get inUse(): number {
    return this.running;
  }

  /** Resolves with a release function once a slot is free; rejects with GateFull when none comes. */
  acquire(): Promise<() => void> {
    const release = this.releaser();
    if (this.running < this.limits.active) {
      this.running += 1;
      return Promise.resolve(release);
    }
    const retry = Math.max(1, Math.ceil(this.limits.waitMs / 1000));
    if (this.waiting.length >= this.limits.queued) {
      return Promise.reject(
        new GateFull(`${this.running} queries are running and ${this.waiting.length} are waiting, the most allowed`, retry),
      );
    }
    return new Promise((resolve, reject) => {
      const entry = {
        admit: () => {
          clearTimeout(entry.timer);
          this.running += 1;
          resolve(release);
        },
        timer: setTimeout(() => {
          const at = this.waiting.indexOf(entry);
          if (at >= 0) this.waiting.splice(at, 1);
          reject(new GateFull(`no query slot came free within ${this.limits.waitMs} ms`, retry));
        }, this.limits.waitMs),
      };
      this.waiting.push(entry);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running -= 1;
      this.waiting.shift()?.admit();
    };
  }
}
