//! `--demo`: a sample tree so a newcomer sees something on an empty
//! database. Never touches a database that already has groups.

use crate::domain::billing::BillingReason;
use crate::domain::{AccountType, GroupRole, Visibility};
use crate::server::error::AppResult;
use crate::server::state::AppState;
use crate::server::store::{groups, memberships, users};

#[tracing::instrument(name = "demo::seed", skip_all)]
pub async fn seed(state: &AppState) -> AppResult<bool> {
    let now = state.now();
    let mut tx = state.db.begin().await?;
    if !groups::all(&mut tx).await?.is_empty() {
        return Ok(false);
    }
    let acme = groups::insert(&mut tx, "Acme", None, Visibility::Private, now).await?;
    let ventes = groups::insert(&mut tx, "Ventes", Some(acme), Visibility::Public, now).await?;
    let paris = groups::insert(&mut tx, "Paris", Some(ventes), Visibility::Public, now).await?;
    groups::insert(&mut tx, "Support", Some(acme), Visibility::Private, now).await?;
    // Learners of Paris, propagated as the rule says: Paris, Ventes, Acme.
    for (first, last, email) in [
        ("Marie", "Curie", "marie.curie@exemple.fr"),
        ("Pierre", "Dupont", "pierre.dupont@exemple.fr"),
    ] {
        let id = users::insert(
            &mut tx,
            &users::NewUser {
                email: Some(email.into()),
                login_name: None,
                first_name: first.into(),
                last_name: last.into(),
                password_hash: None,
                platform_admin: false,
                account_type: AccountType::Member,
                language: crate::i18n::Lang::Fr,
                activated_at: Some(now),
                created_by: None,
                extra_info: String::new(),
                deletion_at: None,
            },
            now,
        )
        .await?;
        users::record_billing_start(
            &mut tx,
            id,
            AccountType::Member,
            BillingReason::Created,
            now,
        )
        .await?;
        for group in [paris, ventes, acme] {
            memberships::grant(&mut tx, id, group, GroupRole::Learner, None, now).await?;
        }
    }
    tx.commit().await?;
    Ok(true)
}
