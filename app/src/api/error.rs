use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

use crate::i18n::Msg;

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
            ApiError::Public(msg) => *msg,
            ApiError::Internal => Msg::ErrInternal,
            ApiError::Transport(_) => Msg::ErrNetwork,
        }
    }
}

impl FromServerFnError for ApiError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        ApiError::Transport(value.to_string())
    }
}
