import { DatabaseError } from 'pg';
import { Prisma } from '@callwire/database';
import { databaseProblem } from './database-errors';

const clientVersion = '6.19.3';
const known = (code: string, meta?: Record<string, unknown>) =>
  new Prisma.PrismaClientKnownRequestError('message with values', { code, clientVersion, meta });
function postgres(code: string): DatabaseError {
  const error = new DatabaseError('server message', 0, 'error');
  error.code = code;
  error.severity = 'FATAL';
  return error;
}
const socketError = (code: string) =>
  Object.assign(new Error(`connect ${code}`), { code, syscall: 'connect', errno: -1 });
const statusOf = (error: unknown) => databaseProblem(error)?.status;

describe('databaseProblem', () => {
  it.each([
    ['Prisma P1001 (cannot reach)', known('P1001')],
    ['Prisma P1017 (connection closed)', known('P1017')],
    ['Prisma P2024 (pool timeout)', known('P2024')],
    ['Prisma P2037 (too many connections)', known('P2037')],
    [
      'an adapter error with SQLSTATE 53300',
      known('P2010', { driverAdapterError: { cause: { originalCode: '53300' } } }),
    ],
    ['node-postgres 53300 "too many clients"', postgres('53300')],
    ['node-postgres 57P03 (starting up)', postgres('57P03')],
    ['node-postgres 08006 (connection failure)', postgres('08006')],
    ['ECONNREFUSED', socketError('ECONNREFUSED')],
    ['a lost connection', new Error('Connection terminated unexpectedly')],
    ['a wrapped lost connection', new Error('query failed', { cause: socketError('ECONNRESET') })],
    ['Prisma initialization', new Prisma.PrismaClientInitializationError('cannot start', clientVersion)],
  ])('%s → 503', (_name, error) => expect(statusOf(error)).toBe(503));

  it.each([
    [
      'Prisma validation (a null that slipped through)',
      400,
      new Prisma.PrismaClientValidationError('x', { clientVersion }),
    ],
    ['P2000 (too long)', 400, known('P2000')],
    ['P2025 (no such record)', 404, known('P2025')],
    ['P2002 (unique)', 409, known('P2002')],
    ['P2003 (foreign key)', 409, known('P2003')],
    ['SQLSTATE 22P02 (invalid text)', 400, postgres('22P02')],
    ['SQLSTATE 23505 (unique)', 409, postgres('23505')],
    ['SQLSTATE 40P01 (deadlock)', 409, postgres('40P01')],
  ])('%s → %i', (_name, status, error) => expect(statusOf(error)).toBe(status));

  it('never puts the error text in the problem', () => {
    expect(JSON.stringify(databaseProblem(known('P2002')))).not.toContain('message with values');
  });

  it('leaves the API’s own errors (a 500) alone', () => {
    for (const error of [
      new Error('bug'),
      new TypeError('x is undefined'),
      postgres('42703'),
      known('P2021'),
      'text',
    ]) {
      expect(databaseProblem(error)).toBeUndefined();
    }
  });
});
