-- When the last DTMF digit kept on a call record was sent: the worker appends a digit only if it was sent later,
-- so an edge event applied again after a worker crash does not add its digit twice.
ALTER TABLE "calls" ADD COLUMN     "dtmf_at" TIMESTAMP(3);
