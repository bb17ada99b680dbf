//! The server's error type: a public, translatable part for the person in
//! front of the screen, and a cause that goes to the log and nowhere else.

use axum::body::Body;
use axum::http::header::{ACCEPT_LANGUAGE, CONTENT_TYPE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use leptos::prelude::use_context;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use leptos_axum::ResponseOptions;

use super::auth::cookie;
use super::context;
use crate::contracts::ApiError;
use crate::contracts::error::{FieldProblem, FormField};
use crate::contracts::wire;
use crate::domain::custom_field::Labels;
use crate::i18n::{Lang, Msg};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not signed in")]
    Unauthenticated,
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    /// Bad input or a refused business rule; the message is shown as is.
    #[error("refused: {0:?}")]
    Invalid(Msg),
    /// A refused value of a custom field: (label FR, label EN, why).
    #[error("refused field: {1:?}")]
    InvalidField(Labels, Msg),
    /// A form refused as a whole: each input that needs correcting.
    #[error("refused fields: {0:?}")]
    InvalidFields(Vec<FieldProblem>),
    /// No seat is free (`services::seats::start_billing`): the limit and
    /// the billable members counted.
    #[error("no seat free: {used}/{limit}")]
    SeatsFull { limit: i64, used: i64 },
    /// Our failure. `span` is where it happened (the service's span inside
    /// the request's), so the log line written when it becomes an answer
    /// names the route, the request id, the use case and the user even
    /// though the service's span has been left by then.
    #[error("internal error: {cause}")]
    Internal {
        #[source]
        cause: Box<dyn std::error::Error + Send + Sync>,
        span: tracing::Span,
    },
}

impl AppError {
    /// One input refused, said under it.
    pub fn on(field: FormField, msg: Msg) -> Self {
        AppError::InvalidFields(vec![FieldProblem { field, msg }])
    }

    pub fn internal(cause: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
        AppError::Internal {
            cause: cause.into(),
            span: tracing::Span::current(),
        }
    }
}

impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        AppError::internal(e)
    }
}

impl From<tokio::task::JoinError> for AppError {
    fn from(e: tokio::task::JoinError) -> Self {
        AppError::internal(e)
    }
}

/// True when the database refused a row because of a unique constraint, so
/// the caller can answer with a field error instead of a 500.
pub fn is_unique_violation(e: &sqlx::Error) -> bool {
    e.as_database_error()
        .is_some_and(|db| db.is_unique_violation())
}

impl AppError {
    /// The HTTP status of the server function's answer, so the API speaks
    /// plain HTTP to clients other than our UI.
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::Unauthenticated => StatusCode::UNAUTHORIZED,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Invalid(_)
            | AppError::InvalidField(..)
            | AppError::InvalidFields(_)
            | AppError::SeatsFull { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Internal { .. } => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        // A form posted before the wasm loaded is answered with a redirect
        // back to its page, the error in the URL: a status would replace
        // the redirect's and leave the person on a bare error body.
        if let Some(response) = use_context::<ResponseOptions>()
            && wire::reader() != wire::Reader::Form
        {
            response.set_status(e.status());
        }
        match e {
            AppError::Unauthenticated => ApiError::Unauthenticated,
            AppError::Forbidden => ApiError::Forbidden,
            AppError::NotFound => ApiError::NotFound,
            AppError::Invalid(msg) => ApiError::Public(msg),
            AppError::InvalidField(labels, msg) => ApiError::Field { labels, msg },
            AppError::InvalidFields(problems) => ApiError::Fields(problems),
            AppError::SeatsFull { limit, used } => ApiError::SeatsFull { limit, used },
            AppError::Internal { cause, span } => {
                // Entering a span the filter turned off does nothing: the
                // line then carries the current span instead.
                span.in_scope(|| tracing::error!(error = %cause, "internal error"));
                ApiError::Internal
            }
        }
    }
}

pub type AppResult<T> = Result<T, AppError>;

/// The refused inputs of one form, collected so the answer names them all
/// at once (`AppError::InvalidFields`), each shown under its input.
#[derive(Default)]
pub struct Problems(Vec<FieldProblem>);

impl Problems {
    pub fn add(&mut self, field: FormField, msg: Msg) {
        self.0.push(FieldProblem { field, msg });
    }

    /// The value, or `None` with the problem noted.
    pub fn take<T, E>(&mut self, field: FormField, parsed: Result<T, E>, msg: Msg) -> Option<T> {
        parsed.map_err(|_| self.add(field, msg)).ok()
    }

    /// A person's first and last name, both required.
    pub fn names(
        &mut self,
        first: &str,
        last: &str,
    ) -> Option<(
        crate::domain::person_name::PersonName,
        crate::domain::person_name::PersonName,
    )> {
        use crate::domain::person_name::PersonName;
        let first = self.take(
            FormField::FirstName,
            PersonName::parse(first),
            Msg::ErrFirstNameRequired,
        );
        let last = self.take(
            FormField::LastName,
            PersonName::parse(last),
            Msg::ErrLastNameRequired,
        );
        first.zip(last)
    }

    /// A new password and its confirmation: too short, too common… on the
    /// password, a mismatch on the confirmation. True when accepted.
    pub fn password(&mut self, password: &str, confirm: &str) -> bool {
        use crate::domain::password::{self, PasswordError};
        use crate::server::services::setup::password_message;
        match password::check(password, confirm) {
            Ok(()) => true,
            Err(e @ PasswordError::Mismatch) => {
                self.add(FormField::PasswordConfirm, password_message(e));
                false
            }
            Err(e) => {
                self.add(FormField::Password, password_message(e));
                false
            }
        }
    }

    /// `Ok` when nothing was refused.
    pub fn check(self) -> AppResult<()> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(self.into_error())
        }
    }

    pub fn into_error(self) -> AppError {
        AppError::InvalidFields(self.0)
    }
}

/// How many characters of a parser's message reach the log: enough to see
/// which field was wrong, too few to copy what was sent into the log.
const LOGGED_DETAIL_CHARS: usize = 80;

fn prefix(text: &str, chars: usize) -> &str {
    text.char_indices()
        .nth(chars)
        .map_or(text, |(end, _)| &text[..end])
}

/// What a server function answers when leptos could not run it, or `None`
/// outside a request (then the failure is the browser's: the network or
/// the answer). Arguments that do not parse, a missing field, a body that
/// is not UTF-8 are the caller's mistake: 400 and a sentence in the
/// caller's language. The parser's message stays out of the answer (it
/// can quote the value sent, and names our types) and reaches the log cut
/// short. Anything else went wrong on our side.
pub fn request_failure(failure: &ServerFnErrorErr) -> Option<ApiError> {
    let response = use_context::<ResponseOptions>()?;
    match failure {
        ServerFnErrorErr::Args(detail)
        | ServerFnErrorErr::MissingArg(detail)
        | ServerFnErrorErr::Deserialization(detail) => {
            tracing::info!(
                detail = prefix(detail, LOGGED_DETAIL_CHARS),
                "refused malformed server function arguments"
            );
            response.set_status(StatusCode::BAD_REQUEST);
            Some(ApiError::refused(
                Msg::ErrBadRequest,
                context::request_lang(),
            ))
        }
        other => {
            tracing::error!(error = %other, "server function failed outside its body");
            response.set_status(StatusCode::INTERNAL_SERVER_ERROR);
            Some(ApiError::Internal)
        }
    }
}

/// The language of a request that reached no server function: the same
/// choice as `context::request_lang`, from the headers alone.
pub fn lang_of(headers: &HeaderMap) -> Lang {
    cookie::read(headers, cookie::LANG_COOKIE)
        .and_then(|code| Lang::parse(&code))
        .or_else(|| {
            headers
                .get(ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Lang::from_accept_language)
        })
        .unwrap_or_default()
}

/// The answer to a request refused before any server function ran (from
/// another site, too large, of a type no function reads): the status, and
/// the body a function's refusal would have, so the UI shows `msg` and
/// other clients read the sentence.
pub fn refusal(status: StatusCode, msg: Msg, request_headers: &HeaderMap) -> Response {
    let mut response = Response::new(Body::from(
        ApiError::refused(msg, lang_of(request_headers)).ser(),
    ));
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    response
}
