//! Logs: the subscriber (human lines or JSON lines, filtered by `RUST_LOG`),
//! the request id every request carries, and the per-request span and
//! access line of the HTTP layer.
//!
//! A request's span holds its method, path (never the query string: links
//! carry tokens there) and request id; services open spans of their own
//! inside it (ids and counts only), so any line logged while serving a
//! request says which route, which use case and which user it was about.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use axum::extract::Request;
use axum::http::{HeaderValue, Response};
use tower_http::classify::ServerErrorsFailureClass;
use tower_http::trace::{MakeSpan, OnFailure, OnResponse};
use tracing::{Instrument, Span, Subscriber};
use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::MakeWriter;

/// What `RUST_LOG` defaults to.
pub const DEFAULT_FILTER: &str = "info,sqlx=warn";

/// The header that carries the request id, in and out.
pub const REQUEST_ID: &str = "x-request-id";

/// How log lines are written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    /// One human-readable line per event, spans as `name{field=value}:`.
    #[default]
    Text,
    /// One JSON object per line, the spans in a `spans` array.
    Json,
}

/// The filter from `RUST_LOG`, or `DEFAULT_FILTER` when it is unset or
/// does not parse.
pub fn env_filter() -> EnvFilter {
    EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(DEFAULT_FILTER))
}

/// The subscriber the server logs through, writing to `writer` (tests
/// capture its output). Colours only when `ansi` (a terminal).
pub fn subscriber<W>(
    format: LogFormat,
    filter: EnvFilter,
    writer: W,
    ansi: bool,
) -> Box<dyn Subscriber + Send + Sync>
where
    W: for<'w> MakeWriter<'w> + Send + Sync + 'static,
{
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(writer)
        .with_ansi(ansi);
    match format {
        LogFormat::Text => Box::new(builder.finish()),
        LogFormat::Json => Box::new(builder.json().flatten_event(true).finish()),
    }
}

/// Installs the process-wide subscriber on standard output, filtered by
/// `RUST_LOG`. Colours only on a terminal, so files and journals get plain
/// text.
pub fn init(format: LogFormat) {
    use std::io::IsTerminal;
    use tracing_subscriber::util::SubscriberInitExt;

    let ansi = std::io::stdout().is_terminal();
    subscriber(format, env_filter(), std::io::stdout, ansi).init();
}

/// A request id: the caller's (a reverse proxy's) when it is short and
/// plain, else a new UUID. Anything else is dropped before
/// `SetRequestIdLayer` sees it, so a client cannot write arbitrary text
/// into every log line of its request.
pub fn acceptable_request_id(value: &HeaderValue) -> bool {
    let bytes = value.as_bytes();
    (1..=64).contains(&bytes.len())
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
}

/// Removes an `x-request-id` that `acceptable_request_id` refuses (or
/// that is repeated), so a fresh one is made.
pub fn drop_unacceptable_request_id<B>(mut request: Request<B>) -> Request<B> {
    let mut values = request.headers().get_all(REQUEST_ID).iter();
    let keep = match (values.next(), values.next()) {
        (Some(value), None) => acceptable_request_id(value),
        _ => false,
    };
    if !keep {
        request.headers_mut().remove(REQUEST_ID);
    }
    request
}

/// The span of one request: method, path without the query string, and
/// the request id `SetRequestIdLayer` put in the headers.
#[derive(Clone, Copy, Debug, Default)]
pub struct RequestSpan;

impl<B> MakeSpan<B> for RequestSpan {
    fn make_span(&mut self, request: &axum::http::Request<B>) -> Span {
        let request_id = request
            .headers()
            .get(REQUEST_ID)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        // The path is the client's text (the URI parser lets `"`, `{`, `}`
        // through), so it stays quoted; the id is ours or was checked plain.
        tracing::info_span!(
            "request",
            method = %request.method(),
            path = request.uri().path(),
            request_id = %request_id,
        )
    }
}

/// The access line: status and latency, at INFO for successes and
/// redirects, WARN for the caller's mistakes (4xx), ERROR for ours (5xx).
#[derive(Clone, Copy, Debug, Default)]
pub struct ResponseLine;

impl<B> OnResponse<B> for ResponseLine {
    fn on_response(self, response: &Response<B>, latency: Duration, _: &Span) {
        let status = response.status().as_u16();
        // Milliseconds with three decimals.
        let latency_ms = latency.as_micros() as f64 / 1000.0;
        if response.status().is_server_error() {
            tracing::error!(status, latency_ms, "response");
        } else if response.status().is_client_error() {
            tracing::warn!(status, latency_ms, "response");
        } else {
            tracing::info!(status, latency_ms, "response");
        }
    }
}

/// Failures other than a 5xx status (which `ResponseLine` already logs):
/// the service or the body stream failed.
#[derive(Clone, Copy, Debug, Default)]
pub struct FailureLine;

impl OnFailure<ServerErrorsFailureClass> for FailureLine {
    fn on_failure(&mut self, failure: ServerErrorsFailureClass, latency: Duration, _: &Span) {
        if let ServerErrorsFailureClass::Error(error) = failure {
            let latency_ms = latency.as_micros() as f64 / 1000.0;
            tracing::error!(%error, latency_ms, "response failed");
        }
    }
}

/// The executor leptos spawns tasks on (page resources, which call the
/// server functions while a page renders): tokio's, each task inside the
/// span that spawned it, so what a page's data loading logs carries the
/// request's span like a direct `/api/` call does.
struct SpanKeepingExecutor;

impl any_spawner::CustomExecutor for SpanKeepingExecutor {
    fn spawn(&self, future: Pin<Box<dyn Future<Output = ()> + Send>>) {
        tokio::spawn(future.in_current_span());
    }

    fn spawn_local(&self, future: Pin<Box<dyn Future<Output = ()>>>) {
        tokio::task::spawn_local(future.in_current_span());
    }

    fn poll_local(&self) {}
}

/// Sets `SpanKeepingExecutor` as leptos's executor, once per process,
/// before leptos_axum would set plain tokio (it keeps an executor already
/// set).
pub fn init_executor() {
    let _ = any_spawner::Executor::init_custom_executor(SpanKeepingExecutor);
}
