import { debounce } from './debounce';

describe('debounce', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs once, the delay after the last call of a burst', () => {
    const run = jest.fn();
    const debounced = debounce(run, 200);
    debounced();
    jest.advanceTimersByTime(150);
    debounced();
    jest.advanceTimersByTime(150);
    expect(run).not.toHaveBeenCalled();
    jest.advanceTimersByTime(50);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs nothing once cancelled', () => {
    const run = jest.fn();
    const debounced = debounce(run, 200);
    debounced();
    debounced.cancel();
    jest.advanceTimersByTime(1000);
    expect(run).not.toHaveBeenCalled();
  });
});
