-- A group's people read from the index alone: the members page lists a
-- group's user ids (then sorts those people by name), and counts them;
-- with the user id in the index neither reads the table's rows.
DROP INDEX memberships_group;
CREATE INDEX memberships_group ON memberships (group_id, role, user_id);
