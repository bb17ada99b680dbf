//! File downloads: `GET /billing/export.{csv,xlsx}` and
//! `GET /journal/export.csv`. Server functions are POST-only, and a
//! download is a plain link, so these are routes of their own; each reads
//! the session cookie and calls the same services as the pages, whose
//! policy checks decide who gets the file.

use app::api::ApiError;
use app::contracts::journal::JournalQuery;
use app::i18n::Lang;
use app::server::auth::cookie;
use app::server::error::{AppError, lang_of};
use app::server::services::auth::{self as auth_service, CurrentUser};
use app::server::services::{billing, journal};
use app::server::{AppState, context, export};
use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Query, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use futures::StreamExt as _;
use serde::Deserialize;

pub fn routes(state: AppState) -> Router {
    Router::new()
        .route("/billing/export.csv", get(billing_csv))
        .route("/billing/export.xlsx", get(billing_xlsx))
        .route("/journal/export.csv", get(journal_csv))
        .with_state(state)
}

/// A refusal as the person reads it: their language, no internals.
pub(crate) fn refused(e: AppError, lang: Lang) -> Response {
    let status = e.status();
    if status == StatusCode::UNAUTHORIZED {
        return Redirect::to("/login").into_response();
    }
    let text = ApiError::from(e).text(lang);
    (status, [(CONTENT_TYPE, "text/plain; charset=utf-8")], text).into_response()
}

pub(crate) async fn signed_in(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<CurrentUser, AppError> {
    let token = cookie::read(headers, cookie::SESSION_COOKIE).ok_or(AppError::Unauthenticated)?;
    auth_service::current_user(state, &token)
        .await?
        .ok_or(AppError::Unauthenticated)
}

pub(crate) fn file(content_type: &'static str, name: &str, body: Body) -> Response {
    let mut response = Response::new(body);
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        headers.insert(CONTENT_DISPOSITION, value);
    }
    // Billing lists and the log are personal data: never kept by a cache.
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

#[derive(Deserialize)]
struct MonthQuery {
    month: Option<String>,
}

async fn billing_table(
    state: &AppState,
    headers: &HeaderMap,
    month: Option<&str>,
) -> Result<(String, export::Table), AppError> {
    let me = signed_in(state, headers).await?;
    let (month, table) = billing::export(state, &me, month, lang_of(headers)).await?;
    Ok((month.code(), table))
}

async fn billing_csv(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<MonthQuery>,
) -> Response {
    let lang = lang_of(&headers);
    match billing_table(&state, &headers, q.month.as_deref()).await {
        Ok((month, table)) => match export::csv(&table) {
            Ok(bytes) => file(
                "text/csv; charset=utf-8",
                &format!("facturation-{month}.csv"),
                Body::from(bytes),
            ),
            Err(e) => refused(e, lang),
        },
        Err(e) => refused(e, lang),
    }
}

async fn billing_xlsx(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<MonthQuery>,
) -> Response {
    let lang = lang_of(&headers);
    let built = match billing_table(&state, &headers, q.month.as_deref()).await {
        // Building a workbook is CPU work: off the async runtime.
        Ok((month, table)) => tokio::task::spawn_blocking(move || {
            export::xlsx(&table, &month).map(|bytes| (month, bytes))
        })
        .await
        .map_err(AppError::from)
        .and_then(|built| built),
        Err(e) => Err(e),
    };
    match built {
        Ok((month, bytes)) => file(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            &format!("facturation-{month}.xlsx"),
            Body::from(bytes),
        ),
        Err(e) => refused(e, lang),
    }
}

async fn journal_csv(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<JournalQuery>,
) -> Response {
    let lang = lang_of(&headers);
    let zone = context::zone_of(&headers);
    let opened = match signed_in(&state, &headers).await {
        Ok(me) => journal::Export::open(&state, &me, query, zone.as_deref(), lang).await,
        Err(e) => Err(e),
    };
    let exporter = match opened {
        Ok(exporter) => exporter,
        Err(e) => return refused(e, lang),
    };
    let head = match export::csv_lines(&[exporter.header()]) {
        Ok(line) => [export::CSV_BOM, &line].concat(),
        Err(e) => return refused(e, lang),
    };
    // The file streams out chunk by chunk (keyset paging), so a million
    // entries never sit in memory at once.
    let chunks = futures::stream::unfold((Some(exporter), state), |(exporter, state)| async move {
        let mut exporter = exporter?;
        match exporter.next_chunk(&state).await {
            Ok(rows) if rows.is_empty() => None,
            Ok(rows) => match export::csv_lines(&rows) {
                Ok(bytes) => Some((Ok(Bytes::from(bytes)), (Some(exporter), state))),
                Err(_) => Some((Err(std::io::Error::other("csv")), (None, state))),
            },
            Err(e) => {
                tracing::error!(error = ?e, "journal export stopped");
                Some((Err(std::io::Error::other("export")), (None, state)))
            }
        }
    });
    // Fused: a compressing layer may poll the body once more after its
    // end, and `unfold` panics when polled past it.
    let body = futures::stream::once(async move { Ok::<_, std::io::Error>(Bytes::from(head)) })
        .chain(chunks)
        .fuse();
    file(
        "text/csv; charset=utf-8",
        "journal.csv",
        Body::from_stream(body),
    )
}
