//! A group's members: changing roles and removing, on both databases.

mod support;

use app::domain::GroupRole::{GroupAdmin, Learner, Trainer, UserAdmin};
use app::i18n::Msg;
use app::server::services::directory::Shared;
use app::server::services::{groups, members};
use app::server::store::audit;
use app::server::{AppError, Backend};
use support::TestApp;

async fn a_group_admin_changes_roles_and_removes_a_member(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (acme, ventes, paris, _) = app.sample_tree().await;
    let admin = app
        .user_with_roles("chef@exemple.fr", &[(ventes, GroupAdmin)])
        .await;
    let marie = app
        .user_with_roles("marie@exemple.fr", &[(paris, Trainer)])
        .await;
    let id = marie.user.id;

    // A learner role added in public Paris propagates like on every way in.
    members::set_roles(&app.state, &admin, paris, id, vec![Trainer, Learner])
        .await
        .unwrap();
    assert_eq!(app.roles_in(id, paris).await, [Trainer, Learner]);
    assert_eq!(app.roles_in(id, ventes).await, [Learner]);
    assert_eq!(app.roles_in(id, acme).await, [Learner]);

    members::set_roles(&app.state, &admin, paris, id, vec![Learner])
        .await
        .unwrap();
    assert_eq!(app.roles_in(id, paris).await, [Learner]);

    members::remove(&app.state, &admin, paris, id)
        .await
        .unwrap();
    assert!(app.roles_in(id, paris).await.is_empty());
    // Removing from Paris leaves the roles held elsewhere.
    assert_eq!(app.roles_in(id, ventes).await, [Learner]);
    let page = groups::page(&app.state, &admin, paris, 1, &Shared::fresh())
        .await
        .unwrap();
    assert!(page.members.iter().all(|m| m.user_id != id));

    // Removing again: no longer a member, said plainly.
    assert!(matches!(
        members::remove(&app.state, &admin, paris, id).await,
        Err(AppError::Invalid(Msg::ErrNotAMember))
    ));

    let mut conn = app.conn().await;
    let actions = audit::actions(&mut conn).await.unwrap();
    assert_eq!(
        actions
            .iter()
            .filter(|a| a.starts_with("member."))
            .collect::<Vec<_>>(),
        [
            "member.roles_changed",
            "member.roles_changed",
            "member.removed"
        ]
    );
}

async fn role_changes_are_policy_checked_per_actor(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (acme, ventes, paris, support) = app.sample_tree().await;
    let user_admin = app
        .user_with_roles("ua@exemple.fr", &[(ventes, UserAdmin)])
        .await;
    let learner = app
        .user_with_roles("apprenant@exemple.fr", &[(paris, Learner)])
        .await;
    let boss = app
        .user_with_roles("boss@exemple.fr", &[(paris, GroupAdmin)])
        .await;
    let outsider = app
        .user_with_roles("out@exemple.fr", &[(support, GroupAdmin)])
        .await;
    let platform = app.platform_admin("ada@exemple.fr").await;
    let student = app
        .user_with_roles("eleve@exemple.fr", &[(paris, Learner)])
        .await;

    // A user admin grants learner and trainer below their group...
    members::set_roles(
        &app.state,
        &user_admin,
        paris,
        student.user.id,
        vec![Learner, Trainer],
    )
    .await
    .unwrap();
    // ...but neither makes admins nor touches one.
    assert!(matches!(
        members::set_roles(
            &app.state,
            &user_admin,
            paris,
            student.user.id,
            vec![GroupAdmin]
        )
        .await,
        Err(AppError::Invalid(Msg::ErrRoleNotAllowed))
    ));
    assert!(matches!(
        members::remove(&app.state, &user_admin, paris, boss.user.id).await,
        Err(AppError::Invalid(Msg::ErrRoleNotAllowed))
    ));
    // Rights never flow up: Acme is above the user admin's group.
    let acme_member = app
        .user_with_roles("haut@exemple.fr", &[(acme, Learner)])
        .await;
    assert!(matches!(
        members::remove(&app.state, &user_admin, acme, acme_member.user.id).await,
        Err(AppError::NotFound | AppError::Forbidden)
    ));
    // A learner manages nobody; an admin elsewhere does not even see Paris.
    assert!(matches!(
        members::remove(&app.state, &learner, paris, student.user.id).await,
        Err(AppError::Forbidden)
    ));
    assert!(matches!(
        members::remove(&app.state, &outsider, paris, student.user.id).await,
        Err(AppError::NotFound)
    ));
    // Nobody edits their own roles, not even an admin of the group.
    assert!(matches!(
        members::remove(&app.state, &boss, paris, boss.user.id).await,
        Err(AppError::Invalid(Msg::ErrOwnRoles))
    ));
    // A platform admin may do what the others may not.
    members::set_roles(&app.state, &platform, paris, boss.user.id, vec![UserAdmin])
        .await
        .unwrap();
    assert_eq!(app.roles_in(boss.user.id, paris).await, [UserAdmin]);
    assert_eq!(
        app.roles_in(student.user.id, paris).await,
        [Trainer, Learner]
    );

    // The page tells the UI whom the viewer may edit.
    let page = groups::page(&app.state, &user_admin, paris, 1, &Shared::fresh())
        .await
        .unwrap();
    let editable = |email: &str| {
        page.members
            .iter()
            .find(|m| m.email.as_deref() == Some(email))
            .map(|m| m.editable)
    };
    assert_eq!(editable("eleve@exemple.fr"), Some(true));
    assert_eq!(editable("boss@exemple.fr"), Some(false));
    assert_eq!(page.grantable_roles, [Trainer, Learner]);
}

/// A group of 60 is shown 50 at a time, sorted by name, cut on people
/// (not on role rows); a page past the last shows the last, and the first
/// 20 pending invitations follow the members on the first page only.
async fn a_large_group_is_listed_page_by_page(backend: Backend) {
    use app::contracts::groups::{MEMBERS_PER_PAGE, PENDING_SHOWN};
    use app::server::services::invitations;

    let app = TestApp::new(backend).await;
    let (_, _, paris, _) = app.sample_tree().await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    // Two roles each: two rows per person in the join.
    app.many_members(paris, 60, &[Learner, Trainer]).await;
    // 21 pending, two roles each: the list stops at 20 invitations, not rows.
    let addresses: Vec<String> = (0..21).map(|n| format!("jean{n:02}@exemple.fr")).collect();
    let request = support::invite_request(paris, &addresses.join("; "), &[Learner, Trainer]);
    invitations::invite(&app.state, &admin, request)
        .await
        .unwrap();

    let directory = Shared::fresh();
    let page = |n| groups::page(&app.state, &admin, paris, n, &directory);
    let first = page(1).await.unwrap();
    assert_eq!(first.members_total, 60);
    assert_eq!(first.members_page, 1);
    assert_eq!(first.members.len() as i64, MEMBERS_PER_PAGE);
    let names = |p: &app::contracts::groups::GroupPage| -> Vec<String> {
        p.members.iter().map(|m| m.name.to_lowercase()).collect()
    };
    assert_eq!(names(&first)[0], "anne nom 00");
    assert_eq!(names(&first)[49], "anne nom 49");
    assert!(first.members.iter().all(|m| m.roles == [Trainer, Learner]));
    assert_eq!(first.pending.len(), PENDING_SHOWN);
    assert_eq!(first.pending[19].0, "jean19@exemple.fr");
    assert!(first.pending.iter().all(|(_, roles)| roles.len() == 2));
    assert!(first.pending_more);

    let second = page(2).await.unwrap();
    assert_eq!(second.members_page, 2);
    assert_eq!(
        names(&second),
        (50..60)
            .map(|n| format!("anne nom {n}"))
            .collect::<Vec<_>>()
    );
    assert!(second.pending.is_empty() && !second.pending_more);
    // Past the end, and before the start: the nearest page.
    assert_eq!(page(9).await.unwrap().members, second.members);
    assert_eq!(page(0).await.unwrap().members, first.members);
}

on_both_backends!(
    a_group_admin_changes_roles_and_removes_a_member,
    role_changes_are_policy_checked_per_actor,
    a_large_group_is_listed_page_by_page,
);
