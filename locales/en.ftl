# Onboard — English

AppName = Onboard
SkipToContent = Skip to content
Language = Language

## Sign-in
LoginTitle = Sign in
LoginIntro = Sign in with your e-mail address or your login name.
EmailOrLogin = E-mail or login name
Password = Password
PasswordConfirm = Confirm the password
SignIn = SIGN IN
SigningIn = Signing in…
SignOut = Sign out
InvalidCredentials = Wrong login or password.
TooManyAttempts = Too many attempts. Try again in a few minutes.

## First admin
SetupTitle = Create the first administrator
SetupIntro = This account will be a platform administrator. This link works once.
SetupDone = The platform already has an administrator. Please sign in.
SetupInvalidLink = This setup link is not valid. Use the one printed when the server started.
FirstName = First name
LastName = Last name
Email = E-mail
CreateAdmin = CREATE THE ADMINISTRATOR

## Frame
Groups = Groups
NoGroupsYet = No groups yet.
NoGroupsAdminHint = Create the first group with + → Group.
NoGroupsMemberHint = You do not belong to any group yet.
AddMenu = Add
MenuUser = User
MenuGroup = Group
ExpandGroup = Expand { $name }
CollapseGroup = Collapse { $name }
ToggleSidebar = Show groups
Welcome = Welcome
HomeIntro = Pick a group in the left bar to see its users.
WelcomeName = Welcome, { $name }
MemberHomeIntro = Your account is ready. Here are your groups and your profile.
YourGroups = Your groups
YourProfile = Your profile
FullName = Name
YourLanguageHelp = Onboard's pages and e-mails reach you in this language; change it here.
PlatformAdmin = Platform admin

## Group page
Public = public
Private = private
PublicLong = Learners added here also become learners of the parent groups, up to the first private group included.
PrivateLong = Adding someone here adds them to no other group.
TabUsers = USERS
TabSettings = Settings
ColName = Name
ColEmail = E-mail
ColRoles = Roles
ColType = Type
ColStatus = Status
ColActivated = Activated
StatusActive = Active
StatusPending = Invitation pending
StatusNoPassword = Waiting for the password
NoMembers = This group has no users yet.
NoMembersHint = Add some with + → User.
MembersCount =
    { $count ->
        [one] { $count } user
       *[other] { $count } users
    }

## Roles and account types
RolePlatformAdmin = Platform admin
RoleGroupAdmin = Group admin
RoleUserAdmin = User admin
RoleTrainer = Trainer
RoleLearner = Learner
TypeMember = Member
TypeGuest = Guest

## Group management
NewGroup = New group
GroupName = Group name
ParentGroup = Parent group
NoParent = — None (top-level group) —
Visibility = Visibility
CreateGroup = CREATE GROUP
Save = SAVE
DeleteGroup = DELETE GROUP
DeleteGroupConfirm = Delete this group for good? Its roles and sessions are deleted too.
DangerZone = Danger zone
GroupSaved = Changes saved.
Cancel = Cancel
Working = Working…

## Errors (public messages; causes are logged, never shown)
ErrInternal = Something went wrong on our side. Try again; if it persists, tell your administrator.
ErrUnauthenticated = Your session has expired. Please sign in again.
ErrForbidden = You are not allowed to do that.
ErrNotFound = Not found.
ErrNetwork = The server does not answer. Check your connection.
ErrBadRequest = Invalid request.
ErrCrossSite = Request refused: it did not come from this site.
ErrUnsupportedMediaType = Request refused: this data format is not accepted.
ErrTooLarge = Request too large.
ErrNameRequired = The name is required.
ErrNameTooLong = The name is too long (120 characters at most).
ErrGroupNameTaken = A group with this name already exists there.
ErrGroupHasChildren = This group has sub-groups: move or delete them first.
ErrMoveIntoItself = A group cannot be its own parent.
ErrMoveIntoDescendant = A group cannot be moved into one of its sub-groups.
ErrUnknownParent = The parent group does not exist.
ErrEmailInvalid = Invalid e-mail address.
ErrEmailTaken = An account already uses this address.
ErrPasswordTooShort = The password must be at least 8 characters long.
ErrPasswordTooLong = The password must be at most 128 characters long.
ErrPasswordCommon = This password is too common: choose another one.
ErrPasswordMismatch = The two passwords differ.
ErrFirstNameRequired = The first name is required.
ErrLastNameRequired = The last name is required.

## The user panel (+ → Utilisateur)
PanelTitle = Add users
PanelInvite = Invite
Emails = E-mail addresses
EmailsHelp = Several addresses separated by commas, semicolons, spaces or new lines. “Marie Curie <marie@example.org>” is accepted.
Roles = Roles
Options = Options
InviteeLanguage = Invitee's language
DeletionDate = Automatic deletion on
DeletionDateHelp = The account (or the invitation) is deleted on that date. Leave empty for never.
PersonalMessage = Personal message
AccountTypeLabel = Account type
MemberHelp = Full account, billed once active.
GuestHelp = View only, never billed.
PlatformAdminOnAccept = Platform admin on acceptance
InviteButton = INVITE
Inviting = Sending…
ResultsTitle = Result
OutcomeInvited = Invitation sent
OutcomeMergedAdded = Already invited: added to { $group } as { $roles }; sent again with a new link
OutcomeMergedOptions = Already invited: options updated; sent again with a new link
OutcomeAlreadyInvited =
    { $minutes ->
        [0] Already invited (sent just now): nothing new, no mail sent, their link still works
       *[other] Already invited (sent { $minutes } min ago): nothing new, no mail sent, their link still works
    }
OutcomeResent = Already invited: sent again with a new link (the previous one no longer works)
OutcomeDuplicate = Twice in the list: skipped
SummaryInvited = { $count } invited
SummaryUpdated =
    { $count ->
        [one] { $count } pending invitation updated
       *[other] { $count } pending invitations updated
    }
SummaryAlready = { $count } already invited
SummaryAdded =
    { $count ->
        [one] { $count } existing account added
       *[other] { $count } existing accounts added
    }
SummaryDuplicate =
    { $count ->
        [one] { $count } duplicate
       *[other] { $count } duplicates
    }
SummaryRefused = { $count } refused
SummaryInvalid = { $count } invalid
InvalidKeptHelp = The invalid addresses were left in the field: correct them, then click INVITE again.
NoAddresses = Type at least one address.
ChooseGroupFirst = Pick a group in the left bar first.
ErrNoRole = Check at least one role.
ErrOwnRoles = You cannot change your own roles: ask another administrator.

## Who may act on what (the security model)
ErrTooManyAddresses = Too many addresses at once: 1,000 at most per send. For more, use the import.
ErrInvitationBeyondYou = This invitation also carries rights you cannot grant: only an administrator who may grant all of them can re-send it, copy its link or cancel it. You may withdraw your own groups and roles from it.
GrantsWithdrawn = Your groups and roles were withdrawn from the invitation; it stays pending for the others.
BulkPartial = { $count } with rights you cannot grant: only your groups and roles withdrawn (cancel), nothing re-sent (re-send)
WithdrawMyGrants = Withdraw my groups and roles
InvitationPartlyYours = + rights you cannot grant
WelcomeTitle = Your account is active
WelcomeDroppedIntro = Part of the access the invitation promised no longer holds, because whoever granted it may no longer grant it. Ask an administrator for it:
Continue = Continue
ExistingAccountElsewhere = An account already uses this address: nothing was created.
PendingInvitationElsewhere = An invitation is pending for this address, with rights you cannot grant: nothing was created. You may add your groups and roles to it.
AddToInvitation = Add my groups and roles to the invitation
AddedToInvitation = Your groups and roles were added to the pending invitation.
AccountPartlyYours = This person also holds roles outside your scope: you manage their roles in your groups, not their account.
ErrNotAMember = This person is not a member of this group.
ErrFieldKey = Invalid key: a lower-case letter, then letters, digits or _ (40 at most).
ErrFieldKeyTaken = A field already uses this key.
ErrFieldLabel = Give at least the French label; 80 characters at most per label.
ErrFieldType = Choose a field type.
ErrFieldChoices = A choice list needs at least one choice.
ErrFieldRequired = this field is required.
ErrFieldTooLong = 500 characters at most.
ErrFieldNumber = a number is expected (for example 12 or 3.5).
ErrFieldDate = a date is expected (YYYY-MM-DD).
ErrFieldChoice = choose a value from the list.
ErrLoginNameInvalid = Invalid login name: 3 to 64 of a-z, 0-9, dot, hyphen and _.
ErrLoginNameTaken = This login name is already taken.
ErrNoEmailNoMail = Without an e-mail address no mail can be sent: type a password, or leave it empty to generate one.
ErrPasswordOrMail = Choose one: a typed password, or sending the credentials by e-mail.
ErrPasswordOrMailMissing = Type a password or tick “Send these new credentials by e-mail”.
ErrPasswordAlreadyChosen = This person has already chosen their password.
ErrNoGroup = Choose at least one group.
ErrExtraInfoTooLong = The extra information is too long (2,000 characters at most).
ErrFixFields = The form was not sent: correct the fields marked below.
PasswordLinkInvalid = This link is not valid. Ask your administrator to send you a new one.
PasswordLinkUsed = This link was already used: your password is set. Please sign in.
PasswordLinkExpired = This link has expired. Ask your administrator to send you a new one.
PanelCreate = Create an account
NoEmail = No e-mail address
LoginName = Login name
LoginNameHelp = For a person without an e-mail address: they will sign in with this login name (3 to 64 of a-z, 0-9, dot, hyphen, _).
SendCredentials = Send these new credentials by e-mail
SendCredentialsHelp = The person receives their login and a one-time link, valid 7 days, to choose their own password. No password is ever sent by e-mail.
PasswordChoiceHelp = Type a password, or tick sending the credentials by e-mail. Without an e-mail address, leave it empty to generate one, shown once.
AddGroups = Add groups
SearchGroup = Search for a group
Validate = DONE
RemoveChip = Remove
NoGroupChosen = No group chosen.
RolesApplyAll = The ticked roles apply to every chosen group, where you may grant them.
ExtraInfo = Extra information
CreateButton = CREATE ACCOUNT
Creating = Creating…
AccountCreated = Account created: { $name }
OpenAccount = Open their page
SignsInWith = Signs in with:
CredentialsMailed = An e-mail with their login and a link, valid 7 days, to choose their password has been sent.
GeneratedPasswordOnce = Generated password: write it down or hand it over now, it will never be shown again.
ExistingAccountLong = This user already has an active account.
ExistingAccountHint = Open their page to add them to groups:
PendingInvitationLong = An invitation is pending for this address: nothing was created.
CreateAnyway = Create the account anyway (the invitation is then used up)
CustomFields = Custom fields
CustomFieldsIntro = These fields appear on the Invite and Create an account panels and on every user's page.
FieldKey = Key
FieldKeyHelp = Stable name in import files and the API, for example employee_id.
FieldTypeLabel = Type
FieldTypeText = Text
FieldTypeNumber = Number
FieldTypeDate = Date
FieldTypeChoice = Choice list
FieldChoices = Choices (one per line)
FieldRequired = Required
AddField = ADD THE FIELD
NewFieldHeading = New field
Dismiss = Close
CancelEdit = Cancel
ConfirmRemoveMember = Remove { $name } from this group? Their roles here are removed; their other groups do not change.
PlatformSettingsTitle = Platform settings
DefaultLanguage = Default language
DefaultLanguageHelp = For a visitor who chose no language and whose browser asks for neither French, English nor Dutch. Everyone can then choose their own.
SettingsSaved = Settings saved.
ErrUnknownLanguage = Unknown language: choose French, English or Dutch.
FieldAdded = Field added.
FieldDeleted = Field deleted.
DeleteField = Delete
DeleteFieldOf = Delete the field
NoFields = No custom field yet.
NoFieldsHint = Add one below.
ChooseOne = — Choose —
Yes = Yes
No = No
ActivatedOn = Activated on
CreatedOn = Created on
NoDeletion = None
GroupsAndRoles = Groups and roles
NoGroups = Member of no group.
PasswordNotSet = Password not chosen yet: the link sent by e-mail is waiting to be used.
ResendPasswordLink = Send the password link again
PasswordLinkResent = Link sent. The previous links no longer work.
EditProfile = Edit the profile
ProfileSaved = Profile saved.
SetPasswordTitle = Choose your password
SetPasswordIntro = Your account is ready. Choose a password to sign in.
SetPasswordButton = SAVE AND SIGN IN
PasswordLinkClosedTitle = This link cannot be used
ErrRoleNotAllowed = You cannot grant this role in this group.
ErrDeletionInPast = The deletion date must be in the future.
ErrMessageTooLong = The message is too long (2,000 characters at most).
ErrAddressInvited = An invitation is pending for this address: the person must use the link they received by e-mail.
ErrInvalidDate = Invalid date.

## Reasons an address is refused
EmailEmpty = empty address
EmailWhitespace = space in the address
EmailMissingAt = the @ is missing
EmailMultipleAt = more than one @
EmailEmptyLocal = nothing before the @
EmailLocalTooLong = part before the @ too long
EmailDotPlacement = misplaced dot
EmailEmptyDomain = nothing after the @
EmailDomainNoDot = incomplete domain (no dot)
EmailInvalidDomain = invalid domain
EmailTooLong = address too long

## The invitee
AcceptTitle = Welcome to Onboard
AcceptIntro = Complete your profile to activate your account.
InvitedBy = Invited by
InvitedTo = Groups
ValidUntil = Valid until
ActivateAccount = ACTIVATE MY ACCOUNT
PasswordHelp = At least 8 characters. A sentence you remember makes a good password.
InvitationInvalid = This invitation link is not valid. Check that it is complete, or ask the person who invited you to send it again.
InvitationExpired = This invitation has expired. Ask the person who invited you to send it again.
InvitationUsed = This invitation has already been used: your account exists. Please sign in.
InvitationCancelled = This invitation was cancelled. Contact the person who invited you.
InvitationReplaced = This link was replaced by a newer one: use the latest invitation e-mail you received.
InvitationClosedTitle = Invitation unavailable
ErrResendTooSoon = This invitation was just sent: wait a minute before sending it again.

## Invitations tab
PanelInvitations = Invitations
InvitationsTitle = Invitations
Search = Search an address
FilterStatus = Status
FilterDelivery = Mail delivery
FilterGroup = Group
FilterInviter = Invited by
FilterSort = Sort
SortNewest = Newest first
SortOldest = Oldest first
Any = Any
Filter = FILTER
StatusPendingShort = Pending
StatusExpired = Expired
DeliveryQueued = Queued
DeliverySent = Sent
DeliveryFailed = Failed
ColGroupsRoles = Groups and roles
ColDelivery = Delivery
ColActions = Actions
ColHistory = History
SentOn = Sent on { $date }
SentOnBy = Sent on { $date } by { $name }
LastSentOn = Last sent on { $date } ({ $count } sends)
ReminderOn = Reminded on { $date }
ExpiresOn = Expires on { $date }
ExpiredOn = Expired on { $date }
DeletionOn = Account deleted on { $date }
InvitationsOfGroup = Invitations — { $group }
EditMember = Edit
EditMemberOf = Edit the roles of
RemoveFromGroup = Remove from the group
RemoveFromGroupHelp = No role ticked also removes the person from the group. Their roles in other groups do not change.
MemberRolesSaved = Roles saved.
MemberRemoved = Removed from the group.
SelectRow = Select
SelectPage = Select the page
Resend = Re-send the invitation
CancelInvitation = Cancel the invitation
CopyLink = Copy the link
Copy = COPY
Copied = Copied.
LinkIssued = New link issued. The mailed link still works; “Re-send the invitation” would replace every link.
Resent = Invitation sent again: the new link replaces the previous ones.
CancelledDone = Invitation cancelled.
Selected = { $count } selected
ResendSelection = Re-send the selection
CancelSelection = Cancel the selection
ResendMatching = Re-send everything matching
CancelMatching = Cancel everything matching
ConfirmResend = Re-send these invitations?
ConfirmCancel = Cancel these invitations? Their links will stop working.
InvitationsCount =
    { $count ->
        [one] { $count } invitation
       *[other] { $count } invitations
    }
ConfirmCancelOne = Cancel the invitation of { $email }? Its links will stop working.
ConfirmWithdrawOne = Withdraw your groups and roles from the invitation of { $email }?
KeepIt = Keep it
Confirm = CONFIRM
BulkDone = { $count } done
BulkRateLimited =
    { $count ->
        [one] { $count } skipped: sent less than a minute ago
       *[other] { $count } skipped: sent less than a minute ago
    }
BulkSkipped = { $count } skipped: already accepted or cancelled
NoInvitations = No invitation matches.
NoInvitationsHint = Invite people from “Invite”.
Previous = Previous
Next = Next
PendingRowHint = See the Invitations tab
MorePendingInvitations = All pending invitations, in the Invitations tab

## Development mailbox
MenuMailbox = Development mailbox
NotFoundTitle = Page not found
BackHome = Back to the home page

## Sentences with values
PageRange = { $first }–{ $last } of { $total }
MoreThan = more than { $count }
InvitationsCountMore = More than { $count } invitations
OutcomeExistingAddedTo = The user already has an active account — added to { $group } as { $roles }
OutcomeInvalidBecause = Invalid address: { $reason }
EmailInvalidCharIs = forbidden character “{ $char }”
FieldErrorOn = { $label }: { $reason }
FieldLabel = Label
FieldLabelIn = Label ({ $language })
FieldLabelHelp = The French label is required; a language left empty shows the French label.

## Mails
MailHello = Hello,
MailHelloName = Hello { $name },
MailInviteSubject = { $inviter } invites you to Onboard
MailReminderSubject = Reminder: { $inviter } invites you to Onboard
MailReminderLine = You have not accepted this invitation yet: it is still waiting for you.
MailInviteSentence =
    { $count ->
        [0] { $inviter } invites you to join the Onboard platform.
        [one] { $inviter } invites you to join the Onboard platform, in the group { $groups }.
       *[other] { $inviter } invites you to join the Onboard platform, in the groups { $groups }.
    }
MailGroupName = “{ $name }”
MailListAnd = and
MailMessageLabel = Their message:
MailAcceptButton = Accept the invitation
MailOpenInviteLink = To accept the invitation, open this link:
MailCopyLink = If the button does not work, copy this link into your browser:
MailInviteValidUntil = This invitation is valid until { $date }.
MailInviteUnexpected = Not expecting this invitation? Simply ignore this message.
MailSetPasswordSubject = Your Onboard account is ready: choose your password
MailAccountCreatedBy = { $sender } created an account for you on the Onboard platform.
MailYourLogin = Your login:
MailOpenPasswordLink = To choose your password and sign in, open this link:
MailChoosePasswordButton = Choose my password
MailPasswordLinkValidUntil = This link works once and is valid until { $date }.
MailPasswordUnexpected = Not expecting this message? Ignore it: nothing happens without you.

## Development mailbox
MailboxTitle = Development mailbox
MailboxIntro = The platform's mails, newest first. With no SMTP server configured they are sent to nobody: they are kept here.
MailboxEmpty = No mail yet.
MailboxEmptyHint = Invitations you send will show up here.
MailboxTo = To
MailboxDate = Date
MailboxStatus = Status
MailboxQueued = Queued
MailboxSending = Sending
MailboxSent = Sent
MailboxFailed = Failed
MailboxLastError = Last error
MailboxPlainVersion = Text version
MailboxFrameTitle = Mail to { $to }
MailboxDateTime = { $day }, { $time } UTC

## Language names, in the reader's language
LanguageFr = French
LanguageEn = English
LanguageNl = Dutch

## The user's page: adding to groups
AddToGroupsTitle = Add to groups
AddToGroupsHelp = The ticked roles are given in every chosen group. A greyed-out role cannot be given in one of the chosen groups.
AddToGroupsButton = ADD
AddingToGroups = Adding…
AddedToGroupAs = Added to { $group } as { $roles }
AlreadyInGroups = This person already had these roles in these groups: nothing changed.
ErrAddSelfToGroups = You cannot add yourself to groups: ask another administrator.
ErrAddGroupOutOfReach = You do not manage the users of one of the chosen groups: nothing was added.
ErrAddRoleNotGrantable = You cannot give one of the ticked roles in one of the chosen groups: nothing was added.

# Guests and seats
ErrGuestLearnerOnly = A guest account can only hold the Learner role.
ErrGuestNotPlatformAdmin = A guest account cannot be a platform administrator.
ErrNoSeat = No seat is free.
ErrSeatsFull = No seat free: { $used } billable members for a limit of { $limit }. Free a seat (turn a member into a guest) or raise the limit; nothing was changed.
ErrSeatLimitInvalid = The seat limit is a whole number from 0, or empty for unlimited.
ErrNotWaitingForSeat = This invitation no longer waits for a seat.
ErrOwnAccountType = You cannot change the type of your own account.
ErrNothingSelected = Select at least one person.
ErrTooManySelected = Too many people at once: 500 at most.
OutcomeGuestCannotHold = Guest account: { $roles } refused (a guest only holds the Learner role). Nothing changed.
GuestRolesHint = A guest only holds the Learner role.
SeatLimit = Seat limit
SeatLimitHelp = Number of billable members allowed. Empty: unlimited. Guests do not count.
SeatsUsage = Seats: { $used } / { $limit }
SeatsUsageUnlimited = Seats: { $used } used (no limit)
SeatsThisUses = { $count ->
    [one] This action will use at most { $count }.
   *[other] This action will use at most { $count }.
}
SeatsNoneFree = No seat free: invited members will wait until one frees.
AwaitingSeatTitle = Your account is almost ready
AwaitingSeatBody = Every seat of the platform is taken. Your registration is saved: your account will open as soon as a seat frees, and you will get an e-mail then. You will sign in with the password you just chose.
AwaitingSeatAdmins = The platform's administrators have been told.
StatusAwaitingSeat = Waiting for a seat
AwaitingSeatSince = Form completed on { $date }
ActivateWaiting = Activate
ActivatedWaiting = Account open: the person got an e-mail.
AccountTypeSection = Account type
ToMember = Make a member
ToGuest = Make a guest
ConvertBlockedIntro = A guest only holds the Learner role. These roles keep this person from becoming a guest:
ConvertRemoveRolesAndGo = Remove these roles and make a guest
ConvertedToMember = Now a member: billed from now on.
ConvertedToGuest = Now a guest: no longer billed from now on.
ConvertedRolesRemoved = Roles removed: { $roles }
ConvertSelection = { $count ->
    [one] Change the type of { $count } person
   *[other] Change the type of { $count } people
}
ConfirmConvert = { $count ->
    [one] Change the type of { $count } person?
   *[other] Change the type of { $count } people?
}
ConvertNoSeat = No seat free ({ $used } / { $limit }).
MailSeatWaitingSubject = Someone is waiting for a seat
MailSeatWaitingLine = { $name } ({ $email }) completed their sign-up form, but all { $limit } seats of the platform are taken. Their account will open by itself as soon as a seat frees.
MailSeatWaitingHow = To open it now, raise the seat limit or turn a member into a guest:
MailSeatWaitingButton = Platform settings
MailAccountOpenedSubject = Your account is open
MailAccountOpenedLine = A seat has freed: your account is open. Sign in with the password you chose.
MailSignInButton = Sign in
ConvertTo = New type
ConvertAlsoRemoveRoles = Also remove the roles a guest cannot hold
ConvertLineBlocked = stays a member: { $roles } (tick "Also remove the roles" to go on)
ConvertResultsTitle = Type change

# Billing page, audit log, time zone
AuditInvitationCreated = Invitation sent
AuditInvitationMerged = Merged into the pending invitation
AuditInvitationGrantsAdded = Roles added to the pending invitation
AuditInvitationGrantsWithdrawn = Roles withdrawn from the invitation
AuditInvitationReinviteUnchanged = Invited again, nothing changed
AuditInvitationReinviteResent = Invited again: invitation re-sent
AuditInvitationResent = Invitation re-sent
AuditInvitationLinkCopied = Invitation link copied
AuditInvitationCancelled = Invitation cancelled
AuditInvitationExistingAccountAdded = Existing account added to the group
AuditInvitationAccepted = Invitation accepted, account opened
AuditInvitationAwaitingSeat = Form completed, waiting for a seat
AuditInvitationExpired = Invitation expired
AuditInvitationDeletedAutomatically = Invitation deleted automatically
AuditAccountCreated = Account created
AuditAccountUpdated = Account updated
AuditAccountGroupsAdded = Added to groups
AuditAccountTypeChanged = Account type changed
AuditAccountPasswordLinkSent = Password link sent
AuditAccountPasswordSet = Password set
AuditAccountDeletedAutomatically = Account deleted automatically
AuditMemberRolesChanged = Roles changed
AuditMemberRemoved = Removed from the group
AuditGroupCreated = Group created
AuditGroupUpdated = Group updated
AuditGroupDeleted = Group deleted
AuditCustomFieldCreated = Custom field defined
AuditCustomFieldDeleted = Custom field deleted
AuditPlatformAdminCreated = First platform administrator created
AuditPlatformDefaultLanguageSet = Default language changed
AuditPlatformSeatLimitSet = Seat limit changed
AuditPlatformTimeZoneSet = Time zone changed
AuditLoginThrottled = Sign-ins blocked after too many failures
ReasonInvitationAccepted = Invitation accepted
ReasonCreated = Account created
ReasonConvertedToMember = Turned into a member
ReasonConvertedToGuest = Turned into a guest
ReasonDeleted = Account deleted
ReasonUnknown = Not recorded
NoRole = no role
Unlimited = unlimited
Dash = —
Pagination = Pages
Breadcrumb = Breadcrumb
ExportCsv = Export as CSV
ExportXlsx = Export as Excel (XLSX)
DetailRoles = Roles: { $roles }
DetailRolesChange = Roles: { $from } → { $to }
DetailGrants = Roles granted: { $grants }
DetailPropagated = Propagated: { $grants }
DetailRolesRemoved = Roles removed: { $grants }
DetailAccountType = Type: { $kind }
DetailChange = { $from } → { $to }
DetailDeletionDate = Deleted automatically on { $date }
DetailName = Name: { $name }
DetailLoginName = Login name: { $name }
DetailFieldKey = Field: { $key }
DetailWaitedForSeat = Waited for a seat
DetailCredentialsMailed = Credentials mailed
DetailClient = From { $address }
ErrJournalAction = No such action: choose one from the list.
ErrJournalGroup = This group does not exist or is not one of yours.
ErrJournalDate = Invalid date: write it YYYY-MM-DD.
ErrJournalDateOrder = The end date is before the start date.
ErrTimeZoneUnknown = Unknown time zone: choose one from the list (for example Europe/Paris).
ErrResendAwaitingSeat = This person has already completed the form and is waiting for a seat: there is nothing to re-send.
ErrBillingMonth = Invalid month: write it YYYY-MM, this month at the latest.
JournalTitle = Audit log
JournalIntro = Who invited, created, cancelled or changed whom, and when.
JournalWhen = When
JournalWho = Who
JournalAction = Action
JournalTarget = About
JournalGroup = Group
JournalDetails = Details
JournalFilterActor = Done by (e-mail)
JournalFilterPerson = About (e-mail)
JournalFrom = From
JournalTo = To
JournalCount = { $count ->
    [one] { $count } entry
   *[other] { $count } entries
}
JournalCountMore = More than { $count } entries
JournalZone = Times in { $zone }.
JournalEmpty = No entry matches these filters.
JournalUnknownPerson = No account has this address or login name.
JournalNewest = ← Newest
JournalOlder = Older →
JournalSystem = Onboard (automatic)
BillingTitle = Billing
BillingBillableNow = members billed today
BillingZone = Months begin at midnight, { $zone } time.
BillingHistory = History by month
BillingChartCaption = Members billed at the end of each month (this month: today). Click a month for its list.
BillingMonth = Month
BillingStarted = Started
BillingStopped = Stopped
BillingNetEnd = At month end
BillingListTitle = { $count ->
    [one] { $month }: { $count } member billed
   *[other] { $month }: { $count } members billed
}
BillingListEmpty = No member billed at the end of this month.
BillingListMore = { $count ->
    [one] and { $count } more: the export holds them all.
   *[other] and { $count } more: the export holds them all.
}
BillingName = Name
BillingSince = Billed since
BillingHow = How
BillingThisMonth = Back to this month
TimeZone = Time zone
TimeZoneHelp = Where the billing months begin, and the time of dates for viewers whose browser gives no zone.

## Import wizard
AuditImportCompleted = File import
ErrImportTooLarge = The file is over 20 MB: split it into several files.
ErrImportTooManyRows = The file has more than 100,000 rows: split it into several files.
ErrImportTooManyColumns = The file has more than 200 columns.
ErrImportEmpty = The file is empty.
ErrImportUnsupported = Unsupported format: send a .csv, .txt, .tsv, .xlsx, .xls or .ods file.
ErrImportNotWhatItSays = The file's content does not match its extension.
ErrImportCorrupt = This workbook cannot be read: open it and save it again.
ErrImportZipBomb = This workbook inflates to an abnormal size: it is refused.
ErrImportSheetNotFound = This sheet does not exist in the workbook.
ErrImportNoFile = Choose a file.
ErrImportNotDraft = This import has already been run.
ErrImportNoEmailColumn = No column is the e-mail address: choose it among the columns.
ImportTargetGroups = Groups
ImportTargetRoles = Roles
ImportTargetAdmin = Platform admin
ImportTargetType = Account type
ImportTargetDeletion = Deletion date
ImportHelpEmail = Required. One address per row.
ImportHelpName = Text. Required to create an account.
ImportHelpLanguage = fr, en, nl (or nl-BE, fr-FR…). Empty: the language chosen in the wizard.
ImportHelpGroups = Group names or paths (Acme › Sales), separated by ; . Empty: the import's group.
ImportHelpRoles = Learner, Trainer, User admin, Group admin (in English or French), separated by ; .
ImportHelpAdmin = TRUE/FALSE, VRAI/FAUX, yes/no, 1/0. Only a platform admin may grant it.
ImportHelpType = member or guest.
ImportHelpDate = YYYY-MM-DD or DD/MM/YYYY. The account's automatic deletion date.
ImportHelpCustom = Custom field ({ $kind }).
ImportKindInvite = Invitations
ImportKindCreate = Creations
ImportKindUpdate = Updates
ImportKindAdd = Added to groups
ImportKindMerge = Invitations merged
ImportKindUnchanged = Already done
ImportKindDuplicate = Duplicates
ImportKindError = Errors
ImportVerdictInvite = Invitation mailed
ImportVerdictCreate = Account created, active at once
ImportVerdictUpdate = Account updated: { $fields }
ImportVerdictAdd = Already an active account — added to the groups
ImportVerdictMerge = Pending invitation completed and sent again
ImportVerdictAlreadyInvited = Already invited: nothing to do
ImportVerdictUpToDate = Already up to date: nothing to do
ImportVerdictDuplicate = Duplicate of row { $line }: skipped
ImportRowMissingEmail = E-mail address missing
ImportRowInvalidEmail = Invalid address: { $why }
ImportRowUnknownLanguage = Unknown language “{ $value }”
ImportRowUnknownRole = Unknown role “{ $value }”
ImportRowBadBool = “{ $value }” is neither yes nor no
ImportRowUnknownType = Unknown account type “{ $value }”
ImportRowBadDate = Unreadable date “{ $value }”
ImportRowUnknownGroup = Unknown group “{ $value }”
ImportRowAmbiguousGroup = Several groups are called “{ $value }”: give its path (Acme › Sales)
ImportRowNoGroup = No group
ImportRowRoleNotAllowed = Role not allowed here: { $role }
ImportRowAdminRefused = “admin” refused: only a platform admin may grant it
ImportRowGuestHeldRoles = Cannot become a guest: this account holds roles a guest cannot hold ({ $roles }); remove them first from their page
ImportRowNamesMissing = First and last name required to create an account
ImportRowNameInvalid = Invalid name
ImportRowField = { $field }: { $why }
ImportRowOwnAccount = This is your own account: nobody changes their own rights
ImportRowAddressInUse = An account already uses this address
ImportRowNoSeat = No seat free: the seat limit is reached
ImportColLine = Row
ImportColOutcome = Outcome
ImportColWhy = Detail
ImportColColumn = Column
ImportColMeaning = Meaning
ImportColValues = Accepted values
ImportExampleFalse = FALSE
PanelImport = Import
PanelImports = Imports
ImportTitle = Import users
ImportTemplateTitle = 1. The template
ImportTemplateHelp = One row per person; only the email column is required. The workbook's second sheet explains each column.
ImportTemplateXlsx = Download modele-import.xlsx
ImportTemplateCsv = Download modele-import.csv
ImportFileTitle = 2. The file
ImportDrop = Drop the file here, or choose it
ImportLimits = CSV, TXT, TSV, XLSX, XLS or ODS; at most 20 MB and 100,000 rows. UTF-8, UTF-16 and Windows-1252 are recognised, with , ; or tab.
ImportSend = SEND THE FILE
ImportHistoryTitle = Earlier imports
ImportHistoryEmpty = No import yet.
ImportStepFile = File
ImportStepColumns = Columns
ImportStepPreview = Preview
ImportStepOptions = Options and run
ImportStepReport = Report
ImportSteps = Import steps
ImportReadAs = Read as
ImportFormat = Format
ImportEncoding = Encoding
ImportSeparator = Separator
ImportSheet = Sheet
ImportDetect = Detect automatically
ImportSepComma = Comma ( , )
ImportSepSemicolon = Semicolon ( ; )
ImportSepTab = Tab
ImportApply = APPLY
ImportRowsCount = { $count ->
    [one] { $count } row
   *[other] { $count } rows
}
ImportColumnHeader = Column of the file
ImportColumnSample = Example
ImportColumnTarget = Means
ImportIgnore = — Ignore —
ImportSaveColumns = SAVE THE COLUMNS
ImportFilterAll = All
ImportFilterLabel = Show
ImportVerdictHeader = What will be done
ImportOutcomeHeader = What was done
ImportCorrect = Correct
ImportRecheck = CHECK
ImportCancelEdit = Cancel
ImportPreviewHelp = Nothing is saved yet. Correct a row in error here, or download them to fix in your spreadsheet.
ImportSeats = Seats: { $used } / { $limit } used; this import would use up to { $needed }.
ImportSeatsUnlimited = Seats: { $used } used, no limit; this import would use up to { $needed }.
ImportMode = Mode
ImportModeInvite = Invite: a mail with a link, the account opens when the person completes the form
ImportModeCreate = Create the accounts: active and billed at once
ImportModeCreateOrUpdate = Create or update: existing accounts (same address) take the file's values
ImportDefaultsHelp = These values apply to every row; a value in the file wins for its row.
ImportSendCredentials = Mail each new account a link to choose a password
ImportRun = IMPORT
ImportRunSkips = { $count ->
    [one] The row in error will be skipped.
   *[other] The { $count } rows in error will be skipped.
}
ImportRunning = { $done } / { $total } rows done
ImportRunningHelp = You may close this page: the import goes on, and the group's other admins can follow it.
ImportFailedText = The import did not complete: nothing of it was saved. You may run it again.
ImportDoneText = Import finished. The mails go out in each person's language.
ImportReportCsv = Report (CSV)
ImportReportXlsx = Report (XLSX)
ImportErrorsFile = Rows in error, to fix (CSV)
ImportErrorsFileXlsx = Rows in error, to fix (XLSX)
ImportColWhen = When
ImportColWho = By
ImportColFile = File
ImportStatusDraft = Being prepared
ImportStatusRunning = Running
ImportStatusDone = Done
ImportStatusFailed = Failed
ImportNext = Next step →
ImportPagePrev = ← Previous
ImportPageNext = Next →
ImportPageOf = Page { $page } of { $pages }
