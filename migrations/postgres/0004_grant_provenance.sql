-- Who wrote each grant of an invitation, and who set "platform admin on
-- acceptance": at acceptance every grant is checked again against what its
-- granter may grant then, and dropped if they no longer may.
ALTER TABLE invitation_grants ADD COLUMN granted_by BIGINT REFERENCES users(id) ON DELETE SET NULL;
UPDATE invitation_grants SET granted_by =
    (SELECT i.invited_by FROM invitations i WHERE i.id = invitation_grants.invitation_id);

ALTER TABLE invitations ADD COLUMN platform_admin_by BIGINT REFERENCES users(id) ON DELETE SET NULL;
UPDATE invitations SET platform_admin_by = invited_by WHERE platform_admin = 1;
