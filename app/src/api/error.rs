use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, Msg};

/// What a server function tells the browser when it refuses: a message
/// key the UI translates, never an internal detail.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum ApiError {
    #[error("not signed in")]
    Unauthenticated,
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("{0:?}")]
    Public(Msg),
    /// A refused value of a named field (a custom field): its label in
    /// both languages, and why.
    #[error("{fr}: {msg:?}")]
    Field { fr: String, en: String, msg: Msg },
    #[error("internal error")]
    Internal,
    /// The request did not reach the function or its answer did not come back.
    #[error("transport: {0}")]
    Transport(String),
}

impl ApiError {
    pub fn message(&self) -> Msg {
        match self {
            ApiError::Unauthenticated => Msg::ErrUnauthenticated,
            ApiError::Forbidden => Msg::ErrForbidden,
            ApiError::NotFound => Msg::ErrNotFound,
            ApiError::Public(msg) | ApiError::Field { msg, .. } => *msg,
            ApiError::Internal => Msg::ErrInternal,
            ApiError::Transport(_) => Msg::ErrNetwork,
        }
    }
}

impl ApiError {
    /// The whole sentence to show, with the field's label when there is one.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            ApiError::Field { fr, en, msg } => {
                let label = if lang == Lang::Fr { fr } else { en };
                let sep = if lang == Lang::Fr { " : " } else { ": " };
                format!("{label}{sep}{}", lang.t(*msg))
            }
            other => lang.t(other.message()).to_owned(),
        }
    }
}

impl FromServerFnError for ApiError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        ApiError::Transport(value.to_string())
    }
}
