-- The codec each leg of a call used (e.g. PCMU, G722, opus), from the last SDP answer the edge relayed (183 early
-- media or 200): the caller's leg and the callee's differ when rtpengine transcodes.
ALTER TABLE "calls" ADD COLUMN     "callee_codec" TEXT,
ADD COLUMN     "caller_codec" TEXT;
