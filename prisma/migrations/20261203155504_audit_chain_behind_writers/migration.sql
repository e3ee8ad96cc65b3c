-- The audit trail's hash chain moves beside the events: writers only append an event (no lock, no read of the last
-- hash), and the chainer (lib/server/audit.ts) links events in order once their transactions are over.
-- Existing events keep their hashes: they become the first links, in the order they were written.

-- CreateTable
CREATE TABLE "AuditChainLink" (
    "position" BIGINT NOT NULL,
    "eventSeq" BIGINT NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "horizonXid" BIGINT NOT NULL,
    "chainedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditChainLink_pkey" PRIMARY KEY ("position")
);

-- Every existing event was written under the old lock, in seq order: its chain is carried over as it is.
-- Existing events get xid 0 below, so the chainer's first range (from this migration's transaction on) skips them.
INSERT INTO "AuditChainLink" ("position", "eventSeq", "prevHash", "hash", "horizonXid")
SELECT row_number() OVER (ORDER BY "seq"), "seq", "prevHash", "hash", txid_current() FROM "AuditEvent";

-- AlterTable (a constant default for the rows already there, then the writing transaction's id for new ones)
ALTER TABLE "AuditEvent" DROP COLUMN "hash",
DROP COLUMN "prevHash",
ADD COLUMN     "childIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "xid" BIGINT NOT NULL DEFAULT 0;
ALTER TABLE "AuditEvent" ALTER COLUMN "xid" SET DEFAULT txid_current();

-- CreateIndex
CREATE UNIQUE INDEX "AuditChainLink_eventSeq_key" ON "AuditChainLink"("eventSeq");

-- CreateIndex
CREATE INDEX "AuditEvent_xid_idx" ON "AuditEvent"("xid");

-- CreateIndex
CREATE INDEX "AuditEvent_childIds_idx" ON "AuditEvent" USING GIN ("childIds");

-- AddForeignKey
ALTER TABLE "AuditChainLink" ADD CONSTRAINT "AuditChainLink_eventSeq_fkey" FOREIGN KEY ("eventSeq") REFERENCES "AuditEvent"("seq") ON DELETE NO ACTION ON UPDATE NO ACTION;

-- The chain is append-only too.
CREATE OR REPLACE FUNCTION haven_audit_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'The audit trail is append-only: % on "%" is not allowed', TG_OP, TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_chain_no_update BEFORE UPDATE OR DELETE ON "AuditChainLink"
  FOR EACH ROW EXECUTE FUNCTION haven_audit_append_only();

CREATE TRIGGER audit_chain_no_truncate BEFORE TRUNCATE ON "AuditChainLink"
  FOR EACH STATEMENT EXECUTE FUNCTION haven_audit_append_only();
