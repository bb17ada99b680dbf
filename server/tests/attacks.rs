//! Replays of the escalation and takeover paths an attacker with a low
//! admin role tried against the HTTP API, through the real router, on both
//! databases. Each test is the attack as it was tried, then the refusal.
//!
//! The tree is the demo one: `Acme (private) › Ventes (public) › Paris
//! (public)` and `Acme › Support (private)`.

mod support;

use app::domain::GroupRole::{self, GroupAdmin, Learner, Trainer, UserAdmin};
use app::domain::{GroupId, UserId};
use app::server::Backend;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use support::TestApp;
use tower::ServiceExt;

const ORIGIN: &str = "http://127.0.0.1:3000";
const PASSWORD: &str = "correct horse battery";

/// The real router, signed in as whoever a test needs.
struct Http {
    app: TestApp,
    router: axum::Router,
}

struct Answer {
    status: StatusCode,
    body: String,
}

impl Http {
    async fn new(backend: Backend) -> Http {
        let app = TestApp::new(backend).await;
        let router = server::startup::router(app.state.clone(), server::startup::leptos_options());
        Http { app, router }
    }

    async fn post(&self, cookie: Option<&str>, endpoint: &str, form: &[(&str, &str)]) -> Answer {
        let body = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(form)
            .finish();
        let mut req = Request::post(format!("/api/{endpoint}"))
            .header(header::HOST, "127.0.0.1:3000")
            .header(header::ORIGIN, ORIGIN)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        if let Some(cookie) = cookie {
            req = req.header(header::COOKIE, cookie);
        }
        let response = self
            .router
            .clone()
            .oneshot(req.body(Body::from(body)).unwrap())
            .await
            .unwrap();
        let status = response.status();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        Answer {
            status,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    /// A plain GET (the downloads), with the status, the headers and body.
    async fn get(
        &self,
        cookie: Option<&str>,
        path: &str,
    ) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
        let mut req = Request::get(path).header(header::HOST, "127.0.0.1:3000");
        if let Some(cookie) = cookie {
            req = req.header(header::COOKIE, cookie);
        }
        let response = self
            .router
            .clone()
            .oneshot(req.body(Body::empty()).unwrap())
            .await
            .unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        (status, headers, bytes.to_vec())
    }

    /// Signs in over HTTP; the session cookie to send back.
    async fn login(&self, email: &str) -> String {
        let body = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs([("input[identifier]", email), ("input[password]", PASSWORD)])
            .finish();
        let response = self
            .router
            .clone()
            .oneshot(
                Request::post("/api/auth/login")
                    .header(header::HOST, "127.0.0.1:3000")
                    .header(header::ORIGIN, ORIGIN)
                    .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                    .body(Body::from(body))
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{email} signs in");
        response
            .headers()
            .get_all(header::SET_COOKIE)
            .iter()
            .map(|v| v.to_str().unwrap().to_owned())
            .find(|c| c.starts_with("onboard_session="))
            .and_then(|c| c.split(';').next().map(str::to_owned))
            .expect("a session cookie")
    }

    async fn invite(
        &self,
        cookie: &str,
        group: GroupId,
        emails: &str,
        role: GroupRole,
        platform_admin: bool,
    ) -> Answer {
        let group = group.to_string();
        let role_field = format!("input[roles][{}]", role.as_str());
        let mut form = vec![
            ("input[group_id]", group.as_str()),
            ("input[emails]", emails),
            (role_field.as_str(), "on"),
            ("input[language]", "fr"),
            ("input[account_type]", "member"),
        ];
        if platform_admin {
            form.push(("input[platform_admin]", "on"));
        }
        let answer = self.post(Some(cookie), "invitations/invite", &form).await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
        answer
    }

    async fn scalar_i64(&self, sql: &'static str, bind: &str) -> Option<i64> {
        let mut conn = self.app.conn().await;
        sqlx::query_scalar::<_, Option<i64>>(sql)
            .bind(bind.to_owned())
            .fetch_optional(&mut *conn)
            .await
            .unwrap()
            .flatten()
    }

    async fn pending_invitation(&self, email: &str) -> i64 {
        self.scalar_i64(
            "SELECT id FROM invitations WHERE email = $1 AND status = 'pending'",
            email,
        )
        .await
        .expect("a pending invitation")
    }

    async fn user_id(&self, email: &str) -> Option<UserId> {
        self.scalar_i64("SELECT id FROM users WHERE email = $1", email)
            .await
            .map(UserId)
    }

    async fn grants_of(&self, invitation: i64) -> Vec<(GroupId, String)> {
        let mut conn = self.app.conn().await;
        sqlx::query_as(
            "SELECT group_id, role FROM invitation_grants WHERE invitation_id = $1 \
             ORDER BY group_id, role",
        )
        .bind(invitation)
        .fetch_all(&mut *conn)
        .await
        .unwrap()
    }
}

/// The demo tree and its cast.
struct Cast {
    acme: GroupId,
    ventes: GroupId,
    paris: GroupId,
    support: GroupId,
    /// Platform admin.
    ada: String,
    /// User admin of Paris: the attacker of most replays.
    paris_user_admin: String,
    /// Group admin of Ventes.
    ventes_admin: String,
}

async fn cast(http: &Http) -> Cast {
    let (acme, ventes, paris, support) = http.app.sample_tree().await;
    http.app.platform_admin("ada@exemple.fr").await;
    http.app
        .user_with_roles("ua.paris@exemple.fr", &[(paris, UserAdmin)])
        .await;
    http.app
        .user_with_roles("ga.ventes@exemple.fr", &[(ventes, GroupAdmin)])
        .await;
    http.app
        .user_with_roles("ga.support@exemple.fr", &[(support, GroupAdmin)])
        .await;
    Cast {
        acme,
        ventes,
        paris,
        support,
        ada: http.login("ada@exemple.fr").await,
        paris_user_admin: http.login("ua.paris@exemple.fr").await,
        ventes_admin: http.login("ga.ventes@exemple.fr").await,
    }
}

/// Hole 1: a platform admin invites X into Support as group admin and
/// platform admin; the user admin of Paris merges a learner grant into it,
/// which brings it into their tab. They must get no link out of it — not
/// by copy, re-send or bulk — and may only withdraw their own grant.
async fn a_merged_invitation_gives_a_narrower_admin_no_link(backend: Backend) {
    let http = Http::new(backend).await;
    let c = cast(&http).await;
    http.invite(&c.ada, c.support, "x@exemple.fr", GroupAdmin, true)
        .await;
    let merged = http
        .invite(&c.paris_user_admin, c.paris, "x@exemple.fr", Learner, false)
        .await;
    assert!(merged.body.contains("Merged"), "{}", merged.body);
    let id = http.pending_invitation("x@exemple.fr").await;
    let id_field = id.to_string();

    // It shows in their tab, marked as not wholly theirs.
    let list = http
        .post(
            Some(&c.paris_user_admin),
            "invitations/list",
            &[
                ("input[search]", ""),
                ("input[status]", ""),
                ("input[delivery]", ""),
                ("input[group]", ""),
                ("input[inviter]", ""),
                ("input[sort]", ""),
                ("input[page]", "1"),
            ],
        )
        .await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.body.contains("x@exemple.fr"));
    assert!(list.body.contains(r#""whole":false"#), "{}", list.body);

    for endpoint in ["invitations/copy-link", "invitations/resend"] {
        let answer = http
            .post(
                Some(&c.paris_user_admin),
                endpoint,
                &[("id", id_field.as_str())],
            )
            .await;
        assert_eq!(
            answer.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{endpoint}"
        );
        assert!(
            answer.body.contains("ErrInvitationBeyondYou"),
            "{endpoint}: {}",
            answer.body
        );
        assert!(!answer.body.contains("token="), "{endpoint} leaked a link");
    }
    let bulk = http
        .post(
            Some(&c.paris_user_admin),
            "invitations/bulk",
            &[
                ("input[action]", "resend"),
                ("input[ids]", id_field.as_str()),
                ("input[all_matching]", "false"),
                ("input[search]", ""),
                ("input[status]", ""),
                ("input[delivery]", ""),
                ("input[group]", ""),
                ("input[inviter]", ""),
            ],
        )
        .await;
    assert_eq!(bulk.status, StatusCode::OK);
    assert!(bulk.body.contains(r#""done":0"#), "{}", bulk.body);
    assert!(bulk.body.contains(r#""partial":1"#), "{}", bulk.body);

    // The merge changed none of what the invitation carried.
    let flag = http
        .scalar_i64(
            "SELECT platform_admin FROM invitations WHERE email = $1",
            "x@exemple.fr",
        )
        .await;
    assert_eq!(flag, Some(1));

    // "Annuler" withdraws their own grant only; the rest stays pending.
    let cancel = http
        .post(
            Some(&c.paris_user_admin),
            "invitations/cancel",
            &[("id", id_field.as_str())],
        )
        .await;
    assert_eq!(cancel.status, StatusCode::OK, "{}", cancel.body);
    assert!(cancel.body.contains("Withdrawn"), "{}", cancel.body);
    assert_eq!(http.pending_invitation("x@exemple.fr").await, id);
    assert_eq!(
        http.grants_of(id).await,
        vec![(c.support, "group_admin".to_owned())]
    );

    // Who may grant everything still gets a link.
    let copy = http
        .post(
            Some(&c.ada),
            "invitations/copy-link",
            &[("id", id_field.as_str())],
        )
        .await;
    assert_eq!(copy.status, StatusCode::OK);
    assert!(copy.body.contains("token="));
}

/// Hole 2: the user admin of Paris invites the address of Support's group
/// admin (an existing account is added to Paris without consent), then
/// reads the whole profile and schedules the account's deletion.
async fn an_outside_account_pulled_into_a_group_stays_out_of_reach(backend: Backend) {
    let http = Http::new(backend).await;
    let c = cast(&http).await;
    let added = http
        .invite(
            &c.paris_user_admin,
            c.paris,
            "ga.support@exemple.fr",
            Learner,
            false,
        )
        .await;
    assert!(
        added.body.contains("ExistingAccountAdded"),
        "{}",
        added.body
    );
    let target = http.user_id("ga.support@exemple.fr").await.unwrap();
    let target_field = target.to_string();

    let profile = http
        .post(
            Some(&c.paris_user_admin),
            "users/profile",
            &[("user_id", target_field.as_str())],
        )
        .await;
    assert_eq!(profile.status, StatusCode::OK);
    assert!(profile.body.contains(r#""whole_account":false"#));
    assert!(profile.body.contains("Paris"));
    assert!(
        !profile.body.contains("Support"),
        "memberships outside the admin's scope are not shown: {}",
        profile.body
    );

    let update = http
        .post(
            Some(&c.paris_user_admin),
            "users/update",
            &[
                ("input[user_id]", target_field.as_str()),
                ("input[extra_info]", ""),
                ("input[deletion_date]", "2030-01-01"),
            ],
        )
        .await;
    assert_eq!(update.status, StatusCode::FORBIDDEN);
    let deletion = http
        .scalar_i64(
            "SELECT deletion_at FROM users WHERE email = $1",
            "ga.support@exemple.fr",
        )
        .await;
    assert_eq!(deletion, None, "no deletion was scheduled");
    let resend = http
        .post(
            Some(&c.paris_user_admin),
            "password-link/resend",
            &[("user_id", target_field.as_str())],
        )
        .await;
    assert_eq!(resend.status, StatusCode::FORBIDDEN);

    // Membership-level actions in their own group stay theirs.
    let removed = http
        .post(
            Some(&c.paris_user_admin),
            "groups/member-remove",
            &[
                ("input[group_id]", c.paris.to_string().as_str()),
                ("input[user_id]", target_field.as_str()),
            ],
        )
        .await;
    assert_eq!(removed.status, StatusCode::OK, "{}", removed.body);

    // Their own learner's account is theirs, though the learner role
    // propagated up to Acme, outside their scope.
    http.app
        .user_with_roles(
            "own.learner@exemple.fr",
            &[(c.paris, Learner), (c.ventes, Learner), (c.acme, Learner)],
        )
        .await;
    let own = http
        .user_id("own.learner@exemple.fr")
        .await
        .unwrap()
        .to_string();
    let update = http
        .post(
            Some(&c.paris_user_admin),
            "users/update",
            &[
                ("input[user_id]", own.as_str()),
                ("input[extra_info]", "bien"),
                ("input[deletion_date]", "2030-01-01"),
            ],
        )
        .await;
    assert_eq!(update.status, StatusCode::OK, "{}", update.body);
}

/// Hole 3: the group admin of Ventes creates an account, with a password
/// of their choosing, for an address whose pending invitation makes it a
/// group admin of Support, asking to "create anyway".
async fn another_scopes_invitation_cannot_be_used_up_by_create(backend: Backend) {
    let http = Http::new(backend).await;
    let c = cast(&http).await;
    http.invite(&c.ada, c.support, "x@exemple.fr", GroupAdmin, false)
        .await;
    let id = http.pending_invitation("x@exemple.fr").await;
    let ventes = c.ventes.to_string();
    let groups_field = format!("input[groups][{ventes}]");
    let create = |if_invited: &'static str| {
        let ventes = ventes.clone();
        let groups_field = groups_field.clone();
        let cookie = c.ventes_admin.clone();
        let http = &http;
        async move {
            http.post(
                Some(&cookie),
                "accounts/create",
                &[
                    ("input[group_id]", ventes.as_str()),
                    ("input[first_name]", "Xavier"),
                    ("input[last_name]", "Pirate"),
                    ("input[email]", "x@exemple.fr"),
                    ("input[password]", "attacker chosen pw"),
                    ("input[password_confirm]", "attacker chosen pw"),
                    (groups_field.as_str(), "on"),
                    ("input[roles][trainer]", "on"),
                    ("input[language]", "fr"),
                    ("input[account_type]", "member"),
                    ("input[if_invited]", if_invited),
                ],
            )
            .await
        }
    };
    let answer = create("create").await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert!(answer.body.contains("PendingInvitation"), "{}", answer.body);
    assert!(
        answer.body.contains(r#""invitation_id":null"#),
        "another scope's invitation id is not given: {}",
        answer.body
    );
    assert_eq!(http.user_id("x@exemple.fr").await, None);
    assert_eq!(http.pending_invitation("x@exemple.fr").await, id);

    // What they may do: add their own grants to it.
    let added = create("add").await;
    assert!(added.body.contains("AddedToInvitation"), "{}", added.body);
    assert_eq!(
        http.grants_of(id).await,
        vec![
            (c.ventes, "trainer".to_owned()),
            (c.support, "group_admin".to_owned())
        ]
    );
    assert_eq!(http.user_id("x@exemple.fr").await, None);
}

/// Hole 4: the group admin of Ventes invites Y as user admin of Ventes, is
/// removed from Ventes, and Y accepts: the grant no longer holds.
async fn grants_are_checked_again_against_the_granters_rights_at_acceptance(backend: Backend) {
    let http = Http::new(backend).await;
    let c = cast(&http).await;
    http.invite(&c.ventes_admin, c.ventes, "y@exemple.fr", UserAdmin, false)
        .await;
    http.invite(&c.ventes_admin, c.paris, "y@exemple.fr", Trainer, false)
        .await;
    let token = http.app.latest_link_token("y@exemple.fr").await;
    let ventes_admin_id = http.user_id("ga.ventes@exemple.fr").await.unwrap();
    let removed = http
        .post(
            Some(&c.ada),
            "groups/member-remove",
            &[
                ("input[group_id]", c.ventes.to_string().as_str()),
                ("input[user_id]", ventes_admin_id.to_string().as_str()),
            ],
        )
        .await;
    assert_eq!(removed.status, StatusCode::OK, "{}", removed.body);

    let accepted = http
        .post(
            None,
            "invitations/accept",
            &[
                ("input[token]", token.as_str()),
                ("input[first_name]", "Yves"),
                ("input[last_name]", "Dupont"),
                ("input[password]", PASSWORD),
                ("input[password_confirm]", PASSWORD),
                ("input[language]", "fr"),
            ],
        )
        .await;
    assert_eq!(accepted.status, StatusCode::OK, "{}", accepted.body);
    assert!(
        accepted.body.contains("user_admin") && accepted.body.contains("Acme › Ventes"),
        "the welcome says what was dropped: {}",
        accepted.body
    );
    let y = http.user_id("y@exemple.fr").await.unwrap();
    assert!(http.app.roles_in(y, c.ventes).await.is_empty());
    assert!(http.app.roles_in(y, c.paris).await.is_empty());
    let audit = http
        .scalar_i64(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'invitation.accepted' \
             AND details LIKE $1",
            "%\"dropped\":[{%",
        )
        .await;
    assert_eq!(audit, Some(1), "the audit log records what was dropped");
}

/// Hole 4, platform flag: set by a platform admin who is no longer one.
async fn a_platform_admin_flag_lapses_with_its_granters_rights(backend: Backend) {
    let http = Http::new(backend).await;
    let c = cast(&http).await;
    let second = http.app.platform_admin("bob@exemple.fr").await;
    let bob = http.login("bob@exemple.fr").await;
    http.invite(&bob, c.support, "z@exemple.fr", Learner, true)
        .await;
    let mut conn = http.app.conn().await;
    sqlx::query("UPDATE users SET platform_admin = 0 WHERE id = $1")
        .bind(second.user.id)
        .execute(&mut *conn)
        .await
        .unwrap();
    drop(conn);
    let token = http.app.latest_link_token("z@exemple.fr").await;
    let accepted = http
        .post(
            None,
            "invitations/accept",
            &[
                ("input[token]", token.as_str()),
                ("input[first_name]", "Zoé"),
                ("input[last_name]", "Martin"),
                ("input[password]", PASSWORD),
                ("input[password_confirm]", PASSWORD),
                ("input[language]", "fr"),
            ],
        )
        .await;
    assert_eq!(accepted.status, StatusCode::OK, "{}", accepted.body);
    assert!(accepted.body.contains("PlatformAdmin"), "{}", accepted.body);
    let flag = http
        .scalar_i64(
            "SELECT platform_admin FROM users WHERE email = $1",
            "z@exemple.fr",
        )
        .await;
    assert_eq!(flag, Some(0));
    let _ = c.ada;
}

/// Hole 6: one `INVITER` with thousands of addresses is refused with a
/// message; an invalid entry is never echoed back in full.
async fn a_huge_invite_is_refused_and_bad_entries_are_not_echoed_in_full(backend: Backend) {
    let http = Http::new(backend).await;
    let c = cast(&http).await;
    let many: Vec<String> = (0..1_001).map(|i| format!("p{i}@exemple.fr")).collect();
    let paris = c.paris.to_string();
    let answer = http
        .post(
            Some(&c.paris_user_admin),
            "invitations/invite",
            &[
                ("input[group_id]", paris.as_str()),
                ("input[emails]", many.join("\n").as_str()),
                ("input[roles][learner]", "on"),
                ("input[language]", "fr"),
                ("input[account_type]", "member"),
            ],
        )
        .await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        answer.body.contains("ErrTooManyAddresses"),
        "{}",
        answer.body
    );
    let mut conn = http.app.conn().await;
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM invitations")
        .fetch_one(&mut *conn)
        .await
        .unwrap();
    assert_eq!(count, 0);
    drop(conn);

    let blob = "x".repeat(5_000);
    let answer = http
        .invite(
            &c.paris_user_admin,
            c.paris,
            &format!("{blob}\nok@exemple.fr"),
            Learner,
            false,
        )
        .await;
    assert!(
        answer.body.len() < 1_000,
        "{} bytes back",
        answer.body.len()
    );
    assert!(
        answer.body.contains("Invited"),
        "the good address went through"
    );
}

/// Hole 7: who an address belongs to, or which invitation it has, is not
/// told across scopes; learners see co-members' names, not addresses.
async fn nothing_is_told_across_scopes(backend: Backend) {
    let http = Http::new(backend).await;
    let c = cast(&http).await;
    let ventes = c.ventes.to_string();
    let groups_field = format!("input[groups][{ventes}]");
    let answer = http
        .post(
            Some(&c.ventes_admin),
            "accounts/create",
            &[
                ("input[group_id]", ventes.as_str()),
                ("input[first_name]", "Un"),
                ("input[last_name]", "Autre"),
                ("input[email]", "ga.support@exemple.fr"),
                ("input[password]", "a long password"),
                ("input[password_confirm]", "a long password"),
                (groups_field.as_str(), "on"),
                ("input[roles][learner]", "on"),
                ("input[language]", "fr"),
                ("input[account_type]", "member"),
            ],
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(
        answer
            .body
            .contains(r#"{"ExistingAccount":{"account":null}}"#),
        "{}",
        answer.body
    );

    http.app
        .user_with_roles("learner.a@exemple.fr", &[(c.paris, Learner)])
        .await;
    http.app
        .user_with_roles("learner.b@exemple.fr", &[(c.paris, Learner)])
        .await;
    let learner = http.login("learner.a@exemple.fr").await;
    let page = http
        .post(
            Some(&learner),
            "groups/page",
            &[("id", c.paris.to_string().as_str())],
        )
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("learner.b"), "names are shown");
    assert!(
        !page.body.contains("learner.b@exemple.fr"),
        "addresses are not: {}",
        page.body
    );
    let admin_view = http
        .post(
            Some(&c.paris_user_admin),
            "groups/page",
            &[("id", c.paris.to_string().as_str())],
        )
        .await;
    assert!(admin_view.body.contains("learner.b@exemple.fr"));
}

/// Hole 8: changing one's own roles through an invitation to one's own
/// address.
async fn nobody_grants_themselves_a_role_by_inviting_their_own_address(backend: Backend) {
    let http = Http::new(backend).await;
    let c = cast(&http).await;
    let answer = http
        .invite(
            &c.paris_user_admin,
            c.paris,
            "ua.paris@exemple.fr",
            Trainer,
            false,
        )
        .await;
    assert!(answer.body.contains("OwnAccount"), "{}", answer.body);
    let me = http.user_id("ua.paris@exemple.fr").await.unwrap();
    assert_eq!(http.app.roles_in(me, c.paris).await, vec![UserAdmin]);
}

/// Hole 9: the user admin of Paris posts the user page's `AJOUTER` by
/// hand for an account of theirs, with a group outside their scope, with
/// the group admin role, and for themselves.
async fn the_add_to_groups_form_grants_nothing_beyond_its_poster(backend: Backend) {
    let http = Http::new(backend).await;
    let c = cast(&http).await;
    http.app
        .user_with_roles("marie@exemple.fr", &[(c.paris, Learner)])
        .await;
    let marie = http.user_id("marie@exemple.fr").await.unwrap();
    let me = http.user_id("ua.paris@exemple.fr").await.unwrap();
    let add = |user: UserId, groups: &[GroupId], role: GroupRole| {
        let mut form = vec![("input[user_id]".to_owned(), user.to_string())];
        form.extend(
            groups
                .iter()
                .map(|g| (format!("input[groups][{g}]"), "on".to_owned())),
        );
        form.push((format!("input[roles][{}]", role.as_str()), "on".to_owned()));
        form
    };
    let attempts = [
        (add(marie, &[c.support], Learner), "ErrAddGroupOutOfReach"),
        (
            add(marie, &[c.paris, c.support], Learner),
            "ErrAddGroupOutOfReach",
        ),
        (add(marie, &[c.ventes], Learner), "ErrAddGroupOutOfReach"),
        (add(marie, &[c.paris], GroupAdmin), "ErrAddRoleNotGrantable"),
        (add(marie, &[c.paris], UserAdmin), "ErrAddRoleNotGrantable"),
        (add(me, &[c.paris], GroupAdmin), "ErrAddSelfToGroups"),
    ];
    for (form, refusal) in attempts {
        let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let answer = http
            .post(Some(&c.paris_user_admin), "users/add-to-groups", &pairs)
            .await;
        assert_eq!(
            answer.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{form:?}: {}",
            answer.body
        );
        assert!(answer.body.contains(refusal), "{form:?}: {}", answer.body);
    }
    assert_eq!(http.app.roles_in(marie, c.paris).await, vec![Learner]);
    for group in [c.acme, c.ventes, c.support] {
        assert!(
            http.app.roles_in(marie, group).await.is_empty(),
            "nothing granted in {group}"
        );
    }
    assert_eq!(http.app.roles_in(me, c.paris).await, vec![UserAdmin]);

    // What they may give goes through, the same form.
    let allowed = add(marie, &[c.paris], Trainer);
    let pairs: Vec<(&str, &str)> = allowed
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let answer = http
        .post(Some(&c.paris_user_admin), "users/add-to-groups", &pairs)
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert_eq!(
        http.app.roles_in(marie, c.paris).await,
        vec![Trainer, Learner]
    );
}

/// The platform's settings are the platform admins': a group admin posting
/// the settings form by hand changes nothing; a platform admin does.
async fn only_a_platform_admin_changes_the_default_language(backend: Backend) {
    let http = Http::new(backend).await;
    let c = cast(&http).await;
    let english = [("input[default_language]", "en")];
    for cookie in [&c.paris_user_admin, &c.ventes_admin] {
        let answer = http
            .post(Some(cookie), "settings/platform/update", &english)
            .await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN, "{}", answer.body);
        let read = http.post(Some(cookie), "settings/platform", &[]).await;
        assert_eq!(read.status, StatusCode::FORBIDDEN, "{}", read.body);
    }
    assert_eq!(http.app.state.default_lang(), app::i18n::Lang::Fr);
    let answer = http
        .post(Some(&c.ada), "settings/platform/update", &english)
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert_eq!(http.app.state.default_lang(), app::i18n::Lang::En);
}

/// A guest holds the learner role only, whatever door an admin posts to
/// by hand: `INVITER` as a guest with a trainer role, the members table
/// giving a guest a trainer role, `Ajouter à des groupes` as user admin.
async fn no_door_gives_a_guest_more_than_the_learner_role(backend: Backend) {
    let http = Http::new(backend).await;
    let c = cast(&http).await;
    let paris = c.paris.to_string();
    let answer = http
        .post(
            Some(&c.paris_user_admin),
            "invitations/invite",
            &[
                ("input[group_id]", paris.as_str()),
                ("input[emails]", "g@exemple.fr"),
                ("input[roles][trainer]", "on"),
                ("input[language]", "fr"),
                ("input[account_type]", "guest"),
            ],
        )
        .await;
    assert_eq!(
        answer.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        answer.body
    );
    assert!(
        answer.body.contains("ErrGuestLearnerOnly"),
        "{}",
        answer.body
    );
    assert_eq!(
        http.scalar_i64(
            "SELECT COUNT(*) FROM invitations WHERE email = $1",
            "g@exemple.fr"
        )
        .await,
        Some(0)
    );

    // A guest learner of Paris, then the roles forms posted by hand.
    let guest = http
        .app
        .user_with_roles("guest@exemple.fr", &[(c.paris, Learner)])
        .await;
    let mut conn = http.app.conn().await;
    app::server::store::users::set_account_type(
        &mut conn,
        guest.user.id,
        app::domain::AccountType::Guest,
        0,
    )
    .await
    .unwrap();
    drop(conn);
    let guest_id = guest.user.id.to_string();
    let answer = http
        .post(
            Some(&c.ventes_admin),
            "groups/member-roles",
            &[
                ("input[group_id]", paris.as_str()),
                ("input[user_id]", guest_id.as_str()),
                ("input[roles][learner]", "on"),
                ("input[roles][trainer]", "on"),
            ],
        )
        .await;
    assert_eq!(
        answer.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        answer.body
    );
    let answer = http
        .post(
            Some(&c.paris_user_admin),
            "users/add-to-groups",
            &[
                ("input[user_id]", guest_id.as_str()),
                (&format!("input[groups][{paris}]"), "on"),
                ("input[roles][trainer]", "on"),
            ],
        )
        .await;
    assert_eq!(
        answer.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        answer.body
    );
    assert_eq!(
        http.app.roles_in(guest.user.id, c.paris).await,
        vec![Learner]
    );
}

/// The seat limit and conversions over HTTP: a group admin cannot set the
/// limit; a user admin of Paris cannot convert an account they reach only
/// in part, nor open a waiting invitation carrying grants beyond theirs.
async fn seats_and_conversions_are_kept_to_who_may(backend: Backend) {
    let http = Http::new(backend).await;
    let c = cast(&http).await;
    let limit = [
        ("input[default_language]", "fr"),
        ("input[seat_limit]", "1000"),
        ("input[seat_limit_given]", "on"),
    ];
    let answer = http
        .post(Some(&c.ventes_admin), "settings/platform/update", &limit)
        .await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN, "{}", answer.body);
    let mut conn = http.app.conn().await;
    assert_eq!(
        app::server::store::seats::limit(&mut conn).await.unwrap(),
        None
    );
    drop(conn);

    // Learner of Paris and of Support: the Paris user admin reaches part of it.
    let shared = http
        .app
        .user_with_roles(
            "shared@exemple.fr",
            &[(c.paris, Learner), (c.support, Learner)],
        )
        .await;
    let id = shared.user.id.to_string();
    let answer = http
        .post(
            Some(&c.paris_user_admin),
            "users/convert-type",
            &[("input[user_id]", id.as_str()), ("input[to]", "guest")],
        )
        .await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN, "{}", answer.body);
    let mut conn = http.app.conn().await;
    let still = app::server::store::users::by_id(&mut conn, shared.user.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(still.account_type, app::domain::AccountType::Member);
    drop(conn);

    // An invitation waiting for a seat, with a group admin grant in Support.
    let answer = http
        .post(
            Some(&c.ada),
            "settings/platform/update",
            &[
                ("input[default_language]", "fr"),
                ("input[seat_limit]", "0"),
                ("input[seat_limit_given]", "on"),
            ],
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    http.invite(&c.ada, c.support, "w@exemple.fr", GroupAdmin, false)
        .await;
    http.invite(&c.paris_user_admin, c.paris, "w@exemple.fr", Learner, false)
        .await;
    let token = http.app.latest_link_token("w@exemple.fr").await;
    let answer = http
        .post(
            None,
            "invitations/accept",
            &[
                ("input[token]", token.as_str()),
                ("input[first_name]", "W"),
                ("input[last_name]", "X"),
                ("input[password]", "une phrase assez longue"),
                ("input[password_confirm]", "une phrase assez longue"),
                ("input[language]", "fr"),
            ],
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert!(answer.body.contains("AwaitingSeat"), "{}", answer.body);
    let waiting = http.pending_invitation("w@exemple.fr").await.to_string();
    let answer = http
        .post(
            Some(&c.paris_user_admin),
            "invitations/activate",
            &[("id", waiting.as_str())],
        )
        .await;
    assert_eq!(
        answer.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        answer.body
    );
    assert!(
        answer.body.contains("ErrInvitationBeyondYou"),
        "{}",
        answer.body
    );
    // A platform admin may, but no seat is free: the limit and count are said.
    let answer = http
        .post(
            Some(&c.ada),
            "invitations/activate",
            &[("id", waiting.as_str())],
        )
        .await;
    assert_eq!(
        answer.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        answer.body
    );
    assert!(answer.body.contains("SeatsFull"), "{}", answer.body);
}

on_both_backends!(
    no_door_gives_a_guest_more_than_the_learner_role,
    seats_and_conversions_are_kept_to_who_may,
    a_merged_invitation_gives_a_narrower_admin_no_link,
    an_outside_account_pulled_into_a_group_stays_out_of_reach,
    another_scopes_invitation_cannot_be_used_up_by_create,
    grants_are_checked_again_against_the_granters_rights_at_acceptance,
    a_platform_admin_flag_lapses_with_its_granters_rights,
    a_huge_invite_is_refused_and_bad_entries_are_not_echoed_in_full,
    nothing_is_told_across_scopes,
    nobody_grants_themselves_a_role_by_inviting_their_own_address,
    the_add_to_groups_form_grants_nothing_beyond_its_poster,
    only_a_platform_admin_changes_the_default_language,
);

/// The billing page and its downloads are the platform's: a group admin
/// (the lowest role that reads the log) gets neither the page nor the
/// files; the Journal answers every admin with their scope only, and its
/// export carries no entry beyond it.
async fn billing_and_the_log_are_kept_to_who_may(backend: Backend) {
    let http = Http::new(backend).await;
    let admin = http.app.platform_admin("admin@exemple.fr").await;
    let (_acme, ventes, paris, support_group) = http.app.sample_tree().await;
    http.app
        .user_with_roles("ga@exemple.fr", &[(ventes, GroupAdmin)])
        .await;
    http.app
        .user_with_roles("learner@exemple.fr", &[(paris, Learner)])
        .await;
    app::server::services::invitations::invite(
        &http.app.state,
        &admin,
        support::invite_request(support_group, "secret@exemple.fr", &[Learner]),
    )
    .await
    .unwrap();
    let platform = http.login("admin@exemple.fr").await;
    let group_admin = http.login("ga@exemple.fr").await;
    let learner = http.login("learner@exemple.fr").await;

    for path in [
        "/billing/export.csv",
        "/billing/export.xlsx",
        "/journal/export.csv",
    ] {
        let (status, headers, _) = http.get(None, path).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{path} anonymous");
        assert_eq!(headers[header::LOCATION], "/login");
    }
    for cookie in [&group_admin, &learner] {
        assert_eq!(
            http.post(Some(cookie), "billing", &[("query[month]", "")])
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        for path in ["/billing/export.csv?month=", "/billing/export.xlsx"] {
            let (status, _, body) = http.get(Some(cookie), path).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{path}");
            assert!(!String::from_utf8_lossy(&body).contains("admin@exemple.fr"));
        }
    }
    assert_eq!(
        http.post(Some(&learner), "journal", &[("query[action]", "")])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let (status, _, _) = http.get(Some(&learner), "/journal/export.csv").await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // The group admin's export holds nothing about the Support invitation.
    let (status, headers, body) = http.get(Some(&group_admin), "/journal/export.csv").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CACHE_CONTROL], "no-store");
    assert!(!String::from_utf8_lossy(&body).contains("secret@exemple.fr"));
    // …which the platform admin's holds, with the file's headers.
    let (status, headers, body) = http.get(Some(&platform), "/journal/export.csv").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "text/csv; charset=utf-8");
    assert!(String::from_utf8_lossy(&body).contains("secret@exemple.fr"));
    let (status, headers, body) = http.get(Some(&platform), "/billing/export.xlsx").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .ends_with(".xlsx\"")
    );
    assert!(body.starts_with(b"PK"));
    // The page itself, over the API: a group filter outside the scope is refused.
    let outside = http
        .post(
            Some(&group_admin),
            "journal",
            &[("query[group]", &support_group.to_string())],
        )
        .await;
    assert_eq!(outside.status, StatusCode::UNPROCESSABLE_ENTITY);
}

on_both_backends!(billing_and_the_log_are_kept_to_who_may);
