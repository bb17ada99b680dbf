//! `Créer un compte`, set-password links, accounts without an address,
//! custom fields and automatic deletion, on both databases.

mod support;

use app::contracts::error::FormField;
use app::domain::{GroupId, UserId};
use app::server::services::directory::Shared;
use std::collections::HashMap;

use app::api::accounts::CreateOutcome;
use app::contracts::accounts::CustomFieldInput;
use app::domain::AccountType;
use app::domain::GroupRole::{self, GroupAdmin, Learner, Trainer, UserAdmin};
use app::i18n::{Lang, Msg};
use app::server::clock::DAY;
use app::server::services::accounts::{self, CreateRequest, IfInvited};
use app::server::services::custom_fields;
use app::server::services::invitations::{self, AcceptInput, InviteRequest};
use app::server::services::{auth, deletion, groups, panels, password_links, profiles};
use app::server::store::{audit, custom_fields as field_store, memberships, outbox, users};
use app::server::{AppError, Backend};
use support::{START, TestApp, token_in};

fn request(groups: &[GroupId], roles: &[GroupRole]) -> CreateRequest {
    CreateRequest {
        origin_group: groups.first().copied().unwrap_or_default(),
        first_name: "Marie".into(),
        last_name: "Curie".into(),
        email: "marie@exemple.fr".into(),
        group_ids: groups.to_vec(),
        roles: roles.to_vec(),
        language: Lang::Fr,
        account_type: AccountType::Member,
        ..Default::default()
    }
}

fn with_password(mut req: CreateRequest) -> CreateRequest {
    req.password = "radium polonium 1898".into();
    req.password_confirm = "radium polonium 1898".into();
    req
}

/// The (input, why) pairs of a form refused as a whole.
fn refused_fields<T: std::fmt::Debug>(result: Result<T, AppError>) -> Vec<(FormField, Msg)> {
    match result {
        Err(AppError::InvalidFields(problems)) => {
            problems.into_iter().map(|p| (p.field, p.msg)).collect()
        }
        other => panic!("expected refused fields, got {other:?}"),
    }
}

fn created(outcome: CreateOutcome) -> (UserId, Option<String>) {
    match outcome {
        CreateOutcome::Created {
            user_id,
            generated_password,
            ..
        } => (user_id, generated_password),
        other => panic!("expected a created account, got {other:?}"),
    }
}

async fn mails_to(app: &TestApp, address: &str) -> Vec<outbox::OutboxRow> {
    let mut conn = app.conn().await;
    outbox::for_recipient(&mut conn, address).await.unwrap()
}

async fn an_account_created_with_a_password_is_active_billable_and_can_sign_in(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (_, ventes, _, _) = app.sample_tree().await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let (id, generated) = created(
        accounts::create(
            &app.state,
            &admin,
            with_password(request(&[ventes], &[Learner])),
        )
        .await
        .unwrap(),
    );
    assert_eq!(generated, None, "a typed password is never echoed");
    let mut conn = app.conn().await;
    let user = users::by_id(&mut conn, id).await.unwrap().unwrap();
    assert_eq!(user.activated_at, Some(START), "active at once");
    let billed: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM billing_events WHERE user_id = $1")
        .bind(id)
        .fetch_one(&mut *conn)
        .await
        .unwrap();
    assert_eq!(billed, 1);
    drop(conn);
    let signed_in = auth::login(
        &app.state,
        "Marie@Exemple.fr",
        "radium polonium 1898".into(),
        None,
    )
    .await
    .unwrap();
    assert_eq!(signed_in.user.id, id);
    assert!(
        mails_to(&app, "marie@exemple.fr").await.is_empty(),
        "no mail without the option"
    );

    // Neither a password nor the mail option: the form says what is missing.
    let mut neither = request(&[ventes], &[Learner]);
    neither.email = "other@exemple.fr".into();
    assert_eq!(
        refused_fields(accounts::create(&app.state, &admin, neither).await),
        [(FormField::Credentials, Msg::ErrPasswordOrMailMissing)]
    );

    // Every refused input is named at once, each with why.
    let mut many = request(&[ventes], &[]);
    many.first_name = " ".into();
    many.email = "pas-une-adresse".into();
    many.password = "court".into();
    many.password_confirm = "court".into();
    many.deletion_at = Some(START - DAY);
    assert_eq!(
        refused_fields(accounts::create(&app.state, &admin, many).await),
        [
            (FormField::FirstName, Msg::ErrFirstNameRequired),
            (FormField::Email, Msg::ErrEmailInvalid),
            (FormField::Password, Msg::ErrPasswordTooShort),
            (FormField::Roles, Msg::ErrNoRole),
            (FormField::DeletionDate, Msg::ErrDeletionInPast),
        ]
    );
    let mut mismatch = request(&[ventes], &[Learner]);
    mismatch.password = "radium polonium 1898".into();
    mismatch.password_confirm = "radium polonium 1899".into();
    assert_eq!(
        refused_fields(accounts::create(&app.state, &admin, mismatch).await),
        [(FormField::PasswordConfirm, Msg::ErrPasswordMismatch)],
        "a mismatch is said on the confirmation"
    );
}

async fn the_set_password_link_works_once_expires_and_can_be_re_sent(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (_, ventes, _, _) = app.sample_tree().await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let mut req = request(&[ventes], &[Learner]);
    req.send_credentials = true;
    let (id, _) = created(accounts::create(&app.state, &admin, req).await.unwrap());
    let mails = mails_to(&app, "marie@exemple.fr").await;
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].kind, "set_password");
    assert!(
        mails[0]
            .body_text
            .contains("Votre identifiant : marie@exemple.fr")
    );
    assert!(
        !mails[0].body_text.contains("radium"),
        "no password in a mail"
    );
    let token = token_in(&mails[0].body_text);
    // The group's list says the account waits for its password, not "active".
    let password_set = |page: app::contracts::groups::GroupPage| {
        page.members
            .iter()
            .find(|m| m.user_id == id)
            .map(|m| (m.active, m.password_set))
    };
    let page = groups::page(&app.state, &admin, ventes, 1, &Shared::fresh())
        .await
        .unwrap();
    assert_eq!(password_set(page), Some((true, false)));
    // No password yet: signing in fails until the link is used.
    assert!(
        auth::login(&app.state, "marie@exemple.fr", "x".repeat(10), None)
            .await
            .is_err()
    );

    let view = password_links::open(&app.state, &token).await.unwrap();
    assert_eq!(view.login, "marie@exemple.fr");
    let signed_in = password_links::set(
        &app.state,
        &token,
        "curie radium 1898".into(),
        "curie radium 1898".into(),
    )
    .await
    .unwrap();
    assert_eq!(signed_in.user.id, id);
    let page = groups::page(&app.state, &admin, ventes, 1, &Shared::fresh())
        .await
        .unwrap();
    assert_eq!(password_set(page), Some((true, true)));
    assert!(matches!(
        password_links::set(
            &app.state,
            &token,
            "another long one".into(),
            "another long one".into()
        )
        .await,
        Err(AppError::Invalid(Msg::PasswordLinkUsed))
    ));
    auth::login(
        &app.state,
        "marie@exemple.fr",
        "curie radium 1898".into(),
        None,
    )
    .await
    .unwrap();

    // Re-sent from the user's page: a new mail; the earlier link dies.
    let mut second = request(&[ventes], &[Learner]);
    second.email = "pierre@exemple.fr".into();
    second.send_credentials = true;
    let (pierre, _) = created(accounts::create(&app.state, &admin, second).await.unwrap());
    let first_token = token_in(&mails_to(&app, "pierre@exemple.fr").await[0].body_text);
    password_links::resend(&app.state, &admin, pierre)
        .await
        .unwrap();
    let mails = mails_to(&app, "pierre@exemple.fr").await;
    assert_eq!(mails.len(), 2);
    let new_token = token_in(&mails[1].body_text);
    assert_ne!(first_token, new_token);
    assert!(matches!(
        password_links::open(&app.state, &first_token).await,
        Err(AppError::Invalid(Msg::PasswordLinkExpired))
    ));
    // Seven days later the new link has expired too.
    app.clock.advance(7 * DAY + 1);
    assert!(matches!(
        password_links::set(
            &app.state,
            &new_token,
            "too late now ok".into(),
            "too late now ok".into()
        )
        .await,
        Err(AppError::Invalid(Msg::PasswordLinkExpired))
    ));
    // Once the password is chosen there is nothing to re-send.
    assert!(matches!(
        password_links::resend(&app.state, &admin, id).await,
        Err(AppError::Invalid(Msg::ErrPasswordAlreadyChosen))
    ));
    // Only those who manage the account may re-send.
    let stranger = app.user_with_roles("x@exemple.fr", &[]).await;
    assert!(matches!(
        password_links::resend(&app.state, &stranger, pierre).await,
        Err(AppError::NotFound)
    ));
}

async fn an_account_without_an_address_signs_in_with_its_login_name_and_gets_no_mail(
    backend: Backend,
) {
    let app = TestApp::new(backend).await;
    let (_, ventes, _, _) = app.sample_tree().await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let mut req = request(&[ventes], &[Learner]);
    req.no_email = true;
    req.email = String::new();
    req.login_name = "Jean.Dupont".into();
    let (id, generated) = created(
        accounts::create(&app.state, &admin, req.clone())
            .await
            .unwrap(),
    );
    let password = generated.expect("a generated password, shown once");
    assert_eq!(password.len(), 19, "four groups of four");
    let signed_in = auth::login(&app.state, "jean.dupont", password, None)
        .await
        .unwrap();
    assert_eq!(signed_in.user.id, id);
    assert_eq!(signed_in.user.email, None);
    let mut conn = app.conn().await;
    let queued: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE user_id = $1")
        .bind(id)
        .fetch_one(&mut *conn)
        .await
        .unwrap();
    assert_eq!(queued, 0);
    drop(conn);

    // A typed password instead; the login name is taken now.
    let mut again = with_password(req.clone());
    assert!(matches!(
        accounts::create(&app.state, &admin, again.clone()).await,
        Err(AppError::Invalid(Msg::ErrLoginNameTaken))
    ));
    again.login_name = "jean.dupont2".into();
    let (_, generated) = created(accounts::create(&app.state, &admin, again).await.unwrap());
    assert_eq!(generated, None);
    // The mail option makes no sense without an address.
    let mut mailed = req;
    mailed.login_name = "jd3".into();
    mailed.send_credentials = true;
    assert_eq!(
        refused_fields(accounts::create(&app.state, &admin, mailed).await),
        [(FormField::Credentials, Msg::ErrNoEmailNoMail)]
    );
}

async fn roles_apply_to_every_chosen_group_with_upward_propagation(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (acme, ventes, paris, support) = app.sample_tree().await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let (id, _) = created(
        accounts::create(
            &app.state,
            &admin,
            with_password(request(&[paris, support], &[Learner, Trainer])),
        )
        .await
        .unwrap(),
    );
    assert_eq!(app.roles_in(id, paris).await, [Trainer, Learner]);
    assert_eq!(app.roles_in(id, support).await, [Trainer, Learner]);
    // Paris is public: learner of Ventes and Acme too; Support is private.
    assert_eq!(app.roles_in(id, ventes).await, [Learner]);
    assert_eq!(app.roles_in(id, acme).await, [Learner]);
}

async fn creation_is_refused_where_the_policy_says_no(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (acme, ventes, paris, support) = app.sample_tree().await;
    let user_admin = app
        .user_with_roles("ua@exemple.fr", &[(ventes, UserAdmin)])
        .await;
    let learner = app
        .user_with_roles("l@exemple.fr", &[(paris, Learner)])
        .await;
    let group_admin = app
        .user_with_roles("ga@exemple.fr", &[(paris, GroupAdmin)])
        .await;

    let try_create = |who: &app::server::services::auth::CurrentUser,
                      groups: Vec<GroupId>,
                      roles: Vec<GroupRole>,
                      email: &str| {
        let mut req = with_password(request(&groups, &roles));
        req.email = email.into();
        let who = who.clone();
        let state = app.state.clone();
        async move { accounts::create(&state, &who, req).await }
    };
    // A user admin creates learners and trainers in their subtree...
    created(
        try_create(&user_admin, vec![paris], vec![Trainer], "t@exemple.fr")
            .await
            .unwrap(),
    );
    // ...but no admins, nothing above or beside it, and not without a group.
    assert!(matches!(
        try_create(&user_admin, vec![paris], vec![GroupAdmin], "a@exemple.fr").await,
        Err(AppError::Invalid(Msg::ErrRoleNotAllowed))
    ));
    assert!(matches!(
        try_create(&user_admin, vec![acme], vec![Learner], "b@exemple.fr").await,
        Err(AppError::Forbidden)
    ));
    assert_eq!(
        refused_fields(try_create(&user_admin, vec![], vec![Learner], "c@exemple.fr").await),
        [(FormField::Groups, Msg::ErrNoGroup)]
    );
    // One forbidden group refuses the whole request (nothing half-done).
    assert!(matches!(
        try_create(
            &group_admin,
            vec![paris, support],
            vec![Learner],
            "d@exemple.fr"
        )
        .await,
        Err(AppError::Forbidden)
    ));
    let mut conn = app.conn().await;
    assert!(
        users::by_email(&mut conn, "d@exemple.fr")
            .await
            .unwrap()
            .is_none()
    );
    drop(conn);
    // A group admin may make admins in their group; a learner nothing.
    created(
        try_create(&group_admin, vec![paris], vec![GroupAdmin], "e@exemple.fr")
            .await
            .unwrap(),
    );
    assert!(matches!(
        try_create(&learner, vec![paris], vec![Learner], "f@exemple.fr").await,
        Err(AppError::Forbidden)
    ));
    // A platform admin's account is out of a group-level admin's reach,
    // even when it holds a role in their groups.
    let platform = app.platform_admin("root@exemple.fr").await;
    let mut conn = app.conn().await;
    memberships::grant(&mut conn, platform.user.id, paris, Learner, None, START)
        .await
        .unwrap();
    drop(conn);
    assert!(matches!(
        profiles::profile(&app.state, &group_admin, platform.user.id, &Shared::fresh()).await,
        Err(AppError::NotFound)
    ));
    // The panel offers each admin only their groups, with their roles.
    let panel = panels::create_panel(&app.state, &user_admin, paris, &Shared::fresh())
        .await
        .unwrap();
    let paths: Vec<&str> = panel.groups.iter().map(|g| g.path.as_str()).collect();
    assert_eq!(paths, ["Acme › Ventes", "Acme › Ventes › Paris"]);
    assert_eq!(panel.roles, [Trainer, Learner]);
    assert!(matches!(
        panels::create_panel(&app.state, &learner, paris, &Shared::fresh()).await,
        Err(AppError::Forbidden)
    ));
}

async fn a_used_or_invited_address_is_said_and_the_invitation_can_be_consumed(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (_, ventes, _, _) = app.sample_tree().await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let mut existing = with_password(request(&[ventes], &[Learner]));
    existing.email = "ada@exemple.fr".into();
    match accounts::create(&app.state, &admin, existing)
        .await
        .unwrap()
    {
        CreateOutcome::ExistingAccount {
            account: Some((user_id, _)),
        } => assert_eq!(user_id, admin.user.id),
        other => panic!("expected the existing account, got {other:?}"),
    }

    invitations::invite(
        &app.state,
        &admin,
        InviteRequest {
            group_id: ventes,
            emails: "marie@exemple.fr".into(),
            roles: vec![Learner],
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let invitation_token = token_in(&mails_to(&app, "marie@exemple.fr").await[0].body_text);
    let req = with_password(request(&[ventes], &[Trainer]));
    let invitation_id = match accounts::create(&app.state, &admin, req.clone())
        .await
        .unwrap()
    {
        CreateOutcome::PendingInvitation {
            invitation_id: Some(invitation_id),
            ..
        } => invitation_id,
        other => panic!("expected the pending invitation, got {other:?}"),
    };
    let mut conn = app.conn().await;
    assert!(
        users::by_email(&mut conn, "marie@exemple.fr")
            .await
            .unwrap()
            .is_none()
    );
    drop(conn);

    let mut anyway = req;
    anyway.if_invited = IfInvited::Create;
    let (id, _) = created(accounts::create(&app.state, &admin, anyway).await.unwrap());
    assert_eq!(app.roles_in(id, ventes).await, [Trainer]);
    // The invitation is consumed: its link no longer opens.
    assert!(matches!(
        invitations::open_link(&app.state, &invitation_token).await,
        Err(AppError::Invalid(Msg::InvitationUsed))
    ));
    let mut conn = app.conn().await;
    let status: String = sqlx::query_scalar("SELECT status FROM invitations WHERE id = $1")
        .bind(invitation_id)
        .fetch_one(&mut *conn)
        .await
        .unwrap();
    assert_eq!(status, "accepted");
}

async fn custom_fields_are_typed_and_copied_from_the_invitation(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (_, ventes, _, _) = app.sample_tree().await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let field = |key: &str, t: &str, choices: &str, required: bool| CustomFieldInput {
        key: key.into(),
        labels: [
            ("fr".to_owned(), format!("Libellé {key}")),
            ("en".to_owned(), format!("Label {key}")),
        ]
        .into(),
        field_type: t.into(),
        choices: choices.into(),
        required: required.then(|| "on".to_owned()),
    };
    let matricule =
        custom_fields::create(&app.state, &admin, field("matricule", "number", "", true))
            .await
            .unwrap();
    let ville = custom_fields::create(
        &app.state,
        &admin,
        field("ville", "choice", "Paris\nLyon", false),
    )
    .await
    .unwrap();
    assert!(matches!(
        custom_fields::create(&app.state, &admin, field("matricule", "text", "", false)).await,
        Err(AppError::InvalidFields(p)) if p[0].msg == Msg::ErrFieldKeyTaken
    ));
    assert!(matches!(
        custom_fields::create(&app.state, &admin, field("liste", "choice", " ; ", false)).await,
        Err(AppError::InvalidFields(p)) if p[0].msg == Msg::ErrFieldChoices
    ));
    let user_admin = app
        .user_with_roles("ua@exemple.fr", &[(ventes, UserAdmin)])
        .await;
    assert!(matches!(
        custom_fields::create(&app.state, &user_admin, field("x", "text", "", false)).await,
        Err(AppError::Forbidden)
    ));

    let typed = |m: &str, v: &str| {
        HashMap::from([
            ("matricule".to_owned(), m.to_owned()),
            ("ville".to_owned(), v.to_owned()),
        ])
    };
    let mut req = with_password(request(&[ventes], &[Learner]));
    // Each refused field is named by its key, all at once.
    let custom = |key: &str| FormField::Custom(key.into());
    req.custom = typed("douze", "Marseille");
    assert_eq!(
        refused_fields(accounts::create(&app.state, &admin, req.clone()).await),
        [
            (custom("matricule"), Msg::ErrFieldNumber),
            (custom("ville"), Msg::ErrFieldChoice)
        ]
    );
    req.custom = typed("", "Lyon");
    assert_eq!(
        refused_fields(accounts::create(&app.state, &admin, req.clone()).await),
        [(custom("matricule"), Msg::ErrFieldRequired)]
    );
    req.custom = typed("1 234", "Lyon");
    let (id, _) = created(accounts::create(&app.state, &admin, req).await.unwrap());
    let profile = profiles::profile(&app.state, &admin, id, &Shared::fresh())
        .await
        .unwrap();
    assert_eq!(
        profile.custom_values.get(&matricule).map(String::as_str),
        Some("1234")
    );
    assert_eq!(
        profile.custom_values.get(&ville).map(String::as_str),
        Some("Lyon")
    );

    // Typed on the invitation, held by the account once it is accepted.
    invitations::invite(
        &app.state,
        &admin,
        InviteRequest {
            group_id: ventes,
            emails: "noe@exemple.fr".into(),
            roles: vec![Learner],
            custom: typed("7", "Paris"),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let token = token_in(&mails_to(&app, "noe@exemple.fr").await[0].body_text);
    let signed_in = support::accept(
        &app.state,
        &token,
        AcceptInput {
            first_name: "Noé".into(),
            last_name: "Martin".into(),
            password: "une phrase assez longue".into(),
            password_confirm: "une phrase assez longue".into(),
            language: Lang::Fr,
        },
    )
    .await
    .unwrap();
    let mut conn = app.conn().await;
    let mut values = field_store::user_values(&mut conn, signed_in.user.id)
        .await
        .unwrap();
    values.sort();
    assert_eq!(
        values,
        [(matricule, "7".to_owned()), (ville, "Paris".to_owned())]
    );
}

async fn the_deletion_job_deletes_at_the_date_and_not_before(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (_, ventes, _, _) = app.sample_tree().await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let mut req = with_password(request(&[ventes], &[Learner]));
    req.deletion_at = Some(START + 10 * DAY);
    let (id, _) = created(
        accounts::create(&app.state, &admin, req.clone())
            .await
            .unwrap(),
    );
    invitations::invite(
        &app.state,
        &admin,
        InviteRequest {
            group_id: ventes,
            emails: "noe@exemple.fr".into(),
            roles: vec![Learner],
            deletion_at: Some(START + 10 * DAY),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let token = token_in(&mails_to(&app, "noe@exemple.fr").await[0].body_text);
    // A date in the past is refused.
    let mut past = req;
    past.email = "late@exemple.fr".into();
    past.deletion_at = Some(START - DAY);
    assert_eq!(
        refused_fields(accounts::create(&app.state, &admin, past).await),
        [(FormField::DeletionDate, Msg::ErrDeletionInPast)]
    );

    app.clock.advance(10 * DAY - 1);
    assert_eq!(
        deletion::run_due(&app.state).await.unwrap(),
        deletion::Deleted::default()
    );
    let mut conn = app.conn().await;
    assert!(users::by_id(&mut conn, id).await.unwrap().is_some());
    drop(conn);
    invitations::open_link(&app.state, &token).await.unwrap();

    app.clock.advance(1);
    let done = deletion::run_due(&app.state).await.unwrap();
    assert_eq!((done.accounts, done.invitations), (1, 1));
    let mut conn = app.conn().await;
    assert!(users::by_id(&mut conn, id).await.unwrap().is_none());
    assert!(
        users::by_email(&mut conn, "marie@exemple.fr")
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        memberships::roles_of_user(&mut conn, id)
            .await
            .unwrap()
            .is_empty()
    );
    // Nothing of the address is left but the audit log's record.
    let left: i64 = sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM invitations WHERE email = 'noe@exemple.fr') \
         + (SELECT COUNT(*) FROM outbox WHERE recipient IN ('noe@exemple.fr', 'marie@exemple.fr'))",
    )
    .fetch_one(&mut *conn)
    .await
    .unwrap();
    assert_eq!(left, 0);
    let actions = audit::actions(&mut conn).await.unwrap();
    assert!(actions.contains(&"account.deleted_automatically".to_owned()));
    assert!(actions.contains(&"invitation.deleted_automatically".to_owned()));
    drop(conn);
    assert!(invitations::open_link(&app.state, &token).await.is_err());
    // Running again finds nothing more.
    assert_eq!(
        deletion::run_due(&app.state).await.unwrap(),
        deletion::Deleted::default()
    );
}

/// Labels are rows per language: Dutch is stored like the others, a
/// language left empty shows the French label, and French is required.
async fn custom_field_labels_are_kept_per_language(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let input = |labels: &[(&str, &str)]| CustomFieldInput {
        key: "matricule".into(),
        labels: labels
            .iter()
            .map(|(l, s)| ((*l).to_owned(), (*s).to_owned()))
            .collect(),
        field_type: "text".into(),
        ..Default::default()
    };
    for refused in [
        input(&[("en", "Employee number")]),
        input(&[("fr", "  "), ("nl", "Stamnummer")]),
        input(&[("fr", "Matricule"), ("de", "Personalnummer")]),
        input(&[("fr", &"x".repeat(81))]),
    ] {
        assert!(
            matches!(
                custom_fields::create(&app.state, &admin, refused.clone()).await,
                Err(AppError::InvalidFields(p)) if p[0].msg == Msg::ErrFieldLabel
            ),
            "{refused:?}"
        );
    }
    custom_fields::create(
        &app.state,
        &admin,
        input(&[("fr", "Matricule"), ("nl", " Stamnummer "), ("en", "")]),
    )
    .await
    .unwrap();
    let fields = custom_fields::list(&app.state).await.unwrap();
    let [field] = fields.as_slice() else {
        panic!("one field expected, got {fields:?}");
    };
    assert_eq!(field.label(Lang::Nl), "Stamnummer");
    assert_eq!(field.label(Lang::Fr), "Matricule");
    assert_eq!(
        field.label(Lang::En),
        "Matricule",
        "English falls back to French"
    );
    assert_eq!(field.labels.given(Lang::En), None);
}

on_both_backends!(
    custom_field_labels_are_kept_per_language,
    an_account_created_with_a_password_is_active_billable_and_can_sign_in,
    the_set_password_link_works_once_expires_and_can_be_re_sent,
    an_account_without_an_address_signs_in_with_its_login_name_and_gets_no_mail,
    roles_apply_to_every_chosen_group_with_upward_propagation,
    creation_is_refused_where_the_policy_says_no,
    a_used_or_invited_address_is_said_and_the_invitation_can_be_consumed,
    custom_fields_are_typed_and_copied_from_the_invitation,
    the_deletion_job_deletes_at_the_date_and_not_before,
);
