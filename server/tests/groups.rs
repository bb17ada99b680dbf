//! The group tree: platform-admin edits, who sees what, on both databases.

mod support;

use app::contracts::error::FormField;
use app::domain::GroupId;
use app::domain::{GroupRole, Visibility};
use app::i18n::Msg;
use app::server::services::directory::Shared;
use app::server::services::groups::{self, GroupInput};
use app::server::store::audit;
use app::server::{AppError, Backend};
use support::TestApp;

/// Goes through the same parsing as the form.
fn input(name: &str, parent: Option<GroupId>, visibility: Visibility) -> GroupInput {
    let parent = parent.map(|p| p.to_string()).unwrap_or_default();
    GroupInput::parse(name, &parent, visibility.as_str()).expect("valid group input")
}

async fn a_platform_admin_creates_renames_moves_and_deletes_groups(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let acme = groups::create(&app.state, &admin, input("Acme", None, Visibility::Private))
        .await
        .unwrap();
    let ventes = groups::create(
        &app.state,
        &admin,
        input("Ventes", Some(acme), Visibility::Public),
    )
    .await
    .unwrap();
    let paris = groups::create(
        &app.state,
        &admin,
        input("Paris", Some(ventes), Visibility::Public),
    )
    .await
    .unwrap();

    let page = groups::page(&app.state, &admin, paris, 1, &Shared::fresh())
        .await
        .unwrap();
    let crumbs: Vec<&str> = page.breadcrumb.iter().map(|(_, n)| n.as_str()).collect();
    assert_eq!(crumbs, ["Acme", "Ventes", "Paris"]);
    // Paris cannot become its own parent: it is not offered.
    assert!(page.parent_choices.iter().all(|(id, _)| *id != paris));

    groups::update(
        &app.state,
        &admin,
        paris,
        input("Paris 15e", Some(acme), Visibility::Private),
    )
    .await
    .unwrap();
    let page = groups::page(&app.state, &admin, paris, 1, &Shared::fresh())
        .await
        .unwrap();
    assert_eq!(page.name, "Paris 15e");
    assert_eq!(page.parent_id, Some(acme));
    assert_eq!(page.visibility, Visibility::Private);

    groups::delete(&app.state, &admin, paris).await.unwrap();
    assert!(matches!(
        groups::page(&app.state, &admin, paris, 1, &Shared::fresh()).await,
        Err(AppError::NotFound)
    ));

    let mut conn = app.conn().await;
    let actions = audit::actions(&mut conn).await.unwrap();
    assert_eq!(
        actions
            .iter()
            .filter(|a| a.starts_with("group."))
            .collect::<Vec<_>>(),
        [
            "group.created",
            "group.created",
            "group.created",
            "group.updated",
            "group.deleted"
        ]
    );
}

async fn a_group_cannot_move_under_itself_or_its_descendants(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let (acme, ventes, paris, _) = app.sample_tree().await;
    let into_child = groups::update(
        &app.state,
        &admin,
        acme,
        input("Acme", Some(paris), Visibility::Private),
    )
    .await;
    assert!(matches!(
        into_child,
        Err(AppError::InvalidFields(p)) if p[0].field == FormField::Parent && p[0].msg == Msg::ErrMoveIntoDescendant
    ));
    let into_self = groups::update(
        &app.state,
        &admin,
        ventes,
        input("Ventes", Some(ventes), Visibility::Public),
    )
    .await;
    assert!(matches!(
        into_self,
        Err(AppError::InvalidFields(p)) if p[0].field == FormField::Parent && p[0].msg == Msg::ErrMoveIntoItself
    ));
    let unknown = groups::update(
        &app.state,
        &admin,
        ventes,
        input("Ventes", Some(GroupId(9999)), Visibility::Public),
    )
    .await;
    assert!(matches!(
        unknown,
        Err(AppError::InvalidFields(p)) if p[0].field == FormField::Parent && p[0].msg == Msg::ErrUnknownParent
    ));
}

async fn sibling_names_are_unique_and_groups_with_children_are_kept(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let (acme, ventes, _, _) = app.sample_tree().await;
    let duplicate = groups::create(
        &app.state,
        &admin,
        input("  ventes ", Some(acme), Visibility::Public),
    )
    .await;
    assert!(matches!(
        duplicate,
        Err(AppError::InvalidFields(p)) if p[0].field == FormField::Name && p[0].msg == Msg::ErrGroupNameTaken
    ));
    // The same name elsewhere in the tree is fine.
    assert!(
        groups::create(
            &app.state,
            &admin,
            input("Ventes", None, Visibility::Public)
        )
        .await
        .is_ok()
    );
    let with_children = groups::delete(&app.state, &admin, ventes).await;
    assert!(matches!(
        with_children,
        Err(AppError::Invalid(Msg::ErrGroupHasChildren))
    ));
}

async fn only_platform_admins_edit_the_tree(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (acme, ventes, paris, _) = app.sample_tree().await;
    let group_admin = app
        .user_with_roles("ga@exemple.fr", &[(acme, GroupRole::GroupAdmin)])
        .await;
    let user_admin = app
        .user_with_roles("ua@exemple.fr", &[(acme, GroupRole::UserAdmin)])
        .await;
    let trainer = app
        .user_with_roles("t@exemple.fr", &[(paris, GroupRole::Trainer)])
        .await;
    let learner = app
        .user_with_roles("l@exemple.fr", &[(paris, GroupRole::Learner)])
        .await;
    let nobody = app.user_with_roles("n@exemple.fr", &[]).await;
    for who in [&group_admin, &user_admin, &trainer, &learner, &nobody] {
        let create = groups::create(
            &app.state,
            who,
            input("X", Some(ventes), Visibility::Public),
        )
        .await;
        let update = groups::update(
            &app.state,
            who,
            paris,
            input("X", Some(ventes), Visibility::Public),
        )
        .await;
        let delete = groups::delete(&app.state, who, paris).await;
        for outcome in [create.map(|_| ()), update, delete] {
            assert!(
                matches!(outcome, Err(AppError::Forbidden)),
                "{:?}",
                who.user.email
            );
        }
    }
}

async fn the_sidebar_shows_each_user_their_part_of_the_tree(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let (acme, ventes, paris, support) = app.sample_tree().await;
    let ventes_admin = app
        .user_with_roles("ga@exemple.fr", &[(ventes, GroupRole::GroupAdmin)])
        .await;
    let learner = app
        .user_with_roles("l@exemple.fr", &[(paris, GroupRole::Learner)])
        .await;
    let nobody = app.user_with_roles("n@exemple.fr", &[]).await;

    let ids = |sidebar: app::api::groups::Sidebar| {
        let mut ids: Vec<GroupId> = sidebar.groups.iter().map(|g| g.id).collect();
        ids.sort();
        ids
    };
    let all = ids(groups::sidebar(&app.state, &admin, &Shared::fresh())
        .await
        .unwrap());
    assert_eq!(all, [acme, ventes, paris, support]);
    let sidebar = groups::sidebar(&app.state, &ventes_admin, &Shared::fresh())
        .await
        .unwrap();
    assert!(!sidebar.can_manage_groups);
    // Ventes is shown as a root: its parent is not theirs to see.
    assert!(
        sidebar
            .groups
            .iter()
            .all(|g| g.id != ventes || g.parent_id.is_none())
    );
    assert_eq!(ids(sidebar), [ventes, paris]);
    assert_eq!(
        ids(groups::sidebar(&app.state, &learner, &Shared::fresh())
            .await
            .unwrap()),
        [paris]
    );
    assert!(
        ids(groups::sidebar(&app.state, &nobody, &Shared::fresh())
            .await
            .unwrap())
        .is_empty()
    );

    // A group one may not see answers like a missing one.
    assert!(matches!(
        groups::page(&app.state, &learner, support, 1, &Shared::fresh()).await,
        Err(AppError::NotFound)
    ));
    assert!(matches!(
        groups::page(&app.state, &ventes_admin, acme, 1, &Shared::fresh()).await,
        Err(AppError::NotFound)
    ));
    let page = groups::page(&app.state, &ventes_admin, paris, 1, &Shared::fresh())
        .await
        .unwrap();
    assert!(page.can_manage_users && !page.can_manage_groups && page.parent_choices.is_empty());
}

async fn the_users_list_shows_members_with_their_roles(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let (_, _, paris, _) = app.sample_tree().await;
    app.user_with_roles(
        "zoe@exemple.fr",
        &[(paris, GroupRole::Learner), (paris, GroupRole::Trainer)],
    )
    .await;
    app.user_with_roles("bob@exemple.fr", &[(paris, GroupRole::Learner)])
        .await;
    let page = groups::page(&app.state, &admin, paris, 1, &Shared::fresh())
        .await
        .unwrap();
    let rows: Vec<(Option<&str>, &[GroupRole], bool)> = page
        .members
        .iter()
        .map(|m| (m.email.as_deref(), m.roles.as_slice(), m.active))
        .collect();
    assert_eq!(
        rows,
        [
            (Some("bob@exemple.fr"), &[GroupRole::Learner][..], true),
            (
                Some("zoe@exemple.fr"),
                &[GroupRole::Trainer, GroupRole::Learner][..],
                true
            ),
        ]
    );
}

/// A page render reads the group directory once for its sidebar, its
/// frame and its screen (`Shared::once`): they show one snapshot, while a
/// server function called on its own reads afresh.
async fn a_page_render_reads_the_directory_once(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let acme = groups::create(&app.state, &admin, input("Acme", None, Visibility::Private))
        .await
        .unwrap();
    let names = |sidebar: app::api::groups::Sidebar| {
        sidebar
            .groups
            .into_iter()
            .map(|g| g.name)
            .collect::<Vec<_>>()
    };
    let render = Shared::once();
    let first = groups::sidebar(&app.state, &admin, &render).await.unwrap();
    assert_eq!(names(first), ["Acme"]);

    groups::create(
        &app.state,
        &admin,
        input("Ventes", Some(acme), Visibility::Public),
    )
    .await
    .unwrap();
    let same_render = groups::sidebar(&app.state, &admin, &render.clone())
        .await
        .unwrap();
    assert_eq!(names(same_render), ["Acme"], "loaded once per render");
    let page = groups::page(&app.state, &admin, acme, 1, &render)
        .await
        .unwrap();
    assert_eq!(page.name, "Acme");
    let afresh = groups::sidebar(&app.state, &admin, &Shared::fresh())
        .await
        .unwrap();
    assert_eq!(names(afresh), ["Acme", "Ventes"]);
}

on_both_backends!(
    a_page_render_reads_the_directory_once,
    a_platform_admin_creates_renames_moves_and_deletes_groups,
    a_group_cannot_move_under_itself_or_its_descendants,
    sibling_names_are_unique_and_groups_with_children_are_kept,
    only_platform_admins_edit_the_tree,
    the_sidebar_shows_each_user_their_part_of_the_tree,
    the_users_list_shows_members_with_their_roles,
);
