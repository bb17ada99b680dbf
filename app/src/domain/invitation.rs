//! The invitation lifecycle and the per-address decision of `INVITER`.

use serde::{Deserialize, Serialize};

use super::{EmailError, GroupRole};

/// What becomes of one address typed into the `Emails` field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum InviteOutcome {
    /// A new invitation was created and mailed.
    Invited,
    /// A pending invitation existed: the new groups and roles were merged
    /// into it, its expiry renewed, and it was sent again.
    Merged,
    /// The address has an active account: no invitation; the user was
    /// added to the group with these roles.
    ExistingAccountAdded {
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
        AddressState::PendingInvitation => InviteOutcome::Merged,
        AddressState::Account => InviteOutcome::ExistingAccountAdded {
            roles: roles.to_vec(),
        },
    }
}

/// Where an invitation stands, as its link and the Invitations tab see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum InvitationState {
    Pending,
    Expired,
    Accepted,
    Cancelled,
}

pub fn state(status: &str, expires_at: i64, now: i64) -> InvitationState {
    match status {
        "accepted" => InvitationState::Accepted,
        "cancelled" | "deleted" => InvitationState::Cancelled,
        _ if now >= expires_at => InvitationState::Expired,
        _ => InvitationState::Pending,
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
            InviteOutcome::Merged
        );
        assert_eq!(
            decide(AddressState::Account, &roles),
            InviteOutcome::ExistingAccountAdded {
                roles: vec![GroupRole::Learner]
            }
        );
    }

    #[test]
    fn a_pending_invitation_expires_at_its_date_exactly() {
        assert_eq!(
            state("pending", 30 * DAY, 30 * DAY - 1),
            InvitationState::Pending
        );
        assert_eq!(
            state("pending", 30 * DAY, 30 * DAY),
            InvitationState::Expired
        );
        assert_eq!(state("accepted", 30 * DAY, 0), InvitationState::Accepted);
        assert_eq!(state("cancelled", 30 * DAY, 0), InvitationState::Cancelled);
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
