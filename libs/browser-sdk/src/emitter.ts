type Listener<Args extends unknown[]> = (...args: Args) => void;

/** A small typed event emitter: each event name maps to its listener's arguments. */
export class Emitter<Events extends Record<keyof Events, unknown[]>> {
  private readonly listeners: { [E in keyof Events]?: Set<Listener<Events[E]>> } = {};

  /** Adds a listener; returns a function that removes it. */
  on<E extends keyof Events>(event: E, listener: Listener<Events[E]>): () => void {
    (this.listeners[event] ??= new Set()).add(listener);
    return () => this.off(event, listener);
  }

  off<E extends keyof Events>(event: E, listener: Listener<Events[E]>): void {
    this.listeners[event]?.delete(listener);
  }

  protected emit<E extends keyof Events>(event: E, ...args: Events[E]): void {
    for (const listener of [...(this.listeners[event] ?? [])]) {
      // A throwing application listener must not break the SIP stack that emitted the event.
      try {
        listener(...args);
      } catch (error) {
        console.error(`Callwire: a "${String(event)}" listener threw`, error);
      }
    }
  }
}
