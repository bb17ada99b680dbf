//! The group tree: what a user sees of it, and the platform admin's edits.

use crate::contracts::error::FormField;
use crate::contracts::groups::{
    GroupPage, MEMBERS_PER_PAGE, MemberRow, PENDING_SHOWN, Sidebar, SidebarGroup,
};
use crate::domain::audit::AuditAction;
use crate::domain::group_name::{GroupNameError, parse_group_name};
use crate::domain::{GroupId, GroupTree, MoveError, Visibility, paging, policy};
use crate::i18n::Msg;
use crate::server::error::{AppError, AppResult};
use crate::server::services::auth::CurrentUser;
use crate::server::services::directory::{self, Directory};
use crate::server::state::AppState;
use crate::server::store::{audit, groups, invitations, memberships};

/// A group's editable fields, parsed from what a form sent.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupInput {
    pub name: String,
    pub parent: Option<GroupId>,
    pub visibility: Visibility,
}

impl GroupInput {
    pub fn parse(name: &str, parent: &str, visibility: &str) -> AppResult<GroupInput> {
        let name = parse_group_name(name).map_err(|e| {
            AppError::on(
                FormField::Name,
                match e {
                    GroupNameError::Empty => Msg::ErrNameRequired,
                    GroupNameError::TooLong => Msg::ErrNameTooLong,
                },
            )
        })?;
        let parent = match parent.trim() {
            "" => None,
            id => Some(
                id.parse::<GroupId>()
                    .map_err(|_| AppError::on(FormField::Parent, Msg::ErrUnknownParent))?,
            ),
        };
        let visibility = Visibility::parse(visibility).unwrap_or(Visibility::Private);
        Ok(GroupInput {
            name,
            parent,
            visibility,
        })
    }
}

/// "Acme › Ventes › Paris".
/// The door of every action on a group's users: a group that does not
/// exist or that `me` may not see is `NotFound` (like a missing one); one
/// seen but not managed is `Forbidden`.
pub fn require_user_manager(me: &CurrentUser, tree: &GroupTree, group: GroupId) -> AppResult<()> {
    if !tree.contains(group) || !policy::may_view_group(&me.actor, tree, group) {
        return Err(AppError::NotFound);
    }
    if !policy::may_manage_users(&me.actor, tree, group) {
        return Err(AppError::Forbidden);
    }
    Ok(())
}

#[tracing::instrument(name = "groups::sidebar", skip_all, fields(actor = %me.user.id))]
pub async fn sidebar(
    state: &AppState,
    me: &CurrentUser,
    directory: &directory::Shared,
) -> AppResult<Sidebar> {
    let mut conn = state.db.pool.acquire().await?;
    let dir = directory.get(&mut conn).await?;
    let visible = policy::visible_groups(&me.actor, &dir.tree);
    let groups = dir
        .groups
        .iter()
        .filter(|g| visible.contains(&g.id))
        .map(|g| SidebarGroup {
            id: g.id,
            parent_id: g.parent_id.filter(|p| visible.contains(p)),
            name: g.name.clone(),
            visibility: g.visibility,
        })
        .collect();
    Ok(Sidebar {
        groups,
        can_manage_groups: policy::may_manage_groups(&me.actor),
    })
}

#[tracing::instrument(name = "groups::page", skip_all, fields(actor = %me.user.id, group = %id))]
pub async fn page(
    state: &AppState,
    me: &CurrentUser,
    id: GroupId,
    members_page: i64,
    directory: &directory::Shared,
) -> AppResult<GroupPage> {
    let mut conn = state.db.pool.acquire().await?;
    let dir = directory.get(&mut conn).await?;
    let Directory {
        groups: all,
        tree,
        names,
    } = &*dir;
    // A group one may not see answers exactly like a missing one.
    if !tree.contains(id) || !policy::may_view_group(&me.actor, tree, id) {
        return Err(AppError::NotFound);
    }
    let group = all.iter().find(|g| g.id == id).ok_or(AppError::NotFound)?;
    let mut breadcrumb: Vec<(GroupId, String)> = tree
        .ancestors(id)
        .iter()
        .rev()
        .map(|g| (*g, names.get(g).cloned().unwrap_or_default()))
        .collect();
    breadcrumb.push((id, group.name.clone()));
    let can_manage_groups = policy::may_manage_groups(&me.actor);
    let parent_choices = if can_manage_groups {
        let mut choices: Vec<(GroupId, String)> = all
            .iter()
            .filter(|g| !tree.is_same_or_descendant(g.id, id))
            .map(|g| (g.id, directory::path(tree, names, g.id)))
            .collect();
        choices.sort_by_key(|(_, path)| path.to_lowercase());
        choices
    } else {
        Vec::new()
    };
    let can_manage_users = policy::may_manage_users(&me.actor, tree, id);
    // Learners and trainers see their co-members' names, not their contacts.
    let contacts = policy::may_see_member_contacts(&me.actor, tree, id);
    let members_total = memberships::count_members(&mut conn, id).await?;
    let members_page = paging::clamp(members_page, members_total, MEMBERS_PER_PAGE);
    let members = memberships::members_of_group(
        &mut conn,
        id,
        MEMBERS_PER_PAGE,
        paging::offset(members_page, MEMBERS_PER_PAGE),
    )
    .await?
    .into_iter()
    .map(|m| MemberRow {
        editable: policy::may_edit_member(&me.actor, tree, id, m.user_id, &m.roles),
        user_id: m.user_id,
        name: format!("{} {}", m.first_name, m.last_name)
            .trim()
            .to_owned(),
        email: m.email.filter(|_| contacts),
        login_name: m.login_name.filter(|_| contacts),
        roles: m.roles,
        account_type: m.account_type,
        active: m.activated_at.is_some(),
        password_set: m.password_set,
        activated_at: m.activated_at,
    })
    .collect();
    // Pending invitations follow the members on the first page, where an
    // admin lands; each links to the Invitations tab.
    let mut pending = if can_manage_users && members_page == 1 {
        invitations::pending_into_group(&mut conn, id, PENDING_SHOWN + 1).await?
    } else {
        Vec::new()
    };
    let pending_more = pending.len() > PENDING_SHOWN;
    pending.truncate(PENDING_SHOWN);
    Ok(GroupPage {
        pending,
        pending_more,
        id,
        name: group.name.clone(),
        parent_id: group.parent_id,
        visibility: group.visibility,
        breadcrumb,
        members,
        members_total,
        members_page,
        can_manage_groups,
        can_manage_users,
        grantable_roles: policy::grantable_roles(&me.actor, tree, id),
        parent_choices,
    })
}

/// True when the user may manage the users of at least one group.
#[tracing::instrument(name = "groups::administers_any", skip_all, fields(actor = %me.user.id))]
pub async fn administers_any(
    state: &AppState,
    me: &CurrentUser,
    directory: &directory::Shared,
) -> AppResult<bool> {
    if me.actor.platform_admin {
        return Ok(true);
    }
    let mut conn = state.db.pool.acquire().await?;
    let tree = &directory.get(&mut conn).await?.tree;
    Ok(!policy::administered_groups(&me.actor, tree).is_empty())
}

fn require_group_manager(me: &CurrentUser) -> AppResult<()> {
    if policy::may_manage_groups(&me.actor) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

#[tracing::instrument(
    name = "groups::create",
    skip_all,
    fields(actor = %me.user.id, parent = ?input.parent)
)]
pub async fn create(state: &AppState, me: &CurrentUser, input: GroupInput) -> AppResult<GroupId> {
    require_group_manager(me)?;
    let parent_id = input.parent;
    let now = state.now();
    let mut tx = state.db.begin().await?;
    if let Some(parent) = parent_id
        && groups::by_id(&mut tx, parent).await?.is_none()
    {
        return Err(AppError::on(FormField::Parent, Msg::ErrUnknownParent));
    }
    if groups::name_taken(&mut tx, parent_id, &input.name, None).await? {
        return Err(AppError::on(FormField::Name, Msg::ErrGroupNameTaken));
    }
    let id = groups::insert(&mut tx, &input.name, parent_id, input.visibility, now).await?;
    audit::record(
        &mut tx,
        AuditAction::GroupCreated,
        audit::Entry {
            actor_user_id: Some(me.user.id),
            group_id: Some(id),
            details: serde_json::json!({ "name": input.name, "parent": parent_id,
                "visibility": input.visibility.as_str() })
            .to_string(),
            ..Default::default()
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

#[tracing::instrument(
    name = "groups::update",
    skip_all,
    fields(actor = %me.user.id, group = %group, parent = ?input.parent)
)]
pub async fn update(
    state: &AppState,
    me: &CurrentUser,
    group: GroupId,
    input: GroupInput,
) -> AppResult<()> {
    require_group_manager(me)?;
    let (id, parent_id) = (group, input.parent);
    let now = state.now();
    let mut tx = state.db.begin().await?;
    let Directory { tree, .. } = Directory::load(&mut tx).await?;
    tree.can_move(group, input.parent).map_err(|e| match e {
        MoveError::UnknownGroup => AppError::NotFound,
        MoveError::UnknownParent => AppError::on(FormField::Parent, Msg::ErrUnknownParent),
        MoveError::IntoItself => AppError::on(FormField::Parent, Msg::ErrMoveIntoItself),
        MoveError::IntoDescendant => AppError::on(FormField::Parent, Msg::ErrMoveIntoDescendant),
    })?;
    if groups::name_taken(&mut tx, parent_id, &input.name, Some(id)).await? {
        return Err(AppError::on(FormField::Name, Msg::ErrGroupNameTaken));
    }
    groups::update(&mut tx, id, &input.name, parent_id, input.visibility, now).await?;
    audit::record(
        &mut tx,
        AuditAction::GroupUpdated,
        audit::Entry {
            actor_user_id: Some(me.user.id),
            group_id: Some(id),
            details: serde_json::json!({ "name": input.name, "parent": parent_id,
                "visibility": input.visibility.as_str() })
            .to_string(),
            ..Default::default()
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Deletes an empty-of-sub-groups group with its roles and sessions.
#[tracing::instrument(name = "groups::delete", skip_all, fields(actor = %me.user.id, group = %group))]
pub async fn delete(state: &AppState, me: &CurrentUser, group: GroupId) -> AppResult<()> {
    require_group_manager(me)?;
    let id = group;
    let now = state.now();
    let mut tx = state.db.begin().await?;
    let group = groups::by_id(&mut tx, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if groups::has_children(&mut tx, id).await? {
        return Err(AppError::Invalid(Msg::ErrGroupHasChildren));
    }
    groups::delete(&mut tx, id).await?;
    audit::record(
        &mut tx,
        AuditAction::GroupDeleted,
        audit::Entry {
            actor_user_id: Some(me.user.id),
            group_id: Some(id),
            details: serde_json::json!({ "name": group.name }).to_string(),
            ..Default::default()
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
