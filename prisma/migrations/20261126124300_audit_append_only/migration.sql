-- The audit trail is append-only: refuse UPDATE, DELETE and TRUNCATE on "AuditEvent".
-- (The hash chain still detects tampering by anyone able to disable this trigger; see `npm run audit:verify`.)
CREATE FUNCTION haven_audit_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'The audit trail is append-only: % on "AuditEvent" is not allowed', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION haven_audit_append_only();

CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION haven_audit_append_only();
