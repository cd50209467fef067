import { withQuery } from './query';

describe('withQuery', () => {
  it('adds the values given, encoded', () => {
    expect(withQuery('/v1/calls', { status: 'in-progress', from: 'sip:alice@a.example', limit: 20 })).toBe(
      '/v1/calls?status=in-progress&from=sip%3Aalice%40a.example&limit=20',
    );
  });

  it('leaves out empty values, and the ? when nothing is left', () => {
    expect(withQuery('/v1/calls', { status: '', cursor: undefined, to: null })).toBe('/v1/calls');
    expect(withQuery('/v1/calls')).toBe('/v1/calls');
  });
});
