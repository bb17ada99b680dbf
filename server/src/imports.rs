//! The import's routes that are not server functions: the upload
//! (`multipart/form-data`, up to the file limit — server functions read
//! 1 MiB of form fields), the template and the reports (downloads).
//! Each reads the session cookie and calls the import service, whose
//! policy checks decide.

use app::domain::{GroupId, ImportId};
use app::i18n::Msg;
use app::server::error::{AppError, lang_of};
use app::server::services::imports;
use app::server::{AppState, export, spreadsheet};
use axum::Router;
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, Multipart, Path, Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};

use crate::exports::{file, refused, signed_in};

pub const UPLOAD_PATH: &str = "/imports/upload";
/// The file and a few form fields.
const UPLOAD_LIMIT: usize = spreadsheet::MAX_FILE_BYTES + 64 * 1024;
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

pub fn routes(state: AppState) -> Router {
    Router::new()
        .route(
            UPLOAD_PATH,
            post(upload).layer(DefaultBodyLimit::max(UPLOAD_LIMIT)),
        )
        .route("/imports/template.csv", get(template_csv))
        .route("/imports/template.xlsx", get(template_xlsx))
        .route("/imports/{id}/report.csv", get(report_csv))
        .route("/imports/{id}/report.xlsx", get(report_xlsx))
        .route("/imports/{id}/errors.csv", get(errors_csv))
        .route("/imports/{id}/errors.xlsx", get(errors_xlsx))
        .with_state(state)
}

/// Back to the upload step with the reason, which the page translates.
fn back_with(group: Option<GroupId>, msg: Msg) -> Response {
    match group {
        Some(g) => {
            Redirect::to(&format!("/groups/{g}/users/import?error={}", msg.id())).into_response()
        }
        None => Redirect::to("/").into_response(),
    }
}

#[derive(serde::Deserialize)]
struct UploadQuery {
    group_id: Option<GroupId>,
}

/// The wizard's upload: a form with `group_id` and `file`, posted before
/// or after the wasm loads (drag and drop fills the same input). Answers
/// with the next step, or the upload step again with the reason. The
/// group is in the URL too, so a body refused for its size still knows
/// where to send the person back.
async fn upload(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<UploadQuery>,
    mut form: Multipart,
) -> Response {
    let lang = lang_of(&headers);
    let me = match signed_in(&state, &headers).await {
        Ok(me) => me,
        Err(e) => return refused(e, lang),
    };
    let mut group: Option<GroupId> = query.group_id;
    let mut upload: Option<(String, Vec<u8>)> = None;
    loop {
        let field = match form.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => {
                return back_with(group, Msg::ErrImportTooLarge);
            }
            Err(_) => return back_with(group, Msg::ErrImportNoFile),
        };
        match field.name() {
            Some("group_id") => {
                if let Some(id) = field.text().await.ok().and_then(|t| t.trim().parse().ok()) {
                    group = Some(id);
                }
            }
            Some("file") => {
                let name = field.file_name().unwrap_or("").to_owned();
                match field.bytes().await {
                    Ok(bytes) => upload = Some((name, bytes.to_vec())),
                    Err(e) if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => {
                        return back_with(group, Msg::ErrImportTooLarge);
                    }
                    Err(_) => return back_with(group, Msg::ErrImportNoFile),
                }
            }
            _ => {}
        }
    }
    let Some(group) = group else {
        return refused(AppError::NotFound, lang);
    };
    let Some((name, bytes)) = upload.filter(|(_, b)| !b.is_empty()) else {
        return back_with(Some(group), Msg::ErrImportNoFile);
    };
    match imports::upload(&state, &me, group, &name, bytes).await {
        Ok(id) => {
            Redirect::to(&format!("/groups/{group}/users/import/{id}?step=columns")).into_response()
        }
        Err(AppError::Invalid(msg)) => back_with(Some(group), msg),
        Err(e) => refused(e, lang),
    }
}

async fn template_csv(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let lang = lang_of(&headers);
    let built = match signed_in(&state, &headers).await {
        Ok(me) => imports::template(&state, &me, lang).await,
        Err(e) => Err(e),
    };
    match built.and_then(|t| export::csv(&t.table)) {
        Ok(bytes) => file(
            "text/csv; charset=utf-8",
            "modele-import.csv",
            Body::from(bytes),
        ),
        Err(e) => refused(e, lang),
    }
}

async fn template_xlsx(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let lang = lang_of(&headers);
    let built = match signed_in(&state, &headers).await {
        Ok(me) => imports::template(&state, &me, lang).await,
        Err(e) => Err(e),
    };
    let bytes = match built {
        Ok(t) => {
            let help = lang.t(Msg::ImportColMeaning).to_owned();
            tokio::task::spawn_blocking(move || {
                export::xlsx_sheets(&[("import", &t.table), (&help, &t.help)])
            })
            .await
            .map_err(AppError::from)
            .and_then(|built| built)
        }
        Err(e) => Err(e),
    };
    match bytes {
        Ok(bytes) => file(XLSX, "modele-import.xlsx", Body::from(bytes)),
        Err(e) => refused(e, lang),
    }
}

async fn report_table(
    state: &AppState,
    headers: &HeaderMap,
    id: ImportId,
    errors_only: bool,
) -> Result<(String, export::Table), AppError> {
    let me = signed_in(state, headers).await?;
    imports::report_rows(state, &me, id, errors_only, lang_of(headers)).await
}

async fn report_csv(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<ImportId>,
) -> Response {
    csv_of(&state, &headers, id, false).await
}

async fn errors_csv(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<ImportId>,
) -> Response {
    csv_of(&state, &headers, id, true).await
}

async fn csv_of(
    state: &AppState,
    headers: &HeaderMap,
    id: ImportId,
    errors_only: bool,
) -> Response {
    let lang = lang_of(headers);
    match report_table(state, headers, id, errors_only)
        .await
        .and_then(|(name, table)| Ok((name, export::csv(&table)?)))
    {
        Ok((name, bytes)) => file(
            "text/csv; charset=utf-8",
            &format!("{name}.csv"),
            Body::from(bytes),
        ),
        Err(e) => refused(e, lang),
    }
}

async fn report_xlsx(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<ImportId>,
) -> Response {
    xlsx_of(&state, &headers, id, false).await
}

/// The rows in error as a workbook, for a file that came as one: fixed in
/// the same program and sent again.
async fn errors_xlsx(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<ImportId>,
) -> Response {
    xlsx_of(&state, &headers, id, true).await
}

async fn xlsx_of(
    state: &AppState,
    headers: &HeaderMap,
    id: ImportId,
    errors_only: bool,
) -> Response {
    let lang = lang_of(headers);
    let built = match report_table(state, headers, id, errors_only).await {
        Ok((name, table)) => tokio::task::spawn_blocking(move || {
            export::xlsx(&table, "import").map(|bytes| (name, bytes))
        })
        .await
        .map_err(AppError::from)
        .and_then(|built| built),
        Err(e) => Err(e),
    };
    match built {
        Ok((name, bytes)) => file(XLSX, &format!("{name}.xlsx"), Body::from(bytes)),
        Err(e) => refused(e, lang),
    }
}
