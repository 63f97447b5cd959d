-- An organization's signature that is withdrawn, hidden or rejected no longer holds its organization
-- (issue 14): it gives up its organization_key and verified_domain when its status changes (an
-- 'email-domain' verification goes with its domain; an organizers' one stays), so that the real
-- organization, or the organizers' hand entry, can sign after a squatter was set aside or withdrew.
-- Restoring one takes its key back when no other signature holds it (src/storage/signatures.ts
-- changeSignatureStatus). This releases what rows stored before the rule still hold.

UPDATE signatures SET organization_key = NULL, verified_domain = NULL,
  verification = CASE WHEN verification = 'email-domain' THEN NULL ELSE verification END,
  verified_at = CASE WHEN verification = 'email-domain' THEN NULL ELSE verified_at END
WHERE kind = 'organization' AND status IN ('withdrawn', 'hidden', 'rejected')
  AND (organization_key IS NOT NULL OR verified_domain IS NOT NULL);

-- Organizations still to key are the ones that hold their organization: a released one has no key on purpose.
DROP INDEX signatures_awaiting_organization_key;
CREATE INDEX signatures_awaiting_organization_key ON signatures (letter_id, id)
  WHERE kind = 'organization' AND organization_key IS NULL AND status IN ('unconfirmed', 'in_review', 'confirmed');
