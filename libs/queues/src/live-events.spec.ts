import { testConfig } from '../../../test/support/test-config';
import { LIVE_COALESCE_MS, LiveEventsPublisher, type LiveTopic } from './live-events';

/** The publisher with its PUBLISH recorded instead of sent (it never connects: lazyConnect). */
class RecordingPublisher extends LiveEventsPublisher {
  readonly sent: string[] = [];

  protected override send(accountId: string, topic: LiveTopic): void {
    this.sent.push(`${accountId} ${topic}`);
  }
}

describe('LiveEventsPublisher', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('sends the first notice at once and the ones after it within the window as one, at its end', () => {
    const publisher = new RecordingPublisher(testConfig());
    publisher.publish('a1', 'calls');
    expect(publisher.sent).toEqual(['a1 calls']);
    for (let i = 0; i < 50; i++) publisher.publish('a1', 'calls');
    publisher.publish('a1', 'webhook-deliveries'); // another topic: its own window
    publisher.publish('a2', 'calls'); // another account: its own window
    expect(publisher.sent).toEqual(['a1 calls', 'a1 webhook-deliveries', 'a2 calls']);
    jest.advanceTimersByTime(LIVE_COALESCE_MS);
    expect(publisher.sent).toEqual(['a1 calls', 'a1 webhook-deliveries', 'a2 calls', 'a1 calls']);
    jest.advanceTimersByTime(LIVE_COALESCE_MS * 3); // nothing more was published: nothing more is sent
    expect(publisher.sent).toHaveLength(4);
    publisher.publish('a1', 'calls');
    expect(publisher.sent).toHaveLength(5);
    publisher.onModuleDestroy();
  });
});
