# Onboard — Nederlands

AppName = Onboard
SkipToContent = Naar de inhoud
Language = Taal

## Aanmelden
LoginTitle = Aanmelden
LoginIntro = Meld u aan met uw e-mailadres of uw gebruikersnaam.
EmailOrLogin = E-mail of gebruikersnaam
Password = Wachtwoord
PasswordConfirm = Wachtwoord bevestigen
SignIn = AANMELDEN
SigningIn = Aanmelden…
SignOut = Afmelden
InvalidCredentials = Onjuiste gebruikersnaam of onjuist wachtwoord.
TooManyAttempts = Te veel pogingen. Probeer het over enkele minuten opnieuw.

## Eerste beheerder
SetupTitle = De eerste beheerder aanmaken
SetupIntro = Dit account wordt platformbeheerder. Deze link werkt maar één keer.
SetupDone = Het platform heeft al een beheerder. Meld u aan.
SetupInvalidLink = Deze installatielink is niet geldig. Gebruik de link die bij het opstarten van de server werd getoond.
FirstName = Voornaam
LastName = Achternaam
Email = E-mail
CreateAdmin = BEHEERDER AANMAKEN

## Kader
Groups = Groepen
NoGroupsYet = Nog geen groepen.
NoGroupsAdminHint = Maak de eerste groep aan met + → Groep.
NoGroupsMemberHint = U behoort nog tot geen enkele groep.
AddMenu = Toevoegen
MenuUser = Gebruiker
MenuGroup = Groep
ExpandGroup = { $name } uitvouwen
CollapseGroup = { $name } samenvouwen
ToggleSidebar = Groepen tonen
Welcome = Welkom
HomeIntro = Kies een groep in de linkerbalk om de gebruikers ervan te zien.
WelcomeName = Welkom, { $name }
MemberHomeIntro = Uw account is klaar. Hier vindt u uw groepen en uw profiel.
YourGroups = Uw groepen
YourProfile = Uw profiel
FullName = Naam
YourLanguageHelp = De pagina's en e-mails van Onboard bereiken u in deze taal; u kunt ze hier wijzigen.
PlatformAdmin = Platformbeheerder

## Groepspagina
Public = openbaar
Private = privé
PublicLong = Cursisten die hier worden toegevoegd, worden ook cursist van de bovenliggende groepen, tot en met de eerste privégroep.
PrivateLong = Iemand hier toevoegen, voegt die persoon aan geen enkele andere groep toe.
TabUsers = GEBRUIKERS
TabSettings = Instellingen
ColName = Naam
ColEmail = E-mail
ColRoles = Rollen
ColType = Type
ColStatus = Status
ColActivated = Geactiveerd op
StatusActive = Actief
StatusPending = Uitnodiging openstaand
StatusNoPassword = Wacht op het wachtwoord
NoMembers = Deze groep heeft nog geen gebruikers.
NoMembersHint = Voeg er toe met + → Gebruiker.
MembersCount =
    { $count ->
        [one] { $count } gebruiker
       *[other] { $count } gebruikers
    }

## Rollen en accounttypes
RolePlatformAdmin = Platformbeheerder
RoleGroupAdmin = Groepsbeheerder
RoleUserAdmin = Gebruikersbeheerder
RoleTrainer = Begeleider
RoleLearner = Cursist
TypeMember = Lid
TypeGuest = Gast

## Groepsbeheer
NewGroup = Nieuwe groep
GroupName = Groepsnaam
ParentGroup = Bovenliggende groep
NoParent = — Geen (hoofdgroep) —
Visibility = Zichtbaarheid
CreateGroup = GROEP AANMAKEN
Save = OPSLAAN
DeleteGroup = GROEP VERWIJDEREN
DeleteGroupConfirm = Deze groep definitief verwijderen? De rollen en sessies ervan worden ook verwijderd.
DangerZone = Gevarenzone
GroupSaved = Wijzigingen opgeslagen.
Cancel = Annuleren
Working = Bezig…

## Fouten (openbare meldingen; de oorzaken worden gelogd, nooit getoond)
ErrInternal = Er is bij ons iets misgegaan. Probeer het opnieuw; blijft het probleem zich voordoen, meld het dan aan de beheerder.
ErrUnauthenticated = Uw sessie is verlopen. Meld u opnieuw aan.
ErrForbidden = U hebt geen toestemming om dit te doen.
ErrNotFound = Niet gevonden.
ErrNetwork = De server reageert niet. Controleer uw verbinding.
ErrBadRequest = Ongeldig verzoek.
ErrCrossSite = Verzoek geweigerd: het komt niet van deze site.
ErrUnsupportedMediaType = Verzoek geweigerd: dit gegevensformaat wordt niet aanvaard.
ErrTooLarge = Verzoek te groot.
ErrNameRequired = De naam is verplicht.
ErrNameTooLong = De naam is te lang (maximaal 120 tekens).
ErrGroupNameTaken = Op deze plaats bestaat al een groep met deze naam.
ErrGroupHasChildren = Deze groep heeft subgroepen: verplaats of verwijder die eerst.
ErrMoveIntoItself = Een groep kan niet zijn eigen bovenliggende groep zijn.
ErrMoveIntoDescendant = Een groep kan niet naar een van zijn subgroepen worden verplaatst.
ErrUnknownParent = De bovenliggende groep bestaat niet.
ErrEmailInvalid = Ongeldig e-mailadres.
ErrEmailTaken = Er bestaat al een account met dit adres.
ErrPasswordTooShort = Het wachtwoord moet minstens 8 tekens lang zijn.
ErrPasswordTooLong = Het wachtwoord mag maximaal 128 tekens lang zijn.
ErrPasswordCommon = Dit wachtwoord komt te vaak voor: kies een ander.
ErrPasswordMismatch = De twee wachtwoorden komen niet overeen.
ErrFirstNameRequired = De voornaam is verplicht.
ErrLastNameRequired = De achternaam is verplicht.

## Het gebruikerspaneel (+ → Gebruiker)
PanelTitle = Gebruikers toevoegen
PanelInvite = Uitnodigen
Emails = E-mailadressen
EmailsHelp = Meerdere adressen, gescheiden door een komma, puntkomma, spatie of nieuwe regel. “Marie Curie <marie@voorbeeld.be>” wordt aanvaard.
Roles = Rollen
Options = Opties
InviteeLanguage = Taal van de genodigde
DeletionDate = Automatisch verwijderen op
DeletionDateHelp = Het account (of de uitnodiging) wordt op die datum verwijderd. Laat leeg om nooit te verwijderen.
PersonalMessage = Persoonlijk bericht
AccountTypeLabel = Accounttype
MemberHelp = Volwaardig account, gefactureerd zodra het actief is.
GuestHelp = Alleen raadplegen, nooit gefactureerd.
PlatformAdminOnAccept = Platformbeheerder bij aanvaarding
InviteButton = UITNODIGEN
Inviting = Versturen…
ResultsTitle = Resultaat
OutcomeInvited = Uitnodiging verstuurd
OutcomeMergedAdded = Al uitgenodigd: toegevoegd aan { $group } als { $roles }; opnieuw verstuurd met een nieuwe link
OutcomeMergedOptions = Al uitgenodigd: opties bijgewerkt; opnieuw verstuurd met een nieuwe link
OutcomeAlreadyInvited =
    { $minutes ->
        [0] Al uitgenodigd (zonet verstuurd): niets nieuws, geen e-mail verstuurd, de link blijft geldig
       *[other] Al uitgenodigd ({ $minutes } min geleden verstuurd): niets nieuws, geen e-mail verstuurd, de link blijft geldig
    }
OutcomeResent = Al uitgenodigd: opnieuw verstuurd met een nieuwe link (de vorige werkt niet meer)
OutcomeDuplicate = Dubbel in de lijst: overgeslagen
SummaryInvited = { $count } uitgenodigd
SummaryUpdated =
    { $count ->
        [one] { $count } openstaande uitnodiging aangevuld
       *[other] { $count } openstaande uitnodigingen aangevuld
    }
SummaryAlready = { $count } al uitgenodigd
SummaryAdded =
    { $count ->
        [one] { $count } bestaand account toegevoegd
       *[other] { $count } bestaande accounts toegevoegd
    }
SummaryDuplicate = { $count } dubbel
SummaryRefused = { $count } geweigerd
SummaryInvalid = { $count } ongeldig
InvalidKeptHelp = De ongeldige adressen zijn in het veld gebleven: verbeter ze en klik opnieuw op UITNODIGEN.
NoAddresses = Vul minstens één adres in.
ChooseGroupFirst = Kies eerst een groep in de linkerbalk.
ErrNoRole = Vink minstens één rol aan.
ErrOwnRoles = U kunt uw eigen rollen niet wijzigen: vraag het aan een andere beheerder.

## Wie wat mag doen (het beveiligingsmodel)
ErrTooManyAddresses = Te veel adressen tegelijk: maximaal 1.000 per verzending. Gebruik voor meer adressen de import.
ErrInvitationBeyondYou = Deze uitnodiging geeft ook rechten die u niet mag toekennen: alleen een beheerder die ze allemaal mag toekennen, kan ze opnieuw versturen, de link ervan kopiëren of ze annuleren. U kunt wel uw eigen groepen en rollen eruit intrekken.
GrantsWithdrawn = Uw groepen en rollen zijn uit de uitnodiging ingetrokken; voor de anderen blijft ze openstaan.
BulkPartial = { $count } met rechten die u niet mag toekennen: alleen uw groepen en rollen ingetrokken (annuleren), niets opnieuw verstuurd (opnieuw versturen)
WithdrawMyGrants = Mijn groepen en rollen intrekken
InvitationPartlyYours = + rechten die u niet mag toekennen
WelcomeTitle = Uw account is geactiveerd
WelcomeDroppedIntro = Een deel van de toegang die de uitnodiging beloofde, geldt niet meer, omdat wie die toegang had toegekend, ze niet langer mag toekennen. Vraag ze aan bij een beheerder:
Continue = Doorgaan
ExistingAccountElsewhere = Er bestaat al een account met dit adres: er is niets aangemaakt.
PendingInvitationElsewhere = Er staat een uitnodiging open voor dit adres, met rechten die u niet mag toekennen: er is niets aangemaakt. U kunt er wel uw groepen en rollen aan toevoegen.
AddToInvitation = Mijn groepen en rollen aan de uitnodiging toevoegen
AddedToInvitation = Uw groepen en rollen zijn aan de openstaande uitnodiging toegevoegd.
AccountPartlyYours = Deze persoon heeft ook rollen buiten uw bevoegdheid: u beheert de rollen in uw groepen, niet het account zelf.
ErrNotAMember = Deze persoon is geen lid van deze groep.
ErrFieldKey = Ongeldige sleutel: een kleine letter, gevolgd door letters, cijfers of _ (maximaal 40).
ErrFieldKeyTaken = Deze sleutel wordt al door een ander veld gebruikt.
ErrFieldLabel = Geef minstens het Franse label op; maximaal 80 tekens per label.
ErrFieldType = Kies een veldtype.
ErrFieldChoices = Een keuzelijst moet minstens één keuze bevatten.
ErrFieldRequired = dit veld is verplicht.
ErrFieldTooLong = Maximaal 500 tekens.
ErrFieldNumber = een getal verwacht (bijvoorbeeld 12 of 3,5).
ErrFieldDate = een datum verwacht (DD-MM-JJJJ).
ErrFieldChoice = kies een waarde uit de lijst.
ErrLoginNameInvalid = Ongeldige gebruikersnaam: 3 tot 64 tekens uit a-z, 0-9, punt, koppelteken en _.
ErrLoginNameTaken = Deze gebruikersnaam is al in gebruik.
ErrNoEmailNoMail = Zonder e-mailadres kan er geen e-mail worden verstuurd: vul een wachtwoord in, of laat het leeg om er een te laten genereren.
ErrPasswordOrMail = Kies het een of het ander: een ingevuld wachtwoord, of de aanmeldgegevens per e-mail versturen.
ErrPasswordOrMailMissing = Vul een wachtwoord in of vink “Deze nieuwe aanmeldgegevens per e-mail versturen” aan.
ErrPasswordAlreadyChosen = Deze persoon heeft al een wachtwoord gekozen.
ErrNoGroup = Kies minstens één groep.
ErrExtraInfoTooLong = De aanvullende informatie is te lang (maximaal 2.000 tekens).
ErrFixFields = Het formulier is niet verstuurd: verbeter de aangeduide velden.
PasswordLinkInvalid = Deze link is niet geldig. Vraag uw beheerder om u een nieuwe te sturen.
PasswordLinkUsed = Deze link is al gebruikt: uw wachtwoord is ingesteld. Meld u aan.
PasswordLinkExpired = Deze link is verlopen. Vraag uw beheerder om u een nieuwe te sturen.
PanelCreate = Account aanmaken
NoEmail = Geen e-mailadres
LoginName = Gebruikersnaam
LoginNameHelp = Voor iemand zonder e-mailadres: die persoon meldt zich aan met deze gebruikersnaam (3 tot 64 tekens: a-z, 0-9, punt, koppelteken, _).
SendCredentials = Deze nieuwe aanmeldgegevens per e-mail versturen
SendCredentialsHelp = De persoon ontvangt de gebruikersnaam en een eenmalige link, 7 dagen geldig, om zelf een wachtwoord te kiezen. Er wordt nooit een wachtwoord per e-mail verstuurd.
PasswordChoiceHelp = Vul een wachtwoord in, of vink het versturen van de aanmeldgegevens per e-mail aan. Zonder e-mailadres: laat het leeg om er een te laten genereren, dat maar één keer wordt getoond.
AddGroups = Groepen toevoegen
SearchGroup = Een groep zoeken
Validate = KLAAR
RemoveChip = Verwijderen
NoGroupChosen = Geen groep gekozen.
RolesApplyAll = De aangevinkte rollen gelden voor elke gekozen groep waarin u ze mag toekennen.
ExtraInfo = Aanvullende informatie
CreateButton = ACCOUNT AANMAKEN
Creating = Aanmaken…
AccountCreated = Account aangemaakt: { $name }
OpenAccount = Profiel openen
SignsInWith = Meldt zich aan met:
CredentialsMailed = Er is een e-mail verstuurd met de gebruikersnaam en een link, 7 dagen geldig, om een wachtwoord te kiezen.
GeneratedPasswordOnce = Gegenereerd wachtwoord: noteer het of geef het nu door, het wordt nooit meer getoond.
ExistingAccountLong = Deze gebruiker heeft al een actief account.
ExistingAccountHint = Open het profiel om de gebruiker aan groepen toe te voegen:
PendingInvitationLong = Er staat een uitnodiging open voor dit adres: er is niets aangemaakt.
CreateAnyway = Account toch aanmaken (de uitnodiging wordt dan verbruikt)
CustomFields = Aangepaste velden
CustomFieldsIntro = Deze velden verschijnen in de panelen Uitnodigen en Account aanmaken en op het profiel van elke gebruiker.
FieldKey = Sleutel
FieldKeyHelp = Vaste naam in importbestanden en in de API, bijvoorbeeld personeelsnummer.
FieldTypeLabel = Type
FieldTypeText = Tekst
FieldTypeNumber = Getal
FieldTypeDate = Datum
FieldTypeChoice = Keuzelijst
FieldChoices = Keuzes (één per regel)
FieldRequired = Verplicht
AddField = VELD TOEVOEGEN
NewFieldHeading = Nieuw veld
Dismiss = Sluiten
CancelEdit = Annuleren
ConfirmRemoveMember = { $name } uit deze groep verwijderen? De rollen hier worden verwijderd; de andere groepen veranderen niet.
PlatformSettingsTitle = Platforminstellingen
DefaultLanguage = Standaardtaal
DefaultLanguageHelp = Voor een bezoeker die geen taal koos en wiens browser noch Frans, noch Engels, noch Nederlands vraagt. Daarna kan iedereen zijn eigen taal kiezen.
SettingsSaved = Instellingen opgeslagen.
ErrUnknownLanguage = Onbekende taal: kies Frans, Engels of Nederlands.
FieldAdded = Veld toegevoegd.
FieldDeleted = Veld verwijderd.
DeleteField = Verwijderen
DeleteFieldOf = Verwijder het veld
NoFields = Nog geen aangepaste velden.
NoFieldsHint = Voeg er hieronder een toe.
ChooseOne = — Kiezen —
Yes = Ja
No = Nee
ActivatedOn = Geactiveerd op
CreatedOn = Aangemaakt op
NoDeletion = Geen
GroupsAndRoles = Groepen en rollen
NoGroups = Lid van geen enkele groep.
PasswordNotSet = Nog geen wachtwoord gekozen: de link die per e-mail is verstuurd, is nog niet gebruikt.
ResendPasswordLink = Wachtwoordlink opnieuw versturen
PasswordLinkResent = Link verstuurd. De vorige links werken niet meer.
EditProfile = Profiel bewerken
ProfileSaved = Profiel opgeslagen.
SetPasswordTitle = Kies uw wachtwoord
SetPasswordIntro = Uw account is klaar. Kies een wachtwoord om u aan te melden.
SetPasswordButton = OPSLAAN EN AANMELDEN
PasswordLinkClosedTitle = Deze link kan niet worden gebruikt
ErrRoleNotAllowed = U mag deze rol in deze groep niet toekennen.
ErrDeletionInPast = De verwijderdatum moet in de toekomst liggen.
ErrMessageTooLong = Het bericht is te lang (maximaal 2.000 tekens).
ErrAddressInvited = Er staat een uitnodiging open voor dit adres: de persoon moet de link gebruiken die per e-mail is ontvangen.
ErrInvalidDate = Ongeldige datum.

## Redenen waarom een adres wordt geweigerd
EmailEmpty = leeg adres
EmailWhitespace = spatie in het adres
EmailMissingAt = de @ ontbreekt
EmailMultipleAt = meer dan één @
EmailEmptyLocal = niets vóór de @
EmailLocalTooLong = deel vóór de @ te lang
EmailDotPlacement = punt op de verkeerde plaats
EmailEmptyDomain = niets na de @
EmailDomainNoDot = onvolledig domein (geen punt)
EmailInvalidDomain = ongeldig domein
EmailTooLong = adres te lang

## De genodigde
AcceptTitle = Welkom bij Onboard
AcceptIntro = Vul uw profiel aan om uw account te activeren.
InvitedBy = Uitgenodigd door
InvitedTo = Groepen
ValidUntil = Geldig tot
ActivateAccount = MIJN ACCOUNT ACTIVEREN
PasswordHelp = Minstens 8 tekens. Een zin die u makkelijk onthoudt, is een goed wachtwoord.
InvitationInvalid = Deze uitnodigingslink is niet geldig. Controleer of de link volledig is, of vraag de persoon die u heeft uitgenodigd om hem opnieuw te versturen.
InvitationExpired = Deze uitnodiging is verlopen. Vraag de persoon die u heeft uitgenodigd om ze opnieuw te versturen.
InvitationUsed = Deze uitnodiging is al gebruikt: uw account bestaat al. Meld u aan.
InvitationCancelled = Deze uitnodiging is geannuleerd. Neem contact op met de persoon die u heeft uitgenodigd.
InvitationReplaced = Deze link is vervangen door een recentere: gebruik de laatste uitnodigingsmail die u hebt ontvangen.
InvitationClosedTitle = Uitnodiging niet beschikbaar
ErrResendTooSoon = Deze uitnodiging is net verstuurd: wacht een minuut voordat u ze opnieuw verstuurt.

## Tabblad Uitnodigingen
PanelInvitations = Uitnodigingen
InvitationsTitle = Uitnodigingen
Search = Een adres zoeken
FilterStatus = Status
FilterDelivery = E-mailverzending
FilterGroup = Groep
FilterInviter = Uitgenodigd door
FilterSort = Sorteren
SortNewest = Nieuwste eerst
SortOldest = Oudste eerst
Any = Alle
Filter = FILTEREN
StatusPendingShort = Openstaand
StatusExpired = Verlopen
DeliveryQueued = In wachtrij
DeliverySent = Verstuurd
DeliveryFailed = Mislukt
ColGroupsRoles = Groepen en rollen
ColDelivery = Verzending
ColActions = Acties
ColHistory = Verloop
SentOn = Verstuurd op { $date }
SentOnBy = Verstuurd op { $date } door { $name }
LastSentOn = Laatst verstuurd op { $date } ({ $count } keer)
ReminderOn = Herinnerd op { $date }
ExpiresOn = Verloopt op { $date }
ExpiredOn = Verlopen op { $date }
DeletionOn = Account verwijderd op { $date }
InvitationsOfGroup = Uitnodigingen — { $group }
EditMember = Bewerken
EditMemberOf = Rollen bewerken van
RemoveFromGroup = Uit de groep verwijderen
RemoveFromGroupHelp = Als er geen rol is aangevinkt, wordt de persoon ook uit de groep verwijderd. De rollen in andere groepen blijven ongewijzigd.
MemberRolesSaved = Rollen opgeslagen.
MemberRemoved = Uit de groep verwijderd.
SelectRow = Selecteren
SelectPage = Pagina selecteren
Resend = Uitnodiging opnieuw versturen
CancelInvitation = Uitnodiging annuleren
CopyLink = Link kopiëren
Copy = KOPIËREN
Copied = Gekopieerd.
LinkIssued = Nieuwe link aangemaakt. De gemailde link blijft geldig; “Uitnodiging opnieuw versturen” zou alle links vervangen.
Resent = Uitnodiging opnieuw verstuurd: de nieuwe link vervangt de vorige.
CancelledDone = Uitnodiging geannuleerd.
Selected = { $count } geselecteerd
ResendSelection = Selectie opnieuw versturen
CancelSelection = Selectie annuleren
ResendMatching = Alle overeenkomende opnieuw versturen
CancelMatching = Alle overeenkomende annuleren
ConfirmResend = Deze uitnodigingen opnieuw versturen?
ConfirmCancel = Deze uitnodigingen annuleren? De links ervan werken dan niet meer.
InvitationsCount =
    { $count ->
        [one] { $count } uitnodiging
       *[other] { $count } uitnodigingen
    }
ConfirmCancelOne = De uitnodiging van { $email } annuleren? De links ervan werken dan niet meer.
ConfirmWithdrawOne = Uw groepen en rollen uit de uitnodiging van { $email } halen?
KeepIt = Behouden
Confirm = BEVESTIGEN
BulkDone = { $count } verwerkt
BulkRateLimited = { $count } overgeslagen: minder dan een minuut geleden verstuurd
BulkSkipped = { $count } overgeslagen: al aanvaard of geannuleerd
NoInvitations = Geen overeenkomende uitnodigingen.
NoInvitationsHint = Nodig mensen uit via “Uitnodigen”.
Previous = Vorige
Next = Volgende
PendingRowHint = Zie het tabblad Uitnodigingen
MorePendingInvitations = Alle openstaande uitnodigingen, in het tabblad Uitnodigingen

## Ontwikkelmailbox
MenuMailbox = Ontwikkelmailbox
NotFoundTitle = Pagina niet gevonden
BackHome = Terug naar de startpagina

## Zinnen met waarden
PageRange = { $first }–{ $last } van { $total }
MoreThan = meer dan { $count }
InvitationsCountMore = Meer dan { $count } uitnodigingen
OutcomeExistingAddedTo = De gebruiker heeft al een actief account — toegevoegd aan { $group } als { $roles }
OutcomeInvalidBecause = Ongeldig adres: { $reason }
EmailInvalidCharIs = niet-toegestaan teken “{ $char }”
FieldErrorOn = { $label }: { $reason }
FieldLabel = Label
FieldLabelIn = Label ({ $language })
FieldLabelHelp = Het Franse label is verplicht; voor een taal die leeg blijft, wordt het Franse label getoond.

## E-mails
MailHello = Goedendag,
MailHelloName = Beste { $name },
MailInviteSubject = { $inviter } nodigt u uit op Onboard
MailReminderSubject = Herinnering: { $inviter } nodigt u uit op Onboard
MailReminderLine = U hebt deze uitnodiging nog niet aanvaard: ze staat nog altijd voor u klaar.
MailInviteSentence =
    { $count ->
        [0] { $inviter } nodigt u uit op het Onboard-platform.
        [one] { $inviter } nodigt u uit op het Onboard-platform, in de groep { $groups }.
       *[other] { $inviter } nodigt u uit op het Onboard-platform, in de groepen { $groups }.
    }
MailGroupName = “{ $name }”
MailListAnd = en
MailMessageLabel = Bericht van de afzender:
MailAcceptButton = Uitnodiging aanvaarden
MailOpenInviteLink = Open deze link om de uitnodiging te aanvaarden:
MailCopyLink = Werkt de knop niet? Kopieer deze link dan naar uw browser:
MailInviteValidUntil = Deze uitnodiging is geldig tot { $date }.
MailInviteUnexpected = Had u deze uitnodiging niet verwacht? Dan kunt u dit bericht gewoon negeren.
MailSetPasswordSubject = Uw Onboard-account is klaar: kies uw wachtwoord
MailAccountCreatedBy = { $sender } heeft voor u een account aangemaakt op het Onboard-platform.
MailYourLogin = Uw gebruikersnaam:
MailOpenPasswordLink = Open deze link om uw wachtwoord te kiezen en u aan te melden:
MailChoosePasswordButton = Mijn wachtwoord kiezen
MailPasswordLinkValidUntil = Deze link werkt maar één keer en is geldig tot { $date }.
MailPasswordUnexpected = Had u dit bericht niet verwacht? Negeer het dan: zonder u gebeurt er niets.

## Ontwikkelmailbox
MailboxTitle = Ontwikkelmailbox
MailboxIntro = De e-mails van het platform, van nieuw naar oud. Zonder geconfigureerde SMTP-server worden ze naar niemand verstuurd: ze worden hier bewaard.
MailboxEmpty = Nog geen e-mails.
MailboxEmptyHint = Verstuurde uitnodigingen verschijnen hier.
MailboxTo = Aan
MailboxDate = Datum
MailboxStatus = Status
MailboxQueued = In wachtrij
MailboxSending = Wordt verstuurd
MailboxSent = Verstuurd
MailboxFailed = Mislukt
MailboxLastError = Laatste fout
MailboxPlainVersion = Tekstversie
MailboxFrameTitle = E-mail aan { $to }
MailboxDateTime = { $day } { $time } UTC

## Taalnamen, in de taal van de lezer
LanguageFr = Frans
LanguageEn = Engels
LanguageNl = Nederlands

## The user's page: adding to groups
AddToGroupsTitle = Aan groepen toevoegen
AddToGroupsHelp = De aangevinkte rollen worden in elke gekozen groep toegekend. Een grijze rol kan in een van de gekozen groepen niet worden toegekend.
AddToGroupsButton = TOEVOEGEN
AddingToGroups = Bezig met toevoegen…
AddedToGroupAs = Toegevoegd aan { $group } als { $roles }
AlreadyInGroups = Deze persoon had deze rollen al in deze groepen: er is niets gewijzigd.
ErrAddSelfToGroups = U kunt uzelf niet aan groepen toevoegen: vraag het aan een andere beheerder.
ErrAddGroupOutOfReach = U beheert de gebruikers van een van de gekozen groepen niet: er is niets toegevoegd.
ErrAddRoleNotGrantable = U mag een van de aangevinkte rollen in een van de gekozen groepen niet toekennen: er is niets toegevoegd.

# Gasten en plaatsen
ErrGuestLearnerOnly = Een gastaccount kan alleen de rol Cursist hebben.
ErrGuestNotPlatformAdmin = Een gastaccount kan geen platformbeheerder zijn.
ErrNoSeat = Er is geen plaats vrij.
ErrSeatsFull = Geen plaats vrij: { $used } factureerbare leden bij een limiet van { $limit }. Maak een plaats vrij (maak een lid gast) of verhoog de limiet; er is niets gewijzigd.
ErrSeatLimitInvalid = De plaatslimiet is een geheel getal vanaf 0, of leeg voor onbeperkt.
ErrNotWaitingForSeat = Deze uitnodiging wacht niet meer op een plaats.
ErrOwnAccountType = U kunt het type van uw eigen account niet wijzigen.
ErrNothingSelected = Selecteer minstens één persoon.
ErrTooManySelected = Te veel personen tegelijk: maximaal 500.
OutcomeGuestCannotHold = Gastaccount: { $roles } geweigerd (een gast heeft alleen de rol Cursist). Er is niets gewijzigd.
GuestRolesHint = Een gast heeft alleen de rol Cursist.
SeatLimit = Plaatslimiet
SeatLimitHelp = Aantal toegestane factureerbare leden. Leeg: onbeperkt. Gasten tellen niet mee.
SeatsUsage = Plaatsen: { $used } / { $limit }
SeatsUsageUnlimited = Plaatsen: { $used } gebruikt (geen limiet)
SeatsThisUses = { $count ->
    [one] Deze actie gebruikt er hoogstens { $count }.
   *[other] Deze actie gebruikt er hoogstens { $count }.
}
SeatsNoneFree = Geen plaats vrij: uitgenodigde leden wachten tot er een vrijkomt.
AwaitingSeatTitle = Uw account is bijna klaar
AwaitingSeatBody = Alle plaatsen van het platform zijn bezet. Uw registratie is bewaard: uw account gaat open zodra er een plaats vrijkomt, en u krijgt dan een e-mail. U meldt zich aan met het wachtwoord dat u net koos.
AwaitingSeatAdmins = De beheerders van het platform zijn op de hoogte gebracht.
StatusAwaitingSeat = Wacht op een plaats
AwaitingSeatSince = Formulier ingevuld op { $date }
ActivateWaiting = Activeren
ActivatedWaiting = Account geopend: de persoon kreeg een e-mail.
AccountTypeSection = Accounttype
ToMember = Lid maken
ToGuest = Gast maken
ConvertBlockedIntro = Een gast heeft alleen de rol Cursist. Deze rollen verhinderen dat deze persoon gast wordt:
ConvertRemoveRolesAndGo = Deze rollen verwijderen en gast maken
ConvertedToMember = Nu lid: vanaf nu gefactureerd.
ConvertedToGuest = Nu gast: vanaf nu niet meer gefactureerd.
ConvertedRolesRemoved = Verwijderde rollen: { $roles }
ConvertSelection = { $count ->
    [one] Type van { $count } persoon wijzigen
   *[other] Type van { $count } personen wijzigen
}
ConfirmConvert = { $count ->
    [one] Type van { $count } persoon wijzigen?
   *[other] Type van { $count } personen wijzigen?
}
ConvertNoSeat = Geen plaats vrij ({ $used } / { $limit }).
MailSeatWaitingSubject = Iemand wacht op een plaats
MailSeatWaitingLine = { $name } ({ $email }) vulde het registratieformulier in, maar alle { $limit } plaatsen van het platform zijn bezet. Het account gaat vanzelf open zodra er een plaats vrijkomt.
MailSeatWaitingHow = Om het nu te openen: verhoog de plaatslimiet of maak een lid gast:
MailSeatWaitingButton = Platforminstellingen
MailAccountOpenedSubject = Uw account is geopend
MailAccountOpenedLine = Er is een plaats vrijgekomen: uw account is geopend. Meld u aan met het wachtwoord dat u koos.
MailSignInButton = Aanmelden
ConvertTo = Nieuw type
ConvertAlsoRemoveRoles = Ook de rollen verwijderen die een gast niet kan hebben
ConvertLineBlocked = blijft lid: { $roles } (vink „Ook de rollen verwijderen" aan om door te gaan)
ConvertResultsTitle = Typewijziging

# Billing page, audit log, time zone
AuditInvitationCreated = Uitnodiging verstuurd
AuditInvitationMerged = Samengevoegd met de openstaande uitnodiging
AuditInvitationGrantsAdded = Rollen toegevoegd aan de openstaande uitnodiging
AuditInvitationGrantsWithdrawn = Rollen ingetrokken uit de uitnodiging
AuditInvitationReinviteUnchanged = Opnieuw uitgenodigd, niets gewijzigd
AuditInvitationReinviteResent = Opnieuw uitgenodigd: uitnodiging opnieuw verstuurd
AuditInvitationResent = Uitnodiging opnieuw verstuurd
AuditInvitationLinkCopied = Uitnodigingslink gekopieerd
AuditInvitationCancelled = Uitnodiging geannuleerd
AuditInvitationExistingAccountAdded = Bestaand account aan de groep toegevoegd
AuditInvitationAccepted = Uitnodiging aanvaard, account geopend
AuditInvitationAwaitingSeat = Formulier ingevuld, wacht op een plaats
AuditInvitationExpired = Uitnodiging verlopen
AuditInvitationDeletedAutomatically = Uitnodiging automatisch verwijderd
AuditAccountCreated = Account aangemaakt
AuditAccountUpdated = Account gewijzigd
AuditAccountGroupsAdded = Aan groepen toegevoegd
AuditAccountTypeChanged = Accounttype gewijzigd
AuditAccountPasswordLinkSent = Wachtwoordlink verstuurd
AuditAccountPasswordSet = Wachtwoord ingesteld
AuditAccountDeletedAutomatically = Account automatisch verwijderd
AuditMemberRolesChanged = Rollen gewijzigd
AuditMemberRemoved = Uit de groep verwijderd
AuditGroupCreated = Groep aangemaakt
AuditGroupUpdated = Groep gewijzigd
AuditGroupDeleted = Groep verwijderd
AuditCustomFieldCreated = Eigen veld gedefinieerd
AuditCustomFieldDeleted = Eigen veld verwijderd
AuditPlatformAdminCreated = Eerste platformbeheerder aangemaakt
AuditPlatformDefaultLanguageSet = Standaardtaal gewijzigd
AuditPlatformSeatLimitSet = Plaatslimiet gewijzigd
AuditPlatformTimeZoneSet = Tijdzone gewijzigd
AuditLoginThrottled = Aanmeldingen geblokkeerd na te veel mislukkingen
ReasonInvitationAccepted = Uitnodiging aanvaard
ReasonCreated = Account aangemaakt
ReasonConvertedToMember = Lid geworden
ReasonConvertedToGuest = Gast geworden
ReasonDeleted = Account verwijderd
ReasonUnknown = Niet vastgelegd
NoRole = geen rol
Unlimited = onbeperkt
Dash = —
Pagination = Pagina's
Breadcrumb = Kruimelpad
ExportCsv = Exporteren als CSV
ExportXlsx = Exporteren als Excel (XLSX)
DetailRoles = Rollen: { $roles }
DetailRolesChange = Rollen: { $from } → { $to }
DetailGrants = Toegekende rollen: { $grants }
DetailPropagated = Doorgegeven: { $grants }
DetailRolesRemoved = Rollen verwijderd: { $grants }
DetailAccountType = Type: { $kind }
DetailChange = { $from } → { $to }
DetailDeletionDate = Automatisch verwijderd op { $date }
DetailName = Naam: { $name }
DetailLoginName = Gebruikersnaam: { $name }
DetailFieldKey = Veld: { $key }
DetailWaitedForSeat = Heeft op een plaats gewacht
DetailCredentialsMailed = Inloggegevens gemaild
DetailClient = Vanaf { $address }
ErrJournalAction = Deze actie bestaat niet: kies er een uit de lijst.
ErrJournalGroup = Deze groep bestaat niet of is niet een van de uwe.
ErrJournalDate = Ongeldige datum: schrijf JJJJ-MM-DD.
ErrJournalDateOrder = De einddatum ligt voor de begindatum.
ErrTimeZoneUnknown = Onbekende tijdzone: kies er een uit de lijst (bijvoorbeeld Europe/Brussels).
ErrResendAwaitingSeat = Deze persoon heeft het formulier al ingevuld en wacht op een plaats: er is niets opnieuw te versturen.
ErrBillingMonth = Ongeldige maand: schrijf JJJJ-MM, uiterlijk deze maand.
JournalTitle = Logboek
JournalIntro = Wie wie heeft uitgenodigd, aangemaakt, geannuleerd of gewijzigd, en wanneer.
JournalWhen = Wanneer
JournalWho = Wie
JournalAction = Actie
JournalTarget = Betreft
JournalGroup = Groep
JournalDetails = Details
JournalFilterActor = Gedaan door (e-mail)
JournalFilterPerson = Betreft (e-mail)
JournalFrom = Van
JournalTo = Tot en met
JournalCount = { $count ->
    [one] { $count } regel
   *[other] { $count } regels
}
JournalCountMore = Meer dan { $count } regels
JournalZone = Tijden in { $zone }.
JournalEmpty = Geen regel komt overeen met deze filters.
JournalUnknownPerson = Geen account heeft dit adres of deze gebruikersnaam.
JournalNewest = ← Nieuwste
JournalOlder = Oudere →
JournalSystem = Onboard (automatisch)
BillingTitle = Facturatie
BillingBillableNow = leden vandaag gefactureerd
BillingZone = Maanden beginnen om middernacht, tijdzone { $zone }.
BillingHistory = Verloop per maand
BillingChartCaption = Gefactureerde leden aan het eind van elke maand (deze maand: vandaag). Klik op een maand voor de lijst.
BillingMonth = Maand
BillingStarted = Begonnen
BillingStopped = Gestopt
BillingNetEnd = Einde maand
BillingListTitle = { $count ->
    [one] { $month }: { $count } gefactureerd lid
   *[other] { $month }: { $count } gefactureerde leden
}
BillingListEmpty = Geen gefactureerde leden aan het eind van deze maand.
BillingListMore = { $count ->
    [one] en nog { $count }: de export bevat ze allemaal.
   *[other] en nog { $count }: de export bevat ze allemaal.
}
BillingName = Naam
BillingSince = Gefactureerd sinds
BillingHow = Hoe
BillingThisMonth = Terug naar deze maand
TimeZone = Tijdzone
TimeZoneHelp = Waar de factuurmaanden beginnen, en de tijd van datums voor wie geen tijdzone in de browser heeft.

## Import wizard
AuditImportCompleted = Bestand geïmporteerd
ErrImportTooLarge = Het bestand is groter dan 20 MB: splits het in meerdere bestanden.
ErrImportTooManyRows = Het bestand heeft meer dan 100.000 rijen: splits het in meerdere bestanden.
ErrImportTooManyColumns = Het bestand heeft meer dan 200 kolommen.
ErrImportEmpty = Het bestand is leeg.
ErrImportUnsupported = Niet-ondersteund formaat: stuur een .csv-, .txt-, .tsv-, .xlsx-, .xls- of .ods-bestand.
ErrImportNotWhatItSays = De inhoud van het bestand past niet bij de extensie.
ErrImportCorrupt = Deze werkmap kan niet gelezen worden: open en bewaar hem opnieuw.
ErrImportZipBomb = Deze werkmap pakt uit tot een abnormale grootte: ze wordt geweigerd.
ErrImportSheetNotFound = Dit werkblad bestaat niet in de werkmap.
ErrImportNoFile = Kies een bestand.
ErrImportNotDraft = Deze import is al gestart.
ErrImportNoEmailColumn = Geen enkele kolom is het e-mailadres: kies die bij de kolommen.
ImportTargetGroups = Groepen
ImportTargetRoles = Rollen
ImportTargetAdmin = Platformbeheerder
ImportTargetType = Accounttype
ImportTargetDeletion = Verwijderdatum
ImportHelpEmail = Verplicht. Eén adres per rij.
ImportHelpName = Tekst. Verplicht om een account aan te maken.
ImportHelpLanguage = fr, en, nl (of nl-BE, fr-FR…). Leeg: de taal gekozen in de wizard.
ImportHelpGroups = Groepsnamen of paden (Acme › Verkoop), gescheiden door ; . Leeg: de groep van de import.
ImportHelpRoles = Learner, Trainer, User admin, Group admin (in het Engels of Frans), gescheiden door ; .
ImportHelpAdmin = TRUE/FALSE, ja/nee, 1/0. Alleen een platformbeheerder mag dit toekennen.
ImportHelpType = member (lid) of guest (gast).
ImportHelpDate = JJJJ-MM-DD of DD/MM/JJJJ. De automatische verwijderdatum van het account.
ImportHelpCustom = Eigen veld ({ $kind }).
ImportKindInvite = Uitnodigingen
ImportKindCreate = Aanmaken
ImportKindUpdate = Bijwerkingen
ImportKindAdd = Aan groepen toegevoegd
ImportKindMerge = Uitnodigingen aangevuld
ImportKindUnchanged = Al gedaan
ImportKindDuplicate = Dubbels
ImportKindError = Fouten
ImportVerdictInvite = Uitnodiging gemaild
ImportVerdictCreate = Account aangemaakt, meteen actief
ImportVerdictUpdate = Account bijgewerkt: { $fields }
ImportVerdictAdd = Al een actief account — aan de groepen toegevoegd
ImportVerdictMerge = Openstaande uitnodiging aangevuld en opnieuw verstuurd
ImportVerdictAlreadyInvited = Al uitgenodigd: niets te doen
ImportVerdictUpToDate = Al bijgewerkt: niets te doen
ImportVerdictDuplicate = Dubbel van rij { $line }: overgeslagen
ImportRowMissingEmail = E-mailadres ontbreekt
ImportRowInvalidEmail = Ongeldig adres: { $why }
ImportRowUnknownLanguage = Onbekende taal „{ $value }”
ImportRowUnknownRole = Onbekende rol „{ $value }”
ImportRowBadBool = „{ $value }” is ja noch nee
ImportRowUnknownType = Onbekend accounttype „{ $value }”
ImportRowBadDate = Onleesbare datum „{ $value }”
ImportRowUnknownGroup = Onbekende groep „{ $value }”
ImportRowAmbiguousGroup = Meerdere groepen heten „{ $value }”: geef het pad (Acme › Verkoop)
ImportRowNoGroup = Geen groep
ImportRowRoleNotAllowed = Rol hier niet toegestaan: { $role }
ImportRowAdminRefused = „admin” geweigerd: alleen een platformbeheerder mag dit toekennen
ImportRowGuestHeldRoles = Kan geen gast worden: dit account heeft rollen die een gast niet kan hebben ({ $roles }); verwijder ze eerst via de accountpagina
ImportRowNamesMissing = Voor- en achternaam vereist om een account aan te maken
ImportRowNameInvalid = Ongeldige naam
ImportRowField = { $field }: { $why }
ImportRowOwnAccount = Dit is uw eigen account: niemand wijzigt zijn eigen rechten
ImportRowAddressInUse = Een account gebruikt dit adres al
ImportRowNoSeat = Geen plaats meer vrij: de limiet is bereikt
ImportColLine = Rij
ImportColOutcome = Resultaat
ImportColWhy = Detail
ImportColColumn = Kolom
ImportColMeaning = Betekenis
ImportColValues = Aanvaarde waarden
ImportExampleFalse = FALSE
PanelImport = Importeren
PanelImports = Imports
ImportTitle = Gebruikers importeren
ImportTemplateTitle = 1. Het sjabloon
ImportTemplateHelp = Eén rij per persoon; alleen de kolom email is verplicht. Het tweede blad van de werkmap legt elke kolom uit.
ImportTemplateXlsx = modele-import.xlsx downloaden
ImportTemplateCsv = modele-import.csv downloaden
ImportFileTitle = 2. Het bestand
ImportDrop = Zet het bestand hier neer, of kies het
ImportLimits = CSV, TXT, TSV, XLSX, XLS of ODS; hoogstens 20 MB en 100.000 rijen. UTF-8, UTF-16 en Windows-1252 worden herkend, met , ; of tab.
ImportSend = BESTAND VERSTUREN
ImportHistoryTitle = Eerdere imports
ImportHistoryEmpty = Nog geen import.
ImportStepFile = Bestand
ImportStepColumns = Kolommen
ImportStepPreview = Voorbeeld
ImportStepOptions = Opties en starten
ImportStepReport = Rapport
ImportSteps = Stappen van de import
ImportReadAs = Gelezen als
ImportFormat = Formaat
ImportEncoding = Codering
ImportSeparator = Scheidingsteken
ImportSheet = Werkblad
ImportDetect = Automatisch herkennen
ImportSepComma = Komma ( , )
ImportSepSemicolon = Puntkomma ( ; )
ImportSepTab = Tab
ImportApply = TOEPASSEN
ImportRowsCount = { $count ->
    [one] { $count } rij
   *[other] { $count } rijen
}
ImportColumnHeader = Kolom van het bestand
ImportColumnSample = Voorbeeld
ImportColumnTarget = Betekent
ImportIgnore = — Negeren —
ImportSaveColumns = KOLOMMEN BEWAREN
ImportFilterAll = Alle
ImportFilterLabel = Tonen
ImportVerdictHeader = Wat er gebeurt
ImportOutcomeHeader = Wat er gebeurd is
ImportCorrect = Verbeteren
ImportRecheck = CONTROLEREN
ImportCancelEdit = Annuleren
ImportPreviewHelp = Er is nog niets opgeslagen. Verbeter een foutieve rij hier, of download ze om ze in uw rekenblad te verbeteren.
ImportSeats = Plaatsen: { $used } / { $limit } gebruikt; deze import zou er tot { $needed } gebruiken.
ImportSeatsUnlimited = Plaatsen: { $used } gebruikt, zonder limiet; deze import zou er tot { $needed } gebruiken.
ImportMode = Modus
ImportModeInvite = Uitnodigen: een e-mail met een link, het account opent wanneer de persoon het formulier invult
ImportModeCreate = Accounts aanmaken: meteen actief en gefactureerd
ImportModeCreateOrUpdate = Aanmaken of bijwerken: bestaande accounts (zelfde adres) krijgen de waarden uit het bestand
ImportDefaultsHelp = Deze waarden gelden voor elke rij; een waarde in het bestand gaat voor op haar rij.
ImportSendCredentials = Elk nieuw account een link mailen om een wachtwoord te kiezen
ImportRun = IMPORTEREN
ImportRunSkips = { $count ->
    [one] De foutieve rij wordt overgeslagen.
   *[other] De { $count } foutieve rijen worden overgeslagen.
}
ImportRunning = { $done } / { $total } rijen verwerkt
ImportRunningHelp = U kunt deze pagina sluiten: de import loopt door, en de andere beheerders van de groep kunnen hem volgen.
ImportFailedText = De import is niet voltooid: er is niets van opgeslagen. U kunt hem opnieuw starten.
ImportDoneText = Import voltooid. De e-mails vertrekken in ieders taal.
ImportReportCsv = Rapport (CSV)
ImportReportXlsx = Rapport (XLSX)
ImportErrorsFile = Foutieve rijen, te verbeteren (CSV)
ImportErrorsFileXlsx = Foutieve rijen, te verbeteren (XLSX)
ImportColWhen = Wanneer
ImportColWho = Door
ImportColFile = Bestand
ImportStatusDraft = In voorbereiding
ImportStatusRunning = Bezig
ImportStatusDone = Voltooid
ImportStatusFailed = Mislukt
ImportNext = Volgende stap →
ImportPagePrev = ← Vorige
ImportPageNext = Volgende →
ImportPageOf = Pagina { $page } van { $pages }
