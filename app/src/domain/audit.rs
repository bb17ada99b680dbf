//! The audit log's closed list of actions: what each stored code means, so
//! the `Journal` page writes a sentence (never a code) and its filter offers
//! only what exists. An unknown stored code is shown as itself rather than
//! hidden: the log must not lose an entry because a newer version wrote it.

use serde::{Deserialize, Serialize};

macro_rules! actions {
    ($($variant:ident = $code:literal,)*) => {
        /// One kind of audit-log entry (`audit_log.action`).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum AuditAction { $($variant,)* }

        impl AuditAction {
            pub const ALL: &'static [AuditAction] = &[$(AuditAction::$variant,)*];

            /// The stored code (`invitation.created`).
            pub fn code(self) -> &'static str {
                match self { $(AuditAction::$variant => $code,)* }
            }
        }
    };
}

actions! {
    InvitationCreated = "invitation.created",
    InvitationMerged = "invitation.merged",
    InvitationGrantsAdded = "invitation.grants_added",
    InvitationGrantsWithdrawn = "invitation.grants_withdrawn",
    InvitationReinviteUnchanged = "invitation.reinvite_unchanged",
    InvitationReinviteResent = "invitation.reinvite_resent",
    InvitationResent = "invitation.resent",
    InvitationLinkCopied = "invitation.link_copied",
    InvitationCancelled = "invitation.cancelled",
    InvitationExistingAccountAdded = "invitation.existing_account_added",
    InvitationAccepted = "invitation.accepted",
    InvitationAwaitingSeat = "invitation.awaiting_seat",
    InvitationExpired = "invitation.expired",
    InvitationDeletedAutomatically = "invitation.deleted_automatically",
    AccountCreated = "account.created",
    AccountUpdated = "account.updated",
    AccountGroupsAdded = "account.groups_added",
    AccountTypeChanged = "account.type_changed",
    AccountPasswordLinkSent = "account.password_link_sent",
    AccountPasswordSet = "account.password_set",
    AccountDeletedAutomatically = "account.deleted_automatically",
    MemberRolesChanged = "member.roles_changed",
    MemberRemoved = "member.removed",
    GroupCreated = "group.created",
    GroupUpdated = "group.updated",
    GroupDeleted = "group.deleted",
    CustomFieldCreated = "custom_field.created",
    CustomFieldDeleted = "custom_field.deleted",
    PlatformAdminCreated = "platform_admin.created",
    PlatformDefaultLanguageSet = "platform.default_language_set",
    PlatformSeatLimitSet = "platform.seat_limit_set",
    PlatformTimeZoneSet = "platform.time_zone_set",
    LoginThrottled = "login.throttled",
    ImportCompleted = "import.completed",
}

impl AuditAction {
    pub fn decode(code: &str) -> Option<AuditAction> {
        AuditAction::ALL.iter().copied().find(|a| a.code() == code)
    }
}

impl std::fmt::Display for AuditAction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_reads_back_as_its_action_and_codes_are_unique() {
        let mut seen = std::collections::BTreeSet::new();
        for &action in AuditAction::ALL {
            assert_eq!(AuditAction::decode(action.code()), Some(action));
            assert!(seen.insert(action.code()), "{action} twice");
        }
        assert_eq!(AuditAction::decode("invitation.unknown"), None);
    }
}
