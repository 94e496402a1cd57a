-- PostgreSQL's words for the ledger statements where several senders share one send.

-- name: claim-batch
-- SKIP LOCKED: a batch another worker is claiming at this moment is passed over rather than waited for, so N
-- workers take N different batches. Claimed is not yet handed: a crash before the hand-over leaves these safe to send.
UPDATE deliveries SET status = 'sending', claimed_by = @run, updated_at = @now
WHERE id IN (SELECT id FROM deliveries WHERE issue_id = @issue AND status = 'pending' ORDER BY id LIMIT @limit
             FOR UPDATE SKIP LOCKED);
