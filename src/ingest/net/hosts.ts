// Politeness toward each site: one request at a time per host, and a pause between one request's end and the next.

/** Serialises requests per host and spaces them out. */
export class HostGate {
  private readonly tails = new Map<string, Promise<void>>();

  /** `gapMs` is the least time between the end of one request to a host and the start of the next. */
  constructor(private readonly gapMs: number) {}

  /** Runs `fn` when the URL's host is free and rested. */
  async run<T>(url: string, fn: () => Promise<T>): Promise<T> {
    let host: string;
    try {
      host = new URL(url).host.toLowerCase();
    } catch {
      return fn();
    }
    const before = this.tails.get(host) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((ok) => (release = ok));
    const tail = before.then(() => mine);
    this.tails.set(host, tail);
    await before;
    try {
      return await fn();
    } finally {
      // The next request to this host waits out the gap; a host with nothing queued is forgotten.
      setTimeout(() => {
        release();
        if (this.tails.get(host) === tail) this.tails.delete(host);
      }, this.gapMs);
    }
  }
}
