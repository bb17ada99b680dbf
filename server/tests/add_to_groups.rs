//! The user's page `Ajouter à des groupes`: what it offers and what it
//! does, on both databases.

mod support;

use app::domain::GroupRole::{GroupAdmin, Learner, Trainer, UserAdmin};
use app::domain::{GroupId, GroupRole, UserId};
use app::i18n::Msg;
use app::server::services::directory::Shared;
use app::server::services::memberships::{self, AddToGroupsRequest};
use app::server::services::profiles;
use app::server::{AppError, Backend};
use support::TestApp;

fn request(user: UserId, groups: &[GroupId], roles: &[GroupRole]) -> AddToGroupsRequest {
    AddToGroupsRequest {
        user_id: user,
        group_ids: groups.to_vec(),
        roles: roles.to_vec(),
    }
}

async fn audit_details(app: &TestApp, action: &str) -> Vec<String> {
    let mut conn = app.conn().await;
    sqlx::query_scalar("SELECT details FROM audit_log WHERE action = $1 ORDER BY id")
        .bind(action.to_owned())
        .fetch_all(&mut *conn)
        .await
        .unwrap()
}

async fn a_user_admin_adds_an_existing_account_to_their_group_with_propagation(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (acme, ventes, paris, support) = app.sample_tree().await;
    let admin = app
        .user_with_roles("ua.paris@exemple.fr", &[(paris, UserAdmin)])
        .await;
    // Known to the admin through Paris (trainer there), learner in Support.
    let person = app
        .user_with_roles("marie@exemple.fr", &[(paris, Trainer), (support, Learner)])
        .await;
    let id = person.user.id;

    let added = memberships::add_to_groups(&app.state, &admin, request(id, &[paris], &[Learner]))
        .await
        .unwrap();
    let said: Vec<(&str, &[GroupRole])> = added
        .iter()
        .map(|g| (g.path.as_str(), g.roles.as_slice()))
        .collect();
    assert_eq!(
        said,
        vec![
            ("Acme", &[Learner][..]),
            ("Acme › Ventes", &[Learner][..]),
            ("Acme › Ventes › Paris", &[Learner][..]),
        ],
        "learner propagates to the public parents, up to the first private one"
    );
    assert_eq!(app.roles_in(id, paris).await, vec![Trainer, Learner]);
    assert_eq!(app.roles_in(id, ventes).await, vec![Learner]);
    assert_eq!(app.roles_in(id, acme).await, vec![Learner]);

    let details = audit_details(&app, "account.groups_added").await;
    assert_eq!(details.len(), 1, "one audit entry");
    assert!(
        details[0].contains(&format!("[{paris},\"learner\"]")),
        "{}",
        details[0]
    );

    // Again: nothing new, said so (empty), and nothing duplicated.
    let again = memberships::add_to_groups(&app.state, &admin, request(id, &[paris], &[Learner]))
        .await
        .unwrap();
    assert!(again.is_empty(), "{again:?}");
    assert_eq!(app.roles_in(id, paris).await, vec![Trainer, Learner]);
}

async fn what_the_admin_may_not_give_is_refused_whole(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (acme, ventes, paris, support) = app.sample_tree().await;
    let admin = app
        .user_with_roles("ua.paris@exemple.fr", &[(paris, UserAdmin)])
        .await;
    let person = app
        .user_with_roles("marie@exemple.fr", &[(paris, Trainer)])
        .await;
    let id = person.user.id;
    let refused = |result: Result<_, AppError>, msg: Msg| match result {
        Err(AppError::Invalid(got)) => assert_eq!(got, msg),
        other => panic!("expected {msg:?}, got {other:?}"),
    };

    // A group outside their scope, even alongside their own.
    refused(
        memberships::add_to_groups(
            &app.state,
            &admin,
            request(id, &[paris, support], &[Learner]),
        )
        .await,
        Msg::ErrAddGroupOutOfReach,
    );
    refused(
        memberships::add_to_groups(&app.state, &admin, request(id, &[ventes], &[Learner])).await,
        Msg::ErrAddGroupOutOfReach,
    );
    // A role a user admin may not give, even in their group.
    for role in [UserAdmin, GroupAdmin] {
        refused(
            memberships::add_to_groups(&app.state, &admin, request(id, &[paris], &[Learner, role]))
                .await,
            Msg::ErrAddRoleNotGrantable,
        );
    }
    // Themselves: nobody changes their own grants.
    refused(
        memberships::add_to_groups(
            &app.state,
            &admin,
            request(admin.user.id, &[paris], &[Trainer]),
        )
        .await,
        Msg::ErrAddSelfToGroups,
    );
    // Nothing chosen.
    refused(
        memberships::add_to_groups(&app.state, &admin, request(id, &[], &[Learner])).await,
        Msg::ErrNoGroup,
    );
    refused(
        memberships::add_to_groups(&app.state, &admin, request(id, &[paris], &[])).await,
        Msg::ErrNoRole,
    );

    // Nothing was granted, nothing written in the log.
    assert_eq!(app.roles_in(id, paris).await, vec![Trainer]);
    for group in [acme, ventes, support] {
        assert!(app.roles_in(id, group).await.is_empty());
    }
    assert_eq!(app.roles_in(admin.user.id, paris).await, vec![UserAdmin]);
    assert!(audit_details(&app, "account.groups_added").await.is_empty());

    // An account the admin does not reach at all is not found.
    let stranger = app
        .user_with_roles("x@exemple.fr", &[(support, Learner)])
        .await;
    assert!(matches!(
        memberships::add_to_groups(
            &app.state,
            &admin,
            request(stranger.user.id, &[paris], &[Learner])
        )
        .await,
        Err(AppError::NotFound)
    ));
    assert!(app.roles_in(stranger.user.id, paris).await.is_empty());
}

async fn the_page_offers_the_admins_groups_with_their_grantable_roles_never_on_their_own(
    backend: Backend,
) {
    let app = TestApp::new(backend).await;
    let (_, _, paris, support) = app.sample_tree().await;
    let admin = app
        .user_with_roles("ua.paris@exemple.fr", &[(paris, UserAdmin)])
        .await;
    let person = app
        .user_with_roles("marie@exemple.fr", &[(paris, Trainer), (support, Learner)])
        .await;

    let profile = profiles::profile(&app.state, &admin, person.user.id, &Shared::fresh())
        .await
        .unwrap();
    let offered: Vec<(&str, &[GroupRole])> = profile
        .addable_groups
        .iter()
        .map(|g| (g.path.as_str(), g.grantable.as_slice()))
        .collect();
    assert_eq!(
        offered,
        vec![("Acme › Ventes › Paris", &[Trainer, Learner][..])]
    );
    assert_eq!(profile.addable_roles, vec![Trainer, Learner]);

    let own = profiles::profile(&app.state, &admin, admin.user.id, &Shared::fresh())
        .await
        .unwrap();
    assert!(own.addable_groups.is_empty() && own.addable_roles.is_empty());

    let platform = app.platform_admin("ada@exemple.fr").await;
    let by_platform = profiles::profile(&app.state, &platform, person.user.id, &Shared::fresh())
        .await
        .unwrap();
    assert_eq!(by_platform.addable_groups.len(), 4, "every group");
    assert_eq!(by_platform.addable_roles, GroupRole::ALL.to_vec());
}

on_both_backends!(
    a_user_admin_adds_an_existing_account_to_their_group_with_propagation,
    what_the_admin_may_not_give_is_refused_whole,
    the_page_offers_the_admins_groups_with_their_grantable_roles_never_on_their_own,
);
