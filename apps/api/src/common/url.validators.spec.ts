import { EgressPolicy } from '@callwire/egress';
import { testConfig } from '../../../../test/support/test-config';
import { ValidationProblemException } from './problem';
import { assertAllowedDestinations, urlDestination } from './url.validators';

describe('assertAllowedDestinations', () => {
  const strict = new EgressPolicy(testConfig({ EGRESS_ALLOWED_NETWORKS: '' }));

  const errorsOf = (destinations: Parameters<typeof assertAllowedDestinations>[1]) =>
    assertAllowedDestinations(strict, destinations).then(
      () => [],
      (error: ValidationProblemException) => error.problem.errors,
    );

  it('reads URL hosts as fetch does: other spellings of loopback are loopback', () => {
    expect(urlDestination('url', 'http://0x7f000001:8080/x')).toEqual([{ field: 'url', host: '127.0.0.1' }]);
    expect(urlDestination('url', 'http://[::ffff:127.0.0.1]/')).toEqual([{ field: 'url', host: '[::ffff:7f00:1]' }]);
    expect(urlDestination('url', null)).toEqual([]);
  });

  it('names each refused field; a name that does not resolve reads like one that resolves inside', async () => {
    expect(
      await errorsOf([
        ...urlDestination('voiceUrl', 'http://169.254.169.254/latest'),
        ...urlDestination('fallbackUrl', 'http://localhost:5432/'),
        ...urlDestination('statusCallbackUrl', 'https://no-such-host.invalid/x'),
        { field: 'outbound.gateways.0.host', host: '203.0.113.7' },
      ]),
    ).toEqual([
      { field: 'voiceUrl', message: 'voiceUrl must not be a loopback, private, link-local or other internal address' },
      { field: 'fallbackUrl', message: 'fallbackUrl must be a host name that resolves to public addresses only' },
      {
        field: 'statusCallbackUrl',
        message: 'statusCallbackUrl must be a host name that resolves to public addresses only',
      },
    ]);
  });

  it('lets public addresses through', async () => {
    expect(await errorsOf(urlDestination('url', 'https://203.0.113.7/hook'))).toEqual([]);
  });
});
