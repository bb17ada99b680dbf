//! The invitation lifecycle and the per-address decision of `INVITER`.

use serde::{Deserialize, Serialize};

use super::{EmailError, GroupRole};

/// What becomes of one address typed into the `Emails` field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum InviteOutcome {
    /// A new invitation was created and mailed.
    Invited,
    /// A pending invitation existed and this changed it: `added` are the
    /// roles (in the chosen group) it did not carry yet — empty when only its
    /// options changed. Its expiry was renewed and it was sent again.
    Merged {
        added: Vec<GroupRole>,
    },
    /// A pending invitation existed with everything asked, sent
    /// `minutes_ago`: nothing was changed and nothing mailed, so the link
    /// already on its way keeps working.
    AlreadyInvited {
        minutes_ago: i64,
    },
    /// A pending invitation existed with everything asked, sent long ago:
    /// sent again with a fresh link (the earlier ones end).
    Resent,
    /// The address has an active account: no invitation; the user was
    /// added to the group with these roles.
    ExistingAccountAdded {
        roles: Vec<GroupRole>,
    },
    /// The address is (or is invited as) a guest, and a guest holds the
    /// learner role only: these roles were refused, nothing was changed.
    GuestCannotHold {
        roles: Vec<GroupRole>,
    },
    /// The address is the inviter's own: nobody changes their own grants.
    OwnAccount,
    /// The same address appeared earlier in the list.
    Duplicate,
    Invalid(EmailError),
}

/// What is known about an address before deciding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AddressState {
    Unknown,
    PendingInvitation,
    /// An account exists (active or awaiting its password).
    Account,
}

/// The decision for a valid, first-seen address. Kept pure so the rule
/// "never two invitations, never an invitation to an existing account" is
/// tested without a database.
pub fn decide(state: AddressState, roles: &[GroupRole]) -> InviteOutcome {
    match state {
        AddressState::Unknown => InviteOutcome::Invited,
        AddressState::PendingInvitation => InviteOutcome::Merged {
            added: roles.to_vec(),
        },
        AddressState::Account => InviteOutcome::ExistingAccountAdded {
            roles: roles.to_vec(),
        },
    }
}

/// How long after its last mail a pending invitation asked for again,
/// unchanged, is left alone: the mail is probably still arriving, and a new
/// one would end its link.
pub const REINVITE_QUIET_MS: i64 = 15 * 60_000;

/// What re-inviting a pending address does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reinvite {
    /// New grants or new options: merge them, renew, send again.
    Merge,
    /// Nothing new, last mail long ago: send again (fresh link).
    Resend,
    /// Nothing new, last mail recent: leave it, mail nothing.
    Unchanged,
}

/// The rule for an address that already has a pending invitation.
pub fn reinvite(adds_grants: bool, changes_options: bool, since_last_mail_ms: i64) -> Reinvite {
    if adds_grants || changes_options {
        Reinvite::Merge
    } else if since_last_mail_ms < REINVITE_QUIET_MS {
        Reinvite::Unchanged
    } else {
        Reinvite::Resend
    }
}

/// Where an invitation stands, as its link and the Invitations tab see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum InvitationState {
    Pending,
    Expired,
    /// The first-login form is completed and kept; the account opens when
    /// a seat frees. It never expires.
    AwaitingSeat,
    Accepted,
    Cancelled,
}

/// `awaiting_seat`: the invitation waits for a free seat (its form done).
pub fn state(
    status: InvitationStatus,
    expires_at: i64,
    awaiting_seat: bool,
    now: i64,
) -> InvitationState {
    match status {
        InvitationStatus::Accepted => InvitationState::Accepted,
        InvitationStatus::Cancelled | InvitationStatus::Deleted => InvitationState::Cancelled,
        InvitationStatus::Pending if awaiting_seat => InvitationState::AwaitingSeat,
        InvitationStatus::Pending if now >= expires_at => InvitationState::Expired,
        InvitationStatus::Pending => InvitationState::Pending,
    }
}

/// What is stored of an invitation's life (expiry is computed from its
/// date, so it is not a status).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum InvitationStatus {
    Pending,
    Accepted,
    Cancelled,
    /// Ended by its automatic deletion date, its personal data erased.
    Deleted,
}

impl InvitationStatus {
    pub const ALL: [InvitationStatus; 4] = [
        InvitationStatus::Pending,
        InvitationStatus::Accepted,
        InvitationStatus::Cancelled,
        InvitationStatus::Deleted,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            InvitationStatus::Pending => "pending",
            InvitationStatus::Accepted => "accepted",
            InvitationStatus::Cancelled => "cancelled",
            InvitationStatus::Deleted => "deleted",
        }
    }
}

/// The one reminder is due `after` the last send, if none went yet and the
/// invitation is still open.
pub fn reminder_due(
    state: InvitationState,
    last_sent_at: i64,
    reminder_sent_at: Option<i64>,
    after: i64,
    now: i64,
) -> bool {
    state == InvitationState::Pending && reminder_sent_at.is_none() && now - last_sent_at >= after
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = 86_400_000;

    #[test]
    fn an_address_is_invited_merged_or_added_never_invited_twice() {
        let roles = [GroupRole::Learner];
        assert_eq!(
            decide(AddressState::Unknown, &roles),
            InviteOutcome::Invited
        );
        assert_eq!(
            decide(AddressState::PendingInvitation, &roles),
            InviteOutcome::Merged {
                added: vec![GroupRole::Learner]
            }
        );
        assert_eq!(
            decide(AddressState::Account, &roles),
            InviteOutcome::ExistingAccountAdded {
                roles: vec![GroupRole::Learner]
            }
        );
    }

    #[test]
    fn an_unchanged_reinvite_is_left_alone_while_its_mail_is_recent() {
        use Reinvite::*;
        let cases = [
            // (adds grants, changes options, since last mail, rule)
            (false, false, 0, Unchanged),
            (false, false, 2 * 60_000, Unchanged),
            (false, false, REINVITE_QUIET_MS - 1, Unchanged),
            (false, false, REINVITE_QUIET_MS, Resend),
            (false, false, 10 * 24 * 3_600_000, Resend),
            (true, false, 0, Merge),
            (false, true, 60_000, Merge),
            (true, true, REINVITE_QUIET_MS * 4, Merge),
        ];
        for (grants, options, since, rule) in cases {
            assert_eq!(
                reinvite(grants, options, since),
                rule,
                "grants {grants}, options {options}, {since} ms"
            );
        }
    }

    #[test]
    fn a_pending_invitation_expires_at_its_date_exactly() {
        assert_eq!(
            state(InvitationStatus::Pending, 30 * DAY, false, 30 * DAY - 1),
            InvitationState::Pending
        );
        assert_eq!(
            state(InvitationStatus::Pending, 30 * DAY, false, 30 * DAY),
            InvitationState::Expired
        );
        assert_eq!(
            state(InvitationStatus::Accepted, 30 * DAY, false, 0),
            InvitationState::Accepted
        );
        assert_eq!(
            state(InvitationStatus::Cancelled, 30 * DAY, false, 0),
            InvitationState::Cancelled
        );
        assert_eq!(
            state(InvitationStatus::Deleted, 30 * DAY, false, 0),
            InvitationState::Cancelled
        );
    }

    #[test]
    fn an_invitation_waiting_for_a_seat_never_expires_but_still_ends_when_cancelled() {
        assert_eq!(
            state(InvitationStatus::Pending, 30 * DAY, true, 90 * DAY),
            InvitationState::AwaitingSeat
        );
        assert_eq!(
            state(InvitationStatus::Cancelled, 30 * DAY, true, 0),
            InvitationState::Cancelled
        );
        assert_eq!(
            state(InvitationStatus::Accepted, 30 * DAY, true, 0),
            InvitationState::Accepted
        );
    }

    #[test]
    fn the_reminder_is_due_once_three_days_after_the_last_send() {
        let pending = InvitationState::Pending;
        assert!(!reminder_due(pending, 0, None, 3 * DAY, 3 * DAY - 1));
        assert!(reminder_due(pending, 0, None, 3 * DAY, 3 * DAY));
        assert!(!reminder_due(pending, 0, Some(3 * DAY), 3 * DAY, 4 * DAY));
        assert!(!reminder_due(
            InvitationState::Expired,
            0,
            None,
            3 * DAY,
            31 * DAY
        ));
        assert!(!reminder_due(
            InvitationState::Accepted,
            0,
            None,
            3 * DAY,
            4 * DAY
        ));
    }
}
