//! The server's error type: a public, translatable part for the person in
//! front of the screen, and a cause that goes to the log and nowhere else.

use axum::http::StatusCode;
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;

use crate::api::ApiError;
use crate::i18n::Msg;

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
    #[error("refused field {0}: {2:?}")]
    InvalidField(String, String, Msg),
    #[error("internal error: {0}")]
    Internal(#[source] Box<dyn std::error::Error + Send + Sync>),
}

impl AppError {
    pub fn internal(cause: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
        AppError::Internal(cause.into())
    }
}

impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        AppError::Internal(Box::new(e))
    }
}

impl From<tokio::task::JoinError> for AppError {
    fn from(e: tokio::task::JoinError) -> Self {
        AppError::Internal(Box::new(e))
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
    fn status(&self) -> StatusCode {
        match self {
            AppError::Unauthenticated => StatusCode::UNAUTHORIZED,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Invalid(_) | AppError::InvalidField(..) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        if let Some(response) = use_context::<ResponseOptions>() {
            response.set_status(e.status());
        }
        match e {
            AppError::Unauthenticated => ApiError::Unauthenticated,
            AppError::Forbidden => ApiError::Forbidden,
            AppError::NotFound => ApiError::NotFound,
            AppError::Invalid(msg) => ApiError::Public(msg),
            AppError::InvalidField(fr, en, msg) => ApiError::Field { fr, en, msg },
            AppError::Internal(cause) => {
                tracing::error!(error = %cause, "internal error");
                ApiError::Internal
            }
        }
    }
}

pub type AppResult<T> = Result<T, AppError>;
