//! Custom profile fields: the platform admin's definitions, and the check
//! of the values typed on every way in.

use crate::domain::audit::AuditAction;
use std::collections::HashMap;

use crate::contracts::accounts::CustomFieldInput;
use crate::contracts::error::FormField;
use crate::domain::FieldId;
use crate::domain::custom_field::{self as rules, FieldDef, FieldError, FieldType, Labels};
use crate::i18n::Lang;
use crate::i18n::Msg;
use crate::server::error::{AppError, AppResult, Problems, is_unique_violation};
use crate::server::services::auth::CurrentUser;
use crate::server::state::AppState;
use crate::server::store::{Conn, audit, custom_fields};

const MAX_LABEL_CHARS: usize = 80;

fn require_platform_admin(me: &CurrentUser) -> AppResult<()> {
    if crate::domain::policy::may_manage_custom_fields(&me.actor) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

#[tracing::instrument(name = "custom_fields::list", skip_all)]
pub async fn list(state: &AppState) -> AppResult<Vec<FieldDef>> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(custom_fields::list(&mut conn).await?)
}

#[tracing::instrument(name = "custom_fields::create", skip_all, fields(actor = %me.user.id))]
pub async fn create(
    state: &AppState,
    me: &CurrentUser,
    input: CustomFieldInput,
) -> AppResult<FieldId> {
    require_platform_admin(me)?;
    // Every input is checked before answering: the form shows them all.
    let mut problems = Problems::default();
    let key = problems.take(
        FormField::Key,
        rules::parse_key(&input.key),
        Msg::ErrFieldKey,
    );
    let labels = problems.take(FormField::Labels, labels(&input.labels), Msg::ErrFieldLabel);
    let field_type = problems.take(
        FormField::Kind,
        FieldType::parse(&input.field_type).ok_or(()),
        Msg::ErrFieldType,
    );
    let choices = rules::parse_choices(&input.choices);
    if field_type == Some(FieldType::Choice) && choices.is_empty() {
        problems.add(FormField::Choices, Msg::ErrFieldChoices);
    }
    let (Some(key), Some(labels), Some(field_type)) = (key, labels, field_type) else {
        return Err(problems.into_error());
    };
    problems.check()?;
    let choices = if field_type == FieldType::Choice {
        choices
    } else {
        Vec::new()
    };
    let def = FieldDef {
        id: FieldId(0),
        key,
        labels,
        field_type,
        choices,
        required: input.required.is_some_and(|v| !v.is_empty()),
    };
    let now = state.now();
    let mut tx = state.db.begin().await?;
    let id = custom_fields::insert(&mut tx, &def, now)
        .await
        .map_err(|e| {
            if is_unique_violation(&e) {
                AppError::on(FormField::Key, Msg::ErrFieldKeyTaken)
            } else {
                e.into()
            }
        })?;
    audit::record(
        &mut tx,
        AuditAction::CustomFieldCreated,
        audit::Entry {
            actor_user_id: Some(me.user.id),
            details: serde_json::json!({ "key": def.key, "type": def.field_type.as_str() })
                .to_string(),
            ..Default::default()
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Deletes a field with every value held for it.
#[tracing::instrument(
    name = "custom_fields::delete",
    skip_all,
    fields(actor = %me.user.id, field = %id)
)]
pub async fn delete(state: &AppState, me: &CurrentUser, id: FieldId) -> AppResult<()> {
    require_platform_admin(me)?;
    let now = state.now();
    let mut tx = state.db.begin().await?;
    if !custom_fields::delete(&mut tx, id).await? {
        return Err(AppError::NotFound);
    }
    audit::record(
        &mut tx,
        AuditAction::CustomFieldDeleted,
        audit::Entry {
            actor_user_id: Some(me.user.id),
            details: serde_json::json!({ "id": id }).to_string(),
            ..Default::default()
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The labels typed per language code: French required, the others
/// optional (empty means "show the French one"); 80 characters each.
fn labels(typed: &HashMap<String, String>) -> AppResult<Labels> {
    let mut labels = Labels::default();
    for (code, label) in typed {
        let label = label.trim();
        if label.is_empty() {
            continue;
        }
        let lang = Lang::decode(code).ok_or(AppError::Invalid(Msg::ErrFieldLabel))?;
        if label.chars().count() > MAX_LABEL_CHARS {
            return Err(AppError::Invalid(Msg::ErrFieldLabel));
        }
        labels.set(lang, label);
    }
    match labels.given(Lang::Fr) {
        Some(_) => Ok(labels),
        None => Err(AppError::Invalid(Msg::ErrFieldLabel)),
    }
}

pub fn field_message(e: FieldError) -> Msg {
    crate::i18n::labels::field_error(e)
}

/// Checks the typed values (by key) against the definitions; the first
/// refusal is the error, named by the field's label.
pub fn check(
    defs: &[FieldDef],
    typed: &HashMap<String, String>,
) -> AppResult<Vec<(FieldId, String)>> {
    let (values, errors) = rules::check_values(defs, |k| typed.get(k).map(String::as_str));
    if let Some((key, e)) = errors.into_iter().next() {
        let def = defs
            .iter()
            .find(|d| d.key == key)
            .expect("errors name defined fields");
        return Err(AppError::InvalidField(def.labels.clone(), field_message(e)));
    }
    Ok(values)
}

/// (field key, why) for each refused value.
pub type Refusals = Vec<(String, Msg)>;

/// Every value checked: the canonical values of the fields that passed, and
/// (key, why) for each that did not, so a form shows them all at once.
pub fn check_all(
    defs: &[FieldDef],
    typed: &HashMap<String, String>,
) -> (Vec<(FieldId, String)>, Refusals) {
    let (values, errors) = rules::check_values(defs, |k| typed.get(k).map(String::as_str));
    let errors = errors
        .into_iter()
        .map(|(key, e)| (key.to_string(), field_message(e)))
        .collect();
    (values, errors)
}

/// The values as stored on an invitation (a JSON object by key), so the
/// definitions may change before it is accepted.
pub fn to_json(defs: &[FieldDef], values: &[(FieldId, String)]) -> String {
    let map: serde_json::Map<String, serde_json::Value> = values
        .iter()
        .filter_map(|(id, v)| {
            defs.iter()
                .find(|d| d.id == *id)
                .map(|d| (d.key.clone(), serde_json::Value::String(v.clone())))
        })
        .collect();
    serde_json::Value::Object(map).to_string()
}

/// An invitation's values, re-checked against today's definitions, for the
/// account it becomes; what no longer fits (a field deleted or retyped
/// meanwhile) is dropped rather than blocking the invitee.
pub async fn from_invitation(conn: &mut Conn, json: &str) -> AppResult<Vec<(FieldId, String)>> {
    let defs = custom_fields::list(conn).await?;
    let typed: HashMap<String, String> = serde_json::from_str(json).unwrap_or_default();
    Ok(defs
        .iter()
        .filter_map(|d| {
            let raw = typed.get(&d.key)?;
            rules::check_value(d, raw).ok().flatten().map(|v| (d.id, v))
        })
        .collect())
}
