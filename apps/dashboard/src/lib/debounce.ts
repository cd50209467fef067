export interface Debounced {
  /** Runs the function once `delayMs` after the last of a burst of calls. */
  (): void;
  cancel(): void;
}

export function debounce(run: () => void, delayMs: number): Debounced {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const debounced = () => {
    clearTimeout(timer);
    timer = setTimeout(run, delayMs);
  };
  debounced.cancel = () => clearTimeout(timer);
  return debounced;
}
